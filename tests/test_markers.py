"""Explicit markers: text built without them, and the plain-text [n] format with a numbered list."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from citefacts.pipeline import run
from citefacts.read import read_source
from citefacts.read.markers import TextBuilder, marker_numbers

SAMPLE = Path(__file__).parent / "data" / "read" / "lake-markers.txt"


def test_marker_ranges_and_lists_expand_to_every_number() -> None:
    assert marker_numbers("3") == [3]
    assert marker_numbers("3, 5") == [3, 5]
    assert marker_numbers("3–5") == [3, 4, 5]


def test_a_marker_after_a_space_belongs_to_the_text_before_it() -> None:
    builder = TextBuilder()
    builder.add("It rained. ", 10)
    builder.mark([2])
    block = builder.block("paragraph", [])
    assert block is not None and block.markers == {10: [2]} and block.text == "It rained."


def test_numbered_reference_list_becomes_footnotes_by_their_written_number() -> None:
    parsed = read_source(SAMPLE)
    assert [note.number for note in parsed.footnotes] == [1, 2, 3, 4, 5]
    assert parsed.footnotes[1].text.endswith("Confirmed by\nairborne radar and satellite altimetry.")
    assert parsed.footnotes[3].citations[0].title == "Russians hail Vostok success"


def test_bracket_markers_never_leak_into_block_text_and_offsets_index_the_raw_file() -> None:
    parsed = read_source(SAMPLE)
    for block in parsed.blocks:
        assert "[1]" not in block.text and "[3, 5]" not in block.text
        for index, char in enumerate(block.text):
            raw_index = block.offsets[index] if block.offsets else block.start + index
            assert parsed.raw[raw_index] == char


def test_plain_markers_link_each_sentence_to_the_footnotes_it_cites(nlp: Language) -> None:
    document = run(read_source(SAMPLE), nlp)
    links = {fact.sentence.text[:40]: [(c.footnote, c.linked_by) for c in fact.citations] for fact in document.facts}
    assert links["The lake was first confirmed by Russian "] == [(2, "marker"), (3, "marker")]
    assert links["On 5 February 2012, a Russian team drill"] == [(4, "marker")]
    assert links["Samples taken in 2015 suggest the water "] == [(3, "marker"), (5, "marker")]
