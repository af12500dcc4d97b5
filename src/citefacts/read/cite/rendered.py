"""Citation fields from a footnote as Wikipedia renders CS1 citations.

A rendered CS1 citation reads ``Last, First (Date). "Title". Work. Place: Publisher. p. 12.
ISBN… doi:… Archived from the original on … Retrieved …`` and is often followed by a quotation,
the source's own words. A footnote may hold several citations (one a line) or an explanatory
note. The fields are read piece by piece; a piece that fits no field is kept in ``unparsed``.
"""

from __future__ import annotations

import re

from citefacts.models import CitationFields, Span
from citefacts.read.cite.dates import normalize_date
from citefacts.read.cite.pieces import (
    EDITORS_MARK,
    FORMATS,
    PAGES,
    assign_name_piece,
    classify,
    name_like,
    split_names,
    split_pieces,
)

_DATE_PAREN = r"\((?P<date>[^()]*?(?:\d{4}|n\.d\.)[^()]*?)\)"
_AUTHOR_DATE = re.compile(r"^(?P<who>[^\"()]{2,200}?)\s*" + _DATE_PAREN + r"\.\s*")
_DATE_ONLY = re.compile(r"^" + _DATE_PAREN + r"\.\s*")
_AUTHOR_DOT = re.compile(
    r"^(?P<who>[A-Z][\w'’-]+(?: [\w'’-]+)?, [A-Z][\w.'’ -]{0,40}?|[^.\"]{2,80}?;[^.\"]{2,2000}?)\.\s+(?=\S)"
)
_SHORT_CITE = re.compile(
    r"^(?P<who>[A-Za-z][^,()\"]{1,60}?)(?: \(?(?P<date>\d{4}[a-z]?)\)?)?, (?P<pages>pp?\.\s?[^.]+)\.?(?P<rest>.*)$"
)
_HARVARD = re.compile(
    r"^(?P<who>[A-Z][\w'’.-]*(?: [\w'’.-]+){0,2}) \(?(?P<date>\d{4}[a-z]?)(?:, (?P<rest>[^)]{1,60}))?\)?\.?$"
)
_QUOTED_TITLE = re.compile(r'^"(?P<title>[^"]+?)"\s*(?:\((?P<fmt>PDF|DOC|PPT|XLS)\))?(?=[.,\[(]|\s\[|$)')
_TRANSLATED = re.compile(r"^\s*\[(?P<trans>[^\]]+)\]")
_DEBRIS = re.compile(r"\s*(?:\{\{cite \w+\}\}.*|sfn error:.*|CS1 maint:.*)$")
_CITATION_START = re.compile(
    r"^(?:\"[^\"]{3,}\"\s*(?:\(\w+\))?(?:\.|\s\[)"
    r"|(?:[^\"()]{2,200}?\.?\s*)?\([^()]*\d{4}[^()]*\)\.\s"
    r"|[A-Z][\w'’-]+, [A-Z][\w.'’ -]{0,40}?\.\s+\""
    r"|[^.\"]{2,80}?;[^.\"]{2,2000}?\.\s)"
)
_LISTING = re.compile(r"^[A-Z][^.]{2,120}\s\([A-Z][\w ]{2,30}\)\.\s[^.]{2,200}\.\s(?:[A-Z][a-z]+ )?\d{4}\.?$")
_BARE_ENTRY = re.compile(
    r"^(?P<who>[A-Z][\w'’-]+, [A-Z][\w'’-]+) (?=[A-Z‘'])[^\"]{8,300}?\.\s+"
    r"(?:\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4})\.?$"
)
"""A news citation rendered without its punctuation: ``Surname, Forename Headline Work. January 4, 2016``."""
_SIGNATURE = re.compile(r"\b(?:Retrieved|Archived from|ISBN|ISSN|doi:|pp?\.\s?\d)")
_INLINE_START = re.compile(
    r"(?:(?<=[.:!?] )|(?<=[.!?]\" ))(?=[A-Z][^.()\"]{1,80}?\s\([^()]*\d{4}[^()]*\)\.\s|\"[^\"]{3,}\"\s*(?:\(\w+\))?\.\s)"
)


def parse_footnote(text: str, start: int) -> list[CitationFields]:
    """The citations (and notes) of one footnote whose text begins at raw offset ``start``."""
    return [parse_citation(text[a:b], start + a) for a, b in split_citations(text)]


def split_citations(text: str) -> list[tuple[int, int]]:
    """Offsets of each citation or note in a footnote: a line that starts a citation starts a new one."""
    lines = _lines(text)
    segments: list[list[int]] = []
    for index, (begin, end) in enumerate(lines):
        line = text[begin:end]
        following = text[slice(*lines[index + 1])] if index + 1 < len(lines) else ""
        if not segments or looks_like_citation(line) or _heads_next(line, following):
            segments.append([begin, end])
        else:
            segments[-1][1] = end
    result: list[tuple[int, int]] = []
    for begin, end in segments:
        result += _split_inline(text, begin, end)
    return result


def _lines(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank lines of a text."""
    lines = []
    position = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((position, position + len(line)))
        position += len(line) + 1
    return lines


def _heads_next(line: str, following: str) -> bool:
    """A line of prose introducing the citation on the next line is a note of its own."""
    stripped = line.strip()
    return bool(following) and looks_like_citation(following) and not re.match(r"(?:[a-z\d]|pp?\.)", stripped)


def looks_like_citation(line: str) -> bool:
    """Whether a line opens with a rendered citation rather than prose or a continuation."""
    stripped = line.strip()
    author = _AUTHOR_DATE.match(stripped)
    if author and _PROSE.search(author.group("who")):
        return False
    if _CITATION_START.match(stripped) or _LISTING.match(stripped) or _harvard(stripped):
        return True
    if _BARE_ENTRY.match(stripped):
        return True
    short = _SHORT_CITE.match(stripped)
    if short and len(short.group("who").split()) <= 4:
        return True
    signature = _SIGNATURE.search(stripped[:250])
    if not signature or stripped[0].islower():
        return False
    first = stripped[: signature.start()].split(". ")[0]
    return not _PROSE.search(first) and len(first.split()) <= 25


_PROSE = re.compile(r"\b(?:the|was|were|is|are|has|have|had|which|that|said|this|these|by)\b")


def _harvard(line: str) -> re.Match[str] | None:
    """A short author-date citation ("Pilling 1997, p. 249"), not a clause opening with a year
    ("Completed in 1962, the mast is 330 metres tall.")."""
    match = _HARVARD.match(line)
    rest = match.group("rest") if match else None
    if match is None or rest is None or PAGES.match(rest):
        return match
    return None if _PROSE.search(rest) or _PROSE.search(match.group("who")) or len(rest.split()) > 4 else match


def _split_inline(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """A note that ends by citing its source in the same line is a note and a citation."""
    segment = text[begin:end]
    if looks_like_citation(segment):
        return [(begin, end)]
    match = _INLINE_START.search(segment)
    tail = segment[match.start() :] if match else ""
    if match and (_SIGNATURE.search(tail) or _AUTHOR_DATE.match(tail)):
        cut = begin + match.start()
        return [(begin, cut - 1), (cut, end)]
    return [(begin, end)]


def parse_citation(text: str, start: int) -> CitationFields:
    """Fields of one citation or note; ``start`` is the raw offset of ``text``."""
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    base = start + lead
    span = Span(start=base, end=base + len(body), text=body)
    if not looks_like_citation(body):
        return CitationFields(is_note=True, span=span)
    harvard = _harvard(body)
    if harvard:
        rest = harvard.group("rest")
        pages = PAGES.match(rest) if rest else None
        return CitationFields(
            authors=[harvard.group("who")],
            date=harvard.group("date"),
            pages=pages.group("pages").strip().rstrip(".") if pages else None,
            unparsed=None if pages else rest,
            span=span,
        )
    fields = CitationFields(span=span)
    rest = _read_head(body, fields)
    offset = len(body) - len(rest)
    _read_pieces(body, offset, base, fields)
    return fields


def _read_head(body: str, fields: CitationFields) -> str:
    """Authors, date and title at the start; returns what follows them."""
    rest = body
    short = _SHORT_CITE.match(rest)
    if short and not rest.startswith('"') and len(short.group("who").split()) <= 6:
        fields.authors = [short.group("who").strip()]
        fields.date = short.group("date")
        fields.pages = PAGES.match(short.group("pages")).group("pages").strip()  # type: ignore[union-attr]
        return short.group("rest")
    match = _AUTHOR_DATE.match(rest) or _DATE_ONLY.match(rest)
    if match:
        who = match.groupdict().get("who")
        if who:
            _set_names(fields, who)
        fields.date = normalize_date(match.group("date"))
        rest = rest[match.end() :]
        return rest
    bare = _BARE_ENTRY.match(rest)
    dotted = None if bare else _AUTHOR_DOT.match(rest)
    if bare:
        _set_names(fields, bare.group("who"))
        rest = rest[bare.end("who") :].lstrip()
    elif dotted:
        _set_names(fields, dotted.group("who"))
        rest = rest[dotted.end() :]
    return rest


def _set_names(fields: CitationFields, who: str) -> None:
    """Authors, or editors when the names end in ``ed.``/``eds.``; a closing ``.`` after a word goes."""
    who = who.strip().rstrip(",").strip()
    editors = bool(EDITORS_MARK.search(who))
    if editors:
        who = EDITORS_MARK.sub("", who).strip()
    who = re.sub(r"(?<=[A-Za-z]{2})\.$", "", who)
    names = split_names(who)
    if editors:
        fields.editors = names
    else:
        fields.authors = names


def read_rest(body: str, offset: int, base: int, fields: CitationFields) -> None:
    """Fields from what follows a title already known (a wikitext link's text), from ``offset`` on."""
    _read_pieces(body, offset, base, fields)


def _read_pieces(body: str, offset: int, base: int, fields: CitationFields) -> None:
    """Title, then each piece in turn, until the quotation starts."""
    unparsed: list[str] = []
    debris = _DEBRIS.search(body)
    end = debris.start() if debris else len(body)
    if debris:
        unparsed.append(debris.group().strip())
    position = _read_title(body, offset, end, fields, unparsed)
    book = fields.title is None
    limit = 3 if book else 2
    tail = False
    unknown = 0
    for a, b in split_pieces(body, position, end):
        piece = body[a:b].strip().rstrip(".").strip()
        if body.startswith("..", b) and re.search(r"\b[A-Z][a-z]{1,7}$", piece):
            piece += "."  # an abbreviation's own dot before the separating one
        if not piece:
            continue
        kind = classify(piece, fields, tail)
        if kind == "field":
            tail = tail or bool(fields.pages or fields.identifiers or fields.access_date or fields.archive_date)
            continue
        if piece in FORMATS:
            unparsed.append(piece)
            continue
        if (tail or not name_like(piece) or unknown >= limit) and not (book and fields.title is None):
            _set_quote(body, a, end, base, fields)
            break
        unknown += 1
        book = book and not (fields.title is None and '"' in piece)
        assign_name_piece(piece, fields, unparsed, book)
    fields.unparsed = " ".join(unparsed) or None


def _set_quote(body: str, a: int, end: int, base: int, fields: CitationFields) -> None:
    """The quotation: from this piece to the end of the citation."""
    while a < end and body[a].isspace():
        a += 1
    stop = end
    while stop > a and body[stop - 1].isspace():
        stop -= 1
    if stop > a:
        fields.quote = Span(start=base + a, end=base + stop, text=body[a:stop])


def _read_title(body: str, position: int, end: int, fields: CitationFields, unparsed: list[str]) -> int:
    """A quoted title (with any translation, language and edition after it); returns where it ends."""
    rest = body[position:end]
    match = _QUOTED_TITLE.match(rest)
    if not match:
        return position
    fields.title = match.group("title").strip().rstrip(",")
    if match.group("fmt"):
        unparsed.append(f"({match.group('fmt')})")
    position += match.end()
    translated = _TRANSLATED.match(body[position:end])
    if translated:
        unparsed.append(f"[{translated.group('trans')}]")
        position += translated.end()
    return position


def ref_citations(text: str, link_title: str | None, url: str | None) -> list[CitationFields]:
    """Citations of a wikitext ref rendered without templates; a ref opening with a titled link has that title."""
    if link_title and text.lstrip().startswith(link_title):
        lead = len(text) - len(text.lstrip())
        body = text.strip()
        fields = CitationFields(title=link_title, url=url, span=Span(start=lead, end=lead + len(body), text=body))
        read_rest(body, len(link_title), lead, fields)
        return [fields]
    citations = parse_footnote(text, 0)
    if url and len(citations) == 1:
        citations[0].url = url
    return citations


def moved_onto_raw(citation: CitationFields, offsets: list[int], raw: str) -> CitationFields:
    """A citation parsed from rendered text, its spans moved back onto the raw text (``offsets[i]``: raw index of char i)."""
    update: dict[str, Span | None] = {}
    for name in ("span", "quote"):
        span = getattr(citation, name)
        if span is not None and span.end > span.start:
            start = offsets[span.start]
            end = offsets[span.end - 1] + 1
            update[name] = Span(start=start, end=end, text=raw[start:end])
    return citation.model_copy(update=update)
