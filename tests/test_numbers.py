from __future__ import annotations

import pytest
from spacy.language import Language

from citefacts.mention import DocMention
from citefacts.models import DateValue
from citefacts.numbers import find_numbers, parse_number, scan, words_to_number
from citefacts.numbers.tokens import tokenize


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("2,906", "cardinal", 2906.0),
        ("3.5", "cardinal", 3.5),
        ("two hundred", "cardinal", 200.0),
        ("three million", "cardinal", 3_000_000.0),
        ("55%", "percent", 55.0),
        ("$36 million", "money", 36e6),
    ],
)
def test_parse_number_values(text: str, kind: str, value: float) -> None:
    parsed = parse_number(text, kind)
    assert parsed is not None and parsed.value == value


def test_range_fills_low_and_high() -> None:
    parsed = parse_number("28,000–38,000")
    assert parsed is not None and (parsed.low, parsed.high) == (28000.0, 38000.0)


def test_qualifiers_are_kept() -> None:
    parsed = parse_number("approximately 2,000")
    assert parsed is not None and parsed.qualifier == "approx" and parsed.value == 2000.0


def test_words_to_number_stops_at_other_words() -> None:
    assert words_to_number("twelve soldiers") == 12.0
    assert words_to_number("soldiers") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Eleven", 11.0),
        ("ninety-nine", 99.0),
        ("four hundred and seven", 407.0),
        ("six thousand and twelve", 6012.0),
        ("a dozen", 12.0),
        ("two dozen", 24.0),
        ("one and a half", 1.5),
        ("seven and a quarter", 7.25),
        ("a third", 1 / 3),
        ("three-quarters", 0.75),
        ("four fifths", 0.8),
        ("2 1/2", 2.5),
        ("¼", 0.25),
        ("six point two five", 6.25),
        ("minus twelve", -12.0),
        ("1.5 million", 1.5e6),
        ("4.2bn", 4.2e9),
        ("15k", 15000.0),
        ("5 lakh", 5e5),
        ("quarter million", 250_000.0),
        ("2 million and a half", 2.5e6),
        ("7.1e3", 7100.0),
        ("12 345", 12345.0),
        ("1.5 millions", 1.5e6),
        ("100-thousand", 1e5),
        ("two-hundred", 200.0),
        ("ninety - five", 95.0),
        ("one one hundred fifth", 1 / 105),
        ("three two hundredths", 3 / 200),
        ("one hundred thirty-two fifths", 26.4),
        ("one and a half million", 1.5e6),
        ("two and a quarter million", 2.25e6),
        ("half a million", 5e5),
        ("a quarter of a million", 2.5e5),
        ("1 and 1/2 million", 1.5e6),
        ("three million, two hundred & forty", 3_000_240.0),
        ("one-and-a-half", 1.5),
        ("two-and-a-half million", 2.5e6),
        ("a half-dozen", 6.0),
        ("half-a-dozen", 6.0),
        ("a dozen and a half", 18.0),
    ],
)
def test_number_words_and_mixed_forms_read_their_value(text: str, value: float) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("third", 3.0), ("21st", 21.0), ("forty-second", 42.0), ("one hundred and first", 101.0)],
)
def test_ordinals_are_kind_ordinal(text: str, value: float) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.number_kind == "ordinal" and parsed.value == value


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("$36 million", 36e6, "USD"),
        ("USD $2.9 billion", 2.9e9, "USD"),
        ("€5", 5.0, "EUR"),
        ("£2,000", 2000.0, "GBP"),
        ("£4m", 4e6, "GBP"),
        ("5 dollars", 5.0, "USD"),
        ("12 million manat", 12e6, "AZN"),
        ("C$ 40", 40.0, "CAD"),
        ("Rs 500", 500.0, "INR"),
        ("Rs. 1,200 crore", 1.2e10, "INR"),
        ("Rs.1 lakhs", 1e5, "INR"),
        ("-$5", -5.0, "USD"),
        ("minus €3 million", -3e6, "EUR"),
        ("eight dollars and twenty cents", 8.2, "USD"),
        ("10 U.S. dollars", 10.0, "USD"),
        ("2 Hong Kong dollars", 2.0, "HKD"),
        ("100 Japanese yen", 100.0, "JPY"),
        ("NT$100", 100.0, "TWD"),
        ("50¢", 50.0, "USD_CENT"),
        ("20 quid", 20.0, "GBP"),
        ("300 zlotys", 300.0, "PLN"),
    ],
)
def test_money_reads_amount_and_currency_code(text: str, value: float, unit: str) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.number_kind == "money"
    assert parsed.value == pytest.approx(value) and parsed.unit == unit


@pytest.mark.parametrize(("text", "value"), [("55%", 55.0), ("90 per cent", 90.0), ("twenty percent", 20.0)])
def test_percent_forms_have_percent_unit(text: str, value: float) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.number_kind == "percent" and parsed.unit == "%" and parsed.value == value


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("17 km", 17.0, "kilometre"),
        ("4,400 square kilometres", 4400.0, "square kilometre"),
        ("86.6 sq mi", 86.6, "square mile"),
        ("120 kg", 120.0, "kilogram"),
        ("a 3-metre wall", 3.0, "metre"),
        ("6 ft 6 in", 6.5, "foot"),
        ("60 km/h", 60.0, "kilometre per hour"),
        ("5'11\"", 5 + 11 / 12, "foot"),
        ("6′2″", 6 + 2 / 12, "foot"),
        ("a 12″ record", 12.0, "inch"),
    ],
)
def test_quantities_carry_their_unit(text: str, value: float, unit: str) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.number_kind == "quantity"
    assert parsed.value == pytest.approx(value) and parsed.unit == unit


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("between 5,856 and 6,000", 5856.0, 6000.0),
        ("from 50 to 215 square kilometers", 50.0, 215.0),
        ("108–112 soldiers", 108.0, 112.0),
        ("20~30", 20.0, 30.0),
        ("3-4 million", 3e6, 4e6),
        ("ten to fifteen", 10.0, 15.0),
        ("more than 10 and less than 20", 10.0, 20.0),
        ("between 44 mg to 50 mg", 44.0, 50.0),
        ("from three up to five", 3.0, 5.0),
        ("between 0 and 1/2", 0.0, 0.5),
        ("between one hundred and two hundred", 100.0, 200.0),
        ("from 5-$10", 5.0, 10.0),
        ("between a hundred and fifty and two hundred", 150.0, 200.0),
    ],
)
def test_range_fills_low_and_high_from_either_form(text: str, low: float, high: float) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.number_kind == "range" and (parsed.low, parsed.high) == (low, high)


def test_range_takes_the_unit_written_after_its_second_end() -> None:
    parsed = parse_number("from 50 to 215 square kilometers")
    assert parsed is not None and parsed.unit == "square kilometre"


def test_descending_pair_is_not_a_range() -> None:
    parsed = parse_number("30-20")
    assert parsed is None or parsed.number_kind != "range"


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("at least 300", "at_least", 300.0, None),
        ("more than 4,000", "more_than", 4000.0, None),
        ("over 70", "more_than", 70.0, None),
        ("up to 700", "at_most", None, 700.0),
        ("fewer than 12", "less_than", None, 12.0),
        ("4+", "at_least", 4.0, None),
        ("30 or more", "at_least", 30.0, None),
        ("some 90", "approx", None, None),
        ("approximately 90 per cent", "approx", None, None),
    ],
)
def test_bounds_keep_qualifier_and_fill_the_bounded_side(
    text: str, qualifier: str, low: float | None, high: float | None
) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.qualifier == qualifier and (parsed.low, parsed.high) == (low, high)


def test_tokens_keep_raw_offsets_and_group_separators() -> None:
    text = "about 1,234,567 people"
    number = next(t for t in tokenize(text) if t.kind == "num")
    assert text[number.start : number.end] == "1,234,567" and number.value == 1234567.0


def test_hyphenated_phone_number_is_not_a_range() -> None:
    parsed = parse_number("+1-222-2222")
    assert parsed is None or parsed.number_kind != "range"


# --- detection in parsed text --------------------------------------------------------------


def _found(nlp: Language, text: str, taken: list[DocMention] | None = None) -> dict[str, DocMention]:
    doc = nlp(text)
    return {text[f.start : f.end]: f for f in find_numbers(doc, taken or [])}


def test_detection_types_number_followed_by_demonym_as_cardinal(nlp: Language) -> None:
    found = _found(nlp, "The census counted 84,860 Azerbaijanis in the region.")
    assert found["84,860"].label == "CARDINAL" and found["84,860"].value.value == 84860.0


def test_detection_reads_per_cent_with_qualifier_as_percent(nlp: Language) -> None:
    found = _found(nlp, "They made up approximately 90 per cent of the population.")
    value = found["approximately 90 per cent"].value
    assert value.number_kind == "percent" and value.value == 90.0 and value.qualifier == "approx"


def test_detection_finds_spelled_out_numbers_spacy_misses(nlp: Language) -> None:
    found = _found(nlp, "Twelve villages and two hundred houses were burned.")
    assert found["Twelve"].value.value == 12.0 and found["two hundred"].value.value == 200.0


def test_detection_never_overlaps_a_taken_date(nlp: Language) -> None:
    text = "In 1994, 30,000 people fled."
    year = DocMention(3, 7, "DATE", DateValue(timex="1994"))
    found = _found(nlp, text, [year])
    assert "1994" not in found and "30,000" in found


def test_pronoun_one_is_not_a_number(nlp: Language) -> None:
    found = _found(nlp, "That one is better than the first one, and one soldier died.")
    assert [f.value.value for f in found.values() if f.value.number_kind == "cardinal"] == [1.0]


def test_offsets_index_the_raw_text(nlp: Language) -> None:
    text = "Losses reached $ 16.4 million,  or 3 %."
    doc = nlp(text)
    for found in find_numbers(doc, []):
        assert text[found.start : found.end].strip() == text[found.start : found.end]
    assert {text[f.start : f.end] for f in find_numbers(doc, [])} == {"$ 16.4 million", "3 %"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("twenty twenty fifths", 0.8),
        ("approximately one-half", 0.5),
        ("seven quadrillion", 7e15),
        ("$2.174T", 2.174e12),
        ("$-99.99", -99.99),
    ],
)
def test_compound_fractions_large_scales_and_signed_money(text: str, value: float) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.value == pytest.approx(value)


def test_slash_with_large_denominator_is_not_a_fraction() -> None:
    parsed = parse_number("Resolution 62/243")
    assert parsed is not None and parsed.value != pytest.approx(62 / 243)


def test_superscript_less_area_unit_is_square() -> None:
    parsed = parse_number("301,338 km2")
    assert parsed is not None and parsed.unit == "square kilometre" and parsed.value == 301338.0


def test_negative_range_is_ordered_low_to_high() -> None:
    parsed = parse_number("from -18 °C to -34 °C")
    assert parsed is not None and (parsed.low, parsed.high) == (-34.0, -18.0)


def test_suspended_hyphen_range_reads_both_ends() -> None:
    parsed = parse_number("an 8- to 16-meter telescope")
    assert parsed is not None and (parsed.low, parsed.high, parsed.unit) == (8.0, 16.0, "metre")


def test_digits_glued_to_letters_are_names_not_numbers(nlp: Language) -> None:
    found = _found(nlp, "Su-25 jets, T-72 tanks and TB2 drones struck; 300 died.")
    assert list(found) == ["300"]


def test_citation_markers_are_not_numbers(nlp: Language) -> None:
    found = _found(nlp, "About 30 were killed.[12]")
    assert list(found) == ["About 30"]


def test_quantity_is_cut_before_a_taken_span(nlp: Language) -> None:
    text = "It ran at 200 kilometres per hour."
    start = text.index("per hour")
    taken = [DocMention(start, start + len("per hour"), "DATE", DateValue(timex="XXXX", type="SET"))]
    found = _found(nlp, text, taken)
    assert found["200 kilometres"].value.unit == "kilometre"


@pytest.mark.parametrize(
    ("text", "value"),
    [("half a dozen", 6.0), ("one point five million", 1.5e6), ("20 bucks", 20.0)],
)
def test_spoken_forms_half_a_dozen_point_with_scale_and_slang_money(text: str, value: float) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.value == pytest.approx(value)


def test_lowercase_article_before_dollar_sign_is_not_australian_dollars() -> None:
    parsed = parse_number("received a $253,150 transfer")
    assert parsed is not None and parsed.unit == "USD" and parsed.value == 253150.0


def test_doi_digits_are_not_numbers(nlp: Language) -> None:
    assert _found(nlp, "Orbis. doi:10.1080/14683857.2012.686013.") == {}


def test_phone_number_parts_stay_separate_numbers(nlp: Language) -> None:
    found = _found(nlp, "Call +1-222-2222 today")
    assert all(f.value.number_kind == "cardinal" for f in found.values()) and "222" in found


def test_several_hundred_is_not_a_number(nlp: Language) -> None:
    assert list(_found(nlp, "Casualties ranged from several hundred to 2,000.")) == ["2,000"]


def test_decades_are_left_to_dates(nlp: Language) -> None:
    assert _found(nlp, "In the 1990s and the 1980's, trade grew.") == {}


def test_digits_inside_a_spacy_name_are_not_counts(nlp: Language) -> None:
    found = _found(nlp, "The UN adopted Resolution 822 in April, and 40 delegates voted.")
    assert "822" not in found and "40" in found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one over three", 1 / 3),
        ("2000 over 3.", 2000 / 3),
        ("two out of five hundred", 0.004),
        ("1 in 10 people", 0.1),
        ("one in a million", 1e-6),
        ("1 and 4/5", 1.8),
    ],
)
def test_spoken_ratios_read_as_fractions(text: str, value: float) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.value == pytest.approx(value)


def test_improper_out_of_stays_two_numbers() -> None:
    tokens = tokenize("12 out of 10")
    assert [q.value for q in scan(tokens)] == [12.0, 10.0]


@pytest.mark.parametrize("text", ["3 in 5 days", "1 in 3.5 km", "10 in 5"])
def test_in_between_a_count_and_a_measure_or_a_smaller_number_is_no_ratio(text: str) -> None:
    assert len(scan(tokenize(text))) == 2


@pytest.mark.parametrize(("text", "qualifier", "high"), [("=< 5", "at_most", 5.0), ("less than 5", "less_than", 5.0)])
def test_written_comparison_signs_bound_the_high_side(text: str, qualifier: str, high: float) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.qualifier == qualifier and parsed.high == high


def test_a_couple_of_hundred_is_not_a_number(nlp: Language) -> None:
    assert list(_found(nlp, "They lost a couple of hundred men and 40 horses.")) == ["40"]


@pytest.mark.parametrize("text", ["the song 'Top 40' was", 'It was "Top 10".'])
def test_quote_marks_after_a_number_are_no_feet_or_inches(text: str) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.number_kind == "cardinal"


@pytest.mark.parametrize("text", ["I like the blue one.", "Take a really big one.", "the second one"])
def test_one_after_a_determiner_and_adjectives_is_a_pronoun(nlp: Language, text: str) -> None:
    assert "one" not in _found(nlp, text)


def test_a_comma_between_two_scales_of_the_same_size_separates_two_numbers() -> None:
    assert [q.value for q in scan(tokenize("one million, two million"))] == [1e6, 2e6]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("grossed $ 2.5 million , one of the highest", [2.5e6, 1.0]),
        ("scores of 72/100 and 77/100", [0.72, 0.77]),
    ],
)
def test_a_separate_number_after_a_comma_or_and_is_not_joined(text: str, values: list[float]) -> None:
    assert [q.value for q in scan(tokenize(text))] == values


def test_digits_glued_after_a_word_and_a_dot_are_a_code(nlp: Language) -> None:
    assert list(_found(nlp, "The E.164 country code is +992 .")) == ["992"]


def test_or_so_after_a_number_makes_it_approximate() -> None:
    parsed = parse_number("30 or so")
    assert parsed is not None and parsed.qualifier == "approx" and parsed.value == 30.0


@pytest.mark.parametrize(
    "text", ["Go to https://www.test.com/search?q=30%25%2020% now.", "Write to bob42@example.com or see www.x.org/p2 ."]
)
def test_digits_inside_a_web_or_mail_address_are_no_numbers(nlp: Language, text: str) -> None:
    assert _found(nlp, text) == {}


@pytest.mark.parametrize(("text", "value"), [("five dozs", 60.0), ("2 doz eggs", 24.0)])
def test_dozen_abbreviations_multiply_by_twelve(text: str, value: float) -> None:
    assert [q.value for q in scan(tokenize(text))] == [value]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("30 psi", "pound per square inch"),
        ("1013 hPa", "hectopascal"),
        ("12 MWh", "megawatt hour"),
        ("100 Mbps", "megabit per second"),
        ("20 kN", "kilonewton"),
        ("3 kilojoules", "kilojoule"),
        ("50 megatons", "megaton"),
        ("25 degrees Celsius", "degree Celsius"),
        ("4 fl oz", "fluid ounce"),
        ("120 mmHg", "millimetre of mercury"),
    ],
)
def test_si_prefixed_and_common_units_type_a_quantity(text: str, unit: str) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.number_kind == "quantity" and parsed.unit == unit


@pytest.mark.parametrize("text", ["It owns 5 TV stations.", "at 45 N and 10 W", "5 A grades", "the 3 Mt Everest"])
def test_letters_more_often_something_else_are_no_units(text: str) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.number_kind == "cardinal"


def test_a_unit_frees_its_digits_from_a_year_reading(nlp: Language) -> None:
    from citefacts.extract import extract

    found = [f for f in extract(nlp("Pressure fell to 1013 hPa.")) if f.kind == "number"]
    assert [(f.value.value, f.value.unit) for f in found] == [(1013.0, "hectopascal")]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The door is 2 1/2 in thick.", "inch"),
        ("a 5 in. long nail", "inch"),
        ("Give me -1e-3 W/min, now!", "watt per minute"),
        ("salt at 9 g/L", "gram per litre"),
        ("a dose of 14 mGy", "milligray"),
        ("about 66 Ma ago", "megayear"),
    ],
)
def test_units_read_from_their_context(text: str, unit: str) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.unit == unit


def test_in_before_other_words_is_a_preposition() -> None:
    assert [q.unit for q in scan(tokenize("He scored 3 in a row."))] == [None]
