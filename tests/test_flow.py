"""The Prefect flow, on the real embedded server of the test harness."""

from __future__ import annotations

from pathlib import Path

import pytest
from citefacts_flows import settings

settings.apply()  # before prefect is imported: no telemetry, a quiet server

from prefect.testing.utilities import prefect_test_harness  # noqa: E402

from citefacts.write import check_spans, load_document  # noqa: E402

ARTICLE = """Small town
The town of Exampleville had 5,000 inhabitants in 1990 according to the census.
In March 2001 a flood destroyed 300 homes.
^"Census 1990". Example Office. 1991. The population of Exampleville was 5,000 in 1990.
^Smith, Ann (2002). "Floods". Daily News. The flood of March 2001 destroyed 300 homes in Exampleville.
"""


@pytest.fixture(scope="module", autouse=True)
def harness():
    with prefect_test_harness():
        yield


@pytest.mark.integration
def test_flow_writes_validated_facts(tmp_path: Path) -> None:
    from citefacts_flows.extract import extract_file

    source = tmp_path / "small.txt"
    source.write_text(ARTICLE)
    result = extract_file(source, tmp_path / "out")
    assert result.output == tmp_path / "out" / "small.json" and result.written
    document = load_document(result.output)
    assert check_spans(document, ARTICLE) == []
    flood = next(f for f in document.facts if "flood" in f.sentence.text)
    assert [c.footnote for c in flood.citations][:1] == [2]
    assert flood.status == "supported"
    assert document.source.sha256 and document.pipeline.model_version == "3.8.0"


@pytest.mark.integration
def test_flow_reextraction_keeps_decisions_and_returns_the_diff_it_writes(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from citefacts_flows.extract import extract_file

    from citefacts.models import Decision
    from citefacts.review.diff import read_diff
    from citefacts.review.store import append_decisions, decisions_path, fact_states, read_decisions

    source = tmp_path / "small.txt"
    article = ARTICLE.replace("census.\n", "census.[1]\n").replace("300 homes.\n", "300 homes.[2]\n", 1)
    source.write_text(article)  # explicit markers: link scores stay put when other sentences change
    result = extract_file(source, tmp_path / "out")
    out, log = result.output, decisions_path(result.output)
    first = load_document(out)
    assert result.written and result.diff.previous_extracted_at is None
    assert [c.id for c in result.diff.new] == [f.id for f in first.facts]
    decisions = [
        Decision(fact_id=f.id, content_hash=f.content_hash, decision="accept", reviewer="ann", at=datetime.now(UTC))
        for f in first.facts
    ]
    append_decisions(log, decisions)
    source.write_text(article.replace("destroyed 300 homes.", "destroyed 350 homes."))
    rerun = extract_file(source, tmp_path / "out")
    second = load_document(out)
    assert [f.id for f in second.facts] == [f.id for f in first.facts]  # the edited sentence kept its id
    states = fact_states(second.facts, read_decisions(log))
    flood = next(f for f in second.facts if "flood" in f.sentence.text)
    assert states[flood.id].state == "stale"
    assert [s.state for i, s in states.items() if i != flood.id] == ["decided"] * (len(second.facts) - 1)
    assert rerun.written and rerun.diff == read_diff(out), "the flow returns the diff it wrote"
    assert [c.id for c in rerun.diff.changed] == [flood.id] and rerun.diff.stale_decisions == [flood.id]


@pytest.mark.integration
def test_flow_says_when_it_left_an_unchanged_output_as_it_was(tmp_path: Path) -> None:
    from citefacts_flows.extract import extract_file

    source = tmp_path / "small.txt"
    source.write_text(ARTICLE)
    first = extract_file(source, tmp_path / "out")
    output, diff = first.output.read_bytes(), first.output.with_name("small.diff.json").read_bytes()
    again = extract_file(source, tmp_path / "out")
    assert first.written and not again.written and again.diff is None, "up to date: not extracted again"
    forced = extract_file(source, tmp_path / "out", force=True)
    assert not forced.written and forced.diff is not None and forced.diff.is_empty()
    assert forced.output.read_bytes() == output and forced.output.with_name("small.diff.json").read_bytes() == diff


@pytest.mark.integration
def test_one_flow_run_writes_every_good_source_and_reports_the_bad_one(tmp_path: Path) -> None:
    from citefacts_flows.extract import extract_sources, reporting

    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text(ARTICLE)
    (sources / "b.txt").write_text("A body line with no footnotes at all, in 1990.\n")
    (sources / "c.txt").write_text(ARTICLE.replace("Exampleville", "Othertown"))
    seen: list[str] = []
    with reporting(lambda result: seen.append(result.source.name)):
        results = extract_sources(sorted(sources.iterdir()), tmp_path / "out")
    assert [r.source.name for r in results] == ["a.txt", "b.txt", "c.txt"] and sorted(seen) == [
        "a.txt",
        "b.txt",
        "c.txt",
    ]
    assert [r.failed for r in results] == [False, True, False]
    assert "no footnotes" in (results[1].error or "") and not results[1].output.exists()
    assert results[0].output.exists() and results[2].output.exists()


@pytest.mark.integration
@pytest.mark.slow
def test_a_local_dask_cluster_of_two_workers_writes_what_the_default_runner_writes(tmp_path: Path) -> None:
    import json

    from citefacts_flows.extract import extract_sources
    from citefacts_flows.runners import task_runner

    sources = [tmp_path / f"{name}.txt" for name in ("a", "b", "c")]
    for number, source in enumerate(sources):
        source.write_text(ARTICLE.replace("5,000", f"{5000 + number:,}").replace("Exampleville", f"Town{number}"))
    here = extract_sources(sources, tmp_path / "local")
    dask = extract_sources.with_options(task_runner=task_runner("dask", workers=2))(sources, tmp_path / "dask")
    assert [r.failed for r in here + dask] == [False] * 6 and all(r.written for r in dask)

    def content(path: Path) -> dict[str, object]:
        document = json.loads(path.read_text())
        document.pop("extracted_at")
        return document

    for local, distributed in zip(here, dask, strict=True):
        assert content(local.output) == content(distributed.output)


def test_a_dask_runner_keeps_dask_s_message_logs_short() -> None:
    """Dask's own default keeps the last 1,000 messages: each task's pickled submission stayed in this process."""
    import dask
    from citefacts_flows.runners import DASK_LOG_LENGTH, task_runner

    with dask.config.set({"distributed.admin.low-level-log-length": 1000}):
        task_runner("dask", workers=1)
        assert dask.config.get("distributed.admin.low-level-log-length") == DASK_LOG_LENGTH
        from distributed.batched import BatchedSend

        assert BatchedSend(interval="5ms").recent_message_log.maxlen == DASK_LOG_LENGTH  # what held the submissions
