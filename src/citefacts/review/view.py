"""What a reviewer sees of a fact, as plain JSON-ready data: shared by the page, the summary and the report.

Offsets here are relative to the sentence (mentions) or to the footnote text (evidence), so the
page can highlight them without knowing the raw source.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citefacts.dates.readable import readable_date
from citefacts.errors import CitefactsError, ReviewError
from citefacts.models import Citation, CitationFields, Decision, Document, Fact, Footnote, Mention
from citefacts.numbers.readable import readable_number
from citefacts.read.cite.mask import readable_mask
from citefacts.review.placement import Checked, apply_placements, unchecked
from citefacts.review.store import FactReview, decisions_path, fact_states, orphaned, read_decisions
from citefacts.write import load_document


@dataclass
class Reviewed:
    """One output file with its decision log read and each fact's review state derived."""

    path: Path
    document: Document
    decisions: list[Decision]
    states: dict[str, FactReview]

    @property
    def archived(self) -> list[Decision]:
        """Decisions on facts the latest extraction no longer has."""
        return orphaned(self.document, self.decisions)


def load_reviewed(path: Path, checked: Checked | None = None) -> Reviewed:
    """Read an output file and its decision log, with reviewers' placements applied (cited at once; `checked`:
    checks worked out since the extraction for placements it did not precompute)."""
    decisions = read_decisions(decisions_path(path))
    document = apply_placements(load_document(path), decisions, checked)
    return Reviewed(path, document, decisions, fact_states(document.facts, decisions))


@dataclass
class Unloadable:
    """An output file that could not be loaded for review, with the one-line error saying why."""

    path: Path
    error: CitefactsError


def load_each(paths: list[Path]) -> tuple[list[Reviewed], list[Unloadable]]:
    """Every file that loads with its decision log, and every one that does not (malformed, not an output,
    unreadable, a damaged log) with its error: one bad file does not hide the others."""
    loaded: list[Reviewed] = []
    failed: list[Unloadable] = []
    for path in paths:
        try:
            loaded.append(load_reviewed(path))
        except CitefactsError as error:
            failed.append(Unloadable(path, error))
    return loaded, failed


def output_files(paths: list[Path]) -> list[Path]:
    """Output JSON files named or found in folders (diffs skipped); a one-line error when there are none."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.glob("*.json") if not p.name.endswith(".diff.json"))
        elif path.is_file():
            files.append(path)
        else:
            raise ReviewError("no such file or folder", str(path))
    if not files:
        raise ReviewError("no extracted facts to review; run `citefacts extract` first", ", ".join(map(str, paths)))
    return files


def value_text(mention: Mention) -> str:
    """A mention's normalized value as a reviewer reads it: the TIMEX value with its human form, a number in
    words and figures, a canonical name, a quotation's quoted words."""
    value = mention.value
    if value.kind == "date":
        return f"{value.timex} · {readable_date(value)}"
    if value.kind == "entity":
        return value.canonical
    if value.kind == "quotation":
        return f"“{value.text}”"
    return readable_number(value)


def citation_fields(fields: CitationFields) -> list[tuple[str, str]]:
    """The filled-in bibliographic fields of a citation, as (name, text) pairs, in a reading order."""
    pairs = []
    for name, value in fields.model_dump(exclude={"quote", "is_note"}).items():
        if not value or (isinstance(value, dict) and {"start", "end"} <= value.keys()):
            continue  # empty, or a span of the raw text: the footnote text below shows it
        if isinstance(value, list):
            value = "; ".join(value)
        elif isinstance(value, dict):
            value = "; ".join(f"{k}: {v}" for k, v in value.items())
        pairs.append((name.replace("_", " "), str(value)))
    return pairs


def decision_json(decision: Decision | None) -> dict[str, Any] | None:
    """A decision as the page shows it."""
    if decision is None:
        return None
    return decision.model_dump(mode="json", include={"decision", "reviewer", "at", "note", "correction"})


def shown_footnotes(document: Document) -> dict[int, Footnote]:
    """The footnotes as a reviewer reads them, by number: a wikitext footnote with its markup, URLs and parameter
    names blanked in place (same length, so evidence offsets still hold), others as they are."""
    if document.source.format != "wikitext":
        return {note.number: note for note in document.footnotes}
    return {note.number: note.model_copy(update={"text": readable_mask(note.text)}) for note in document.footnotes}


def shown_mentions(fact: Fact) -> tuple[str, list[tuple[Mention, int, int]]]:
    """The sentence a reviewer is shown (rendered where its raw span holds markup) and where each mention stands
    in it; a mention that cannot be found in the rendered text again is listed but not marked (start = end = -1)."""
    if fact.rendered is None:
        return fact.sentence.text, [
            (m, m.start - fact.sentence.start, m.end - fact.sentence.start) for m in fact.mentions
        ]
    shown, at, placed = fact.rendered, 0, []
    for mention in sorted(fact.mentions, key=lambda m: m.start):
        words = mention.rendered or mention.text
        start = shown.find(words, at)
        placed.append((mention, start, start + len(words)) if start >= 0 else (mention, -1, -1))
        at = start + len(words) if start >= 0 else at
    return shown, placed


def fact_view(reviewed: Reviewed, fact: Fact) -> dict[str, Any]:
    """Everything the review page shows for one fact."""
    footnotes = shown_footnotes(reviewed.document)
    shown, placed = shown_mentions(fact)
    review = reviewed.states[fact.id]
    return {
        "file": reviewed.path.name,
        "id": fact.id,
        "content_hash": fact.content_hash,
        "status": fact.status,
        "section": fact.section,
        "text": shown,
        "mentions": [
            {
                "id": m.id,
                "kind": m.kind,
                "label": m.label,
                "start": start,
                "end": end,
                "text": m.rendered or m.text,
                "value": value_text(m),
            }
            for m, start, end in placed
        ],
        "citations": [_citation_view(fact, citation, footnotes.get(citation.footnote)) for citation in fact.citations],
        "suggestions": [
            {
                "footnote": s.footnote,
                "probability": round(s.probability, 2),
                "text": footnotes[s.footnote].text if s.footnote in footnotes else "",
            }
            for s in fact.suggestions
        ],
        "state": review.state,
        "decision": decision_json(review.current),
        "previous": decision_json(previous_decision(review)) if review.state == "stale" else None,
    }


def _citation_view(fact: Fact, citation: Citation, note: Footnote | None) -> dict[str, Any]:
    """A citation as the page shows it: the footnote's text and fields, each check's evidence in note offsets."""
    checks = [
        {
            "mention": check.mention,
            "verdict": check.verdict,
            "note": check.note,
            "flag": check.flag,
            "evidence": [check.evidence.start - note.start, check.evidence.end - note.start]
            if check.evidence and note
            else None,
        }
        for check in citation.checks
    ]
    return {
        "footnote": citation.footnote,
        "score": round(citation.score, 3),
        "linked_by": citation.linked_by,
        "unchecked": unchecked(fact, citation),
        "text": note.text if note else "",
        "fields": [citation_fields(c) for c in note.citations] if note else [],
        "checks": checks,
    }


def previous_decision(review: FactReview) -> Decision | None:
    """The last reviewer decision on a fact whose content has since changed."""
    made = [d for d in review.history if not (d.stale or d.archived or d.decision == "undo")]
    return made[-1] if made else None
