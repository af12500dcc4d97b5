"""The review queue: what a reviewer can judge first, and the footnotes to place, as JSON-ready items.

Order: contradicted facts; facts with evidence to read, then the other cited facts; the footnotes to place
(those no automatic link cites), one item each, in footnote order; uncited facts stating a date or a number;
last, per file, one group of the uncited facts that state only names (nothing in them can be checked).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from citefacts.errors import CitefactsError
from citefacts.models import Decision, Document, Fact, FootnoteCandidates, SentenceCandidate, words_hash
from citefacts.read import decode
from citefacts.review.placement import in_force, placement_stacks
from citefacts.review.view import Reviewed, citation_fields, decision_json, fact_view, shown_footnotes

PARAGRAPH_WINDOW = 700
"""Characters of a long paragraph shown on each side of a candidate sentence."""


Reranked = Mapping[str, Mapping[int, FootnoteCandidates]]
"""Per output file name, its footnotes' candidates re-ranked since the extraction (``realign``), by number."""


def queue(reviewed: list[Reviewed], reranked: Reranked | None = None) -> list[dict[str, Any]]:
    """Every item of every file in review order: facts, footnotes to place, groups of name-only facts; a footnote's
    candidates re-ranked where ``reranked`` has its file, else as stored."""
    tiers: list[list[dict[str, Any]]] = [[], [], [], [], [], []]
    for r in reviewed:
        names = []
        for fact in r.document.facts:
            tier = _tier(fact)
            if tier == 5:
                names.append(fact)  # served together, not one by one
            else:
                tiers[tier].append({"type": "fact", **fact_view(r, fact)})
        tiers[3] += placement_items(r, (reranked or {}).get(r.path.name))
        tiers[5] += [name_group(r, names)] if names else []
    return [item for tier in tiers for item in tier]


def _tier(fact: Fact) -> int:
    """0 contradicted, 1 with evidence to read, 2 other cited, (3 placements), 4 uncited with values, 5 names only."""
    if fact.status == "contradicted":
        return 0
    if fact.citations:
        return 1 if any(check.evidence for c in fact.citations for check in c.checks) else 2
    return 4 if any(m.kind != "entity" for m in fact.mentions) else 5


def name_group(reviewed: Reviewed, facts: list[Fact]) -> dict[str, Any]:
    """The uncited facts of a file that state only names: one item, listed by section."""
    return {
        "type": "group",
        "file": reviewed.path.name,
        "id": f"names:{reviewed.path.name}",
        "state": "decided" if all(reviewed.states[f.id].state == "decided" for f in facts) else "pending",
        "facts": [{"id": f.id, "section": f.section, "text": f.sentence.text} for f in facts],
    }


def placement_items(
    reviewed: Reviewed, reranked: Mapping[int, FootnoteCandidates] | None = None
) -> list[dict[str, Any]]:
    """One item per footnote that no automatic or marker link cites, or that a reviewer ever placed (a stale
    placement stays in view): its text, fields and candidate sentences; those of ``reranked`` where it has the
    footnote (``"ranked": "realigned"``), else those stored at extraction (``"stored"``)."""
    document = reviewed.document
    if document.candidates is None:
        return []
    linked = {c.footnote for f in document.facts for c in f.citations if c.linked_by != "reviewer"}
    stacks = placement_stacks(reviewed.decisions)
    raw = source_text(reviewed.path, document)
    listed = {entry.footnote: entry for entry in document.candidates.footnotes}
    fresh = reranked or {}
    return [
        {
            **placement_item(reviewed, note.number, fresh.get(note.number, listed.get(note.number)), raw),
            "ranked": "realigned" if note.number in fresh else "stored",
        }
        for note in document.footnotes
        if note.number not in linked or stacks.get(words_hash(note.text))
    ]


def placement_item(
    reviewed: Reviewed, number: int, listed: FootnoteCandidates | None, raw: str | None
) -> dict[str, Any]:
    """A footnote to place, as the page shows it: keys 1-5 choose among ``candidates``."""
    document = reviewed.document
    note = next(n for n in document.footnotes if n.number == number)
    standing = in_force(placement_stacks(reviewed.decisions).get(words_hash(note.text), []))
    live = [d for d in standing if not d.stale]
    stale = [d for d in standing if d.stale]
    facts = {fact.id: fact for fact in document.facts}
    return {
        "type": "placement",
        "file": reviewed.path.name,
        "id": f"footnote:{number}",
        "footnote": number,
        "footnote_hash": words_hash(note.text),
        "text": shown_footnotes(document)[number].text,
        "fields": [citation_fields(c) for c in note.citations],
        "elsewhere": listed.elsewhere if listed else None,
        "candidates": [_candidate(c, document, facts, raw) for c in (listed.sentences if listed else [])],
        "state": "decided" if live else "stale" if stale else "pending",
        "placements": [_placed(d, document) for d in live],
        "previous": _placed(stale[-1], document) if stale and not live else None,
    }


def _candidate(
    candidate: SentenceCandidate, document: Document, facts: dict[str, Fact], raw: str | None
) -> dict[str, Any]:
    """A candidate sentence with its paragraph, its fact's status now and its checks if placed here."""
    fact = facts.get(candidate.fact or "")
    text = fact.sentence.text if fact else (raw[candidate.start : candidate.end] if raw else "")
    paragraph, at = _paragraph(raw, candidate.start, candidate.end) if raw else (text, 0)
    mentions = {m.id: m.text for m in fact.mentions} if fact else {}
    return {
        "start": candidate.start,
        "end": candidate.end,
        "probability": round(candidate.probability, 2),
        "text": text,
        "paragraph": paragraph,
        "sentence": [at, at + candidate.end - candidate.start],
        "fact": fact.id if fact else None,
        "status": fact.status if fact else None,
        "checks": [{"value": mentions.get(c.mention, c.mention), "verdict": c.verdict} for c in candidate.checks],
    }


def _placed(decision: Decision, document: Document) -> dict[str, Any]:
    """A placement as the page shows it: where, by whom, and the fact it cites now."""
    placement = decision.placement
    sentence = placement.sentence if placement else None
    fact = next((f for f in document.facts if sentence and f.sentence.text == sentence.text), None)
    return {
        **(decision_json(decision) or {}),
        "sentence": sentence.text if sentence else None,
        "further": bool(placement and placement.further),
        "fact": fact.id if fact else None,
        "status": fact.status if fact else None,
    }


def _paragraph(raw: str, start: int, end: int) -> tuple[str, int]:
    """The line of the raw text holding a sentence (a paragraph, in every format read), cut around it if long,
    and where the sentence starts in it."""
    first = max(raw.rfind("\n", 0, start) + 1, start - PARAGRAPH_WINDOW)
    last = raw.find("\n", end)
    last = min(len(raw) if last < 0 else last, end + PARAGRAPH_WINDOW)
    return raw[first:last], start - first


def source_text(output: Path, document: Document) -> str | None:
    """The source the output came from, if it is still where it was read (or beside the output folder) and
    unchanged; else None, and the page shows candidate sentences without their paragraphs."""
    path = source_path(output, document)
    return None if path is None else _read(str(path), document.source.sha256)


def source_path(output: Path, document: Document) -> Path | None:
    """Where the source the output came from is now, unchanged: where it was read, or beside the output folder."""
    for path in (Path(document.source.path), output.parent.parent / Path(document.source.path).name):
        resolved = path.resolve()
        if _read(str(resolved), document.source.sha256) is not None:
            return resolved
    return None


@lru_cache(maxsize=8)
def _read(path: str, sha256: str) -> str | None:
    try:
        text = decode(Path(path).read_bytes(), path, limited=False)
    except (OSError, CitefactsError):
        return None
    return text if hashlib.sha256(text.encode("utf-8")).hexdigest() == sha256 else None


def sentences(
    reviewed: list[Reviewed], body: Mapping[str, list[dict[str, Any]]] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Per file, what '/' searches to place a footnote on a sentence no candidate names: every body sentence where
    ``body`` has the file (its source analysed), else every fact's sentence."""
    return {
        r.path.name: (body or {}).get(r.path.name)
        or [
            {
                "start": f.sentence.start,
                "end": f.sentence.end,
                "text": f.sentence.text,
                "fact": f.id,
                "status": f.status,
            }
            for f in r.document.facts
        ]
        for r in reviewed
    }
