"""The decision log: one JSON line per decision, appended and fsynced, never edited.

Extraction output (``<name>.json``) is replaced on every run; decisions live beside it in
``<name>.decisions.jsonl`` so that no extraction can overwrite them. What a decision means for the
current output is derived from the log (see :func:`fact_states`), never stored by editing it.
The one rewrite is of damage no one wrote: a partial last line that an interrupted append left is
moved to ``<name>.decisions.jsonl.partial``, so that it never blocks the log nor glues onto the next line.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Literal

from pydantic import ValidationError

from citefacts.errors import ReviewError
from citefacts.models import Decision, Document, Fact

logger = logging.getLogger(__name__)

SYSTEM_REVIEWER = "citefacts"
"""The reviewer name on the stale and archived markers a re-extraction appends."""

ReviewState = Literal["pending", "decided", "stale"]


def decisions_path(output: Path) -> Path:
    """Where the decisions on an output file live: ``extracted/x.json`` -> ``extracted/x.decisions.jsonl``."""
    return output.with_name(f"{output.stem}.decisions.jsonl")


def partial_path(log: Path) -> Path:
    """Where a partial last line of a decision log is set aside: ``x.decisions.jsonl.partial``."""
    return log.with_name(f"{log.name}.partial")


def append_decisions(path: Path, decisions: list[Decision]) -> None:
    """Append decisions as whole lines under an exclusive lock, flushed and fsynced before returning.

    The new lines always start on a line of their own: a partial last line (an append cut short by a
    crash or a full disk) is first set aside, and a complete last line missing its newline gets one.
    """
    if not decisions:
        return
    payload = "".join(decision.model_dump_json() + "\n" for decision in decisions).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        while True:
            with _locked(path) as stream:
                tail = _last_line(stream)
                if _is_partial(tail):
                    _set_aside(path, stream)
                    continue  # the log was replaced: append to the new file
                stream.write((b"\n" if tail else b"") + payload)
                stream.flush()
                os.fsync(stream.fileno())
                return
    except OSError as error:
        raise ReviewError(f"cannot append to the decision log: {error.strerror}", str(path)) from error


def read_decisions(path: Path) -> list[Decision]:
    """Every decision in the log, in order; a missing log is empty.

    A partial last line (no newline and not JSON: all an interrupted append can leave) is set aside to
    :func:`partial_path` with a warning, and the decisions before it are read. Any other damaged line
    is a one-line error naming the file and line: nothing a reviewer decided is dropped silently.
    """
    if not path.exists():
        return []
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReviewError(f"cannot read the decision log: {error.strerror}", str(path)) from error
    lines = data.split(b"\n")
    decisions = [
        decision
        for number, line in enumerate(lines[:-1], start=1)
        if (decision := _parse_line(line, path, number)) is not None
    ]
    if _is_partial(lines[-1]):
        _set_aside_partial(path)
    elif (last := _parse_line(lines[-1], path, len(lines))) is not None:
        decisions.append(last)
    return decisions


def _parse_line(line: bytes, path: Path, number: int) -> Decision | None:
    """One line of the log as a decision (None if blank), or a one-line error naming the file and line."""
    try:
        text = line.decode("utf-8")
        if not text.strip():
            return None
        return Decision.model_validate(json.loads(text))
    except UnicodeDecodeError as error:
        reason = f"not UTF-8 at byte {error.start}"
    except json.JSONDecodeError as error:
        reason = f"not JSON: {error.msg} at column {error.colno}"
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "the line"
        reason = f"not a decision: {field}: {first['msg']}"
    raise ReviewError(
        f"damaged decision line ({reason}); fix or remove that line by hand, keeping a copy of the log",
        str(path),
        f"line {number}",
    )


def _is_partial(tail: bytes) -> bool:
    """True for what an append cut short leaves after the last newline: some bytes, not JSON."""
    if not tail.strip():
        return False
    try:
        json.loads(tail.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return True
    return False


@contextmanager
def _locked(path: Path) -> Iterator[BinaryIO]:
    """The log opened for appending and reading, under an exclusive lock on the file now at `path`.

    Setting a partial line aside replaces the file; whoever waited for the lock on the old one
    opens the new one, so no line is ever written to a file that is no longer the log.
    """
    while True:
        stream = path.open("a+b")
        try:
            fcntl.flock(stream.fileno(), fcntl.LOCK_EX)
            try:
                current = path.stat()
            except FileNotFoundError:
                continue  # removed while we waited: open (and create) it again
            if os.path.samestat(os.fstat(stream.fileno()), current):
                yield stream
                return
        finally:
            stream.close()  # closing releases the lock


def _last_line(stream: BinaryIO) -> bytes:
    """The bytes after the log's last newline (b"" when it ends with one or is empty)."""
    position = stream.seek(0, os.SEEK_END)
    tail = b""
    while position > 0:
        step = min(position, 4096)
        position -= step
        stream.seek(position)
        chunk = stream.read(step)
        cut = chunk.rfind(b"\n")
        if cut >= 0:
            return chunk[cut + 1 :] + tail
        tail = chunk + tail
    return tail


def _set_aside_partial(path: Path) -> None:
    """Set a partial last line aside under the log's lock, if it is still there (not an append in progress)."""
    try:
        with _locked(path) as stream:
            if _is_partial(_last_line(stream)):
                _set_aside(path, stream)
    except OSError as error:
        logger.warning("%s: cannot set aside the partial last line (%s); it is skipped", path, error.strerror)


def _set_aside(path: Path, stream: BinaryIO) -> None:
    """Move the log's partial last line to the .partial file, and replace the log with what came before it.

    The fragment is fsynced to the .partial file before the log is replaced (temporary file, fsync,
    rename, fsync of the folder), so a crash at any step loses nothing. Call with the log's lock held.
    """
    stream.seek(0)
    data = stream.read()
    keep = data.rfind(b"\n") + 1
    fragment = data[keep:]
    aside = partial_path(path)
    with aside.open("ab") as kept:
        kept.write(fragment + b"\n")
        kept.flush()
        os.fsync(kept.fileno())
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as rewritten:
            rewritten.write(data[:keep])
            rewritten.flush()
            os.fsync(rewritten.fileno())
        os.chmod(temporary, stat.S_IMODE(os.fstat(stream.fileno()).st_mode))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
    logger.warning(
        "%s: set aside a partial last line (%d bytes, what an interrupted append leaves) to %s; "
        "the %d complete lines before it are kept",
        path,
        len(fragment),
        aside,
        data.count(b"\n"),
    )


@dataclass
class FactReview:
    """What the log says about one fact of the current output."""

    fact_id: str
    state: ReviewState = "pending"
    current: Decision | None = None
    """The decision in force: only ever one made on the fact's current content hash."""
    history: list[Decision] = field(default_factory=list)


def live_decisions(events: list[Decision]) -> list[Decision]:
    """The undo stack of one fact's decisions: undo pops, a stale or archived marker retires its hash."""
    stack: list[Decision] = []
    for event in events:
        if event.stale or event.archived:
            stack = [d for d in stack if d.content_hash != event.content_hash]
        elif event.decision == "undo":
            if stack:
                stack.pop()
        else:
            stack.append(event)
    return stack


def fact_states(facts: list[Fact], decisions: list[Decision]) -> dict[str, FactReview]:
    """The review state of each fact: decided only by a live decision on exactly its current content."""
    by_fact: dict[str, list[Decision]] = {}
    for decision in fact_decisions(decisions):
        by_fact.setdefault(decision.fact_id, []).append(decision)
    states = {}
    for fact in facts:
        events = by_fact.get(fact.id, [])
        stack = live_decisions(events)
        review = FactReview(fact.id, history=events)
        if stack and stack[-1].content_hash == fact.content_hash:
            review.state, review.current = "decided", stack[-1]
        elif stack or (events and (events[-1].stale or events[-1].archived)):
            review.state = "stale"
        states[fact.id] = review
    return states


def orphaned(document: Document, decisions: list[Decision]) -> list[Decision]:
    """Decisions on facts that no longer exist (archived): kept in the log, shown in summaries."""
    present = {fact.id for fact in document.facts}
    return [
        d
        for d in fact_decisions(decisions)
        if d.fact_id not in present and not (d.decision == "undo" or d.stale or d.archived)
    ]


def fact_decisions(decisions: list[Decision]) -> list[Decision]:
    """The decisions on facts, leaving out placements of footnotes (``review.placement`` reads those)."""
    return [d for d in decisions if d.placement is None]
