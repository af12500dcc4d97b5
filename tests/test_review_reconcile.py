"""Carrying fact ids over a re-extraction: edited sentences keep theirs, so decisions go stale, not archived."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from spacy.language import Language

from citefacts.models import Decision, Document
from citefacts.pipeline import run
from citefacts.read import read_source
from citefacts.review.reconcile import carry_ids, match_facts, reconcile

ARTICLE = """Small town
History
The town of Exampleville had 5,000 inhabitants in 1990 according to the census. In March 2001 a flood destroyed 300 homes.
Economy
The factory employed 1,200 workers in 1995.
^"Census 1990". Example Office. 1991. The population of Exampleville was 5,000 in 1990.
^Smith, Ann (2002). "Floods". Daily News. The flood of March 2001 destroyed 300 homes in Exampleville.
"""


@pytest.fixture()
def extract(tmp_path: Path, nlp: Language):  # type: ignore[no-untyped-def]
    def extract(text: str) -> Document:
        path = tmp_path / "town.txt"
        path.write_text(text)
        return run(read_source(path), nlp)

    return extract


def accept_all(document: Document) -> list[Decision]:
    now = datetime.now(UTC)
    return [
        Decision(fact_id=f.id, content_hash=f.content_hash, decision="accept", reviewer="ann", at=now)
        for f in document.facts
    ]


def test_lightly_edited_sentence_keeps_its_id_and_its_decision_goes_stale(extract) -> None:  # type: ignore[no-untyped-def]
    before = extract(ARTICLE)
    after = extract(ARTICLE.replace("300 homes.\n", "320 homes.\n", 1))
    result = reconcile(before, after, accept_all(before))
    assert [f.id for f in result.document.facts] == [f.id for f in before.facts]
    flood = next(f for f in result.document.facts if "flood" in f.sentence.text)
    assert (flood.id, True) in [(m.fact_id, m.stale) for m in result.markers]
    assert flood.id in [c.id for c in result.diff.changed] and flood.id in result.diff.stale_decisions
    assert not any(m.archived for m in result.markers)


def test_removed_sentence_archives_its_decision(extract) -> None:  # type: ignore[no-untyped-def]
    before = extract(ARTICLE)
    after = extract(ARTICLE.replace(" In March 2001 a flood destroyed 300 homes.", ""))
    result = reconcile(before, after, accept_all(before))
    flood = next(f for f in before.facts if "flood" in f.sentence.text)
    assert (flood.id, True) in [(m.fact_id, m.archived) for m in result.markers]
    assert [c.id for c in result.diff.removed] == [flood.id]


@pytest.mark.parametrize(
    ("old", "new"), [("The factory employed", "A factory employed"), ("300 homes.\n", "320 homes.\n")]
)
def test_decision_survives_edits_elsewhere_in_the_article(extract, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    before = extract(ARTICLE)
    census = next(f for f in before.facts if "census" in f.sentence.text)
    result = reconcile(before, extract(ARTICLE.replace(old, new, 1)), accept_all(before))
    assert census.id not in result.diff.stale_decisions


def test_rewritten_sentence_or_other_section_is_a_new_fact(extract) -> None:  # type: ignore[no-untyped-def]
    before = extract(ARTICLE)
    rewritten = ARTICLE.replace("In March 2001 a flood destroyed 300 homes.", "Floods in 2001 ruined 300 houses.")
    after = extract(rewritten)
    assert len(match_facts(before.facts, after.facts)) == len(before.facts) - 1
    moved = extract(ARTICLE.replace("Economy\nThe factory employed", "Economy\nThe factory employs"))
    assert [f.id for f in carry_ids(before, moved).facts] == [f.id for f in before.facts]


def test_matching_is_one_to_one_for_duplicated_sentences(extract) -> None:  # type: ignore[no-untyped-def]
    doubled = ARTICLE.replace("1995.\n", "1995. The factory employed 1,200 workers in 1995.\n")
    before, after = extract(ARTICLE), extract(doubled)
    ids = [f.id for f in carry_ids(before, after).facts]
    assert len(ids) == len(set(ids)) == len(before.facts) + 1
