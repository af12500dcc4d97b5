"""The pipeline's stages chained: read, sentences, extract, link, check, assemble.

Each stage is a plain function on plain data so that the Prefect flow can run each as a task and
the CLI's eval commands can call the very same code.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import islice

from spacy.language import Language

from citefacts.check import check_value, fact_status
from citefacts.check.quotes import check_quotation, with_quotations
from citefacts.confirmed import confirmed, sentence_span
from citefacts.dates import DateContext
from citefacts.entities import apply_aliases
from citefacts.extract import extract
from citefacts.identity import content_hash, fact_id
from citefacts.link import SUGGESTION_FLOOR, THRESHOLD, Fixed, Links, Placements, by_sentence, placements
from citefacts.mention import DocMention
from citefacts.models import (
    Block,
    Candidates,
    Check,
    Citation,
    Document,
    Fact,
    Footnote,
    FootnoteCandidates,
    LinkedBy,
    Mention,
    ParsedSource,
    Pipeline,
    Placement,
    SentenceCandidate,
    SentenceFootnotes,
    Source,
    Span,
    Suggestion,
    Verdict,
)
from citefacts.nlp import model_version
from citefacts.sentences import (
    PARAGRAPH_SCORE,
    Passage,
    footnote_text,
    paragraph_markers,
    parse_texts,
    raw_span,
    rendered_text,
    sentence_passages,
)
from citefacts.versions import PIPELINE_VERSION, stage_versions

VERDICT_RANK: dict[Verdict, int] = {"supported": 0, "contradicted": 1, "not_found": 2}


@dataclass
class Analysis:
    """What extraction found in the body sentences and in each footnote, offsets local to each passage."""

    sentences: list[Passage]
    footnotes: list[Passage]


Progress = Callable[[str, int, int], None]
"""Told what a long run is doing: a stage ("parsing", "linking", "checking"), how much of it is done, of how much."""


def no_progress(stage: str, done: int, total: int) -> None:
    """The progress of a run nobody watches."""


def analyse(
    parsed: ParsedSource, nlp: Language, dct: date | None = None, processes: int = 1, progress: Progress = no_progress
) -> Analysis:
    """Split the body into sentences and extract mentions from them and from the footnotes.

    Body blocks and footnotes go through spaCy in one stream, on ``processes`` processes when the
    article is long enough for that to pay (``parse_texts``).
    """
    blocks = parsed.blocks
    content = [i for i, block in enumerate(blocks) if block.kind != "heading"]
    note_texts = [footnote_text(parsed, note) for note in parsed.footnotes]
    texts = [blocks[i].text for i in content] + note_texts
    docs = parse_texts(nlp, texts, processes)  # extraction below runs while spaCy's processes parse ahead
    context = DateContext(dct=dct)
    sentences: list[Passage] = []
    total = len(texts)
    for done, (index, doc) in enumerate(zip(content, islice(docs, len(content)), strict=True)):
        progress("parsing", done, total)
        found = sentence_passages(doc, extract(doc, dct, context), index, blocks[index])
        sentences += with_quotations(found, doc.text)
    notes = []
    for done, (note, text, doc) in enumerate(zip(parsed.footnotes, note_texts, docs, strict=True), start=len(content)):
        progress("parsing", done, total)
        notes.append(Passage(text, extract(doc, dct), number=note.number))
    return with_aliases(Analysis(sentences, notes))


def with_aliases(analysis: Analysis) -> Analysis:
    """Give every entity the canonical name its alias group has across the whole document."""
    passages = analysis.sentences + analysis.footnotes
    named = apply_aliases([p.mentions for p in passages], [p.text for p in passages])
    for passage, mentions in zip(passages, named, strict=True):
        passage.mentions = mentions
    return analysis


@dataclass
class Linking:
    """What the link stage hands on: links, suggestions for the uncited, and the ranked candidates."""

    links: Links
    """For each sentence, its linked footnotes with their scores."""
    suggestions: Links
    """For each sentence, footnotes placed on it too uncertainly to link (at most two)."""
    placements: Placements | None
    """Every footnote's calibrated placements; None where explicit markers decided the links."""


def link_stage(analysis: Analysis, limit: int = 2, fixed: Fixed | None = None) -> Linking:
    """Footnotes linked to each body sentence, up to `limit` suggestions that fell short of a link, and the
    placements they come from; `fixed` are reviewers' confirmed first citations, which the alignment respects
    (their neighbours' placements sharpen) and which it does not link itself.

    Explicit markers, where the source has any, decide the links and leave no doubt to suggest from.
    """
    if any(s.markers for s in analysis.sentences):
        links = [[(number, 1.0) for number in s.markers] for s in analysis.sentences]
        return Linking(links, [[] for _ in analysis.sentences], None)
    placed = placements(analysis.sentences, analysis.footnotes, fixed)
    suggestions = placed.links(SUGGESTION_FLOOR, THRESHOLD)
    return Linking(placed.links(THRESHOLD), [suggested[:limit] for suggested in suggestions], placed)


def link_and_suggest(analysis: Analysis, limit: int = 2) -> tuple[Links, Links]:
    """Footnotes linked to each body sentence, and up to `limit` suggestions that fell short of a link."""
    linking = link_stage(analysis, limit)
    return linking.links, linking.suggestions


def link_sentences(analysis: Analysis) -> Links:
    """Footnotes linked to each body sentence, with scores."""
    return link_and_suggest(analysis)[0]


def ranked_candidates(
    parsed: ParsedSource, analysis: Analysis, placed: Placements, facts: list[Fact] | None = None
) -> Candidates:
    """Each footnote's candidate sentences and each sentence's candidate footnotes, as raw spans of the source.

    Given the facts, each candidate sentence that is a fact carries its id and its values checked against the
    footnote, so that a reviewer's confirmation is checked at once, without a language model.
    """
    spans = [sentence_span(parsed, sentence) for sentence in analysis.sentences]
    ranked = placed.candidates()
    pair_checks = PairChecks(parsed, analysis, facts or [])
    footnotes = [
        FootnoteCandidates(
            footnote=number,
            group=group,
            elsewhere=elsewhere,
            sentences=[
                SentenceCandidate(
                    start=spans[index][0],
                    end=spans[index][1],
                    probability=probability,
                    fact=fact.id if (fact := pair_checks.facts[index]) else None,
                    checks=pair_checks.checks(index, number) if facts else [],
                )
                for index, probability in sentences
            ],
        )
        for number, group, elsewhere, sentences in zip(
            placed.numbers, placed.groups, placed.elsewhere, ranked, strict=True
        )
    ]
    sentences = [
        SentenceFootnotes(
            start=span[0], end=span[1], footnotes=[Suggestion(footnote=n, probability=p) for n, p in listed]
        )
        for span, listed in zip(spans, by_sentence(placed.numbers, ranked, len(spans)), strict=True)
        if listed
    ]
    return Candidates(footnotes=footnotes, sentences=sentences)


class PairChecks:
    """The checks of any body sentence's fact against any footnote, as a citation of it would carry them."""

    def __init__(self, parsed: ParsedSource, analysis: Analysis, facts: list[Fact]) -> None:
        self.parsed, self.analysis = parsed, analysis
        by_span = {(fact.sentence.start, fact.sentence.end): fact for fact in facts}
        self.facts = [by_span.get(sentence_span(parsed, sentence)) for sentence in analysis.sentences]
        self.notes = {passage.number: passage for passage in analysis.footnotes}
        self.footnotes = {note.number: note for note in parsed.footnotes}

    def checks(self, index: int, number: int) -> list[Check]:
        """The checks of sentence `index`'s dates, numbers and quotations against footnote `number` (none if it is no fact)."""
        fact = self.facts[index]
        if fact is None or number not in self.notes:
            return []
        sentence, note = self.analysis.sentences[index], self.notes[number]
        return _checks(sentence, fact.mentions, note, self.footnotes[number], self.parsed.raw)


def build_facts(
    parsed: ParsedSource,
    analysis: Analysis,
    links: Links,
    suggestions: Links | None = None,
    placed: Links | None = None,
) -> list[Fact]:
    """Facts from every sentence holding a mention, with their citations, checks and status.

    A fact left without citations carries its sentence's `suggestions`, if any. `placed` holds, for each
    sentence, the footnotes a reviewer placed there: cited after the others, ``linked_by: reviewer``.
    """
    notes = {passage.number: passage for passage in analysis.footnotes}
    footnotes = {note.number: note for note in parsed.footnotes}
    facts: list[Fact] = []
    seen: dict[str, int] = {}
    nothing: Links = [[] for _ in links]
    covering = paragraph_markers(analysis.sentences)
    for sentence, linked, suggested, by_reviewer, covered in zip(
        analysis.sentences, links, suggestions or nothing, placed or nothing, covering, strict=True
    ):
        if not sentence.mentions:
            continue
        block = parsed.blocks[sentence.block]
        start, end = sentence_span(parsed, sentence)
        text = parsed.raw[start:end]
        mentions = [
            _mention(f"m{i + 1}", block, sentence, found, parsed.raw) for i, found in enumerate(sentence.mentions)
        ]
        cited, automatic = _cited(linked, by_reviewer, covered, notes, bool(sentence.markers))
        citations = [
            Citation(
                footnote=number,
                score=score,
                linked_by=kind,
                checks=_checks(sentence, mentions, notes[number], footnotes[number], parsed.raw),
            )
            for number, score, kind in cited
        ]
        facts.append(
            Fact(
                id=fact_id(text, seen),
                content_hash=content_hash(text, mentions, citations, footnotes),
                sentence=Span(start=start, end=end, text=text),
                rendered=rendered_text(sentence.text, text),
                section=block.section,
                table=block.table,
                mentions=mentions,
                citations=citations,
                suggestions=[]
                if automatic
                else [Suggestion(footnote=n, probability=p) for n, p in suggested if n in footnotes],
                status=fact_status(best_verdicts(mentions, citations), bool(citations)),
            )
        )
    return facts


def _cited(
    linked: list[tuple[int, float]],
    by_reviewer: list[tuple[int, float]],
    covered: list[int],
    notes: dict[int, Passage],
    marker: bool,
) -> tuple[list[tuple[int, float, LinkedBy]], bool]:
    """A sentence's citations as (footnote, score, how linked), and whether any was found without a reviewer.

    A reviewer's placement supersedes a link to the same footnote and comes after the others; a sentence with
    no link and no placement takes its paragraph's next marker. Suggestions stay beside a reviewer's citation
    (the flag is False), so undoing it gives the fact back as it was.
    """
    placed = [number for number, _ in by_reviewer]
    kind: LinkedBy = "marker" if marker else "content"
    own = [(number, score, kind) for number, score in linked if number in notes and number not in placed]
    if not own and not by_reviewer:
        own = [(number, PARAGRAPH_SCORE, "paragraph") for number in covered if number in notes]
    reviewer: list[tuple[int, float, LinkedBy]] = [(number, 1.0, "reviewer") for number in placed if number in notes]
    return own + reviewer, bool(own)


def _checks(sentence: Passage, mentions: list[Mention], note: Passage, footnote: Footnote, raw: str) -> list[Check]:
    """The check of each date, number and quotation of a sentence against one linked footnote."""
    checks = []
    values = [found for found in sentence.mentions if found.kind != "quotation"]
    for mention, claim in zip(mentions, sentence.mentions, strict=True):
        if claim.value.kind == "entity":
            continue
        if claim.value.kind == "quotation":
            outcome = check_quotation(claim.value.text, note.text)
        else:
            outcome = check_value(claim, sentence.text, note.text, note.mentions, values, footnote.citations)
        evidence = None
        if outcome.evidence:
            start, end = outcome.evidence[0] + footnote.start, outcome.evidence[1] + footnote.start
            evidence = Span(start=start, end=end, text=raw[start:end])
        checks.append(
            Check(mention=mention.id, verdict=outcome.verdict, evidence=evidence, note=outcome.note, flag=outcome.flag)
        )
    return checks


def best_verdicts(mentions: list[Mention], citations: list[Citation]) -> list[Verdict]:
    """Per date, number or quotation, the best verdict any of the fact's citations gives it."""
    best: dict[str, Verdict] = {m.id: "not_found" for m in mentions if m.kind != "entity"}
    for citation in citations:
        for check in citation.checks:
            best[check.mention] = min(best[check.mention], check.verdict, key=VERDICT_RANK.__getitem__)
    return list(best.values())


def _mention(mention_id: str, block: Block, sentence: Passage, found: DocMention, raw: str) -> Mention:
    """A sentence's mention as the output records it: offsets into the raw text."""
    start, end = raw_span(block, sentence.origin + found.start, sentence.origin + found.end)
    text = raw[start:end]
    shown = rendered_text(sentence.text[found.start : found.end], text)
    return Mention(
        id=mention_id,
        kind=found.kind,
        label=found.label,
        start=start,
        end=end,
        text=text,
        value=found.value,
        rendered=shown,
    )


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


def build_document(
    parsed: ParsedSource, facts: list[Fact], nlp: Language, candidates: Candidates | None = None
) -> Document:
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
        candidates=candidates,
    )


def run(
    parsed: ParsedSource,
    nlp: Language,
    dct: date | None = None,
    processes: int = 1,
    progress: Progress = no_progress,
    placements: Sequence[Placement] = (),
) -> Document:
    """All stages on one parsed source, without orchestration; ``progress`` hears of each stage.

    ``placements`` are reviewers' confirmed placements (the decision log's, in force): each cites its
    footnote on its sentence, checked like any citation, and the linker aligns the other footnotes around them.
    """
    analysis = analyse(parsed, nlp, dct, processes, progress)
    progress("linking", 0, 1)
    placed = confirmed(parsed, analysis.sentences, placements)
    linking = link_stage(analysis, fixed=placed.fixed)
    progress("checking", 0, 1)
    facts = build_facts(parsed, analysis, linking.links, linking.suggestions, placed.links)
    candidates = None
    if linking.placements is not None:
        candidates = ranked_candidates(parsed, analysis, linking.placements, facts)
    return build_document(parsed, facts, nlp, candidates)
