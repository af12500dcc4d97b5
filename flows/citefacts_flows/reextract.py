"""The scheduled re-extraction: every source in a folder whose text or pipeline changed, decisions kept.

Sources whose sha256 and pipeline version match their existing output are skipped; the others go
through the extraction flow, whose write step carries fact ids over and retires stale decisions.
"""

# No `from __future__ import annotations`: a deployment loads flows from their file, and Prefect
# then cannot resolve string annotations when it validates parameters.
from pathlib import Path

from prefect import flow, get_run_logger

from citefacts.errors import CitefactsError
from citefacts.review.rerun import up_to_date
from citefacts.write import output_path
from citefacts_flows.extract import extract_file


def source_files(folder: Path) -> list[Path]:
    """The source files of a folder, hidden files skipped, in name order."""
    if not folder.is_dir():
        raise CitefactsError("no such folder of sources", str(folder))
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


@flow(name="reextract", log_prints=False)
def reextract(sources: str = "raw", out_dir: str = "extracted", require_footnotes: bool = True) -> dict[str, list[str]]:
    """Re-extract the changed sources of a folder; returns the names extracted, skipped and failed."""
    logger = get_run_logger()
    out = Path(out_dir)
    summary: dict[str, list[str]] = {"extracted": [], "skipped": [], "failed": []}
    for path in source_files(Path(sources)):
        if up_to_date(path, output_path(path, out)):
            summary["skipped"].append(path.name)
            continue
        try:
            extract_file(path, out, None, require_footnotes)
        except CitefactsError as error:
            logger.error("%s", error)
            summary["failed"].append(path.name)
            continue
        summary["extracted"].append(path.name)
    logger.info("re-extraction: %s", {key: len(names) for key, names in summary.items()})
    if summary["failed"]:
        raise CitefactsError(f"{len(summary['failed'])} source(s) failed: {', '.join(summary['failed'])}")
    return summary
