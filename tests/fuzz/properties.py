"""The properties every reader's and the pipeline's output must hold, as assertions shared by the fuzz tests."""

from __future__ import annotations

import itertools

from citefacts.errors import CitefactsError
from citefacts.models import Block, CitationFields, Document, ParsedSource, Span
from citefacts.sentences import raw_span
from citefacts.write import check_spans


def assert_user_error(error: CitefactsError, path: str) -> None:
    """A documented user error: one line, naming the file, with its code."""
    text = str(error)
    assert "\n" not in text and "\r" not in text, text
    assert text.startswith(path), text
    assert text.endswith(f"[{error.code}]"), text


def assert_span(span: Span, raw: str, what: str) -> None:
    assert 0 <= span.start <= span.end <= len(raw), f"{what}: {span.start}:{span.end} outside 0:{len(raw)}"
    assert raw[span.start : span.end] == span.text, f"{what}: raw[{span.start}:{span.end}] != {span.text[:60]!r}"


def assert_citation(citation: CitationFields, raw: str, what: str) -> None:
    for name, span in (("span", citation.span), ("quote", citation.quote)):
        if span is not None:
            assert_span(span, raw, f"{what} {name}")


def assert_block(block: Block, raw: str, footnotes: set[int], what: str) -> None:
    """A block's characters map onto the raw text in order, and its markers name footnotes that exist."""
    assert block.text, f"{what}: empty block"
    if block.offsets:
        assert len(block.offsets) == len(block.text), f"{what}: {len(block.offsets)} offsets, {len(block.text)} chars"
        assert block.offsets[0] == block.start, f"{what}: start {block.start} != first offset {block.offsets[0]}"
        assert all(0 <= o < len(raw) for o in block.offsets), f"{what}: offset outside 0:{len(raw)}"
        assert all(a < b for a, b in itertools.pairwise(block.offsets)), f"{what}: offsets not rising"
    else:
        end = block.start + len(block.text)
        assert raw[block.start : end] == block.text, f"{what}: raw[{block.start}:{end}] != {block.text[:60]!r}"
    offsets = block.offsets or range(block.start, block.start + len(block.text))
    for index, (char, at) in enumerate(zip(block.text, offsets, strict=True)):
        # A character is the raw one at its offset, or a stand-in: white space for a line break, a <br> or a
        # template's bar, an entity's character at its '&'.
        stand_in = char.isspace() or raw[at] == "&"
        assert char == raw[at] or stand_in, f"{what}: text[{index}] {char!r} stands at raw[{at}] {raw[at]!r}"
    start, end = raw_span(block, 0, len(block.text))
    assert 0 <= start < end <= len(raw), f"{what}: raw span {start}:{end} outside 0:{len(raw)}"
    for at, notes in block.markers.items():
        assert 0 <= at <= len(block.text), f"{what}: marker at {at} outside 0:{len(block.text)}"
        assert notes and set(notes) <= footnotes, f"{what}: marker {notes} names no footnote ({sorted(footnotes)})"


def assert_parsed(parsed: ParsedSource) -> None:
    """Every footnote and citation span indexes the raw text; blocks map onto it; numbers are unique."""
    raw = parsed.raw
    numbers = [note.number for note in parsed.footnotes]
    assert len(numbers) == len(set(numbers)), f"footnote numbers repeat: {numbers}"
    for note in parsed.footnotes:
        assert note.id == f"n{note.number}"
        assert_span(Span(start=note.start, end=note.end, text=note.text), raw, f"footnote {note.number}")
        for citation in note.citations:
            assert_citation(citation, raw, f"footnote {note.number} citation")
    for index, block in enumerate(parsed.blocks):
        assert_block(block, raw, set(numbers), f"block {index} ({block.kind})")


def assert_document(document: Document, raw: str) -> None:
    """The output contract: every span indexes the raw text, mentions sit in their sentence, links name footnotes."""
    assert check_spans(document, raw) == []
    assert document.source.chars == len(raw)
    numbers = {note.number for note in document.footnotes}
    for note in document.footnotes:
        for fields in note.citations:
            assert_citation(fields, raw, f"footnote {note.number} citation")
    for fact in document.facts:
        sentence = fact.sentence
        assert 0 <= sentence.start < sentence.end <= len(raw), f"fact {fact.id}: {sentence.start}:{sentence.end}"
        assert fact.mentions, f"fact {fact.id} has no mention"
        for mention in fact.mentions:
            assert sentence.start <= mention.start < mention.end <= sentence.end, f"{fact.id} {mention.id} outside"
        assert not (fact.citations and fact.suggestions)
        for citation in fact.citations:
            assert citation.footnote in numbers
            note = next(n for n in document.footnotes if n.number == citation.footnote)
            for check in citation.checks:
                if check.evidence:
                    assert note.start <= check.evidence.start <= check.evidence.end <= note.end
        assert all(s.footnote in numbers for s in fact.suggestions)


def without_time(document: Document) -> dict[str, object]:
    """A document as data, less the one field that differs between two runs (``extracted_at``)."""
    return document.model_dump(mode="json", exclude={"extracted_at"})
