"""Passages: the body's sentences and the footnotes as linking and checking see them.

spaCy parses each block; a passage keeps a sentence's text as the Doc holds it and its mentions with
offsets into that text, plus ``origin``, where the text starts in its block. Offsets into the raw file
are worked out once, when the output is built (``raw_span``), never passed back and forth.
"""

from __future__ import annotations

import ctypes
import signal
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from multiprocessing.util import register_after_fork

import srsly.msgpack
from spacy.language import Language
from spacy.tokens import Doc

from citefacts.mention import DocMention
from citefacts.models import Block, Footnote, ParsedSource
from citefacts.read.cite.mask import readable_mask

BATCH_SIZE = 64
"""Texts per batch sent to a spaCy worker, at most (scripts/bench.py --only seed: 32 ratio 0.93, 64 1.03, 128 1.00)."""
BATCHES_PER_PROCESS = 2
"""At least this many batches for each worker: a short article in one batch of 64 kept one worker busy and the
other idle (a 4,946-word article: 1.19 s on two processes against 0.60 s in batches of 12)."""
_PR_SET_PDEATHSIG = 1
PARALLEL_WORDS = 1000
"""Below this many words, spaCy on one process is faster than starting others (measured on this 2-core
machine, balanced batches: 298 words 0.055 s on one process against 0.087 s on two, 651 words 0.109 against
0.098, 1,586 words 0.27 against 0.19)."""


@dataclass
class Passage:
    """A body sentence or a footnote: its text and mentions, every offset into ``text``."""

    text: str
    mentions: list[DocMention] = field(default_factory=list)
    block: int = -1
    """A sentence's block (paragraph, heading, table cell) index; a jump of more than one means a heading between."""
    origin: int = 0
    """Where ``text`` starts in its block's text (a footnote's text is its own: 0)."""
    number: int = 0
    """A footnote's number (0 for sentences)."""
    markers: list[int] = field(default_factory=list)
    """Footnote numbers whose explicit markers stand in this sentence or right after it."""


def parse_texts(nlp: Language, texts: list[str], processes: int = 1) -> Iterator[Doc]:
    """The spaCy pipeline over texts, in order, as each is done: on ``processes`` processes for a text
    of ``PARALLEL_WORDS`` words or more, where the second core saves more than starting it costs."""
    parallel = processes > 1 and sum(len(text.split()) for text in texts) >= PARALLEL_WORDS
    if parallel:
        register_after_fork(_die_with_parent, _die_with_parent)
        _no_entry_point_scan()
    if not parallel:
        return iter(nlp.pipe(texts, batch_size=BATCH_SIZE))
    return iter(nlp.pipe(texts, batch_size=batch_size(len(texts), processes), n_process=processes))


def batch_size(count: int, processes: int) -> int:
    """Texts per batch for ``count`` texts on ``processes`` workers: every worker gets batches to parse, and no
    batch is larger than ``BATCH_SIZE`` (spaCy hands batches out in turn, so one big batch leaves the rest idle)."""
    return max(1, min(BATCH_SIZE, -(-count // (processes * BATCHES_PER_PROCESS))))


def _no_entry_point_scan() -> None:
    """Stop srsly scanning every installed package's entry points for each Doc a worker sends back.

    Its msgpack codec registries look up plug-in codecs by entry point on every pack and unpack: measured,
    0.2 s of the main process's time per seed run (266 docs), and no installed package registers any. Codecs
    registered in code (numpy's) are still found; a package that registers one by entry point is still read.
    """
    for registry in (srsly.msgpack.msgpack_encoders, srsly.msgpack.msgpack_decoders):
        if registry.entry_points and not _declared(registry.namespace):
            registry.entry_points = False


def _declared(namespace: tuple[str, ...]) -> bool:
    """Whether any installed package declares an entry point in a catalogue registry's group."""
    return any(True for _ in entry_points(group="_".join(namespace)))


def _die_with_parent(_: object) -> None:
    """In a spaCy worker process: ask the kernel to kill it when the process that started it dies
    (Linux), so that a killed run leaves no worker waiting on its pipe for ever."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def sentence_passages(doc: Doc, mentions: list[DocMention], block_index: int, block: Block) -> list[Passage]:
    """The sentences spaCy finds in a block, trimmed of white space, each with its mentions and markers."""
    text = doc.text
    bounds = [_trimmed(sent.start_char, sent.end_char, text) for sent in doc.sents]
    bounds = [(start, end) for start, end in bounds if end > start]
    passages = []
    for number, (start, end) in enumerate(bounds):
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        following = bounds[number + 1][0] if number + 1 < len(bounds) else len(text) + 1
        markers = [n for at, notes in sorted(block.markers.items()) if start < at <= following for n in notes]
        passages.append(
            Passage(
                text=text[start:end],
                mentions=[m.shifted(-start) for m in inside],
                block=block_index,
                origin=start,
                markers=list(dict.fromkeys(markers)),
            )
        )
    return passages


def _trimmed(start: int, end: int, text: str) -> tuple[int, int]:
    piece = text[start:end]
    return start + (len(piece) - len(piece.lstrip())), end - (len(piece) - len(piece.rstrip()))


def raw_span(block: Block, start: int, end: int) -> tuple[int, int]:
    """Raw offsets of a span of a block's text; the end maps through the last character it covers."""
    if end <= start:
        position = _to_raw(block, start)
        return position, position
    return _to_raw(block, start), _to_raw(block, end - 1) + 1


def _to_raw(block: Block, index: int) -> int:
    """The raw-text offset of a character offset in a block's text (end offsets allowed)."""
    if not block.offsets:
        return block.start + index
    if index >= len(block.offsets):
        return block.offsets[-1] + 1 + (index - len(block.offsets))
    return block.offsets[index]


def rendered_text(rendered: str, raw: str) -> str | None:
    """A sentence's rendered text where it differs from its raw span (markup read away), else None."""
    shown = " ".join(rendered.split())
    return None if shown == " ".join(raw.split()) else shown


def footnote_text(parsed: ParsedSource, note: Footnote) -> str:
    """What extraction, linking and checking read of a footnote: in wikitext its markup, URLs and identifiers
    blanked (same length, so offsets stay raw offsets); elsewhere its text."""
    return readable_mask(note.text) if parsed.format == "wikitext" else note.text


PARAGRAPH_SCORE = 0.5
"""The score of a citation a sentence takes from the next marker in its paragraph: a convention, not a marker."""


def paragraph_markers(sentences: list[Passage]) -> list[list[int]]:
    """For each sentence without markers, the markers of the next sentence of its paragraph that has some.

    Wikipedia's convention: a paragraph's citation covers the uncited sentences before it. Only where the
    source carries markers at all; a sentence with its own markers, or none after it, gets none.
    """
    covering: list[list[int]] = [[] for _ in sentences]
    ahead: list[int] = []
    for index in range(len(sentences) - 1, -1, -1):
        sentence = sentences[index]
        if index + 1 < len(sentences) and sentences[index + 1].block != sentence.block:
            ahead = []
        if sentence.markers:
            ahead = sentence.markers
        else:
            covering[index] = list(ahead)
    return covering
