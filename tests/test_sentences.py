"""How the body and footnotes go through spaCy: batches that keep every worker busy, the same Docs however many processes."""

from __future__ import annotations

import pytest

from citefacts.models import ParsedSource
from citefacts.sentences import BATCH_SIZE, BATCHES_PER_PROCESS, PARALLEL_WORDS, batch_size, parse_texts


@pytest.mark.parametrize("count", [1, 7, 46, 63, 114, 266, 5000])
@pytest.mark.parametrize("processes", [2, 4])
def test_every_worker_gets_batches_and_none_is_oversized(count: int, processes: int) -> None:
    size = batch_size(count, processes)
    batches = -(-count // size)
    assert 1 <= size <= BATCH_SIZE
    assert batches >= min(count, processes * BATCHES_PER_PROCESS)


def test_a_long_article_keeps_the_largest_batches() -> None:
    assert batch_size(10_000, 2) == BATCH_SIZE


def test_two_processes_give_the_docs_one_process_gives(seed_parsed: ParsedSource) -> None:
    from citefacts.nlp import load_model

    nlp = load_model()
    texts = [block.text for block in seed_parsed.blocks[:80]]
    assert sum(len(text.split()) for text in texts) >= PARALLEL_WORDS  # long enough to use both processes
    one = [(doc.text, [(e.start_char, e.label_) for e in doc.ents]) for doc in parse_texts(nlp, texts, 1)]
    two = [(doc.text, [(e.start_char, e.label_) for e in doc.ents]) for doc in parse_texts(nlp, texts, 2)]
    assert two == one
