"""Fuzzing the linker: analyse then link_and_suggest, on articles in each format (with markers and without)."""

from __future__ import annotations

from hypothesis import given
from spacy.language import Language

from citefacts.pipeline import analyse, link_and_suggest
from citefacts.read.source import PARSERS

from .strategies import any_article
from .tally import counted


@given(pair=any_article)
@counted
def test_links_and_suggestions_name_footnotes_that_exist(nlp: Language, pair: tuple[str, str]) -> None:
    fmt, raw = pair
    parsed = PARSERS[fmt](raw, "fuzz")
    analysis = analyse(parsed, nlp)
    links, suggestions = link_and_suggest(analysis)
    numbers = {note.number for note in parsed.footnotes}
    assert len(links) == len(suggestions) == len(analysis.sentences)
    for sentence in analysis.sentences:
        block = parsed.blocks[sentence.block]
        assert block.kind != "heading"
        assert block.text[sentence.origin : sentence.origin + len(sentence.text)] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert all(0 <= m.start < m.end <= len(sentence.text) for m in sentence.mentions), sentence
        assert set(sentence.markers) <= numbers
    for note in analysis.footnotes:
        assert all(0 <= m.start < m.end <= len(note.text) for m in note.mentions), note
    for linked, suggested in zip(links, suggestions, strict=True):
        placed = [number for number, _ in linked]
        assert len(placed) == len(set(placed)) and set(placed) <= numbers, linked
        assert all(0.0 <= score <= 1.0 for _, score in linked), linked
        assert len(suggested) <= 2 and {n for n, _ in suggested} <= numbers, suggested
        assert all(0.0 <= p <= 1.0 for _, p in suggested), suggested
        assert not {n for n, _ in suggested} & set(placed), (linked, suggested)
    assert link_and_suggest(analyse(PARSERS[fmt](raw, "fuzz"), nlp)) == (links, suggestions), "not deterministic"
