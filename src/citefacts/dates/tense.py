"""What spaCy's parse tells the date rules: the tense around a date, and numbers that count things.

Tense decides whether "Friday" in a news story is the last Friday or the next one; a four-digit
number that modifies a plural noun ("1500 men") is a count, not a year.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from citefacts.dates.draft import Tense
from citefacts.dates.lexicon import UNITS

_FUTURE_WORDS = {"will", "'ll", "shall", "wo"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_PLANS = {"expect", "schedule", "plan", "set", "due", "intend"}
"""Verbs whose "to" infinitive happens after them ("scheduled to close Monday")."""
_AT_TIME = {"in", "on", "at", "during", "since"}
"""Prepositions that place an event at a date; "until", "to" or "by" name a limit that may lie ahead."""


_BASE_FORMS = {
    form: base
    for base, forms in {
        "have": "have has had having 've ’ve 'd ’d",
        "expect": "expect expects expected expecting",
        "schedule": "schedule schedules scheduled scheduling",
        "plan": "plan plans planned planning",
        "set": "set sets setting",
        "intend": "intend intends intended intending",
        "due": "due",
    }.items()
    for form in forms.split()
}


def tense_at(index: TokenIndex, char: int) -> Tense:
    """past, present or future: the tense of the verb that governs the token at ``char``.

    Participles and infinitives without their own auxiliary ("found clinging ... Nov. 25") take
    the tense of the verb above them; a modal or "to" looks forward ("could leave Tuesday"). A past
    verb reached straight from the date, or through "in"/"on"/"at"/"during"/"since", is ``past_own``.
    """
    token = index.token_at(char)
    if token is None:
        return "present"
    if _EARLIEST.search(index.text[max(0, char - 16) : char]):
        return "future"  # "could leave as soon as Tuesday": an earliest time lies ahead
    verb, own = token, True
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") and (verb.tag_ in _FINITE or _helpers(verb)):
            break
        if verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl"):
            return "past_own" if own else "past"  # "the decision, announced Wednesday, ..."
        if verb.head.i == verb.i:
            break
        if verb is not token and not (verb.pos_ in ("PROPN", "NUM") or verb.lower_ in _AT_TIME):
            own = False  # "a mission in December", "payable Dec. 7": the date belongs to a noun
        if verb.dep_ == "dobj" and base_form(verb.head) in _PLANS and not _perfect(verb.head):
            return "future"  # "planned a rally on Saturday": what is planned lies ahead
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return "present"
    if _infinitive(verb):
        if base_form(verb.head) in _PLANS:
            return "past" if _perfect(verb.head) else "future"  # "set to resume Monday", "had been due to expire"
        if own and verb.head.i != verb.i and tense_at(index, verb.head.idx) in ("present", "future"):
            return "future"  # "would be ready to leave Tuesday", not "would get around Tuesday's ruling"
    helpers = [*_helpers(verb), verb]
    if any(h.tag_ == "MD" or h.lower_ in _FUTURE_WORDS for h in helpers):
        return "past" if _failed(verb, helpers) else "future"
    if any(h.tag_ == "VBD" for h in helpers) or any(_is_have(h) for h in helpers[:-1]):
        return "past_own" if own else "past"
    if any(h.lower_ == "going" for h in helpers) or base_form(verb) in ("expect", "schedule", "plan"):
        return "future"
    return "present"


_EARLIEST = re.compile(r"(?i:\bas\s+(?:soon|early)\s+as)\s+$")
_NEGATIONS = {"not", "n't", "never", "neither", "nor"}


def _failed(verb: Token, helpers: list[Token]) -> bool:
    """A negated "could" reports what did not happen ("could not be reached Monday",
    "neither he nor his lawyer could be located Wednesday"), not a possibility ahead."""
    if not any(h.lower_ == "could" for h in helpers):
        return False
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    around = [*verb.children, *(t for subject in subjects for t in subject.subtree)]
    return any(t.lower_ in _NEGATIONS for t in around)


def _perfect(verb: Token) -> bool:
    """A verb in a perfect tense, or an adjective under one ("had been due")."""
    return any(_is_have(h) for h in (*_helpers(verb), *_helpers(verb.head)))


def _infinitive(verb: Token) -> bool:
    """A "to" infinitive that is not perfect ("to resume", not "to have died"): it looks ahead."""
    helpers = _helpers(verb)
    return verb.tag_ == "VB" and any(h.lower_ == "to" for h in helpers) and not any(_is_have(h) for h in helpers)


def base_form(token: Token) -> str:
    """The base form of the verbs the tense rules name ("scheduled" -> "schedule"), else the word itself.

    The pipeline runs without spaCy's lemmatizer (nothing else needs lemmas), so the few forms the
    rules ask about are listed here.
    """
    return _BASE_FORMS.get(token.lower_, token.lower_)


def _is_have(token: Token) -> bool:
    """A form of "have" ("'d" only when it is not the modal "would")."""
    return base_form(token) == "have" and token.tag_ != "MD"


def _singular(noun: Token) -> str:
    """A plural noun's singular, as far as the time units go ("days" -> "day", "centuries" -> "centurie")."""
    return noun.lower_.removesuffix("s")


def _helpers(verb: Token) -> list[Token]:
    return [child for child in verb.children if child.dep_ in ("aux", "auxpass")]


class TokenIndex:
    """Character offsets to tokens in one doc, by binary search (``doc.char_span`` scans the doc)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy joins the tokens again on every access of doc.text
        self.starts = [token.idx for token in doc]

    def token_at(self, char: int) -> Token | None:
        i = bisect_right(self.starts, char) - 1
        if i < 0:
            return None
        token = self.doc[i]
        return token if char < token.idx + len(token.text) else None

    def span(self, start: int, end: int) -> Span | None:
        """The tokens that overlap ``[start, end)``."""
        first = max(bisect_right(self.starts, start) - 1, 0)
        last = bisect_right(self.starts, end - 1)
        return self.doc[first:last] if last > first else None


def years_counting_things(doc: Doc) -> set[int]:
    """Start offsets of four-digit numbers that count things ("1500 men", "2000 troops").

    Only round hundreds count: "1913 levels", "the 1777 campaigns", "1781 senior officials" are
    years modifying a plural noun, and counts that size are mostly written rounded.
    """
    starts = set()
    for token in doc:
        if len(token.text) != 4 or not token.text.isdigit():
            continue
        head = token.head
        round_hundreds = int(token.text) % 100 == 0
        counts = round_hundreds and token.dep_ == "nummod" and head.tag_ == "NNS" and _singular(head) not in UNITS
        percent = token.i + 1 < len(doc) and token.nbor(1).text == "%"
        if counts or percent:
            starts.add(token.idx)
    return starts


def sets_narrative_time(index: TokenIndex, start: int, end: int) -> bool:
    """Whether a year or a month moves a story's time ("In 1975, ...", "fell in 1863") rather than being
    mentioned in passing ("the 1614 rules", "a campaign planned for 1976")."""
    span = index.span(start, end)
    if span is None or len(span) == 0:
        return True
    root = span.root
    if root.i - root.sent.start <= 2:
        return True
    if root.dep_ in ("npadvmod", "advmod", "ROOT"):
        return True
    head = root.head
    return root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX")


_ASIDE_BEFORE = re.compile(r"(?i:\bsince|\bas\s+of)\s+(?:(?:the\s+)?(?:early|mid|late|end\s+of)[\s-]+)?$")


def is_aside(text: str, start: int, end: int) -> bool:
    """Whether a date is a side remark that leaves a story's time where it was: one in parentheses
    ("(as of December 5, 2006)") or the start of a state ("part of the empire since 513 BC")."""
    if _ASIDE_BEFORE.search(text[max(0, start - 30) : start]):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    opened = before.rfind("(") > before.rfind(")")
    line_end = text.find("\n", end)
    after = text[end : len(text) if line_end < 0 else line_end]
    closes = after.find(")") >= 0 and (after.find("(") < 0 or after.find(")") < after.find("("))
    return opened and closes
