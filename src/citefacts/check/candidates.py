"""What each value of a footnote is to a claimed value: its relation, shared context, time and subject.

``compare_all`` reads every comparable date and number of a footnote outside its citation data
(``reading``), compares it with the claimed value (``compare``) and weighs how far the two speak of
one thing (``context``): the counted noun or event, the names next to them, the time they are
stated at. ``verdict`` then picks the candidate that confirms or rules the claim out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from citefacts.check.compare import Reading, Relation, comparable, in_unit_of, near_miss, relation
from citefacts.check.context import (
    Context,
    clause_bounds,
    context,
    contrasting_kinds,
    same_event,
    same_thing,
    similarity,
)
from citefacts.check.reading import (
    fraction_parts,
    in_spans,
    is_scale,
    is_snapshot,
    read_found,
    sentence_dates,
    unextracted_numbers,
    with_year_tail,
    year_tail,
)
from citefacts.mention import DocMention
from citefacts.models import DateValue, NumberValue
from citefacts.read.cite import apparatus_spans

OWN_FIGURE_MARGIN = 0.05
"""A figure this close to a claimed bound or figure (a share of it) is the claim's own, whatever its words."""
SAME_EVENT = 0.6
"""Shared context that, with the same event word next to both ("born", "died in"), makes two dates dates of
one event however far apart."""
SENTENCE_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
"""A figure written in digits, as a sentence's other figures are found when its values are not given."""


@dataclass(frozen=True)
class Candidate:
    """One footnote value compared with the claim."""

    found: DocMention
    relation: Relation
    context: float
    event: float
    """The shared context without names: the counted noun or event both values speak of."""
    distinctive: bool
    exact: bool
    """The same figure without bounds on either side (2,906 for 2,906), not merely within a bound."""
    same_figure: bool
    other_time: bool = False
    """The source states it at another time (a count "as of 5 April" against one "as of 6 April")."""
    other_thing: bool = False
    """It counts another noun, belongs to another name ("100 civilians" and "2,908 servicemen"), or
    is too far from the claimed figure to be a wrong version of it (6 and 2,908; 1918 and 2002)."""
    near_own_figure: bool = False
    """A figure a few per cent from the claimed bound or figure ("105" for "more than 103"): the one the
    claim was drawn from, whatever the words next to it."""
    other_kind: bool = False
    """It counts a contrasting kind of people ("18 civilians" for "ten soldiers"): neither confirms nor allows."""


SourceValue = tuple[DocMention, Reading, Context]
"""A footnote value outside citation data: the mention, its reading, and its context words."""

_SOURCES: dict[tuple[str, int, bool], tuple[list[DocMention], int, list[SourceValue]]] = {}
_SOURCES_KEPT = 512


def footnote_values(footnote: str, found: list[DocMention], barriers: bool) -> list[SourceValue]:
    """Every comparable value of a footnote, read once per footnote: a footnote is checked against every
    value of every candidate sentence (measured on the seed: 575 checks, each re-reading the same values).

    Kept per footnote text and extraction (the same list object, unchanged in length), at most 512 at once.
    """
    key = (footnote, id(found), barriers)
    kept = _SOURCES.get(key)
    if kept is not None and kept[0] is found and kept[1] == len(found):
        return kept[2]
    if len(_SOURCES) >= _SOURCES_KEPT:
        _SOURCES.clear()
    values = _read_values(footnote, found, barriers)
    _SOURCES[key] = (found, len(found), values)
    return values


def _read_values(footnote: str, found: list[DocMention], barriers: bool) -> list[SourceValue]:
    """A footnote's values outside citation data, each read with its context words."""
    skip = apparatus_spans(footnote)
    spans = [(f.start, f.end) for f in found if f.kind != "entity"]
    values = []
    for item in fraction_parts(found, footnote) + unextracted_numbers(footnote, found):
        if (
            item.kind == "entity"
            or in_spans(item, skip)
            or year_tail(item, footnote, found)
            or is_scale(item, footnote)
        ):
            continue
        read = read_found(item, footnote)
        if read is None:
            continue
        whole = with_year_tail(item, footnote, found)
        values.append((item, read, context(footnote, whole.start, whole.end, spans, barriers=barriers)))
    return values


def compare_all(
    claim: DocMention,
    reading: Reading,
    sentence: str,
    footnote: str,
    footnote_found: list[DocMention],
    sentence_found: list[DocMention] | None = None,
    published: date | None = None,
    headlines: Sequence[tuple[int, int]] = (),
) -> list[Candidate]:
    """Every comparable footnote value outside citation data, with its relation and shared context.

    A figure in a citation's headline (``headlines``) is read as approximate: headlines round."""
    barriers = reading.kind != "date"
    whole = with_year_tail(claim, sentence, sentence_found or [])
    claim_values = _sentence_values(sentence, sentence_found)
    claim_context = context(sentence, whole.start, whole.end, claim_values, barriers=barriers)
    claim_dates = _claim_dates(sentence, sentence_found)
    later = reading.kind == "date" and published is not None and reading.low > published.toordinal()
    candidates = []
    for item, read, source_context in footnote_values(footnote, footnote_found, barriers):
        if not comparable(reading, read):
            continue
        source = in_unit_of(reading, read)
        if source.kind != "date" and source.qualifier is None and in_spans(item, list(headlines)):
            source = replace(source, qualifier="approx")
        shared = similarity(claim_context, source_context)
        figure = (reading.low, reading.high) == (source.low, source.high)
        same = figure and reading.qualifier in (None, "approx")
        other_time = later or (
            is_snapshot(item, footnote)
            if source.kind == "date"
            else _timed_apart(claim_dates, item, footnote, footnote_found)
        )
        event = similarity(claim_context, source_context, common_only=True)
        near = near_miss(reading, source) or (
            source.kind == "date" and event >= SAME_EVENT and same_event(claim_context, source_context)
        )
        candidates.append(
            Candidate(
                item,
                relation(reading, source),
                shared,
                event,
                _distinctive(item, source, footnote),
                same,
                figure,
                other_time,
                not same_thing(claim_context, source_context) or not near,
                _near_own_figure(reading, source),
                contrasting_kinds(claim_context, source_context),
            )
        )
    return candidates


def _claim_dates(sentence: str, sentence_found: list[DocMention] | None) -> list[Reading]:
    """The sentence's dates, a day's split-off year read with its day ("April 17 , 2020", not 2020 alone)."""
    readings = (
        read_found(f, sentence)
        for f in sentence_dates(sentence, sentence_found)
        if not year_tail(f, sentence, sentence_found or [])
    )
    return [r for r in readings if r and r.kind == "date"]


def _sentence_values(sentence: str, sentence_found: list[DocMention] | None) -> list[tuple[int, int]]:
    if sentence_found is not None:
        return [(f.start, f.end) for f in sentence_found if f.kind != "entity"]
    return [(m.start(), m.end()) for m in SENTENCE_NUMBER.finditer(sentence)]


def _near_own_figure(claim: Reading, source: Reading) -> bool:
    """Whether a source figure lies within ``OWN_FIGURE_MARGIN`` of a claimed bound or figure ("105" and "more than 103").

    VitaminC's refuted claims, like a misremembered figure, are a few per cent off the true one."""
    if claim.kind == "date" or claim.qualifier == "approx":
        return False
    bound = claim.low if claim.qualifier in ("more_than", "at_least") else claim.high
    middle = (source.low + source.high) / 2
    return bound > 0 and abs(middle - bound) <= OWN_FIGURE_MARGIN * bound


def _timed_apart(claim_dates: list[Reading], item: DocMention, footnote: str, footnote_found: list[DocMention]) -> bool:
    """Whether the footnote's clause dates a figure at a time the claim's sentence does not state.

    "18 killed between November 2020 and July 2021" is not a count for "2021"."""
    left, right = clause_bounds(footnote, item.start, item.end)
    source_dates = [
        r
        for r in (read_found(f, footnote) for f in footnote_found if f.kind == "date" and left <= f.start < right)
        if r is not None and r.kind == "date"
    ]
    if not claim_dates or not source_dates:
        return False
    return any(all(relation(c, s) is Relation.DIFFERS for c in claim_dates) for s in source_dates)


def _distinctive(item: DocMention, source: Reading, footnote: str) -> bool:
    """A value unlikely to match by chance: a full date, or a number with three or more significant digits.

    A day is a full date with its year, written in it or right after it ("December 1 , 2011")."""
    if isinstance(item.value, DateValue):
        return source.kind == "date" and source.low == source.high and not source.loose
    digits = re.sub(r"\D", "", footnote[item.start : item.end]).strip("0")
    return isinstance(item.value, NumberValue) and len(digits) >= 3


__all__ = ["OWN_FIGURE_MARGIN", "Candidate", "compare_all"]
