"""One name, one type through a text: the rule component's last pass over a whole Doc (a paragraph of an
article, or a whole text given to ``citefacts spans``).

A full name's short forms inherit its type: a person's surname or first name ("Citrone" after "Carlo
Citrone"), an organisation's acronym or its name without the designator ("Australia First" after
"Australia First Party"), a team's nickname ("Bruins" after "Boston Bruins") and an organisation's head
after "the" ("the League" after "the Australian League of Rights"). Where the model left such a form
untagged it is added; where the same name carries different types, the type most of its mentions
carry wins. Names the trusted gazetteer knows keep its label.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from citefacts.entities.gazetteer import Gazetteer, strip_name
from citefacts.entities.heads import ORG_HEADS, head_word

CONSISTENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"})
"""Labels a name may be moved between; titles, events and laws keep theirs."""
TITLES = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Lord", "Lady", "Saint", "St.", "St"})
"""Words before a person's name that are not the first name."""
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
"""Marks around a nickname inside a person's name."""
STOP_FORMS = frozenset({"The", "A", "An", "In", "On", "At", "Of", "And", "For", "But", "He", "She", "It", "They"})
"""Capitalised words never taken for a short form."""


def consistent_names(doc: Doc, spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """The spans with every short form typed as its full name, untagged mentions of longer names and their
    short forms added, and each name given the type most of its mentions carry."""
    forms, vouched = _short_forms(spans, gazetteer)
    lowered = {t.text for t in doc if t.text.islower()}
    result = [_retyped(doc, span, forms, gazetteer) for span in spans]
    result += _untagged(doc, result, {form: forms[form] for form in vouched}, lowered)
    result = _majority(doc, result, gazetteer)
    result += _the_heads(doc, result)
    return sorted(result, key=lambda span: span.start)


def _short_forms(spans: list[Span], gazetteer: Gazetteer) -> tuple[dict[str, str], set[str]]:
    """Each name and short form with its type, and those of them that a longer name vouches for.

    A form that two types claim is dropped; a longer name's claim outranks a lone word's own label
    ("Citrone" PERSON after "Carlo Citrone", though the model typed one "Citrone" ORG).
    """
    claims: dict[str, set[str]] = {}
    own: dict[str, set[str]] = {}
    for span in spans:
        if span.label_ not in CONSISTENT_LABELS - {"NORP"}:
            continue
        words = strip_name(span.text).split()
        for form in _forms_of(words, span.label_, gazetteer):
            (claims if len(words) > 1 or _is_acronym(form) else own).setdefault(form, set()).add(span.label_)
    vouched = {form: labels.pop() for form, labels in claims.items() if len(labels) == 1}
    forms = {form: labels.pop() for form, labels in own.items() if len(labels) == 1 and form not in claims}
    return {**forms, **vouched}, set(vouched)


def _is_acronym(form: str) -> bool:
    """An acronym such as the rules add after a name in parentheses ("NFP")."""
    return 1 < len(form) <= 8 and form.isupper() and form.isalpha()


def _forms_of(words: list[str], label: str, gazetteer: Gazetteer) -> list[str]:
    """The forms a name of ``label`` may be written in later: itself, and a person's surname and first name,
    an organisation's name without its designator, a team's nickname."""
    if not words or not all(w[:1].isupper() or not w.isalpha() for w in (words[0], words[-1])):
        return []
    forms = [" ".join(words)]
    named = _without_nickname(words) if label == "PERSON" else words
    if label == "PERSON" and 1 < len(named) <= 4:
        given = [w for w in named[:-1] if w not in TITLES]
        forms.append(named[-1])
        if given and len(given[0]) > 2 and given[0].isalpha():
            forms.append(given[0])
    elif label == "ORG" and len(words) > 2 and words[-1] in ORG_HEADS:
        forms.append(" ".join(words[:-1]))
    elif label == "ORG" and len(words) in (2, 3) and _nickname(words, gazetteer):
        forms.append(words[-1])
    return [form for form in forms if form not in STOP_FORMS and gazetteer.lookup(form) is None]


def _without_nickname(words: list[str]) -> list[str]:
    """A person's name without a nickname in quotes ('William "Cowboy" Smith' -> William Smith)."""
    quotes = [i for i, word in enumerate(words) if word in QUOTES]
    if len(quotes) != 2:
        return words
    return words[: quotes[0]] + words[quotes[1] + 1 :]


def _nickname(words: list[str], gazetteer: Gazetteer) -> bool:
    """Whether a team's name ends in a nickname after its town ("Boston Bruins"; not "Bangladesh Scouts")."""
    last = words[-1]
    return last.endswith("s") and last not in ORG_HEADS and gazetteer.is_place(" ".join(words[:-1]))


def _retyped(doc: Doc, span: Span, forms: dict[str, str], gazetteer: Gazetteer) -> Span:
    """A span typed as the full name it is a form of, unless the gazetteer knows it; a lone word the model
    took for a title ("Jared" WORK_OF_ART) too."""
    label = forms.get(strip_name(span.text))
    retypable = span.label_ in CONSISTENT_LABELS or (span.label_ == "WORK_OF_ART" and len(span) == 1)
    if label is None or label == span.label_ or not retypable:
        return span
    if gazetteer.lookup(span.text) is not None:
        return span
    return Span(doc, span.start, span.end, label)


def _untagged(doc: Doc, spans: list[Span], forms: dict[str, str], lowered: set[str]) -> list[Span]:
    """Mentions of known names and forms that the model left untagged, standing alone (no capitalised word
    beside them, which would make them part of a longer name), in the form's type."""
    taken = {i for span in spans for i in range(span.start, span.end)}
    by_first: dict[str, list[list[str]]] = {}
    for form in forms:
        words = form.split()
        if len(words) > 1 or (form.lower() not in lowered and len(form) > 2):
            by_first.setdefault(words[0], []).append(words)
    added = []
    for token in doc:
        for words in sorted(by_first.get(token.text, []), key=len, reverse=True):
            end = token.i + len(words)
            if [t.text for t in doc[token.i : end]] != words or any(i in taken for i in range(token.i, end)):
                continue
            if not _stands_alone(doc, token.i, end):
                continue
            added.append(Span(doc, token.i, end, forms[" ".join(words)]))
            taken.update(range(token.i, end))
            break
    return added


def _stands_alone(doc: Doc, start: int, end: int) -> bool:
    """Whether no capitalised word joins the words at ``start:end`` into a longer name (a sentence's
    first word before them does not)."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    joined_before = before is not None and _name_word(before) and not before.is_sent_start
    return not joined_before and not (after is not None and _name_word(after) and not after.is_sent_start)


def _name_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.text.isalpha()


def _majority(doc: Doc, spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Mentions of one name given the type most of them carry (a strict majority), unless the gazetteer
    knows the name."""
    votes: dict[str, Counter[str]] = {}
    for span in spans:
        if span.label_ in CONSISTENT_LABELS:
            votes.setdefault(strip_name(span.text), Counter())[span.label_] += 1
    result = []
    for span in spans:
        count = votes.get(strip_name(span.text))
        if count is None or len(count) < 2 or gazetteer.lookup(span.text) is not None:
            result.append(span)
            continue
        (top, first), (_, second) = count.most_common(2)
        result.append(Span(doc, span.start, span.end, top) if first > second and top != span.label_ else span)
    return result


def _the_heads(doc: Doc, spans: list[Span]) -> list[Span]:
    """An organisation's designator alone after "the" ("the League", "the Party"), where an organisation
    of the text has that head and the word is untagged, is an organisation (which of them, the type does
    not need to know)."""
    heads = Counter(head_word(strip_name(s.text).split()) for s in spans if s.label_ == "ORG" and len(s) > 1)
    taken = {i for span in spans for i in range(span.start, span.end)}
    added = []
    for token in doc[1:]:
        if token.i in taken or not heads.get(token.text) or token.text not in ORG_HEADS:
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if doc[token.i - 1].lower_ == "the" and not (after is not None and _name_word(after)):
            added.append(Span(doc, token.i, token.i + 1, "ORG"))
    return added
