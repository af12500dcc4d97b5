"""Score citefacts on the shared development gold sets, with their own scorers, in one table.

Usage: python scripts/eval.py [--eval-dir ../shared/eval] [--only dates,numbers,links,checks,entities,reviewer]
Predictions come from the same ``citefacts spans|link|check`` commands a user runs. Every figure is given on
the whole set and on its two halves (crc32 of the case id even: the half rules were studied on; odd: the
held-out half, the cross-fitted figure), so a gain that exists only on the studied half shows. The simulated
reviewer's rows (``scripts/simulate_reviewer.py``) are cross-fitted on both halves: each half is scored with the
linker fitted on the other, and the whole set pools the two.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from simulate_reviewer import simulate

from citefacts.eval.reviewer import SEARCH_PRESSES

WORK = Path(".eval")
HALVES = ("even", "odd")
Scorer = Callable[[Path, Path], dict[str, Any]]


def run_cli(command: str, infile: Path, outfile: Path) -> float:
    """Run one citefacts eval command; returns its wall time in seconds."""
    started = time.perf_counter()
    with outfile.open("w") as out:
        subprocess.run([sys.executable, "-m", "citefacts", command, str(infile)], stdout=out, check=True)
    return time.perf_counter() - started


def score(scorer: Path, gold: Path, pred: Path, *extra: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred), "--json", *extra],
        capture_output=True,
        text=True,
        check=True,
    )
    scores: dict[str, Any] = json.loads(result.stdout)
    return scores


def half_of(case_id: str) -> str:
    """The half a case belongs to: ``even`` or ``odd`` crc32 of its id."""
    return HALVES[zlib.crc32(case_id.encode("utf-8")) % 2]


def case_id(line: dict[str, Any]) -> str:
    """A gold or predicted line's id, whichever key its set uses."""
    for key in ("id", "doc_id", "title"):
        if isinstance(line.get(key), str):
            return str(line[key])
    raise ValueError(f"a line without an id: {sorted(line)[:5]}")


def split(path: Path, half: str) -> Path:
    """The lines of a JSON-lines file that belong to one half, written beside it."""
    target = WORK / f"{path.stem}.{half}{path.suffix}"
    with path.open() as source, target.open("w") as out:
        for line in source:
            if line.strip() and half_of(case_id(json.loads(line))) == half:
                out.write(line)
    return target


def score_halves(scorer: Path, gold: Path, pred: Path, *extra: str) -> dict[str, dict[str, Any]]:
    """The scorer's figures on the whole set and on each half: ``{"all": ..., "even": ..., "odd": ...}``."""
    results = {"all": score(scorer, gold, pred, *extra)}
    for half in HALVES:
        results[half] = score(scorer, split(gold, half), split(pred, half), *extra)
    return results


def figures(results: dict[str, dict[str, Any]], pick: Callable[[dict[str, Any]], Any], digits: int = 3) -> list[str]:
    """One measure on the whole set, the studied half and the held-out half, formatted for the table."""
    cells = []
    for key in ("all", *HALVES):
        value = pick(results[key])
        cells.append("n/a" if value is None else (f"{value:.{digits}f}" if isinstance(value, float) else str(value)))
    return cells


def quantulum_gold(source: Path, target: Path) -> None:
    """quantulum3's cases as Recognizers-style gold lines (kind: dimension)."""
    with target.open("w") as out:
        for number, case in enumerate(json.loads(source.read_text())):
            text, gold, position = case["req"], [], 0
            for item in case["res"]:
                start = text.find(item["surface"], position)
                if start < 0 or not isinstance(item.get("value"), int | float):
                    continue
                end = start + len(item["surface"])
                position = end
                gold.append(
                    {
                        "start": start,
                        "end_excl": end,
                        "text": item["surface"],
                        "value": item["value"],
                        "unit": item.get("unit"),
                    }
                )
            out.write(json.dumps({"id": f"q{number}", "kind": "dimension", "input": text, "gold": gold}) + "\n")


def number_parser_gold(source: Path, target: Path) -> None:
    """number-parser's English word cases as gold lines (kind: number)."""
    with target.open("w") as out:
        for number, case in enumerate(json.loads(source.read_text())):
            expected = case.get("expected")
            if not isinstance(expected, int | float) or isinstance(expected, bool):
                continue
            text = case["input"]
            gold = [{"start": 0, "end_excl": len(text), "text": text, "value": expected}]
            out.write(json.dumps({"id": f"np{number}", "kind": "number", "input": text, "gold": gold}) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--only", default="dates,numbers,links,checks,entities,reviewer")
    args = parser.parse_args()
    root: Path = args.eval_dir
    if not root.is_dir():
        sys.exit(f"error: {root}: no such eval folder (pass --eval-dir or EVAL=...)")
    only = set(args.only.split(","))
    WORK.mkdir(exist_ok=True)
    table = Table(title="citefacts on the shared development sets")
    for column in ("set", "measure", "whole set", "studied half", "held-out half", "target"):
        table.add_column(column)

    if "dates" in only:
        for name in ("wikiwars_dev", "timebank", "aquaint"):
            pred = WORK / f"{name}.pred.jsonl"
            seconds = run_cli("spans", root / "dates" / f"{name}.jsonl", pred)
            result = score_halves(root / "dates" / "score.py", root / "dates" / f"{name}.jsonl", pred)
            wiki = name == "wikiwars_dev"
            table.add_row(name, "strict F1", *figures(result, lambda r: r["strict"]["F1"]), ">= 0.85" if wiki else "")
            table.add_row(name, "relaxed F1", *figures(result, lambda r: r["relaxed"]["F1"]), ">= 0.93" if wiki else "")
            table.add_row(name, "value F1", *figures(result, lambda r: r["value_F1"]), ">= 0.80" if wiki else ">= 0.75")
            table.add_row(name, "seconds", f"{seconds:.0f}", "", "", "")

    if "numbers" in only:
        quantulum_gold(root / "numbers" / "quantulum3_quantities.json", WORK / "quantulum3.gold.jsonl")
        number_parser_gold(root / "numbers" / "number_parser_en_cases.json", WORK / "number_parser.gold.jsonl")
        sets = {
            "recognizers_dev": root / "numbers" / "recognizers_dev.jsonl",
            "quantulum3": WORK / "quantulum3.gold.jsonl",
            "number_parser": WORK / "number_parser.gold.jsonl",
        }
        targets = {
            "number": ">= 0.90",
            "range": ">= 0.90",
            "percent": ">= 0.90",
            "currency": ">= 0.90",
            "dimension": ">= 0.80",
        }
        for name, gold in sets.items():
            pred = WORK / f"{name}.pred.jsonl"
            run_cli("spans", gold, pred)
            result = score_halves(root / "numbers" / "score.py", gold, pred)
            for kind, found in sorted(result["all"].items()):
                if not isinstance(found, dict) or "recall" not in found:
                    continue
                target = targets.get(kind, "") if name == "recognizers_dev" else ""
                table.add_row(name, f"{kind} value recall", *figures(result, at(kind, "recall")), target)
                if found.get("empty_cases"):
                    spurious = figures(result, at(kind, "spurious_in_empty_cases"))
                    table.add_row(name, f"{kind} spurious in empty", *spurious, "falling")

    if "links" in only:
        gold = root / "cite" / "wikitext_dev.jsonl"
        pred = WORK / "wikitext_dev.links.jsonl"
        run_cli("link", gold, pred)
        result = score_halves(root / "cite" / "score_links.py", gold, pred)
        for key in ("precision", "recall", "f1"):
            target = {"precision": ">= 0.85", "recall": ">= 0.40"}.get(key, "")
            table.add_row("wikitext_dev", f"link {key}", *figures(result, at(key)), target)
        for k in (1, 3, 5):
            cells = figures(result, at(f"coverage@{k}"))
            table.add_row("wikitext_dev", f"candidates coverage@{k}", *cells, "")

    if "checks" in only:
        gold = root / "cite" / "vitaminc_numeric_dev.jsonl"
        pred = WORK / "vitaminc.checks.jsonl"
        run_cli("check", gold, pred)
        result = score_halves(root / "cite" / "score_check.py", gold, pred)
        table.add_row("vitaminc_dev", "accuracy", *figures(result, lambda r: r["accuracy"]), "")
        table.add_row("vitaminc_dev", "macro F1", *figures(result, lambda r: r["macro_f1"]), ">= 0.75")
        for verdict in ("supported", "contradicted", "not_found"):
            wanted = {"precision": ">= 0.85", "recall": ">= 0.70"} if verdict == "contradicted" else {}
            for key in ("precision", "recall"):
                cells = figures(result, at(verdict, key))
                table.add_row("vitaminc_dev", f"{verdict} {key}", *cells, wanted.get(key, ""))
    if "entities" in only:
        entity_rows(root, table)
    if "reviewer" in only:
        reviewer_rows(root, table)
    table.caption = (
        "studied half: crc32 of the case id even; held-out half: odd. The linker's weights are fitted on all"
        " dev articles; `python scripts/fit_linker.py GOLD.jsonl` fits on each half and scores the other."
        " The simulated reviewer's rows are cross-fitted: each half scored with the linker fitted on the other"
        f" (whole set: both pooled); a search ('/') counts {SEARCH_PRESSES} key presses."
    )
    Console(width=130).print(table)


def entity_rows(root: Path, table: Table) -> None:
    """wikigold (named entities): F1 per CoNLL type and over PER/ORG/LOC, from ``citefacts spans``."""
    gold = root / "entities" / "wikigold_dev.jsonl"
    pred = WORK / "wikigold_dev.entities.jsonl"
    run_cli("spans", gold, pred)
    result = score_halves(root / "entities" / "score.py", gold, pred)
    for kind in ("PER", "ORG", "LOC", "MISC", "PER_ORG_LOC", "all"):
        target = ">= 0.65" if kind == "PER_ORG_LOC" else ""
        table.add_row("wikigold_dev", f"{kind} F1", *figures(result, at(kind, "f1")), target)


def reviewer_rows(root: Path, table: Table) -> None:
    """The simulated reviewer placing the footnotes the review page serves (number order), cross-fitted: key
    presses per placed footnote, the right sentence among the candidates shown, and the automatic links."""
    result: dict[str, dict[str, Any]] = dict(simulate(root / "cite" / "wikitext_dev.jsonl", ["number"])["number"])
    rows = (
        ("presses per footnote", "presses", "<= 1.3"),
        ("right sentence shown top-3", "top3", ">= 0.80"),
        ("right sentence shown top-5", "top5", ""),
        ("links precision, nothing confirmed", "precision", ">= 0.85"),
        ("links recall, nothing confirmed", "recall", ">= 0.12"),
    )
    for name, key, target in rows:
        table.add_row("wikitext_dev", f"simulated reviewer: {name}", *figures(result, at(key)), target)


def at(*keys: str) -> Callable[[dict[str, Any]], Any]:
    """A measure for ``figures``: the value at these keys of a half's result (None where the half has none, as a
    number kind the half has no case of)."""

    def pick(result: dict[str, Any]) -> Any:
        value: Any = result
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    return pick


if __name__ == "__main__":
    main()
