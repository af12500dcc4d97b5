"""``citefacts report``: one self-contained HTML file of the facts and decisions, for sharing.

The page is ``templates/report.html.j2``, rendered by Jinja2 with autoescape on: every source
string is escaped there, and the template holds the inline CSS and the Content-Security-Policy
that forbids any fetch (no script). This module only gathers the plain data the template shows. The report
opens with the article as a strip of its paragraphs (``strip.py``), each block a link to its paragraph's rows.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from citefacts.models import Fact
from citefacts.review.placement import unplaced
from citefacts.review.queue import source_text
from citefacts.review.strip import TONES, paragraphs, sections
from citefacts.review.view import Reviewed, fact_view, shown_footnotes, shown_mentions, value_text
from citefacts.write import atomic_write

TEMPLATE = "report.html.j2"
templates = Environment(
    loader=PackageLoader("citefacts.review", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def sentence_pieces(fact: Fact) -> list[dict[str, str]]:
    """The sentence cut at its mentions: plain pieces, and marked ones with their kind and a title of their value."""
    text, placed = shown_mentions(fact)
    pieces: list[dict[str, str]] = []
    at = 0
    for mention, start, end in sorted(placed, key=lambda item: item[1]):
        if start < at:
            continue  # not found in the rendered text, or overlapping the previous mention: left unmarked
        pieces.append({"text": text[at:start], "kind": ""})
        pieces.append(
            {"text": text[start:end], "kind": mention.kind, "title": f"{mention.label}: {value_text(mention)}"}
        )
        at = end
    return [*pieces, {"text": text[at:], "kind": ""}]


def corrections(decision: dict[str, Any] | None, mention_ids: set[str]) -> tuple[dict[str, str], list[str]]:
    """What a correct decision in force changes: corrected values by mention id, and the rest as lines
    (a corrected link, or a correction naming no mention of the fact, from a log written before checks)."""
    correction = (decision or {}).get("correction") or {}
    if not decision or decision["decision"] != "correct" or not correction:
        return {}, []
    if correction.get("mention") in mention_ids and set(correction) <= {"mention", "value"}:
        return {correction["mention"]: correction.get("value", "")}, []
    if set(correction) == {"link"}:
        return {}, [f"link corrected to [{correction['link']}]"]
    return {}, ["correction: " + ", ".join(f"{key} {value}" for key, value in correction.items())]


def _verdict(check: dict[str, Any]) -> str:
    """A check's verdict as the report words it, with its flag for the reviewer ("not_found · quotation_differs")."""
    verdict = str(check["verdict"])
    return f"{verdict} · {check['flag']}" if check.get("flag") else verdict


def fact_row(reviewed: Reviewed, fact: Fact) -> dict[str, Any]:
    """One table row: status, sentence, values with verdicts (and any correction beside them), footnotes (or
    suggestions), review state."""
    view = fact_view(reviewed, fact)
    verdicts = {c["mention"]: _verdict(c) for citation in view["citations"] for c in citation["checks"]}
    decision = view["decision"]
    corrected, other = corrections(decision, {m["id"] for m in view["mentions"]})
    return {
        "status": fact.status,
        "sentence": sentence_pieces(fact),
        "figures": [
            {
                "text": m["text"],
                "value": m["value"],
                "verdict": verdicts.get(m["id"], ""),
                "corrected": corrected.get(m["id"]),
            }
            for m in view["mentions"]
            if m["kind"] != "entity" or m["id"] in corrected
        ],
        "corrections": other,
        "footnotes": [c["footnote"] for c in view["citations"]],
        "suggestions": [
            {"footnote": s["footnote"], "probability": f"{s['probability']:.0%}"} for s in view["suggestions"]
        ],
        "decision": decision and {**decision, "at": decision["at"][:16]},
        "state": view["state"],
    }


def file_section(reviewed: Reviewed, number: int = 0) -> dict[str, Any]:
    """A file's heading, counts, strip of paragraphs, facts by paragraph, cited and unplaced footnotes, and archived
    decisions. ``number`` (the file's place in the report) keeps its anchors apart from other files'."""
    document = reviewed.document
    notes = shown_footnotes(document)
    cited = sorted({c.footnote for fact in document.facts for c in fact.citations})
    found = paragraphs(document.facts, source_text(reviewed.path, document), document.source.format)
    return {
        "path": document.source.path,
        "anchor": f"file{number}-p",
        "sha256": document.source.sha256[:16],
        "pipeline": document.pipeline.version,
        "extracted_at": document.extracted_at.isoformat()[:16],
        "statuses": Counter(fact.status for fact in document.facts).most_common(),
        "states": sorted(Counter(state.state for state in reviewed.states.values()).items()),
        "facts": document.facts,
        "strip": sections(found),
        "exact": all(p.exact for p in found),
        "paragraphs": [{"paragraph": p, "rows": [fact_row(reviewed, fact) for fact in p.facts]} for p in found],
        "cited": [notes[n] for n in cited if n in notes],
        "unplaced": [notes[n] for n in unplaced(document, reviewed.decisions)],
        "archived": [
            {
                "fact_id": d.fact_id,
                "decision": d.decision,
                "reviewer": d.reviewer,
                "at": d.at.isoformat()[:16],
                "note": d.note or "",
            }
            for d in reviewed.archived
        ],
    }


def render_report(reviewed: list[Reviewed]) -> str:
    """The whole report as one HTML string."""
    generated = datetime.now(UTC).isoformat()[:16]
    files = [file_section(r, number) for number, r in enumerate(reviewed)]
    return templates.get_template(TEMPLATE).render(generated=generated, files=files, tones=TONES)


def write_report(reviewed: list[Reviewed], out: Path) -> Path:
    """Write the report atomically."""
    atomic_write(out, render_report(reviewed))
    return out
