"""People and organisations the text itself names as such: a role noun before the name ("bassist X",
"founding member X"), a role after it ("X, the drummer of ..."), or a life in parentheses ("X (born 12 June
1912)") make a person; a kind of organisation before or after it ("the band X", "X, a record label") an
organisation.

The small model types unfamiliar personal names ORG, GPE or FAC ("Tomo Milicevic" ORG) and bands PERSON;
these cues retype such a name when nothing in its own words says otherwise (a designator, a site or place
head, a name the gazetteer knows).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from citefacts.entities.gazetteer import Gazetteer, strip_name
from citefacts.entities.heads import head_label

ROLE_NOUNS = (
    "singer|songwriter|vocalist|drummer|guitarist|bassist|keyboardist|pianist|violinist|musician|rapper|composer"
    "|actor|actress|director|producer|writer|author|novelist|poet|playwright|journalist|painter|sculptor|artist"
    "|architect|photographer|designer|scientist|physicist|chemist|biologist|mathematician|historian|philosopher"
    "|economist|engineer|inventor|professor|lecturer|teacher|student|player|footballer|cricketer|pitcher|boxer"
    "|wrestler|athlete|driver|cyclist|coach|manager|captain|founder|co-founder|member|leader|chairman|chairwoman"
    "|president|minister|senator|politician|diplomat|ambassador|mayor|lawyer|judge|bishop|priest|pastor|monk"
    "|general|colonel|officer|soldier|commander|admiral|brother|sister|son|daughter|father|mother|wife|husband"
    "|widow|uncle|aunt|nephew|niece|cousin|grandson|granddaughter|friend|partner|colleague|teammate|rival"
)
ROLE_BEFORE = re.compile(rf"\b(?:{ROLE_NOUNS})s?\s+$")
"""A lower-case role noun right before the name: "bassist Tomo Milicevic", "his brother Jared"."""
ROLE_AFTER = re.compile(rf"^\s*,\s+(?:the|a|an|his|her|their)\s+(?:(?!of\b)[a-z-]+\s+){{0,2}}(?:{ROLE_NOUNS})\b")
"""A role in apposition after the name: "Candie Payne, the sister of ...", "X, a former drummer"."""
LIFE_AFTER = re.compile(r"^\s*\(\s*(?:born|b\.|née|died|d\.)\s", re.IGNORECASE)
"""A life in parentheses right after the name: "X (born 4 May 1960)", "X (née Smith)"."""
RETYPED_LABELS = frozenset({"ORG", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "NORP", "LOC"})
"""Labels the model gives personal names it does not know."""
ORG_NOUNS = (
    "band|group|duo|trio|quartet|orchestra|choir|label|company|firm|corporation|manufacturer|retailer|chain"
    "|airline|publisher|newspaper|magazine|broadcaster|channel|club|team|party|charity|organisation|organization"
    "|agency|university|college|school"
)
ORG_BEFORE = re.compile(rf"\b(?:{ORG_NOUNS})\s+$")
"""A lower-case kind of organisation right before the name: "the band Deadsy", "the airline Quennair"."""
ORG_AFTER = re.compile(rf"^\s*,\s+(?:the|a|an)\s+(?:(?!of\b)[a-z-]+\s+){{0,3}}(?:{ORG_NOUNS})\b")
"""A kind of organisation in apposition after the name: "Head Automatica, an American rock band"."""
ORG_RETYPED_LABELS = frozenset({"PERSON", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "NORP", "LOC"})
"""Labels the model gives organisations it does not know (bands as PERSON, a label as PRODUCT)."""
CONTEXT = 60


def people_by_cue(doc: Doc, spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Names of two to four capitalised words, typed otherwise, that a role or a life beside them calls a
    person, retyped PERSON."""
    text = doc.text
    result = []
    for span in spans:
        words = strip_name(span.text).split()
        if span.label_ in RETYPED_LABELS and _looks_personal(words, gazetteer):
            before = text[max(0, span.start_char - CONTEXT) : span.start_char]
            after = text[span.end_char : span.end_char + CONTEXT]
            if ROLE_BEFORE.search(before) or ROLE_AFTER.match(after) or LIFE_AFTER.match(after):
                span = Span(doc, span.start, span.end, "PERSON")
        result.append(span)
    return result


def organisations_by_cue(doc: Doc, spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Names of one to four capitalised words, typed otherwise, that a kind of organisation beside them
    calls an organisation ("the band X", "X, an American record label"), retyped ORG."""
    text = doc.text
    result = []
    for span in spans:
        words = strip_name(span.text).split()
        if span.label_ in ORG_RETYPED_LABELS and _may_be_organisation(words, gazetteer):
            before = text[max(0, span.start_char - CONTEXT) : span.start_char]
            after = text[span.end_char : span.end_char + CONTEXT]
            if ORG_BEFORE.search(before) or ORG_AFTER.match(after):
                span = Span(doc, span.start, span.end, "ORG")
        result.append(span)
    return result


def _may_be_organisation(words: list[str], gazetteer: Gazetteer) -> bool:
    """One to four words, capitalised at both ends, whose head names no site or place, unknown to the
    gazetteer as a place or a people."""
    if not 1 <= len(words) <= 4 or not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    name = " ".join(words)
    return head_label(words) in (None, "ORG") and gazetteer.lookup(name) is None and not gazetteer.is_place(name)


def _looks_personal(words: list[str], gazetteer: Gazetteer) -> bool:
    """Two to four capitalised words with no head that names an organisation or a place, unknown to the
    gazetteer: the shape of a personal name."""
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    name = " ".join(words)
    return head_label(words) is None and gazetteer.lookup(name) is None and not gazetteer.is_place(name)
