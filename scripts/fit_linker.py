"""How the linker's few parameters were fitted, so that anyone can refit and check them.

``python scripts/fit_linker.py GOLD.jsonl [--cache analysed.pkl]`` reads articles with their stripped
markers (the shared ``cite/`` gold), fits the evidence weights as a conditional random field over the
gold first citations (the alignment's own likelihood, so the weights come out in the units the
alignment needs), then the Platt calibration on placements cross-fitted within the articles fitted on
(``fit_linker``). It makes that fit on each half of the articles (crc32 of the title, odd / even) and
scores it on the other half at the shipped threshold and at the threshold the fitted half's cross-fitted
placements need for ``--precision`` (a threshold chosen by cross-fit), then makes it on all of them: what ships. Twelve
weights and two calibration numbers: nothing per article.
"""

from __future__ import annotations

import argparse
import bisect
import json
import logging
import pickle
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from citefacts.link import (
    ELSEWHERE,
    SAME_SENTENCE,
    THRESHOLD,
    calibrate,
    features,
    first_citations,
)
from citefacts.link.align import Array, GapPrior, posteriors
from citefacts.link.evidence import CONTENT_FEATURES, POSITION_FEATURES
from citefacts.sentences import Passage

NAMES = (*CONTENT_FEATURES, *POSITION_FEATURES)
log = logging.getLogger(__name__)


@dataclass
class GoldArticle:
    """An article's linker input with its gold: where each footnote is first cited, and every cited pair."""

    title: str
    sentences: list[Passage]
    footnotes: list[Passage]
    first: dict[int, int]
    """Footnote number -> index of the sentence holding its first marker."""
    pairs: set[tuple[int, int]]
    """(sentence index, footnote number) for every gold marker."""


def gold_pairs(spans: list[tuple[int, int]], markers: list[dict[str, Any]]) -> set[tuple[int, int]]:
    """Gold markers assigned to sentences as score_links.py assigns them (in, or at most 3 chars after)."""
    starts = [start for start, _ in spans]
    pairs = set()
    for marker in markers:
        if marker.get("kind", "ref") != "ref":
            continue
        index = bisect.bisect_left(starts, marker["offset"]) - 1
        if index >= 0 and spans[index][1] + 3 >= marker["offset"]:
            pairs.update((index, number) for number in marker["footnotes"])
    return pairs


def load_articles(gold: Path, cache: Path | None = None) -> list[GoldArticle]:
    """The gold articles through the pipeline's reader and extraction (cached: extraction is slow)."""
    if cache and cache.exists():
        with cache.open("rb") as stream:
            return [GoldArticle(**fields) for fields in pickle.load(stream)]
    from citefacts.eval.links import parsed_record
    from citefacts.nlp import load_model
    from citefacts.pipeline import analyse, sentence_span

    nlp = load_model()
    articles = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        parsed = parsed_record(record)
        analysis = analyse(parsed, nlp)
        spans = [sentence_span(parsed, s) for s in analysis.sentences]
        pairs = gold_pairs(spans, record.get("markers", []))
        first: dict[int, int] = {}
        for index, number in sorted(pairs):
            first.setdefault(number, index)
        title = str(record.get("id") or record.get("title"))
        articles.append(GoldArticle(title, analysis.sentences, analysis.footnotes, first, pairs))
        log.info("analysed %s", title)
    if cache:
        with cache.open("wb") as stream:
            pickle.dump([vars(article).copy() for article in articles], stream)
    return articles


def halves(articles: list[GoldArticle]) -> tuple[list[GoldArticle], list[GoldArticle]]:
    """The articles whose id (title) has an odd crc32, and the others: the two halves every figure is
    cross-fitted on (fitted on one, scored on the other)."""
    odd = [article for article in articles if zlib.crc32(article.title.encode()) % 2]
    return odd, [article for article in articles if not zlib.crc32(article.title.encode()) % 2]


@dataclass
class _Design:
    """An article's feature tensor and gold path, ready for training."""

    features: Array
    """(footnotes, sentences, features), footnotes in number order."""
    rows: Array
    path: Array
    prior: GapPrior


def _design(article: GoldArticle) -> _Design:
    notes = sorted(article.footnotes, key=lambda n: n.number)
    table = features(article.sentences, notes)
    stacked = np.stack([np.asarray(table[name], dtype=np.float64) for name in NAMES], axis=-1)
    rows = [row for row, note in enumerate(notes) if note.number in article.first]
    path = [article.first[notes[row].number] for row in rows]
    prior = GapPrior.for_article(len(article.sentences), len(notes), SAME_SENTENCE)
    return _Design(stacked[rows], np.array(rows), np.array(path), prior)


def _gradient(weights: Array, designs: list[_Design]) -> Array:
    """Gradient of the gold paths' mean log probability: observed minus expected features."""
    gradient = np.zeros_like(weights)
    count = 0
    for design in designs:
        if not len(design.path):
            continue
        logs = design.features @ weights
        posterior, _ = posteriors(np.exp(logs - logs.max(axis=1, keepdims=True)), design.prior)
        observed = design.features[np.arange(len(design.path)), design.path].sum(axis=0)
        gradient += observed - np.einsum("ns,nsf->f", posterior, design.features)
        count += len(design.path)
    return gradient / max(count, 1)


def fit_weights(articles: list[GoldArticle], steps: int = 80, l2: float = 1e-3) -> dict[str, float]:
    """CRF weights by Adam ascent on the gold first citations' log likelihood."""
    designs = [_design(article) for article in articles]
    weights = np.zeros(len(NAMES))
    moment, square = np.zeros_like(weights), np.zeros_like(weights)
    for step in range(1, steps + 1):
        gradient = _gradient(weights, designs) - l2 * weights
        moment = 0.9 * moment + 0.1 * gradient
        square = 0.999 * square + 0.001 * gradient**2
        weights += 0.1 * (moment / (1 - 0.9**step)) / (np.sqrt(square / (1 - 0.999**step)) + 1e-8)
    return {name: round(float(value), 2) for name, value in zip(NAMES, weights, strict=True)}


def best_placements(article: GoldArticle, weights: dict[str, float]) -> list[tuple[float, bool]]:
    """Each footnote's most probable first citation: (posterior, whether the gold has that pair)."""
    notes = sorted(article.footnotes, key=lambda n: n.number)
    probability = first_citations(article.sentences, notes, weights, ELSEWHERE)
    best = probability.argmax(axis=1)
    return [
        (float(probability[row, best[row]]), (int(best[row]), note.number) in article.pairs)
        for row, note in enumerate(notes)
    ]


def fit_calibration(placements: list[tuple[float, bool]]) -> tuple[float, float]:
    """Platt scaling: logistic regression of correctness on the posterior's log odds."""
    probability = np.clip(np.array([p for p, _ in placements]), 1e-6, 1 - 1e-6)
    correct = np.array([c for _, c in placements], dtype=np.float64)
    design = np.c_[np.log(probability / (1 - probability)), np.ones(len(probability))]
    coefficients = np.zeros(2)
    for _ in range(50):
        predicted = 1.0 / (1.0 + np.exp(-design @ coefficients))
        hessian = (design * (predicted * (1 - predicted))[:, None]).T @ design + 1e-6 * np.eye(2)
        coefficients -= np.linalg.solve(hessian, design.T @ (predicted - correct))
    return round(float(coefficients[0]), 3), round(float(coefficients[1]), 3)


def precision_recall(
    placements: list[tuple[float, bool]], gold: int, calibration: tuple[float, float], threshold: float
) -> tuple[float, float]:
    """Pair precision and recall of the placements a calibrated threshold keeps (recall over all gold pairs)."""
    scores = calibrate(np.array([p for p, _ in placements]), calibration)
    kept = [right for score, (_, right) in zip(scores, placements, strict=True) if score >= threshold]
    return sum(kept) / max(len(kept), 1), sum(kept) / max(gold, 1)


def crossfit_placements(articles: list[GoldArticle]) -> list[tuple[float, bool]]:
    """The articles' placements cross-fitted by alternate article (weights fitted on one alternate half placing
    the other, both ways): what the calibration and a threshold are chosen on, never the fitted articles."""
    alternate = (articles[0::2], articles[1::2])
    placements = []
    for train, test in (alternate, alternate[::-1]):
        weights = fit_weights(train)
        placements += [p for article in test for p in best_placements(article, weights)]
    return placements


def fit_linker(articles: list[GoldArticle]) -> tuple[dict[str, float], tuple[float, float]]:
    """What ships: weights fitted on all the articles, calibration on their cross-fitted placements."""
    return fit_weights(articles), fit_calibration(crossfit_placements(articles))


def threshold_for(placements: list[tuple[float, bool]], calibration: tuple[float, float], precision: float) -> float:
    """The lowest calibrated threshold at which the placements kept reach `precision` (at least 30 kept)."""
    scores = calibrate(np.array([p for p, _ in placements]), calibration)
    order = np.argsort(-scores, kind="stable")
    right = np.cumsum([placements[i][1] for i in order])
    reached = [k for k in range(30, len(order)) if right[k] / (k + 1) >= precision]
    return float(scores[order[max(reached)]]) if reached else 1.0


def main(argv: list[str] | None = None) -> None:
    """The shipped fit made on each crc32 half and scored on the other (both ways), then made on all articles."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument(
        "--precision",
        type=float,
        default=0.85,
        help="also score at the threshold the fitted half's own cross-fitted placements need for this precision",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    articles = load_articles(args.gold, args.cache)
    odd, even = halves(articles)
    for name, train, test in (("odd", even, odd), ("even", odd, even)):
        inner = crossfit_placements(train)
        weights, calibration = fit_weights(train), fit_calibration(inner)
        placements = [p for article in test for p in best_placements(article, weights)]
        gold = sum(len(article.pairs) for article in test)
        for threshold in (args.threshold, threshold_for(inner, calibration, args.precision)):
            precision, recall = precision_recall(placements, gold, calibration, threshold)
            log.info(
                "%s half, fitted on the other: precision %.3f recall %.3f at %.3f", name, precision, recall, threshold
            )
    weights, calibration = fit_linker(articles)
    log.info("weights (all articles): %s", weights)
    log.info("calibration (all articles): %s", calibration)


if __name__ == "__main__":
    main()
