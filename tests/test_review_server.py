"""The review server over HTTP, the report and the review commands: decisions saved, untrusted text escaped."""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import extracted, serving
from spacy.language import Language

from citefacts.models import Document, ParsedSource
from citefacts.pipeline import run
from citefacts.read import read_source
from citefacts.review.report import render_report
from citefacts.review.rerun import save_extraction
from citefacts.review.server import Handler, ReviewServer
from citefacts.review.store import decisions_path, read_decisions
from citefacts.review.view import fact_view, load_reviewed
from citefacts.write import write_document

ARTICLE = """Town
In 1999 the <script>alert(1)</script> festival drew 2,000 visitors.[1] The town had 5,000 inhabitants in 1990.
^"Festival <b>history</b>". Culture Weekly. 2000. The festival drew 2,000 visitors in 1999.
"""


@pytest.fixture()
def output(tmp_path: Path, nlp: Language) -> Path:
    return extracted(tmp_path / "town.txt", ARTICLE, nlp)


@pytest.fixture()
def server(output: Path) -> Iterator[ReviewServer]:
    with serving([output], "ann") as review:
        yield review


def request(server: ReviewServer, method: str, path: str, body: dict | None = None, **headers: str):  # type: ignore[no-untyped-def]
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=10)
    data = json.dumps(body).encode() if body is not None else None
    sent = {"Content-Type": "application/json", **{k.replace("_", "-"): v for k, v in headers.items()}}
    connection.request(method, path, body=data, headers=sent)
    response = connection.getresponse()
    return response.status, response.read(), response


def expect(server: ReviewServer, status: int, method: str, path: str, body: dict | None = None, **headers: str):  # type: ignore[no-untyped-def]
    """The body and response of a request that must answer with this status, else a failure saying what came back."""
    got, data, response = request(server, method, path, body, **headers)
    assert got == status, f"{method} {path}: expected {status}, got {got}: {data[:500].decode(errors='replace')}"
    return data, response


def queue(server: ReviewServer) -> list[dict]:
    """The facts of the review queue, from a GET that must succeed."""
    return json.loads(expect(server, 200, "GET", "/api/facts")[0])["facts"]  # type: ignore[no-any-return]


def test_server_binds_loopback_and_serves_the_queue_with_a_strict_csp(server: ReviewServer) -> None:
    assert server.server_address[0] == "127.0.0.1"
    body, response = expect(server, 200, "GET", "/api/facts")
    facts = json.loads(body)["facts"]
    assert facts[0]["status"] == "partly_supported" and facts[0]["citations"], "facts with evidence before uncited"
    assert facts[-1]["status"] == "uncited"
    assert "script-src 'self'" in response.getheader("Content-Security-Policy")
    page, _ = expect(server, 200, "GET", "/")
    assert b"review.js" in page and b"innerHTML" not in expect(server, 200, "GET", "/review.js")[0]


def test_decision_is_appended_at_once_and_a_stale_page_is_refused(server: ReviewServer, output: Path) -> None:
    fact = queue(server)[0]
    post = {"file": fact["file"], "id": fact["id"], "content_hash": fact["content_hash"], "decision": "reject"}
    body, _ = expect(server, 200, "POST", "/api/decisions", {**post, "note": "wrong year"})
    assert json.loads(body)["decision"]["decision"] == "reject"
    assert [(d.decision, d.note, d.reviewer) for d in read_decisions(decisions_path(output))] == [
        ("reject", "wrong year", "ann")
    ]
    body, _ = expect(server, 409, "POST", "/api/decisions", {**post, "content_hash": "old"})
    assert "changed since the page loaded" in json.loads(body)["error"]
    for refused, field in (({"decision": "maybe"}, "decision"), ({"decision": "correct"}, "correction")):
        body, _ = expect(server, 400, "POST", "/api/decisions", {**post, **refused})
        assert json.loads(body)["field"] == field, body
    expect(server, 200, "POST", "/api/decisions", {**post, "decision": "undo"})
    body, _ = expect(server, 409, "POST", "/api/decisions", {**post, "decision": "undo"})
    assert "nothing to undo" in json.loads(body)["error"]
    assert [d.decision for d in read_decisions(decisions_path(output))] == ["reject", "undo"]


def mention_id(fact: dict, kind: str) -> str:
    """The id of the fact's first mention of a kind, as the page shows it."""
    return next(m["id"] for m in fact["mentions"] if m["kind"] == kind)  # type: ignore[no-any-return]


def test_a_correction_that_names_nothing_or_does_not_read_is_refused_and_not_logged(
    server: ReviewServer, output: Path
) -> None:
    fact = next(f for f in queue(server) if f["citations"])
    post = {"file": fact["file"], "id": fact["id"], "content_hash": fact["content_hash"], "decision": "correct"}
    number, date = mention_id(fact, "number"), mention_id(fact, "date")
    refused = [
        ({"link": "banana"}, "correction.link"),
        ({"link": "9999"}, "correction.link"),
        ({"link": "²"}, "correction.link"),
        ({"link": 1}, "correction.link"),
        ({"link": "1", "value": "2"}, "correction.link"),
        ({"mention": "m99"}, "correction.mention"),
        ({"mention": "m99", "value": "2,100"}, "correction.mention"),
        ({"value": "2,100"}, "correction.mention"),
        ({"mention": number}, "correction.value"),
        ({"mention": number, "value": "banana"}, "correction.value"),
        ({"mention": date, "value": "banana"}, "correction.value"),
        ({"mention": number, "value": "  "}, "correction.value"),
        ({"footnote": "1"}, "correction"),
        ("1", "correction"),
    ]
    for correction, field in refused:
        body, _ = expect(server, 400, "POST", "/api/decisions", {**post, "correction": correction})
        error = json.loads(body)
        assert error["field"] == field and field in error["error"], f"{correction!r}: {error}"
    body, _ = expect(server, 400, "POST", "/api/decisions", {**post, "decision": "accept", "correction": {"link": "1"}})
    assert json.loads(body)["field"] == "correction", body
    assert not decisions_path(output).exists(), decisions_path(output).read_text()

    accepted = [{"link": " 1 "}, {"mention": number, "value": "2,100"}, {"mention": date, "value": "March 1998"}]
    for correction in accepted:
        body, _ = expect(server, 200, "POST", "/api/decisions", {**post, "correction": correction})
        assert json.loads(body)["decision"]["decision"] == "correct", body
    assert [d.correction for d in read_decisions(decisions_path(output))] == [
        {"link": "1"},
        {"mention": number, "value": "2,100"},
        {"mention": date, "value": "March 1998"},
    ]


def test_malformed_posts_are_bad_requests_and_nothing_is_logged(server: ReviewServer, output: Path) -> None:
    fact = queue(server)[0]
    post = {"file": fact["file"], "id": fact["id"], "content_hash": fact["content_hash"], "decision": "accept"}
    for body, field in (([post], "(body)"), ({**post, "file": "other.json"}, "file"), ({**post, "note": 3}, "note")):
        data, _ = expect(server, 400, "POST", "/api/decisions", body)  # type: ignore[arg-type]
        assert json.loads(data)["field"] == field, data
    for raw, length in ((b"{oops", "5"), (b"\xff\xfe", "2"), (b"{}", "-1"), (b"{}", "two"), (b"{}", "\u00b2")):
        host, port = server.server_address[:2]
        connection = http.client.HTTPConnection(str(host), int(port), timeout=10)
        connection.putrequest("POST", "/api/decisions")
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Content-Length", length)
        connection.endheaders(raw)
        response = connection.getresponse()
        got = response.read()
        assert response.status == 400, f"{raw!r} with length {length!r}: expected 400, got {response.status}: {got!r}"
    assert not decisions_path(output).exists(), decisions_path(output).read_text()


def test_a_client_that_stops_mid_body_is_dropped_and_blocks_no_one(
    server: ReviewServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Handler.timeout is not None and Handler.timeout <= 60, f"requests wait {Handler.timeout} s for a body"
    monkeypatch.setattr(Handler, "timeout", 0.5)  # as the server does, but sooner
    host, port = server.server_address[:2]
    with socket.create_connection((str(host), int(port)), timeout=10) as stalled:
        head = f"POST /api/decisions HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
        stalled.sendall(f"{head}Content-Length: 100\r\n\r\n{{".encode())
        queue(server)  # another request is served meanwhile
        started = time.monotonic()
        leftover = stalled.recv(1000)
        assert time.monotonic() - started < 5, "the stalled connection was held open"
        assert b"200 OK" not in leftover, leftover


def test_reextraction_while_reviewing_puts_the_fact_back_as_stale(
    server: ReviewServer, output: Path, nlp: Language
) -> None:
    fact = next(f for f in queue(server) if "5,000" in f["text"])
    post = {"file": fact["file"], "id": fact["id"], "content_hash": fact["content_hash"], "decision": "accept"}
    expect(server, 200, "POST", "/api/decisions", post)
    source = output.parents[1] / "town.txt"
    source.write_text(ARTICLE.replace("5,000 inhabitants", "5,100 inhabitants"))
    save_extraction(run(read_source(source), nlp), output, source.read_text())
    facts = {f["id"]: f for f in queue(server)}
    assert facts[fact["id"]]["state"] == "stale" and facts[fact["id"]]["decision"] is None
    assert facts[fact["id"]]["previous"]["decision"] == "accept"
    expect(server, 409, "POST", "/api/decisions", post)  # the page's copy is out of date


def test_foreign_host_and_cross_origin_posts_are_refused(server: ReviewServer) -> None:
    expect(server, 403, "GET", "/api/facts", Host="evil.example:80")
    fact = queue(server)[0]
    post = {"file": fact["file"], "id": fact["id"], "content_hash": fact["content_hash"], "decision": "accept"}
    expect(server, 403, "POST", "/api/decisions", post, Origin="http://evil.example")


def test_report_is_self_contained_and_escapes_source_text(output: Path) -> None:
    html = render_report([load_reviewed(output)])
    assert "<script" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(" in html and "&lt;/script&gt;" in html and "&lt;b&gt;" in html
    assert "http://" not in html and "https://" not in html and "<link" not in html
    assert "default-src 'none'" in html
    assert "Footnotes no fact cites" not in html, "the one footnote is linked through its marker"


def test_report_and_summary_list_the_footnotes_placed_nowhere(tmp_path: Path, nlp: Language) -> None:
    source = tmp_path / "town.txt"
    source.write_text(ARTICLE.replace("visitors.[1]", "visitors.[1] A fair was held.[2]") + "^Unrelated almanac.\n")
    out = tmp_path / "out" / "town.json"
    save_extraction(run(read_source(source), nlp), out, source.read_text())
    reviewed = load_reviewed(out)
    assert reviewed.document.unplaced_footnotes() == [2], "no fact holds the sentence citing note 2"
    html = render_report([reviewed])
    assert "Footnotes no fact cites: 1" in html and "Unrelated almanac." in html
    summary = cli("review", str(out.parent), "--summary")
    assert summary.returncode == 0, f"review --summary exited {summary.returncode}: {summary.stderr}"
    assert "1 of 2" in summary.stdout, summary.stdout


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "citefacts", *args], capture_output=True, text=True, timeout=120)


def test_summary_and_report_commands(output: Path, tmp_path: Path) -> None:
    summary = cli("review", str(output.parent), "--summary")
    assert summary.returncode == 0, f"review --summary exited {summary.returncode}: {summary.stderr}"
    assert "town.json" in summary.stdout, summary.stdout
    report = cli("report", str(output), "--out", str(tmp_path / "report.html"))
    assert report.returncode == 0, f"report exited {report.returncode}: {report.stderr}"
    assert (tmp_path / "report.html").exists()


def test_corrupt_log_is_a_one_line_error(output: Path) -> None:
    decisions_path(output).write_text("{not json\n")
    result = cli("review", str(output), "--summary")
    assert result.returncode == 2, f"expected exit 2, got {result.returncode}: {result.stderr}"
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "line 1" in result.stderr


@pytest.mark.integration
def test_extract_prints_a_brief_diff_of_each_run(output: Path) -> None:
    source = output.parents[1] / "town.txt"
    source.write_text(ARTICLE.replace("5,000 inhabitants", "5,100 inhabitants"))
    result = cli("extract", str(source), "--out", str(output.parent))
    assert result.returncode == 0, f"extract exited {result.returncode}: {result.stderr}"
    assert "footnotes cited by a fact: 1 of 1" in result.stderr
    assert "0 new, 0 removed" in result.stderr and "changed: The town had 5,100 inhabitants" in result.stderr
    assert "Traceback" not in result.stderr and (output.parent / "town.diff.json").exists()


@pytest.mark.integration
def test_extract_leaves_an_unchanged_output_as_it_was(output: Path) -> None:
    source = output.parents[1] / "town.txt"
    diff = output.with_name("town.diff.json")
    before, diff_before = output.read_bytes(), diff.read_bytes()
    result = cli("extract", str(source), "--out", str(output.parent))
    assert result.returncode == 0, f"extract exited {result.returncode}: {result.stderr}"
    assert "unchanged: " in result.stderr
    assert output.read_bytes() == before and diff.read_bytes() == diff_before


def test_review_and_report_show_suggested_footnotes_as_unconfirmed(
    tmp_path: Path, seed_document: Document, seed_parsed: ParsedSource
) -> None:
    out = tmp_path / "seed.json"
    write_document(seed_document, out, seed_parsed.raw)
    reviewed = load_reviewed(out)
    fact = next(f for f in seed_document.facts if f.suggestions)
    view = fact_view(reviewed, fact)
    lead = fact.suggestions[0]
    note = next(n for n in seed_document.footnotes if n.number == lead.footnote)
    assert view["citations"] == [] and view["suggestions"][0]["text"] == note.text
    assert f"[{lead.footnote}]? {lead.probability:.0%}" in render_report([reviewed])


def broken_outputs(folder: Path, good: Path) -> dict[str, str]:
    """Beside a good output, files that do not load: each name with the words its warning must carry."""
    (folder / "malformed.json").write_text("{oops")
    (folder / "not-an-output.json").write_text('{"facts": []}')
    (folder / "unreadable.json").mkdir()  # read_bytes fails as a permission error would (tests may run as root)
    damaged = folder / "damaged-log.json"
    damaged.write_bytes(good.read_bytes())
    decisions_path(damaged).write_text("{not json\n")
    return {
        "malformed.json": "malformed JSON",
        "not-an-output.json": "Field required",
        "unreadable.json": "cannot read",
        "damaged-log.json": "damaged-log.decisions.jsonl:line 1",
    }


def warned_once_each(stderr: str, reasons: dict[str, str]) -> None:
    """One warning line per file that did not load, naming it and why, and nothing else amiss."""
    assert "Traceback" not in stderr and "error:" not in stderr, stderr
    warnings = [line for line in stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == len(reasons), stderr
    for name, reason in reasons.items():
        said = [line for line in warnings if f"/{name}" in line]
        assert len(said) == 1 and reason in said[0], f"{name}: expected one warning with {reason!r}:\n{stderr}"


def test_summary_and_report_skip_each_file_that_does_not_load_with_one_warning(output: Path, tmp_path: Path) -> None:
    reasons = broken_outputs(output.parent, output)
    summary = cli("review", str(output.parent), "--summary")
    assert summary.returncode == 0, f"review --summary exited {summary.returncode}: {summary.stderr}"
    assert "town.json" in summary.stdout and "malformed" not in summary.stdout, summary.stdout
    warned_once_each(summary.stderr, reasons)

    report = tmp_path / "report.html"
    result = cli("report", str(output.parent), "--out", str(report))
    assert result.returncode == 0, f"report exited {result.returncode}: {result.stderr}"
    warned_once_each(result.stderr, reasons)
    facts = len(load_reviewed(output).document.facts)
    assert f"({facts} facts)" in result.stderr and "2,000 visitors" in report.read_text(), result.stderr


def test_when_no_file_loads_review_and_report_stop_with_one_error(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "a.json").write_text("{oops")
    (folder / "b.json").write_text("{}")
    report = tmp_path / "report.html"
    commands = [("review", "--summary"), ("review", "--no-browser", "--port", "0"), ("report", "--out", str(report))]
    for command, *options in commands:
        result = subprocess.run(
            [sys.executable, "-m", "citefacts", command, str(folder), *options],
            capture_output=True,
            text=True,
            timeout=60,
        )
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 2, f"{command} {options}: exit {result.returncode}: {result.stderr}"
        assert [line.split(":")[0] for line in lines] == ["warning", "warning", "error"], result.stderr
        assert "Traceback" not in result.stderr and result.stdout == "", result.stdout
    assert not report.exists()

    (folder / "b.json").unlink()
    result = cli("review", str(folder), "--summary")  # a lone file that does not load: its own error, one line
    assert result.returncode == 2, f"exit {result.returncode}: {result.stderr}"
    assert result.stderr.startswith("error:") and "a.json" in result.stderr and "malformed JSON" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def http_expect(port: int, status: int, method: str, path: str, body: dict | None = None) -> bytes:
    """The body of a request to 127.0.0.1:port that must answer with this status, else a failure saying what came back."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    data = json.dumps(body).encode() if body is not None else None
    connection.request(method, path, body=data, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    got = response.read()
    connection.close()
    assert response.status == status, f"{method} {path}: expected {status}, got {response.status}: {got[:500]!r}"
    return got


@pytest.mark.integration
def test_review_serves_the_files_that_load_and_warns_of_the_others(output: Path) -> None:
    reasons = broken_outputs(output.parent, output)
    command = [sys.executable, "-m", "citefacts", "review", str(output.parent), "--no-browser", "--port", "0"]
    process = subprocess.Popen([*command, "--reviewer", "ann"], stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        said: list[str] = []
        reader = threading.Thread(target=lambda: said.extend(iter(process.stderr.readline, "")), daemon=True)
        reader.start()
        deadline = time.monotonic() + 60
        while not any(line.startswith("reviewing") for line in said):
            assert process.poll() is None, f"review exited {process.returncode}: {''.join(said)}"
            assert time.monotonic() < deadline, f"review did not start in 60 s: {''.join(said)}"
            time.sleep(0.1)
        started = next(line for line in said if line.startswith("reviewing"))
        assert started.startswith("reviewing 1 file(s) at http://127.0.0.1:"), started
        warned_once_each("".join(said), reasons)
        port = int(started.split("http://127.0.0.1:")[1].split("/")[0])
        facts = json.loads(http_expect(port, 200, "GET", "/api/facts"))["facts"]
        assert facts and {fact["file"] for fact in facts} == {"town.json"}, facts
        fact = facts[0]
        post = {"file": "town.json", "id": fact["id"], "content_hash": fact["content_hash"], "decision": "accept"}
        assert json.loads(http_expect(port, 200, "POST", "/api/decisions", post))["decision"]["decision"] == "accept"
        assert [d.decision for d in read_decisions(decisions_path(output))] == ["accept"]
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize(("port", "bound"), [("99999", "less than or equal to 65535"), ("65536", "65535"), ("-1", "0")])
def test_review_refuses_a_port_out_of_range_before_anything_starts(tmp_path: Path, port: str, bound: str) -> None:
    result = cli("review", str(tmp_path / "nowhere"), "--port", port, "--no-browser")
    assert result.returncode == 2, f"exit {result.returncode}: {result.stderr}"
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    assert "Invalid value for '--port'" in result.stderr and bound in result.stderr, result.stderr
    assert "no such file" not in result.stderr, "the port is checked before the files"


def test_review_on_a_port_in_use_is_one_line_naming_the_port(output: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("review", str(output), "--port", str(port), "--no-browser")
    assert result.returncode == 2, f"exit {result.returncode}: {result.stderr}"
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert f"127.0.0.1:{port}" in result.stderr and "in use" in result.stderr, result.stderr
