from __future__ import annotations

from citefacts.models import ParsedSource
from citefacts.read.plaintext import parse_plaintext

ARTICLE = """Title line of an article that is long enough to be a paragraph, it says things.
History
Early days
In 1990 the town had 5,000 people.
Later
Both Alice and
Bob went home in 1991.
Year
Apples
Pears
2001
3 boxes
4 boxes
2002
5 boxes
6 boxes
2003
7 boxes
8 boxes
Notes
^ a b Smith, John (2001). "A book". Publisher. p. 3.
^Second note
continued on a second line.
"""


def test_footnotes_include_continuation_lines_and_drop_backlinks() -> None:
    parsed = parse_plaintext(ARTICLE, "a.txt")
    assert [n.number for n in parsed.footnotes] == [1, 2]
    assert parsed.footnotes[0].text.startswith("Smith, John")
    assert parsed.footnotes[1].text == "Second note\ncontinued on a second line."


def test_every_block_and_footnote_indexes_the_raw_text() -> None:
    parsed = parse_plaintext(ARTICLE, "a.txt")
    for block in parsed.blocks:
        assert ARTICLE[block.start : block.start + len(block.text)] == block.text
    for note in parsed.footnotes:
        assert ARTICLE[note.start : note.end] == note.text


def test_consecutive_headings_nest_and_a_lone_heading_replaces_the_innermost() -> None:
    parsed = parse_plaintext(ARTICLE, "a.txt")
    paragraphs = [b for b in parsed.blocks if b.kind == "paragraph"]
    assert paragraphs[1].section == ["History", "Early days"]
    assert paragraphs[2].section == ["History", "Later"]


def test_a_line_ending_in_a_conjunction_joins_the_next() -> None:
    parsed = parse_plaintext(ARTICLE, "a.txt")
    assert any(b.text == "Both Alice and\nBob went home in 1991." for b in parsed.blocks)


def test_periodic_short_lines_are_a_table_with_headers() -> None:
    parsed = parse_plaintext(ARTICLE, "a.txt")
    cells = {(b.table.row, b.table.column): b.text for b in parsed.blocks if b.kind == "table_cell" and b.table}
    assert cells[("2002", "Pears")] == "6 boxes"
    assert cells[("2003", "Apples")] == "7 boxes"


def test_seed_footnote_count_and_boundaries(seed_parsed: ParsedSource) -> None:
    notes = seed_parsed.footnotes
    assert len(notes) == 126
    assert notes[1].text.startswith("Armenia: 44,800 active servicemen")
    multi_line = [n for n in notes if "\n" in n.text]
    assert any("Kelbajar" in n.text for n in multi_line)


def test_seed_table_cell_has_row_and_column(seed_parsed: ParsedSource) -> None:
    cells = {(b.table.row, b.table.column): b.text for b in seed_parsed.blocks if b.table and b.kind == "table_cell"}
    assert cells[("2014", "Armenia")] == "27 soldiers, 6 civilians"


def test_seed_footnote_boundaries_sample(seed_parsed: ParsedSource) -> None:
    notes = seed_parsed.footnotes
    assert notes[0].text.startswith('"Throughout the Soviet period') and notes[0].text.endswith('operation."')
    assert notes[10].text.startswith("Cornell, Svante E. (1999).")
    assert notes[18].text.startswith("Levon Chorbajian;")  # "^ " back-link space dropped
    assert notes[17].text.count("\n") == 2  # three citations on three lines
    assert notes[-1].text.startswith("Hauer, Neil (2023-07-31).") and notes[-1].end == len(seed_parsed.raw.rstrip("\n"))


def test_jump_up_backlinks_are_not_footnote_text() -> None:
    parsed = parse_plaintext(
        "A body line that is long enough to be a paragraph, in 1999.\n^ Jump up to: a b Smith 2001, p. 3.\n", "a.txt"
    )
    assert parsed.footnotes[0].text == "Smith 2001, p. 3."


def test_backlink_letters_are_not_footnote_text() -> None:
    parsed = parse_plaintext(
        "A body line that is long enough to be a paragraph, in 1999.\n^ a b Smith 2001, p. 3.\n", "a.txt"
    )
    assert parsed.footnotes[0].text == "Smith 2001, p. 3."
    assert parsed.footnotes[0].citations[0].authors == ["Smith"]


def test_bracket_markers_in_a_caret_footnoted_body_become_markers() -> None:
    raw = "A body line that is long enough to be a paragraph, in 1999.[2] More text here in 2001.[1]\n^First note.\n^Second note.\n"
    parsed = parse_plaintext(raw, "a.txt")
    block = parsed.blocks[0]
    assert "[2]" not in block.text and list(block.markers.values()) == [[2], [1]]


def test_heading_ending_in_a_parenthesis_is_a_heading() -> None:
    article = (
        "An opening paragraph that is long enough to be body text, and it says a thing in 1990.\n"
        "Border clashes (2008–2020)\n"
        "A paragraph under the heading that is long enough to be body text and mentions 2010.\n"
        "^A note.\n"
    )
    parsed = parse_plaintext(article, "h.txt")
    assert parsed.blocks[-1].section == ["Border clashes (2008–2020)"]


def test_short_sentence_ending_in_a_marker_is_not_a_heading() -> None:
    article = "Intro line.\nA flood destroyed 300 homes.[2]\n^A note.\n^Another note.\n"
    parsed = parse_plaintext(article, "m.txt")
    assert [b.kind for b in parsed.blocks] == ["paragraph", "paragraph"]
