"""The simulated reviewer of issue 13: gold placements replayed through the linker's placement API, cross-fitted.

``python scripts/simulate_reviewer.py GOLD.jsonl [--orders number,confident,unsure] [--workers 2]`` reads the
articles with their stripped markers (the shared ``cite/`` gold, first citations as ``fit_linker`` reads them),
fits the linker (weights and calibration, ``fit_linker``) on one crc32 half and, on the other, serves the footnotes
no automatic link cites, as the review page's placement queue does, to a reviewer who presses the right
candidate's key, 0 for a footnote cited nowhere in the body, or searches (``citefacts.eval.reviewer``); every
answer is confirmed before the next footnote is shown (``Placements.confirm``). It prints, per half and pooled:
key presses per placed footnote, the share of placeable footnotes whose right sentence was shown among the top
3 / 5 candidates (the right sentence: the footnote's first citation; beside it, any sentence citing it), and the
automatic links' precision and recall at the shipped threshold with nothing confirmed. ``--every`` serves every
footnote, the automatically linked ones too (a reviewer confirming them as well).

The analysed articles, the fits and the figures are cached under ``.eval/``, keyed by the gold file and the code
they depend on: the replay re-aligns an article once per footnote (about 400 s of CPU for number order), so a
first run takes minutes and a repeated one a second.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import fit_linker as fit

from citefacts.eval.reviewer import ORDERS, Order, Tally, automatic, replay, replay_positions, served
from citefacts.link.place import Placements, placed, weigh
from citefacts.versions import PIPELINE_VERSION

WORK = Path(".eval")
HERE = Path(__file__).resolve().parent
FIT_SOURCES = [HERE / "fit_linker.py", *sorted((HERE.parent / "src" / "citefacts" / "link").glob("*.py"))]
"""The code the linker's fits depend on, beside the gold and the analysed articles."""
SOURCES = [*FIT_SOURCES, Path(__file__).resolve(), HERE.parent / "src" / "citefacts" / "eval" / "reviewer.py"]
"""The code the figures depend on: a change in any of it re-runs the replay."""
CHUNK = 80
"""Queue positions per task of a number-order replay (a long article's replay is shared among the workers)."""
Fit = tuple[dict[str, float], tuple[float, float]]
Task = tuple[str, int, Order, int, int]
"""(half, article index in that half, order, first and last queue position + 1; -1 for the whole queue)."""

_ARTICLES: dict[str, list[fit.GoldArticle]] = {}
_FITS: dict[str, Fit] = {}
_EVERY: list[bool] = [False]
"""What the tasks read: set before the worker processes fork."""


def digest(*parts: bytes) -> str:
    """A short hash of the inputs a cached file was made from."""
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(hashlib.sha256(part).digest())
    return hashed.hexdigest()[:16]


def analysed(gold: Path) -> list[fit.GoldArticle]:
    """The gold articles through the pipeline's analysis, cached by the gold's content and the pipeline version."""
    key = digest(gold.read_bytes(), PIPELINE_VERSION.encode())
    WORK.mkdir(exist_ok=True)
    return fit.load_articles(gold, WORK / f"{gold.stem}.analysed.{key}.pkl")


def fit_other(half: str) -> tuple[str, Fit]:
    """The linker fitted on the other half than `half` (weights, and calibration on that half's own cross-fit)."""
    train = _ARTICLES["even" if half == "odd" else "odd"]
    return half, (fit.fit_weights(train), fit.fit_calibration(fit.crossfit_placements(train)))


def fits(gold: Path, workers: int) -> dict[str, Fit]:
    """The linker fitted for each half on the other (``fit_other``, both at once), cached."""
    key = digest(gold.read_bytes(), PIPELINE_VERSION.encode(), *(path.read_bytes() for path in FIT_SOURCES))
    path = WORK / f"reviewer.fits.{key}.json"
    if path.exists():
        stored = json.loads(path.read_text())
        return {half: (weights, (slope, intercept)) for half, (weights, (slope, intercept)) in stored.items()}
    with multiprocessing.get_context("fork").Pool(min(workers, 2)) as pool:
        fitted = dict(pool.map(fit_other, ["odd", "even"]))
    path.write_text(json.dumps(fitted))
    return fitted


def base(half: str, index: int) -> tuple[fit.GoldArticle, Placements]:
    """An article of the half placed by the linker fitted on the other half, nothing confirmed."""
    article = _ARTICLES[half][index]
    notes = sorted(article.footnotes, key=lambda note: note.number)
    return article, placed(weigh(article.sentences, notes, _FITS[half][0]))


def run_task(task: Task) -> tuple[str, Order, Tally]:
    """One share of a replay: an article's whole queue in a confident order, or a slice of its number order (the
    first slice also counts the automatic links)."""
    half, index, order, start, end = task
    article, placements = base(half, index)
    calibration = _FITS[half][1]
    queue = placements.numbers if _EVERY[0] else served(placements, calibration)
    gold = {note.number: article.first.get(note.number) for note in article.footnotes}
    cited = {number: {index for index, other in article.pairs if other == number} for number in gold}
    if end < 0:
        tally = replay(placements, queue, gold, order, calibration, cited)
    else:
        positions = range(start, min(end, len(queue)))
        tally = replay_positions(placements, queue, gold, positions, calibration, cited)
    if start == 0:
        links = automatic(placements, calibration)
        tally.kept, tally.right = len(links), len(links & article.pairs)
        tally.gold_pairs = len(article.pairs)
    return half, order, tally


def tasks(orders: list[Order]) -> Iterator[Task]:
    """Every share of every replay, the costliest first (footnotes squared times sentences squared)."""
    listed: list[tuple[int, Task]] = []
    for half, articles in _ARTICLES.items():
        for index, article in enumerate(articles):
            cost = len(article.footnotes) ** 2 * len(article.sentences) ** 2
            for order in orders:
                if order == "number":
                    for start in range(0, max(len(article.footnotes), 1), CHUNK):
                        listed.append((cost, (half, index, order, start, start + CHUNK)))
                else:
                    listed.append((cost * 2, (half, index, order, 0, -1)))
    yield from (task for _, task in sorted(listed, key=lambda pair: -pair[0]))


def simulate(
    gold: Path, orders: list[Order], workers: int = 2, every: bool = False
) -> dict[Order, dict[str, dict[str, float | None]]]:
    """Per order, the figures on the whole set (both halves, each scored with the other's fit) and on each half.
    The queue serves the footnotes no automatic link cites, as the review page does; with `every`, all of them."""
    articles = analysed(gold)
    key = digest(gold.read_bytes(), PIPELINE_VERSION.encode(), *(path.read_bytes() for path in SOURCES))
    path = WORK / f"reviewer.{key}{'.every' if every else ''}.json"
    stored: dict[str, dict[str, dict[str, int]]] = json.loads(path.read_text()) if path.exists() else {}
    missing = [order for order in orders if order not in stored]
    if missing:
        odd, even = fit.halves(articles)
        _ARTICLES.update(odd=odd, even=even)
        _EVERY[0] = every
        _FITS.update(fits(gold, workers))
        totals = {order: {half: Tally() for half in _ARTICLES} for order in missing}
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for half, order, tally in pool.imap_unordered(run_task, tasks(missing)):
                totals[order][half] = totals[order][half].merge(tally)
        stored.update({order: {half: asdict(t) for half, t in by_half.items()} for order, by_half in totals.items()})
        path.write_text(json.dumps(stored))
    results: dict[Order, dict[str, dict[str, float | None]]] = {}
    for order in orders:
        halves = {half: Tally(**counts) for half, counts in stored[order].items()}
        whole = halves["odd"].merge(halves["even"])
        results[order] = {"all": whole.figures(), **{half: t.figures() for half, t in halves.items()}}
    return results


def main(argv: list[str] | None = None) -> None:
    """Print the figures per order: whole set, even half, odd half (each half scored with the other's fit)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--orders", default="number", help=f"comma-separated, of {', '.join(ORDERS)}")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--every", action="store_true", help="serve every footnote, the automatically linked too")
    args = parser.parse_args(argv)
    orders: list[Order] = [order for order in ORDERS if order in args.orders.split(",")]
    results = simulate(args.gold, orders, args.workers, args.every)
    for order, by_half in results.items():
        for half in ("all", "even", "odd"):
            figures: dict[str, Any] = by_half[half]
            print(  # noqa: T201 (a script's report)
                f"{order:9} {half:4}: presses/footnote {figures['presses']:.3f}, right sentence shown top-3"
                f" {figures['top3']:.3f} top-5 {figures['top5']:.3f} (any citing sentence: {figures['cited_top3']:.3f} /"
                f" {figures['cited_top5']:.3f}), searched {figures['searched']:.3f},"
                f" links P {figures['precision']:.3f} R {figures['recall']:.3f} ({figures['served']} footnotes served)"
            )


if __name__ == "__main__":
    main()
