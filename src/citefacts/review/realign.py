"""Re-ranking a footnote's candidate sentences between a reviewer's answers, as the extraction would.

The output stores each footnote's candidates as the linker ranked them at extraction. Each placement a reviewer
confirms splits the alignment there and sharpens its neighbours' candidates, but only the next extraction would
show it. The review server therefore analyses each source once, in a background thread (spaCy in-process), keeps
the linker's evidence, and after every answer re-runs the alignment with every placement in force fixed
(``Placements.confirm``): the same fixed points the extraction takes (``confirmed_placements``, ``confirmed``).

Until the analysis is ready, or where it cannot be trusted to match the output (another pipeline version, a
source changed or gone, markers deciding the links, an analysis that failed), the page shows the stored
candidates and says so.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from citefacts.confirmed import confirmed, sentence_span
from citefacts.link import Fixed, Placements, placements
from citefacts.models import Check, FootnoteCandidates, ParsedSource
from citefacts.nlp import load_model
from citefacts.pipeline import Analysis, PairChecks, analyse, ranked_candidates
from citefacts.read import read_source
from citefacts.review.placement import Checked, unchecked
from citefacts.review.queue import source_path
from citefacts.review.rerun import confirmed_placements
from citefacts.review.view import Reviewed, load_reviewed
from citefacts.versions import PIPELINE_VERSION

logger = logging.getLogger(__name__)

State = Literal["analysing", "ready", "stored"]
"""A file's re-ranking: its source being analysed, ready (candidates re-ranked), or stored candidates only."""
KEPT = 4
"""Alignments kept per file, by the placements they fixed: a page reloading or a placement undone costs none."""


@dataclass
class Body:
    """A source analysed once: the linker's evidence and where each body sentence stands in the raw text."""

    parsed: ParsedSource
    analysis: Analysis
    base: Placements
    """The placements with nothing fixed, keeping the evidence that every re-alignment re-uses."""
    spans: list[tuple[int, int]]
    """Each body sentence's raw span, in body order."""
    at: dict[tuple[int, int], int] = field(default_factory=dict)
    """Each body sentence's index by its raw span."""
    aligned: dict[tuple[tuple[int, int | None], ...], Placements] = field(default_factory=dict)

    def aligned_with(self, fixed: Fixed) -> Placements:
        """The placements with `fixed` confirmed, re-aligned on the kept evidence (remembered for a while)."""
        key = tuple(sorted(fixed.items()))
        if key not in self.aligned:
            while len(self.aligned) >= KEPT:
                del self.aligned[next(iter(self.aligned))]
            self.aligned[key] = self.base.confirm(fixed) if fixed else self.base
        return self.aligned[key]


@dataclass(frozen=True)
class Ranking:
    """What the page shows from a re-alignment: each footnote's candidates, and every body sentence for '/'."""

    candidates: dict[int, FootnoteCandidates]
    """Per footnote number: its top candidates with the placements in force fixed (the confirmed footnotes
    themselves are left out: their row is certain, and the page shows their stored candidates)."""
    sentences: list[dict[str, Any]]
    """Every body sentence, in body order: its raw span, text, and the fact on it (if any) with its status."""


@dataclass
class _File:
    state: State
    key: tuple[str, str]
    """The source's sha256 and the output's pipeline version the state was decided for."""
    body: Body | None = None


class Realigner:
    """Each output's source analysed once, in one daemon thread, and re-aligned on request.

    ``start`` queues the files whose analysis can match their output; ``ranking`` answers at once: the re-ranked
    candidates once the file is ready, else None (the stored candidates stand).
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.files: dict[Path, _File] = {}
        self.waiting: list[Reviewed] = []
        self.worker: threading.Thread | None = None
        self.idle = threading.Event()
        self.idle.set()

    def start(self, reviewed: Iterable[Reviewed]) -> None:
        """Queue each file not yet analysed (or whose source or version changed since) for analysis."""
        with self.lock:
            for r in reviewed:
                key = (r.document.source.sha256, r.document.pipeline.version)
                known = self.files.get(r.path)
                if known is not None and known.key == key:
                    continue
                reason = _unusable(r)
                if reason:
                    logger.debug("%s: stored candidates only (%s)", r.path.name, reason)
                    self.files[r.path] = _File("stored", key)
                    continue
                self.files[r.path] = _File("analysing", key)
                self.waiting.append(r)
            if self.waiting and (self.worker is None or not self.worker.is_alive()):
                self.idle.clear()
                self.worker = threading.Thread(target=self._work, name="citefacts-realign", daemon=True)
                self.worker.start()

    def _work(self) -> None:
        """Analyse the queued files one after the other; a failure leaves that file on its stored candidates."""
        while True:
            with self.lock:
                if not self.waiting:
                    self.idle.set()
                    return
                reviewed = self.waiting.pop(0)
                key = (reviewed.document.source.sha256, reviewed.document.pipeline.version)
            try:
                body: Body | None = analysed(reviewed)
            except Exception as error:  # any failure: the stored candidates stand, as they did before
                logger.debug("%s: analysis failed, stored candidates only: %s", reviewed.path.name, error)
                body = None
            with self.lock:
                entry = self.files.get(reviewed.path)
                if entry is not None and entry.key == key:
                    entry.state, entry.body = ("ready", body) if body else ("stored", None)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until every queued analysis is done (True) or `timeout` seconds pass (False)."""
        return self.idle.wait(timeout)

    def state(self, reviewed: Reviewed) -> State:
        """How this file's candidates are ranked now (a file re-extracted since it was analysed: stored)."""
        with self.lock:
            entry = self._entry(reviewed)
            return entry.state if entry else "stored"

    def spans(self, reviewed: Reviewed) -> frozenset[tuple[int, int]]:
        """Every body sentence's raw span once the file is analysed (where '/' may place a footnote), else none."""
        with self.lock:
            entry = self._entry(reviewed)
            return frozenset(entry.body.at) if entry and entry.body else frozenset()

    def ranking(self, reviewed: Reviewed) -> Ranking | None:
        """The file's candidates re-aligned with every placement in force fixed; None until its analysis is ready."""
        with self.lock:
            entry = self._entry(reviewed)
            if entry is None or entry.body is None:
                return None
            try:
                return ranked(reviewed, entry.body)
            except Exception as error:  # the stored candidates stand, and the items say so
                logger.debug("%s: re-alignment failed, stored candidates: %s", reviewed.path.name, error, exc_info=True)
                return None

    def checked(self, reviewed: Reviewed) -> Reviewed:
        """The file with its placements' checks worked out where the output did not precompute them (a sentence
        found by search, or re-ranked into view), once its source is analysed; else as it is."""
        with self.lock:
            entry = self._entry(reviewed)
            body = entry.body if entry else None
        missing = placement_checks(reviewed, body) if body else {}
        return load_reviewed(reviewed.path, missing) if missing else reviewed

    def _entry(self, reviewed: Reviewed) -> _File | None:
        """The file's entry, if it was decided for the output as it is now."""
        entry = self.files.get(reviewed.path)
        key = (reviewed.document.source.sha256, reviewed.document.pipeline.version)
        return entry if entry is not None and entry.key == key else None


def placement_checks(reviewed: Reviewed, body: Body) -> Checked:
    """Each reviewer citation left unchecked, checked as the extraction checks a candidate (``PairChecks``): the
    placed fact's values against its footnote, so that every confirmation is checked at once."""
    facts = reviewed.document.facts
    wanted = [(c.footnote, fact) for fact in facts for c in fact.citations if unchecked(fact, c)]
    if not wanted:
        return {}
    pairs = PairChecks(body.parsed, body.analysis, facts)
    checked: dict[tuple[int, int, int], list[Check]] = {}
    for number, fact in wanted:
        span = (fact.sentence.start, fact.sentence.end)
        if span in body.at:
            checked[(number, *span)] = pairs.checks(body.at[span], number)
    return checked


def _unusable(reviewed: Reviewed) -> str | None:
    """Why this file's analysis could not match its output (None: it can)."""
    document = reviewed.document
    if document.candidates is None:
        return "markers decide its links: no candidates to re-rank"
    if document.pipeline.version != PIPELINE_VERSION:
        return f"extracted by pipeline {document.pipeline.version}, this is {PIPELINE_VERSION}"
    if source_path(reviewed.path, document) is None:
        return "its source is gone or changed since the extraction"
    return None


def analysed(reviewed: Reviewed) -> Body | None:
    """The file's source read and analysed as the extraction did (None if it changed meanwhile)."""
    document = reviewed.document
    path = source_path(reviewed.path, document)
    if path is None:
        return None
    parsed = read_source(path, document.source.format, require_footnotes=False)
    analysis = analyse(parsed, load_model())
    spans = [sentence_span(parsed, sentence) for sentence in analysis.sentences]
    at = {span: index for index, span in enumerate(spans)}
    return Body(parsed, analysis, placements(analysis.sentences, analysis.footnotes), spans, at)


def fixed_points(reviewed: Reviewed, body: Body) -> Fixed:
    """The first citations the placements in force confirm: what a re-extraction would give the linker."""
    return confirmed(body.parsed, body.analysis.sentences, confirmed_placements(reviewed.path)).fixed


def ranked(reviewed: Reviewed, body: Body) -> Ranking:
    """Each unconfirmed footnote's candidates on the alignment with the placements in force fixed: the fact on each
    sentence by its span, and its values checked against the footnote (as the output stored them, or worked out
    here for a pair it did not store)."""
    document = reviewed.document
    fixed = fixed_points(reviewed, body)
    placed = body.aligned_with(fixed)
    facts = {(f.sentence.start, f.sentence.end): f for f in document.facts}
    stored: dict[tuple[int, int, int], list[Check]] = {
        (listed.footnote, s.start, s.end): s.checks
        for listed in (document.candidates.footnotes if document.candidates else [])
        for s in listed.sentences
    }
    pairs = PairChecks(body.parsed, body.analysis, document.facts)

    def checks(number: int, start: int, end: int) -> list[Check]:
        known = stored.get((number, start, end))
        return known if known is not None else pairs.checks(body.at[(start, end)], number)

    candidates = {}
    for listed in ranked_candidates(body.parsed, body.analysis, placed).footnotes:
        if listed.footnote in fixed:
            continue
        shown = [
            s.model_copy(
                update={
                    "fact": fact.id if (fact := facts.get((s.start, s.end))) else None,
                    "checks": checks(listed.footnote, s.start, s.end),
                }
            )
            for s in listed.sentences
        ]
        candidates[listed.footnote] = listed.model_copy(update={"sentences": shown})
    raw = body.parsed.raw
    body_sentences = [
        {
            "start": start,
            "end": end,
            "text": raw[start:end],
            "fact": fact.id if (fact := facts.get((start, end))) else None,
            "status": fact.status if fact else None,
        }
        for start, end in body.spans
    ]
    return Ranking(candidates, body_sentences)


def rankings(realigner: Realigner, reviewed: Iterable[Reviewed]) -> Mapping[str, Ranking]:
    """The files whose candidates are re-ranked now, by output file name."""
    found = {}
    for r in reviewed:
        ranking = realigner.ranking(r)
        if ranking is not None:
            found[r.path.name] = ranking
    return found
