"""The plain-text article format: body lines, short heading lines, then `^`-led footnotes.

Headings carry no level in plain text; a run of consecutive headings nests, and a lone heading
after body text replaces the innermost one. Runs of short lines that repeat with a fixed period
(a row key such as a year every k lines) are read as a table, one cell per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citefacts.models import Block, BlockKind, Footnote, ParsedSource, TableCell
from citefacts.read.cite import parse_footnote
from citefacts.read.markers import fill_footnotes, find_reference_list, numbered_footnotes, strip_markers

HEADING_MAX_CHARS = 80
_SENTENCE_END = re.compile(r"[.!?:;,\"'”](?:\[[^\]]{1,12}\])*\s*$")
_DANGLING = re.compile(r"\s(and|or|of|the|a|an|to|in|on|for|with|by|from|as|at|but)\s*$")
_BACKLINKS = re.compile(r"^\^(?:\s*Jump up to:)?(?:\s*[a-z](?=\s))*\s*")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class Line:
    """One line of the raw text with its offsets."""

    start: int
    end: int
    text: str
    offsets: list[int] = field(default_factory=list)
    """Raw offsets of ``text``'s characters where it is not ``raw[start:end]`` (two lines read as one)."""

    @property
    def short(self) -> bool:
        return 0 < len(self.text.strip()) <= HEADING_MAX_CHARS and not _SENTENCE_END.search(self.text)


def split_lines(raw: str) -> list[Line]:
    """Lines with their start and end offsets (end excludes the line break).

    Only ``\n``, ``\r\n`` and ``\r`` end a line, as in an editor: a form feed or U+2028 is a character
    of its line (``str.splitlines`` would end the line there, and block text would gain a newline the
    raw text does not have).
    """
    lines: list[Line] = []
    position = 0
    for match in _LINE_BREAK.finditer(raw):
        lines.append(Line(position, match.start(), raw[position : match.start()]))
        position = match.end()
    if position < len(raw):
        lines.append(Line(position, len(raw), raw[position:]))
    return lines


def parse_plaintext(raw: str, path: str) -> ParsedSource:
    """Parse the plain-text format into blocks and footnotes.

    Footnotes are `^`-led lines at the end or, failing those, a numbered list (``1. …`` or
    ``[1] …``) after a References heading. ``[n]`` markers in the body naming a footnote become
    the block's markers.
    """
    lines = split_lines(raw)
    first_note = next((i for i, line in enumerate(lines) if line.text.startswith("^")), len(lines))
    footnotes = parse_footnotes(lines[first_note:], raw)
    if not footnotes:
        heading = find_reference_list([(line.start, line.end, line.text) for line in lines])
        if heading is not None:
            listed = [(line.start, line.end, line.text) for line in lines[heading + 1 :]]
            footnotes = fill_footnotes(numbered_footnotes(listed, path), raw)
            first_note = heading
    known = {note.number for note in footnotes}
    blocks = [strip_markers(block, raw, known) for block in body_blocks(lines[:first_note])]
    return ParsedSource(path=path, raw=raw, format="text", blocks=blocks, footnotes=footnotes)


def parse_footnotes(lines: list[Line], raw: str) -> list[Footnote]:
    """Footnote entries: a `^` line and every following line that does not start one.

    A footnote's text is the raw text from after its lead to the end of its last line, line breaks
    and blank lines between its lines as written.
    """
    entries: list[list[Line]] = []
    for line in lines:
        if line.text.startswith("^"):
            entries.append([line])
        elif entries and line.text.strip():
            entries[-1].append(line)
    footnotes = []
    for number, entry in enumerate(entries, start=1):
        lead = _BACKLINKS.match(entry[0].text)
        start = entry[0].start + (lead.end() if lead else 1)
        end = entry[-1].end
        text = raw[start:end]
        footnotes.append(
            Footnote(
                id=f"n{number}", number=number, start=start, end=end, text=text, citations=parse_footnote(text, start)
            )
        )
    return footnotes


def body_blocks(lines: list[Line]) -> list[Block]:
    """Paragraphs, headings and table cells of the body, each with its section path."""
    blocks: list[Block] = []
    section: list[str] = []
    run: list[Line] = []
    after_text = False

    def add_headings(headings: list[Line]) -> None:
        nonlocal section, after_text
        if not headings:
            return
        names = [line.text.strip() for line in headings]
        section = [*section[:-1], *names] if after_text and len(names) == 1 and section else names
        after_text = False
        for line in headings:
            blocks.append(_block("heading", line, section))

    def flush_run() -> None:
        nonlocal after_text
        leading, table, trailing = split_table(run)
        add_headings(leading)
        for line, cell in table:
            kind: BlockKind = "table_cell" if cell.row is not None else "heading"
            blocks.append(_block(kind, line, section, cell))
        after_text = after_text or bool(table)
        add_headings(trailing)
        run.clear()

    pending: Line | None = None
    for line in lines:
        if not line.text.strip():
            continue
        if pending is not None:
            line = _joined(pending, line)
            pending = None
        if line.short and _DANGLING.search(line.text):
            pending = line
            continue
        if line.short:
            run.append(line)
            continue
        flush_run()
        blocks.append(_block("paragraph", line, section))
        after_text = True
    if pending is not None:
        run.append(pending)
    flush_run()
    return blocks


def _joined(first: Line, second: Line) -> Line:
    """Two lines read as one: a newline stands for the line break (and any blank lines) between them."""
    offsets = [*(first.offsets or range(first.start, first.end)), first.end, *range(second.start, second.end)]
    return Line(first.start, second.end, first.text + "\n" + second.text, offsets)


def _block(kind: BlockKind, line: Line, section: list[str], table: TableCell | None = None) -> Block:
    return Block(kind=kind, start=line.start, text=line.text, offsets=line.offsets, section=list(section), table=table)


def split_table(run: list[Line]) -> tuple[list[Line], list[tuple[Line, TableCell]], list[Line]]:
    """Split a run of short lines into leading headings, table cells and trailing headings.

    A table is a stretch whose lines repeat with a period: every row starts with a key of one
    shape (a year, a number, a name), and the first row holds the column headers.
    """
    for lead in range(0, 3):
        for trailing in range(0, 2):
            cells = run[lead : len(run) - trailing]
            for width in range(2, 9):
                rows = len(cells) // width
                if rows < 3 or len(cells) % width:
                    continue
                keys = [cells[r * width].text.strip() for r in range(1, rows)]
                if len({_shape(key) for key in keys}) != 1:
                    continue
                header = [line.text.strip() for line in cells[:width]]
                table = [
                    (
                        cells[r * width + c],
                        TableCell(row=cells[r * width].text.strip() if r else None, column=header[c]),
                    )
                    for r in range(rows)
                    for c in range(width)
                ]
                return run[:lead], table, run[len(run) - trailing :]
    return run, [], []


def _shape(text: str) -> str:
    """A coarse shape of a cell, so row keys (years, numbers, names) can be recognised."""
    return re.sub(r"\d", "9", re.sub(r"[A-Za-z]+", "a", text))
