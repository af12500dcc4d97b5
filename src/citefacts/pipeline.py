"""The pipeline's stages chained: read, sentences, extract, link, check, assemble.

Each stage is a plain function on plain data so that the Prefect flow can run each as a task and
the CLI's eval commands can call the very same code.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from spacy.language import Language

from citefacts.check import check_value, fact_status
from citefacts.dates import DateContext
from citefacts.entities import apply_aliases
from citefacts.extract import extract
from citefacts.link import SUGGESTION_FLOOR, THRESHOLD, Links, Unit, placements, select
from citefacts.mention import DocMention
from citefacts.models import (
    Check,
    Citation,
    Document,
    Fact,
    Footnote,
    Mention,
    ParsedSource,
    Pipeline,
    Source,
    Span,
    Suggestion,
)
from citefacts.nlp import model_version
from citefacts.sentences import parse_blocks, raw_span, split_sentences
from citefacts.versions import PIPELINE_VERSION, stage_versions

VERDICT_RANK = {"supported": 0, "contradicted": 1, "not_found": 2}


@dataclass
class SentenceFacts:
    """A body sentence with its mentions, all offsets in raw-text terms."""

    block_index: int
    start: int
    end: int
    text: str
    found: list[DocMention]
    markers: list[int] = field(default_factory=list)
    """Footnote numbers whose explicit markers stand in or right after this sentence."""


@dataclass
class Analysis:
    """What extraction found in the body sentences and in each footnote."""

    sentences: list[SentenceFacts]
    footnotes: list[Unit]


def analyse(parsed: ParsedSource, nlp: Language, dct: date | None = None) -> Analysis:
    """Split the body into sentences and extract mentions from them and from the footnotes."""
    sentences: list[SentenceFacts] = []
    blocks = parsed.blocks
    content = [i for i, block in enumerate(blocks) if block.kind != "heading"]
    context = DateContext(dct=dct)
    for index, doc in zip(content, parse_blocks(nlp, [blocks[i] for i in content]), strict=True):
        block = blocks[index]
        found = extract(doc, dct, context)
        split = split_sentences(doc, index)
        for number, sentence in enumerate(split):
            inside = [f for f in found if sentence.start <= f.start and f.end <= sentence.end]
            start, end = raw_span(block, sentence.start, sentence.end)
            mapped = [DocMention(*raw_span(block, f.start, f.end), f.label, f.value) for f in inside]
            following = split[number + 1].start if number + 1 < len(split) else len(block.text) + 1
            markers = [
                n for at, notes in sorted(block.markers.items()) if sentence.start < at <= following for n in notes
            ]
            sentences.append(
                SentenceFacts(index, start, end, parsed.raw[start:end], mapped, list(dict.fromkeys(markers)))
            )
    notes = [
        Unit(note.text, extract(doc, dct), note.number)
        for note, doc in zip(parsed.footnotes, nlp.pipe(n.text for n in parsed.footnotes), strict=True)
    ]
    return with_aliases(Analysis(sentences, notes))


def with_aliases(analysis: Analysis) -> Analysis:
    """Give every entity the canonical name its alias group has across the whole document."""
    texts = [s.text for s in analysis.sentences] + [n.text for n in analysis.footnotes]
    local = [[_shift(f, -s.start) for f in s.found] for s in analysis.sentences] + [n.found for n in analysis.footnotes]
    named = apply_aliases(local, texts)
    count = len(analysis.sentences)
    for sentence, found in zip(analysis.sentences, named[:count], strict=True):
        sentence.found = [_shift(f, sentence.start) for f in found]
    for note, found in zip(analysis.footnotes, named[count:], strict=True):
        note.found = found
    return analysis


def link_and_suggest(analysis: Analysis, limit: int = 2) -> tuple[Links, Links]:
    """Footnotes linked to each body sentence, and up to `limit` that fell short of a link (a reviewer's leads).

    Explicit markers, where the source has any, decide the links and leave no doubt to suggest from.
    """
    if any(s.markers for s in analysis.sentences):
        return [[(number, 1.0) for number in s.markers] for s in analysis.sentences], [[] for _ in analysis.sentences]
    units = [Unit(s.text, [_shift(f, -s.start) for f in s.found], block=s.block_index) for s in analysis.sentences]
    numbers, probability = placements(units, analysis.footnotes)
    leads = select(numbers, probability, SUGGESTION_FLOOR, THRESHOLD)
    return select(numbers, probability, THRESHOLD), [suggested[:limit] for suggested in leads]


def link_sentences(analysis: Analysis) -> Links:
    """Footnotes linked to each body sentence, with scores."""
    return link_and_suggest(analysis)[0]


def build_facts(parsed: ParsedSource, analysis: Analysis, links: Links, suggestions: Links | None = None) -> list[Fact]:
    """Facts from every sentence holding a mention, with their citations, checks and status.

    A fact left without citations carries its sentence's `suggestions`, if any.
    """
    notes = {unit.number: unit for unit in analysis.footnotes}
    footnotes = {note.number: note for note in parsed.footnotes}
    facts: list[Fact] = []
    seen: dict[str, int] = {}
    leads = suggestions or [[] for _ in links]
    for sentence, linked, suggested in zip(analysis.sentences, links, leads, strict=True):
        if not sentence.found:
            continue
        block = parsed.blocks[sentence.block_index]
        mentions = [_mention(f"m{i + 1}", found, parsed.raw) for i, found in enumerate(sentence.found)]
        linked_by = "marker" if sentence.markers else "content"
        citations = [
            Citation(
                footnote=number,
                score=score,
                linked_by=linked_by,
                checks=_checks(sentence, mentions, notes[number], footnotes[number], parsed.raw),
            )
            for number, score in linked
            if number in notes
        ]
        facts.append(
            Fact(
                id=_fact_id(sentence.text, seen),
                content_hash=_content_hash(sentence.text, mentions, citations, footnotes),
                sentence=Span(start=sentence.start, end=sentence.end, text=sentence.text),
                section=block.section,
                table=block.table,
                mentions=mentions,
                citations=citations,
                suggestions=[]
                if citations
                else [Suggestion(footnote=n, probability=p) for n, p in suggested if n in footnotes],
                status=fact_status(_best_verdicts(mentions, citations), bool(citations)),  # type: ignore[arg-type]
            )
        )
    return facts


def _checks(sentence: SentenceFacts, mentions: list[Mention], note: Unit, footnote: Footnote, raw: str) -> list[Check]:
    """The check of each date and number of a sentence against one linked footnote."""
    local = [_shift(found, -sentence.start) for found in sentence.found]
    checks = []
    for mention, claim in zip(mentions, local, strict=True):
        if mention.kind == "entity":
            continue
        outcome = check_value(claim, sentence.text, note.text, note.found, local)
        evidence = None
        if outcome.evidence:
            start, end = outcome.evidence[0] + footnote.start, outcome.evidence[1] + footnote.start
            evidence = Span(start=start, end=end, text=raw[start:end])
        checks.append(Check(mention=mention.id, verdict=outcome.verdict, evidence=evidence, note=outcome.note))
    return checks


def _best_verdicts(mentions: list[Mention], citations: list[Citation]) -> list[str]:
    """Per date or number, the best verdict any of the fact's citations gives it."""
    best = {m.id: "not_found" for m in mentions if m.kind != "entity"}
    for citation in citations:
        for check in citation.checks:
            best[check.mention] = min(best[check.mention], check.verdict, key=VERDICT_RANK.__getitem__)
    return list(best.values())


def _shift(found: DocMention, delta: int) -> DocMention:
    return DocMention(found.start + delta, found.end + delta, found.label, found.value)


def _mention(mention_id: str, found: DocMention, raw: str) -> Mention:
    return Mention(
        id=mention_id,
        kind=found.kind,  # type: ignore[arg-type]
        label=found.label,
        start=found.start,
        end=found.end,
        text=raw[found.start : found.end],
        value=found.value,
    )


def _fact_id(text: str, seen: dict[str, int]) -> str:
    """An id from the sentence's words alone, so edits elsewhere in the file never change it."""
    digest = hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:12]
    seen[digest] = seen.get(digest, 0) + 1
    return f"f{digest}" if seen[digest] == 1 else f"f{digest}-{seen[digest]}"


def _content_hash(text: str, mentions: list[Mention], citations: list[Citation], footnotes: dict[int, Footnote]) -> str:
    """A hash of what a reviewer judges: the sentence, its values, and the cited notes' words and verdicts.

    Offsets, footnote numbers and link scores are left out: they move when other parts of the
    article are edited, and a decision must go stale only when this fact itself changed.
    """
    parts = [text, *(m.model_dump_json(exclude={"id", "start", "end"}) for m in mentions)]
    for citation in citations:
        parts.append(footnotes[citation.footnote].text + citation.linked_by)
        parts += [f"{c.mention}:{c.verdict}:{c.evidence.text if c.evidence else ''}" for c in citation.checks]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def pipeline_info(nlp: Language) -> Pipeline:
    """The versions of everything that shapes the output."""
    name, version = model_version(nlp)
    return Pipeline(
        version=PIPELINE_VERSION,
        spacy_version=importlib.metadata.version("spacy"),
        model_name=name,
        model_version=version,
        dateparser_version=importlib.metadata.version("dateparser"),
        options=dict(stage_versions()),
    )


def build_document(parsed: ParsedSource, facts: list[Fact], nlp: Language) -> Document:
    """The validated output document for one source."""
    raw_bytes = parsed.raw.encode("utf-8")
    return Document(
        source=Source(
            path=parsed.path, sha256=hashlib.sha256(raw_bytes).hexdigest(), chars=len(parsed.raw), format=parsed.format
        ),
        pipeline=pipeline_info(nlp),
        extracted_at=datetime.now(UTC),
        footnotes=parsed.footnotes,
        facts=facts,
    )


def run(parsed: ParsedSource, nlp: Language, dct: date | None = None) -> Document:
    """All stages on one parsed source, without orchestration."""
    analysis = analyse(parsed, nlp, dct)
    facts = build_facts(parsed, analysis, *link_and_suggest(analysis))
    return build_document(parsed, facts, nlp)
