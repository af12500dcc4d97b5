from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from citefacts.models import Document


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "citefacts", *args], capture_output=True, text=True, cwd=cwd)


def test_validate_accepts_a_good_file(tmp_path: Path, seed_document: Document) -> None:
    path = tmp_path / "good.json"
    path.write_text(seed_document.model_dump_json())
    result = run_cli("validate", str(path))
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stderr


@pytest.mark.parametrize(("content", "expected"), [("{oops", "malformed JSON"), ("{}", "source")])
def test_validate_rejects_with_one_line_and_exit_2(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    result = run_cli("validate", str(path))
    assert result.returncode == 2
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_extract_refuses_binary_input_before_starting_prefect(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02")
    result = run_cli("extract", str(path), "--out", str(tmp_path))
    assert result.returncode == 2 and "binary file" in result.stderr and "Traceback" not in result.stderr


def test_spans_follows_the_eval_format(tmp_path: Path) -> None:
    infile = tmp_path / "in.jsonl"
    infile.write_text(
        json.dumps({"id": "a", "text": "On 9 November 2020, 2,000 soldiers arrived.", "dct": None}) + "\n"
    )
    result = run_cli("spans", str(infile))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["id"] == "a"
    assert {"start", "end", "text", "type", "value"} <= set(record["timexes"][0])
    assert any(n["value"] == 2000.0 for n in record["numbers"])


def test_spans_reports_malformed_input_line(tmp_path: Path) -> None:
    infile = tmp_path / "in.jsonl"
    infile.write_text('{"id": "a", "text": "x"}\nnot json\n')
    result = run_cli("spans", str(infile))
    assert result.returncode == 2 and "line 2" in result.stderr


def test_validate_names_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_text("")
    result = run_cli("validate", str(path))
    assert result.returncode == 2 and "empty.json: file is empty" in result.stderr


def test_extract_refuses_an_empty_folder_and_an_out_file_before_starting(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    result = run_cli("extract", str(folder), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "no source files" in result.stderr
    (folder / "a.txt").write_text("Paris is big.\n^ Paris is big.\n")
    taken = tmp_path / "taken"
    taken.write_text("")
    result = run_cli("extract", str(folder), "--out", str(taken))
    assert result.returncode == 2 and "--out must be a folder" in result.stderr and "Traceback" not in result.stderr


def test_check_reports_a_wrong_field_before_loading_the_model(tmp_path: Path) -> None:
    infile = tmp_path / "in.jsonl"
    infile.write_text('{"id": "a", "claim": null, "evidence": "e"}\n')
    result = run_cli("check", str(infile))
    assert result.returncode == 2 and "line 1: field 'claim'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_version_names_the_pipeline_and_stage_versions() -> None:
    from citefacts import PIPELINE_VERSION

    result = run_cli("--version")
    assert result.returncode == 0
    assert f"pipeline {PIPELINE_VERSION}" in result.stdout and "linker" in result.stdout


def test_cli_and_its_prefect_defaults_load_no_prefect() -> None:
    code = "import sys, citefacts.cli; assert 'prefect' not in sys.modules, sorted(m for m in sys.modules if 'prefect' in m)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"importing the CLI loaded Prefect (exit {result.returncode}): {result.stderr}"


def test_prefect_defaults_never_override_a_value_already_set() -> None:
    from citefacts_flows import settings

    environ = {"PREFECT_LOGGING_LEVEL": "INFO"}
    settings.apply(environ)
    assert environ["PREFECT_LOGGING_LEVEL"] == "INFO"
    assert environ["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert environ.keys() == settings.PREFECT_DEFAULTS.keys()


@pytest.mark.parametrize("dct", ["1991-13-45", "March 1991"])
def test_spans_refuses_a_dct_that_is_not_an_iso_date_before_any_work(tmp_path: Path, dct: str) -> None:
    infile = tmp_path / "in.jsonl"
    lines = [{"id": "a", "text": "In 1990.", "dct": "1998-02-13T14:26:00"}, {"id": "b", "text": "Today.", "dct": dct}]
    infile.write_text("".join(json.dumps(line) + "\n" for line in lines))
    result = run_cli("spans", str(infile))
    assert result.returncode == 2, f"exit {result.returncode}: {result.stdout} {result.stderr}"
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "in.jsonl:line 2: field 'dct'" in result.stderr and repr(dct) in result.stderr, result.stderr
