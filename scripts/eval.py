"""Score citefacts on the shared development gold sets, with their own scorers, in one table.

Usage: python scripts/eval.py [--eval-dir ../shared/eval] [--only dates,numbers,links,checks,entities]
Predictions come from the same ``citefacts spans|link|check`` commands a user runs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

WORK = Path(".eval")


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
    return json.loads(result.stdout)


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
    parser.add_argument("--only", default="dates,numbers,links,checks,entities")
    args = parser.parse_args()
    root: Path = args.eval_dir
    if not root.is_dir():
        sys.exit(f"error: {root}: no such eval folder (pass --eval-dir or EVAL=...)")
    only = set(args.only.split(","))
    WORK.mkdir(exist_ok=True)
    table = Table(title="citefacts on the shared development sets")
    for column in ("set", "measure", "value", "target"):
        table.add_column(column)

    if "dates" in only:
        for name in ("wikiwars_dev", "timebank", "aquaint"):
            pred = WORK / f"{name}.pred.jsonl"
            seconds = run_cli("spans", root / "dates" / f"{name}.jsonl", pred)
            result = score(root / "dates" / "score.py", root / "dates" / f"{name}.jsonl", pred)
            wiki = name == "wikiwars_dev"
            table.add_row(name, "strict F1", f"{result['strict']['F1']:.3f}", ">= 0.85" if wiki else "")
            table.add_row(name, "relaxed F1", f"{result['relaxed']['F1']:.3f}", ">= 0.93" if wiki else "")
            table.add_row(name, "value F1", f"{result['value_F1']:.3f}", ">= 0.80" if wiki else ">= 0.75")
            table.add_row(name, "seconds", f"{seconds:.0f}", "")

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
            result = score(root / "numbers" / "score.py", gold, pred)
            for kind, figures in sorted(result.items()):
                if not isinstance(figures, dict) or "recall" not in figures:
                    continue
                target = targets.get(kind, "") if name == "recognizers_dev" else ""
                recall = figures["recall"]
                table.add_row(name, f"{kind} value recall", "n/a" if recall is None else f"{recall:.3f}", target)
                if figures.get("empty_cases"):
                    table.add_row(name, f"{kind} spurious in empty", str(figures["spurious_in_empty_cases"]), "falling")

    if "links" in only:
        gold = root / "cite" / "wikitext_dev.jsonl"
        pred = WORK / "wikitext_dev.links.jsonl"
        run_cli("link", gold, pred)
        result = score(root / "cite" / "score_links.py", gold, pred)
        for key in ("precision", "recall", "f1"):
            value = result.get(key)
            target = {"precision": ">= 0.80", "recall": ">= 0.40"}.get(key, "")
            table.add_row("wikitext_dev", f"link {key}", "n/a" if value is None else f"{value:.3f}", target)
        for k in (1, 3, 5):
            value = result.get(f"coverage@{k}")
            table.add_row("wikitext_dev", f"candidates coverage@{k}", "n/a" if value is None else f"{value:.3f}", "")

    if "checks" in only:
        gold = root / "cite" / "vitaminc_numeric_dev.jsonl"
        pred = WORK / "vitaminc.checks.jsonl"
        run_cli("check", gold, pred)
        result = score(root / "cite" / "score_check.py", gold, pred)
        table.add_row("vitaminc_dev", "accuracy", f"{result['accuracy']:.3f}", "")
        table.add_row("vitaminc_dev", "macro F1", f"{result['macro_f1']:.3f}", ">= 0.65")
        for verdict in ("supported", "contradicted", "not_found"):
            figures = result[verdict]
            target = {"precision": ">= 0.80", "recall": ">= 0.50"} if verdict == "contradicted" else {}
            for key in ("precision", "recall"):
                table.add_row("vitaminc_dev", f"{verdict} {key}", f"{figures[key]:.3f}", target.get(key, ""))
    if "entities" in only:
        entity_rows(root, table)
    Console().print(table)


def entity_rows(root: Path, table: Table) -> None:
    """wikigold (named entities): F1 per CoNLL type and over PER/ORG/LOC, from ``citefacts spans``."""
    gold = root / "entities" / "wikigold_dev.jsonl"
    pred = WORK / "wikigold_dev.entities.jsonl"
    run_cli("spans", gold, pred)
    result = score(root / "entities" / "score.py", gold, pred)
    for kind in ("PER", "ORG", "LOC", "MISC", "PER_ORG_LOC", "all"):
        target = ">= 0.65" if kind == "PER_ORG_LOC" else ""
        table.add_row("wikigold_dev", f"{kind} F1", f"{result[kind]['f1']:.3f}", target)


if __name__ == "__main__":
    main()
