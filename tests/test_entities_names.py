"""Entity rules 5: what a name's own words say (organisation designators, sites, natural places, units,
acronyms, teams, a place before its country) and one type per name through a text."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from test_entities import found_at, with_ents

from citefacts.entities import apply_aliases
from citefacts.entities.heads import head_label, head_word
from citefacts.entities.names import spells


def ents(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def in_order(nlp: Language, text: str, names: list[tuple[str, str]]) -> Doc:
    """Run the parser and then only the rule component, with the given (name, label) pairs, found in text
    order, as the NER output."""
    with nlp.select_pipes(disable=["ner", "citefacts_entity_rules"]):
        doc = nlp(text)
    spans, position = [], 0
    for name, label in names:
        start = text.index(name, position)
        position = start + len(name)
        span = doc.char_span(start, position, label)
        assert span is not None
        spans.append(span)
    doc.ents = spans
    return nlp.get_pipe("citefacts_entity_rules")(doc)


# --- heads ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "head", "label"),
    [
        ("Orkney Crofters Party", "Party", "ORG"),
        ("University of Dunmore", "University", "ORG"),
        ("Balmer Textiles Ltd.", "Ltd.", "ORG"),
        ("Royal Hill Air Force", "Force", "ORG"),
        ("Port of Kelby", "Port", "LOC"),
        ("Marrow River", "River", "LOC"),
        ("Quill Street Station", "Station", "FAC"),
        ("Elsie Brandt Park", "Park", "FAC"),
        ("Nick Park", "Park", None),
        ("Hall of Fame", "Hall", None),
        ("Battle of Dunmore", "Battle", None),
    ],
)
def test_a_names_head_says_what_it_names(name: str, head: str, label: str | None) -> None:
    assert head_word(name.split()) == head
    assert head_label(name.split()) == label


@pytest.mark.parametrize(
    ("acronym", "name", "spelled"),
    [
        ("OCP", "Orkney Crofters Party", True),
        ("ROTD", "Riders of the Dawn", True),
        ("RD", "Riders of the Dawn", True),
        ("RTFs", "Regional Transit Facilities", True),
        ("XYZ", "Orkney Crofters Party", False),
        ("Oct", "Orkney Crofters Trust", False),
    ],
)
def test_an_acronym_spells_its_name_with_or_without_small_words(acronym: str, name: str, spelled: bool) -> None:
    assert spells(acronym, name) is spelled


# --- the component ----------------------------------------------------------------------------------


def test_a_designator_makes_a_name_an_organisation(nlp: Language) -> None:
    doc = with_ents(nlp, "She joined Harrow Growers Party in 1931.", [("Harrow Growers Party", "PERSON")])
    assert ents(doc) == [("Harrow Growers Party", "ORG")]


def test_a_site_or_natural_head_makes_a_name_a_place(nlp: Language) -> None:
    text = "They met at Tilda Morrow Playfield near the Quenby River."
    doc = with_ents(nlp, text, [("Tilda Morrow Playfield", "PERSON"), ("Quenby River", "ORG")])
    assert ents(doc) == [("Tilda Morrow Playfield", "FAC"), ("Quenby River", "LOC")]


def test_a_known_country_keeps_its_label_whatever_its_head(nlp: Language) -> None:
    doc = with_ents(nlp, "Troops of the Russian Federation left.", [("Russian Federation", "GPE")])
    assert ents(doc) == [("Russian Federation", "GPE")]


def test_a_run_with_a_designator_swallows_the_models_pieces(nlp: Language) -> None:
    text = "Pilots of the Danish Air Force trained with Dunmore Rowing Club members."
    doc = with_ents(nlp, text, [("Danish", "NORP"), ("Air Force", "ORG")])
    assert ents(doc) == [("Danish Air Force", "ORG"), ("Dunmore Rowing Club", "ORG")]


def test_a_run_does_not_swallow_an_organisation_after_of(nlp: Language) -> None:
    text = "It is a Working Group of the Royal Glass Society in Leeds."
    doc = with_ents(nlp, text, [("Royal Glass Society", "ORG")])
    assert ("Royal Glass Society", "ORG") in ents(doc)
    assert not any("Working" in name for name, _ in ents(doc))


def test_a_military_unit_takes_its_number(nlp: Language) -> None:
    doc = with_ents(nlp, "In 1952 the 41 Air Division moved to Kent.", [("Air Division", "ORG")])
    assert ("41 Air Division", "ORG") in ents(doc)


def test_an_acronym_in_parentheses_is_added_with_its_names_label(nlp: Language) -> None:
    text = "He led the Orkney Crofters Party ( OCP ) until the OCP split."
    doc = with_ents(nlp, text, [("Orkney Crofters Party", "ORG")])
    assert [e.text for e in doc.ents if e.text == "OCP"] == ["OCP", "OCP"]
    assert {e.label_ for e in doc.ents} == {"ORG"}


def test_a_town_and_a_plural_nickname_is_a_team(nlp: Language) -> None:
    text = "He played for the Toronto Herons before the Herons moved."
    doc = in_order(nlp, text, [("Toronto Herons", "PERSON"), ("Herons", "PERSON")])
    assert ents(doc) == [("Toronto Herons", "ORG"), ("Herons", "ORG")]


def test_a_people_after_a_place_is_no_team(nlp: Language) -> None:
    doc = with_ents(nlp, "The Karabakh Armenians voted.", [("Karabakh Armenians", "NORP")])
    assert ents(doc) == [("Karabakh Armenians", "NORP")]


def test_a_name_before_a_comma_and_a_country_is_a_place(nlp: Language) -> None:
    text = "The wing moved to Little Dunham, England, in 1944."
    doc = with_ents(nlp, text, [("Little Dunham", "PERSON"), ("England", "GPE")])
    assert ents(doc) == [("Little Dunham", "GPE"), ("England", "GPE")]


def test_a_surname_and_forename_before_a_comma_stay_a_person(nlp: Language) -> None:
    text = "Sources: Holm, Georgia Reeve (1990)."
    doc = with_ents(nlp, text, [("Holm", "PERSON"), ("Georgia", "GPE")])
    assert ("Holm", "PERSON") in ents(doc)


# --- one name, one type -----------------------------------------------------------------------------


def test_a_surname_alone_later_is_the_person_even_where_untagged(nlp: Language) -> None:
    text = "Marta Quillon was born in Leeds . Quillon studied law . Later Quillon taught ."
    doc = in_order(nlp, text, [("Marta Quillon", "PERSON"), ("Leeds", "GPE")])
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Marta Quillon", "Quillon", "Quillon"]


def test_a_surname_the_model_typed_otherwise_follows_the_full_name(nlp: Language) -> None:
    text = "Marta Quillon wrote it . Quillon 's book sold well ."
    doc = in_order(nlp, text, [("Marta Quillon", "PERSON"), ("Quillon", "ORG")])
    assert ents(doc) == [("Marta Quillon", "PERSON"), ("Quillon", "PERSON")]


def test_a_form_that_is_also_a_common_word_is_not_added(nlp: Language) -> None:
    text = "Anna Rose planted a rose . Rose said so ."
    doc = in_order(nlp, text, [("Anna Rose", "PERSON")])
    assert ents(doc) == [("Anna Rose", "PERSON")]


def test_a_name_inside_a_longer_name_is_not_added(nlp: Language) -> None:
    text = "Marta Quillon spoke at the Quillon Institute ."
    doc = in_order(nlp, text, [("Marta Quillon", "PERSON")])
    assert ("Quillon", "PERSON") not in ents(doc)


def test_the_organisation_without_its_designator_keeps_its_type(nlp: Language) -> None:
    text = "Orkney Crofters Party won . Orkney Crofters lost in 1960 ."
    doc = in_order(nlp, text, [("Orkney Crofters Party", "ORG"), ("Orkney Crofters", "PERSON")])
    assert ents(doc) == [("Orkney Crofters Party", "ORG"), ("Orkney Crofters", "ORG")]


def test_the_designator_after_the_is_the_organisation(nlp: Language) -> None:
    text = "The Dunmore Heritage Society met . Later the Society sold its hall ."
    doc = in_order(nlp, text, [("Dunmore Heritage Society", "ORG")])
    assert ents(doc) == [("Dunmore Heritage Society", "ORG"), ("Society", "ORG")]


def test_the_type_most_mentions_carry_wins(nlp: Language) -> None:
    text = "Velmora won . Velmora lost . Velmora drew ."
    doc = in_order(nlp, text, [("Velmora", "ORG"), ("Velmora", "ORG"), ("Velmora", "PERSON")])
    assert [e.label_ for e in doc.ents] == ["ORG", "ORG", "ORG"]


@pytest.mark.parametrize(
    "text",
    [
        "The branch line ran north to Tewkesbury and stopped.",
        "After the invasion of Tewkesbury the garrison left.",
        "It opened a shop in Oakfield, a suburb of Tewkesbury.",
    ],
)
def test_a_known_town_after_a_direction_or_invasion_is_a_place(nlp: Language, text: str) -> None:
    doc = with_ents(nlp, text, [("Tewkesbury", "PERSON")])
    assert ("Tewkesbury", "GPE") in ents(doc)


def test_a_name_given_to_someone_unknown_as_a_town_stays_a_person(nlp: Language) -> None:
    doc = with_ents(nlp, "The prize went to Quenelda Orrin.", [("Quenelda Orrin", "PERSON")])
    assert ents(doc) == [("Quenelda Orrin", "PERSON")]


def test_a_place_typed_with_its_state_is_split_in_two(nlp: Language) -> None:
    doc = with_ents(nlp, "She was born in Kendal, Cumbria in 1950.", [("Kendal, Cumbria", "GPE")])
    assert ents(doc) == [("Kendal", "GPE"), ("Cumbria", "GPE")]


def test_a_unit_named_by_a_roman_numeral_is_one_organisation(nlp: Language) -> None:
    text = "It was assigned to IX Air Corps in 1944."
    doc = with_ents(nlp, text, [("IX", "CARDINAL")])
    assert ("IX Air Corps", "ORG") in ents(doc)


def test_the_designator_after_the_is_an_organisation_among_several(nlp: Language) -> None:
    text = "The Tarn Valley Rowing League and the Upper Tarn League merged . Then the League grew ."
    doc = in_order(nlp, text, [("Tarn Valley Rowing League", "ORG"), ("Upper Tarn League", "ORG")])
    assert ("League", "ORG") in ents(doc)


def test_a_surname_after_a_quoted_nickname_still_follows_the_full_name(nlp: Language) -> None:
    text = 'Harold " Skip " Wendle scored . Wendle retired in 1950 .'
    doc = in_order(nlp, text, [('Harold " Skip " Wendle', "PERSON"), ("Wendle", "GPE")])
    assert ents(doc) == [('Harold " Skip " Wendle', "PERSON"), ("Wendle", "PERSON")]


def test_a_first_name_the_model_took_for_a_title_is_the_person(nlp: Language) -> None:
    text = "Orla Fenwick sang . Later Orla and her band left ."
    doc = in_order(nlp, text, [("Orla Fenwick", "PERSON"), ("Orla", "WORK_OF_ART")])
    assert ents(doc) == [("Orla Fenwick", "PERSON"), ("Orla", "PERSON")]


@pytest.mark.parametrize("name", ["Harbour Lights Festival", "Orrin Poetry Prize", "Northern Rowing Championships"])
def test_a_festival_prize_or_championship_is_an_event_not_an_organisation(nlp: Language, name: str) -> None:
    doc = with_ents(nlp, f"She won the {name} twice.", [(name, "ORG")])
    assert ents(doc) == [(name, "EVENT")]


# --- one type across a document's texts (alias groups) -----------------------------------------------


def test_a_name_typed_person_in_one_text_and_org_in_two_is_org_throughout() -> None:
    texts = ["Velmora Foods bought the mill.", "Velmora Foods closed it.", "Velmora Foods reopened."]
    found = [
        [found_at(text, "Velmora Foods", label)] for text, label in zip(texts, ["ORG", "PERSON", "ORG"], strict=True)
    ]
    labels = [mention.label for mentions in apply_aliases(found, texts) for mention in mentions]
    assert labels == ["ORG", "ORG", "ORG"]


def test_a_place_label_from_its_own_text_survives_a_vote_of_other_texts() -> None:
    texts = ["The region of Quenmark declared independence.", "Quenmark (1992)", "Quenmark, a study"]
    found = [
        [found_at(text, "Quenmark", label)] for text, label in zip(texts, ["GPE", "PERSON", "PERSON"], strict=True)
    ]
    labels = [mention.label for mentions in apply_aliases(found, texts) for mention in mentions]
    assert labels[0] == "GPE"


def test_an_untagged_name_before_its_tagged_acronym_takes_the_acronyms_label(nlp: Language) -> None:
    text = "Data went to the Harrow Open Data Exchange ( HODE ) in 2019."
    doc = with_ents(nlp, text, [("HODE", "ORG")])
    assert ents(doc)[:2] == [("Harrow Open Data Exchange", "ORG"), ("HODE", "ORG")]


def test_a_known_place_the_model_cut_in_two_is_one_place(nlp: Language) -> None:
    text = "He grew up in Newcastle upon Tyne and moved south."
    doc = with_ents(nlp, text, [("Newcastle", "GPE"), ("Tyne", "PERSON")])
    assert ents(doc) == [("Newcastle upon Tyne", "GPE")]


def test_a_phrase_that_happens_to_be_a_town_name_is_not_made_a_place(nlp: Language) -> None:
    doc = with_ents(nlp, "The band played Coconut Grove last.", [])
    assert ents(doc) == []


def test_names_listed_after_a_preposition_of_place_with_a_known_town_are_places(nlp: Language) -> None:
    text = "The line runs west to Oxcombe and Tewkesbury."
    doc = with_ents(nlp, text, [("Oxcombe", "PERSON"), ("Tewkesbury", "PERSON")])
    assert ents(doc) == [("Oxcombe", "GPE"), ("Tewkesbury", "GPE")]


def test_people_listed_after_a_preposition_stay_people_without_a_known_town(nlp: Language) -> None:
    text = "The letter went to Orla Fenwick and Idris Quayle."
    doc = with_ents(nlp, text, [("Orla Fenwick", "PERSON"), ("Idris Quayle", "PERSON")])
    assert {label for _, label in ents(doc)} == {"PERSON"}


# --- people the text calls people ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The album features bassist Idris Quayle on two songs.", "Idris Quayle"),
        ("Orla Fenwick, the sister of the band's drummer, sang.", "Orla Fenwick"),
        ("Marek Dvornik (born 4 May 1960) is a painter.", "Marek Dvornik"),
    ],
)
def test_a_name_the_text_calls_a_person_is_a_person(nlp: Language, text: str, name: str) -> None:
    doc = with_ents(nlp, text, [(name, "ORG")])
    assert (name, "PERSON") in ents(doc)


def test_an_organisation_after_a_role_word_keeps_its_designator(nlp: Language) -> None:
    doc = with_ents(nlp, "He was a member Quayle Rowing Club for years.", [("Quayle Rowing Club", "ORG")])
    assert ents(doc) == [("Quayle Rowing Club", "ORG")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("They toured with the band Velvet Lanterns in 2004.", "Velvet Lanterns"),
        ("Quennair, a regional airline, flew the route.", "Quennair"),
    ],
)
def test_a_name_the_text_calls_an_organisation_is_an_organisation(nlp: Language, text: str, name: str) -> None:
    doc = with_ents(nlp, text, [(name, "PERSON")])
    assert ents(doc) == [(name, "ORG")]


def test_a_place_after_an_organisation_noun_stays_a_place(nlp: Language) -> None:
    doc = with_ents(nlp, "The club Tewkesbury Rowing trains on the river.", [("Tewkesbury", "GPE")])
    assert ents(doc) == [("Tewkesbury", "GPE")]
