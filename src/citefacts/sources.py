"""The sources of a run: found, checked before any work starts, and each extracted and saved on its own.

A run over a folder must never read its own outputs back as sources, must refuse a bad source or an
unwritable output folder before it spends minutes on the others, and must leave every other source
written when one fails. These functions are what the flows run, one call per source.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.language import Language

from citefacts import pipeline
from citefacts.errors import CitefactsError, InputError
from citefacts.read import read_source
from citefacts.review.diff import RunDiff
from citefacts.review.rerun import confirmed_placements, save_extraction, up_to_date
from citefacts.review.store import decisions_path, read_decisions
from citefacts.write import output_path

OUTPUT_SUFFIXES = (".json", ".jsonl", ".partial", ".tmp", ".html")
"""Names a folder listing never takes for a source: what citefacts writes (outputs, diffs, decision logs,
temporary files, reports). A source is text, Markdown or wikitext; name a file explicitly to force it."""


@dataclass(frozen=True)
class SourceResult:
    """What a run did with one source."""

    source: Path
    output: Path
    written: bool
    """True when the output was (re)written; False when it would not have changed or the source failed."""
    diff: RunDiff | None = None
    """What changed, when the source was extracted (None when it was up to date and skipped, or failed)."""
    error: str | None = None
    """The one-line error, when the source failed."""

    @property
    def failed(self) -> bool:
        return self.error is not None


def source_files(paths: list[Path]) -> list[Path]:
    """The files named, with folders expanded to the sources they hold (hidden files and outputs skipped)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            held = sorted(p for p in path.iterdir() if p.is_file() and _is_source_name(p.name))
            if not held:
                raise InputError("no source files in this folder", str(path))
            files += held
        elif path.exists():
            files.append(path)
        else:
            raise InputError("no such file or folder", str(path))
    return list(dict.fromkeys(files))


def _is_source_name(name: str) -> bool:
    return not name.startswith(".") and not name.endswith(OUTPUT_SUFFIXES)


def check_source(path: Path, out_dir: Path, fmt: str | None, require_footnotes: bool) -> SourceResult | None:
    """Read a source and its decision log once, before any work: None when both are fine, else the failure.

    A decision log's partial last line (all a crash can leave) is set aside with a warning; any other
    damage is a failure naming the file and line, found before minutes are spent on the other sources.
    """
    try:
        read_source(path, fmt, require_footnotes)
        read_decisions(decisions_path(output_path(path, out_dir)))
    except CitefactsError as error:
        return failed(path, out_dir, error)
    return None


def check_output_folder(out: Path) -> None:
    """The output folder exists or can be made, and a file can be written in it; else one line saying why."""
    if out.exists() and not out.is_dir():
        raise CitefactsError("--out must be a folder, and this is a file", str(out))
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".citefacts-probe.", suffix=".tmp"):
            pass
    except OSError as error:
        raise CitefactsError(f"--out is not a folder citefacts can write to: {error.strerror}", str(out)) from error


def extract_source(
    path: Path,
    out_dir: Path,
    nlp: Language,
    fmt: str | None = None,
    require_footnotes: bool = True,
    dct: date | None = None,
    force: bool = False,
    processes: int = 1,
    progress: pipeline.Progress = pipeline.no_progress,
) -> SourceResult:
    """Extract one source and save it beside its decisions; skipped when its output is up to date.

    Up to date means the output came from this exact text with this pipeline's versions: the same
    work would give the same output, so it is not done again (``force`` does it anyway). ``processes``
    is how many processes spaCy may use on a long source.
    """
    out = output_path(path, out_dir)
    if not force and up_to_date(path, out):
        return SourceResult(path, out, written=False)
    parsed = read_source(path, fmt, require_footnotes)
    document = pipeline.run(parsed, nlp, dct, processes, progress, placements=confirmed_placements(out))
    progress("saving", 0, 1)
    saved = save_extraction(document, out, parsed.raw)
    return SourceResult(path, out, written=saved.written, diff=saved.diff)


def failed(path: Path, out_dir: Path, error: BaseException) -> SourceResult:
    """The result of a source whose extraction raised: its one-line error, nothing written."""
    return SourceResult(path, output_path(path, out_dir), written=False, error=str(error))


def stale_temporaries(out: Path) -> list[Path]:
    """Temporary files that a killed run left in the output folder (their writer's process is gone)."""
    stale = []
    for candidate in out.glob(".*.tmp") if out.is_dir() else []:
        writer = candidate.name.rsplit(".pid", 1)[-1].split(".", 1)[0]
        if writer.isdigit() and not _alive(int(writer)):
            stale.append(candidate)
    return stale


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
