"""Re-ranking candidates between a reviewer's answers (``review/realign.py``): the review server analyses the source
once in the background, then serves each footnote's candidates re-aligned with every placement in force fixed, and
lets '/' place a footnote on any body sentence; outputs it cannot match keep their stored candidates."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, expect, extracted, serving
from spacy.language import Language

from citefacts.confirmed import sentence_span
from citefacts.link import placements
from citefacts.pipeline import analyse
from citefacts.read import read_source
from citefacts.review.queue import placement_items
from citefacts.review.server import ReviewServer
from citefacts.review.store import decisions_path, read_decisions
from citefacts.review.view import load_reviewed
from citefacts.sources import extract_source
from citefacts.write import load_document

ARTICLE = (DATA / "realign_harbour_article.txt").read_text()
FACTORY = "A canning factory opened beside the quay in 1901 and employed 300 workers."
CLIFF = "Visitors walk the cliff path to the lighthouse."
READY = 120.0
"""Seconds the background analysis of this small article may take on a loaded machine."""


def to_place(answer: dict[str, Any]) -> dict[int, dict[str, Any]]:
    """The footnotes to place in a /api/facts answer, by number."""
    return {item["footnote"]: item for item in answer["queue"] if item["type"] == "placement"}


def shown(item: dict[str, Any]) -> list[tuple[int, int, float]]:
    return [(c["start"], c["end"], c["probability"]) for c in item["candidates"]]


def place(item: dict[str, Any], start: int, end: int) -> dict[str, Any]:
    return {
        "file": item["file"],
        "decision": "place",
        "footnote": item["footnote"],
        "footnote_hash": item["footnote_hash"],
        "sentence": {"start": start, "end": end},
    }


def ready(server: ReviewServer) -> dict[str, Any]:
    """The /api/facts answer in placement mode once the source is analysed."""
    expect(server, 200, "GET", "/api/facts?mode=place")  # starts the analysis
    assert server.session.realigner.wait(READY), "the analysis finished"
    return expect(server, 200, "GET", "/api/facts?mode=place")


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    return tmp_path / "saltmouth.txt"


@pytest.fixture()
def output(source: Path, nlp: Language) -> Path:
    return extracted(source, ARTICLE, nlp)


def test_a_placement_re_ranks_the_other_footnotes_as_the_linker_does_with_it_fixed(
    output: Path, source: Path, nlp: Language
) -> None:
    parsed = read_source(source)
    analysis = analyse(parsed, nlp)
    spans = [sentence_span(parsed, sentence) for sentence in analysis.sentences]

    def ranked_by_linker(fixed: dict[int, int | None]) -> dict[int, list[tuple[int, int, float]]]:
        placed = placements(analysis.sentences, analysis.footnotes, fixed)
        return {
            number: [(*spans[index], round(probability, 2)) for index, probability in listed]
            for number, listed in zip(placed.numbers, placed.candidates(), strict=True)
        }

    with serving([output], "ann") as server:
        first = expect(server, 200, "GET", "/api/facts?mode=place")  # served at once, the analysis started
        (state,) = first["realign"].values()
        assert {item["ranked"] for item in to_place(first).values()} == {
            "stored" if state == "analysing" else "realigned"
        }
        answer = ready(server)
        assert answer["realign"] == {output.name: "ready"}
        before = to_place(answer)
        assert len(before) >= 3 and all(item["ranked"] == "realigned" for item in before.values())
        nothing_fixed = ranked_by_linker({})
        assert {n: shown(item) for n, item in before.items()} == {n: nothing_fixed[n] for n in before}

        (factory,) = [c for c in before[4]["candidates"] if c["text"] == FACTORY]
        placed = expect(server, 200, "POST", "/api/decisions", place(before[4], factory["start"], factory["end"]))
        assert placed["facts"][0]["citations"][0]["linked_by"] == "reviewer" and placed["realign"] == "ready"

        expected = ranked_by_linker({4: spans.index((factory["start"], factory["end"]))})
        after = to_place(expect(server, 200, "GET", "/api/facts?mode=place"))
        remaining = [number for number in after if number != 4]
        assert {n: shown(after[n]) for n in remaining} == {n: expected[n] for n in remaining}
        assert all(after[n]["ranked"] == "realigned" for n in remaining)
        assert any(shown(after[n]) != shown(before[n]) for n in remaining), "the placement sharpened a neighbour"
        in_answer = {item["footnote"]: item for item in placed["placements"]}
        assert {n: shown(in_answer[n]) for n in remaining} == {n: expected[n] for n in remaining}
        assert after[4]["ranked"] == "stored", "a placed footnote keeps the candidates it was placed among"

        undo = {k: placed["placement"][k] for k in ("file", "footnote", "footnote_hash")} | {"decision": "undo"}
        undone = expect(server, 200, "POST", "/api/decisions", undo)
        assert {i["footnote"]: shown(i) for i in undone["placements"]} == {n: nothing_fixed[n] for n in before}


def test_an_output_of_another_pipeline_version_is_served_with_its_stored_candidates(
    output: Path, tmp_path: Path
) -> None:
    data = json.loads(output.read_text())
    data["pipeline"]["version"] = "0.0.1"
    old = tmp_path / "old" / "out" / output.name
    old.parent.mkdir(parents=True)
    old.write_text(json.dumps(data))
    shutil.copy(tmp_path / "saltmouth.txt", tmp_path / "old" / "saltmouth.txt")
    stored = {item["footnote"]: shown(item) for item in placement_items(load_reviewed(old))}

    with serving([old], "ann") as server:
        answer = ready(server)
        assert answer["realign"] == {old.name: "stored"}
        items = to_place(answer)
        assert items and all(item["ranked"] == "stored" for item in items.values())
        assert {n: shown(item) for n, item in items.items()} == stored
        searchable = [s["text"] for s in answer["sentences"][old.name]]
        assert CLIFF not in searchable and FACTORY in searchable, "'/' searches the facts' sentences"
        start = (tmp_path / "saltmouth.txt").read_text().index(CLIFF)
        footnote = next(iter(items.values()))
        expect(server, 400, "POST", "/api/decisions", place(footnote, start, start + len(CLIFF)))
    assert read_decisions(decisions_path(old)) == []


def test_search_places_a_footnote_on_a_sentence_with_no_fact_and_a_re_extraction_keeps_it(
    output: Path, source: Path, nlp: Language
) -> None:
    with serving([output], "ann") as server:
        answer = ready(server)
        (cliff,) = [s for s in answer["sentences"][output.name] if s["text"] == CLIFF]
        assert cliff["fact"] is None and cliff["status"] is None
        assert len(answer["sentences"][output.name]) > len(load_document(output).facts), "every body sentence"
        footnote = to_place(answer)[5]
        assert (cliff["start"], cliff["end"]) not in {(c["start"], c["end"]) for c in footnote["candidates"]}

        placed = expect(server, 200, "POST", "/api/decisions", place(footnote, cliff["start"], cliff["end"]))
        assert placed["facts"] == [], "no fact in this sentence to cite"
        (placement,) = placed["placement"]["placements"]
        assert placed["placement"]["state"] == "decided" and placement["sentence"] == CLIFF
        assert placement["fact"] is None

        assert extract_source(source, output.parent, nlp, force=True).written  # the extraction flow's own call
        decisions = read_decisions(decisions_path(output))
        assert [d.decision for d in decisions] == ["place"] and not decisions[0].stale
        document = load_document(output)
        (listed,) = [c for c in document.candidates.footnotes if c.footnote == 5] if document.candidates else []
        assert [(s.start, s.end, s.probability) for s in listed.sentences] == [(cliff["start"], cliff["end"], 1.0)]
        again = to_place(expect(server, 200, "GET", "/api/facts?mode=place"))[5]
        assert again["state"] == "decided" and again["placements"][0]["sentence"] == CLIFF


def test_a_placement_the_output_did_not_precompute_is_checked_at_once_as_the_next_extraction_checks_it(
    output: Path, source: Path, nlp: Language
) -> None:
    with serving([output], "ann") as server:
        answer = ready(server)
        (factory,) = [s for s in answer["sentences"][output.name] if s["text"] == FACTORY]
        stored = {c.footnote: c for c in load_document(output).candidates.footnotes}  # type: ignore[union-attr]
        footnote = next(
            item
            for number, item in to_place(answer).items()
            if (factory["start"], factory["end"]) not in {(s.start, s.end) for s in stored[number].sentences}
        )
        placed = expect(server, 200, "POST", "/api/decisions", place(footnote, factory["start"], factory["end"]))
        (fact,) = placed["facts"]
        (citation,) = [c for c in fact["citations"] if c["linked_by"] == "reviewer"]
        assert not citation["unchecked"] and len(citation["checks"]) >= 2, "1901 and 300 checked against it"
        again = next(f for f in expect(server, 200, "GET", "/api/facts")["facts"] if f["id"] == fact["id"])
        assert again["citations"] == fact["citations"] and again["content_hash"] == fact["content_hash"]

        shown_now = [
            (n, c) for n, item in to_place(placed | {"queue": placed["placements"]}).items() for c in item["candidates"]
        ]
        new = [
            (n, c)
            for n, c in shown_now
            if (c["start"], c["end"]) not in {(s.start, s.end) for s in stored[n].sentences}
        ]
        assert new, "the placement brought sentences the output did not store into some footnote's candidates"
        assert all(c["checks"] for _, c in shown_now if c["fact"]), "each candidate's years and figures checked"

    assert extract_source(source, output.parent, nlp, force=True).written
    (extracted_fact,) = [f for f in load_document(output).facts if f.id == fact["id"]]
    (by_extraction,) = [c for c in extracted_fact.citations if c.linked_by == "reviewer"]
    assert [(c["mention"], c["verdict"]) for c in citation["checks"]] == [
        (c.mention, c.verdict) for c in by_extraction.checks
    ]
