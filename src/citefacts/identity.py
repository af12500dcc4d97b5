"""What makes a fact the same fact across re-extractions: its id and the hash of what a reviewer judged.

Review decisions are keyed by both, so they live on the ground floor, below every stage that builds facts.
"""

from __future__ import annotations

import hashlib

from citefacts.models import Citation, Footnote, Mention


def fact_id(text: str, seen: dict[str, int]) -> str:
    """An id from the sentence's words alone, so edits elsewhere in the file never change it."""
    digest = hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:12]
    seen[digest] = seen.get(digest, 0) + 1
    return f"f{digest}" if seen[digest] == 1 else f"f{digest}-{seen[digest]}"


def content_hash(text: str, mentions: list[Mention], citations: list[Citation], footnotes: dict[int, Footnote]) -> str:
    """A hash of what a reviewer judges: the sentence, its values, and the cited notes' words and verdicts.

    Offsets, footnote numbers and link scores are left out: they move when other parts of the article are
    edited, and a decision must go stale only when this fact itself changed. Rendered forms are left out too:
    they follow from the raw text, and a new field must not turn every decision stale.
    """
    parts = [text, *(m.model_dump_json(exclude={"id", "start", "end", "rendered"}) for m in mentions)]
    for citation in citations:
        parts.append(footnotes[citation.footnote].text + citation.linked_by)
        parts += [f"{c.mention}:{c.verdict}:{c.evidence.text if c.evidence else ''}" for c in citation.checks]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
