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
