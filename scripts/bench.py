"""Benchmark: citefacts' whole pipeline against bare spaCy on the same text, as ratios.

Each side runs in its own process so peak memory is measured separately.
Usage: python scripts/bench.py [SOURCE] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

DEFAULT_SOURCE = Path("raw/nagorno-karabakh-conflict.txt")


def measure(side: str, source: Path, repeat: int) -> dict[str, float]:
    """Seconds per run (best of `repeat`, model loaded once) and peak RSS in MB of one side."""
    import spacy

    from citefacts.nlp import MODEL_NAME, load_model
    from citefacts.pipeline import run
    from citefacts.read import read_source

    parsed = read_source(source, require_footnotes=False)
    texts = [b.text for b in parsed.blocks] + [n.text for n in parsed.footnotes]
    nlp = spacy.load(MODEL_NAME) if side == "spacy" else load_model()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        if side == "spacy":
            for doc in nlp.pipe(texts):
                list(doc.ents)
        else:
            run(read_source(source, require_footnotes=False), nlp)
        times.append(time.perf_counter() - started)
    words = sum(len(text.split()) for text in texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": min(times), "words": words, "peak_mb": peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--side", choices=["spacy", "citefacts"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        sys.stdout.write(json.dumps(measure(args.side, args.source, args.repeat)))
        return
    results = {}
    for side in ("spacy", "citefacts"):
        command = [sys.executable, __file__, str(args.source), "--repeat", str(args.repeat), "--side", side]
        results[side] = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    spacy_side, ours = results["spacy"], results["citefacts"]
    table = Table(title=f"bench on {args.source} ({spacy_side['words']:,} words, best of {args.repeat})")
    for column in ("", "bare spaCy", "citefacts", "ratio"):
        table.add_column(column)
    table.add_row(
        "seconds",
        f"{spacy_side['seconds']:.2f}",
        f"{ours['seconds']:.2f}",
        f"{ours['seconds'] / spacy_side['seconds']:.2f}x",
    )
    table.add_row(
        "words/s",
        f"{spacy_side['words'] / spacy_side['seconds']:,.0f}",
        f"{ours['words'] / ours['seconds']:,.0f}",
        "",
    )
    table.add_row(
        "peak MB",
        f"{spacy_side['peak_mb']:.0f}",
        f"{ours['peak_mb']:.0f}",
        f"{ours['peak_mb'] / spacy_side['peak_mb']:.2f}x",
    )
    Console().print(table)


if __name__ == "__main__":
    main()
