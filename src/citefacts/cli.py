"""The ``citefacts`` command line: extract, validate, and the eval commands (spans, link, check)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from citefacts_flows import settings as prefect_settings  # Prefect's quiet defaults; imports no Prefect
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from citefacts.errors import CitefactsError

if TYPE_CHECKING:
    from pydantic import BaseModel

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


@app.callback()
def _options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the versions and exit.")
    ] = False,
) -> None:
    """Turn encyclopedic text into citation-checked facts."""


def source_files(paths: list[Path]) -> list[Path]:
    """The files named, with folders expanded to the files they hold (hidden files skipped)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            held = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
            if not held:
                raise CitefactsError("no source files in this folder", str(path))
            files += held
        elif path.exists():
            files.append(path)
        else:
            raise CitefactsError("no such file or folder", str(path))
    return files


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
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's run logs.")] = False,
) -> None:
    """Run the extraction flow on sources and write one JSON file of facts per source, with a diff of each run.

    An output the run would not change is left as it was, so a second run on unchanged sources changes no file.
    """
    from citefacts.nlp import load_model
    from citefacts.read import read_source
    from citefacts.review.cli import print_diff, print_placement

    if verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    prefect_settings.apply()  # before the flows import prefect
    if out.exists() and not out.is_dir():
        raise CitefactsError("--out must be a folder, and this is a file", str(out))
    files = source_files(paths)
    for path in files:
        read_source(path, fmt, not allow_no_footnotes)
    load_model()
    from citefacts_flows.extract import extract_file

    with _progress() as progress:
        job = progress.add_task("extracting", total=len(files))
        for path in files:
            progress.update(job, description=f"extracting {path.name}")
            result = _run_flow(extract_file, path, out, fmt, not allow_no_footnotes)
            progress.advance(job)
            if not result.written:
                console.print(f"unchanged: {result.output} (nothing in it would change)")
                continue
            console.print(f"wrote {result.output}")
            print_placement(result.output)
            print_diff(result.diff, result.output)


def _run_flow(flow: Callable[..., Result], *args: Any) -> Result:
    """Run a flow; Prefect's temporary server failing to start is a one-line error, not a traceback."""
    try:
        return flow(*args)
    except RuntimeError as error:
        if "ephemeral Prefect API server" not in str(error):
            raise
        raise CitefactsError(
            "Prefect's temporary server did not start in time (a busy machine?): try again, or raise "
            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"
        ) from error


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
    """Entry point: user errors print one line and exit 2; Ctrl-C exits 130 without a traceback."""
    try:
        app()
    except CitefactsError as error:
        console.print(f"[red]error:[/red] {error}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
