"""Entity bounds: a name without the determiner, possessive or function words the model took in."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_entities import labels, with_ents


@pytest.mark.parametrize(
    ("text", "ent", "label", "name"),
    [
        (
            "Farmers joined the Greenfield Growers Union in 1950.",
            "the Greenfield Growers Union",
            "ORG",
            "Greenfield Growers Union",
        ),
        ("The song was played on Maple Radio's morning show.", "Maple Radio's", "ORG", "Maple Radio"),
        ("It was sold to the Lakeside Otters of the league.", "Lakeside Otters of the", "ORG", "Lakeside Otters"),
        ("Later Ingrid Solberg . She left.", "Ingrid Solberg .", "PERSON", "Ingrid Solberg"),
        ("The members' votes went to the Crofters' Party.", "Crofters'", "ORG", "Crofters"),
    ],
)
def test_determiner_possessive_and_function_words_are_trimmed(
    nlp: Language, text: str, ent: str, label: str, name: str
) -> None:
    doc = with_ents(nlp, text, [(ent, label)])
    assert [(e.text, e.label_) for e in doc.ents] == [(name, label)]


def test_a_capitalised_the_inside_a_sentence_stays_part_of_the_name(nlp: Language) -> None:
    doc = with_ents(nlp, "He wrote for The Evening Lantern until 1990.", [("The Evening Lantern", "ORG")])
    assert [e.text for e in doc.ents] == ["The Evening Lantern"]


def test_a_sentence_opening_the_is_not_part_of_the_name(nlp: Language) -> None:
    found = labels(nlp, "The Northern Weavers Guild was founded in 1890. It still meets in Leeds.")
    assert "Northern Weavers Guild" in found
    assert not any(name.startswith("The ") for name in found)


def test_an_entity_running_into_the_next_sentence_ends_at_the_sentence(nlp: Language) -> None:
    text = "The prize went to Harbour Arts. In 1990 it closed."
    doc = nlp.make_doc(text)
    for token in doc:
        token.is_sent_start = token.i in (0, 7)
    span = doc.char_span(text.index("Harbour"), text.index(" 1990"), "ORG")
    assert span is not None
    doc.ents = [span]
    doc = nlp.get_pipe("citefacts_entity_rules")(doc)
    assert [e.text for e in doc.ents] == ["Harbour Arts"]


def test_an_entity_of_nothing_but_a_determiner_and_marks_is_dropped(nlp: Language) -> None:
    doc = with_ents(nlp, "He said the , then stopped.", [("the ,", "ORG")])
    assert list(doc.ents) == []
