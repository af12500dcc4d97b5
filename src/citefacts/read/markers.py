"""Explicit citation markers: building block text with markup and markers taken out.

A ``TextBuilder`` collects the characters extraction will see, each with its raw offset, and
the footnote numbers of the markers that stood between them. The plain-text ``[n]`` format
(a body with ``[1]`` markers and a numbered reference list) is read here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citefacts.models import Block, BlockKind, Footnote, TableCell
from citefacts.read.cite import parse_footnote

MARKER = re.compile(r"\[(?P<numbers>\d{1,4}(?:\s*[,–-]\s*\d{1,4})*)\]")
REFERENCE_HEADING = re.compile(
    r"^\s*#*\s*(?:References|Notes|Footnotes|Sources|Citations|Notes and references)\s*:?\s*$", re.I
)
NUMBERED_ENTRY = re.compile(
    r"^\s*(?:\[(?P<bracketed>\d{1,4})\]|(?P<dotted>\d{1,4})[.)])\s+(?:\^(?:\s*[a-z](?=\s))*\s*)?"
)


@dataclass
class TextBuilder:
    """Text for one block, each character with its raw offset, and the markers between them."""

    chars: list[str] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)
    markers: dict[int, list[int]] = field(default_factory=dict)
    exact: bool = True
    """Whether every character is the raw character at its offset; a stand-in (a newline for a line
    break, a space for a ``|``) makes the block keep its offsets even where they run on unbroken."""

    def add(self, text: str, raw_start: int) -> None:
        """Append a verbatim stretch of the raw text that starts at ``raw_start``."""
        self.chars.extend(text)
        self.offsets.extend(range(raw_start, raw_start + len(text)))

    def add_char(self, char: str, raw_index: int) -> None:
        """Append one character standing for the raw text at ``raw_index`` (an entity, a space)."""
        self.chars.append(char)
        self.offsets.append(raw_index)
        self.exact = False

    def add_mapped(self, text: str, offsets: list[int], exact: bool) -> None:
        """Append characters with their raw offsets, as another block mapped them (``exact``: verbatim)."""
        self.chars.extend(text)
        self.offsets.extend(offsets)
        self.exact = self.exact and exact

    def mark(self, numbers: list[int]) -> None:
        """A marker stood here: after the text so far."""
        at = self.trimmed_length()
        for number in numbers:
            if number not in self.markers.setdefault(at, []):
                self.markers[at].append(number)

    def trimmed_length(self) -> int:
        """Length of the text without trailing white space (a marker after a space belongs before it)."""
        length = len(self.chars)
        while length and self.chars[length - 1].isspace():
            length -= 1
        return length

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def block(self, kind: BlockKind, section: list[str], table: TableCell | None = None) -> Block | None:
        """The block built so far, trimmed of surrounding white space, or None when it is empty."""
        text = self.text
        lead = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        if end <= lead:
            return None
        offsets = self.offsets[lead:end]
        markers = {min(max(at - lead, 0), end - lead): notes for at, notes in self.markers.items()}
        verbatim = self.exact and offsets == list(range(offsets[0], offsets[0] + len(offsets)))
        return Block(
            kind=kind,
            start=offsets[0],
            text=text[lead:end],
            offsets=[] if verbatim else offsets,
            section=list(section),
            table=table,
            markers=_merge(markers),
        )


def _merge(markers: dict[int, list[int]]) -> dict[int, list[int]]:
    return {at: list(dict.fromkeys(notes)) for at, notes in sorted(markers.items()) if notes}


def marker_numbers(written: str) -> list[int]:
    """Footnote numbers of a marker's inside: ``3``, ``3, 5`` or a range ``3–5``."""
    numbers: list[int] = []
    for part in re.split(r"\s*,\s*", written):
        ends = re.split(r"\s*[–-]\s*", part)
        if len(ends) == 2 and int(ends[0]) <= int(ends[1]) <= int(ends[0]) + 20:
            numbers += range(int(ends[0]), int(ends[1]) + 1)
        else:
            numbers += [int(end) for end in ends]
    return numbers


def strip_markers(block: Block, raw: str, known: set[int]) -> Block:
    """A block with its ``[n]`` markers (for footnotes that exist) moved out of the text into ``markers``."""
    builder = TextBuilder()
    position = 0
    text = block.text
    offsets = block.offsets or list(range(block.start, block.start + len(text)))
    exact = not block.offsets
    for match in MARKER.finditer(text):
        numbers = marker_numbers(match.group("numbers"))
        if not numbers or not set(numbers) <= known:
            continue
        builder.add_mapped(text[position : match.start()], offsets[position : match.start()], exact)
        builder.mark(numbers)
        position = match.end()
    if position == 0:
        return block
    builder.add_mapped(text[position:], offsets[position:], exact)
    stripped = builder.block(block.kind, block.section, block.table)
    return stripped or block


def find_reference_list(lines: list[tuple[int, int, str]]) -> int | None:
    """Index of the reference heading that opens a numbered list (``1. …`` or ``[1] …``), if any."""
    for index in range(len(lines) - 1, -1, -1):
        if REFERENCE_HEADING.match(lines[index][2]):
            following = [line for line in lines[index + 1 :] if line[2].strip()]
            if following and NUMBERED_ENTRY.match(following[0][2]):
                return index
    return None


def numbered_footnotes(lines: list[tuple[int, int, str]], path: str) -> list[Footnote]:
    """Footnotes of a numbered reference list; lines that do not start an entry continue the last."""
    entries: list[tuple[int, int, int]] = []
    for start, end, text in lines:
        entry = NUMBERED_ENTRY.match(text)
        if entry:
            number = int(entry.group("bracketed") or entry.group("dotted"))
            entries.append((number, start + entry.end(), end))
        elif entries and text.strip():
            number, begin, _ = entries[-1]
            entries[-1] = (number, begin, end)
    footnotes = []
    seen: set[int] = set()
    for number, start, end in entries:
        if number in seen:
            continue
        seen.add(number)
        footnotes.append(Footnote(id=f"n{number}", number=number, start=start, end=end, text=""))
    return footnotes


def fill_footnotes(footnotes: list[Footnote], raw: str) -> list[Footnote]:
    """Footnotes with their text and citations read from the raw text between start and end."""
    filled = []
    for note in footnotes:
        text = raw[note.start : note.end]
        filled.append(note.model_copy(update={"text": text, "citations": parse_footnote(text, note.start)}))
    return filled
