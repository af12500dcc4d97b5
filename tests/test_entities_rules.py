"""Entity rules 4: sports clubs by their designator, and pairs of places before a route, with the real model."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_entities import labels, with_ents, without_rules

from citefacts.entities.cues import club_bounds, dash_joined, place_pair_cue

# --- sports clubs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "bare", "wrong", "club"),
    [
        (
            "The 1973 Soviet Top League final in which Ararat Yerevan defeated FC Dynamo Kyiv was not aired.",
            "Dynamo Kyiv",
            "PERSON",
            "FC Dynamo Kyiv",
        ),
        (
            "In 1986 Shakhtar Donetsk lost to FC Spartak Moscow in the cup.",
            "Spartak Moscow",
            "PERSON",
            "FC Spartak Moscow",
        ),
        ("He signed for FC Barcelona in 2003.", "Barcelona", "GPE", "FC Barcelona"),
    ],
)
def test_name_after_a_club_designator_is_org_with_the_designator(
    nlp: Language, text: str, bare: str, wrong: str, club: str
) -> None:
    assert wrong in without_rules(nlp, text)[bare], "the model no longer makes this error"
    after = labels(nlp, text)
    assert after[club] == {"ORG"}
    assert bare not in after


def test_name_ending_in_a_club_designator_is_org(nlp: Language) -> None:
    text = "Juventus FC and Real Madrid CF met in the final."
    assert "PERSON" in without_rules(nlp, text)["Juventus FC"], "the model no longer makes this error"
    assert labels(nlp, text)["Juventus FC"] == {"ORG"}


def test_designator_after_the_name_is_taken_in(nlp: Language) -> None:
    doc = with_ents(nlp, "Fans of Bournemouth AFC travelled north.", [("Bournemouth", "GPE")])
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("Bournemouth AFC", "ORG")]


def test_club_named_once_with_designator_is_org_throughout_the_text(nlp: Language) -> None:
    text = (
        "They supported the FC Ararat Yerevan football club instead of Neftchi Baku. "
        "The 1973 final in which Ararat Yerevan defeated FC Dynamo Kyiv was not aired."
    )
    assert without_rules(nlp, text)["Ararat Yerevan"] == {"PERSON"}, "the model no longer makes this error"
    after = labels(nlp, text)
    assert after["FC Ararat Yerevan"] == {"ORG"}
    assert after["Ararat Yerevan"] == {"ORG"}


def test_person_named_like_a_club_stays_person_without_a_designator(nlp: Language) -> None:
    assert labels(nlp, "Chelsea Clinton spoke at the convention.")["Chelsea Clinton"] == {"PERSON"}
    doc = with_ents(nlp, "Ararat Yerevan spoke at the convention.", [("Ararat Yerevan", "PERSON")])
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("Ararat Yerevan", "PERSON")]


def test_designator_starting_the_next_name_leaves_a_demonym_alone(nlp: Language) -> None:
    doc = with_ents(nlp, "The Armenian FC Ararat won the cup.", [("Armenian", "NORP")])
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("Armenian", "NORP")]


def test_us_state_after_a_town_is_not_a_club_designator(nlp: Language) -> None:
    doc = with_ents(nlp, "He was born in Greenville SC in 1950.", [("Greenville", "GPE")])
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("Greenville", "GPE")]


def test_club_bounds_take_in_the_designator() -> None:
    text = "Ararat Yerevan defeated FC Dynamo Kyiv and Juventus F.C. lost."
    start = text.index("Dynamo")
    assert club_bounds(text, start, start + len("Dynamo Kyiv")) == (text.index("FC"), start + len("Dynamo Kyiv"))
    start = text.index("Juventus")
    assert club_bounds(text, start, start + len("Juventus")) == (start, text.index(" lost"))
    assert club_bounds(text, 0, len("Ararat Yerevan")) is None


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
