"""Checking: does a footnote's text hold the value a sentence states?

Every date and number of the footnote is compared with the claimed value (``candidates``, through
``compare``: bounds, rounding, ranges, granularity, units) and its context with the claim's
(``context``: the counted noun, the event). The value is *supported* when some footnote value
confirms it in a context that is not foreign to the claim's (a bound met only by a figure of
another thing yields to a figure of the claim's own thing that rules it out); it is *contradicted*
only when none confirms or allows it and one rules it out while speaking of the same thing (a shared
counted noun or event, no other subject, not a figure the sentence itself states elsewhere) or
standing just short of a claimed bound; otherwise it is *not found*.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from citefacts.check.candidates import SENTENCE_NUMBER, Candidate, compare_all
from citefacts.check.compare import Reading, Relation, comparable, relation
from citefacts.check.context import Context, clause_bounds
from citefacts.check.reading import fraction_parts, is_scale, is_snapshot, name_with_number, read_found, year_tail
from citefacts.mention import DocMention
from citefacts.models import CheckFlag, CitationFields, DateValue, FactStatus, NumberValue, Verdict
from citefacts.read.cite import headline_spans, publication_date

SUPPORT_CONTEXT = 0.1
"""A confirming value needs this much shared context, unless the value itself is distinctive."""
ALIGNED = 0.6
"""... and about as much as the best-aligned value of the footnote (this share of it) ..."""
ALIGNED_BOUND = 0.9
"""... or nearly as much, for a bounded claim ("more than 300"), which many figures meet."""
SAME_FIGURE = 0.5
"""Context credited to a footnote figure equal to the claimed one when aligning."""
CONTRADICT_CONTEXT = 0.4
"""A ruling-out value needs this much shared context (about the counted noun next to both)."""
ONLY_DAY_CONTEXT = 0.2
"""A day set against the footnote's only day needs less: a word of the event next to both ("released")."""

_YEAR = re.compile(r"1\d{3}|20\d\d")
_STANDALONE_FIGURE = re.compile(r"(?<![\w.-])\d[\d,]*(?:\.\d+)?(?![\w-])")
"""A figure on its own, not the digits of a name ("COVID-19") or of a time ("3:45")."""
NOT_COMPARABLE = "not a comparable value (a time of day, a vague length, the year of a day already compared)"


@dataclass(frozen=True)
class Outcome:
    """A verdict with the evidence offsets in the footnote's text."""

    verdict: Verdict
    evidence: tuple[int, int] | None = None
    note: str | None = None
    flag: CheckFlag | None = None
    """For the reviewer, beside the verdict: a quotation whose closest passage has other words."""


def check_value(
    claim: DocMention,
    sentence: str,
    footnote: str,
    footnote_found: list[DocMention],
    sentence_found: list[DocMention] | None = None,
    citations: Sequence[CitationFields] = (),
) -> Outcome:
    """The verdict for one claimed date or number against one footnote's text.

    ``sentence_found`` (the sentence's other mentions) lets a footnote figure that another value of
    the sentence states count as accounted for; without it, the sentence's digits are used.
    ``citations`` (the footnote's parsed citations) date the source: nothing after its publication is
    contradicted by it.
    """
    parts = fraction_parts([claim], sentence)
    if len(parts) > 1:
        return _check_parts(
            [check_value(p, sentence, footnote, footnote_found, sentence_found, citations) for p in parts]
        )
    name = name_with_number(claim, sentence)
    if name is not None:
        return _check_name(name, footnote)
    reading = read_found(claim, sentence)
    if reading is None or year_tail(claim, sentence, sentence_found or []) or is_scale(claim, sentence):
        return Outcome("not_found", note=NOT_COMPARABLE)
    published = publication_date(citations)
    headlines = headline_spans(footnote, citations)
    candidates = compare_all(claim, reading, sentence, footnote, footnote_found, sentence_found, published, headlines)
    bounded = reading.qualifier in ("more_than", "at_least", "less_than", "at_most")
    support = _best_support(candidates, bounded)
    day = reading.kind == "date" and reading.low == reading.high and not reading.loose
    day = day and not is_snapshot(claim, sentence)  # "as of 17 April" times a count, it dates no event
    against = _best_contradiction(
        claim, sentence, footnote, candidates, sentence_found, bounded, reading.kind == "date", day
    )
    if support is not None and bounded and support.other_thing and against is None:
        against = _rival_figure(claim, reading, sentence, footnote, candidates, support)
    if (
        support is not None
        and bounded
        and against is not None
        and (support.other_thing or _drawn_from(against, support))
    ):
        support = None  # "less than 50 million" is met by "8.4 million" in the US, not by "over 52 million" worldwide
    if support is not None:
        note = "a compatible source value" if support.context < SUPPORT_CONTEXT else None
        return Outcome("supported", evidence_span(footnote, support.found.start, support.found.end), note)
    if against is not None:
        return Outcome(
            "contradicted",
            evidence_span(footnote, against.found.start, against.found.end),
            f"the source states {footnote[against.found.start : against.found.end]!r} of the same thing",
        )
    return Outcome("not_found", note=_not_found_note(candidates))


def _check_parts(outcomes: list[Outcome]) -> Outcome:
    """One verdict on the figures of "A out of B": both must hold; either one wrong rules it out."""
    for verdict in ("contradicted", "not_found"):
        if any(o.verdict == verdict for o in outcomes):
            return next(o for o in outcomes if o.verdict == verdict)
    return outcomes[0]


def _check_name(name: str, footnote: str) -> Outcome:
    """A number that is part of a name ("Fallout 76", "Chapter 3") is found as written, or not compared."""
    pattern = r"\s*".join(re.escape(part) for part in name.split())
    match = re.search(rf"(?<!\w){pattern}(?!\w)", footnote, re.I)
    if match:
        return Outcome("supported", evidence_span(footnote, match.start(), match.end()), "the same name")
    return Outcome("not_found", note=NOT_COMPARABLE)


def _best_support(candidates: list[Candidate], bounded: bool) -> Candidate | None:
    """The confirming value: a distinctive figure stated exactly, the footnote's only value of the kind
    (near the claimed one and about nothing else), a figure just past a claimed bound, or one among
    the best-aligned values.

    A bound ("less than 1,381") is met by many unrelated figures, so a confirming value must speak
    of the claim's thing about as closely as the closest value of the footnote does; a footnote
    figure equal to the claimed one ("358" for "more than 358") is the closest unless words say otherwise.
    A value that counts another thing (another noun, another name's figure, a figure of another
    order) sets no bar: sharing the claim's names, it may stand closer to them than the claim's own.
    """
    rivals = [c for c in candidates if not c.other_thing]
    best = max((c.context + (SAME_FIGURE if c.same_figure else 0.0) for c in rivals), default=0.0)
    aligned = ALIGNED_BOUND if bounded else ALIGNED
    confirming = [
        c
        for c in candidates
        if c.relation is Relation.SUPPORTS
        and not c.other_kind
        and (
            (c.exact and (c.distinctive or c.context >= SUPPORT_CONTEXT))
            or (len(candidates) == 1 and not c.other_thing)
            or c.near_own_figure
            or (c.context >= SUPPORT_CONTEXT and c.context + (SAME_FIGURE if c.same_figure else 0.0) >= aligned * best)
        )
    ]
    return max(confirming, key=lambda c: c.context, default=None)


def _best_contradiction(
    claim: DocMention,
    sentence: str,
    footnote: str,
    candidates: list[Candidate],
    sentence_found: list[DocMention] | None,
    bounded: bool = False,
    dated: bool = False,
    day: bool = False,
) -> Candidate | None:
    """A footnote value that rules the claim out, if one speaks of the same thing and nothing allows it.

    A bound (``bounded``) is allowed by many figures of other things, which do not count as allowing it;
    a figure just short of the bound ("1,565" for "fewer than 1,550") is the one it was drawn from,
    whatever words stand next to it. A date bound ("before 1979", ``dated``) set against the footnote's
    only date of its kind is set against the date of the same event, whatever words stand next to it."""
    allowing = [
        c
        for c in candidates
        if c.relation is not Relation.DIFFERS and not (bounded and c.other_thing) and not c.other_kind
    ]
    best_allowing = max((c.context for c in allowing), default=0.0)
    own_allowing = max((c.context for c in allowing if c.near_own_figure or c.same_figure), default=0.0)
    claimed = _sentence_figures(sentence[: claim.start] + " " + sentence[claim.end :])
    against = [
        c
        for c in candidates
        if c.relation is Relation.DIFFERS
        and (not c.other_time or (dated and _restates(claimed, footnote, c)))
        and (
            (
                not c.other_thing
                and (
                    c.event >= CONTRADICT_CONTEXT
                    or (bounded and dated and len(candidates) == 1)
                    or (day and c.distinctive and len(candidates) == 1 and c.event >= ONLY_DAY_CONTEXT)
                )
            )
            or c.near_own_figure
        )
        and (not allowing or c.context > best_allowing or (bounded and _drawn_from(c) and c.context > own_allowing))
        and _figure(footnote[c.found.start : c.found.end]) not in claimed
    ]
    return max(against, key=lambda c: c.context, default=None)


def _rival_figure(
    claim: DocMention, reading: Reading, sentence: str, footnote: str, candidates: list[Candidate], support: Candidate
) -> Candidate | None:
    """A figure of the claim's own thing, nearer its bound, that rules the bound out: it outweighs a figure of
    another thing that meets the bound only by lying farther past it (a bound is drawn close to the figure it
    bounds: "less than 60 deaths" is not met by "one further death" elsewhere when the footnote's own count is 69).
    The bound's own figure ("2 in Varna" for "more than 2 in Lom") is as often a coincidence and no rival."""
    met_at = _distance(reading, support, footnote)
    claimed = _sentence_figures(sentence[: claim.start] + " " + sentence[claim.end :])
    rivals = [
        c
        for c in candidates
        if c.relation is Relation.DIFFERS
        and not (c.other_thing or c.other_kind or c.other_time or c.same_figure)
        and _figure(footnote[c.found.start : c.found.end]) not in claimed
        and _distance(reading, c, footnote) < met_at
    ]
    return max(rivals, key=lambda c: c.context, default=None)


def _distance(reading: Reading, candidate: Candidate, footnote: str) -> float:
    """How many times larger or smaller than the claimed figure a footnote figure is (0 for the same)."""
    source = read_found(candidate.found, footnote)
    if source is None or reading.kind != source.kind:
        return math.inf
    claimed, stated = abs(reading.low + reading.high) / 2, abs(source.low + source.high) / 2
    return abs(math.log(max(stated, 1e-9) / max(claimed, 1e-9)))


def _restates(claimed: set[str], footnote: str, snapshot: Candidate) -> bool:
    """The footnote's clause timed by this date states a figure the sentence states too ("3,207 confirmed
    cases as of March 24" for "3,207 confirmed cases as of March 26"): one statement, dated otherwise."""
    left, right = clause_bounds(footnote, snapshot.found.start, snapshot.found.end)
    clause = footnote[left : snapshot.found.start] + " " + footnote[snapshot.found.end : right]
    stated = {m.group().replace(",", "") for m in _STANDALONE_FIGURE.finditer(clause)}
    return bool({figure for figure in stated if not _YEAR.fullmatch(figure)} & claimed)


def _drawn_from(against: Candidate, support: Candidate | None = None) -> bool:
    """A bound's own figure rules it out ("$ 91.1 million" for "less than $ 90 million") however many other
    figures meet it ("$ 68.6 million" in the United States): it is the figure the bound was drawn from,
    if it is distinctive or speaks of the claim's thing (a "2" next to another place is a coincidence)."""
    drawn = against.near_own_figure and (against.distinctive or against.event >= CONTRADICT_CONTEXT)
    return drawn and not (support is not None and (support.near_own_figure or support.same_figure))


def _sentence_figures(sentence: str) -> set[str]:
    """The figures a sentence states besides the claim, as digit strings: accounted for if in a footnote."""
    return {_figure(m.group()) for m in SENTENCE_NUMBER.finditer(sentence)} - {""}


def _figure(text: str) -> str:
    match = SENTENCE_NUMBER.search(text)
    return match.group().replace(",", "").rstrip(".") if match else ""


def _not_found_note(candidates: list[Candidate]) -> str | None:
    if any(c.relation is Relation.COMPATIBLE for c in candidates):
        return "the source has a compatible but less precise or differently bounded value"
    if any(c.relation is Relation.DIFFERS for c in candidates):
        return "the source has other values of this kind, about something else"
    return None


def evidence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of a footnote around a matched value: from the previous to the next sentence break."""
    left, right = clause_bounds(text, start, end)
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, min(right + 1 if right < len(text) and text[right] in ".;!?" else right, len(text))


def numbers_agree(claim: NumberValue, source: NumberValue) -> bool:
    """Whether a source number supports a claimed one (equal, within a range, or within rounding)."""
    from citefacts.check.values import number_reading

    kind = {"money": "money", "percent": "percent"}.get(claim.number_kind, "number")
    claim_reading = number_reading(claim, _plain(claim), kind, None)
    source_kind = {"money": "money", "percent": "percent"}.get(source.number_kind, "number")
    source_reading = number_reading(source, _plain(source), source_kind, None)
    if claim_reading is None or source_reading is None or not comparable(claim_reading, source_reading):
        return False
    return relation(claim_reading, source_reading) is Relation.SUPPORTS


def _plain(value: NumberValue) -> str:
    number = value.value if value.value is not None else value.low
    return f"{number:f}".rstrip("0").rstrip(".") if number is not None else ""


def dates_agree(claim: DateValue, source: DateValue) -> bool:
    """Whether a source date supports a claimed one: the same, or a day within the claimed month."""
    if claim.timex == source.timex:
        return True
    if None in (claim.first_day, claim.last_day, source.first_day, source.last_day):
        return False
    return claim.first_day <= source.first_day and source.last_day <= claim.last_day  # type: ignore[operator]


def fact_status(verdicts: list[Verdict], cited: bool) -> FactStatus:
    """A fact's status from the verdicts on its values across its citations."""
    if not cited:
        return "uncited"
    if "contradicted" in verdicts:
        return "contradicted"
    supported = verdicts.count("supported")
    if verdicts and supported == len(verdicts):
        return "supported"
    return "partly_supported" if supported else "unverified"


__all__ = ["Context", "Outcome", "check_value", "dates_agree", "evidence_span", "fact_status", "numbers_agree"]
