"""``citefacts report``: one self-contained HTML file of the facts and decisions, for sharing.

Inline CSS, no script, and a Content-Security-Policy that forbids any fetch; every source string
goes through :func:`html.escape`.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from citefacts.models import Fact
from citefacts.review.view import Reviewed, fact_view, value_text
from citefacts.write import atomic_write

CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em; color: #1d1d1f; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2em; }
th, td { text-align: left; vertical-align: top; padding: .3em .5em; border-bottom: 1px solid #ddd; }
mark.date { background: #cfe5ff; } mark.number { background: #ffe7b3; } mark.entity { background: #e3d7ff; }
.contradicted { color: #b3261e; font-weight: 600; } .uncited { color: #8a5a00; } .supported { color: #2e7d32; }
.stale { color: #b3261e; } .muted { color: #666; }
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'"


def marked_sentence(fact: Fact) -> str:
    """The sentence with its mentions in <mark>, every piece escaped."""
    parts, at, text = [], 0, fact.sentence.text
    for mention in sorted(fact.mentions, key=lambda m: m.start):
        start, end = mention.start - fact.sentence.start, mention.end - fact.sentence.start
        if start < at:
            continue
        title = escape(f"{mention.label}: {value_text(mention)}")
        parts += [
            escape(text[at:start]),
            f'<mark class="{mention.kind}" title="{title}">{escape(text[start:end])}</mark>',
        ]
        at = end
    return "".join([*parts, escape(text[at:])])


def fact_row(reviewed: Reviewed, fact: Fact) -> str:
    """One table row: status, sentence, values with verdicts, footnotes, review state."""
    view = fact_view(reviewed, fact)
    verdicts = {c["mention"]: c["verdict"] for citation in view["citations"] for c in citation["checks"]}
    values = "<br>".join(
        f"{escape(m['text'])} → {escape(m['value'])} <span class=muted>{escape(verdicts.get(m['id'], '').replace('_', ' '))}</span>"
        for m in view["mentions"]
        if m["kind"] != "entity"
    )
    notes = ", ".join(f"[{c['footnote']}]" for c in view["citations"]) or ", ".join(
        f"<span class=muted>[{s['footnote']}]? {s['probability']:.0%}</span>" for s in view["suggestions"]
    )
    decision = view["decision"]
    if decision:
        review = f"{escape(decision['decision'])} by {escape(decision['reviewer'])}, {escape(decision['at'][:16])}"
        review += f"<br><span class=muted>{escape(decision['note'])}</span>" if decision["note"] else ""
    else:
        review = f'<span class="{escape(view["state"])}">{escape(view["state"])}</span>'
    status = escape(fact.status)
    return (
        f'<tr><td class="{status}">{status.replace("_", " ")}</td><td>{marked_sentence(fact)}</td>'
        f"<td>{values}</td><td>{notes}</td><td>{review}</td></tr>"
    )


def file_section(reviewed: Reviewed) -> str:
    """A file's heading, counts, facts table and archived decisions."""
    document = reviewed.document
    states = Counter(state.state for state in reviewed.states.values())
    statuses = Counter(fact.status for fact in document.facts)
    head = (
        f"<h2>{escape(document.source.path)}</h2><p class=muted>sha256 {escape(document.source.sha256[:16])}…, "
        f"pipeline {escape(document.pipeline.version)}, extracted {escape(document.extracted_at.isoformat()[:16])}; "
        f"{len(document.facts)} facts: "
        + ", ".join(f"{n} {escape(s.replace('_', ' '))}" for s, n in statuses.most_common())
        + "; review: "
        + ", ".join(f"{n} {escape(s)}" for s, n in sorted(states.items()))
        + "</p>"
    )
    rows = "".join(fact_row(reviewed, fact) for fact in document.facts)
    table = f"<table><tr><th>status</th><th>fact</th><th>values</th><th>notes</th><th>review</th></tr>{rows}</table>"
    cited = sorted({c.footnote for fact in document.facts for c in fact.citations})
    notes = {note.number: note for note in document.footnotes}
    if cited:
        items = "".join(f"<li value={n}>{escape(notes[n].text)}</li>" for n in cited if n in notes)
        table += f"<h3>Footnotes cited</h3><ol>{items}</ol>"
    unplaced = document.unplaced_footnotes()
    if unplaced:
        items = "".join(f"<li value={n}>{escape(notes[n].text)}</li>" for n in unplaced)
        table += (
            f"<details><summary>Footnotes no fact cites: {len(unplaced)} (placed nowhere with confidence, not guessed)</summary>"
            f"<ol>{items}</ol></details>"
        )
    archived = reviewed.archived
    if archived:
        items = "".join(
            f"<tr><td>{escape(d.fact_id)}</td><td>{escape(d.decision)}</td><td>{escape(d.reviewer)}</td>"
            f"<td>{escape(d.at.isoformat()[:16])}</td><td>{escape(d.note or '')}</td></tr>"
            for d in archived
        )
        table += f"<h3>Archived decisions (fact no longer extracted)</h3><table>{items}</table>"
    return head + table


def render_report(reviewed: list[Reviewed]) -> str:
    """The whole report as one HTML string."""
    now = datetime.now(UTC).isoformat()[:16]
    body = "".join(file_section(r) for r in reviewed)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>citefacts report</title><style>{CSS}</style></head><body>"
        f"<h1>citefacts report</h1><p class=muted>generated {now} UTC</p>{body}</body></html>\n"
    )


def write_report(reviewed: list[Reviewed], out: Path) -> Path:
    """Write the report atomically."""
    atomic_write(out, render_report(reviewed))
    return out
