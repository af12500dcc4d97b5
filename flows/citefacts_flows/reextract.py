"""The scheduled re-extraction: every source of a folder whose text or pipeline changed, decisions kept.

The same tasks as the extraction flow: a source whose output came from the same text and pipeline
versions is skipped; the others are extracted and saved, carrying fact ids and decisions over.
"""

# No `from __future__ import annotations`: a deployment loads flows from their file, and Prefect
# then cannot resolve string annotations when it validates parameters.
from pathlib import Path

from prefect import flow, get_run_logger

from citefacts.errors import CitefactsError
from citefacts.sources import source_files
from citefacts_flows.extract import run_sources


@flow(name="reextract", log_prints=False)
def reextract(sources: str = "raw", out_dir: str = "extracted", require_footnotes: bool = True) -> dict[str, list[str]]:
    """Re-extract the changed sources of a folder; returns the names extracted, skipped and failed."""
    logger = get_run_logger()
    folder = Path(sources)
    if not folder.is_dir():
        raise CitefactsError("no such folder of sources", str(folder))
    results = run_sources(source_files([folder]), Path(out_dir), None, require_footnotes, None, False)
    summary: dict[str, list[str]] = {"extracted": [], "skipped": [], "failed": []}
    for result in results:
        kind = "failed" if result.failed else "extracted" if result.diff is not None else "skipped"
        summary[kind].append(result.source.name)
        if result.error:
            logger.error("%s", result.error)
    logger.info("re-extraction: %s", {key: len(names) for key, names in summary.items()})
    if summary["failed"]:
        raise CitefactsError(f"{len(summary['failed'])} source(s) failed: {', '.join(summary['failed'])}")
    return summary
