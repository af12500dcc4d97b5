"""Organisations, sites and natural places that a name's own words identify, found or retyped by the rule
component: "Fiji Labour Party" is ORG whatever the model said, "65 Fighter Wing" takes its number,
"Spanish Air Force" is one ORG rather than a NORP and an ORG, an acronym in parentheses after a name
("... Trust (BIRT)") is that name's acronym, and a place before a comma and a country or a state
("Saffron Walden, England") is a place.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from citefacts.entities.cues import initials
from citefacts.entities.gazetteer import Gazetteer, strip_name
from citefacts.entities.heads import UNIT_NUMBER, head_label, is_unit

HEAD_TYPED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"})
"""Labels a name's head may overrule: titles, events and laws keep theirs ("Society of the Spectacle")."""
MERGED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"})
"""Labels of the model's pieces that a longer name may swallow ("Spanish" NORP in "Spanish Air Force")."""
RUN_CONNECTORS = frozenset({"of", "for", "upon", "de", "du", "des", "la", "le", "&"})
"""Lower-case words a run of capitalised words may hold ("League of Rights"); "and" would join two names."""
PLACE_LABELS = frozenset({"GPE", "LOC"})
COMMA_PLACE_LABELS = frozenset({"PERSON", "ORG"})
"""Labels the model gives a town written before its country ("Saffron Walden, England" as PERSON)."""


def typed_by_head(doc: Doc, spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Names whose head word says what they name, relabelled: "X Party" ORG, "X Station" FAC, "X River" LOC.

    A place the model typed GPE or LOC keeps its label when the head says site or nature (both are places);
    a name the trusted gazetteer knows keeps the label it gave, and a known place typed a place stays one
    ("Soviet Union" is no organisation).
    """
    result = []
    for span in spans:
        name = strip_name(span.text)
        known = gazetteer.lookup(name) is not None or (span.label_ in PLACE_LABELS and gazetteer.is_place(name))
        typed = span.label_ in HEAD_TYPED_LABELS and not known
        label = head_label(name.split()) if typed else None
        if label is None or label == span.label_ or (label != "ORG" and span.label_ in PLACE_LABELS):
            result.append(span)
        else:
            result.append(Span(doc, span.start, span.end, label))
    return result


def name_runs(doc: Doc, spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Organisations and places named by a run of capitalised words with a telling head, added or merged.

    A run ("Spanish Air Force", "American Boy Scouts", "Australia First Party") replaces the model's
    pieces inside it when its head names an organisation, a site or a natural place; it is skipped when
    an entity runs across its edge, a number, date or title lies inside it, an organisation follows its
    "of" ("a Group of the X Society": two names) or the gazetteer knows it.
    """
    result = list(spans)
    for start, end in _capitalised_runs(doc):
        label = head_label([t.text for t in doc[start:end]]) or _known_place(doc, start, end, result, gazetteer)
        if label is None or gazetteer.lookup(doc[start:end].text) is not None:
            continue
        number = None
        if is_unit([t.text for t in doc[start:end]]):
            if UNIT_NUMBER.match(doc[start].text):
                number = start
            elif start > 0 and UNIT_NUMBER.match(doc[start - 1].text):
                start, number = start - 1, start - 1
        inside = [s for s in result if s.start < end and start < s.end]
        if any(_kept_apart(s, start, end, number) for s in inside):
            continue
        if len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end):
            continue
        merged = Span(doc, start, end, label)
        result = [s for s in result if s not in inside] + [merged]
    return sorted(result, key=lambda s: s.start)


def _known_place(doc: Doc, start: int, end: int, spans: list[Span], gazetteer: Gazetteer) -> str | None:
    """GPE for a run of words the gazetteer knows as one place, of which the model typed a part a place
    ("Newcastle upon Tyne" as "Newcastle" GPE and "Tyne" PERSON); a run the model saw no place in ("The
    Kill", a song) is left alone, since the town list holds many ordinary phrases."""
    if end - start < 2 or not gazetteer.is_place(doc[start:end].text):
        return None
    inside = [s for s in spans if start <= s.start and s.end <= end]
    return "GPE" if any(s.label_ in PLACE_LABELS for s in inside) else None


def _kept_apart(span: Span, start: int, end: int, number: int | None) -> bool:
    """Whether an entity inside or across a run keeps the run from being one name: it crosses the run's
    edge, is a date, title or number (but a unit's own number: "VIII" in "VIII Fighter Command"), or an
    organisation after "of"."""
    if span.start < start or span.end > end:
        return True
    if span.label_ in {"ORDINAL", "CARDINAL"} and (span.start, span.end) == (number, (number or 0) + 1):
        return False
    return span.label_ not in MERGED_LABELS or _named_after_of(span)


def _named_after_of(span: Span) -> bool:
    """Whether an organisation stands right after "of" or "of the", as a name of its own."""
    before = [t.lower_ for t in span.doc[max(0, span.start - 2) : span.start]]
    return span.label_ == "ORG" and (before[-1:] == ["of"] or before == ["of", "the"])


def _capitalised_runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of capitalised words joined by name connectors, without a sentence's opening common word."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if not _capitalised(doc[i]):
            i += 1
            continue
        start = i
        end = i + 1
        while end < len(doc):
            if _capitalised(doc[end]) and not doc[end].is_sent_start:
                end += 1
            elif doc[end].text in RUN_CONNECTORS and end + 1 < len(doc) and _capitalised(doc[end + 1]):
                end += 2
            elif doc[end].text == "of" and end + 2 < len(doc) and doc[end + 1].text == "the":
                if not _capitalised(doc[end + 2]):
                    break
                end += 3
            else:
                break
        if _opens_sentence(doc[start]) and end - start > 1:
            start += 1
            while start < end and not _capitalised(doc[start]):
                start += 1  # "Troops of the Danish Navy": the run is "Danish Navy"
        if start < end:
            runs.append((start, end))
        i = end
    return runs


def _capitalised(token: Token) -> bool:
    """A word of a name: capitalised ("Labour", "BBC"), not a lone initial of a sentence's "I"."""
    text = token.text
    return text[:1].isupper() and any(ch.isalpha() for ch in text) and text != "I"


def _opens_sentence(token: Token) -> bool:
    """A sentence's first word that is no proper noun ("The", "Founding"): not part of the name after it."""
    return bool(token.is_sent_start or token.i == 0) and token.pos_ != "PROPN"


def with_unit_numbers(doc: Doc, spans: list[Span]) -> list[Span]:
    """A military unit takes the number before it ("65" + "Fighter Wing"), if no entity holds it."""
    result = list(spans)
    taken = {i for s in spans for i in range(s.start, s.end)}
    for index, span in enumerate(spans):
        before = span.start - 1
        if span.label_ != "ORG" or before < 0 or before in taken or not is_unit(span.text.split()):
            continue
        if UNIT_NUMBER.match(doc[before].text):
            result[index] = Span(doc, before, span.end, "ORG")
    return result


def parenthesised_acronyms(doc: Doc, spans: list[Span]) -> list[Span]:
    """An untagged acronym in parentheses right after a name that it spells ("Brain Injury Trust ( BIT )"),
    added with the name's label; a plural acronym ("ADDCs") spells its name too."""
    added = []
    taken = {i for s in spans for i in range(s.start, s.end)}
    for span in spans:
        at = span.end
        if at + 2 >= len(doc) or doc[at].text != "(" or doc[at + 2].text != ")" or at + 1 in taken:
            continue
        if span.label_ not in MERGED_LABELS - {"NORP"} or not spells(doc[at + 1].text, span.text):
            continue
        added.append(Span(doc, at + 1, at + 2, span.label_))
    spans = sorted(spans + added, key=lambda s: s.start)
    return sorted(spans + _names_of_acronyms(doc, spans), key=lambda s: s.start)


def _names_of_acronyms(doc: Doc, spans: list[Span]) -> list[Span]:
    """The untagged name that an acronym the model tagged spells, right before it in parentheses ("Quill
    Valley Transit Authority ( QVTA )" with only "QVTA" tagged ORG), added with the acronym's label."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    ends = {end: start for start, end in _capitalised_runs(doc)}
    added = []
    for span in spans:
        if len(span) != 1 or span.start < 2 or doc[span.start - 1].text != "(" or span.end >= len(doc):
            continue
        start = ends.get(span.start - 1)
        if doc[span.end].text != ")" or start is None or span.label_ not in MERGED_LABELS - {"NORP"}:
            continue
        name = doc[start : span.start - 1]
        if len(name) > 1 and not any(i in taken for i in range(start, name.end)) and spells(span.text, name.text):
            added.append(Span(doc, start, name.end, span.label_))
    return added


def spells(acronym: str, name: str) -> bool:
    """Whether an acronym ("NFP", "ADDCs", "ALOR") spells a name by its words' first letters, with or
    without its small words ("of", "the")."""
    letters = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
    if not (1 < len(letters) <= 8 and letters.isupper() and letters.isalpha()):
        return False
    words = strip_name(name).replace("-", " ").split()
    every = "".join(w[0] for w in words if w[0].isalpha()).upper()
    return letters in initials(strip_name(name)) or letters == every


def places_before_a_place(doc: Doc, spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """A name the model typed PERSON or ORG, written before a comma and a country, capital or other known
    place that the model typed GPE ("Saffron Walden, England", "Mouchak, Gazipur"), is a place too."""
    result = list(spans)
    for index in range(len(spans) - 1):
        name, place = spans[index], spans[index + 1]
        if name.label_ not in COMMA_PLACE_LABELS or place.start != name.end + 1 or doc[name.end].text != ",":
            continue
        if head_label(name.text.split()) == "ORG" or not _is_known_place(place, gazetteer):
            continue
        after = doc[place.end] if place.end < len(doc) else None
        if after is not None and _capitalised(after):
            continue  # "Campbell, A.A. Smith": a list of names, not a place and its country
        result[index] = Span(doc, name.start, name.end, "GPE")
    return result


def _is_known_place(span: Span, gazetteer: Gazetteer) -> bool:
    """Whether a span is a place the text and the gazetteer agree on: typed GPE/LOC and a known place name."""
    return span.label_ in PLACE_LABELS and gazetteer.is_place(span.text)


TEAM_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "FAC"})
"""Labels the model gives a team named by its town and nickname ("Boston Bruins" PERSON, "X Pirates" GPE)."""


def sports_teams(doc: Doc, spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """A known town and a capitalised plural nickname ("Boston Bruins", "St. Louis Eagles") is a team: ORG.

    Not when the whole is a known place ("Rocky Mountains"), the plural a people ("Karabakh Armenians")
    or a place's own head ("Falkland Islands").
    """
    result = list(spans)
    for index, span in enumerate(spans):
        words = strip_name(span.text).split()
        if span.label_ not in TEAM_LABELS or len(words) < 2 or gazetteer.is_place(" ".join(words)):
            continue
        nickname, town = words[-1], " ".join(words[:-1])
        if not (nickname.endswith("s") and nickname[:1].isupper() and nickname[1:].islower()):
            continue
        if gazetteer.lookup(nickname) is not None or head_label(["X", nickname[:-1]]) or head_label(["X", nickname]):
            continue
        if gazetteer.is_place(town):
            result[index] = Span(doc, span.start, span.end, "ORG")
    return result


def split_place_pairs(doc: Doc, spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """A place typed together with its state or country ("Windsor, Vermont" as one GPE) split into two
    places, when the gazetteer knows both parts and not the whole."""
    result = []
    for span in spans:
        commas = [t.i for t in span if t.text == ","]
        if span.label_ not in PLACE_LABELS or len(commas) != 1 or gazetteer.is_place(span.text):
            result.append(span)
            continue
        first, second = Span(doc, span.start, commas[0], "GPE"), Span(doc, commas[0] + 1, span.end, "GPE")
        if len(first) and len(second) and gazetteer.is_place(first.text) and gazetteer.is_place(second.text):
            result += [first, second]
        else:
            result.append(span)
    return result
