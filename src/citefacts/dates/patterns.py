"""Regular-expression pieces shared by the date rules, and helpers to read their groups.

Month names must be capitalized (lower-case "may" and "march" are words); everything else is
matched case-insensitively with scoped ``(?i:...)`` groups.
"""

from __future__ import annotations

import re

from citefacts.dates.lexicon import MODIFIERS, MONTHS, ORDINALS, number_value

WORD_START = r"(?<![\w'’])"
"""Left word boundary that also refuses a preceding apostrophe."""
WORD_END = r"(?![\w])"
"""Right word boundary."""
ERA = r"(?:B\.\s?C\.(?:E\.)?|BCE|BC|A\.D\.|AD|CE)"


def year_re(tag: str, *, bare: bool = True) -> str:
    """A year: four digits 1000-2099 alone, or 1-4 digits with an era ("490 BC", "AD 70")."""
    with_era = rf"(?P<{tag}>\d{{1,4}})\s?(?P<{tag}_era>{ERA})(?!\w)"
    era_first = rf"(?P<{tag}_pre>A\.D\.|AD)\s(?P<{tag}_ad>\d{{1,4}})(?![\d\w])"
    if not bare:
        return rf"(?:{with_era}|{era_first})"
    plain = rf"(?P<{tag}_plain>1\d{{3}}|20\d{{2}})(?![\d\w]|[.,]\d|\s?(?:%|percent))"
    spoken = (
        rf"(?i:(?P<{tag}_c>eighteen|nineteen)\s+(?:hundred\s+(?:and\s+)?)?(?P<{tag}_r>{_TENS}(?:[-\s]{_UNITS})?|"
        rf"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|"
        rf"(?<=year\s)(?P<{tag}_k>two\s+thousand)(?:\s+and\s+(?P<{tag}_kr>{_UNITS}|ten))?)(?![\w-])"
    )
    return rf"(?:{with_era}|{era_first}|{plain}|{spoken})"


_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"


def read_year(m: re.Match[str], tag: str) -> int | None:
    """The signed year a ``year_re(tag)`` matched (negative for BC), or None if it did not match."""
    groups = m.groupdict()
    if groups.get(f"{tag}_plain"):
        return int(groups[f"{tag}_plain"])
    if groups.get(f"{tag}_ad"):
        return int(groups[f"{tag}_ad"])
    if groups.get(f"{tag}_c"):
        return int(number_value(groups[f"{tag}_c"]) or 0) * 100 + int(number_value(groups[f"{tag}_r"]) or 0)
    if groups.get(f"{tag}_k"):
        return 2000 + int(number_value(groups.get(f"{tag}_kr") or "") or 0)
    if groups.get(tag):
        year = int(groups[tag])
        era = (groups.get(f"{tag}_era") or "").upper()
        return -year if era.startswith("B") else year
    return None


MOD_RE = (
    r"(?P<mod>(?i:early|mid|late|the\s+(?:beginning|start|middle|end|latter\s+part)\s+of|"
    r"(?:early|late|later|earlier)\s+in)(?:\s+|-))?"
)
"""An optional "early", "mid-", "the end of", "later in" before a date; TIMEX keeps it in the span."""


def read_mod(m: re.Match[str]) -> str | None:
    """The TIMEX3 ``mod`` of a ``MOD_RE`` match: START, MID, END or None."""
    words = (m.groupdict().get("mod") or "").lower().rstrip(" -")
    words = re.sub(r"\s+", " ", words)
    words = re.sub(r" in$", "", words)
    return MODIFIERS.get(words)


def month_number(name: str) -> int:
    """The month number of a name or abbreviation ("Sept." -> 9)."""
    return MONTHS[name.lower().rstrip(".")]


def ordinal_number(text: str) -> int | None:
    """The number of an ordinal written in words or digits ("third", "3rd")."""
    lower = text.lower()
    if lower in ORDINALS:
        return ORDINALS[lower]
    digits = re.match(r"\d+", lower)
    return int(digits.group()) if digits else None


AMBIGUOUS_MONTHS = {"may", "march", "jan", "sun"}
_MONTH_CUE = re.compile(
    r"(?:\b(?:in|on|by|of|since|until|till|from|during|through|throughout|early|late|mid|last|next|this|"
    r"that|and|or|to|before|after|between|around|about|every|each|until|into)|[-–,(])\s*$",
    re.I,
)


def month_word_ok(text: str, start: int, name: str) -> bool:
    """Whether a lone "May" or "March" reads as a month: only after a word that introduces a date."""
    if name.lower().rstrip(".") not in AMBIGUOUS_MONTHS:
        return True
    if _MONTH_CUE.search(text[max(0, start - 20) : start]):
        return True
    after = text[start + len(name) : start + len(name) + 20]
    return bool(_ARTICLE.search(text[max(0, start - 5) : start]) and _NOUN_AFTER.match(after))


_ARTICLE = re.compile(r"\b(?i:a|the)\s+$")
_NOUN_AFTER = re.compile(r"\s+(?!(?:to|of|on|in|across|through|into|and|or)\b)[a-z]+\b")
"""After an article a month modifies a noun ("a March operation"); "the March to the Sea" is a name."""
