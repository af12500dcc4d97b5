"""The holiday rule: named days ("Christmas Eve", "Thanksgiving") and their nights, with an optional year."""

from __future__ import annotations

import re

from citefacts.dates.draft import Draft, DraftKind
from citefacts.dates.lexicon import FLOATING_HOLIDAYS, HOLIDAYS, PARTS_OF_DAY
from citefacts.dates.patterns import WORD_END, WORD_START, read_year, year_re

_HOLIDAY_RE = (
    r"(?P<hol>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Independence\s+Day|Thanksgiving(?:\s+Day)?|"
    r"Bastille\s+Day|Armistice\s+Day|Veterans\s+Day|Valentine['’]s\s+Day|Halloween|Labor\s+Day|Memorial\s+Day|"
    r"Election\s+Day)"
)
_YEAR_TAIL = r"(?:,?\s+(?:of\s+)?" + year_re("y") + r")"


def _holiday(m: re.Match[str], text: str) -> Draft | None:
    groups = m.groupdict()
    name = " ".join(groups["hol"].lower().replace("’", "'").split())
    if name in FLOATING_HOLIDAYS:
        month, weekday, _nth = FLOATING_HOLIDAYS[name]
        return Draft(
            m.start(), m.end(), "date", "holiday:" + name, year=read_year(m, "y"), month=month, weekday=weekday
        )
    month, day = HOLIDAYS[name]
    pod = PARTS_OF_DAY.get((groups.get("pod") or "").lower())
    if pod == "NI" and name == "christmas":
        day = 24
    kind: DraftKind = "time" if pod else "date"
    return Draft(m.start(), m.end(), kind, "holiday", year=read_year(m, "y"), month=month, day=day, part_of_day=pod)


HOLIDAY_RULE = (
    "holiday",
    re.compile(WORD_START + _HOLIDAY_RE + r"(?:\s+(?P<pod>night|morning|evening))?" + _YEAR_TAIL + r"?" + WORD_END),
    _holiday,
)
"""The holiday rule, in the shape of the calendar rules (name, pattern, builder)."""
