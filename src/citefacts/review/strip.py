"""The article as a strip of its paragraphs, each coloured by its facts' statuses: the report's and the review
page's first picture of where an article stands.

Facts store no paragraph index, so paragraphs are derived from the output: two facts in a row share a paragraph
when they share a section and, where the source text is at hand, no paragraph break lies between their sentences
(any line break in plain text, which has one paragraph a line; a blank line or a line opening a list, table row
or heading in markup, outside references and templates). Consecutive table cells make one paragraph (a table). Without the source, a section's
facts are one block, flagged ``exact=False``. Pure: no file is read here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from citefacts.models import Fact, FactStatus

TONES: tuple[FactStatus, ...] = ("contradicted", "unverified", "partly_supported", "supported", "uncited")
"""Statuses from the most telling down: a block takes the first its facts have, so one contradicted fact shows
red, and a checked fact shows through a paragraph of uncited ones (nearly every paragraph has some)."""
PLACED = "placed"
"""The count of facts a reviewer's placement cites: shown distinctly (an outline), beside the tone."""
MAX_SIZE = 10
"""A block's width grows with its facts up to this many."""
_MARKUP_BREAK = re.compile(r"\n[ \t]*\n|\n[ \t]*(?:[*#:;|+>-]|\{\||\d+[.)]\s)")
_REFS = re.compile(r"<ref\b[^>]*/>|<ref\b[^>]*>.*?</ref\s*>|<!--.*?-->", re.DOTALL | re.IGNORECASE)
_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")


@dataclass
class Paragraph:
    """A run of facts the source shows as one paragraph (or one table): what one block of the strip stands for."""

    index: int
    """Its place among the article's paragraphs holding facts, from 0: the block's anchor."""
    section: tuple[str, ...]
    facts: list[Fact] = field(default_factory=list)
    table: bool = False
    exact: bool = True
    """False when the source was not at hand and the block is a section's facts (paragraphs unknown)."""

    @property
    def counts(self) -> Counter[str]:
        """Facts per status, and ``placed``: those a reviewer's placement cites."""
        return tally(self.facts)

    @property
    def tone(self) -> FactStatus:
        """The most telling status among its facts (see ``TONES``)."""
        return next(status for status in TONES if self.counts[status])

    @property
    def placed(self) -> int:
        return self.counts[PLACED]

    @property
    def size(self) -> int:
        """Its width, 1 to ``MAX_SIZE``: the number of its facts, capped."""
        return min(len(self.facts), MAX_SIZE)

    @property
    def label(self) -> str:
        """What the block says to a screen reader and in its tooltip: where it is and its counts, in words."""
        what = "table" if self.table else "paragraph" if self.exact else "facts (paragraphs unknown)"
        return f"{section_title(self.section)}, {what} {self.index + 1}: {counts_text(self.counts)}"


@dataclass
class Section:
    """A run of paragraphs under one heading path, with its facts counted per status."""

    path: tuple[str, ...]
    paragraphs: list[Paragraph]

    @property
    def title(self) -> str:
        return section_title(self.path)

    @property
    def counts(self) -> Counter[str]:
        return tally(fact for paragraph in self.paragraphs for fact in paragraph.facts)

    @property
    def count_list(self) -> list[tuple[str, int]]:
        """(status, n) for each status present, in ``TONES`` order, then the placed count if any."""
        return count_pairs(self.counts)


def paragraphs(facts: Iterable[Fact], raw: str | None, format: str = "text") -> list[Paragraph]:
    """The facts cut into paragraphs, in source order (see the module's docstring for where a cut falls)."""
    found: list[Paragraph] = []
    previous: Fact | None = None
    for fact in sorted(facts, key=lambda f: (f.sentence.start, f.sentence.end)):
        if previous is None or _break(previous, fact, raw, format):
            table = fact.table is not None
            found.append(Paragraph(len(found), tuple(fact.section), table=table, exact=raw is not None))
        found[-1].facts.append(fact)
        previous = fact
    return found


def _break(previous: Fact, fact: Fact, raw: str | None, format: str) -> bool:
    """Whether a new paragraph starts at ``fact``, the fact after ``previous`` in the source."""
    if previous.section != fact.section or (previous.table is None) != (fact.table is None):
        return True
    if raw is None or fact.table is not None:
        return False
    between = raw[previous.sentence.end : fact.sentence.start]
    if format == "text":
        return "\n" in between or "\r" in between
    return _MARKUP_BREAK.search(_prose(between.replace("\r\n", "\n").replace("\r", "\n"))) is not None


def _prose(markup: str) -> str:
    """Markup between two sentences without its references, comments and templates, whose own lines (a cite
    template's ``| title =``, a list inside a reference) break no paragraph."""
    text = _REFS.sub(" ", markup)
    while (inner := _TEMPLATE.sub(" ", text)) != text:  # innermost templates first, until none is left
        text = inner
    return text


def sections(found: Sequence[Paragraph]) -> list[Section]:
    """The paragraphs grouped into runs of one section path, in source order."""
    runs: list[Section] = []
    for paragraph in found:
        if not runs or runs[-1].path != paragraph.section:
            runs.append(Section(paragraph.section, []))
        runs[-1].paragraphs.append(paragraph)
    return runs


def tally(facts: Iterable[Fact]) -> Counter[str]:
    """Facts per status, and under ``placed`` the facts a reviewer's placement cites."""
    counts: Counter[str] = Counter()
    for fact in facts:
        counts[fact.status] += 1
        counts[PLACED] += any(c.linked_by == "reviewer" for c in fact.citations)
    return counts


def count_pairs(counts: Counter[str]) -> list[tuple[str, int]]:
    """(status, n) for each status present, in ``TONES`` order, then (``placed``, n) if any."""
    return [(name, counts[name]) for name in (*TONES, PLACED) if counts[name]]


def counts_text(counts: Counter[str]) -> str:
    """Counts in words: '3 facts: 2 uncited, 1 supported; 1 placed by a reviewer'."""
    total = sum(counts[status] for status in TONES)
    parts = ", ".join(f"{n} {status.replace('_', ' ')}" for status, n in count_pairs(counts) if status != PLACED)
    placed = f"; {counts[PLACED]} placed by a reviewer" if counts[PLACED] else ""
    return f"{total} fact{'s' if total != 1 else ''}: {parts}{placed}"


def section_title(path: Sequence[str]) -> str:
    """A section path as a reader names it; the facts before the first heading are the lead."""
    return " › ".join(path) if path else "Lead"


def strip_json(found: Sequence[Paragraph]) -> list[dict[str, Any]]:
    """The strip as the review page draws it: sections with counts, their paragraphs with their facts' ids."""
    return [
        {
            "title": section.title,
            "short": section.path[-1] if section.path else section.title,
            "counts": section.count_list,
            "label": f"{section.title}: {counts_text(section.counts)}",
            "paragraphs": [
                {
                    "index": p.index,
                    "tone": p.tone,
                    "placed": p.placed,
                    "size": p.size,
                    "label": p.label,
                    "facts": [f.id for f in p.facts],
                }
                for p in section.paragraphs
            ],
        }
        for section in sections(found)
    ]
