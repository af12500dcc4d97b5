"""Linker ablations: does an extra evidence feature place more first citations, on held-out halves?

Usage: python scripts/link_ablation.py GOLD.jsonl [--cache analysed.pkl] [--extra window,title,year_after]
       python scripts/link_ablation.py GOLD.jsonl [--cache analysed.pkl] --variants

Each run refits the CRF weights (``fit_linker``) on one half of the articles with the extra
features added, places the other half's footnotes, and prints the recall reachable at precision 0.80
(over all gold pairs, first citations only), the share of footnotes whose most probable sentence is right,
and that share by band of calibrated probability (what a link or a reviewer's suggestion is worth).
The extra features are candidates, kept here rather than in the linker because none of them helped:
  window      BM25 of the footnote against the sentence with its paragraph's previous sentence
  title       BM25 of the footnote's quoted title alone against the sentence
  year_after  the sentence names only years after the footnote's publication year
  date_near   the sentence names a day or month that ended at most 14 days before the source was published

``--confirmed`` fits the weights on one crc32 half and, on the other, scores the candidates (coverage@1/3/5) of the
footnotes a reviewer has still to place once some are confirmed at their gold first citation (``placements(...,
fixed=...)``): none, every 10th, 5th or 2nd footnote, and each footnote as a reviewer placing them in number order
sees it (all its predecessors confirmed).

``--variants`` scores the shipped linker, by crc32 half, on the dev articles rebuilt as other plain-text copies
could list them (``variants``): their prose notes numbered first as a group of their own, or their lead gone (the
footnotes first cited there are then cited outside the body, as an infobox's are), or both; each against the
same articles as they are and aligned as one chain (``align(grouped=False)``).
"""

from __future__ import annotations

import argparse
import itertools
import re
from datetime import date
from pathlib import Path

import fit_linker as fit
import numpy as np
from rich.console import Console

import citefacts.link.place as linker
from citefacts.link.align import Array, GapPrior, posteriors
from citefacts.link.evidence import CONTENT_FEATURES, POSITION_FEATURES, bm25_scores, comparable, tokens
from citefacts.link.fixed import FLOOR, FREE, NOWHERE, pinned
from citefacts.models import DateValue
from citefacts.sentences import Passage

ACCESS = re.compile(r"\b(?:retrieved|accessed|archived)\b", re.IGNORECASE)
TITLE = re.compile(r"[\"“]([^\"“”]{8,})[\"”]")


def publication_year(note: Passage) -> int | None:
    """The earliest year a footnote states before any access or archive date."""
    match = ACCESS.search(note.text)
    cut = match.start() if match else len(note.text)
    years = [
        f.value.first_day.year
        for f in note.mentions
        if isinstance(f.value, DateValue) and f.value.first_day and f.start < cut
    ]
    return min(years, default=None)


def publication_day(note: Passage) -> date | None:
    """The first single calendar day a footnote states before any access or archive date."""
    match = ACCESS.search(note.text)
    cut = match.start() if match else len(note.text)
    days = [
        f.value.first_day
        for f in note.mentions
        if isinstance(f.value, DateValue) and f.value.first_day and f.value.first_day == f.value.last_day
        if f.start < cut
    ]
    return days[0] if days else None


def date_near(sentences: list[Passage], notes: list[Passage], window: int = 14) -> Array:
    """1 where the sentence names a day or month ending in the `window` days up to the source's publication day."""
    periods = [
        [(f.value.first_day, f.value.last_day) for f in s.mentions if isinstance(f.value, DateValue)] for s in sentences
    ]
    near = np.zeros((len(notes), len(sentences)))
    for row, note in enumerate(notes):
        day = publication_day(note)
        if day is not None:
            near[row] = [
                any(
                    first and last and (last - first).days <= 31 and 0 <= (day - last).days <= window
                    for first, last in named
                )
                for named in periods
            ]
    return near


def extra_features(sentences: list[Passage], notes: list[Passage]) -> dict[str, Array]:
    """The candidate features, each of shape (footnotes, sentences)."""
    sentence_tokens = [tokens(s.text) for s in sentences]
    windows = [
        (sentence_tokens[i - 1] if i and sentences[i - 1].block == s.block else []) + sentence_tokens[i]
        for i, s in enumerate(sentences)
    ]
    titles = [tokens(" ".join(TITLE.findall(n.text))) for n in notes]
    sentence_years = [
        {f.value.first_day.year for f in s.mentions if isinstance(f.value, DateValue) and f.value.first_day}
        for s in sentences
    ]
    after = np.zeros((len(notes), len(sentences)))
    for row, note in enumerate(notes):
        year = publication_year(note)
        if year is not None:
            after[row] = [bool(years) and min(years) > year for years in sentence_years]
    return {
        "window": np.log1p(bm25_scores([tokens(n.text) for n in notes], windows)),
        "title": np.log1p(bm25_scores(titles, sentence_tokens)),
        "year_after": after,
        "date_near": date_near(sentences, notes),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--extra", default="", help="comma-separated: window, title, year_after, date_near")
    parser.add_argument("--variants", action="store_true", help="groups of notes and footnotes cited elsewhere")
    parser.add_argument("--confirmed", action="store_true", help="candidates once some placements are confirmed")
    args = parser.parse_args()
    if args.variants:
        print_variants(Console(), fit.load_articles(args.gold, args.cache))
        return
    if args.confirmed:
        print_confirmed(Console(), fit.load_articles(args.gold, args.cache))
        return
    extra = [name for name in args.extra.split(",") if name]
    names = (*CONTENT_FEATURES, *extra, *POSITION_FEATURES)
    base = linker.features

    def features(sentences: list[Passage], notes: list[Passage]) -> dict[str, Array]:
        table = base(sentences, notes)
        if extra:
            more = extra_features(sentences, notes)
            table.update({name: more[name] for name in extra})
        return table

    def log_evidence(table: dict[str, Array], weights: dict[str, float]) -> Array:
        return sum((weights[name] * table[name] for name in names), start=np.zeros(table[names[0]].shape))

    linker.features, fit.features, fit.NAMES, linker.log_evidence = features, features, names, log_evidence
    articles = fit.load_articles(args.gold, args.cache)
    halves = fit.halves(articles)
    placements = []
    for train, test in (halves, halves[::-1]):
        weights = fit.fit_weights(train)
        placements += [p for article in test for p in fit.best_placements(article, weights)]
    gold = sum(len(article.pairs) for article in articles)
    ranked = sorted(placements, reverse=True)
    right = np.cumsum([correct for _, correct in ranked])
    reachable = [right[k] / gold for k in range(len(ranked)) if right[k] / (k + 1) >= 0.8]
    console = Console()
    console.print(f"extra features: {', '.join(extra) or 'none'}")
    console.print(f"recall at precision 0.80: {max(reachable, default=0.0):.3f}")
    console.print(f"most probable sentence right: {right[-1] / len(ranked):.3f} of {len(ranked)} footnotes")
    print_bands(console, placements)


def confirmed_scores(articles: list[fit.GoldArticle], weights: dict[str, float], every: int | None) -> str:
    """Coverage@1/3/5 of the footnotes left to place once every `every`-th footnote with a gold first citation is
    confirmed there (0: none); with `every` None, each footnote as shown after all its predecessors are confirmed
    (at their gold first citation, or nowhere). One chain per article (the dev articles split into no groups)."""
    covered, judged = np.zeros(3), 0
    for article in articles:
        notes = [n for n in sorted(article.footnotes, key=lambda n: n.number) if comparable(n.text)]
        if not notes or not article.sentences:
            continue
        logs = linker.log_evidence(linker.features(article.sentences, notes), weights)
        evidence = np.exp(logs - logs.max(axis=1, keepdims=True))
        rows = confirmed_rows(article, notes, evidence, every)
        for note, row in zip(notes, rows, strict=True):
            cited = {index for index, number in article.pairs if number == note.number}
            if row is not None and cited:
                judged += 1
                order = np.argsort(-row, kind="stable")
                covered += [bool(cited & {int(i) for i in order[:k]}) for k in (1, 3, 5)]
    return "/".join(f"{c / max(judged, 1):.3f}" for c in covered) + f" of {judged} footnotes"


def confirmed_rows(
    article: fit.GoldArticle, notes: list[Passage], evidence: Array, every: int | None
) -> list[Array | None]:
    """Each footnote's posterior as the reviewer sees it (None: it was confirmed, nothing to choose)."""
    prior = GapPrior.for_article(evidence.shape[1], len(notes), linker.SAME_SENTENCE)
    away = np.full(len(notes), linker.ELSEWHERE)
    first = [article.first.get(note.number, NOWHERE) for note in notes]
    if every is not None:
        with_first = [row for row, sentence in enumerate(first) if sentence != NOWHERE]
        pins = np.full(len(notes), FREE, dtype=np.int64)
        for row in with_first[::every] if every else []:
            pins[row] = first[row]
        held, chance = pinned(evidence, away, pins)
        posterior, _ = posteriors(held, prior, chance, floor=FLOOR)
        return [None if pin != FREE else posterior[row] for row, pin in enumerate(pins)]
    shown: list[Array | None] = []
    last = NOWHERE
    for row in range(len(notes)):
        if last == NOWHERE:
            posterior, _ = posteriors(evidence[row:], prior, away[row:])
            shown.append(posterior[0])
        else:  # the chain from the last confirmed sentence on: a row certain there, then the footnotes left
            window = evidence[row:, last:]
            start = np.zeros((1, window.shape[1]))
            start[0, 0] = 1.0
            posterior, _ = posteriors(np.vstack([start, window]), prior, np.r_[0.0, away[row:]])
            shown.append(np.r_[np.zeros(last), posterior[1]])
        last = first[row] if first[row] != NOWHERE else last
    return shown


def print_confirmed(console: Console, articles: list[fit.GoldArticle]) -> None:
    """Candidates' coverage once placements are confirmed, weights fitted on the other crc32 half."""
    odd, even = fit.halves(articles)
    for half, train, test in (("odd", even, odd), ("even", odd, even)):
        weights = fit.fit_weights(train)
        for every, name in ((0, "none confirmed"), (10, "every 10th"), (5, "every 5th"), (2, "every 2nd")):
            console.print(f"{half} half, {name}: coverage@1/3/5 {confirmed_scores(test, weights, every)}")
        console.print(f"{half} half, in number order: coverage@1/3/5 {confirmed_scores(test, weights, None)}")


BANDS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.65, 1.01)
"""Calibrated-probability bands, cut at the suggestion floor (0.4) and the link threshold (0.65)."""


def print_bands(console: Console, placements: list[tuple[float, bool]]) -> None:
    """How often the most probable sentence is right, by band of its calibrated probability (calibration
    refitted on the cross-fitted placements): what a link, or a suggestion to a reviewer, is worth."""
    calibrated = linker.calibrate(np.array([p for p, _ in placements]), fit.fit_calibration(placements))
    right = np.array([r for _, r in placements])
    for low, high in itertools.pairwise(BANDS):
        inside = (calibrated >= low) & (calibrated < high)
        share = right[inside].mean() if inside.any() else 0.0
        console.print(f"calibrated {low:.2f}-{min(high, 1.0):.2f}: {inside.sum():5d} footnotes, {share:.0%} right")


BIBLIOGRAPHIC = re.compile(
    r"[\"“]|\(\s*(?:c\.\s*)?\d{4}\s*\)|\bRetrieved\b|\bISBN\b|\bpp?\.\s*\d|\bdoi\b|\b(?:19|20)\d\d\b"
)


def prose_note(text: str) -> bool:
    """The variants' own test for an explanatory note (not the linker's): prose with no bibliographic trace."""
    return len(text.split()) >= 6 and not BIBLIOGRAPHIC.search(text)


def with_pairs(
    article: fit.GoldArticle, sentences: list[Passage], notes: list[Passage], pairs: set[tuple[int, int]]
) -> fit.GoldArticle:
    first: dict[int, int] = {}
    for index, number in sorted(pairs):
        first.setdefault(number, index)
    return fit.GoldArticle(article.title, sentences, notes, first, pairs)


def renumbered(article: fit.GoldArticle, order: list[int]) -> fit.GoldArticle:
    """The article with its footnotes numbered in `order` (old numbers), markers following them."""
    new = {old: number for number, old in enumerate(order, start=1)}
    by_number = {note.number: note for note in article.footnotes}
    notes = [Passage(by_number[old].text, by_number[old].mentions, number=new[old]) for old in order]
    return with_pairs(article, article.sentences, notes, {(index, new[n]) for index, n in article.pairs})


def notes_first(article: fit.GoldArticle) -> fit.GoldArticle | None:
    """Its prose notes numbered first, as a group of their own, then the other footnotes (None: no notes)."""
    numbers = [note.number for note in sorted(article.footnotes, key=lambda note: note.number)]
    notes = [note.number for note in sorted(article.footnotes, key=lambda note: note.number) if prose_note(note.text)]
    if not notes or len(notes) == len(numbers):
        return None
    return renumbered(article, notes + [number for number in numbers if number not in set(notes)])


def without_lead(article: fit.GoldArticle, drop_unused: bool = False) -> fit.GoldArticle | None:
    """The article without its lead (the sentences before the first heading); a footnote first cited only there is
    then cited outside the body (None: nothing was), or left out with `drop_unused`."""
    blocks = [sentence.block for sentence in article.sentences]
    cut = next((i for i in range(1, len(blocks)) if blocks[i] > blocks[i - 1] + 1), None)
    if cut is None:
        return None
    pairs = {(index - cut, number) for index, number in article.pairs if index >= cut}
    cited = {number for _, number in pairs}
    if cited == {number for _, number in article.pairs}:
        return None
    shorter = with_pairs(article, article.sentences[cut:], article.footnotes, pairs)
    return renumbered(shorter, sorted(cited)) if drop_unused else shorter


def variant_scores(articles: list[fit.GoldArticle], grouped: bool = True) -> str:
    """Links at the shipped threshold (P/R over every gold pair) and candidates' coverage@1/3/5."""
    kept = right = gold = judged = 0
    covered = dict.fromkeys((1, 3, 5), 0)
    for article in articles:
        notes = sorted(article.footnotes, key=lambda note: note.number)
        probability = linker.calibrate(linker.align(article.sentences, notes, grouped=grouped).posterior)
        ranked = linker.candidates(probability)
        gold += len(article.pairs)
        for row, note in enumerate(notes):
            best = int(probability[row].argmax())
            if probability[row, best] >= linker.THRESHOLD:
                kept += 1
                right += (best, note.number) in article.pairs
            cited = {index for index, number in article.pairs if number == note.number}
            if cited:
                judged += 1
                for k in covered:
                    covered[k] += any(index in cited for index, _ in ranked[row][:k])
    coverage = "/".join(f"{covered[k] / max(judged, 1):.3f}" for k in covered)
    return f"P {right / max(kept, 1):.3f} R {right / max(gold, 1):.3f} cov {coverage}"


def print_variants(console: Console, articles: list[fit.GoldArticle]) -> None:
    """Each variant by half: the articles as they are, the variant aligned as one chain, and in groups."""
    for name, build in (("notes first", notes_first), ("no lead", without_lead)):
        for half, part in zip(("odd", "even"), fit.halves(articles), strict=True):
            built = [(article, build(article)) for article in part]
            pairs = [(article, variant) for article, variant in built if variant is not None]
            base = [a for a, _ in pairs] if name == "notes first" else [without_lead(a, True) or a for a, _ in pairs]
            variants = [variant for _, variant in pairs if variant is not None]
            console.print(
                f"{name}, {half} half ({len(pairs)} articles): before {variant_scores(base)}"
                f" | one chain {variant_scores(variants, grouped=False)} | groups {variant_scores(variants)}",
                soft_wrap=True,
            )


if __name__ == "__main__":
    main()
