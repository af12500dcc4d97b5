"""Checks against footnotes that are citations: a figure in a citation's headline is the source's words
rounded, never a precise statement (check/verdict.py with read/cite's headline_spans)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from citefacts.check import check_value
from citefacts.eval.checks import check_record
from citefacts.eval.jsonl import text_mentions
from citefacts.read.cite import headline_spans, parse_footnote

BARE_ENTRY = "Marsh, Alice Students help raise $1 million for flood victims Harbour Herald. March 3, 2017"
"""A news citation rendered without its punctuation (author, headline, work, date), as plain-text copies of
Wikipedia articles often hold them."""
QUOTED_TITLE = 'Marsh, Alice (3 March 2017). "Students help raise $1 million for flood victims". Harbour Herald.'
PROSE = "The students helped raise $1 million for the flood victims."


def verdicts(nlp: Language, claim: str, footnote: str) -> list[str]:
    """The verdict on each date and number of ``claim`` against ``footnote``, its citations parsed as the flow does."""
    claim_found, footnote_found = text_mentions(nlp, claim, None), text_mentions(nlp, footnote, None)
    citations = parse_footnote(footnote, 0)
    return [
        check_value(f, claim, footnote, footnote_found, claim_found, citations).verdict
        for f in claim_found
        if f.kind != "entity"
    ]


def test_a_bare_news_entry_is_a_citation_with_its_author_and_date() -> None:
    (citation,) = parse_footnote(BARE_ENTRY, 0)
    assert not citation.is_note
    assert citation.authors == ["Marsh, Alice"] and citation.date == "2017-03-03"
    assert citation.title is not None and "raise $1 million" in citation.title


def test_a_headline_span_covers_the_citation_up_to_its_quotation() -> None:
    footnote = QUOTED_TITLE + ' "The appeal closed after 40 hours."'
    (span,) = headline_spans(footnote, parse_footnote(footnote, 0))
    assert footnote[span[0] : span[1]].rstrip() == QUOTED_TITLE
    assert headline_spans(PROSE, parse_footnote(PROSE, 0)) == []


@pytest.mark.parametrize("footnote", [BARE_ENTRY, QUOTED_TITLE], ids=["bare-entry", "quoted-title"])
def test_a_bound_against_a_round_figure_in_a_headline_is_no_contradiction(nlp: Language, footnote: str) -> None:
    claim = "The students raised over $1 million in 40 hours."
    assert "contradicted" not in verdicts(nlp, claim, footnote)
    assert check_record(nlp, {"id": "x", "claim": claim, "evidence": footnote})["verdict"] != "contradicted"


def test_a_bound_against_the_same_figure_stated_in_prose_is_ruled_out(nlp: Language) -> None:
    claim = "The students raised over $1 million for the flood victims."
    assert verdicts(nlp, claim, PROSE) == ["contradicted"]


def test_a_headline_figure_confirms_the_same_figure(nlp: Language) -> None:
    assert verdicts(nlp, "The students raised $1 million for flood victims.", BARE_ENTRY) == ["supported"]


def test_a_headline_figure_neither_confirms_nor_rules_out_a_nearby_precise_one(nlp: Language) -> None:
    assert verdicts(nlp, "The students raised $1.2 million for flood victims.", BARE_ENTRY) == ["not_found"]
