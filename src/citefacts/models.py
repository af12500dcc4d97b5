"""The one data model: every structure citefacts reads, writes or exchanges between stages.

Offsets always index the raw source text decoded as UTF-8 (Python string indices), so that
``raw[start:end] == text`` holds for every span written out.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.5"
"""1.1 added `Fact.suggestions`, 1.2 `Document.candidates`, 1.3 the checks of each candidate sentence
(`SentenceCandidate.fact`, `.checks`) and citations `linked_by: reviewer`, 1.4 `Fact.rendered`, `Mention.rendered` and citations `linked_by: paragraph`, 1.5 quotation mentions
(`QuotationValue`) and `Check.flag`; older files still validate."""

MentionKind = Literal["date", "number", "entity", "quotation"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal["day", "month", "season", "quarter", "year", "decade", "century", "time", "unknown"]
NumberKind = Literal["cardinal", "range", "money", "percent", "quantity", "ordinal"]
Qualifier = Literal["approx", "at_least", "more_than", "at_most", "less_than"]
Verdict = Literal["supported", "contradicted", "not_found"]
CheckFlag = Literal["quotation_differs"]
FactStatus = Literal["supported", "partly_supported", "contradicted", "unverified", "uncited"]
LinkedBy = Literal["marker", "content", "reviewer", "paragraph"]
BlockKind = Literal["paragraph", "heading", "table_cell"]
DecisionKind = Literal["accept", "reject", "correct", "undo", "place"]


class Model(BaseModel):
    """Base for all models: unknown fields are errors, so a typo never passes validation."""

    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A stretch of the raw source text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self


# --- values -------------------------------------------------------------------------------


class DateValue(Model):
    """A normalized time expression: its TIMEX3 value and, where it is a calendar date, an interval."""

    kind: Literal["date"] = "date"
    timex: str
    type: TimexType = "DATE"
    granularity: Granularity = "unknown"
    first_day: date | None = None
    last_day: date | None = None
    mod: str | None = None


class NumberValue(Model):
    """A normalized number: a value, or low/high for a range, with its unit and any qualifier."""

    kind: Literal["number"] = "number"
    number_kind: NumberKind = "cardinal"
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: Qualifier | None = None


class EntityValue(Model):
    """A named entity and the canonical name its alias group shares within the document."""

    kind: Literal["entity"] = "entity"
    canonical: str


class QuotationValue(Model):
    """A direct quotation: the quoted words, without the quote marks (checked for verbatim in the footnote)."""

    kind: Literal["quotation"] = "quotation"
    text: str


MentionValue = Annotated[DateValue | NumberValue | EntityValue | QuotationValue, Field(discriminator="kind")]


class Mention(Model):
    """One date, number, named entity or direct quotation in a sentence."""

    id: str
    kind: MentionKind
    label: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    value: MentionValue
    rendered: str | None = None
    """The mention as a reader sees it where its raw span holds markup (``[[Paris]]``: "Paris"); else None."""


# --- footnotes and citations ----------------------------------------------------------------


class CitationFields(Model):
    """A footnote's bibliographic fields, as far as they parse; the rest stays in ``unparsed``."""

    authors: list[str] = []
    editors: list[str] = []
    date: str | None = None
    title: str | None = None
    work: str | None = None
    publisher: str | None = None
    place: str | None = None
    pages: str | None = None
    volume: str | None = None
    issue: str | None = None
    edition: str | None = None
    url: str | None = None
    identifiers: dict[str, str] = {}
    archive_date: str | None = None
    access_date: str | None = None
    language: str | None = None
    quote: Span | None = None
    unparsed: str | None = None
    is_note: bool = False
    span: Span | None = None
    """Where this citation (or note) stands in the raw text: a footnote may hold several."""


class Footnote(Model):
    """One entry of the reference list, numbered in order of appearance."""

    id: str
    number: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    citations: list[CitationFields] = []


class Check(Model):
    """Whether a footnote's text holds the value of one mention."""

    mention: str
    verdict: Verdict
    evidence: Span | None = None
    note: str | None = None
    flag: CheckFlag | None = None
    """For the reviewer: ``quotation_differs``, a quotation whose closest passage in the footnote (the evidence)
    has other words (the note names them); its verdict is not_found, never contradicted."""


class Citation(Model):
    """A link from a fact to a footnote, with how it was found and what the footnote confirms."""

    footnote: int = Field(ge=1)
    score: float
    linked_by: LinkedBy
    checks: list[Check] = []


class Suggestion(Model):
    """A footnote that may support a fact, placed too uncertainly to link: shown to reviewers, never checked."""

    footnote: int = Field(ge=1)
    probability: float = Field(ge=0.0, le=1.0)


class SentenceCandidate(Model):
    """A body sentence where a footnote may be first cited, with the linker's calibrated probability."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    probability: float = Field(ge=0.0, le=1.0)
    fact: str | None = None
    """The id of the fact on this sentence, if it states a date, number or name."""
    checks: list[Check] = []
    """That fact's dates, numbers and quotations checked against this footnote, as a reviewer's placement would check them:
    precomputed so that confirming the candidate needs no language model."""


class FootnoteCandidates(Model):
    """Where the linker would place a footnote by hand: its likeliest sentences, best first."""

    footnote: int = Field(ge=1)
    group: int = Field(default=1, ge=1)
    """The group of footnotes it was aligned with, counted in footnote order (notes, then references)."""
    elsewhere: float | None = Field(default=None, ge=0.0, le=1.0)
    """The alignment's chance that it is first cited outside the body's sentences (an infobox, a table, an
    image); None for a footnote with nothing to compare, which is placed nowhere."""
    sentences: list[SentenceCandidate] = []
    """Up to five; none for a footnote with nothing to compare."""


class SentenceFootnotes(Model):
    """A body sentence and the footnotes that count it among their candidates, best first."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    footnotes: list[Suggestion]


class Candidates(Model):
    """The linker's ranked candidates, both ways: for placing footnotes by hand where it links none."""

    footnotes: list[FootnoteCandidates]
    """Every footnote, in number order."""
    sentences: list[SentenceFootnotes]
    """The sentences some footnote counts among its candidates, in body order."""


class TableCell(Model):
    """Where a fact sits in a table: the headers a reader sees for it."""

    row: str | None = None
    column: str | None = None


class Fact(Model):
    """A body sentence with its extracted mentions, linked footnotes and checks."""

    id: str
    content_hash: str
    sentence: Span
    rendered: str | None = None
    """The sentence as a reader sees it where the raw span holds markup (wikitext's bold, links, templates):
    what a reviewer is shown; None where it reads as ``sentence.text``."""
    section: list[str] = []
    table: TableCell | None = None
    mentions: list[Mention]
    citations: list[Citation] = []
    suggestions: list[Suggestion] = []
    """Only on facts without citations: the likeliest footnotes, best first, with the linker's calibrated probability."""
    status: FactStatus


# --- the output document ---------------------------------------------------------------------


class Source(Model):
    """Which file the facts came from, exactly."""

    path: str
    sha256: str
    chars: int = Field(ge=0)
    format: str = "text"


class Pipeline(Model):
    """The versions that produced an output, so a re-extraction can tell what changed."""

    version: str
    spacy_version: str
    model_name: str
    model_version: str
    dateparser_version: str
    options: dict[str, str | float | int | bool] = {}


class Document(Model):
    """Everything extracted from one source: the JSON object written to ``extracted/``."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    pipeline: Pipeline
    extracted_at: datetime
    footnotes: list[Footnote]
    facts: list[Fact]
    candidates: Candidates | None = None
    """Where markers did not decide the links: each footnote's candidate sentences and each sentence's candidate
    footnotes (none where markers decided them, and in files before 1.2)."""

    @model_validator(mode="after")
    def _unique_ids(self) -> Document:
        ids = [fact.id for fact in self.facts]
        if len(ids) != len(set(ids)):
            raise ValueError("fact ids are not unique")
        return self

    def unplaced_footnotes(self) -> list[int]:
        """Numbers of the footnotes no fact cites: placed nowhere with confidence (reported, not guessed), or cited
        only by sentences that state no date, number or name."""
        cited = {citation.footnote for fact in self.facts for citation in fact.citations}
        return [note.number for note in self.footnotes if note.number not in cited]


# --- reading: the format-blind document model between the reader and the rest ---------------


class Block(Model):
    """A body unit as read: a paragraph, heading or table cell.

    ``text`` is what extraction sees (markers and markup removed). ``offsets[i]`` is the raw index
    of ``text[i]``; ``offsets`` is empty when ``text`` is ``raw[start:start + len(text)]``.
    """

    kind: BlockKind
    start: int = Field(ge=0)
    text: str
    offsets: list[int] = []
    section: list[str] = []
    table: TableCell | None = None
    markers: dict[int, list[int]] = {}
    """Explicit citation markers: text index where a marker stood -> footnote numbers."""


class ParsedSource(Model):
    """A source read into body blocks and footnotes, whatever its format."""

    path: str
    raw: str
    format: str
    blocks: list[Block]
    footnotes: list[Footnote]


# --- review ---------------------------------------------------------------------------------


class Placement(Model):
    """Where a reviewer placed a footnote: the footnote by number and by the hash of its text (which survives
    renumbering), and the sentence by its raw span and text (None: cited nowhere in the body)."""

    footnote: int = Field(ge=1)
    footnote_hash: str
    sentence: Span | None = None
    further: bool = False
    """A further citation of the same footnote (key r): the footnote's earlier placements stand beside it."""


class Decision(Model):
    """One reviewer decision, appended to the review log and never rewritten."""

    fact_id: str
    content_hash: str
    decision: DecisionKind
    reviewer: str
    at: datetime
    note: str | None = None
    correction: dict[str, str] | None = None
    placement: Placement | None = None
    """On a place decision, and on an undo or stale marker of one: then ``fact_id`` is the fact on the placed
    sentence (empty if none) and ``content_hash`` the hash of the sentence's words (``nowhere`` for key 0)."""
    stale: bool = False
    archived: bool = False


def words_hash(text: str) -> str:
    """A hash of a text's words, blind to spacing: how a placement names its footnote and its sentence."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]


def json_schema() -> str:
    """The JSON Schema of the output document, as committed in ``schema/``."""
    return json.dumps(Document.model_json_schema(), indent=2, sort_keys=True) + "\n"
