"""Checking: does a footnote's text hold the value a sentence states?

A value is supported when the footnote holds an equal or compatible value anywhere in it; it is
contradicted only when the footnote holds none, but states a different value of the same kind in
the same context (the same counted noun); otherwise it is not found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citefacts.found import Found
from citefacts.models import DateValue, NumberValue

_CONTEXT_WORD = re.compile(r"[A-Za-z]{3,}")
_FILLER = frozenset(
    [
        "the",
        "and",
        "their",
        "its",
        "his",
        "her",
        "of",
        "from",
        "with",
        "were",
        "was",
        "who",
        "which",
        "that",
        "had",
        "have",
        "more",
        "than",
    ]
)


@dataclass(frozen=True)
class Outcome:
    """A verdict with the evidence offsets in the footnote's text."""

    verdict: str
    evidence: tuple[int, int] | None = None
    note: str | None = None


def numbers_agree(claim: NumberValue, source: NumberValue) -> bool:
    """Whether a source number supports a claimed one (equal, within a range, or within rounding)."""
    if claim.number_kind in ("money", "percent") and source.number_kind != claim.number_kind:
        return False
    if claim.value is not None and source.value is not None:
        return _close(claim.value, source.value, claim.qualifier)
    if claim.value is not None and source.low is not None and source.high is not None:
        return source.low <= claim.value <= source.high
    if claim.low is not None and claim.high is not None and source.low is not None and source.high is not None:
        return _close(claim.low, source.low, None) and _close(claim.high, source.high, None)
    return False


def _close(claim: float, source: float, qualifier: str | None) -> bool:
    if qualifier == "approx":
        return abs(claim - source) <= 0.1 * max(abs(claim), 1.0)
    if qualifier in ("more_than", "at_least"):
        return source >= claim
    if qualifier in ("less_than", "at_most"):
        return source <= claim
    return claim == source


def dates_agree(claim: DateValue, source: DateValue) -> bool:
    """Whether a source date supports a claimed one: the same, or a day within the claimed month."""
    if claim.timex == source.timex:
        return True
    if None in (claim.first_day, claim.last_day, source.first_day, source.last_day):
        return False
    return claim.first_day <= source.first_day and source.last_day <= claim.last_day  # type: ignore[operator]


def context_words(text: str, start: int, end: int, width: int = 3) -> set[str]:
    """What a value counts or dates: the first few content words after it, singular and lower-cased."""
    words = [w.lower() for w in _CONTEXT_WORD.findall(text[end : end + 60])]
    content = [w.removesuffix("s") for w in words if w not in _FILLER]
    return set(content[:width])


def check_value(claim: Found, sentence: str, footnote: str, footnote_found: list[Found]) -> Outcome:
    """The verdict for one claimed date or number against one footnote's text."""
    same_kind = [item for item in footnote_found if item.kind == claim.kind]
    for item in same_kind:
        if _agree(claim, item):
            return Outcome("supported", evidence_span(footnote, item.start, item.end))
    claim_context = context_words(sentence, claim.start, claim.end)
    for item in same_kind:
        if _comparable(claim, item) and claim_context & context_words(footnote, item.start, item.end):
            return Outcome(
                "contradicted", evidence_span(footnote, item.start, item.end), "a different value in the same context"
            )
    return Outcome("not_found")


def _agree(claim: Found, item: Found) -> bool:
    if isinstance(claim.value, NumberValue) and isinstance(item.value, NumberValue):
        return numbers_agree(claim.value, item.value)
    if isinstance(claim.value, DateValue) and isinstance(item.value, DateValue):
        return dates_agree(claim.value, item.value)
    return False


def _comparable(claim: Found, item: Found) -> bool:
    if isinstance(claim.value, NumberValue) and isinstance(item.value, NumberValue):
        return claim.value.number_kind == item.value.number_kind and claim.value.unit == item.value.unit
    if isinstance(claim.value, DateValue) and isinstance(item.value, DateValue):
        return claim.value.granularity == item.value.granularity
    return False


def evidence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of a footnote around a matched value: from the previous to the next sentence break."""
    left = max((m.end() for m in re.finditer(r"[.;!?\n]\s+", text[:start])), default=0)
    right_match = re.search(r"[.;!?](?:\s|$)|\n", text[end:])
    right = end + right_match.start() + 1 if right_match else len(text)
    return left, min(right, len(text))


def fact_status(verdicts: list[str], cited: bool) -> str:
    """A fact's status from the verdicts on its values across its citations."""
    if not cited:
        return "uncited"
    if "contradicted" in verdicts:
        return "contradicted"
    supported = verdicts.count("supported")
    if verdicts and supported == len(verdicts):
        return "supported"
    return "partly_supported" if supported else "unverified"
