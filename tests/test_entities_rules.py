"""Entity rules 4: pairs of places before a route, with the real model."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from citefacts.entities_cues import dash_joined, place_pair_cue
from citefacts.entities_rules import COMPONENT, RULES_VERSION


def labels(nlp: Language, text: str) -> dict[str, set[str]]:
    """Entity text -> the labels it gets anywhere in ``text``."""
    found: dict[str, set[str]] = {}
    for ent in nlp(text).ents:
        found.setdefault(ent.text, set()).add(ent.label_)
    return found


def without_rules(nlp: Language, text: str) -> dict[str, set[str]]:
    with nlp.select_pipes(disable=[COMPONENT]):
        return labels(nlp, text)


def with_ents(nlp: Language, text: str, ents: list[tuple[str, str]]) -> Doc:
    """Run only the rule component on ``text`` with the given (entity text, label) pairs as NER output."""
    doc = nlp.make_doc(text)
    spans = []
    for name, label in ents:
        start = text.index(name)
        span = doc.char_span(start, start + len(name), label, alignment_mode="expand")
        assert span is not None
        spans.append(span)
    doc.ents = spans
    return nlp.get_pipe(COMPONENT)(doc)


def test_rules_version_is_4() -> None:
    assert RULES_VERSION == "4"


# --- pairs of places ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pair", "wrong"),
    [
        ("It ran the weekly Kars-Gyumri train, which had been crossing the border.", "Kars-Gyumri", "ORG"),
        ("The weekly Sochi-Sukhumi train was suspended in 1992.", "Sochi-Sukhumi", "ORG"),
        ("Refugees crowded onto the weekly Kutaisi-Batumi train.", "Kutaisi-Batumi", "PERSON"),
        ("The Erzurum-Kars pipeline was finished in 2006.", "The Erzurum-Kars", "ORG"),
    ],
)
def test_pair_of_known_places_before_a_route_is_split_into_places(
    nlp: Language, text: str, pair: str, wrong: str
) -> None:
    assert wrong in without_rules(nlp, text)[pair], "the model no longer makes this error"
    after = labels(nlp, text)
    assert pair not in after
    for place in pair.removeprefix("The ").split("-"):
        assert after[place] == {"GPE"}


def test_three_places_joined_by_en_dashes_are_split(nlp: Language) -> None:
    doc = with_ents(nlp, "The Baku–Tbilisi–Ceyhan pipeline carries oil.", [("Baku–Tbilisi–Ceyhan", "ORG")])
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("Baku", "GPE"), ("Tbilisi", "GPE"), ("Ceyhan", "GPE")]


def test_two_names_paired_before_a_route_are_places(nlp: Language) -> None:
    text = "The alternative Vardenis–Martakert route has been closed."
    assert without_rules(nlp, text)["Vardenis"] == {"NORP"}, "the model no longer makes this error"
    assert labels(nlp, text)["Vardenis"] == {"GPE"}
    doc = with_ents(nlp, "The Gyumri–Akhalkalaki road was closed.", [("Gyumri", "NORP"), ("Akhalkalaki", "PERSON")])
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("Gyumri", "GPE"), ("Akhalkalaki", "GPE")]


def test_hyphenated_surnames_without_a_route_stay_as_they_are(nlp: Language) -> None:
    text = "Smith-Jones was appointed to the board."
    assert labels(nlp, text) == without_rules(nlp, text) == {"Smith-Jones": {"ORG"}}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Franco-Prussian border was redrawn.", "Franco-Prussian"),
        ("The Schleswig-Holstein border was redrawn.", "Schleswig-Holstein"),
    ],
)
def test_pair_with_a_part_not_a_place_or_a_place_as_a_whole_is_not_split(nlp: Language, text: str, name: str) -> None:
    doc = with_ents(nlp, text, [(name, "ORG")])
    assert [ent.text for ent in doc.ents] == [name]


def test_place_pair_cue_reads_routes_after_the_pair() -> None:
    text = "the Kars-Gyumri train and the Smith-Jones report"
    assert place_pair_cue(text, text.index("Kars"), text.index(" train"))
    assert not place_pair_cue(text, text.index("Smith"), text.index(" report"))


def test_dash_joined_needs_a_bare_dash_between_names() -> None:
    assert dash_joined("Vardenis–Martakert", [(0, 8), (9, 18)])
    assert not dash_joined("Goris, Kapan", [(0, 5), (7, 12)])
