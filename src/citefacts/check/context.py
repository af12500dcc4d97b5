"""What a value is about: the words around it, weighted by nearness, and how far two such contexts agree.

A number's context is mostly the noun it counts ("646 cases") and the verb or subject before it
("the confirmed cases reached 3446"); words reached only across another number belong to that one.
Words are compared as the lexicon's stems (``citefacts.lexicon``) with a few synonym groups
(killed/deaths, grossed/earned), and near-identical spellings match through rapidfuzz
(hospitalisations/hospitalizations).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from citefacts.lexicon import (
    MONTHS,
    ORDINAL_UNITS,
    SCALE_WORDS,
    STOP_WORDS,
    TEEN_WORDS,
    TENS_WORDS,
    UNIT_WORDS,
    stem,
    words,
)

WINDOW = 8
"""How many words on each side of a value make its context."""
RIGHT_DECAY, LEFT_DECAY = 0.7, 0.6
"""Weight kept per word of distance: the counted noun follows a number, its subject precedes it."""
ACROSS_VALUE = 0.3
"""Weight kept by a word reached only across another number or date."""
ACROSS_CONJUNCT = 0.5
"""Weight kept by a word reached across a comma or 'and': it may belong to a neighbouring phrase."""
FUZZY_MIN = 88.0
PREFIX_MIN = 5
"""A stem this long that begins a longer one is the same word (produc, production)."""
NOUN_WEIGHT = 0.45
"""A word this close after a number, with nothing between but names, is the noun it counts."""
SCOPE = False
NAME_WEIGHT = 0.65
"""A capitalised word this close to a value names whose value it is."""

_CONJUNCT = frozenset([",", "(", ")", "–", "—", "and", "or", "but", "while", "whereas", "with"])
_CLAUSE_END = re.compile(r"[.;!?](?=\s|$)|\n|\[\d+\]")
_NUMBER_WORDS = frozenset(
    [
        *UNIT_WORDS,
        *TEEN_WORDS,
        *TENS_WORDS,
        *SCALE_WORDS,
        *ORDINAL_UNITS,
        *MONTHS,
        "hundred",
        "dozen",
        "percent",
        "cent",
    ]
)
"""Words that are part of a figure or a date, not of what it counts."""
_SYNONYMS = [
    "death dead die died dies dying kill killed killing fatality fatalities life lives",
    "case infection infect positive",
    "recovery recover",
    "gross earn revenue",
    "soldier troop serviceman servicemen personnel",
    "film movie",
    "sale sell sold",
    "review critic reviewer",
    "birth born",
    "win won victory",
    "worldwide global globally world",
    "injure injury wound",
    "resident inhabitant population people person",
    "coronavirus covid-19 covid sars-cov-2",
    "peak peaked rank ranked chart charted",
    "found founded establish established",
]
_GROUP = {stem(word): stem(group.split()[0]) for group in _SYNONYMS for word in group.split()}


def word_key(word: str) -> str:
    """How context words are compared: the lexicon's stem, then its synonym group's name."""
    stemmed = stem(word)
    return _GROUP.get(stemmed, stemmed)


_EVENTS = frozenset(
    word_key(word) for word in ["death", "case", "recovery", "injure", "missing", "displaced", "wounded"]
)
"""What counts of people count: the dead, the infected, the recovered, the injured, the missing."""
_CONTRASTS = [
    ["soldiers troops servicemen combatants fighters militants", "civilians non-combatants noncombatants"],
    ["men boys male", "women girls female"],
    ["adults", "children child minors infants"],
]
"""Divisions of the counted people into kinds no count crosses: a count of one kind (soldiers) is never
a count of another kind of the same division (civilians), however many words the two values share."""


@dataclass(frozen=True)
class Context:
    """Stemmed context words of one value, each with its weight, and the noun it counts if any."""

    weights: dict[str, float]
    nouns: frozenset[str] = frozenset()
    """The words right after a number ("2,906 Azerbaijani soldiers": soldier), names skipped: the noun it
    counts and the words that qualify it ("87 confirmed cases": confirm, case)."""
    names: frozenset[str] = frozenset()
    """Capitalised words close to the value: whose figure it is ("Azerbaijani", "Armenia")."""
    clause_words: frozenset[str] = frozenset()
    """Every content word of the value's clause, stemmed."""
    proper: frozenset[str] = frozenset()
    """The context words written with a capital (names), which say what a text is about, not what happened."""
    phrase: frozenset[str] = frozenset()
    """The close words of the value's own phrase: reached without crossing a comma, 'and' or another value."""
    kinds: frozenset[tuple[int, int]] = frozenset()
    """The kinds of people a number counts, as (division, kind) of ``_CONTRASTS``: those of its counted noun
    ("18 civilians"), else the only kind of a division its text names ("of which six died")."""

    def close(self) -> set[str]:
        """The words next to the value (within a word or two)."""
        return {word for word, weight in self.weights.items() if weight >= NOUN_WEIGHT}


_KINDS = [[frozenset(word_key(word) for word in kind.split()) for kind in division] for division in _CONTRASTS]
"""The kinds of ``_CONTRASTS`` as keys, as context words are stored."""


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence-like stretch of text around a span: between breaks ('.', ';', a new line)."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right_match = _CLAUSE_END.search(text, end)
    return left, right_match.start() if right_match else len(text)


def context(
    text: str, start: int, end: int, values: Sequence[tuple[int, int]] = (), *, barriers: bool = True
) -> Context:
    """The weighted context words of the value at ``text[start:end]``.

    ``values`` are the spans of the other numbers and dates of the text: with ``barriers`` (for a
    number, whose words are its own) words beyond them count less; a date dates its whole clause.
    """
    left, right = clause_bounds(text, start, end)
    others = [(s, e) for s, e in values if not (s < end and start < e)] if barriers else []
    right_words = _side(list(words(text, end, right)), others, RIGHT_DECAY, barriers)
    left_words = _side(list(reversed(list(words(text, left, start)))), others, LEFT_DECAY, barriers)
    weights: dict[str, float] = {}
    for key, weight, _, _, _ in right_words + left_words:
        weights[key] = max(weights.get(key, 0.0), weight)
    nouns = [key for key, weight, token, _, _ in right_words[:3] if weight >= NOUN_WEIGHT and not token[0].isupper()]
    first = next(words(text, left, right), None)
    names = {
        key
        for key, weight, token, at, _ in right_words + left_words
        if weight >= NAME_WEIGHT and token[0].isupper() and (first is None or at != first.start())
    }
    clause = {word_key(m.group()) for m in words(text, left, right) if m.group().lower() not in STOP_WORDS}
    proper = {
        key
        for key, _, token, at, _ in right_words + left_words
        if token[0].isupper() and (first is None or at != first.start())
    }
    phrase = {key for key, weight, _, _, crossed in right_words + left_words if weight >= NOUN_WEIGHT and not crossed}
    kinds = counted_kinds(set(nouns), _text_stems(text)) if barriers else frozenset()
    return Context(
        weights, frozenset(nouns), frozenset(names), frozenset(clause), frozenset(proper), frozenset(phrase), kinds
    )


def counted_kinds(nouns: set[str], text_words: frozenset[str]) -> frozenset[tuple[int, int]]:
    """The (division, kind) pairs of ``_CONTRASTS`` a number counts: the kinds its nouns name, or, where
    they name none of a division, the division's one kind its whole text names.

    A text that speaks only of civilians counts civilians in "of which six died" too."""
    kinds: set[tuple[int, int]] = set()
    for division, members in enumerate(_KINDS):
        own = {(division, index) for index, kind in enumerate(members) if kind & nouns}
        named = {(division, index) for index, kind in enumerate(members) if kind & text_words}
        kinds |= own or (named if len(named) == 1 else set())
    return frozenset(kinds)


@lru_cache(maxsize=256)
def _text_stems(text: str) -> frozenset[str]:
    """Every word of a text, stemmed: what it speaks of anywhere."""
    return frozenset(word_key(m.group()) for m in words(text))


def _side(
    matches: list[re.Match[str]], others: list[tuple[int, int]], decay: float, barriers: bool
) -> list[tuple[str, float, str, int, bool]]:
    """Content words on one side of a value: (stem, weight, token, offset, crossed), nearest first.

    ``crossed``: the word was reached across a comma, a conjunction or another value."""
    found: list[tuple[str, float, str, int, bool]] = []
    weight, distance, crossed = 1.0, 0, False
    for match in matches:
        token = match.group()
        if token[0].isdigit() or any(s <= match.start() < e for s, e in others):
            weight *= ACROSS_VALUE if barriers else 1.0
            crossed = True
            continue
        if token.lower() in _CONJUNCT:
            weight *= ACROSS_CONJUNCT
            crossed = True
            continue
        if token.lower() in STOP_WORDS or token.lower() in _NUMBER_WORDS or len(token) < 2:
            continue
        found.append((word_key(token), weight * decay**distance, token, match.start(), crossed))
        distance += 1
        if distance >= WINDOW:
            break
    return found


def same_thing(first: Context, second: Context) -> bool:
    """False when the two values plainly count different things or belong to different names.

    Both count a noun and neither noun is next to the other ("100 civilians" and "2,908 servicemen"),
    each stands next to names the other's clause never mentions ("Armenian soldiers", "Azerbaijani
    losses"), one counts an event (deaths, cases) the other's clause never names, or they count
    contrasting kinds of people ("ten soldiers" and "18 civilians", though both were killed).
    """
    if first.nouns and second.nouns and not (first.nouns & second.clause_words or second.nouns & first.clause_words):
        return False
    if _foreign_names(first, second) and _foreign_names(second, first):
        return False
    if _other_event(first, second) or _other_event(second, first):
        return False
    if contrasting_kinds(first, second):
        return False
    return not (SCOPE and _unshared(first, second) and _unshared(second, first))


def same_event(first: Context, second: Context) -> bool:
    """Whether two dates are dated by one event word: the word closest to the first (not a name) stands
    close to the second too ("born before 1960" and "born 14 May 1971"; not "built in 1871" and
    "founded on 2 March 1854", though both speak of the school)."""
    common = {word: weight for word, weight in first.weights.items() if word not in first.proper}
    if not common:
        return False
    closest = max(common, key=lambda word: common[word])
    return second.weights.get(closest, 0.0) >= NOUN_WEIGHT


def contrasting_kinds(first: Context, second: Context) -> bool:
    """The two values count contrasting kinds of people ("10 soldiers" and "18 civilians"), and neither
    counts the other's kind too: such figures are never two versions of one count."""
    for division in range(len(_KINDS)):
        own = {kind for kind in first.kinds if kind[0] == division}
        other = {kind for kind in second.kinds if kind[0] == division}
        if own and other and not own & other:
            return True
    return False


def _other_event(first: Context, second: Context) -> bool:
    """The first value is next to a measured event (deaths, cases, sales) the second's clause never names.

    A capitalised word is part of a name, not an event ("Standard Life has 5 million customers")."""
    return any(
        word in _EVENTS and word not in second.clause_words and word not in first.proper for word in first.phrase
    )


def _unshared(first: Context, second: Context) -> set[str]:
    """Words next to the first value that the second value's whole clause never uses ("missing")."""
    return {word for word in first.close() if word not in second.clause_words}


def _foreign_names(first: Context, second: Context) -> bool:
    """The first value stands next to names that the second value's clause never mentions, in full or
    by initials ("the UK" for "the United Kingdom")."""
    if not first.names or any(_alike(a, b) for a in first.names for b in second.clause_words):
        return False
    if any(_initials_of(name, second.clause_words) for name in first.names):
        return False
    return not any(_initials_of(word, first.proper) for word in second.clause_words)


def _initials_of(short: str, words: frozenset[str]) -> bool:
    """Whether a short name (2-4 letters) is spelled by the initials of as many distinct words ("uk": united, kingdom)."""
    if not 2 <= len(short) <= 4 or not short.isalpha():
        return False
    initials = [word[0] for word in words if word[:1].isalpha() and word != short]
    return all(initials.count(letter) >= short.count(letter) for letter in set(short))


def _kindred(first: str, second: str) -> bool:
    """Two stems of one word: near-identical spellings, or one a stem of the other (produc/production)."""
    if len(first) >= 6 and len(second) >= 6 and ratio(first, second) >= FUZZY_MIN:
        return True
    short, long = sorted((first, second), key=len)
    return len(short) >= PREFIX_MIN and long.startswith(short)


def _alike(first: str, second: str) -> bool:
    """Two names that are one name (Bulgaria/Bulgarian, Pokémon/Pokemon)."""
    return first[:5] == second[:5] or ratio(first, second) >= FUZZY_MIN - 8


def similarity(first: Context, second: Context, *, common_only: bool = False) -> float:
    """How far two contexts speak of the same thing: the summed weight of the words they share.

    With ``common_only``, names do not count: two values of one article share its names, while the
    same counted noun or event verb ("killed", "released") is what makes them one quantity.
    """
    total = 0.0
    for word, weight in first.weights.items():
        if common_only and (word in first.proper or word in second.proper):
            continue
        other = second.weights.get(word)
        if other is None and len(word) >= PREFIX_MIN:
            other = max((w for key, w in second.weights.items() if _kindred(word, key)), default=None)
        if other is not None:
            total += min(weight, other)
    return total
