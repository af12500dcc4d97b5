"""Wikitext footnotes read as a reader reads them: markup, URLs and identifiers blanked in place, so the
checker's evidence is readable and a figure inside a URL never counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from citefacts.models import Document
from citefacts.pipeline import run
from citefacts.read import read_source
from citefacts.read.cite.mask import readable_mask

CASES = [
    pytest.param(
        "{{cite report |title=Annual visitors |date=2020 |quote=6.2 million visitors in 2019}}",
        ["Annual visitors", "2020", "6.2 million visitors in 2019"],
        ["cite report", "title=", "quote=", "{{", "}}"],
        id="cite-template-fields-kept-syntax-blanked",
    ),
    pytest.param(
        "{{cite web |url=https://example.com/2015/09/20/story |title=Harbour works |access-date=4 May 2016 |pages=45}}",
        ["Harbour works"],
        ["2015", "2016", "45", "example.com"],
        id="url-access-date-and-pages-not-read",
    ),
    pytest.param(
        "{{cite book |last1=Okafor |first1=Ada |title=[[Lagos]] and [[Lagos Lagoon|the lagoon]]}}",
        ["Okafor", "Ada", "Lagos", "the lagoon"],
        ["[[", "Lagos Lagoon|", "last1"],
        id="author-names-and-link-texts-kept",
    ),
    pytest.param(
        "See [https://example.org/1999 the 2001 survey]<!-- checked 1998 --> and <small>page 3</small>.",
        ["the 2001 survey", "page 3", "See", "and"],
        ["1999", "1998", "<small>", "example.org"],
        id="external-link-comment-and-tag",
    ),
]


@pytest.mark.parametrize(("raw", "kept", "gone"), CASES)
def test_markup_is_blanked_in_place(raw: str, kept: list[str], gone: list[str]) -> None:
    masked = readable_mask(raw)
    assert len(masked) == len(raw)
    for index, char in enumerate(masked):
        assert char in (raw[index], " ", "\n"), f"{index}: {char!r} is not raw {raw[index]!r}"
    for words in kept:
        assert words in masked and raw.index(words) == masked.index(words), words
    for markup in gone:
        assert markup not in masked, markup


def test_plain_footnote_text_is_unchanged() -> None:
    text = "Smith, Ann (2002). Floods on the river. Daily News, p. 4."
    assert readable_mask(text) == text


ARTICLE = """'''Harbourton''' is a port in [[Norland]].<ref>{{cite web |url=https://example.com/2015/01/02/port |title=The port of Harbourton |date=2011}}</ref> In 2015, the harbour was dredged.<ref>{{cite web |url=https://example.com/2015/05/port |title=Dredging plans |date=2012}}</ref> The port had 5.9 million visitors in 2019.<ref>{{cite report |title=Port statistics |date=2020 |quote=6.2 million visitors in 2019}}</ref> Its lighthouse was lit on 5 [[March]] 1889.

== References ==
{{reflist}}
"""


@pytest.fixture(scope="module")
def harbourton(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Document:
    source = tmp_path_factory.mktemp("wiki") / "harbourton.wiki"
    source.write_text(ARTICLE)
    return run(read_source(source), nlp)


def fact_with(document: Document, words: str) -> tuple[str, ...]:
    fact = next(f for f in document.facts if words in f.sentence.text)
    return fact.status, *(c.verdict for citation in fact.citations for c in citation.checks)


def test_a_year_only_in_a_url_supports_nothing(harbourton: Document) -> None:
    status, *verdicts = fact_with(harbourton, "dredged")
    assert status == "unverified" and "supported" not in verdicts


def test_a_quote_field_is_evidence_read_as_text_and_contradicts(harbourton: Document) -> None:
    fact = next(f for f in harbourton.facts if "5.9 million" in f.sentence.text)
    assert fact.status == "contradicted"
    evidence = [c.evidence.text for citation in fact.citations for c in citation.checks if c.evidence]
    assert "6.2 million visitors in 2019" in evidence
    assert not any("{{" in text or "quote=" in text for text in evidence)


def test_a_sentence_with_markup_shows_its_rendered_text(harbourton: Document) -> None:
    fact = next(f for f in harbourton.facts if "Norland" in f.sentence.text)
    assert "[[" in fact.sentence.text
    assert fact.rendered == "Harbourton is a port in Norland."
    plain = next(f for f in harbourton.facts if "5.9 million" in f.sentence.text)
    assert plain.rendered is None


def test_a_wikitext_article_checked_end_to_end_keeps_raw_offsets(tmp_path: Path, harbourton: Document) -> None:
    for fact in harbourton.facts:
        assert ARTICLE[fact.sentence.start : fact.sentence.end] == fact.sentence.text
        for citation in fact.citations:
            for check in citation.checks:
                if check.evidence:
                    assert ARTICLE[check.evidence.start : check.evidence.end] == check.evidence.text


def test_a_mention_spanning_markup_shows_its_rendered_text(harbourton: Document) -> None:
    fact = next(f for f in harbourton.facts if "lighthouse" in f.sentence.text)
    date = next(m for m in fact.mentions if m.kind == "date")
    assert (date.text, date.rendered) == ("5 [[March]] 1889", "5 March 1889")
    assert fact.rendered == "Its lighthouse was lit on 5 March 1889."


def test_a_rendered_form_does_not_change_what_a_reviewer_judged(harbourton: Document) -> None:
    """Decisions are keyed by content hash: a field derived from the raw text must not turn them stale."""
    from citefacts.identity import content_hash

    fact = next(f for f in harbourton.facts if "lighthouse" in f.sentence.text)
    plain = [m.model_copy(update={"rendered": None}) for m in fact.mentions]
    notes = {n.number: n for n in harbourton.footnotes}
    assert content_hash(fact.sentence.text, fact.mentions, fact.citations, notes) == content_hash(
        fact.sentence.text, plain, fact.citations, notes
    )
