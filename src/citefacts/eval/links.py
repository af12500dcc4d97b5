"""``citefacts link``: the linker on article bodies whose citation markers were stripped."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from citefacts.models import Footnote, ParsedSource
from citefacts.pipeline import analyse, link_stage, ranked_candidates, sentence_span
from citefacts.read.plaintext import body_blocks, split_lines


def parsed_record(record: dict[str, Any]) -> ParsedSource:
    """An eval article as the pipeline reads sources: one block per paragraph or heading line of the body.

    The footnotes keep the numbers the record gives them, in number order (the linker relies on it).
    """
    body = record.get("body", "")
    notes = sorted(record.get("footnotes", []), key=lambda n: int(n["n"]))
    footnotes = [
        Footnote(id=f"n{n['n']}", number=int(n["n"]), start=0, end=len(n.get("text", "")), text=n.get("text", ""))
        for n in notes
    ]
    blocks = body_blocks(split_lines(body))
    return ParsedSource(
        path=str(record.get("id") or record.get("title")), raw=body, format="text", blocks=blocks, footnotes=footnotes
    )


def link_record(nlp: Language, record: dict[str, Any]) -> dict[str, Any]:
    """One ``link`` output line: the body's sentences the linker links, with their footnotes, and each
    footnote's candidate sentences (best first, with their calibrated probabilities)."""
    parsed = parsed_record(record)
    analysis = analyse(parsed, nlp)
    linking = link_stage(analysis)
    out = []
    for sentence, linked in zip(analysis.sentences, linking.links, strict=True):
        if linked:
            start, end = sentence_span(parsed, sentence)
            out.append({"start": start, "end": end, "footnotes": [number for number, _ in linked]})
    line: dict[str, Any] = {"id": record.get("id") or record.get("title"), "links": out}
    if linking.placements is not None:
        candidates = ranked_candidates(parsed, analysis, linking.placements)
        line["candidates"] = [
            {
                "footnote": c.footnote,
                "sentences": [s.model_dump(include={"start", "end", "probability"}) for s in c.sentences],
            }
            for c in candidates.footnotes
        ]
    return line
