"""src/citefacts is the library: it never imports prefect; flows/ holds orchestration only."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).parents[1] / "src" / "citefacts"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_library_never_imports_prefect() -> None:
    offenders = [p.name for p in SRC.rglob("*.py") if any(m.split(".")[0] == "prefect" for m in imported_modules(p))]
    assert offenders == []
