"""``python -m citefacts_flows.serve`` against a real ``prefect server start``: the scheduled deployment runs and keeps decisions.

Starts a Prefect server (SQLite in a temporary PREFECT_HOME) on a free loopback port, serves the
re-extraction deployment with a cron schedule from a subprocess, reads the schedule back through
the API, triggers a first run, records decisions, edits a source, triggers a second run, and checks
the outputs and decisions it leaves.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from citefacts_flows import settings
from citefacts_flows.serve import running, server_pid, start_server, stop_server, wait_healthy
from conftest import interruptible

from citefacts.models import Decision, Document
from citefacts.review.store import append_decisions, decisions_path, fact_states, read_decisions

ROOT = Path(__file__).parents[1]
CRON = "15 4 * * *"
ARTICLE = """Small town
History
The town of Exampleville had 5,000 inhabitants in 1990 according to the census.[1] In March 2001 a flood destroyed 300 homes.[2]
^"Census 1990". Example Office. 1991. The population of Exampleville was 5,000 in 1990.
^Smith, Ann (2002). "Floods". Daily News. The flood of March 2001 destroyed 300 homes in Exampleville.
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def api_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("prefect-home")
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    settings.apply()
    pid = start_server(port, home)
    try:
        wait_healthy(url, pid, limit=90)
        yield url
    finally:
        stop_server(home, pid)
    assert not running(pid), f"the Prefect server (pid {pid}) is still running"


def poll(check, limit: float, what: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out after {limit:.0f} s waiting for {what}")


def decide(document: Document, out: Path, text: str) -> Decision:
    fact = next(f for f in document.facts if text in f.sentence.text)
    decision = Decision(
        fact_id=fact.id, content_hash=fact.content_hash, decision="accept", reviewer="ann", at=datetime.now(UTC)
    )
    append_decisions(decisions_path(out), [decision])
    return decision


def call(api: httpx.Client, method: str, path: str, what: str, status: int = 200, **kwargs: Any) -> Any:
    """The JSON of a request that must answer with ``status``, else a failure saying what came back.

    A 503 is Prefect's "retry me" (SQLite busy with the runner's writes): it is retried, as Prefect's own client does.
    """
    for wait in (0.5, 1, 2, 4, 8):
        response = api.request(method, path, **kwargs)
        if response.status_code != 503:
            break
        time.sleep(wait)
    assert response.status_code == status, f"{what}: expected {status}, got {response.status_code}: {response.text}"
    return response.json()


def registered_deployment(api: httpx.Client, name: str) -> Any:
    """The deployment ``reextract/<name>`` once the served runner has registered it (the server may still be starting)."""

    def deployment() -> Any:
        try:
            response = api.get(f"/deployments/name/reextract/{name}")
        except httpx.TransportError:  # no server answering yet
            return None
        if response.status_code in (404, 503):  # not registered yet, or SQLite busy: ask again
            return None
        assert response.status_code == 200, f"reading the deployment: got {response.status_code}: {response.text}"
        return response.json()

    return poll(deployment, 120, "the deployment to be registered")


def interrupt(runner: subprocess.Popen[bytes]) -> str:
    """Ctrl-C to ``python -m citefacts_flows.serve``; its output once it has exited."""
    runner.send_signal(signal.SIGINT)
    try:
        output, _ = runner.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        runner.kill()
        output, _ = runner.communicate()
    return output.decode(errors="replace")[-3000:]


def trigger(api: httpx.Client, deployment_id: str) -> str:
    """Create a flow run of the deployment now and wait for the served runner to finish it."""
    flow_run = call(api, "POST", f"/deployments/{deployment_id}/create_flow_run", "creating a flow run", 201, json={})

    def finished() -> str | None:
        state = call(api, "GET", f"/flow_runs/{flow_run['id']}", "reading the flow run")["state"]
        return state["type"] if state["type"] in {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"} else None

    return str(poll(finished, 120, "the triggered flow run"))


@pytest.mark.integration
@pytest.mark.slow
def test_scheduled_deployment_reextracts_and_keeps_decisions(api_url: str, tmp_path: Path) -> None:
    sources, out_dir = tmp_path / "raw", tmp_path / "extracted"
    sources.mkdir()
    town, same = sources / "town.txt", sources / "same.txt"
    town.write_text(ARTICLE)
    same.write_text(ARTICLE.replace("Exampleville", "Sameton"))
    out, same_out = out_dir / "town.json", out_dir / "same.json"

    env = {**os.environ, "PREFECT_API_URL": api_url, "PREFECT_RUNNER_POLL_FREQUENCY": "1"}
    command = [sys.executable, "-m", "citefacts_flows.serve", "--sources", str(sources), "--out", str(out_dir)]
    command += ["--cron", CRON, "--name", "test-daily"]
    runs: list[str] = []
    runner = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, preexec_fn=interruptible
    )
    try:
        with httpx.Client(base_url=api_url, timeout=10) as api:
            registered = registered_deployment(api, "test-daily")
            assert [s["schedule"]["cron"] for s in registered["schedules"]] == [CRON]
            assert registered["schedules"][0]["active"] is True and registered["paused"] is False

            runs.append(trigger(api, registered["id"]))  # first extraction of both sources
            if runs == ["COMPLETED"]:
                document = Document.model_validate_json(out.read_text())
                kept, staled = decide(document, out, "inhabitants"), decide(document, out, "flood")
                town.write_text(ARTICLE.replace("destroyed 300 homes.[2]", "destroyed 350 homes.[2]", 1))
                untouched = same_out.stat().st_mtime_ns
                runs.append(trigger(api, registered["id"]))  # the re-extraction
    finally:
        log = interrupt(runner)
    assert runs == ["COMPLETED", "COMPLETED"], log
    assert "Traceback" not in log, log

    rewritten = Document.model_validate_json(out.read_text())
    assert "350 homes" in rewritten.model_dump_json()
    states = fact_states(rewritten.facts, read_decisions(decisions_path(out)))
    assert states[kept.fact_id].state == "decided" and states[kept.fact_id].current == kept
    assert states[staled.fact_id].state == "stale"  # same id, changed content: back in the queue
    assert (out_dir / "town.diff.json").exists()
    assert same_out.stat().st_mtime_ns == untouched  # unchanged source and pipeline: skipped


def serve_command(tmp_path: Path, name: str) -> list[str]:
    sources = tmp_path / "raw"
    sources.mkdir(exist_ok=True)
    out = tmp_path / "out"
    return [sys.executable, "-m", "citefacts_flows.serve", "--sources", str(sources), "--out", str(out), "--name", name]


@pytest.mark.integration
@pytest.mark.slow
def test_serve_starts_a_server_with_prefects_cli_and_stops_it_on_ctrl_c(tmp_path: Path) -> None:
    home, port = tmp_path / "prefect-home", free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    env |= {"PREFECT_HOME": str(home), "CITEFACTS_PREFECT_PORT": str(port)}
    runner = subprocess.Popen(
        serve_command(tmp_path, "own-server"),
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        preexec_fn=interruptible,
    )
    pid = None
    try:
        with httpx.Client(base_url=url, timeout=10) as api:
            registered_deployment(api, "own-server")
        pid = server_pid(home)
        assert pid is not None and running(pid), "`prefect server start --background` records the server's pid"
    finally:
        log = interrupt(runner)
        leftover = server_pid(home)
        if leftover is not None and running(leftover):  # a failed test leaves no server behind
            stop_server(home, leftover)
    assert runner.returncode == 0, log
    assert "Traceback" not in log and "started, SQLite in" in log, log
    assert not running(pid), f"the server serve started (pid {pid}) still runs after Ctrl-C"
    assert not (home / "server.pid").exists()


@pytest.mark.integration
@pytest.mark.slow
def test_serve_reuses_a_server_already_answering_and_leaves_it_running(api_url: str, tmp_path: Path) -> None:
    home = tmp_path / "prefect-home"
    port = api_url.removesuffix("/api").rsplit(":", 1)[1]
    env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    env |= {"PREFECT_HOME": str(home), "CITEFACTS_PREFECT_PORT": port}
    runner = subprocess.Popen(
        serve_command(tmp_path, "reused"),
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        preexec_fn=interruptible,
    )
    try:
        with httpx.Client(base_url=api_url, timeout=10) as api:
            registered_deployment(api, "reused")
    finally:
        log = interrupt(runner)
    assert runner.returncode == 0, log
    assert "Traceback" not in log and "(reused)" in log, log
    assert not (home / "server.pid").exists(), "no server of its own was started"
    with httpx.Client(base_url=api_url, timeout=10) as api:
        call(api, "GET", "/health", "the reused server's health check after serve stopped")
