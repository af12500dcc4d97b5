"""What the extraction and checker fuzzers found in numbers, one plain test each, with the smallest input."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from citefacts.extract import extract
from citefacts.pipeline import run
from citefacts.read.plaintext import parse_plaintext
from citefacts.write import load_document, write_document

NINES = "9" * 330


def test_a_figure_past_a_floats_range_before_in_is_no_number_and_no_crash(nlp: Language) -> None:
    text = f"Paris had {NINES} in 3 March 2001."
    assert [text[m.start : m.end] for m in extract(nlp(text)) if m.kind == "number"] == []


@pytest.mark.parametrize("text", ["It cost 1e999 dollars.", f"It had {NINES} people.", "It was 10^400 km."])
def test_a_figure_past_a_floats_range_is_not_extracted(nlp: Language, text: str) -> None:
    assert [m for m in extract(nlp(text)) if m.kind == "number"] == []


def test_ten_to_the_four_hundredth_is_not_read_as_ten(nlp: Language) -> None:
    assert [m.value.value for m in extract(nlp("It was 10^4 km or 10^400 km.")) if m.kind == "number"] == [10000.0]  # type: ignore[union-attr]


def test_a_document_with_a_figure_past_a_floats_range_loads_back_equal(nlp: Language, tmp_path: Path) -> None:
    raw = "It cost 1e999 dollars in 1990.\n^ Note.\n"
    document = run(parse_plaintext(raw, "inf.txt"), nlp)
    assert load_document(write_document(document, tmp_path / "inf.json", raw)) == document
