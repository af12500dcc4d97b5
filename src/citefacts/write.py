"""Writing and validating output files: atomic, schema-checked JSON."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from citefacts.errors import ValidationFailed
from citefacts.models import Document
from citefacts.validate import json_path, read_json


def atomic_write(path: Path, text: str) -> None:
    """Write a file so that readers see the old or the new content, never half of either."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # The writer's pid in the name lets a later run clear what a killed one left (sources.stale_temporaries).
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.pid{os.getpid()}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def output_path(source: Path, out_dir: Path) -> Path:
    """Where a source's facts go: ``<stem>.json`` for a .txt file, ``<name>.json`` otherwise.

    Keeping a non-.txt extension in the name means ``a.txt`` and ``a.md`` never overwrite each other.
    """
    name = source.stem if source.suffix in ("", ".txt") else source.name
    return out_dir / f"{name}.json"


def write_document(document: Document, path: Path, raw: str) -> Path:
    """Validate a document once more, check every span against the source text ``raw``, write it atomically.

    The output's contract is that ``raw[start:end] == text`` for every span; a document that breaks it
    is a bug, and is refused rather than written.
    """
    checked = Document.model_validate(document.model_dump())
    problems = check_spans(checked, raw)
    if problems:
        raise ValidationFailed(f"span does not match the source text: {problems[0]}", str(path))
    atomic_write(path, checked.model_dump_json(indent=2) + "\n")
    return path


def load_document(path: Path) -> Document:
    """Read and validate an output file against the schema, naming the first failing field on error.

    The schema is all this checks; :func:`citefacts.validate.validate_file` checks the rest.
    """
    data = read_json(path)
    try:
        return Document.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = json_path(first["loc"])
        raise ValidationFailed(f"{first['msg']} ({error.error_count()} error(s) in all)", str(path), where) from error


def check_spans(document: Document, raw: str) -> list[str]:
    """Every span whose text is not exactly the raw text at its offsets (empty when all hold)."""
    problems = []
    spans = [(f"footnote {n.number}", n.start, n.end, n.text) for n in document.footnotes]
    for fact in document.facts:
        spans.append((f"fact {fact.id}", fact.sentence.start, fact.sentence.end, fact.sentence.text))
        spans += [(f"fact {fact.id} {m.id}", m.start, m.end, m.text) for m in fact.mentions]
        for citation in fact.citations:
            for check in citation.checks:
                if check.evidence:
                    e = check.evidence
                    spans.append((f"fact {fact.id} evidence {check.mention}", e.start, e.end, e.text))
    for name, start, end, text in spans:
        if raw[start:end] != text:
            problems.append(f"{name}: raw[{start}:{end}] != {text[:40]!r}")
    return problems
