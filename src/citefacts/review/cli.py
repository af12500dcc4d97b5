"""Review commands (``review``, ``report``), registered on the main ``citefacts`` app, and the run diff printer."""

from __future__ import annotations

import getpass
import webbrowser
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from citefacts.errors import ReviewError
from citefacts.review.diff import RunDiff

if TYPE_CHECKING:
    from citefacts.review.view import Reviewed, Unloadable

console = Console(stderr=True)
DEFAULT_OUTPUTS = [Path("extracted")]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def print_diff(diff: RunDiff | None, out: Path, limit: int = 5) -> None:
    """A brief account of what an extraction run changed: counts, then the first few changes."""
    if diff is None:
        return
    if diff.previous_extracted_at is None:
        console.print(f"  first extraction: {len(diff.new)} facts", highlight=False)
        return
    console.print(f"  {diff.brief()}", highlight=False)
    shown = [("new", c.text, None) for c in diff.new] + [("changed", c.text, c.old_text) for c in diff.changed]
    shown += [("removed", c.text, None) for c in diff.removed]
    shown += [(f"{c.old_status} → {c.status}", c.text, None) for c in diff.status_changed if c not in diff.changed]
    for kind, text, _ in shown[:limit]:
        console.print(f"  [dim]{kind}:[/dim] {text[:100]}", highlight=False, markup=True, soft_wrap=True)
    if len(shown) > limit:
        console.print(f"  … and {len(shown) - limit} more in {out.with_name(out.stem + '.diff.json')}", highlight=False)


def print_placement(out: Path) -> None:
    """How many footnotes the linker placed: the others are reported unplaced rather than guessed."""
    from citefacts.write import load_document

    document = load_document(out)
    total, unplaced = len(document.footnotes), len(document.unplaced_footnotes())
    if total:
        console.print(
            f"  {len(document.facts)} facts; footnotes cited by a fact: {total - unplaced} of {total}"
            f" (the rest placed nowhere with confidence, not guessed)",
            highlight=False,
            soft_wrap=True,
        )


def load_for_review(paths: list[Path]) -> list[Reviewed]:
    """The output files that load, with one warning line for each that does not, naming it and why.

    When none loads, nothing is left to show: one error line (a lone file's own error).
    """
    from citefacts.review.view import load_each

    loaded, failed = load_each(paths)
    if not loaded and len(failed) == 1:
        raise failed[0].error
    for failure in failed:
        console.print(f"[yellow]warning:[/yellow] {escape(skipped(failure))}", highlight=False, soft_wrap=True)
    if not loaded:
        raise ReviewError(f"none of the {len(failed)} output files loads (each is named above)")
    return loaded


def skipped(failure: Unloadable) -> str:
    """What a warning says of a file left out: the file, then its error (which may name its decision log)."""
    error = str(failure.error)
    if failure.error.path == str(failure.path):
        return f"skipping {error}"
    return f"skipping {failure.path}: {error}"


def summary_table(loaded: list[Reviewed]) -> Table:
    """Per file: facts by status, footnotes placed nowhere (by the linker or a reviewer), how many facts are decided,
    stale or pending, and archived decisions."""
    from citefacts.review.placement import unplaced

    table = Table(title="review state")
    columns = ("file", "facts", "contradicted", "uncited", "unplaced notes")
    for column in (*columns, "accepted", "rejected", "corrected", "stale", "pending"):
        table.add_column(column, justify="left" if column == "file" else "right")
    table.add_column("archived decisions", justify="right")
    for reviewed in loaded:
        statuses = Counter(f.status for f in reviewed.document.facts)
        states = Counter(s.state for s in reviewed.states.values())
        kinds = Counter(s.current.decision for s in reviewed.states.values() if s.current)
        table.add_row(
            reviewed.path.name,
            str(len(reviewed.document.facts)),
            str(statuses["contradicted"]),
            str(statuses["uncited"]),
            f"{len(unplaced(reviewed.document, reviewed.decisions))} of {len(reviewed.document.footnotes)}",
            str(kinds["accept"]),
            str(kinds["reject"]),
            str(kinds["correct"]),
            str(states["stale"]),
            str(states["pending"]),
            str(len({d.fact_id for d in reviewed.archived})),
        )
    return table


def review(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Output JSON files or folders; default: extracted/.")
    ] = None,
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port on 127.0.0.1 (0: any free port).")] = 8765,
    host: Annotated[str, typer.Option(help="Address to bind; keep the loopback default.")] = "127.0.0.1",
    browser: Annotated[bool, typer.Option("--browser/--no-browser", help="Open the page in a browser.")] = True,
    summary: Annotated[bool, typer.Option("--summary", help="Print the review state and exit.")] = False,
    reviewer: Annotated[str | None, typer.Option(help="Name recorded on decisions; default: your login.")] = None,
    place: Annotated[
        bool, typer.Option("--place", help="Placement mode: one unplaced footnote at a time, keys 1-5, 0, /, u, r.")
    ] = False,
) -> None:
    """Review facts one at a time in a local page (or place footnotes, --place); every decision is saved at once."""
    from citefacts.review.server import make_server
    from citefacts.review.view import output_files

    loaded = load_for_review(output_files(files or DEFAULT_OUTPUTS))
    if summary:
        out = Console()
        (out if out.is_terminal else Console(width=160)).print(summary_table(loaded))
        return
    if host not in LOOPBACK:
        console.print(f"[yellow]warning:[/yellow] serving on {host}: anyone who can reach it can record decisions")
    server = make_server([reviewed.path for reviewed in loaded], reviewer or getpass.getuser(), host, port, place)
    url = f"{server.url}?mode=place" if place else server.url
    doing = "placing footnotes of" if place else "reviewing"
    console.print(f"{doing} {len(loaded)} file(s) at {url}  (Ctrl-C to stop)", highlight=False)
    if browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        console.print("stopped; decisions are saved")
    finally:
        server.server_close()


def report(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Output JSON files or folders; default: extracted/.")
    ] = None,
    out: Annotated[Path, typer.Option(help="The HTML file to write.")] = Path("report.html"),
) -> None:
    """Write one self-contained HTML report of the facts and decisions, for sharing."""
    from citefacts.review.report import write_report
    from citefacts.review.view import output_files

    reviewed = load_for_review(output_files(files or DEFAULT_OUTPUTS))
    write_report(reviewed, out)
    console.print(f"wrote {out} ({sum(len(r.document.facts) for r in reviewed)} facts)", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the review commands to the command line."""
    app.command()(review)
    app.command()(report)
