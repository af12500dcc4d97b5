"""Evidence for the linker: how much a footnote's text echoes a sentence, and where a sentence stands.

Content: BM25 (bm25s) both ways (the footnote as a query over the article's sentences and paragraphs,
and the sentence as a query over the footnotes), the dates, names and quantities both state, and a
fuzzy match (rapidfuzz) of a footnote's quotation against the sentence. Position: citations tend to close a paragraph or a
section. Each feature is a matrix over (footnote, sentence) pairs or a vector over sentences.
"""

from __future__ import annotations

import itertools
import logging
import re

import bm25s
import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from citefacts.lexicon import content_terms
from citefacts.mention import DocMention
from citefacts.models import DateValue, EntityValue, NumberValue
from citefacts.read.cite import apparatus_spans
from citefacts.sentences import Passage

Array = NDArray[np.float64]

CONTENT_FEATURES = (
    "bm25_note",
    "bm25_note_log",
    "bm25_sentence",
    "bm25_paragraph",
    "shared_names",
    "shared_numbers",
    "quote",
)
POSITION_FEATURES = ("closes_paragraph", "closes_section", "opens_paragraph", "length", "quoted")
_QUOTE = re.compile(r"[\"“]([^\"“”]{30,})[\"”]")
_QUOTE_MARK = re.compile(r"[\"“”]")
_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
_WORD_OR_FIGURE = re.compile(r"[^\W_]")


def comparable(text: str) -> bool:
    """True when a footnote holds a word or a figure to compare with the body (not empty, punctuation or markup)."""
    return bool(_WORD_OR_FIGURE.search(_MARKUP.sub(" ", text)))


def tokens(text: str) -> list[str]:
    """A text's content terms (``lexicon.content_terms``), then their bigrams (phrases count more)."""
    words = content_terms(text)
    return words + [f"{first}_{second}" for first, second in itertools.pairwise(words)]


def bm25_scores(queries: list[list[str]], documents: list[list[str]]) -> Array:
    """BM25 score of every document for every query: shape (queries, documents)."""
    scores = np.zeros((len(queries), len(documents)))
    if not documents or not any(documents):
        return scores
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    retriever = bm25s.BM25()
    retriever.index(
        bm25s.tokenize([" ".join(d) for d in documents], stopwords=None, show_progress=False), show_progress=False
    )
    vocabulary = set(retriever.vocab_dict)
    for row, query in enumerate(queries):
        known = [word for word in query if word in vocabulary]
        if known:
            scores[row] = retriever.get_scores(known)
    return scores


def _row_share(scores: Array) -> Array:
    """Each score as a share of its row's best (0 where the row has no match)."""
    best = scores.max(axis=1, keepdims=True) if scores.size else scores
    return np.divide(scores, best, out=np.zeros_like(scores), where=best > 0)


def name_keys(found: list[DocMention]) -> set[str]:
    """Comparable keys for the dates and entity names of a text."""
    keys = set()
    for item in found:
        if isinstance(item.value, DateValue):
            keys.add(f"d:{item.value.timex}")
        elif isinstance(item.value, EntityValue):
            keys.add(f"e:{item.value.canonical.lower()}")
    return keys


def quantities(found: list[DocMention], text: str, footnote: bool = False) -> set[float]:
    """The numbers a text states as quantities: not years, not below 10, not a footnote's page or volume."""
    skipped = apparatus_spans(text) if footnote else []
    values = set()
    for item in found:
        if not isinstance(item.value, NumberValue) or any(a <= item.start < b for a, b in skipped):
            continue
        for number in (item.value.value, item.value.low, item.value.high):
            if number is not None and number >= 10 and not (1000 <= number <= 2100 and float(number).is_integer()):
                values.add(round(number, 4))
    return values


def quotation(text: str) -> str:
    """The longest quoted passage of a footnote (a source's own words), or ''."""
    quotes = [match.group(1) for match in _QUOTE.finditer(text)]
    return max(quotes, key=len, default="")


def content_features(sentences: list[Passage], notes: list[Passage]) -> dict[str, Array]:
    """Pairwise content evidence, each of shape (footnotes, sentences)."""
    sentence_tokens = [tokens(s.text) for s in sentences]
    note_tokens = [tokens(n.text) for n in notes]
    by_note = bm25_scores(note_tokens, sentence_tokens)
    share = _row_share(by_note)
    by_sentence = _row_share(bm25_scores(sentence_tokens, note_tokens)).T
    sentence_names = [name_keys(s.mentions) for s in sentences]
    note_names = [name_keys(n.mentions) for n in notes]
    names = np.array([[len(own & keys) for keys in sentence_names] for own in note_names], dtype=np.float64)
    sentence_numbers = [quantities(s.mentions, s.text) for s in sentences]
    numbers = np.zeros_like(names)
    for row, note in enumerate(notes):
        stated = quantities(note.mentions, note.text, footnote=True)
        if stated:
            numbers[row] = [len(stated & values) for values in sentence_numbers]
    by_block: dict[int, list[str]] = {}
    for sentence, words in zip(sentences, sentence_tokens, strict=True):
        by_block.setdefault(sentence.block, []).extend(words)
    blocks = sorted(by_block)
    paragraph_tokens = [by_block[b] for b in blocks]
    by_paragraph = _row_share(bm25_scores(note_tokens, paragraph_tokens))
    paragraph_of = np.searchsorted(blocks, [s.block for s in sentences])
    quote = np.zeros_like(by_note)
    quoting = [(row, quotation(note.text)) for row, note in enumerate(notes)]
    quoting = [(row, quoted) for row, quoted in quoting if quoted]
    if quoting and sentences:
        texts = [s.text for s in sentences]
        ratios = cdist([q for _, q in quoting], texts, scorer=fuzz.partial_ratio, score_cutoff=60.0, workers=-1)
        quote[[row for row, _ in quoting]] = np.maximum(ratios - 60.0, 0.0) / 40.0
    return {
        "bm25_note": share,
        "bm25_note_log": np.log1p(by_note),
        "bm25_sentence": by_sentence,
        "bm25_paragraph": by_paragraph[:, paragraph_of] if len(blocks) else np.zeros_like(by_note),
        "shared_names": np.minimum(names, 3.0),
        "shared_numbers": np.minimum(numbers, 2.0),
        "quote": quote,
    }


def position_features(sentences: list[Passage]) -> dict[str, Array]:
    """Per-sentence position evidence: does it close its paragraph or section, open a paragraph."""
    blocks = [s.block for s in sentences]
    following = [*blocks[1:], None]
    preceding = [None, *blocks[:-1]]
    closes = [after != block for block, after in zip(blocks, following, strict=True)]
    section_end = [after is None or after > block + 1 for block, after in zip(blocks, following, strict=True)]
    opens = [before != block for block, before in zip(blocks, preceding, strict=True)]
    return {
        "closes_paragraph": np.array(closes, dtype=np.float64),
        "closes_section": np.array(section_end, dtype=np.float64),
        "opens_paragraph": np.array(opens, dtype=np.float64),
        "length": np.log1p(np.array([len(s.text) for s in sentences], dtype=np.float64)) - 4.5,
        "quoted": np.array([bool(_QUOTE_MARK.search(s.text)) for s in sentences], dtype=np.float64),
    }
