"""Reviewers' placements of footnotes: applied at once with precomputed checks, undoable, and kept or marked
stale (never moved) by re-extraction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from citefacts.models import Decision, Document, Fact, Span
from citefacts.pipeline import run
from citefacts.read import read_source
from citefacts.review.placement import (
    NOWHERE,
    apply_placements,
    place_decision,
    placed_footnotes,
    unchecked,
    unplaced,
)
from citefacts.review.queue import placement_items
from citefacts.review.report import render_report
from citefacts.review.rerun import confirmed_placements, save_extraction, up_to_date
from citefacts.review.store import SYSTEM_REVIEWER, append_decisions, decisions_path, fact_states, read_decisions
from citefacts.review.view import load_reviewed

BODY = """Riverton
History
Riverton was founded in 1852 by settlers from the east. The town had 5,000 inhabitants in 1990 according to the census. In March 2001 a flood destroyed 300 homes. The mayor said the river rose quickly.
Culture
In 1999 the festival drew 2,000 visitors from the region. The museum opened in 1975 with 40 paintings. The old mill burned down in 1921.
"""
CENSUS = '^"Census 1990". Riverton Statistics Office. 1991. The population of Riverton was 4,800 in 1990.\n'
NOTES = (
    CENSUS
    + """^Smith, Ann (2002). "Floods on the river". Daily News. The flood of March 2001 destroyed 300 homes in Riverton.
^"Festival history". Culture Weekly. 2000. The festival drew 2,000 visitors in 1999.
^"Museum guide". Riverton Museum. 1980. The museum opened in 1975 with 40 paintings.
"""
)
CENSUS_SENTENCE = "The town had 5,000 inhabitants in 1990 according to the census."
MILL_SENTENCE = "The old mill burned down in 1921."


@pytest.fixture()
def extracted(tmp_path: Path, nlp: Language) -> tuple[Path, Path]:
    """The article extracted once: its source and output."""
    source, out = tmp_path / "riverton.txt", tmp_path / "out" / "riverton.json"
    source.write_text(BODY + NOTES)
    save_extraction(run(read_source(source), nlp), out, source.read_text())
    return source, out


def fact_of(document: Document, text: str) -> Fact:
    return next(fact for fact in document.facts if fact.sentence.text == text)


def sentence_of(document: Document, text: str) -> Span:
    return fact_of(document, text).sentence


def test_the_census_footnote_is_unplaced_and_its_first_candidate_carries_precomputed_checks(
    extracted: tuple[Path, Path],
) -> None:
    document = Document.model_validate_json(extracted[1].read_text())
    assert 1 in document.unplaced_footnotes()
    assert document.candidates is not None
    first = document.candidates.footnotes[0].sentences[0]
    census = fact_of(document, CENSUS_SENTENCE)
    assert (first.start, first.fact) == (census.sentence.start, census.id)
    verdicts = {check.mention: check.verdict for check in first.checks}
    by_text = {m.text: m.id for m in census.mentions}
    assert verdicts[by_text["1990"]] == "supported" and verdicts[by_text["5,000"]] == "not_found"


def test_a_placement_on_a_candidate_is_cited_and_checked_at_once_and_undo_gives_the_fact_back(
    extracted: tuple[Path, Path],
) -> None:
    document = Document.model_validate_json(extracted[1].read_text())
    before = fact_of(document, CENSUS_SENTENCE)
    placed = place_decision(document, 1, before.sentence, "tester")
    assert placed.fact_id == before.id and placed.placement is not None and placed.placement.footnote == 1

    after = fact_of(apply_placements(document, [placed]), CENSUS_SENTENCE)

    assert before.status == "uncited" and after.status == "partly_supported"
    (citation,) = after.citations
    assert citation.linked_by == "reviewer" and citation.footnote == 1 and not unchecked(after, citation)
    assert after.content_hash != before.content_hash
    assert unplaced(apply_placements(document, [placed]), [placed]) == []
    undo = placed.model_copy(update={"decision": "undo"})
    assert fact_of(apply_placements(apply_placements(document, [placed]), [placed, undo]), CENSUS_SENTENCE) == before


def test_the_pipeline_given_a_placement_cites_exactly_what_applying_it_cites(
    extracted: tuple[Path, Path], nlp: Language
) -> None:
    source, out = extracted
    document = Document.model_validate_json(out.read_text())
    placed = place_decision(document, 1, sentence_of(document, CENSUS_SENTENCE), "tester")
    assert placed.placement is not None

    rerun = run(read_source(source), nlp, placements=[placed.placement])

    applied = fact_of(apply_placements(document, [placed]), CENSUS_SENTENCE)
    same = {"id", "content_hash", "sentence", "mentions", "citations", "status"}
    assert fact_of(rerun, CENSUS_SENTENCE).model_dump(include=same) == applied.model_dump(include=same)
    assert apply_placements(rerun, [placed]) is rerun, "applying what the pipeline applied changes nothing"
    assert rerun.candidates is not None
    (certain,) = rerun.candidates.footnotes[0].sentences  # the linker aligned the others around it
    assert (certain.start, certain.probability) == (applied.sentence.start, 1.0)
    assert fact_of(rerun, CENSUS_SENTENCE).suggestions == [], "a confirmed footnote is no longer suggested"


def test_a_sentence_found_by_search_is_cited_unchecked_until_the_next_extraction_checks_it(
    extracted: tuple[Path, Path], nlp: Language
) -> None:
    source, out = extracted
    document = Document.model_validate_json(out.read_text())
    placed = place_decision(document, 1, sentence_of(document, MILL_SENTENCE), "tester")
    mill = fact_of(apply_placements(document, [placed]), MILL_SENTENCE)
    assert mill.citations[0].linked_by == "reviewer" and unchecked(mill, mill.citations[0])
    assert mill.status == "unverified"

    append_decisions(decisions_path(out), [placed])
    rerun = run(read_source(source), nlp, placements=confirmed_placements(out))
    checked = fact_of(rerun, MILL_SENTENCE)
    assert checked.citations[0].checks and not unchecked(checked, checked.citations[0])


def test_a_further_placement_stands_beside_the_first_and_a_plain_one_replaces_them(
    extracted: tuple[Path, Path],
) -> None:
    document = Document.model_validate_json(extracted[1].read_text())
    census, mill = sentence_of(document, CENSUS_SENTENCE), sentence_of(document, MILL_SENTENCE)
    first = place_decision(document, 1, census, "tester")
    further = place_decision(document, 1, mill, "tester", further=True)
    both = apply_placements(document, [first, further])
    assert [c.footnote for c in fact_of(both, CENSUS_SENTENCE).citations] == [1]
    assert [c.footnote for c in fact_of(both, MILL_SENTENCE).citations] == [1]
    moved = place_decision(document, 1, mill, "tester")
    only = apply_placements(both, [first, further, moved])
    assert fact_of(only, CENSUS_SENTENCE).citations == [] and len(fact_of(only, MILL_SENTENCE).citations) == 1


def test_cited_nowhere_in_the_body_places_the_footnote_and_cites_no_fact(extracted: tuple[Path, Path]) -> None:
    document = Document.model_validate_json(extracted[1].read_text())
    nowhere = place_decision(document, 1, None, "tester")
    assert nowhere.content_hash == NOWHERE and nowhere.fact_id == ""
    assert apply_placements(document, [nowhere]) is document
    assert 1 not in unplaced(document, [nowhere]) and 1 in document.unplaced_footnotes()
    assert "Census 1990" in render_report([load_reviewed(extracted[1])]), "listed among the footnotes no fact cites"
    append_decisions(decisions_path(extracted[1]), [nowhere])
    assert "Census 1990" not in render_report([load_reviewed(extracted[1])]), "placed nowhere by a reviewer"


def test_placements_follow_their_footnote_through_renumbering_and_go_stale_when_it_changes(
    extracted: tuple[Path, Path], nlp: Language
) -> None:
    source, out = extracted
    document = Document.model_validate_json(out.read_text())
    append_decisions(decisions_path(out), [place_decision(document, 1, sentence_of(document, CENSUS_SENTENCE), "t")])
    source.write_text(BODY + '^"Town hall". Riverton Council. 1990. The mayor spoke.\n' + NOTES)  # census is now 2

    save_extraction(run(read_source(source), nlp), out, source.read_text())

    renumbered = Document.model_validate_json(out.read_text())
    cited = fact_of(renumbered, CENSUS_SENTENCE).citations
    assert [(c.footnote, c.linked_by) for c in cited] == [(2, "reviewer")]
    assert not [d for d in read_decisions(decisions_path(out)) if d.stale]

    source.write_text(BODY + NOTES.replace("4,800", "4,900"))  # the footnote's text changed
    save_extraction(run(read_source(source), nlp), out, source.read_text())

    changed = Document.model_validate_json(out.read_text())
    assert all(c.linked_by != "reviewer" for f in changed.facts for c in f.citations), "never moved"
    decisions = read_decisions(decisions_path(out))
    (stale,) = [d for d in decisions if d.stale]
    assert stale.placement is not None and stale.note == "footnote no longer in the source"
    assert next(d for d in decisions if d.reviewer == "t").placement == stale.placement, "the placement is kept"
    assert 1 in unplaced(changed, decisions)


def test_a_placement_whose_sentence_is_gone_is_marked_stale_not_moved(
    extracted: tuple[Path, Path], nlp: Language
) -> None:
    source, out = extracted
    document = Document.model_validate_json(out.read_text())
    append_decisions(decisions_path(out), [place_decision(document, 1, sentence_of(document, CENSUS_SENTENCE), "t")])
    source.write_text(BODY.replace(CENSUS_SENTENCE + " ", "") + NOTES)

    save_extraction(run(read_source(source), nlp), out, source.read_text())

    decisions = read_decisions(decisions_path(out))
    assert [d.note for d in decisions if d.stale] == ["sentence no longer in the body"]
    assert placed_footnotes(Document.model_validate_json(out.read_text()), decisions) == {}


def test_a_log_written_before_placements_still_loads(tmp_path: Path) -> None:
    log = tmp_path / "x.decisions.jsonl"
    old = {"fact_id": "f1", "content_hash": "ab", "decision": "accept", "reviewer": "r", "at": "2026-01-01T00:00:00Z"}
    log.write_text(json.dumps(old) + "\n")
    (decision,) = read_decisions(log)
    assert decision.placement is None and decision.decision == "accept"


def test_placement_decisions_leave_the_facts_review_states_alone(extracted: tuple[Path, Path]) -> None:
    document = Document.model_validate_json(extracted[1].read_text())
    census = fact_of(document, CENSUS_SENTENCE)
    placed: Decision = place_decision(document, 1, census.sentence, "tester")
    assert fact_states(document.facts, [placed])[census.id].state == "pending"


def test_a_stale_placement_does_not_bring_back_the_one_it_replaced_until_the_reviewer_undoes_it(
    extracted: tuple[Path, Path], nlp: Language
) -> None:
    source, out = extracted
    document = Document.model_validate_json(out.read_text())
    first = place_decision(document, 1, sentence_of(document, MILL_SENTENCE), "t")
    moved = place_decision(document, 1, sentence_of(document, CENSUS_SENTENCE), "t")
    append_decisions(decisions_path(out), [first, moved])
    source.write_text(BODY.replace(CENSUS_SENTENCE + " ", "") + NOTES)

    save_extraction(run(read_source(source), nlp), out, source.read_text())

    stale = Document.model_validate_json(out.read_text())
    assert all(c.linked_by != "reviewer" for f in stale.facts for c in f.citations), "the mill is not cited again"
    decisions = read_decisions(decisions_path(out))
    assert placed_footnotes(stale, decisions) == {}, "no placement of footnote 1 stands"
    item = next(i for i in placement_items(load_reviewed(out)) if i["footnote"] == 1)  # shown, even if linked now
    assert item["state"] == "stale" and item["previous"]["note"] == "sentence no longer in the body"
    assert item["previous"]["sentence"] == CENSUS_SENTENCE
    undo = moved.model_copy(update={"decision": "undo"})
    assert [c.linked_by for c in fact_of(apply_placements(stale, [*decisions, undo]), MILL_SENTENCE).citations] == [
        "reviewer"
    ]


def test_an_output_is_out_of_date_once_a_reviewer_places_a_footnote_after_it_was_extracted(
    extracted: tuple[Path, Path],
) -> None:
    """The scheduled re-extraction must run after a placement: it checks a sentence found by search and
    re-aligns the footnotes around the placement; a re-extraction's own stale markers do not count."""
    source, out = extracted
    assert up_to_date(source, out)
    document = Document.model_validate_json(out.read_text())
    placed = place_decision(document, 1, sentence_of(document, MILL_SENTENCE), SYSTEM_REVIEWER)
    append_decisions(decisions_path(out), [placed])
    assert up_to_date(source, out)
    append_decisions(decisions_path(out), [place_decision(document, 1, sentence_of(document, MILL_SENTENCE), "tester")])
    assert not up_to_date(source, out)
