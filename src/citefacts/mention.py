"""What an extractor finds: a character span of the text it was given, a label and a value."""

from __future__ import annotations

from dataclasses import dataclass

from citefacts.models import DateValue, EntityValue, MentionKind, NumberValue, QuotationValue


@dataclass(frozen=True)
class DocMention:
    """One extracted mention, with offsets into the text the extractor saw."""

    start: int
    end: int
    label: str
    value: DateValue | NumberValue | EntityValue | QuotationValue

    @property
    def kind(self) -> MentionKind:
        return self.value.kind

    def overlaps(self, other: DocMention) -> bool:
        return self.start < other.end and other.start < self.end

    def shifted(self, delta: int) -> DocMention:
        """The same mention with offsets into a text that starts ``-delta`` characters later."""
        return DocMention(self.start + delta, self.end + delta, self.label, self.value)
