"""A wikitext footnote as a reader reads it, with every character still where it stood in the raw text.

The linker and the checker read a footnote's words and values. In wikitext a footnote is mostly markup:
``{{cite web |url=https://nytimes.com/2015/09/20/... |title=... |quote=...}}``, where the 2015 of a URL
or a page number would "support" a claim and a raw template would be shown as evidence. ``readable_mask``
blanks the markup, the parameter names and the parameters no reader reads as prose (URLs, identifiers,
pages, access dates) with spaces, and each parameter separator with a line break (a clause break for the
checker), so that the text keeps its length: an offset into it is an offset into the raw footnote, and
evidence found in it is a span of the raw file with no conversion.
"""

from __future__ import annotations

from functools import lru_cache

import mwparserfromhell
from mwparserfromhell.nodes import Comment, ExternalLink, Tag, Template, Wikilink
from mwparserfromhell.wikicode import Wikicode

READ_PARAMETERS = frozenset(
    {
        "title",
        "trans-title",
        "script-title",
        "chapter",
        "trans-chapter",
        "contribution",
        "quote",
        "trans-quote",
        "work",
        "website",
        "newspaper",
        "journal",
        "magazine",
        "periodical",
        "publisher",
        "agency",
        "encyclopedia",
        "series",
        "date",
        "year",
        "location",
        "place",
        "text",
    }
)
"""Parameters whose value a reader reads as prose; every other named parameter is blanked."""

_NAME_PARAMETERS = ("author", "last", "first", "editor", "surname", "given")
"""Name parameters, numbered or not (``last2``, ``editor-first``), which are read too."""


@lru_cache(maxsize=4096)
def readable_mask(text: str) -> str:
    """The footnote with its markup blanked: same length, every kept character at its raw offset.

    Kept per text: the review page shows a document's footnotes beside each of its facts."""
    if not any(mark in text for mark in ("{{", "[[", "[", "<")):
        return text
    chars = list(text)
    _mask_code(mwparserfromhell.parse(text), chars, 0)
    return "".join(chars)


def _blank(chars: list[str], start: int, end: int) -> None:
    """Blank ``chars[start:end]`` with spaces, keeping line breaks."""
    for index in range(start, min(end, len(chars))):
        if chars[index] != "\n":
            chars[index] = " "


def _mask_code(code: Wikicode, chars: list[str], start: int) -> None:
    """Blank the markup of every node of ``code``, which begins at ``start`` in the raw text."""
    position = start
    for node in code.nodes:
        length = len(str(node))
        if isinstance(node, Template):
            _mask_template(node, chars, position)
        elif isinstance(node, Wikilink):
            _mask_wikilink(node, chars, position, length)
        elif isinstance(node, ExternalLink):
            _mask_external_link(node, chars, position, length)
        elif isinstance(node, Tag):
            _mask_tag(node, chars, position, length)
        elif isinstance(node, Comment):
            _blank(chars, position, position + length)
        position += length


def _mask_template(template: Template, chars: list[str], start: int) -> None:
    """Keep the values a reader reads (and a template's unnamed ones); blank the rest and the syntax."""
    position = start + 2 + len(str(template.name))
    _blank(chars, start, position)
    for param in template.params:
        chars[position] = "\n"  # the '|': each parameter is a clause of its own
        position += 1
        value_start = position
        if param.showkey:
            value_start += len(str(param.name)) + 1
            _blank(chars, position, value_start)
        value_end = value_start + len(str(param.value))
        if _read(param.name.strip().lower(), param.showkey):
            _mask_code(param.value, chars, value_start)
        else:
            _blank(chars, value_start, value_end)
        position = value_end
    _blank(chars, position, position + 2)


def _read(name: str, named: bool) -> bool:
    """Whether a parameter's value is prose a reader reads."""
    if not named or name in READ_PARAMETERS:
        return True
    return name.rstrip("0123456789").rstrip("-").startswith(_NAME_PARAMETERS)


def _mask_wikilink(link: Wikilink, chars: list[str], start: int, length: int) -> None:
    """``[[target|text]]`` reads as its text, ``[[target]]`` as its target."""
    if link.text is None:
        _blank(chars, start, start + 2)
        _mask_code(link.title, chars, start + 2)
    else:
        text_start = start + 2 + len(str(link.title)) + 1
        _blank(chars, start, text_start)
        _mask_code(link.text, chars, text_start)
    _blank(chars, start + length - 2, start + length)


def _mask_external_link(link: ExternalLink, chars: list[str], start: int, length: int) -> None:
    """``[url text]`` reads as its text; a bare URL is not read."""
    if not link.brackets or link.title is None:
        _blank(chars, start, start + length)
        return
    title_start = start + length - 1 - len(str(link.title))
    _blank(chars, start, title_start)
    _mask_code(link.title, chars, title_start)
    _blank(chars, start + length - 1, start + length)


def _mask_tag(tag: Tag, chars: list[str], start: int, length: int) -> None:
    """An HTML-like tag reads as its contents (none for ``<br/>``)."""
    if tag.contents is None or tag.self_closing:
        _blank(chars, start, start + length)
        return
    raw = str(tag)
    inner = str(tag.contents)
    inner_start = raw.find(">") + 1
    if raw[inner_start : inner_start + len(inner)] != inner:
        _blank(chars, start, start + length)  # a tag written in a way we do not follow: not read
        return
    _blank(chars, start, start + inner_start)
    _mask_code(tag.contents, chars, start + inner_start)
    _blank(chars, start + inner_start + len(inner), start + length)
