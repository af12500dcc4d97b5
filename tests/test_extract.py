from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from citefacts.dates import DateContext
from citefacts.extract import extract, extract_blocks


@pytest.mark.parametrize(
    "text",
    [
        "In 1994, 2,000 soldiers were killed.",
        "Between 1 and 5 April 2016, 90 people died.",
        "The 1988–1994 war cost 30,000 lives.",
    ],
)
def test_a_years_digits_are_a_date_not_a_number(nlp: Language, text: str) -> None:
    found = extract(nlp(text))
    dates = [f for f in found if f.kind == "date"]
    numbers = [f for f in found if f.kind == "number"]
    assert dates
    assert not any(n.overlaps(d) for n in numbers for d in dates)
    assert all(not text[n.start : n.end].startswith(("1994", "1988", "2016")) for n in numbers)


@pytest.mark.parametrize(
    ("text", "figure"), [("The road is 2010 km long.", "2010 km"), ("It cost ¥1000 then.", "¥1000")]
)
def test_digits_of_an_amount_are_not_a_year(nlp: Language, text: str, figure: str) -> None:
    found = extract(nlp(text))
    assert not [f for f in found if f.kind == "date"]
    assert [text[f.start : f.end] for f in found if f.kind == "number"] == [figure]


def test_mentions_are_in_text_order_without_overlaps(nlp: Language) -> None:
    text = "On 27 September 2020, Azerbaijan launched an offensive; two months later 5,000 had died."
    found = extract(nlp(text), date(2020, 12, 1))
    assert found == sorted(found, key=lambda f: (f.start, f.end))
    assert not any(a.overlaps(b) for i, a in enumerate(found) for b in found[i + 1 :])
    assert [f.value.timex for f in found if f.kind == "date"] == ["2020-09-27", "2020-11"]


def test_extract_passes_the_date_context_on(nlp: Language) -> None:
    context = DateContext(dct=date(2009, 12, 19))
    extract(nlp("The siege began in 1941."), None, context)
    found = extract(nlp("In August, the city fell."), None, context)
    assert [f.value.timex for f in found if f.kind == "date"] == ["1941-08"]


def test_extract_blocks_resolves_a_paragraph_against_the_ones_before(nlp: Language) -> None:
    paragraphs = ["On 10 March 1975, the offensive began.", "On 11 March, the town fell."]
    found = list(extract_blocks(nlp.pipe(paragraphs), date(2009, 12, 19)))
    assert [[f.value.timex for f in block if f.kind == "date"] for block in found] == [["1975-03-10"], ["1975-03-11"]]
