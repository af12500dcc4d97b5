"""Wikitext tables (``{| … |}``): each cell a block with the row and column headers a reader sees.

The header row is the first row whose cells are all ``!`` cells; a data row's key is its first
cell. Cells are rendered by the wikitext reader's own walker (passed in), so refs inside cells
still become footnotes and markers.
"""

from __future__ import annotations

from collections.abc import Callable

from mwparserfromhell.nodes import Tag
from mwparserfromhell.wikicode import Wikicode

from citefacts.models import Block, TableCell
from citefacts.read.markers import TextBuilder

Render = Callable[[Wikicode, int], TextBuilder]
"""Render wikicode that starts at a raw offset into a TextBuilder (markers included)."""


def table_blocks(table: Tag, start: int, section: list[str], render: Render) -> list[Block]:
    """One table_cell block per non-empty cell, headers from the header row and each row's first cell."""
    rows = _rows(table, start)
    header: list[str] = []
    blocks: list[Block] = []
    for cells in rows:
        rendered = [(cell, render(cell.contents, at)) for cell, at in cells]
        texts = [builder.text.strip() for _, builder in rendered]
        if not header and all(_name(cell) == "th" for cell, _ in rendered):
            header = texts
            continue
        row_key = texts[0] if texts else None
        for column, (_, builder) in enumerate(rendered):
            name = header[column] if column < len(header) else None
            block = builder.block("table_cell", section, TableCell(row=row_key, column=name))
            if block:
                blocks.append(block)
    return blocks


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
