"""What the reader fuzzers found, one plain test each, with the smallest input that showed it."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from citefacts.errors import InputError
from citefacts.models import Block
from citefacts.pipeline import run
from citefacts.read import read_source
from citefacts.read.markdown import parse_markdown
from citefacts.read.plaintext import parse_plaintext
from citefacts.read.wikitext import parse_wikitext
from citefacts.write import load_document, write_document

from .properties import assert_parsed, assert_user_error


def _raw_chars(block: Block, raw: str) -> str:
    """The raw characters a block's text maps onto, one per character of its text."""
    offsets = block.offsets or range(block.start, block.start + len(block.text))
    return "".join(raw[at] for at in offsets)


def test_a_line_separator_inside_a_footnote_is_a_character_of_its_text() -> None:
    raw = "Paris had 2,906 in 1990.\n^ Smith\u2028Jones\x0cLtd\n"
    parsed = parse_plaintext(raw, "sep.txt")
    assert [note.text for note in parsed.footnotes] == ["Smith\u2028Jones\x0cLtd"]
    assert_parsed(parsed)


def test_a_form_feed_does_not_split_a_body_line() -> None:
    raw = "Paris had 2,906\x0c people in 1990.\n^ a\n"
    parsed = parse_plaintext(raw, "ff.txt")
    assert [block.text for block in parsed.blocks] == ["Paris had 2,906\x0c people in 1990."]
    assert_parsed(parsed)


def test_a_footnote_over_crlf_lines_and_a_blank_line_is_the_raw_text_between_its_ends() -> None:
    raw = "Paris had 2,906 in 1990.\r\n^ first line\r\n\r\nsecond line\r\n"
    parsed = parse_plaintext(raw, "crlf.txt")
    assert [note.text for note in parsed.footnotes] == ["first line\r\n\r\nsecond line"]
    assert_parsed(parsed)


def test_a_line_ending_in_and_joins_the_next_across_a_blank_line_with_offsets_kept() -> None:
    raw = "Smith and\n\nJones had 2,906 troops in 1990.\n^ a\n"
    parsed = parse_plaintext(raw, "join.txt")
    [block] = parsed.blocks
    assert block.text == "Smith and\nJones had 2,906 troops in 1990."
    assert _raw_chars(block, raw) == "Smith and\nJones had 2,906 troops in 1990."
    assert_parsed(parsed)


def test_a_line_ending_in_the_joins_the_next_across_crlf() -> None:
    raw = "the the\r\nReferences\n"
    parsed = parse_plaintext(raw, "join.txt")
    assert [_raw_chars(block, raw) for block in parsed.blocks] == ["the the\rReferences"]
    assert_parsed(parsed)


def test_a_figure_after_a_joined_blank_line_is_written_at_its_own_characters(nlp: Language) -> None:
    raw = "Smith and\n\nJones had 2,906 troops in 1990.\n^ a\n"
    document = run(parse_plaintext(raw, "join.txt"), nlp)
    texts = {m.text for fact in document.facts for m in fact.mentions}
    assert {"2,906", "1990"} <= texts


def test_a_markdown_paragraph_over_a_cr_line_break_keeps_its_offsets() -> None:
    raw = "0\r0"
    [block] = parse_markdown(raw, "cr.md").blocks
    assert block.text == "0\n0" and block.offsets == [0, 1, 2]


def test_a_convert_template_keeps_offsets_for_the_space_that_stands_for_its_bar() -> None:
    raw = "{{CONVERT|0|0}}"
    [block] = parse_wikitext(raw, "convert.wiki").blocks
    assert block.text == "0 0" and block.offsets == [10, 11, 12]
    assert_parsed(parse_wikitext(raw, "convert.wiki"))


@pytest.mark.parametrize(
    "raw",
    [
        "Paris had 2,906 in 2001 &#xD800;.\n",
        "== A &#xD800; 1990 ==\nParis had 2,906 in 2001.<ref>Note</ref>\n",
        "Paris had 2,906 in 2001.<ref>{{cite web|title=A &#xD800; b|author=&#0;x|date=2001}}</ref>\n",
        "Paris had 2,906 in 2001.<ref>[http://x.org/&#xD800; A &#xD800; title] 2001</ref>\n",
        "Paris had 2,906 in 2001.{{sfn|&#xD800;|2001|p=&#0;}}\n",
    ],
)
def test_an_entity_naming_a_character_utf8_cannot_hold_never_reaches_spacy_or_the_json(
    nlp: Language, raw: str, tmp_path: Path
) -> None:
    document = run(parse_wikitext(raw, "entity.wiki"), nlp)
    assert load_document(write_document(document, tmp_path / "entity.json", raw)) == document


@pytest.mark.parametrize("depth", [500, 5000])
def test_templates_nested_hundreds_deep_are_refused_in_one_line(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.wiki"
    path.write_text("{{" * depth + "x" + "}}" * depth + "<ref>a</ref>\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_source(path)
    assert_user_error(caught.value, str(path))
