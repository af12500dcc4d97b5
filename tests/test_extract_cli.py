"""``citefacts extract`` checks every input and place before any work, and says what went wrong in one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = """Small town
The town of Exampleville had 5,000 inhabitants in 1990 according to the census.
^"Census 1990". Example Office. 1991. The population of Exampleville was 5,000 in 1990.
"""


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "citefacts", *args], capture_output=True, text=True, timeout=300)


def one_line_error(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert all(piece in lines[0] for piece in expected), lines[0]


def test_an_unwritable_output_folder_is_one_line_before_any_work(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE)
    result = run_cli("extract", str(source), "--out", "/proc/citefacts-out")
    one_line_error(result, "/proc/citefacts-out", "--out is not a folder citefacts can write to")


def test_a_source_of_footnotes_only_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text('^"Census 1990". Example Office.\n^Another note.\n')
    result = run_cli("extract", str(source), "--out", str(tmp_path / "out"))
    one_line_error(result, "notes.txt", "no body text")
    assert not (tmp_path / "out" / "notes.json").exists()


def test_a_damaged_decision_log_stops_the_run_before_any_work(tmp_path: Path) -> None:
    source, out = tmp_path / "a.txt", tmp_path / "out"
    source.write_text(ARTICLE)
    out.mkdir()
    (out / "a.decisions.jsonl").write_text('{"not": "a decision"}\n{"fact_id": "f1"}\n')
    result = run_cli("extract", str(source), "--out", str(out))
    one_line_error(result, "a.decisions.jsonl", "line 1")
    assert not (out / "a.json").exists()


@pytest.mark.integration
def test_an_output_folder_among_the_sources_is_never_read_as_sources(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    first = run_cli("extract", str(tmp_path), "--out", str(tmp_path))
    second = run_cli("extract", str(tmp_path), "--out", str(tmp_path))
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "unchanged" in second.stderr and "a.json" in second.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.diff.json", "a.json", "a.txt"]


@pytest.mark.integration
def test_a_temporary_file_a_killed_run_left_is_cleared(tmp_path: Path) -> None:
    source, out = tmp_path / "a.txt", tmp_path / "out"
    source.write_text(ARTICLE)
    out.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftover = out / f".a.json.pid{dead.stdout.strip()}.x1y2.tmp"
    leftover.write_text('{"half": ')
    result = run_cli("extract", str(source), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert not leftover.exists() and (out / "a.json").exists()


@pytest.mark.integration
def test_one_bad_source_is_reported_and_the_others_written(tmp_path: Path) -> None:
    sources, out = tmp_path / "sources", tmp_path / "out"
    sources.mkdir()
    (sources / "a.txt").write_text(ARTICLE)
    (sources / "b.txt").write_bytes(b"\x00\x01binary")
    (sources / "c.txt").write_text(ARTICLE.replace("Exampleville", "Othertown"))
    result = run_cli("extract", str(sources), "--out", str(out))
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "b.txt" in errors[0] and "binary file" in errors[0], result.stderr
    assert "1 of 3 source(s) failed" in result.stderr and "Traceback" not in result.stderr
    assert (out / "a.json").exists() and (out / "c.json").exists() and not (out / "b.json").exists()


def test_an_unexpected_error_is_one_line_and_its_traceback_needs_debug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from citefacts import cli

    def broken() -> None:
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(cli, "app", broken)
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert "RuntimeError: something nobody foresaw" in err and "--debug" in err and "Traceback" not in err
    monkeypatch.setattr(cli, "_debug", True)
    with pytest.raises(RuntimeError):
        cli.main()
