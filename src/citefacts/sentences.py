"""Sentences of the body, from spaCy, with offsets into the raw text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from citefacts.models import Block

BATCH_SIZE = 64


@dataclass(frozen=True)
class Sentence:
    """A sentence of one block: offsets into the block's text and the block's parsed Doc."""

    block_index: int
    start: int
    end: int
    text: str


def parse_blocks(nlp: Language, blocks: list[Block]) -> Iterator[Doc]:
    """Run the spaCy pipeline over each block's text, in order."""
    yield from nlp.pipe((block.text for block in blocks), batch_size=BATCH_SIZE)


def split_sentences(doc: Doc, block_index: int) -> list[Sentence]:
    """The sentences spaCy finds in a block, trimmed of surrounding white space."""
    sentences = []
    for sent in doc.sents:
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        if end > start:
            sentences.append(Sentence(block_index, start, end, doc.text[start:end]))
    return sentences


def to_raw(block: Block, index: int) -> int:
    """The raw-text offset of a character offset in a block's text (end offsets allowed)."""
    if not block.offsets:
        return block.start + index
    if index >= len(block.offsets):
        return block.offsets[-1] + 1 + (index - len(block.offsets))
    return block.offsets[index]


def raw_span(block: Block, start: int, end: int) -> tuple[int, int]:
    """Raw offsets of a block-text span; the end maps through the last character it covers."""
    if end <= start:
        position = to_raw(block, start)
        return position, position
    return to_raw(block, start), to_raw(block, end - 1) + 1
