"""What each eval command reads, one JSON object a line (formats in the shared eval README).

Each line is validated before any work starts, so a wrong field stops the run with one line naming the
file, the line and the field, instead of a traceback halfway through a long run.
"""

from __future__ import annotations

import re
from datetime import date, time

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator

ISO_DCT = re.compile(r"(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}:\d{2})?)?", re.ASCII)
"""A creation date as the TimeML and WikiWars sets write it: ``1998-02-13``, ``1998-12-05T09:42``,
``1998-02-13T14:26:00`` (seconds' fractions and a zone allowed)."""


class _Record(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class SpansInput(_Record):
    """``citefacts spans``: a text and its document creation date (ISO date or null)."""

    id: str | int | None = Field(default=None, validation_alias=AliasChoices("id", "doc_id"))
    text: str = Field(validation_alias=AliasChoices("text", "input"))
    dct: str | None = None

    @field_validator("dct")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        """A real calendar date in ISO form, kept as written: a dct that does not read is an error, not ignored."""
        if value is None:
            return None
        found = ISO_DCT.fullmatch(value)
        try:
            if found is None:
                raise ValueError
            date.fromisoformat(found[1])
            if found[2]:
                time.fromisoformat(found[2])
        except ValueError:
            raise ValueError(
                f"{value!r} is not an ISO date: expected YYYY-MM-DD, optionally with a time (1998-02-13T14:26:00)"
            ) from None
        return value


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
