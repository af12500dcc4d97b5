"""The ``citefacts`` command line: extract, validate, and the eval commands (spans, link, check)."""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from citefacts_flows import settings as prefect_settings  # Prefect's quiet defaults; imports no Prefect
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from citefacts.errors import CitefactsError

if TYPE_CHECKING:
    from citefacts_flows.server import PrivateServer
    from pydantic import BaseModel

    from citefacts.sources import SourceResult

Result = TypeVar("Result")

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn encyclopedic text into citation-checked facts.",
)
console = Console(stderr=True)


def _version(show: bool) -> None:
    """Print the package, pipeline and stage versions an output would record, then exit."""
    if not show:
        return
    from citefacts import __version__
    from citefacts.versions import PIPELINE_VERSION, stage_versions

    stages = ", ".join(f"{stage} {version}" for stage, version in stage_versions().items())
    sys.stdout.write(f"citefacts {__version__} (pipeline {PIPELINE_VERSION}: {stages})\n")
    raise typer.Exit()


_debug = False
"""Set by ``--debug``: an unexpected error shows its traceback instead of one line."""


@app.callback()
def _options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the versions and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an unexpected error.")] = False,
) -> None:
    """Turn encyclopedic text into citation-checked facts."""
    global _debug
    _debug = debug


class Runner(StrEnum):
    """Where the extraction tasks run."""

    local = "local"
    dask = "dask"


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Source files or folders of them.")],
    out: Annotated[Path, typer.Option(help="Folder for the JSON output.")] = Path("extracted"),
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="Input format: text, markdown or wikitext; default: from the extension, else sniffed from the content.",
        ),
    ] = None,
    allow_no_footnotes: Annotated[
        bool, typer.Option(help="Extract uncited facts from a source with no footnotes.")
    ] = False,
    force: Annotated[bool, typer.Option(help="Re-extract sources whose output is up to date.")] = False,
    runner: Annotated[
        Runner, typer.Option(help="Run the tasks here, one at a time, or on a Dask cluster.")
    ] = Runner.local,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Local Dask workers (with --runner dask).")] = 2,
    dask_address: Annotated[
        str | None, typer.Option(help="A running Dask scheduler (tcp://host:port) instead of a local cluster.")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's run logs.")] = False,
) -> None:
    """Run the extraction flow over sources: one JSON file of facts per source, with a diff of each run.

    All sources go through one flow run, a task per source. A source whose output came from the same
    text and pipeline is not extracted again (--force does it anyway); one that fails is reported and
    the others are still written (exit code 1).
    """
    from citefacts_flows.server import start_private_server

    from citefacts.sources import check_output_folder, source_files, stale_temporaries

    if verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    prefect_settings.apply()  # before the flows import prefect
    files = source_files(paths)
    check_output_folder(out)
    for leftover in stale_temporaries(out):
        leftover.unlink(missing_ok=True)
    server = None if os.environ.get("PREFECT_API_URL") else start_private_server()  # starts while we check
    try:
        with _stop_on_ctrl_c(out, server):
            results = _extract(
                paths, files, out, fmt, not allow_no_footnotes, force, runner, workers, dask_address, server
            )
    finally:
        if server is not None:
            server.stop()
    failures = [result for result in results if result.failed]
    if failures:
        console.print(f"[red]{len(failures)} of {len(results)} source(s) failed[/red]; the others were written")
        raise typer.Exit(1)


@contextmanager
def _stop_on_ctrl_c(out: Path, server: PrivateServer | None) -> Iterator[None]:
    """Ctrl-C stops the run at once with one line: this run's server and workers stopped, its temporary
    files removed; outputs are written atomically, so none is ever half-written.

    Without this, the interrupt lands wherever Prefect happens to be (a state update, a serializer)
    and may be wrapped, logged several times or wait for a worker thread to finish its document.
    """

    run = os.getpid()

    def stop(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != run:  # a spaCy worker forked from this run: the run speaks for it
            os._exit(130)
        console.print("interrupted: stopped; outputs already written are complete, the others untouched")
        if server is not None:
            server.process.kill()
        for leftover in out.glob(f".*.pid{os.getpid()}.*.tmp"):
            leftover.unlink(missing_ok=True)
        _kill_workers()
        os._exit(130)

    previous = signal.signal(signal.SIGINT, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _kill_workers() -> None:
    """Stop the worker processes a Dask runner started (psutil comes with Dask)."""
    try:
        import psutil
    except ImportError:
        return
    for child in psutil.Process().children(recursive=True):
        child.kill()


def _extract(
    sources: list[Path],
    files: list[Path],
    out: Path,
    fmt: str | None,
    require_footnotes: bool,
    force: bool,
    runner: Runner,
    workers: int,
    dask_address: str | None,
    server: PrivateServer | None,
) -> list[SourceResult]:
    """Check every source (``files``: the ``sources`` named, folders listed), then run the one flow over
    the good ones with a progress bar over sources.

    A bad source is reported at once (one line) and left out; when none is good, nothing starts (exit 2).
    """
    from citefacts_flows.server import prefect_api

    from citefacts.nlp import load_model
    from citefacts.sources import check_source

    bad = []
    with _progress() as progress:
        job = progress.add_task("checking sources", total=len(files))
        for path in files:
            problem = check_source(path, out, fmt, require_footnotes)
            if problem is not None:
                console.print(f"[red]error:[/red] {problem.error}", highlight=False, soft_wrap=True)
                bad.append(problem)
            progress.advance(job)
    if len(bad) == len(files):
        raise typer.Exit(2)
    if runner is Runner.local:
        load_model()
    with prefect_api(server):
        from citefacts_flows.extract import extract_sources, reporting
        from citefacts_flows.runners import task_runner

        flow = extract_sources.with_options(task_runner=task_runner(runner.value, workers, dask_address))
        with _progress() as progress:
            extracting = progress.add_task("extracting", total=len(files))

            def stage(path: Path, name: str, done: int, total: int) -> None:
                counted = f" {done + 1}/{total}" if total > 1 else ""
                progress.update(extracting, description=f"extracting {path.name}: {name}{counted}")

            with reporting(lambda result: _report(result, progress, extracting), stage):
                skip = [problem.source for problem in bad]
                results: list[SourceResult] = flow(sources, out, fmt, require_footnotes, None, force, skip)
                return bad + results


def _report(result: SourceResult, progress: Progress, job: TaskID) -> None:
    """One source done: what happened to it, above the progress bar."""
    from citefacts.review.cli import print_diff, print_placement

    progress.advance(job)
    if result.error:
        console.print(f"[red]failed:[/red] {result.error}", highlight=False, soft_wrap=True)
    elif result.diff is None:
        console.print(f"unchanged: {result.output} (same source text and pipeline)", highlight=False)
    elif not result.written:
        console.print(f"unchanged: {result.output} (nothing in it would change)", highlight=False)
    else:
        console.print(f"wrote {result.output}", highlight=False)
        print_placement(result.output)
        print_diff(result.diff, result.output)


@app.command()
def validate(files: Annotated[list[Path], typer.Argument(help="Output JSON files.")]) -> None:
    """Check output files: the schema, then spans against the source, footnote and mention references, unique ids.

    Each failure is one line naming the file and the JSON path; exit code 2 when any file fails.
    """
    from citefacts.validate import validate_file

    failed = False
    for file in files:
        try:
            result = validate_file(file)
        except CitefactsError as error:
            console.print(str(error), markup=False, highlight=False, soft_wrap=True)
            failed = True
            continue
        for problem in result.problems:
            console.print(problem.line(file), markup=False, highlight=False, soft_wrap=True)
        if result.valid and result.document is not None:
            document = result.document
            console.print(
                f"{file}: valid ({len(document.facts)} facts, schema {document.schema_version})",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        failed = failed or not result.valid
    if failed:
        raise typer.Exit(2)


@app.command()
def schema(out: Annotated[Path | None, typer.Option(help="Write here instead of standard output.")] = None) -> None:
    """Print (or write) the JSON Schema of the output files."""
    from citefacts.models import json_schema
    from citefacts.write import atomic_write

    if out:
        atomic_write(out, json_schema())
    else:
        sys.stdout.write(json_schema())


def _eval_command(infile: Path, handler: Callable[..., dict[str, Any]], schema: type[BaseModel]) -> None:
    from citefacts.eval.jsonl import read_jsonl, run_jsonl
    from citefacts.nlp import load_model

    records = read_jsonl(infile, schema)
    nlp = load_model()
    with _progress() as progress:
        job = progress.add_task(infile.name, total=len(records))
        for line in run_jsonl(records, handler, nlp):
            sys.stdout.write(line + "\n")
            progress.advance(job)


@app.command()
def spans(infile: Annotated[Path, typer.Argument(help="JSON lines: {id, text, dct}.")]) -> None:
    """Dates, numbers and entities of each text, as the flow extracts them (JSON lines out)."""
    from citefacts.eval.records import SpansInput
    from citefacts.eval.spans import spans_record

    _eval_command(infile, spans_record, SpansInput)


@app.command()
def link(infile: Annotated[Path, typer.Argument(help="JSON lines: {id, body, footnotes}.")]) -> None:
    """Link the sentences of marker-less bodies to their footnotes (JSON lines out)."""
    from citefacts.eval.links import link_record
    from citefacts.eval.records import LinkInput

    _eval_command(infile, link_record, LinkInput)


@app.command()
def check(infile: Annotated[Path, typer.Argument(help="JSON lines: {id, claim, evidence}.")]) -> None:
    """Whether each evidence's dates and numbers support its claim's (JSON lines out)."""
    from citefacts.eval.checks import check_record
    from citefacts.eval.records import CheckInput

    _eval_command(infile, check_record, CheckInput)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )


def _register_extensions() -> None:
    """Commands kept in their own modules (review, report)."""
    from citefacts.review.cli import register

    register(app)


_register_extensions()


def main() -> None:
    """Entry point: user errors print one line and exit 2; Ctrl-C exits 130 without a traceback; any
    other error is one line too (exit 1), its traceback shown only with ``--debug``."""
    _show_library_warnings()
    try:
        app()
    except CitefactsError as error:
        console.print(f"[red]error:[/red] {error}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:
        if _debug:
            raise
        console.print(
            f"[red]internal error:[/red] {type(error).__name__}: {error} (run again with --debug for the traceback)",
            highlight=False,
            soft_wrap=True,
        )
        sys.exit(1)


def _show_library_warnings() -> None:
    """The library's warnings (a decision log's partial line set aside, ...) as one line each on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("warning: %(message)s"))
    handler.setLevel(logging.WARNING)
    library = logging.getLogger("citefacts")
    library.addHandler(handler)
    library.setLevel(logging.WARNING)
