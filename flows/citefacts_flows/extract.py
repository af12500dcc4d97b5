"""The extraction flow: each pipeline stage of citefacts as a Prefect task, one subflow per file.

The write step reconciles with the previous output (fact ids carried over, decisions kept or
retired) and writes the run's diff beside it; the flow returns that diff with the output's path.
"""

# No `from __future__ import annotations`: a deployment loads flows from their file, and Prefect
# then cannot resolve string annotations when it validates parameters.
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from citefacts import pipeline
from citefacts.models import Document, Fact, ParsedSource
from citefacts.nlp import load_model
from citefacts.read import read_source
from citefacts.review.diff import RunDiff
from citefacts.review.rerun import save_extraction
from citefacts.write import output_path


@dataclass(frozen=True)
class Extracted:
    """What one run of :func:`extract_file` did: where the facts are, what changed, whether the file was rewritten."""

    output: Path
    diff: RunDiff
    written: bool  # False: the run would change nothing, so the output and its diff were left as they were


@task(name="read", cache_policy=NO_CACHE)
def read_task(path: Path, fmt: str | None, require_footnotes: bool) -> ParsedSource:
    return read_source(path, fmt, require_footnotes)


@task(name="sentences-and-extract", cache_policy=NO_CACHE)
def analyse_task(parsed: ParsedSource, dct: date | None) -> pipeline.Analysis:
    return pipeline.analyse(parsed, load_model(), dct)


@task(name="link", cache_policy=NO_CACHE)
def link_task(analysis: pipeline.Analysis) -> tuple[pipeline.Links, pipeline.Links]:
    return pipeline.link_and_suggest(analysis)


@task(name="check", cache_policy=NO_CACHE)
def check_task(
    parsed: ParsedSource, analysis: pipeline.Analysis, links: tuple[pipeline.Links, pipeline.Links]
) -> list[Fact]:
    linked, suggested = links
    return pipeline.build_facts(parsed, analysis, linked, suggested)


@task(name="write", cache_policy=NO_CACHE)
def write_task(parsed: ParsedSource, facts: list[Fact], out: Path) -> Extracted:
    document: Document = pipeline.build_document(parsed, facts, load_model())
    saved = save_extraction(document, out, parsed.raw)
    return Extracted(out, saved.diff, saved.written)


@flow(name="extract-file", log_prints=False)
def extract_file(
    path: Path,
    out_dir: Path = Path("extracted"),
    fmt: str | None = None,
    require_footnotes: bool = True,
    dct: date | None = None,
) -> Extracted:
    """Read one source, extract, link, check and write its facts; returns the output path and the run's diff."""
    parsed = read_task(path, fmt, require_footnotes)
    analysis = analyse_task(parsed, dct)
    links = link_task(analysis)
    facts = check_task(parsed, analysis, links)
    return write_task(parsed, facts, output_path(path, out_dir))
