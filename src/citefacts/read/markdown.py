"""The Markdown article format: ATX headings, paragraphs, lists, pipe tables and ``[^n]`` footnotes.

Footnote definitions (``[^label]: text``, continued by indented lines) are numbered in the order
their first reference appears in the body, as renderers number them. Inline markup (emphasis,
code, links, images, HTML tags) is taken out of the block text; offsets keep indexing the raw file.
"""

from __future__ import annotations

import re

from citefacts.models import Block, Footnote, ParsedSource, TableCell
from citefacts.read import tables
from citefacts.read.cite import parse_footnote
from citefacts.read.markers import TextBuilder
from citefacts.read.plaintext import Line, split_lines

_DEFINITION = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]:[ \t]*")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<title>.*?)[ \t]*#*[ \t]*$")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:\s+\S+")
_RULE = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)\s*$")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+")
_QUOTE_LEAD = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_REFERENCE = re.compile(r"\[\^([^\]\s]+)\]")
_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_INLINE = re.compile(
    r"(?P<ref>\[\^(?P<label>[^\]\s]+)\])"
    r"|(?P<image>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<link>\[(?P<link_text>[^\]]*)\](?:\([^)]*\)|\[[^\]]*\]))"
    r"|(?P<auto><(?P<url>https?://[^>\s]+)>)"
    r"|(?P<tag></?[A-Za-z][^>]*>)"
    r"|(?P<escape>\\(?P<escaped>[\\`*_{}\[\]()#+\-.!|]))"
    r"|(?P<emphasis>\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|`+|~~)"
)


def parse_markdown(raw: str, path: str) -> ParsedSource:
    """Parse a Markdown article into blocks and footnotes."""
    lines = split_lines(raw)
    body, definitions = _take_definitions(lines)
    order: dict[str, int] = {}
    blocks = _body_blocks(body, order)
    for label in definitions:
        order.setdefault(label, len(order) + 1)
    footnotes = [_footnote(label, order[label], *definitions[label], raw) for label in definitions]
    footnotes.sort(key=lambda note: note.number)
    defined = {order[label] for label in definitions}
    blocks = [_keep_known_markers(block, defined) for block in blocks]
    return ParsedSource(path=path, raw=raw, format="markdown", blocks=blocks, footnotes=footnotes)


def _take_definitions(lines: list[Line]) -> tuple[list[Line], dict[str, tuple[int, int]]]:
    """Body lines, and each footnote definition's raw text range (indented lines continue it)."""
    body: list[Line] = []
    definitions: dict[str, tuple[int, int]] = {}
    current: str | None = None
    for line in lines:
        match = _DEFINITION.match(line.text)
        if match:
            current = match.group("label")
            definitions.setdefault(current, (line.start + match.end(), line.end))
            continue
        if current and line.text.strip() and line.text[:1] in (" ", "\t"):
            definitions[current] = (definitions[current][0], line.end)
            continue
        if line.text.strip():
            current = None
        body.append(line)
    return body, definitions


def _footnote(label: str, number: int, start: int, end: int, raw: str) -> Footnote:
    text = raw[start:end]
    return Footnote(
        id=f"n{number}", number=number, start=start, end=end, text=text, citations=parse_footnote(text, start)
    )


def _body_blocks(lines: list[Line], order: dict[str, int]) -> list[Block]:
    """Headings, paragraphs (runs of lines), list items and table cells, with section paths."""
    blocks: list[Block] = []
    section: list[str] = []
    levels: list[int] = []
    run: list[Line] = []

    def flush() -> None:
        if run:
            block = _inline_block(run, "paragraph", section, order)
            if block:
                blocks.append(block)
            run.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        heading = _HEADING.match(line.text)
        if heading:
            flush()
            _enter_section(section, levels, len(heading.group("hashes")), _plain(heading.group("title")))
            block = _inline_block([line], "heading", section, order)
            if block:
                blocks.append(block)
        elif index + 1 < len(lines) and "|" in line.text and _TABLE_RULE.match(lines[index + 1].text):
            flush()
            index = _table(lines, index, section, order, blocks)
            continue
        elif not line.text.strip() or _LINK_DEFINITION.match(line.text) or (not run and _RULE.match(line.text)):
            flush()
        elif run and len(run) == 1 and _SETEXT.match(line.text) and not _LIST_ITEM.match(run[0].text):
            level = 1 if line.text.strip().startswith("=") else 2
            _enter_section(section, levels, level, _plain(run[0].text))
            block = _inline_block(run, "heading", section, order)
            run.clear()
            if block:
                blocks.append(block)
        elif _LIST_ITEM.match(line.text):
            flush()
            run.append(line)
        else:
            run.append(line)
        index += 1
    flush()
    return blocks


def _enter_section(section: list[str], levels: list[int], level: int, title: str) -> None:
    """Update the section path for a heading of this level."""
    while levels and levels[-1] >= level:
        levels.pop()
        section.pop()
    levels.append(level)
    section.append(title)


def _table(lines: list[Line], index: int, section: list[str], order: dict[str, int], blocks: list[Block]) -> int:
    """Cells of a pipe table, each with its row key and column header; returns the next line.

    The row key is found as in wikitext tables (the first non-empty cell, and the next after a rank), and a cell
    of nothing but footnote references cites every cell of its row, as there."""
    header = [_plain(line.text) for line in _cells(lines[index])]
    index += 2
    while index < len(lines) and "|" in lines[index].text and lines[index].text.strip():
        cells = _cells(lines[index])
        row_key = tables.row_key([tables.Cell(_plain(cell.text), False, None) for cell in cells])
        row_blocks, row_notes = [], []
        for column, cell in enumerate(cells):
            name = (header[column] if column < len(header) else None) or None
            block = _inline_block([cell], "table_cell", section, order, TableCell(row=row_key, column=name))
            if block:
                row_blocks.append(block)
            else:  # a cell of nothing but footnote references cites the whole row
                row_notes += [order.setdefault(label, len(order) + 1) for label in _REFERENCE.findall(cell.text)]
        blocks += [tables.cited_by(block, row_notes) for block in row_blocks]
        index += 1
    return index


def _cells(line: Line) -> list[Line]:
    """The cells of a table row as raw stretches (leading and trailing pipes dropped; ``\\|`` is a pipe in a cell)."""
    cells = []
    position = line.start
    parts = _CELL_SEPARATOR.split(line.text)
    for number, part in enumerate(parts):
        edge = number in (0, len(parts) - 1) and not part.strip()
        if not edge:
            cells.append(Line(position, position + len(part), part))
        position += len(part) + 1
    return cells


def _inline_block(
    lines: list[Line], kind: str, section: list[str], order: dict[str, int], table: TableCell | None = None
) -> Block | None:
    """One block's text with line prefixes (``#``, list bullets, ``>``), inline markup and markers taken out."""
    builder = TextBuilder()
    for number, line in enumerate(lines):
        text, start = line.text, line.start
        prefix = (_HEADING_PREFIX.match(text) if kind == "heading" else None) or _LIST_ITEM.match(text)
        prefix = prefix or _QUOTE_LEAD.match(text)
        skip = prefix.end() if prefix else 0
        if kind == "heading":
            text = re.sub(r"[ \t]*#*[ \t]*$", "", text)
        _inline(text[skip:], start + skip, builder, order)
        if number < len(lines) - 1:
            builder.add_char("\n", line.end)
    return builder.block(kind, section, table)  # type: ignore[arg-type]


_HEADING_PREFIX = re.compile(r"^#{1,6}[ \t]+")


def _inline(text: str, start: int, builder: TextBuilder, order: dict[str, int]) -> None:
    """Append a line's text without inline markup; footnote references become markers."""
    position = 0
    for match in _INLINE.finditer(text):
        builder.add(text[position : match.start()], start + position)
        position = match.end()
        if match.group("ref"):
            label = match.group("label")
            builder.mark([order.setdefault(label, len(order) + 1)])
        elif match.group("link"):
            builder.add(match.group("link_text"), start + match.start("link_text"))
        elif match.group("auto"):
            builder.add(match.group("url"), start + match.start("url"))
        elif match.group("escape"):
            builder.add(match.group("escaped"), start + match.start("escaped"))
    builder.add(text[position:], start + position)


def _plain(text: str) -> str:
    """A heading's or cell's words without markup, for section paths and table headers."""
    builder = TextBuilder()
    _inline(text, 0, builder, {})
    return builder.text.strip()


def _keep_known_markers(block: Block, defined: set[int]) -> Block:
    """Markers whose footnote has no definition are dropped (the text never held them)."""
    markers = {at: [n for n in notes if n in defined] for at, notes in block.markers.items()}
    return block.model_copy(update={"markers": {at: notes for at, notes in markers.items() if notes}})
