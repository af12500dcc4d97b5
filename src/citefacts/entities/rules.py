"""A spaCy component, run after ``ner``, that fixes the small model's systematic entity errors.

It trims citation debris, unclosed parentheses, determiners and possessives off entities (``bounds``),
gives countries and capitals GPE and demonyms NORP wherever the trusted gazetteer knows them, relabels
other names as GPE where the text calls them places ("the X region", "X Oblast", "in Shusha" for a known
town), splits a pair of known places before a route ("the Kars-Gyumri train"), types sports clubs ORG
("FC Dynamo Kyiv"), types names by their own words and their neighbours (``names``, ``people``: "Fiji
Labour Party", "bassist X"), adds the countries and demonyms the model missed, and last gives each name
one type through the text (``document``).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from citefacts.entities.bounds import name_bounds
from citefacts.entities.cues import (
    NUMERIC_LABELS,
    PAIR_DASHES,
    club_bounds,
    dash_joined,
    debris_start,
    initials,
    is_event_name,
    is_place_name,
    list_chains,
    locative_cue,
    place_pair_cue,
    strong_place_cue,
    unbalanced_paren,
)
from citefacts.entities.document import consistent_names
from citefacts.entities.gazetteer import Gazetteer, demonym_of_cue, load_gazetteer, strip_name
from citefacts.entities.names import (
    name_runs,
    parenthesised_acronyms,
    places_before_a_place,
    split_place_pairs,
    sports_teams,
    typed_by_head,
    with_unit_numbers,
)
from citefacts.entities.people import organisations_by_cue, people_by_cue
from citefacts.nlp import ENTITY_RULES

NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})
MISTYPED_PLACE_LABELS = frozenset({"PERSON", "ORG"})
EVENT_LIKE_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})
"""Labels the model gives wars and battles by mistake ("Nagorno-Karabakh War" as ORG); a title keeps its label."""
PLACE_LABELS = frozenset({"GPE", "LOC"})
"""Labels the model gives places by mistake; cues from the text may turn them into GPE."""
NOT_A_PLACE_NAME = frozenset({"PERSON", "ORG", "LAW", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
PAIR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT"})
"""Labels the model gives a pair of places written as one name ("Kars-Gyumri" as ORG)."""
CLUB_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT"})
"""Labels the model gives a club's name ("Dynamo Kyiv" as PERSON, "Barcelona" in "FC Barcelona" as GPE)."""
CLUB_NAMESAKE_LABELS = frozenset({"PERSON", "FAC", "PRODUCT"})
"""Labels a club's bare name loses elsewhere in the text; not places, since a club is named after its town."""
ADDED_TIERS = frozenset({"country", "capital", "demonym"})
"""Names added where the model left them untagged; codes and language names are too ambiguous for that."""
COUNT = re.compile(r"^\d[\d.,]*(?:[–-]\d[\d.,]*)?$")
TRAILING_JUNK = "\"'“”‘’ ,;:(["


class EntityRules:
    """The component: ``doc.ents`` in, corrected ``doc.ents`` out."""

    def __init__(self, vocab: Vocab, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.matcher = PhraseMatcher(vocab)
        for entry in gazetteer.trusted.values():
            if entry.tier in ADDED_TIERS:
                self.matcher.add(entry.label, [Doc(vocab, words=entry.name.split())])

    def __call__(self, doc: Doc) -> Doc:
        spans = [name for ent in doc.ents for span in self.clean(doc, ent) if (name := trimmed(doc, span)) is not None]
        text = doc.text  # spaCy joins the tokens on every access
        spans = [part for span in spans for part in self.place_pair(doc, text, span)]
        spans = [self.relabel(doc, text, span, spans) for span in spans]
        spans = self.relabel_lists(doc, text, spans)
        spans = _acronyms_like_their_names(doc, text, spans)
        spans = _sports_clubs(doc, text, spans)
        spans = self.by_names_own_words(doc, spans)
        spans = self.by_neighbours(doc, spans)
        doc.ents = consistent_names(doc, spans + self.missing(doc, spans), self.gazetteer)
        return doc

    def by_names_own_words(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Names typed, joined or widened by their own words: a head ("... Party", "Port of ..."), a unit's
        number, an acronym spelling a name beside it, a town and a team's nickname."""
        spans = name_runs(doc, typed_by_head(doc, spans, self.gazetteer), self.gazetteer)
        spans = parenthesised_acronyms(doc, with_unit_numbers(doc, spans))
        return split_place_pairs(doc, sports_teams(doc, spans, self.gazetteer), self.gazetteer)

    def by_neighbours(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Names typed by the words beside them: a place before ", <country>", a role ("bassist X"), a kind
        of organisation ("the band X")."""
        spans = places_before_a_place(doc, spans, self.gazetteer)
        return organisations_by_cue(doc, people_by_cue(doc, spans, self.gazetteer), self.gazetteer)

    def clean(self, doc: Doc, ent: Span) -> list[Span]:
        """The entity without debris or an unclosed parenthesis; a count split from its demonym; or nothing."""
        debris = debris_start(ent.text)
        if debris is not None and ent.label_ in NUMERIC_LABELS:
            return []
        paren = unbalanced_paren(ent.text)
        cuts = [at for at in (debris, paren) if at is not None]
        if not cuts:
            return self.split_count(doc, ent)
        kept = ent.text[: min(cuts)].rstrip(TRAILING_JUNK)
        head = doc.char_span(ent.start_char, ent.start_char + len(kept), ent.label_, alignment_mode="contract")
        spans = [head] if head is not None and any(ch.isalpha() for ch in head.text) else []
        if paren is not None and debris is None:
            acronym = doc.char_span(ent.start_char + paren + 1, ent.end_char, ent.label_, alignment_mode="contract")
            if acronym is not None and len(acronym) == 1 and acronym.text.isupper() and len(acronym.text) > 1:
                spans.append(acronym)
        return spans

    def split_count(self, doc: Doc, ent: Span) -> list[Span]:
        """A count typed with its demonym ("84,860 Azerbaijanis" as PERCENT): a CARDINAL and a NORP."""
        if len(ent) < 2:
            return [ent]
        entry = self.gazetteer.lookup(ent[-1].text)
        head = ent[:-1]
        if entry is None or entry.label != "NORP" or not all(_is_count(t) for t in head):
            return [ent]
        return [Span(doc, ent.start, ent.end - 1, "CARDINAL"), Span(doc, ent.end - 1, ent.end, "NORP")]

    def place_pair(self, doc: Doc, text: str, span: Span) -> list[Span]:
        """A name pairing known places with dashes before what runs between them ("the Kars-Gyumri train",
        "the X–Y–Z pipeline") as one GPE per place; any other span as it is.

        Split rather than typed GPE whole: each part names its own town, which can then join the other
        mentions of that town, as the model's own "Vardenis", "Martakert" for "Vardenis–Martakert" do. Every
        part must be a known place, the whole must not be one ("Schleswig-Holstein"), and a route must
        follow, since the town list holds many surnames ("Smith-Jones").
        """
        if span.label_ not in PAIR_LABELS or self.gazetteer.is_place(span.text):
            return [span]
        if not place_pair_cue(text, span.start_char, span.end_char):
            return [span]
        start = span.start + 1 if span[0].lower_ == "the" else span.start
        dashes = [token.i for token in span if token.text in PAIR_DASHES and token.i > start]
        edges = zip([start, *(i + 1 for i in dashes)], [*dashes, span.end], strict=True)
        parts = [Span(doc, first, last, "GPE") for first, last in edges]
        if len(parts) < 2 or not all(len(part) and self.gazetteer.is_place(part.text) for part in parts):
            return [span]
        return parts

    def relabel(self, doc: Doc, text: str, span: Span, spans: list[Span]) -> Span:
        """The span with the label the gazetteer or the text's cues give it, or as it was."""
        label = self.label_for(text, span, spans)
        return span if label == span.label_ else Span(doc, span.start, span.end, label)

    def label_for(self, text: str, span: Span, spans: list[Span]) -> str:
        """The label the gazetteer or the text's cues give a named entity (its own label if none)."""
        label = span.label_
        if label not in NAME_LABELS:
            return label
        name = strip_name(span.text)
        entry = self.gazetteer.lookup(name)
        if entry is not None and entry.tier != "code":
            return "PERSON" if _surname_of_person(name, "PERSON", spans) else entry.label
        if label in NOT_A_PLACE_NAME and len(name.split()) > 1 and is_place_name(name):
            return "GPE"
        if label in EVENT_LIKE_LABELS and is_event_name(name):
            return "EVENT"
        if len(span) > 1 and label in {"PERSON", "ORG", "GPE", "LOC"} and self.is_plural_demonym(span[-1].text):
            return "NORP"
        if label in MISTYPED_PLACE_LABELS and not _surname_of_person(name, label, spans):
            return "GPE" if self.placed_by_text(text, span, name) else label
        return label

    def is_plural_demonym(self, word: str) -> bool:
        """Whether a word names a people in the plural ("Armenians"): "Karabakh Armenians" is NORP."""
        entry = self.gazetteer.lookup(word)
        return entry is not None and entry.label == "NORP" and entry.name != entry.canonical

    def placed_by_text(self, text: str, span: Span, name: str) -> bool:
        """Whether the text calls the span a place: a place noun or demonym around it, or a preposition of
        place before a name the gazetteer knows as a town."""
        start, end = span.start_char, span.end_char
        if strong_place_cue(text, start, end) or demonym_of_cue(text, start, self.gazetteer):
            return True
        return self.gazetteer.is_place(name) and locative_cue(text, start, end)

    def relabel_lists(self, doc: Doc, text: str, spans: list[Span]) -> list[Span]:
        """Names listed among places ("the regions of X, Y and Z", "Shusha and Hadrut"), paired before a
        route ("the Vardenis–Martakert route") or listed after a preposition of place with a known town among
        them ("east to X and Havant") become GPE."""
        result = list(spans)
        bounds = [(span.start_char, span.end_char) for span in spans]
        for chain in list_chains(text, bounds):
            members = [spans[i] for i in chain]
            first, last = members[0].start_char, members[-1].end_char
            cue = (
                strong_place_cue(text, first, first)
                or (dash_joined(text, [bounds[i] for i in chain]) and place_pair_cue(text, first, last))
                or (locative_cue(text, first, last) and any(self.gazetteer.is_place(m.text) for m in members))
            )
            if cue or self.is_place_list(members):
                for i in chain:
                    if self.may_be_place(spans[i], spans, cue):
                        result[i] = Span(doc, spans[i].start, spans[i].end, "GPE")
        return result

    def is_place_list(self, members: list[Span]) -> bool:
        """Whether a list has a place (as typed so far) and is mostly places or known town names."""
        places = [m for m in members if m.label_ in PLACE_LABELS]
        known = [m for m in members if m.label_ not in PLACE_LABELS and self.gazetteer.is_place(m.text)]
        return bool(places) and 2 * (len(places) + len(known)) > len(members)

    def may_be_place(self, span: Span, spans: list[Span], cue: bool) -> bool:
        """Whether a listed name may turn GPE: a known place, or a bare proper name ("Hadrut", not "the White
        House" or "OIC") typed PERSON/ORG (NORP only after a place cue), and no person's surname."""
        if span.label_ not in MISTYPED_PLACE_LABELS | {"NORP"} or _surname_of_person(span.text, span.label_, spans):
            return False
        entry = self.gazetteer.lookup(span.text)
        if entry is not None:
            return entry.label == "GPE"
        if span.label_ == "NORP" and not cue:
            return False
        if self.gazetteer.is_place(span.text):
            return True
        bare = len(span) == 1 and span.text.istitle() and span[0].is_alpha
        return bare and (span.label_ != "NORP" or cue)

    def missing(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Countries, capitals and demonyms the model left untagged, unless part of a longer name."""
        taken = {i for span in spans for i in range(span.start, span.end)}
        added: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            if any(i in taken for i in range(start, end)) or _inside_longer_name(doc, start, end):
                continue
            added.append(Span(doc, start, end, doc.vocab.strings[match_id]))
            taken.update(range(start, end))
        return added


def trimmed(doc: Doc, span: Span) -> Span | None:
    """A name's entity without the determiner, possessive or function words around it; numbers as they are."""
    if span.label_ not in NAME_LABELS:
        return span
    bounds = name_bounds(span)
    if bounds is None:
        return None
    return span if bounds == (span.start, span.end) else Span(doc, *bounds, span.label_)


def _is_count(token: Token) -> bool:
    """A number word, a numeral or a numeric range token ("twelve", "84,860", "31–92")."""
    return token.like_num or bool(COUNT.match(token.text))


def _acronyms_like_their_names(doc: Doc, text: str, spans: list[Span]) -> list[Span]:
    """An acronym in parentheses right after the name it spells takes its label: "the X Autonomous Oblast (XAO)"."""
    result = list(spans)
    for index in range(1, len(spans)):
        name, acronym = result[index - 1], spans[index]
        between = text[name.end_char : acronym.start_char]
        spelled = len(acronym) == 1 and acronym.text in initials(strip_name(name.text))
        if spelled and between.strip() == "(" and acronym.label_ != name.label_ and name.label_ in NAME_LABELS:
            result[index] = Span(doc, acronym.start, acronym.end, name.label_)
    return result


def _sports_clubs(doc: Doc, text: str, spans: list[Span]) -> list[Span]:
    """Names a club's designator marks ("FC Dynamo Kyiv", "Juventus FC") are ORG, taking in the designator;
    the same bare name typed PERSON elsewhere in the text ("Ararat Yerevan defeated ...") follows them."""
    result = list(spans)
    clubs: set[str] = set()
    for index, span in enumerate(spans):
        bounds = club_bounds(text, span.start_char, span.end_char) if span.label_ in CLUB_LABELS else None
        if bounds is not None:
            result[index] = _club_span(doc, span, bounds, spans)
            clubs.add(strip_name(span.text))
    for index, span in enumerate(result):
        if span.label_ in CLUB_NAMESAKE_LABELS and strip_name(span.text) in clubs:
            result[index] = Span(doc, span.start, span.end, "ORG")
    return result


def _club_span(doc: Doc, span: Span, bounds: tuple[int, int], spans: list[Span]) -> Span:
    """The club's name as ORG, widened to ``bounds`` unless they split a token or reach another entity."""
    club = doc.char_span(bounds[0], bounds[1], "ORG")
    taken = {i for other in spans if other is not span for i in range(other.start, other.end)}
    if club is None or any(i in taken for i in range(club.start, club.end)):
        return Span(doc, span.start, span.end, "ORG")
    return club


def _surname_of_person(name: str, label: str, spans: list[Span]) -> bool:
    """Whether a PERSON name is the last word of a longer PERSON in the same text ("Jordan" after "Michael Jordan")."""
    if label != "PERSON":
        return False
    return any(s.label_ == "PERSON" and len(s) > 1 and s[-1].text == name for s in spans)


def _inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    """Whether capitalised words run on either side of a match ("Georgia Tech", "New Armenia Party")."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return bool(
        (before is not None and before.is_title and not before.is_sent_start and before.text not in {"The", "A"})
        or (after is not None and after.is_title)
    )


@Language.factory(ENTITY_RULES)
def make_entity_rules(nlp: Language, name: str) -> EntityRules:
    """spaCy's factory for the component, so ``nlp.add_pipe(ENTITY_RULES, after="ner")`` builds it."""
    return EntityRules(nlp.vocab, load_gazetteer())
