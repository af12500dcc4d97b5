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
    """A holiday; "last"/"next" before it say which side of the document date it falls ("last Thanksgiving")."""
    groups = m.groupdict()
    offset = {"last": -1, "next": 1}.get((groups.get("which") or "").lower(), 0)
    name = " ".join(groups["hol"].lower().replace("’", "'").split())
    if name in FLOATING_HOLIDAYS:
        month, weekday, _nth = FLOATING_HOLIDAYS[name]
        rule = "holiday:" + name
        return Draft(
            m.start(), m.end(), "date", rule, year=read_year(m, "y"), month=month, weekday=weekday, offset=offset
        )
    month, day = HOLIDAYS[name]
    pod = PARTS_OF_DAY.get((groups.get("pod") or "").lower())
    if pod == "NI" and name == "christmas":
        day = 24
    kind: DraftKind = "time" if pod else "date"
    year = read_year(m, "y")
    return Draft(m.start(), m.end(), kind, "holiday", year=year, month=month, day=day, part_of_day=pod, offset=offset)


HOLIDAY_RULE = (
    "holiday",
    re.compile(
        WORD_START
        + r"(?:(?P<which>(?i:last|next|this))\s+)?"
        + _HOLIDAY_RE
        + r"(?:\s+(?P<pod>night|morning|evening))?"
        + _YEAR_TAIL
        + r"?"
        + WORD_END
    ),
    _holiday,
)
"""The holiday rule, in the shape of the calendar rules (name, pattern, builder)."""
