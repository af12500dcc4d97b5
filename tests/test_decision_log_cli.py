"""`citefacts extract` over a decision log that a crash left with a partial last line: it works, it says so."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from citefacts.models import Document
from citefacts.review.store import decisions_path, partial_path, read_decisions

ARTICLE = """Small town
The town of Exampleville had 5,000 inhabitants in 1990 according to the census.
In March 2001 a flood destroyed 300 homes.
^"Census 1990". Example Office. 1991. The population of Exampleville was 5,000 in 1990.
^Smith, Ann (2002). "Floods". Daily News. The flood of March 2001 destroyed 300 homes in Exampleville.
"""


def extract(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "citefacts", "extract", str(source), "--out", str(out)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
@pytest.mark.integration
def test_extract_sets_aside_a_partial_last_line_and_runs(tmp_path: Path) -> None:
    source, out = tmp_path / "town.txt", tmp_path / "out"
    source.write_text(ARTICLE)
    assert extract(source, out).returncode == 0
    document = Document.model_validate_json((out / "town.json").read_text())
    log = decisions_path(out / "town.json")
    fact = document.facts[0]
    line = (
        f'{{"fact_id": "{fact.id}", "content_hash": "{fact.content_hash}", "decision": "accept", '
        '"reviewer": "ann", "at": "2026-01-01T00:00:00Z"}\n'
    )
    log.write_text(line + line[:45])  # the second append cut short by a crash
    source.write_text(ARTICLE.replace("300 homes.", "320 homes."))

    result = extract(source, out)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "partial last line" in result.stdout + result.stderr
    assert log.read_text().startswith(line) and read_decisions(log)[0].fact_id == fact.id
    assert partial_path(log).read_text() == line[:45] + "\n"
