"""Quotations: a sentence's direct quotation looked for, word for word, in a footnote's text.

A direct quotation is text between double quotes (straight or curly) of at least ``MIN_WORDS`` words; shorter
quoted strings are titles, nicknames and scare quotes, and are not checked. Titles of works quoted at that length
are found too ("The Black Death in the Dene Valley"): they are checked like any quotation and end supported where
the footnote names the work, not_found otherwise.

Words are compared, not characters: case, punctuation, straight or curly quotes and apostrophes, dashes and white
space never count, nor does a sentence break in the footnote; a word spelled otherwise (colour/color) or hyphenated
otherwise (peacekeeping/peace-keeping) is the same word; an ellipsis ("..." or "…") or an editor's bracketed words
("[the]") are a gap, each part of the quotation looked for in turn. A quotation found so is *supported*, with
the footnote's words as evidence. A passage close enough to be the same quotation whose words differ (a word
changed, added or left out, a "not" dropped) is *not found* with the flag ``quotation_differs``, the passage as
evidence and a note naming the words: a reviewer decides, the checker never calls a quotation contradicted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, Levenshtein

from citefacts.check.verdict import Outcome
from citefacts.mention import DocMention
from citefacts.models import QuotationValue
from citefacts.sentences import Passage

MIN_WORDS = 4
"""Quoted text of fewer words is a title, a nickname or scare quotes ("environmental protests"), not a quotation."""
SAME_QUOTATION = 0.7
"""The share of a quotation's words that its closest passage must hold, in order, to be the same quotation however
worded: one word changed in four (0.75) is; five of ten words, a phrase shared by other words, are not (0.5)."""
SHARED_WORDS = 3
"""... and at least this many words in common (all of a shorter part), so a stock phrase is no counterpart."""
SPELLING = 82
"""rapidfuzz ratio (0-100) from which two words of 4+ letters with the same first letter are one word spelled two
ways (colour/color 91, defence/defense 86, centre/center 83), not two words (their/there 80, kills/killed 73)."""
GAP_WORDS = 60
"""How many footnote words an ellipsis may stand for: the next part of the quotation is looked for within them."""
BRACKET_WORDS = 3
"""... and an editor's bracketed words ("[the]", "[Armenia's army]"), which stand for a word or a short phrase."""
NOTED_DIFFERENCES = 4
"""Differences named in a flagged check's note; the rest are counted."""

_QUOTED = re.compile(r'(?<![\w"“”„])[“„"](?=[^\s"“”„])([^"“”„\n]*?[^\s"“”„])[”"](?!\w)')
"""Double-quoted text: the opening mark not after a letter (an inch mark: 12"), no white space inside the marks."""
_WORD = re.compile(r"[^\W\d_]+(?:[-‐‑'’][^\W\d_]+)*|[^\W_]+")
"""A word: letters joined by hyphens or apostrophes (peace-keeping, didn't) are one word; digits stand apart."""
_JOINERS = re.compile(r"[-‐‑'’]")
_ATTACHED = re.compile(r"\[(\w{1,3})\](?=\w)")
"""An editor's letter inside a word ("[p]ossibly"): read as the word."""
_GAP = re.compile(r"\[[^\]]*\]|\.\s*\.\s*\.|…")
_CODES = 0xF0000
"""Words are compared as characters of the supplementary private use plane, one code point per distinct word."""


@dataclass(frozen=True)
class Word:
    """A word of a text: lower-cased letters and digits, with its offsets."""

    text: str
    start: int
    end: int


def words(text: str) -> list[Word]:
    """The words of a text, punctuation, quote marks, dashes and spacing left out."""
    return [Word(_JOINERS.sub("", m.group()).lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def find_quotations(text: str) -> list[DocMention]:
    """The direct quotations of a text (at least ``MIN_WORDS`` words between double quotes), marks included."""
    found = []
    for match in _QUOTED.finditer(text):
        if len(_WORD.findall(match.group(1))) >= MIN_WORDS:
            found.append(DocMention(match.start(), match.end(), "QUOTE", QuotationValue(text=match.group(1))))
    return found


def with_quotations(passages: list[Passage], text: str) -> list[Passage]:
    """The sentences of a block's ``text`` with its quotations among their mentions, in text order.

    A quotation spanning sentences (spaCy often breaks inside one) is cut at their bounds: each sentence's part
    of at least ``MIN_WORDS`` words is a quotation of that sentence.
    """
    quotations = find_quotations(text)
    for passage in passages if quotations else []:
        begin, finish = passage.origin, passage.origin + len(passage.text)
        for quotation in quotations:
            start, end = max(quotation.start, begin), min(quotation.end, finish)
            if start >= end:
                continue
            piece = text[start:end]
            start, quoted = start + len(piece) - len(piece.lstrip()), piece.strip()
            end = start + len(quoted)
            inner = quoted.strip('"“”„').strip()
            if len(_WORD.findall(inner)) >= MIN_WORDS:
                part = DocMention(start - begin, end - begin, "QUOTE", QuotationValue(text=inner))
                passage.mentions = sorted([*passage.mentions, part], key=lambda m: (m.start, m.end))
    return passages


def parts(quotation: str) -> tuple[list[list[str]], list[int]]:
    """A quotation's words in the parts its ellipses and bracketed insertions leave, and before each part how many
    source words its gap may stand for (``GAP_WORDS`` for an ellipsis, ``BRACKET_WORDS`` for brackets)."""
    text = _ATTACHED.sub(r"\1", quotation)
    found: list[list[str]] = []
    gaps: list[int] = []
    gap, at = 0, 0
    for separator in [*_GAP.finditer(text), None]:
        piece = [w.text for w in words(text[at : separator.start() if separator else len(text)])]
        if piece:
            found.append(piece)
            gaps.append(gap)
            gap = 0
        if separator is not None:
            gap += BRACKET_WORDS if separator.group().startswith("[") else GAP_WORDS
            at = separator.end()
    return found, gaps


def check_quotation(quotation: str, footnote: str) -> Outcome:
    """Whether a footnote's text holds a quotation verbatim or nearly (supported), or a passage of other words close
    enough to be the same quotation (not found, flagged ``quotation_differs``), or nothing like it (not found)."""
    (quoted, gaps), noted = parts(quotation), words(footnote)
    if not quoted or not noted:
        return Outcome("not_found")
    codes: dict[str, str] = {}
    spelled = _spellings({w for part in quoted for w in part}, {w.text for w in noted})
    encoded = [_encode(part, codes) for part in quoted]
    note = _encode([spelled.get(w.text, w.text) for w in noted], codes)
    windows = _locate(encoded, gaps, note)
    equal = sum(_equal(part, note[start:end]) for part, (start, end) in zip(encoded, windows, strict=True))
    length = sum(len(part) for part in encoded)
    if equal < SAME_QUOTATION * length or equal < min(SHARED_WORDS, length):
        return Outcome("not_found")
    first, last = min(start for start, _ in windows), max(end for _, end in windows)
    evidence = (noted[first].start, noted[last - 1].end)
    differences = [
        difference
        for part, words_of, (start, end) in zip(encoded, quoted, windows, strict=True)
        for difference in _differences(part, words_of, note[start:end], noted[start:end], footnote)
    ]
    if not differences:
        respelled = any(
            "".join(part) != "".join(w.text for w in noted[start:end])
            for part, (start, end) in zip(quoted, windows, strict=True)
        )
        return Outcome("supported", evidence, "the same words, spelled or hyphenated otherwise" if respelled else None)
    shown = "; ".join(differences[:NOTED_DIFFERENCES])
    more = len(differences) - NOTED_DIFFERENCES
    return Outcome(
        "not_found",
        evidence,
        f"the quotation differs from the source: {shown}" + (f"; and {more} more" if more > 0 else ""),
        flag="quotation_differs",
    )


def _spellings(quoted: set[str], noted: set[str]) -> dict[str, str]:
    """Footnote words that are a quotation's word spelled otherwise, mapped to the quotation's spelling."""
    candidates = [w for w in quoted if len(w) >= 4 and w.isalpha()]
    respelled = {}
    for word in noted - quoted:
        if len(word) < 4 or not word.isalpha():
            continue
        best = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=SPELLING)
        if best is not None and best[0][0] == word[0]:
            respelled[word] = best[0]
    return respelled


def _encode(sequence: list[str], codes: dict[str, str]) -> str:
    return "".join(codes.setdefault(word, chr(_CODES + len(codes))) for word in sequence)


def _locate(encoded: list[str], gaps: list[int], note: str) -> list[tuple[int, int]]:
    """The footnote's window of words for each part of the quotation, in order: the longest part anywhere, the parts
    before it each just before the next, the parts after it each just after the one before, within their gaps."""
    anchor = max(range(len(encoded)), key=lambda i: len(encoded[i]))
    windows: list[tuple[int, int]] = [(0, 0)] * len(encoded)
    windows[anchor] = _window(encoded[anchor], note, 0, len(note))
    for i in range(anchor - 1, -1, -1):
        bound = windows[i + 1][0]
        windows[i] = _window(encoded[i], note, max(0, bound - gaps[i + 1] - len(encoded[i])), bound, latest=True)
    for i in range(anchor + 1, len(encoded)):
        bound = windows[i - 1][1]
        windows[i] = _window(encoded[i], note, bound, min(len(note), bound + gaps[i] + len(encoded[i])))
    return windows


def _window(part: str, note: str, low: int, high: int, latest: bool = False) -> tuple[int, int]:
    """The span of ``note[low:high]`` most like ``part`` (word-level Indel similarity); the last such if ``latest``."""
    region = note[low:high][::-1] if latest else note[low:high]
    sought = part[::-1] if latest else part
    if not region:
        return low, low
    aligned = fuzz.partial_ratio_alignment(sought, region)
    start, end = (aligned.dest_start, aligned.dest_end) if aligned else (0, len(region))
    slack = max(2, len(part) // 4)
    best, found = -1.0, (start, end)
    for left in range(max(0, start - slack), min(len(region), start + slack) + 1):
        for right in range(max(left + 1, end - slack), min(len(region), end + slack) + 1):
            score = Indel.normalized_similarity(sought, region[left:right])
            if score > best:
                best, found = score, (left, right)
    left, right = found
    return (high - right, high - left) if latest else (low + left, low + right)


def _equal(part: str, window: str) -> int:
    return sum(op.src_end - op.src_start for op in Levenshtein.opcodes(part, window) if op.tag == "equal")


def _differences(part: str, said: list[str], window: str, found: list[Word], footnote: str) -> list[str]:
    """The words a quotation's part and its footnote window do not share, run by run, as a note names them; a run
    of the same letters split otherwise (peacekeeping / peace-keeping) is no difference."""
    runs: list[tuple[int, int, int, int]] = []
    for op in Levenshtein.opcodes(part, window):
        if op.tag == "equal":
            continue
        if runs and runs[-1][1] == op.src_start and runs[-1][3] == op.dest_start:
            runs[-1] = (runs[-1][0], op.src_end, runs[-1][2], op.dest_end)
        else:
            runs.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    notes = []
    for src_start, src_end, dest_start, dest_end in runs:
        ours = " ".join(said[src_start:src_end])
        theirs = footnote[found[dest_start].start : found[dest_end - 1].end] if dest_end > dest_start else ""
        if "".join(said[src_start:src_end]) == "".join(w.text for w in found[dest_start:dest_end]):
            continue
        if ours and theirs:
            notes.append(f"{theirs!r} in the source for {ours!r}")
        elif ours:
            notes.append(f"{ours!r} not in the source")
        else:
            notes.append(f"the source also has {theirs!r}")
    return notes
