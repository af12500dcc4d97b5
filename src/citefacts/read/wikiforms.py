"""What the wikitext reader knows by name, and the wikitext it refuses before parsing.

Links, templates and tags it drops, renders as text or reads as notes; the end-matter headings after
which the body stops. And a guard: hundreds of unclosed templates, links or refs are no article, and
mwparserfromhell backtracks over each of them (10,000 unclosed ``{{efn|``, 60 KB, take it minutes).
"""

from __future__ import annotations

import re

from citefacts.errors import InputError

DROPPED_LINKS = re.compile(
    r"^\s*:?\s*(?:Category|File|Image|Kategorie|Datei|Bild|Kategori|Catégorie|Fichier)\s*:", re.I
)
TEXT_TEMPLATES = re.compile(
    r"^\s*(?:lang|nowrap|nobr|small|big|em|strong|lang-\w+|transl|nihongo|abbr|sort|nts|flag|flagcountry|flagu)\s*$",
    re.I,
)
"""Templates shown as their last positional parameter: ``{{sort|key|shown}}``, ``{{nts|17127}}``, ``{{flag|Turkey}}``."""
NOTE_TEMPLATES = re.compile(r"^\s*(?:efn|efn-\w+|note|refn)\s*$", re.I)
REUSE_TEMPLATES = re.compile(r"^\s*r\s*$", re.I)
SKIPPED_TAGS = {"references", "gallery", "math", "timeline", "syntaxhighlight", "score", "noinclude"}
END_MATTER = {"references", "notes", "footnotes", "external links", "see also", "further reading", "bibliography"}
END_MATTER |= {"sources", "citations", "notes and references", "einzelnachweise", "weblinks", "literatur"}
CONVERT = re.compile(r"^\s*(?:convert|cvt)\s*$", re.I)
REFLIST = re.compile(r"^\s*(?:reflist|references)\s*$", re.I)
LIST_LEAD = re.compile(r"[*#:;]+[ \t]*")

UNCLOSED_LIMIT = 200
"""More openers than closers of one kind than this, and the source is refused before parsing."""
_PAIRS = (("{{", "}}"), ("[[", "]]"), ("<ref", "</ref"))
_SELF_CLOSED_REF = re.compile(r"<ref[^>]*/>")


def refuse_unclosed(raw: str, path: str) -> None:
    """A one-line error for wikitext with hundreds of unclosed templates, links or refs."""
    for opener, closer in _PAIRS:
        unclosed = raw.count(opener) - raw.count(closer)
        if opener == "<ref":
            unclosed -= len(_SELF_CLOSED_REF.findall(raw))
        if unclosed > UNCLOSED_LIMIT:
            raise InputError(f"{unclosed:,} {opener!r} never closed: not wikitext citefacts can read", path)
