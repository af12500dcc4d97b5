"""Score a gold set's two halves apart, so a rule change studied on one half is measured on the other.

A case belongs to half A when crc32 of its id is even, B when odd (the README's split: rules are studied on
A, and B is the cross-fitted figure). Each subcommand runs the flow's own ``citefacts spans`` once over the
whole set, writes each half's gold lines to a temporary file and scores it with the set's own scorer.

Usage:
  python scripts/crossfit.py numbers [--eval-dir ../shared/eval] [--misses A|B] [--kinds number,range]
``--misses`` prints the studied half's failed gold spans with what was predicted over them.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any

HALVES = ("A", "B")
KINDS = ("number", "range", "percent", "currency", "dimension", "ordinal")


def say(line: str) -> None:
    """One line to standard output (library code logs; this script reports)."""
    sys.stdout.write(line + "\n")


def half_of(case_id: str) -> str:
    """A for an even crc32 of the case id, B for an odd one."""
    return "A" if zlib.crc32(case_id.encode("utf-8")) % 2 == 0 else "B"


def spans(gold: Path, pred: Path) -> None:
    """Run ``citefacts spans`` over every case of a gold file."""
    with pred.open("w") as out:
        subprocess.run([sys.executable, "-m", "citefacts", "spans", str(gold)], stdout=out, check=True)


def score(scorer: Path, gold: Path, pred: Path) -> dict[str, Any]:
    """The set's scorer's JSON result on one gold file."""
    result = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred), "--json"], capture_output=True, text=True, check=True
    )
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


def split(gold: Path, folder: Path) -> dict[str, Path]:
    """Write each half's gold lines to its own file in ``folder``."""
    paths = {half: folder / f"{gold.stem}.{half}.jsonl" for half in HALVES}
    lines: dict[str, list[str]] = {half: [] for half in HALVES}
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            lines[half_of(json.loads(line)["id"])].append(line)
    for half, path in paths.items():
        path.write_text("\n".join(lines[half]) + "\n", encoding="utf-8")
    return paths


def _agrees(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """The scorer's test: overlapping spans with the same value, or the same ends for a range."""
    if max(gold["start"], pred["start"]) >= min(gold["end_excl"], pred["end"]):
        return False

    def close(a: float | None, b: float | None) -> bool:
        if a is None or b is None:
            return a is None and b is None
        return abs(float(a) - float(b)) <= max(1e-9, 1e-6 * max(abs(float(a)), abs(float(b))))

    if gold.get("low") is not None or gold.get("high") is not None:
        return close(gold.get("low"), pred.get("low")) and close(gold.get("high"), pred.get("high"))
    return gold.get("value") is not None and pred.get("value") is not None and close(gold["value"], pred["value"])


def misses(gold: Path, pred: Path, kinds: set[str]) -> list[str]:
    """One line per gold span of the given kinds no prediction agrees with, and per spurious prediction."""
    predicted = {}
    for line in pred.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            predicted[record["id"]] = record.get("numbers") or []
    report = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["kind"] not in kinds:
            continue
        found = predicted.get(case["id"], [])
        shown = [(p["text"], p.get("value"), p.get("low"), p.get("high")) for p in found]
        golds = [g for g in case["gold"] if any(g.get(k) is not None for k in ("value", "low", "high"))]
        if not golds and found:
            report.append(f"{case['id']}\tSPURIOUS\t{case['input']!r}\t{shown}")
        for g in golds:
            if not any(_agrees(g, p) for p in found):
                want = (g["text"], g.get("value"), g.get("low"), g.get("high"))
                report.append(f"{case['id']}\t{want}\t{case['input']!r}\t{shown}")
    return report


def numbers(args: argparse.Namespace) -> None:
    """Recognizers-Text dev, value recall per kind on each half."""
    root: Path = args.eval_dir / "numbers"
    gold = root / "recognizers_dev.jsonl"
    with tempfile.TemporaryDirectory() as folder:
        pred = Path(folder) / "pred.jsonl"
        spans(gold, pred)
        halves = split(gold, Path(folder))
        results = {half: score(root / "score.py", path, pred) for half, path in halves.items()}
        results["all"] = score(root / "score.py", gold, pred)
        say(f"{'kind':<10}" + "".join(f"{name:>16}" for name in (*HALVES, "all")))
        for kind in KINDS:
            row = f"{kind:<10}"
            for name in (*HALVES, "all"):
                figures = results[name].get(kind, {})
                recall = figures.get("recall")
                row += f"{'-' if recall is None else f'{recall:.3f}':>9} ({figures.get('gold', 0):>3})  "
            say(row)
        row = f"{'spurious':<10}"
        for name in (*HALVES, "all"):
            row += f"{results[name].get('number', {}).get('spurious_in_empty_cases', 0):>16}"
        say(row)
        if args.misses:
            say(f"\nmisses on half {args.misses}:")
            for line in misses(halves[args.misses], pred, set(args.kinds.split(","))):
                say(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    number_parser = commands.add_parser("numbers", help="Recognizers-Text dev: value recall per kind on each half")
    number_parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    number_parser.add_argument("--misses", choices=HALVES, help="list this half's misses")
    number_parser.add_argument("--kinds", default=",".join(KINDS), help="kinds whose misses to list")
    number_parser.set_defaults(run=numbers)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
