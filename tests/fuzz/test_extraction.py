"""Fuzzing extraction: citefacts.extract on Docs of the real model, over article sentences and random text."""

from __future__ import annotations

import itertools
import math
from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from citefacts.dates import DateContext
from citefacts.extract import extract
from citefacts.mention import DocMention
from citefacts.models import DateValue, NumberValue

from .strategies import paragraphs, random_lines, random_text, sentences
from .tally import counted

texts = st.one_of(paragraphs(), st.builds(" ".join, st.lists(sentences(), max_size=3)), random_lines, random_text)
dcts = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


def assert_mentions(found: list[DocMention], text: str) -> None:
    """In bounds, in text order, not overlapping, each on some characters, each value well formed."""
    for mention in found:
        assert 0 <= mention.start < mention.end <= len(text), f"{mention} outside 0:{len(text)}"
        assert text[mention.start : mention.end].strip(), f"{mention} covers only white space"
        value = mention.value
        if isinstance(value, NumberValue):
            numbers = [v for v in (value.value, value.low, value.high) if v is not None]
            assert all(math.isfinite(v) for v in numbers), f"{text[mention.start : mention.end]!r}: {value}"
        if isinstance(value, DateValue) and value.first_day and value.last_day:
            assert value.first_day <= value.last_day, f"{text[mention.start : mention.end]!r}: {value}"
    assert found == sorted(found, key=lambda m: (m.start, m.end))
    for first, second in itertools.pairwise(found):
        assert not first.overlaps(second), f"{first} overlaps {second} in {text!r}"


@given(text=texts, dct=dcts)
@counted
def test_extraction_finds_mentions_inside_the_text(nlp: Language, text: str, dct: date | None) -> None:
    doc = nlp(text)
    found = extract(doc, dct, DateContext(dct=dct))
    assert_mentions(found, doc.text)
    assert extract(nlp(text), dct, DateContext(dct=dct)) == found, "extraction is not deterministic"
