"""Placing footnotes through the review server: the queue's order, placements applied and checked at once,
undo, and every refused request answered with its status and nothing logged."""

from __future__ import annotations

import http.client
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import expect, extracted, serving
from spacy.language import Language

from citefacts.review.server import ReviewServer
from citefacts.review.store import decisions_path, read_decisions

ARTICLE = """Riverton
History
Riverton was founded in 1852 by settlers from the east. The town had 5,000 inhabitants in 1990 according to the census. In March 2001 a flood destroyed 300 homes. The mayor said the river rose quickly. Mayor Ann Smith met the Governor of Ohio.
Culture
In 1999 the festival drew 2,000 visitors from the region. The museum opened in 1975 with 40 paintings. The old mill burned down in 1921.
^"Census 1990". Riverton Statistics Office. 1991. The population of Riverton was 4,800 in 1990.
^Smith, Ann (2002). "Floods on the river". Daily News. The flood of March 2001 destroyed 300 homes in Riverton.
^"Festival history". Culture Weekly. 2000. The festival drew 2,000 visitors in 1999.
^"Museum guide". Riverton Museum. 1980. The museum opened in 1975 with 40 paintings.
"""
CENSUS = "The town had 5,000 inhabitants in 1990 according to the census."
MILL = "The old mill burned down in 1921."


@pytest.fixture()
def output(tmp_path: Path, nlp: Language) -> Path:
    return extracted(tmp_path / "riverton.txt", ARTICLE, nlp)


@pytest.fixture()
def server(output: Path) -> Iterator[ReviewServer]:
    with serving([output], "ann") as review:
        yield review


def census_item(server: ReviewServer) -> dict[str, Any]:
    items = expect(server, 200, "GET", "/api/facts")["queue"]
    return next(i for i in items if i["type"] == "placement" and i["footnote"] == 1)


def place(item: dict[str, Any], sentence: dict[str, int] | None, **extra: Any) -> dict[str, Any]:
    body = {"file": item["file"], "decision": "place", "footnote": item["footnote"], "sentence": sentence}
    return {**body, "footnote_hash": item["footnote_hash"], **extra}


def test_the_queue_serves_evidence_then_footnotes_to_place_then_uncited_values_then_names_grouped(
    server: ReviewServer,
) -> None:
    answer = expect(server, 200, "GET", "/api/facts")
    kinds = [(i["type"], i.get("status")) for i in answer["queue"]]
    order = [t if t != "fact" else ("cited" if s != "uncited" else "uncited") for t, s in kinds]
    firsts = {kind: order.index(kind) for kind in ("cited", "placement", "uncited", "group")}
    assert firsts["cited"] < firsts["placement"] < firsts["uncited"] < firsts["group"] == len(order) - 1
    assert order.count("group") == 1 and order.count("placement") == 1, "footnote 1 alone is unplaced"
    (group,) = [i for i in answer["queue"] if i["type"] == "group"]
    assert [f["text"] for f in group["facts"]] == ["Mayor Ann Smith met the Governor of Ohio."]
    assert group["facts"][0]["id"] not in {f["id"] for f in answer["facts"]}, "not served one by one too"
    item = census_item(server)
    first = item["candidates"][0]
    assert first["text"] == CENSUS and first["paragraph"][slice(*first["sentence"])] == CENSUS
    assert first["paragraph"].startswith("Riverton was founded") and first["status"] == "uncited"
    assert {c["value"]: c["verdict"] for c in first["checks"]} == {"5,000": "not_found", "1990": "supported"}
    assert item["fields"][0] and item["state"] == "pending"
    assert MILL in [s["text"] for s in answer["sentences"]["riverton.json"]], "what '/' searches"


def test_a_candidate_placed_is_cited_checked_and_logged_at_once_and_undone(server: ReviewServer, output: Path) -> None:
    item = census_item(server)
    first = item["candidates"][0]

    answer = expect(server, 200, "POST", "/api/decisions", place(item, {"start": first["start"], "end": first["end"]}))

    (fact,) = answer["facts"]
    assert fact["status"] == "partly_supported" and fact["citations"][0]["linked_by"] == "reviewer"
    assert not fact["citations"][0]["unchecked"]
    assert answer["placement"]["state"] == "decided" and answer["placement"]["placements"][0]["sentence"] == CENSUS
    (decision,) = read_decisions(decisions_path(output))
    assert decision.decision == "place" and decision.reviewer == "ann" and decision.fact_id == fact["id"]
    facts = {f["id"]: f for f in expect(server, 200, "GET", "/api/facts")["facts"]}
    assert facts[fact["id"]]["status"] == "partly_supported", "the page shows it without a re-extraction"

    undo = {"file": item["file"], "decision": "undo", "footnote": 1, "footnote_hash": item["footnote_hash"]}
    undone = expect(server, 200, "POST", "/api/decisions", undo)
    assert undone["facts"][0]["status"] == "uncited" and undone["placement"]["state"] == "pending"
    expect(server, 409, "POST", "/api/decisions", undo)  # nothing left to undo
    assert [d.decision for d in read_decisions(decisions_path(output))] == ["place", "undo"]


def test_a_searched_sentence_is_cited_unchecked_and_nowhere_cites_nothing(server: ReviewServer) -> None:
    item = census_item(server)
    mill = next(s for s in expect(server, 200, "GET", "/api/facts")["sentences"]["riverton.json"] if s["text"] == MILL)
    answer = expect(server, 200, "POST", "/api/decisions", place(item, {"start": mill["start"], "end": mill["end"]}))
    (fact,) = answer["facts"]
    assert fact["status"] == "unverified" and fact["citations"][0]["unchecked"]

    further = expect(server, 200, "POST", "/api/decisions", place(item, None, further=False))
    assert further["facts"][0]["status"] == "uncited", "cited nowhere in the body replaces the placement"
    assert further["placement"]["placements"][0]["sentence"] is None


def test_refused_placements_name_the_fault_and_log_nothing(server: ReviewServer, output: Path) -> None:
    item = census_item(server)
    expect(server, 400, "POST", "/api/decisions", place(item, {"start": 0, "end": 3}))
    expect(server, 400, "POST", "/api/decisions", place(item, {"start": "0"}))
    expect(server, 400, "POST", "/api/decisions", place(item, None, further="yes"))
    expect(server, 400, "POST", "/api/decisions", place(item, None, footnote="1"))
    expect(server, 409, "POST", "/api/decisions", place(item, None, footnote_hash="0" * 16))
    expect(server, 409, "POST", "/api/decisions", place(item, None, footnote=99))
    assert read_decisions(decisions_path(output)) == []


@pytest.mark.integration
def test_review_place_serves_the_page_in_placement_mode_and_summary_counts_what_is_placed(output: Path) -> None:
    command = [sys.executable, "-m", "citefacts", "review", str(output), "--place", "--no-browser", "--port", "0"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        started = process.stderr.readline()
        assert started.startswith("placing footnotes of 1 file(s) at http://127.0.0.1:"), started
        url = started.split(" at ")[1].split()[0]
        assert url.endswith("/?mode=place")
        connection = http.client.HTTPConnection("127.0.0.1", int(url.split(":")[2].split("/")[0]), timeout=10)
        connection.request("GET", "/?mode=place")
        response = connection.getresponse()
        assert response.status == 200 and b"placement" in response.read()
    finally:
        process.terminate()
        process.wait(timeout=10)
    summary = subprocess.run(
        [sys.executable, "-m", "citefacts", "review", str(output), "--summary"], capture_output=True, text=True
    )
    assert summary.returncode == 0, summary.stderr
    assert "1 of 4" in summary.stdout, summary.stdout
