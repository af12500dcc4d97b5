"""Citation fields straight from MediaWiki citation templates: ``{{cite web|…}}``, ``{{sfn|…}}``.

The template's named parameters map onto CitationFields; ``quote=`` becomes a Span of the raw
text; parameters with no field are kept in ``unparsed`` as ``name=value``.
"""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Template

from citefacts.models import CitationFields, Span
from citefacts.read.cite.dates import normalize_date

CITE_TEMPLATES = re.compile(r"^\s*(?:cite[ _]\w+|citation|cite)\s*$", re.I)
SHORT_TEMPLATES = re.compile(r"^\s*(?:sfn|sfnp|harvnb|harv|harvp|harvtxt|sfnm)\s*$", re.I)

_SIMPLE = {
    "title": "title",
    "chapter": "title",
    "work": "work",
    "website": "work",
    "newspaper": "work",
    "journal": "work",
    "magazine": "work",
    "periodical": "work",
    "encyclopedia": "work",
    "publisher": "publisher",
    "agency": "publisher",
    "location": "place",
    "place": "place",
    "page": "pages",
    "pages": "pages",
    "at": "pages",
    "volume": "volume",
    "issue": "issue",
    "number": "issue",
    "edition": "edition",
    "url": "url",
    "language": "language",
}
_DATES = {"date": "date", "year": "date", "archive-date": "archive_date", "archivedate": "archive_date"}
_DATES |= {"access-date": "access_date", "accessdate": "access_date"}
_IDENTIFIERS = {
    "isbn",
    "issn",
    "eissn",
    "doi",
    "oclc",
    "pmid",
    "pmc",
    "jstor",
    "s2cid",
    "hdl",
    "arxiv",
    "bibcode",
    "lccn",
}
_IGNORED = {"archive-url", "archiveurl", "url-status", "deadurl", "dead-url", "ref", "df", "mode", "name-list-style"}
_AUTHOR = re.compile(
    r"^(?:(?P<role>author|editor)(?P<n1>\d*)|(?P<part>last|first|surname|given)(?P<n2>\d*)|(?P<epart>editor-last|editor-first|editor(?P<n3>\d+)-(?:last|first)))$"
)


def template_citation(template: Template, start: int, raw: str) -> CitationFields:
    """Fields of one ``{{cite …}}`` template that starts at raw offset ``start``."""
    fields = CitationFields(span=Span(start=start, end=start + len(str(template)), text=str(template)))
    names: dict[tuple[str, int], dict[str, str]] = {}
    unparsed: list[str] = []
    offset = start + 2 + len(str(template.name))
    for param in template.params:
        param_start = offset + 1
        offset = param_start + len(str(param))
        key = str(param.name).strip().lower()
        value = _plain(param.value)
        if not value:
            continue
        if key == "quote":
            fields.quote = _value_span(param, param_start, raw)
        elif not _set_field(fields, key, value, names) and key not in _IGNORED:
            unparsed.append(f"{key}={value}")
    _set_names(fields, names)
    fields.unparsed = "; ".join(unparsed) or None
    return fields


def short_citation(template: Template, start: int) -> CitationFields:
    """Fields of a short citation ``{{sfn|Last|Year|p=…}}``: authors, year and pages."""
    positional = [_plain(p.value) for p in template.params if not p.showkey]
    named = {str(p.name).strip().lower(): _plain(p.value) for p in template.params if p.showkey}
    year = next((value for value in positional if re.fullmatch(r"\d{4}[a-z]?|n\.d\.", value)), None)
    authors = [value for value in positional if value and value != year]
    pages = named.get("p") or named.get("pp") or named.get("page") or named.get("pages") or named.get("loc")
    return CitationFields(
        authors=authors,
        date=year,
        pages=pages,
        span=Span(start=start, end=start + len(str(template)), text=str(template)),
    )


def _set_field(fields: CitationFields, key: str, value: str, names: dict[tuple[str, int], dict[str, str]]) -> bool:
    """Put one parameter into its field; False when it has none."""
    if key in _SIMPLE:
        if key == "chapter" and fields.title:
            fields.work = fields.work or fields.title
        elif key == "title" and fields.title:
            fields.work = fields.work or value
            return True
        setattr(fields, _SIMPLE[key], value)
        return True
    if key in _DATES:
        setattr(fields, _DATES[key], normalize_date(value))
        return True
    if key in _IDENTIFIERS:
        fields.identifiers["doi" if key == "doi" else key.upper()] = value
        return True
    author = _AUTHOR.match(key)
    if author:
        role = "editor" if (author.group("role") == "editor" or author.group("epart")) else "author"
        number = int(author.group("n1") or author.group("n2") or author.group("n3") or 1)
        part = author.group("part") or ("first" if key.endswith("first") else "last" if "-" in key else "whole")
        part = {"surname": "last", "given": "first"}.get(part, part)
        names.setdefault((role, number), {})[part] = value
        return True
    return False


def _set_names(fields: CitationFields, names: dict[tuple[str, int], dict[str, str]]) -> None:
    """Authors and editors as ``Last, First`` in their numbered order."""
    for (role, _), parts in sorted(names.items(), key=lambda item: (item[0][0], item[0][1])):
        name = parts.get("whole") or ", ".join(p for p in (parts.get("last"), parts.get("first")) if p)
        (fields.editors if role == "editor" else fields.authors).append(name)


def _value_span(param: object, param_start: int, raw: str) -> Span | None:
    """The raw span of a parameter's value, trimmed of white space."""
    text = str(param)
    equals = text.find("=") + 1 if getattr(param, "showkey", False) else 0
    start = param_start + equals
    end = param_start + len(text)
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return Span(start=start, end=end, text=raw[start:end]) if end > start else None


def _plain(value: object) -> str:
    """A parameter value without markup."""
    strip = getattr(value, "strip_code", None)
    text = readable(strip()) if strip else str(value)
    return re.sub(r"\s+", " ", text).strip()


_UNREADABLE = re.compile("[\x00\ud800-\udfff]")


def readable(text: str) -> str:
    """Wikicode's text with entities read, where an entity that names no character text can hold
    (``&#xD800;``, a lone surrogate; ``&#0;``) is U+FFFD: JSON and spaCy refuse such characters."""
    return _UNREADABLE.sub("\ufffd", text)
