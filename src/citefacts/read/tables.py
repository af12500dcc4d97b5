"""Wikitext tables (``{| … |}``): each cell a block with the row key and column header a reader sees.

A value in a table means nothing without its row and column ("7.6" is the magnitude of the 17 August
1999 earthquake), so every cell carries both. Header rows are the leading rows whose cells are all
``!`` cells (two of them, as under a spanning header, join: "Deaths / Confirmed"). A row's key is
its row header cells (``! scope="row" |``) where it has them, else its first non-empty cell, with the
next cell too when the first is only a rank ("1", "2.") or stands in a column whose cells span rows (a year
over its events). ``rowspan`` and ``colspan`` are followed
as a reader's eye follows them: a spanned cell is the row key or header of every row and column it
covers. Cells are rendered by the wikitext reader's own walker (passed in), so refs inside cells
still become footnotes and markers; a cell holding nothing but refs cites every cell of its row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from mwparserfromhell.nodes import Tag
from mwparserfromhell.wikicode import Wikicode

from citefacts.models import Block, TableCell
from citefacts.read.markers import TextBuilder

Render = Callable[[Wikicode, int], TextBuilder]
"""Render wikicode that starts at a raw offset into a TextBuilder (markers included)."""

MAX_SPAN = 100
"""A rowspan or colspan past this is a typo (or a trap): it is read as this many."""
_SENTENCE_END = re.compile(r"[.!?](?=\s+\S)")
_RANK = re.compile(r"^\d{1,3}\.?$|^=\s*\d{1,3}$")


@dataclass(frozen=True)
class Cell:
    """A rendered cell of the table's grid; a spanned cell appears once per row and column it covers."""

    text: str
    header: bool
    builder: TextBuilder | None
    """The rendered cell where it is written; None in the other rows and columns a span carries it to."""
    rows: int = 1
    """How many rows it spans: a cell spanning several groups them, so it names none of them alone."""


def table_blocks(table: Tag, start: int, section: list[str], render: Render) -> list[Block]:
    """One table_cell block per non-empty cell, with its column header and row key."""
    grid = _grid(table, start, render)
    header_rows = 0
    while header_rows < len(grid) and grid[header_rows] and all(cell.header for cell in grid[header_rows]):
        header_rows += 1
    headers = _headers(grid[:header_rows])
    grouping = {column for row in grid[header_rows:] for column, cell in enumerate(row) if cell.rows > 1}
    blocks: list[Block] = []
    for row in grid[header_rows:]:
        key = row_key(row, grouping)
        row_blocks, row_notes = [], []
        for column, cell in enumerate(row):
            if cell.builder is None:
                continue
            name = (headers[column] if column < len(headers) else None) or None
            block = cell.builder.block("table_cell", section, TableCell(row=key, column=name))
            if block:
                row_blocks.append(block)
            else:
                row_notes += [n for notes in cell.builder.markers.values() for n in notes if n not in row_notes]
        blocks += [cited_by(block, row_notes) for block in row_blocks]
    return blocks


def cited_by(block: Block, notes: list[int]) -> Block:
    """A cell with the row's own refs as markers after each of its sentences: a ref alone in a row's last cell
    (as lists of earthquakes or office-holders write them) cites every cell of that row, all of a comment."""
    if not notes:
        return block
    markers = {at: list(numbers) for at, numbers in block.markers.items()}
    for end in [found.end() for found in _SENTENCE_END.finditer(block.text)] + [len(block.text)]:
        marked = markers.setdefault(end, [])
        marked += [number for number in notes if number not in marked]
    return block.model_copy(update={"markers": markers})


def row_key(row: list[Cell], grouping: set[int] | frozenset[int] = frozenset()) -> str | None:
    """What names a row: its row header cells, else its first non-empty cell, and the next after a rank or in a
    ``grouping`` column (one where some cell spans rows: a year over its events, in every row of the table)."""
    texts = [cell.text for cell in row]
    headers = [cell.text for cell in row if cell.header and cell.text]
    if headers and len(headers) < len(row):
        return " · ".join(dict.fromkeys(headers))
    filled = [index for index, text in enumerate(texts) if text]
    if not filled:
        return None
    first = filled[0]
    if (_RANK.match(texts[first]) or first in grouping) and len(filled) > 1:
        return f"{texts[first]} · {texts[filled[1]]}"
    return texts[first]


def _headers(rows: list[list[Cell]]) -> list[str]:
    """Column names from the header rows: a spanning header and the one under it join with " / "."""
    width = max((len(row) for row in rows), default=0)
    names = []
    for column in range(width):
        parts = [row[column].text for row in rows if column < len(row) and row[column].text]
        names.append(" / ".join(dict.fromkeys(parts)))
    return names


def _grid(table: Tag, start: int, render: Render) -> list[list[Cell]]:
    """The table's rows of cells, spans expanded into every row and column they cover."""
    grid: list[list[Cell]] = []
    carried: dict[int, tuple[int, Cell]] = {}
    """Column -> (rows it still covers, the cell) for rowspans from rows above."""
    for written in _rows(table, start):
        row: list[Cell] = []
        for tag, at in written:
            _take_carried(row, carried)
            rendered = render(tag.contents, at)
            rows, columns = _span(tag, "rowspan"), _span(tag, "colspan")
            cell = Cell(" ".join(rendered.text.split()), _name(tag) == "th", rendered, rows)
            copy = Cell(cell.text, cell.header, None, rows)
            for index in range(columns):
                if rows > 1:
                    carried[len(row)] = (rows - 1, copy)
                row.append(cell if index == 0 else copy)
        _take_carried(row, carried, to_end=True)
        grid.append(row)
    return grid


def _take_carried(row: list[Cell], carried: dict[int, tuple[int, Cell]], to_end: bool = False) -> None:
    """Cells spanned down from rows above that stand at the row's next columns (all remaining, at its end)."""
    while len(row) in carried or (to_end and any(column >= len(row) for column in carried)):
        column = len(row) if len(row) in carried else min(c for c in carried if c >= len(row))
        while len(row) < column:
            row.append(Cell("", False, None))
        left, cell = carried.pop(column)
        if left > 1:
            carried[column] = (left - 1, cell)
        row.append(cell)


def _span(tag: Tag, name: str) -> int:
    for attribute in tag.attributes:
        if str(attribute.name).strip().lower() == name and attribute.value is not None:
            digits = re.match(r"\s*[\"']?\s*(\d+)", str(attribute.value))
            if digits:
                return max(1, min(int(digits.group(1)), MAX_SPAN))
    return 1


def _rows(table: Tag, start: int) -> list[list[tuple[Tag, int]]]:
    """Rows of cells with the raw offset of each cell's contents; a caption (``|+``) is left out."""
    rows: list[list[tuple[Tag, int]]] = [[]]
    position = start + _contents_offset(table)
    for node in table.contents.nodes:
        if isinstance(node, Tag) and _name(node) == "tr":
            cells = []
            cell_position = position + _contents_offset(node)
            for cell in node.contents.nodes:
                if isinstance(cell, Tag) and _name(cell) in ("td", "th"):
                    cells.append((cell, cell_position + _contents_offset(cell)))
                cell_position += len(str(cell))
            rows.append(cells)
        elif isinstance(node, Tag) and _name(node) in ("td", "th") and not str(node.contents).startswith("+"):
            rows[-1].append((node, position + _contents_offset(node)))
        position += len(str(node))
    return [row for row in rows if row]


def _name(node: Tag) -> str:
    return str(node.tag).strip().lower()


def _contents_offset(node: Tag) -> int:
    """Where a table tag's contents start in its raw text (they run up to any closing ``|}``)."""
    closing = str(node.closing_wiki_markup or "") if node.wiki_markup else f"</{node.tag}>"
    text = str(node)
    end = len(text) - len(closing) if text.endswith(closing) else len(text)
    return end - len(str(node.contents))
