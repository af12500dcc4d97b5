"""The extraction flow: one flow run over any number of sources, one task per source.

Each task is one library call (``citefacts.sources.extract_source``): read, extract, link, check and
save beside the decisions, or skip a source whose output is up to date. A source that fails is
reported and the others are still written. The task runner decides where tasks run: one at a time
in this process by default (the spaCy model is loaded once), or on a Dask cluster (``runners``).
"""

# No `from __future__ import annotations`: a deployment loads flows from their file, and Prefect
# then cannot resolve string annotations when it validates parameters.
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture, as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from citefacts.errors import CitefactsError
from citefacts.nlp import load_model
from citefacts.pipeline import Progress
from citefacts.sources import SourceResult, extract_source, failed, source_files

IN_FLIGHT = 16
"""Tasks submitted ahead on a distributed runner: enough to keep a cluster busy, few enough that the
results its workers hold stay small however many sources there are."""
Listener = Callable[[SourceResult], None]
StageListener = Callable[[Path, str, int, int], None]
_listeners: list[Listener] = []
_stage_listeners: list[StageListener] = []


@contextmanager
def reporting(listener: Listener, stages: StageListener | None = None) -> Iterator[None]:
    """Call ``listener`` with each source's result as soon as it is done (a progress bar, a log), and
    ``stages`` with each stage of a source being extracted in this process (source, stage, done, total)."""
    _listeners.append(listener)
    if stages is not None:
        _stage_listeners.append(stages)
    try:
        yield
    finally:
        _listeners.remove(listener)
        if stages is not None:
            _stage_listeners.remove(stages)


def _stages_of(path: Path) -> Progress:
    """A source's stage reports, passed on to this process's stage listeners (none in a Dask worker)."""

    def tell(stage: str, done: int, total: int) -> None:
        for listener in _stage_listeners:
            listener(path, stage, done, total)

    return tell


@task(name="extract-source", cache_policy=NO_CACHE)
def extract_source_task(
    path: Path,
    out_dir: Path,
    fmt: str | None,
    require_footnotes: bool,
    dct: date | None,
    force: bool,
    processes: int = 1,
) -> SourceResult:
    return extract_source(path, out_dir, load_model(), fmt, require_footnotes, dct, force, processes, _stages_of(path))


@flow(name="extract", log_prints=False)
def extract_sources(
    sources: list[Path],
    out_dir: Path = Path("extracted"),
    fmt: str | None = None,
    require_footnotes: bool = True,
    dct: date | None = None,
    force: bool = False,
    skip: list[Path] | None = None,
) -> list[SourceResult]:
    """Extract, link, check and write the facts of every source (files, or folders of them, but not those in
    ``skip``); returns what happened to each, in order.

    Folders are listed here, inside the run, and not before: a distributed runner sends the flow's
    parameters with every task, so a list of a thousand files would travel a thousand times.
    """
    left_out = set(skip or [])
    paths = [path for path in source_files(sources) if path not in left_out]
    return run_sources(paths, out_dir, fmt, require_footnotes, dct, force)


def run_sources(
    paths: list[Path], out_dir: Path, fmt: str | None, require_footnotes: bool, dct: date | None, force: bool
) -> list[SourceResult]:
    """Inside a flow run: a task per source, results reported as they finish.

    On the default runner the tasks run one after another in this thread, so Ctrl-C stops the work
    at once instead of waiting for a worker thread; other runners get them a window at a time.
    """
    context = FlowRunContext.get()
    if context is None or isinstance(context.task_runner, ThreadPoolTaskRunner):
        return [_report(_run_here(path, out_dir, fmt, require_footnotes, dct, force)) for path in paths]
    # Each task runs in a worker process sharing the machine with the others (spaCy on one process each).
    # A window of tasks in flight, not all at once: a worker keeps each result until its future goes.
    waiting = iter(paths)
    in_flight: dict[PrefectFuture[Any], Path] = {}
    results: dict[Path, SourceResult] = {}

    def submit_next() -> None:
        path = next(waiting, None)
        if path is not None:
            in_flight[extract_source_task.submit(path, out_dir, fmt, require_footnotes, dct, force)] = path

    for _ in range(IN_FLIGHT):
        submit_next()
    while in_flight:
        future = next(as_completed(list(in_flight)))
        path = in_flight.pop(future)
        results[path] = _report(_result(future, path, out_dir))
        submit_next()
    return [results[path] for path in paths]


def _run_here(
    path: Path, out_dir: Path, fmt: str | None, require_footnotes: bool, dct: date | None, force: bool
) -> SourceResult:
    """One source's task, run in this thread (spaCy on every core for a long source); its failure becomes its result."""
    try:
        return extract_source_task(path, out_dir, fmt, require_footnotes, dct, force, os.cpu_count() or 1)
    except CitefactsError as error:
        return failed(path, out_dir, error)


def _report(result: SourceResult) -> SourceResult:
    for listener in _listeners:
        listener(result)
    return result


def _result(future: PrefectFuture[Any], path: Path, out_dir: Path) -> SourceResult:
    """A finished task's result, or its failure as a result: one bad source never stops the others."""
    try:
        result = future.result()
    except Exception as error:  # the task's own exception, re-raised by Prefect
        return failed(path, out_dir, error)
    assert isinstance(result, SourceResult)
    return result


def extract_file(
    path: Path,
    out_dir: Path = Path("extracted"),
    fmt: str | None = None,
    require_footnotes: bool = True,
    dct: date | None = None,
    force: bool = False,
) -> SourceResult:
    """One source through the extraction flow (a flow run of its own); raises nothing for a bad source."""
    return extract_sources([path], out_dir, fmt, require_footnotes, dct, force)[0]
