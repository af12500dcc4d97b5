"""Wikipedia's convention, offered and checked: a paragraph's citation covers the uncited sentences before it."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from citefacts.models import Document, Fact
from citefacts.pipeline import run
from citefacts.read import read_source
from citefacts.sentences import Passage, paragraph_markers

ARTICLE = """# Millbrook

Millbrook was founded in 1852 by miners. The town had 5,000 inhabitants in 1990.[^1] Its mill closed in 1931.

A railway reached Millbrook in 1871. The station had 12 staff in 1900.[^2]

The library opened in 1960.

[^1]: Town records (1991). Millbrook was founded in 1852; the 1990 census counted 5,000 inhabitants.
[^2]: Railway history (1950). The line reached Millbrook in 1874, and its station had 12 staff in 1900.
"""


@pytest.fixture(scope="module")
def millbrook(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Document:
    source = tmp_path_factory.mktemp("md") / "millbrook.md"
    source.write_text(ARTICLE)
    return run(read_source(source), nlp)


def fact(document: Document, words: str) -> Fact:
    return next(f for f in document.facts if words in f.sentence.text)


def test_an_uncited_sentence_takes_the_next_marker_of_its_paragraph_and_is_checked(millbrook: Document) -> None:
    founded = fact(millbrook, "founded in 1852")
    assert [(c.footnote, c.linked_by) for c in founded.citations] == [(1, "paragraph")]
    assert founded.status == "supported"


def test_a_paragraph_citation_can_contradict(millbrook: Document) -> None:
    railway = fact(millbrook, "railway reached")
    assert [(c.footnote, c.linked_by) for c in railway.citations] == [(2, "paragraph")]
    assert railway.status == "contradicted"


def test_no_marker_after_it_or_in_its_paragraph_means_no_citation(millbrook: Document) -> None:
    assert fact(millbrook, "mill closed").citations == []
    assert fact(millbrook, "library opened").citations == []
    assert [c.linked_by for c in fact(millbrook, "5,000 inhabitants").citations] == ["marker"]


def test_a_source_without_markers_gets_no_paragraph_citation(tmp_path: Path, nlp: Language) -> None:
    source = tmp_path / "plain.txt"
    source.write_text("Millbrook was founded in 1852 by miners.\n^Town records (1991). Founded in 1852.\n")
    document = run(read_source(source), nlp)
    assert all(c.linked_by != "paragraph" for f in document.facts for c in f.citations)


def test_paragraph_markers_cover_only_earlier_unmarked_sentences_of_the_same_block() -> None:
    sentences = [
        Passage("a", block=0),
        Passage("b", block=0),
        Passage("c", block=0, markers=[3, 4]),
        Passage("d", block=0),
        Passage("e", block=1),
        Passage("f", block=1, markers=[5]),
        Passage("g", block=2),
    ]
    assert paragraph_markers(sentences) == [[3, 4], [3, 4], [], [], [5], [], []]
