"""The review page's placement requests: a footnote placed on a sentence (keys 1-5, '/', 0, r) or its last
placement undone (u), checked against the files as they are now before anything is appended."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import UTC, datetime
from typing import Any

from citefacts.errors import ReviewError
from citefacts.models import Decision, FootnoteCandidates, Span, words_hash
from citefacts.review.placement import place_decision, placement_stacks
from citefacts.review.queue import placement_items, source_text
from citefacts.review.view import Reviewed, fact_view


class RefusedDecision(ReviewError):
    """A posted decision that cannot be stored as it is: a bad request (400), naming the field at fault."""

    def __init__(self, message: str, field: str, path: str | None = None) -> None:
        self.field = field
        super().__init__(message, path, field)


def placement_decision(
    body: dict[str, Any], reviewed: Reviewed, reviewer: str, spans: Collection[tuple[int, int]] = ()
) -> Decision:
    """The decision a placement request asks for: ``place`` (a sentence, or null for 'cited nowhere in the
    body'; ``further`` for another citation) or ``undo`` of the footnote's last placement. ``spans``: every body
    sentence's raw span, once the source is analysed (any of them may be named, a fact or not)."""
    document = reviewed.document
    number, footnote_hash = body.get("footnote"), body.get("footnote_hash")
    if not isinstance(number, int) or isinstance(number, bool):
        raise RefusedDecision("a footnote number", "footnote")
    note = next((n for n in document.footnotes if n.number == number), None)
    if note is None or words_hash(note.text) != footnote_hash:
        raise ReviewError(f"footnote {number} changed since the page loaded it; reload the page", reviewed.path.name)
    if body.get("decision") == "undo":
        stack = placement_stacks(reviewed.decisions).get(words_hash(note.text), [])
        if not stack:
            raise ReviewError(f"no placement of footnote {number} to undo", reviewed.path.name)
        last = stack[-1]
        return last.model_copy(
            update={"decision": "undo", "reviewer": reviewer, "at": datetime.now(UTC), "note": None, "stale": False}
        )
    further = body.get("further", False)
    if not isinstance(further, bool):
        raise RefusedDecision("true or false", "further")
    note_text = body.get("note")
    if note_text is not None and not isinstance(note_text, str):
        raise RefusedDecision("a note is text", "note")
    sentence = _sentence(body.get("sentence"), reviewed, number, spans)
    return place_decision(document, number, sentence, reviewer, further, note_text or None)


def _sentence(value: object, reviewed: Reviewed, number: int, spans: Collection[tuple[int, int]] = ()) -> Span | None:
    """The sentence a placement names by its span: a candidate of the footnote, any fact's sentence, or any body
    sentence of `spans` (a sentence with no fact is placed by its span and words, and cites no fact)."""
    if value is None:
        return None
    if not isinstance(value, dict) or not all(isinstance(value.get(k), int) for k in ("start", "end")):
        raise RefusedDecision("a sentence is {start, end}, or null for 'cited nowhere in the body'", "sentence")
    start, end = value["start"], value["end"]
    for fact in reviewed.document.facts:
        if (fact.sentence.start, fact.sentence.end) == (start, end):
            return fact.sentence
    candidates = reviewed.document.candidates
    listed = next((c for c in candidates.footnotes if c.footnote == number), None) if candidates else None
    listed_here = listed is not None and any((s.start, s.end) == (start, end) for s in listed.sentences)
    if not listed_here and (start, end) not in spans:
        raise RefusedDecision(
            f"no sentence at {start}-{end} among footnote {number}'s candidates, the facts or the body", "sentence"
        )
    raw = source_text(reviewed.path, reviewed.document)
    if raw is None:
        raise ReviewError("the source file is not where it was read, or changed: its sentence cannot be named")
    return Span(start=start, end=end, text=raw[start:end])


def placement_answer(
    reviewed: Reviewed, number: int, touched: set[str], reranked: Mapping[int, FootnoteCandidates] | None = None
) -> dict[str, Any]:
    """What the page needs after a placement: the footnote's item, each fact whose citations it changed, and the
    file's footnotes to place with their candidates as they stand now (re-ranked where ``reranked`` has them)."""
    items = placement_items(reviewed, reranked)
    item = next((i for i in items if i["footnote"] == number), None)
    facts = [{"type": "fact", **fact_view(reviewed, f)} for f in reviewed.document.facts if f.id in touched]
    return {"placement": item, "facts": facts, "placements": items}


def cited_by_reviewer(reviewed: Reviewed, number: int) -> set[str]:
    """The facts a reviewer's placement of this footnote cites."""
    return {
        f.id
        for f in reviewed.document.facts
        if any(c.footnote == number and c.linked_by == "reviewer" for c in f.citations)
    }
