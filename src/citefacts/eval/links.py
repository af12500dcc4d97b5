"""``citefacts link``: the linker on article bodies whose citation markers were stripped."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from citefacts.models import Footnote, ParsedSource
from citefacts.pipeline import analyse, link_sentences
from citefacts.plaintext import body_blocks, split_lines


def link_record(nlp: Language, record: dict[str, Any]) -> dict[str, Any]:
    """One ``link`` output line: the body's sentences the linker links, with their footnotes."""
    body = record.get("body", "")
    notes = record.get("footnotes", [])
    footnotes = [
        Footnote(id=f"n{n['n']}", number=int(n["n"]), start=0, end=len(n.get("text", "")), text=n.get("text", ""))
        for n in notes
    ]
    parsed = ParsedSource(
        path=str(record.get("id")), raw=body, format="text", blocks=body_blocks(split_lines(body)), footnotes=footnotes
    )
    analysis = analyse(parsed, nlp)
    links = link_sentences(analysis)
    out = [
        {"start": s.start, "end": s.end, "footnotes": [number for number, _ in linked]}
        for s, linked in zip(analysis.sentences, links, strict=True)
        if linked
    ]
    return {"id": record.get("id"), "links": out}
