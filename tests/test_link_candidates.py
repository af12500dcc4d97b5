"""The linker's candidates: each footnote's likeliest sentences and each sentence's likeliest footnotes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from citefacts.models import Document, ParsedSource
from citefacts.sentences import Passage

DATA = Path(__file__).parent / "data"
FILLER = [
    "The committee met again in the spring to review the accounts.",
    "Several members asked for a longer consultation period.",
    "A second report followed after the summer recess.",
    "Local newspapers covered the debate in some detail.",
    "The chairman thanked the volunteers for their work.",
    "Minutes of the meeting were published the following week.",
    "Attendance was lower than in previous years.",
    "The next session was scheduled for the autumn.",
]


def sentence(text: str, block: int) -> Passage:
    return Passage(text, block=block)


def note(number: int, text: str) -> Passage:
    return Passage(text, number=number)


@pytest.fixture(scope="module")
def article_links(nlp: Language) -> tuple[dict[str, Any], dict[str, Any]]:
    """The made-up marked article of ``test_link.py`` and what ``citefacts link`` writes for it."""
    from citefacts.eval.links import link_record

    record = json.loads((DATA / "link_marked_article.jsonl").read_text(encoding="utf-8"))
    return record, link_record(nlp, record)


def test_each_footnote_keeps_its_likeliest_sentences_best_first() -> None:
    from citefacts.link import CANDIDATE_FLOOR, CANDIDATES, placements

    sentences = [
        sentence("The lighthouse at Carrow Point was completed in 1832 by the harbour trust.", 0),
        *(sentence(text, 1 + i // 2) for i, text in enumerate(FILLER)),
        sentence("The quarry railway closed after the breakwater was finished.", 5),
    ]
    notes = [
        note(1, '"The lighthouse at Carrow Point was completed by the harbour trust in 1832."'),
        note(2, "Donald (1996), pp. 30–33."),
        note(3, '"The quarry railway closed once the breakwater was finished." Penmoor Historical Society.'),
    ]
    placed = placements(sentences, notes)
    ranked = placed.candidates()
    assert all(1 <= len(sentences_of) <= CANDIDATES for sentences_of in ranked)
    for row, sentences_of in enumerate(ranked):
        probabilities = [p for _, p in sentences_of]
        assert probabilities == sorted(probabilities, reverse=True) and min(probabilities) >= CANDIDATE_FLOOR
        assert sentences_of[0][0] == int(placed.probability[row].argmax())
    assert ranked[0][0][0] == 0 and ranked[2][0][0] == len(sentences) - 1
    # the page reference has no content: order alone spreads it over the sentences between its neighbours
    assert len(ranked[1]) == CANDIDATES and ranked[1][0][1] < 0.65


def test_a_sentence_lists_the_footnotes_that_count_it_among_their_candidates() -> None:
    from citefacts.link import by_sentence

    ranked = [[(2, 0.7), (1, 0.2)], [], [(1, 0.5), (2, 0.05)]]
    assert by_sentence([4, 5, 6], ranked, 3) == [[], [(6, 0.5), (4, 0.2)], [(4, 0.7), (6, 0.05)]]


def test_a_footnote_with_nothing_to_compare_has_no_candidates() -> None:
    from citefacts.link import placements

    sentences = [sentence("The abbey church was consecrated in 1147 by Bishop Henry of Blois.", 0)]
    ranked = placements(sentences, [note(1, "^^ [[["), note(2, '"The abbey church was consecrated in 1147."')])
    nothing, consecrated = ranked.candidates()
    assert nothing == [] and [index for index, _ in consecrated] == [0]


def test_the_document_ranks_candidates_for_every_footnote_on_raw_sentences(
    seed_document: Document, seed_parsed: ParsedSource
) -> None:
    candidates = seed_document.candidates
    assert candidates is not None
    assert [c.footnote for c in candidates.footnotes] == [f.number for f in seed_document.footnotes]
    facts = {(f.sentence.start, f.sentence.end): f for f in seed_document.facts}
    listed: dict[tuple[int, int], list[tuple[int, float]]] = {}
    for footnote in candidates.footnotes:
        assert 1 <= len(footnote.sentences) <= 5
        probabilities = [s.probability for s in footnote.sentences]
        assert probabilities == sorted(probabilities, reverse=True)
        for s in footnote.sentences:
            text = seed_parsed.raw[s.start : s.end]
            assert text and text == text.strip()
            listed.setdefault((s.start, s.end), []).append((footnote.footnote, s.probability))
    assert {(s.start, s.end) for s in candidates.sentences} == set(listed)
    for s in candidates.sentences:
        assert [(f.footnote, f.probability) for f in s.footnotes] == sorted(listed[s.start, s.end], key=lambda p: -p[1])
    # a linked footnote's best candidate is the sentence it is linked to, with the link's score
    by_number = {footnote.footnote: footnote for footnote in candidates.footnotes}
    for fact in facts.values():
        for citation in fact.citations:
            best = by_number[citation.footnote].sentences[0]
            assert (best.start, best.end) == (fact.sentence.start, fact.sentence.end)
            assert best.probability == citation.score


def test_link_command_writes_candidates_as_the_scorer_reads_them(
    article_links: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    record, output = article_links
    body = record["body"]
    assert [c["footnote"] for c in output["candidates"]] == sorted(n["n"] for n in record["footnotes"])
    for entry in output["candidates"]:
        assert set(entry) == {"footnote", "sentences"} and 1 <= len(entry["sentences"]) <= 5
        for s in entry["sentences"]:
            # the scorer reads start, end and probability (schema 1.3 adds the sentence's fact and checks)
            assert {"start", "end", "probability"} <= set(s) and body[s["start"] : s["end"]].strip()
    linked = {n: (s["start"], s["end"]) for s in output["links"] for n in s["footnotes"]}
    best = {c["footnote"]: (c["sentences"][0]["start"], c["sentences"][0]["end"]) for c in output["candidates"]}
    assert all(best[n] == span for n, span in linked.items()), "a link is its footnote's best candidate"
