"""What the extraction fuzzer found in dates, one plain test each, with the smallest input that showed it."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from citefacts.dates import DateContext
from citefacts.extract import extract


def test_the_next_day_after_a_day_that_does_not_exist_is_an_unknown_day_of_its_month(nlp: Language) -> None:
    found = extract(nlp("30 February 1000:NEXT DAY"), None, DateContext())
    assert [m.value.timex for m in found if m.kind == "date"][-1] == "1000-02-XX"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "dct"),
    [
        ("It will open tomorrow.", date.max),
        ("It opens next Monday.", date.max),
        ("It opens this weekend.", date.max),
        ("It opened yesterday.", date.min),
        ("It opened last week.", date.min),
        ("It closed last Friday.", date.min),
    ],
)
def test_a_date_counted_from_a_dct_at_the_calendars_end_is_left_unresolved_not_a_crash(
    nlp: Language, text: str, dct: date
) -> None:
    found = extract(nlp(text), dct, DateContext(dct=dct))
    assert [m.kind for m in found] == ["date"] or found == []
