"""What each eval command reads, one JSON object a line (formats in the shared eval README).

Each line is validated before any work starts, so a wrong field stops the run with one line naming the
file, the line and the field, instead of a traceback halfway through a long run.
"""

from __future__ import annotations

from pydantic import AliasChoices, BaseModel, ConfigDict, Field


class _Record(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class SpansInput(_Record):
    """``citefacts spans``: a text and its document creation date (ISO date or null)."""

    id: str | int | None = Field(default=None, validation_alias=AliasChoices("id", "doc_id"))
    text: str = Field(validation_alias=AliasChoices("text", "input"))
    dct: str | None = None


class FootnoteInput(_Record):
    """A footnote of a ``link`` article: its number and text."""

    n: int
    text: str = ""


class LinkInput(_Record):
    """``citefacts link``: an article body without markers and its numbered footnotes."""

    id: str | int = Field(validation_alias=AliasChoices("id", "title"))
    body: str
    footnotes: list[FootnoteInput]


class CheckInput(_Record):
    """``citefacts check``: a claim and the evidence to check it against."""

    id: str | int | None = None
    claim: str
    evidence: str
