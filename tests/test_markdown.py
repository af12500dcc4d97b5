"""The Markdown reader: headings, tables, inline markup out, [^label] footnotes as markers."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from citefacts.pipeline import run
from citefacts.read import read_source
from citefacts.read.markdown import parse_markdown

SAMPLE = Path(__file__).parent / "data" / "read" / "lake-footnotes.md"


def test_footnotes_are_numbered_by_first_reference_and_continue_on_indented_lines() -> None:
    parsed = read_source(SAMPLE)
    assert parsed.format == "markdown"
    assert [n.citations[0].title for n in parsed.footnotes] == [
        "Lakes beneath the ice sheet",
        "A large deep freshwater lake beneath the ice of central East Antarctica",
        "Lake Vostok",
        "Russians hail Vostok success",
    ]
    quote = parsed.footnotes[3].citations[0].quote
    assert quote and quote.text.startswith("The team reached the lake's surface")
    assert parsed.raw[quote.start : quote.end] == quote.text


def test_inline_markup_and_markers_leave_the_text_but_offsets_index_the_raw_file() -> None:
    parsed = read_source(SAMPLE)
    first = next(b for b in parsed.blocks if b.kind == "paragraph")
    assert first.text.startswith("Lake Vostok is the largest")
    assert "East Antarctic Ice Sheet." in first.text and "](" not in first.text and "[^" not in first.text
    for block in parsed.blocks:
        for index, char in enumerate(block.text):
            raw_index = block.offsets[index] if block.offsets else block.start + index
            assert parsed.raw[raw_index] == char


def test_headings_give_section_paths_and_pipe_tables_give_cells() -> None:
    parsed = read_source(SAMPLE)
    cells = {(b.table.row, b.table.column): b.text for b in parsed.blocks if b.table}
    assert cells[("2012", "Depth reached")] == "3,769 m"
    assert next(b for b in parsed.blocks if b.table).section == ["Lake Vostok", "Drilling"]


def test_an_undefined_footnote_reference_is_no_marker() -> None:
    parsed = parse_markdown("A sentence in 1999.[^x] Another in 2000.[^y]\n\n[^y]: Smith 2001, p. 3.\n", "a.md")
    text = parsed.blocks[0].text
    assert parsed.blocks[0].markers == {text.index("2000.") + 5: [2]}


def test_markdown_markers_link_each_sentence_to_its_footnotes(nlp: Language) -> None:
    document = run(read_source(SAMPLE), nlp)
    links = {fact.sentence.text[:40]: [(c.footnote, c.linked_by) for c in fact.citations] for fact in document.facts}
    assert links["The lake was first confirmed by Russian "] == [(2, "marker"), (3, "marker")]
    assert links["Soviet geographer *Andrey Kapitsa* propo"] == [(1, "marker")]
    assert links["On 5 February 2012, a Russian team drill"] == [(4, "marker")]


def test_setext_headings_reference_links_and_rules_are_markup_not_text() -> None:
    raw = "Lake\n====\n\nIt lies under [the ice][ice] in 1996.[^1]\n\n---\n\nHistory\n-------\n\nDrilled in 2012.[^1]\n\n[ice]: https://example.org/ice\n[^1]: Smith 2001, p. 3.\n"
    parsed = parse_markdown(raw, "a.md")
    assert [(b.kind, b.text, b.section) for b in parsed.blocks] == [
        ("heading", "Lake", ["Lake"]),
        ("paragraph", "It lies under the ice in 1996.", ["Lake"]),
        ("heading", "History", ["Lake", "History"]),
        ("paragraph", "Drilled in 2012.", ["Lake", "History"]),
    ]
