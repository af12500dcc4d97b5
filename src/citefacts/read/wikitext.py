"""The MediaWiki wikitext format, read with mwparserfromhell.

Body text is rendered to plain words (templates dropped, links to their text, bold and italics
unwrapped) with every character keeping its raw offset. ``<ref>`` tags, named and reused refs,
``{{sfn}}`` and ``{{efn}}`` become footnotes, numbered in order of first appearance as Wikipedia
numbers them, and markers at the place they stood. ``== Headings ==`` give section paths.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import mwparserfromhell
from mwparserfromhell.nodes import Comment, ExternalLink, Heading, HTMLEntity, Node, Tag, Template, Text, Wikilink
from mwparserfromhell.nodes.extras import Parameter
from mwparserfromhell.wikicode import Wikicode

from citefacts.errors import InputError
from citefacts.models import Block, CitationFields, Footnote, ParsedSource, Span
from citefacts.read import wikiforms as forms
from citefacts.read.cite import moved_onto_raw, ref_citations
from citefacts.read.cite.templates import (
    CITE_TEMPLATES,
    SHORT_TEMPLATES,
    readable,
    short_citation,
    template_citation,
)
from citefacts.read.markers import TextBuilder
from citefacts.read.tables import table_blocks
from citefacts.read.wikidates import DATE_TEMPLATES, render_date_template


@dataclass
class Pending:
    """A footnote being collected: its number and the raw range of its content."""

    number: int
    start: int = 0
    end: int = 0
    defined: bool = False
    citations: list[CitationFields] = field(default_factory=list)
    rendered: TextBuilder | None = None
    url: str | None = None
    link_title: str | None = None
    """The URL and text of an external link that opens the ref, as a title is rendered."""


@dataclass
class Reader:
    """State of one pass over an article: the block being built, sections and footnotes."""

    raw: str
    blocks: list[Block] = field(default_factory=list)
    builder: TextBuilder = field(default_factory=TextBuilder)
    section: list[str] = field(default_factory=list)
    levels: list[int] = field(default_factory=list)
    notes: dict[str, Pending] = field(default_factory=dict)
    line_start: bool = True
    single: bool = False
    """Render into one builder (a ref's content), never splitting blocks."""

    def flush(self) -> None:
        """End the block being built; blocks in end-matter sections (references, links) are dropped."""
        if self.single:
            return
        block = self.builder.block("paragraph", self.section)
        if block and not (self.section and self.section[0].strip().lower() in forms.END_MATTER):
            self.blocks.append(block)
        self.builder = TextBuilder()

    def note(self, key: str) -> Pending:
        """The footnote a ref key names, numbered now if this is its first appearance."""
        if key not in self.notes:
            self.notes[key] = Pending(number=len(self.notes) + 1)
        return self.notes[key]


def parse_wikitext(raw: str, path: str) -> ParsedSource:
    """Parse a wikitext article into blocks and footnotes.

    Templates, links or tags nested hundreds deep (no article nests more than a few) are refused: reading
    them recursively would exhaust Python's stack.
    """
    forms.refuse_unclosed(raw, path)
    reader = Reader(raw)
    try:
        code = mwparserfromhell.parse(raw)
        _walk(code, 0, reader)
        reader.flush()
        _define_nested(code, reader)
    except RecursionError:
        raise InputError(
            "templates, links or tags nested too deeply to read (hundreds of levels; an article has a few)", path
        ) from None
    footnotes = [_footnote(pending, raw) for pending in reader.notes.values()]
    return ParsedSource(path=path, raw=raw, format="wikitext", blocks=reader.blocks, footnotes=footnotes)


def _define_nested(code: Wikicode, reader: Reader) -> None:
    """Named refs used in the body but defined only inside a dropped template (an infobox, say)."""
    missing = {
        key[5:]: pending for key, pending in reader.notes.items() if key.startswith("name:") and not pending.defined
    }
    if not missing:
        return
    cursor = 0
    for tag in code.filter_tags(recursive=True, matches=lambda node: str(node.tag).strip().lower() == "ref"):
        name = _attribute(tag, "name")
        pending = missing.get(name or "")
        text = str(tag)
        found = reader.raw.find(text, cursor)
        if found < 0:
            continue
        cursor = found + len(text)
        if pending and not pending.defined and not tag.self_closing and tag.contents is not None:
            _define(pending, tag, found, reader.raw)


def _footnote(pending: Pending, raw: str) -> Footnote:
    """A footnote: raw content, and citations from its templates or else from its rendered text."""
    text = raw[pending.start : pending.end]
    citations = pending.citations
    rendered = pending.rendered
    if not citations and rendered is not None and rendered.text.strip():
        parsed = ref_citations(rendered.text, pending.link_title, pending.url)
        citations = [moved_onto_raw(c, rendered.offsets, raw) for c in parsed]
    elif not citations and pending.url:
        citations = [CitationFields(url=pending.url, span=Span(start=pending.start, end=pending.end, text=text))]
    return Footnote(
        id=f"n{pending.number}",
        number=pending.number,
        start=pending.start,
        end=pending.end,
        text=text,
        citations=citations,
    )


def _walk(code: Wikicode, start: int, reader: Reader) -> None:
    """Render nodes from raw offset ``start`` into the reader's blocks."""
    position = start
    for node in code.nodes:
        _node(node, position, reader)
        position += len(str(node))


def _node(node: Node, start: int, reader: Reader) -> None:
    if isinstance(node, Text):
        _text(str(node), start, reader)
    elif isinstance(node, Heading):
        _heading(node, start, reader)
    elif isinstance(node, Wikilink):
        _wikilink(node, start, reader)
    elif isinstance(node, ExternalLink):
        if node.title is not None and node.brackets:
            _walk(node.title, start + len(str(node)) - 1 - len(str(node.title)), reader)
    elif isinstance(node, Tag):
        _tag(node, start, reader)
    elif isinstance(node, Template):
        _template(node, start, reader)
    elif isinstance(node, HTMLEntity):
        _entity(node, start, reader)
    elif isinstance(node, Comment):
        return


def _entity(node: HTMLEntity, start: int, reader: Reader) -> None:
    """An entity reads as its character; one naming a character no text can hold (``&#xD800;``) stays as written."""
    char = node.normalize().replace("\xa0", " ")
    if len(char) == 1 and readable(char) == char:
        reader.builder.add_char(char, start)
    else:
        reader.builder.add(str(node), start)
    reader.line_start = False


def _text(text: str, start: int, reader: Reader) -> None:
    """Plain text: a blank line ends a block; a list or indent lead at a line start opens a new one."""
    position = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        offset = start + position
        if reader.line_start and line != body and not body.strip():
            reader.flush()
        lead = forms.LIST_LEAD.match(body) if reader.line_start else None
        if lead:
            reader.flush()
            body, offset = body[lead.end() :], offset + lead.end()
        reader.builder.add(body, offset)
        if line != line.rstrip("\r\n"):
            reader.builder.add_char("\n", start + position + len(line.rstrip("\r\n")))
            reader.line_start = True
        elif body:
            reader.line_start = False
        position += len(line)


def _heading(node: Heading, start: int, reader: Reader) -> None:
    """A section heading: a heading block, and the section path by level."""
    reader.flush()
    level = node.level
    while reader.levels and reader.levels[-1] >= level:
        reader.levels.pop()
        reader.section.pop()
    title = readable(node.title.strip_code()).strip()
    reader.levels.append(level)
    reader.section.append(title)
    builder = reader.builder
    _walk(node.title, start + level, reader)
    block = builder.block("heading", reader.section)
    reader.builder = TextBuilder()
    if block:
        reader.blocks.append(block)
    reader.line_start = True


def _wikilink(node: Wikilink, start: int, reader: Reader) -> None:
    if forms.DROPPED_LINKS.match(str(node.title)):
        return
    if node.text is not None:
        _walk(node.text, start + 2 + len(str(node.title)) + 1, reader)
    else:
        reader.builder.add(str(node.title), start + 2)
    reader.line_start = False


def _tag(node: Tag, start: int, reader: Reader) -> None:
    """A ref becomes a footnote and a marker; markup tags are unwrapped; tables and lists of refs skipped."""
    name = str(node.tag).strip().lower()
    if name == "ref":
        _ref(node, start, reader)
        return
    if name == "table" and node.contents is not None:
        reader.flush()
        reader.blocks += table_blocks(node, start, reader.section, lambda code, at: _render(code, at, reader))
        return
    if name in forms.SKIPPED_TAGS or node.self_closing or node.contents is None:
        if name == "references" and node.contents is not None:
            _list_defined_refs(node, start, reader)
        if name == "br":
            reader.builder.add_char(" ", start)
        return
    _walk(node.contents, start + _contents_offset(node), reader)


def _render(code: Wikicode, start: int, reader: Reader) -> TextBuilder:
    """Wikicode rendered into a builder of its own, sharing the reader's footnotes."""
    inner = Reader(reader.raw, notes=reader.notes, single=True)
    _walk(code, start, inner)
    return inner.builder


def _contents_offset(node: Tag) -> int:
    """Where a tag's contents start within its raw text."""
    if node.wiki_markup:
        return len(str(node.wiki_markup))
    text = str(node)
    return text.index(">") + 1


def _ref(node: Tag, start: int, reader: Reader) -> None:
    """``<ref>…</ref>``, ``<ref name="x">…</ref>`` or a reuse ``<ref name="x"/>``: a marker here."""
    name = _attribute(node, "name")
    key = f"name:{name}" if name else f"at:{start}"
    pending = reader.note(key)
    if not node.self_closing and node.contents is not None and not pending.defined:
        _define(pending, node, start, reader.raw)
    reader.builder.mark([pending.number])


def _define(pending: Pending, node: Tag, start: int, raw: str) -> None:
    """A ref's content: its raw range, and citation fields from any cite templates in it."""
    content_start = start + _contents_offset(node)
    pending.start = content_start
    pending.end = content_start + len(str(node.contents))
    pending.defined = True
    position = content_start
    for inner in node.contents.nodes:
        if isinstance(inner, Template) and CITE_TEMPLATES.match(str(inner.name)):
            pending.citations.append(template_citation(inner, position, raw))
        elif isinstance(inner, Template) and SHORT_TEMPLATES.match(str(inner.name)):
            pending.citations.append(short_citation(inner, position))
        position += len(str(inner))
    if not pending.citations:
        opening = next((n for n in node.contents.nodes if not (isinstance(n, Text) and not str(n).strip())), None)
        if isinstance(opening, ExternalLink):
            pending.url = readable(opening.url.strip_code()).strip() or str(opening.url)
            pending.link_title = (
                readable(opening.title.strip_code()).strip() if opening.title and opening.brackets else None
            )
        rendering = Reader(raw, single=True)
        _walk(node.contents, content_start, rendering)
        pending.rendered = rendering.builder


def _list_defined_refs(node: Tag, start: int, reader: Reader) -> None:
    """Refs defined inside ``<references>…</references>`` fill named refs used in the body."""
    _define_listed(node.contents, start + _contents_offset(node), reader)


def _define_listed(code: Wikicode, position: int, reader: Reader) -> None:
    """Named refs defined in a reference list (``<references>`` or ``{{reflist|refs=…}}``)."""
    for inner in code.nodes:
        if isinstance(inner, Tag) and str(inner.tag).strip().lower() == "ref":
            name = _attribute(inner, "name")
            pending = reader.notes.get(f"name:{name}") if name else None
            if pending and not pending.defined and inner.contents is not None:
                _define(pending, inner, position, reader.raw)
        position += len(str(inner))


def _attribute(node: Tag, name: str) -> str | None:
    for attribute in node.attributes:
        if str(attribute.name).strip().lower() == name and attribute.value is not None:
            return str(attribute.value).strip()
    return None


def _template(node: Template, start: int, reader: Reader) -> None:
    """``{{sfn}}`` and ``{{efn}}`` are footnotes; ``{{lang|…}}`` and kin keep their text, date templates show
    their date; others drop."""
    name = str(node.name)
    if SHORT_TEMPLATES.match(name) and name.strip().lower().startswith("sfn"):
        key = "sfn:" + "|".join(str(p).strip() for p in node.params)
        pending = reader.note(key)
        if not pending.defined:
            pending.start, pending.end, pending.defined = start, start + len(str(node)), True
            pending.citations = [short_citation(node, start)]
        reader.builder.mark([pending.number])
    elif forms.NOTE_TEMPLATES.match(name):
        _efn(node, start, reader)
    elif forms.REUSE_TEMPLATES.match(name):
        for param in node.params:
            if not param.showkey:
                reader.builder.mark([reader.note(f"name:{str(param.value).strip()}").number])
    elif forms.TEXT_TEMPLATES.match(name) and node.params:
        _template_text(node, start, reader)
    elif forms.CONVERT.match(name):
        _convert(node, start, reader)
    elif DATE_TEMPLATES.match(name) and render_date_template(node, start, reader.builder):
        reader.line_start = False
    elif forms.REFLIST.match(name):
        for param_start, param in _params(node, start):
            if param.showkey and str(param.name).strip() == "refs":
                _define_listed(param.value, param_start + len(str(param.name)) + 1, reader)


def _params(node: Template, start: int) -> list[tuple[int, Parameter]]:
    """Each parameter of a template with the raw offset where it starts (after its ``|``)."""
    located = []
    offset = start + 2 + len(str(node.name))
    for param in node.params:
        located.append((offset + 1, param))
        offset += 1 + len(str(param))
    return located


def _convert(node: Template, start: int, reader: Reader) -> None:
    """``{{convert|3769|m}}`` reads as ``3769 m``: the value and unit as written, offsets kept."""
    positional = [(at, param) for at, param in _params(node, start) if not param.showkey][:2]
    for index, (at, param) in enumerate(positional):
        value = str(param.value)
        lead = len(value) - len(value.lstrip())
        if index:
            reader.builder.add_char(" ", at - 1)
        reader.builder.add(value.strip(), at + lead)
    reader.line_start = False


def _efn(node: Template, start: int, reader: Reader) -> None:
    """An explanatory note: its text is a note footnote."""
    pending = reader.note(f"at:{start}")
    offset = start + 2 + len(str(node.name))
    for param in node.params:
        offset += 1
        if not param.showkey:
            pending.start, pending.end, pending.defined = offset, offset + len(str(param)), True
            text = reader.raw[pending.start : pending.end]
            span = Span(start=pending.start, end=pending.end, text=text)
            pending.citations = [CitationFields(is_note=True, span=span)]
            break
        offset += len(str(param))
    reader.builder.mark([pending.number])


def _template_text(node: Template, start: int, reader: Reader) -> None:
    """The last positional parameter of a text template (``{{lang|fr|mot}}`` → ``mot``)."""
    offset = start + 2 + len(str(node.name))
    chosen: tuple[int, Wikicode] | None = None
    for param in node.params:
        offset += 1
        if not param.showkey:
            chosen = (offset, param.value)
        offset += len(str(param))
    if chosen:
        _walk(chosen[1], chosen[0], reader)
