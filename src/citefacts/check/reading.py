"""Reading a found value for checking: its kind, unit and qualifier as the surrounding words say.

Extraction labels are not always right ("approximately 90 per cent" as MONEY, a year as CARDINAL)
and a qualifier may stand outside the entity ("earned under $ 4.5 million"), so the checker looks
at the words next to the value. Footnotes also hold citation data (publication and retrieval
dates, pages, ISBNs): ``citefacts.read.cite`` finds it, and the checker skips the values there.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from citefacts.check.values import Reading, date_reading, duration_reading, number_reading
from citefacts.dates import normalize
from citefacts.lexicon import STOP_WORDS
from citefacts.mention import DocMention
from citefacts.models import DateValue, NumberValue
from citefacts.numbers import parse_number

_NUMBER_QUALIFIERS = [
    (
        r"(?:more than|(?<!averaged )(?<!spread )over|above|in excess of|upwards of|greater than"
        r"|older than|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|topp(?:ed|ing))",
        "more_than",
    ),
    (r"(?:at least|no fewer than|no less than|a minimum of)", "at_least"),
    (r"(?:less than|fewer than|under|below|lower than|younger than)", "less_than"),
    (r"(?:at most|up to|no more than|a maximum of)", "at_most"),
    (r"(?:approximately|about|around|roughly|nearly|almost|some|an estimated|circa|c\.|~)", "approx"),
]
_DATE_QUALIFIERS = [
    (r"(?:before|prior to|earlier than|until before)", "less_than"),
    (r"(?:after|later than|following)", "more_than"),
    (r"(?:by|no later than|not later than)", "at_most"),
    (r"(?:no earlier than|not before)", "at_least"),
]
_OFFSET_LEFT = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+"
    r"(?:days?|weeks?|months?|years?|decades?)\s+(?:after|before|prior to|later than|earlier than)\s*(?:the\s+)?$",
    re.I,
)
"""A date that anchors an offset ("two days after November 3"): the date claimed is another one."""
_AFTER_QUALIFIERS = [(r"^\s*(?:or more|or over|and over|\+)", "at_least"), (r"^\s*(?:or less|or fewer)", "at_most")]
_CURRENCY_LEFT = re.compile(r"(?:US\$|\$|€|£|¥|USD|EUR|GBP)\s*$")
_CURRENCY_WORDS = (
    r"(?:dollars?|euros?|pounds?|rupees?|crores?|lakhs?|yen|yuan|roubles?|rubles?|manats?|drams?|francs?)\b"
)
_CURRENCY_RIGHT = re.compile(rf"^\s*{_CURRENCY_WORDS}", re.I)
_CURRENCY_IN = re.compile(rf"\d\s*(?:(?:thousand|million|billion)\s*)?{_CURRENCY_WORDS}", re.I)
_PERCENT_RIGHT = re.compile(r"^\s*(?:%|per\s*cent|percent)", re.I)
_ACROSS = re.compile(r"\b(?:averaged|spread|divided|distributed)\s*$", re.I)
"""A verb before "over" that makes it "across" ("averaged over 18 critics"): the figure is no bound."""
_AGE_YEARS = re.compile(r"P(\d{1,3})Y")
_AGE_LEFT = re.compile(r"\b(?:age|aged|older|younger)\b\D{0,16}$", re.I)
_AGE_RIGHT = re.compile(r"^\s*(?:old|of\s+age)\b", re.I)
"""An age in years ("an age above 13 years", "8 years of age") is read as the bare number an age is mostly
written as ("at the age of 14", "aged 17")."""
_OUT_OF_HUNDRED = re.compile(r"^\s*out\s+of\s+100\b", re.I)
"""A figure out of 100 ("a score of 61 out of 100") is a percentage: a reader takes it for 61 %."""
_FIGURE = re.compile(
    r"(?<![\w.,/-])\d[\d,]*(?:\.\d+)?(?:\s*(?:thousand|million|billion|trillion)\b)?(?:\s*%)?(?![\w/-])"
)
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_PLAIN_DATE = re.compile(
    rf"\b(?:\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|{_MONTHS}\s+\d{{4}}|(?:1[5-9]|20)\d\d)\b"
)
_ORDINAL = re.compile(
    r"\d(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.I
)
_RANK_LEFT = re.compile(r"(?:#|\bnumber|\bNo\.)\s*$", re.I)
"""A place in a ranking ("peaked at number 25", "# 3"): an ordinal, whatever its digits."""
_COUNT_BOUND = re.compile(r"\b(?:more|less|fewer)\s+than\s*$", re.I)
"""A bound that only a count takes: "less than 1381 cases" is no year (a year is "before 1381")."""
_COUNTED_AFTER = re.compile(r"^\s+(?:[a-z]+\s+){0,2}?[a-z]{2,}(?<![su]s)(?<!is)s\b")
"""A plural noun right after four digits, up to two words on ("1040 confirmed cases"): they count it."""
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:the|in|of|since|from|until|till|by|during|before|after|its|his|her|their|a|an|mid|early|late)|['’]s"
    r"|\d\s*,)\s*$",
    re.I,
)
"""Words that make four digits a year whatever follows ("the 2014 elections", "in 1990 talks", "July 16 , 2018")."""
_RANK_BOUNDS = {"more_than": "less_than", "less_than": "more_than", "at_least": "at_most", "at_most": "at_least"}
"""A place above another has a smaller number: "ranked below 26th" is 27th or lower, so more than 26."""
_ATTRIBUTIVE = re.compile(r"^\s*[^\W\d_]", re.UNICODE)
_FREE_WORDS = re.compile(r"^\s*(?:and|or|in|of|to|at|on|for|by|when|with|as|from|until|through|is|was|were)\b", re.I)
_NOT_NAMES = frozenset(
    [
        "in",
        "on",
        "at",
        "by",
        "as",
        "of",
        "to",
        "for",
        "from",
        "since",
        "until",
        "before",
        "after",
        "about",
        "over",
        "under",
        "than",
        "and",
        "or",
        "the",
        "a",
        "an",
        "with",
        "only",
        "some",
        "all",
        "top",
        "number",
        "no",
        "page",
        "vol",
    ]
)
_UNIT_AFTER = re.compile(r"^\s*(?:%|per\s*cent|percent|million|billion|thousand)", re.I)
_SCALE_LEFT = re.compile(r"\d\s*/\s*$")
_SCALES = frozenset({"4", "5", "10", "20", "100"})
_YEAR_AFTER = r"\s*,?\s*(\d{4})\b"
_YEAR = re.compile(r"^\d{4}$")
_WORDS_ONLY = re.compile(r"[^\W\d_]*(?:\s+[^\W\d_]+)*\s*")
_BOUND_WORDS = r"(?:more than|less than|fewer than|over|under|below|above|at least|at most)"
_TWO_BOUNDS = re.compile(
    rf"{_BOUND_WORDS}\s+(\d[\d,.]*\s*(?:%|per\s*cent|percent)?)\s*,?\s+and\s+{_BOUND_WORDS}\s+(\d[\d,.]*)", re.I
)
_FRACTION = re.compile(r"(\d[\d,.]*)\s+out\s+of\s+(?:a\s+(?:total|maximum)\s+of\s+)?(\d[\d,.]*)", re.I)


def read_found(found: DocMention, text: str) -> Reading | None:
    """A Reading of a found value in its text, or None for what cannot be compared (entities, times of day)."""
    span = text[found.start : found.end]
    left = text[max(0, found.start - 30) : found.start]
    right = text[found.end : found.end + 12]
    value = found.value
    if isinstance(value, DateValue) and value.type == "DURATION":
        qualifier = _qualifier(left, _NUMBER_QUALIFIERS) or _leading_qualifier(span) or _after(right)
        age = _AGE_YEARS.fullmatch(value.timex)
        if age and (_AGE_LEFT.search(left) or _AGE_RIGHT.match(right)):
            return number_reading(NumberValue(value=float(age.group(1))), age.group(1), "number", qualifier)
        return duration_reading(value, qualifier)
    counted = _YEAR.match(span) is not None and _is_count(left, text[found.end : found.end + 40])
    if isinstance(value, DateValue) and counted:
        return number_reading(NumberValue(value=float(span)), span, "number", _qualifier(left, _NUMBER_QUALIFIERS))
    if isinstance(value, DateValue):
        if value.type != "DATE" or _OFFSET_LEFT.search(left):
            return None
        value = _with_year(value, text[found.end : found.end + 8])
        reading = date_reading(value, _date_qualifier(left, right))
        yearless = not re.search(r"\d{3,4}", span) and not re.match(_YEAR_AFTER, text[found.end : found.end + 8])
        return replace(reading, loose=True) if reading and yearless else reading
    if not isinstance(value, NumberValue):
        return None
    if _YEAR.match(span) and value.value is not None and 1000 <= value.value <= 2100 and not counted:
        return date_reading(_year_value(span), _date_qualifier(left, right))
    qualifier = _qualifier(left, _NUMBER_QUALIFIERS) or _after(right) or value.qualifier
    if _ACROSS.search(left) and re.match(r"over\s", span, re.I):
        qualifier, value = None, value.model_copy(update={"qualifier": None})  # across 18 critics, not more than 18
    kind = _kind(value, span, left, right)
    if kind == "ordinal":
        qualifier = _RANK_BOUNDS.get(qualifier or "", qualifier)
    return number_reading(value, span, kind, qualifier)


def _is_count(left: str, right: str) -> bool:
    """Four digits that count rather than date: after a count's bound ("less than 1381 cases"), or before
    a plural noun with no year's word or name before them ("there have been 1040 confirmed cases", not
    "in 2014 elections" or "Masters 1000 titles")."""
    if _COUNT_BOUND.search(left):
        return True
    counted = _COUNTED_AFTER.match(right)
    if counted is None or _YEAR_BEFORE.search(left) or re.search(r"\b[A-Z]\w*\s*$", left):
        return False
    return not any(word in STOP_WORDS for word in counted.group().split())


def _with_year(value: DateValue, right: str) -> DateValue:
    """A day written without its year ("October 30"): the year written right after it, else a stand-in.

    Extraction may split "October 30 , 2018" in two; a day with no year at all is compared by month
    and day only (its reading is loose), so the stand-in year 2000 (a leap year) never decides.
    """
    match = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", value.timex)
    if value.first_day is not None or match is None:
        return value
    year = re.match(_YEAR_AFTER, right)
    try:
        when = date(int(year.group(1)) if year else 2000, int(match.group(1)), int(match.group(2)))
    except ValueError:
        return value
    return value.model_copy(update={"first_day": when, "last_day": when, "granularity": "day"})


def _year_value(year: str) -> DateValue:
    """A bare four-digit year as a date value covering the whole year."""
    number = int(year)
    return DateValue(timex=year, granularity="year", first_day=date(number, 1, 1), last_day=date(number, 12, 31))


def _date_qualifier(left: str, right: str) -> str | None:
    """ "before 2018" bounds a date; in "after the 1994 ceasefire" the bound is the ceasefire's."""
    if _ATTRIBUTIVE.match(right) and not _FREE_WORDS.match(right):
        return None
    return _qualifier(left, _DATE_QUALIFIERS)


def _qualifier(left: str, table: list[tuple[str, str]]) -> str | None:
    for pattern, name in table:
        if re.search(rf"\b{pattern}\s*(?:the\s+)?(?:US\$|\$|€|£|#|number|No\.)?\s*$", left, re.I):
            return name
    return None


def _leading_qualifier(span: str) -> str | None:
    """A qualifier the extractor kept inside the span ("more than 20 minutes")."""
    for pattern, name in _NUMBER_QUALIFIERS:
        if re.match(rf"\s*{pattern}\s", span, re.I):
            return name
    return None


def _after(right: str) -> str | None:
    for pattern, name in _AFTER_QUALIFIERS:
        if re.match(pattern, right, re.I):
            return name
    return None


def _kind(value: NumberValue, span: str, left: str, right: str) -> str:
    """Money or percent only where the words say so: spaCy also labels "30 million copies" MONEY."""
    if value.number_kind == "ordinal" or _ORDINAL.search(span) or _RANK_LEFT.search(left):
        return "ordinal"
    if re.search(r"[$€£¥]|\b(?:USD|EUR|GBP|US\$)", span) or _CURRENCY_IN.search(span) or _CURRENCY_LEFT.search(left):
        return "money"
    if _CURRENCY_RIGHT.match(right):
        return "money"
    if "%" in span or re.search(r"per\s*cent", span, re.I) or _PERCENT_RIGHT.match(right):
        return "percent"
    if _OUT_OF_HUNDRED.match(right):
        return "percent"
    return "number"


def unextracted_numbers(text: str, found: list[DocMention]) -> list[DocMention]:
    """Figures written in digits that extraction left out, as plain numbers.

    spaCy's NER misses some, or labels a bare "104" PRODUCT; digits inside a name ("COVID-19") stay out.
    """
    extra = []
    taken = [f for f in found if f.kind != "entity" or re.search(r"[^\W\d_]", text[f.start : f.end])]
    for match in _FIGURE.finditer(text):
        start, end = match.start(), match.end()
        if any(f.start < end and start < f.end for f in taken):
            continue
        kind = "percent" if match.group().rstrip().endswith("%") else "cardinal"
        value = parse_number(match.group(), kind)
        if value is not None:
            extra.append(DocMention(start, end, "FIGURE", value))
    return extra


def fraction_parts(found: list[DocMention], text: str) -> list[DocMention]:
    """The values with each "A out of B" split in its two figures, as a reader compares them.

    Extraction reads "26 out of 28 provinces" as the ratio 0.93; a sentence claims the count (26)
    or the total (28), each a figure of its own. A qualifier the extractor kept in the span ("less
    than 59 out of 100") stays before the count, which it bounds. Two bounds joined by "and" ("a
    score below 62 % , and more than 12 critics"), read as one range, are two figures too.
    """
    parts: list[DocMention] = []
    for item in found:
        match = _FRACTION.search(text, item.start, item.end) if item.kind == "number" else None
        if match is None or match.end() != item.end or not _WORDS_ONLY.fullmatch(text, item.start, match.start()):
            match = _TWO_BOUNDS.fullmatch(text, item.start, item.end) if item.kind == "number" else None
        if match is None:
            parts.append(item)
            continue
        for group in (1, 2):
            value = parse_number(match.group(group))
            if value is not None:
                parts.append(DocMention(match.start(group), match.end(group), item.label, value))
    return parts


def year_tail(found: DocMention, text: str, found_all: list[DocMention]) -> bool:
    """Whether a bare year is the tail of the day before it ("September 28 , 2017" extracted in two).

    The day is read with that year already, so the year alone is no second value to compare.
    """
    if not isinstance(found.value, DateValue) or not _YEAR.match(text[found.start : found.end]):
        return False
    return any(_tail_of(other, found, text) for other in found_all)


def with_year_tail(found: DocMention, text: str, found_all: list[DocMention]) -> DocMention:
    """A yearless day extended over the year written right after it, so its context starts beyond the year."""
    tails = [other for other in found_all if _tail_of(found, other, text)]
    return replace(found, end=tails[0].end) if tails else found


def _tail_of(day: DocMention, year: DocMention, text: str) -> bool:
    return (
        isinstance(day.value, DateValue)
        and isinstance(year.value, DateValue)
        and day.value.timex.startswith("XXXX-")
        and _YEAR.match(text[year.start : year.end]) is not None
        and day.end <= year.start
        and re.fullmatch(r"\s*,?\s*", text[day.end : year.start]) is not None
    )


def is_scale(found: DocMention, text: str) -> bool:
    """The top of a rating's scale ("10" in "7.5/10"): the same for every rating, so it says nothing."""
    return bool(_SCALE_LEFT.search(text, 0, found.start)) and text[found.start : found.end] in _SCALES


def in_spans(found: DocMention, spans: list[tuple[int, int]]) -> bool:
    """Whether a value lies inside one of the spans."""
    return any(start <= found.start and found.end <= end for start, end in spans)


def is_snapshot(found: DocMention, text: str) -> bool:
    """A date that times a statement ("as of 5 April", "by March") rather than dating an event."""
    left = text[max(0, found.start - 16) : found.start]
    return bool(re.search(r"\b(?:as of|as at|as on|by|through|up to|until)\s*(?:the\s+)?$", left, re.I))


def sentence_dates(sentence: str, found: list[DocMention] | None) -> list[DocMention]:
    """The dates of a sentence: its found ones, or else those its digits spell out plainly."""
    if found is not None:
        return [f for f in found if f.kind == "date"]
    dates = []
    for match in _PLAIN_DATE.finditer(sentence):
        value = normalize(match.group())
        if value is not None:
            dates.append(DocMention(match.start(), match.end(), "DATE", value))
    return dates


def name_with_number(found: DocMention, text: str) -> str | None:
    """ "Fallout 76" when the number of ``found`` is part of a name: a capitalised word, then a bare integer."""
    span = text[found.start : found.end]
    if not re.fullmatch(r"\d{1,3}", span) or isinstance(found.value, DateValue):
        return None
    word = re.search(r"([A-Z][\w.]*)\s*$", text[max(0, found.start - 30) : found.start])
    if word is None or word.group(1).rstrip(".").lower() in _NOT_NAMES or _UNIT_AFTER.match(text[found.end :]):
        return None
    return f"{word.group(1)} {span}"
