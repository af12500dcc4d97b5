"""What a value is about (check_context.py): context words, stems and how far two contexts agree."""

from __future__ import annotations

from citefacts.check.context import context, contrasting_kinds, same_thing, similarity, word_key


def around(text: str, piece: str) -> tuple[str, int, int]:
    start = text.index(piece)
    return text, start, start + len(piece)


def test_a_stem_that_begins_a_longer_one_is_the_same_word() -> None:
    claim = context(*around("Barnyard was produced for less than $ 50.5 million.", "$ 50.5 million"))
    source = context(*around("It had a production budget of $ 50 million.", "$ 50 million"))
    assert word_key("produced") != word_key("production")
    assert similarity(claim, source) > 0


def test_short_stems_do_not_match_by_their_beginning() -> None:
    claim = context(*around("We play 40 times.", "40"))
    source = context(*around("Our playlist has 40 tracks.", "40"))
    assert "play" in claim.weights and "playlist" in source.weights
    assert similarity(claim, source) == 0.0


def test_a_word_across_a_comma_is_not_the_values_own_event() -> None:
    text = "The country had 270 confirmed cases, 220 recoveries, and no deaths."
    own = context(*around(text, "220"), [(text.index("270"), text.index("270") + 3)])
    assert word_key("recovery") in own.phrase and word_key("case") not in own.phrase
    assert word_key("recovery") in own.nouns


def test_the_capital_that_opens_a_sentence_is_no_name() -> None:
    claim = context(*around("LinkedIn was founded before 29 December 2002.", "29 December 2002"), barriers=False)
    source = context(
        *around("Founded on December 29, 2002, it is used for networking.", "December 29, 2002"), barriers=False
    )
    assert "found" not in source.proper
    assert similarity(claim, source, common_only=True) > 0


def test_the_disease_and_its_virus_are_one_word_and_persons_are_people() -> None:
    assert word_key("COVID-19") == word_key("coronavirus")
    assert word_key("persons") == word_key("people")


def test_soldiers_and_civilians_are_contrasting_kinds_even_when_both_were_killed() -> None:
    claim = context(*around("Ten soldiers were killed in the border clashes.", "Ten"))
    source = context(*around("18 civilians were killed by landmines.", "18"))
    assert contrasting_kinds(claim, source)
    assert not same_thing(claim, source)


def test_a_count_without_a_kind_takes_the_only_kind_its_text_names() -> None:
    text = "Landmines killed 18 civilians.[2] Of these, six died in 2020."
    six = context(*around(text, "six"))
    soldiers = context(*around("Ten soldiers were killed.", "Ten"))
    assert contrasting_kinds(soldiers, six)


def test_a_count_without_a_kind_in_a_text_naming_both_kinds_has_none() -> None:
    claim = context(*around("The blast killed 12 people: 5 soldiers and 7 civilians.", "12"))
    source = context(*around("The blast killed 15 civilians.", "15"))
    assert not claim.kinds
    assert not contrasting_kinds(claim, source)


def test_an_event_word_inside_a_name_is_no_event() -> None:
    claim = context(*around("Hartwell Life Assurance has over 5 million customers.", "over 5 million"))
    text = "The insurer has 4.5 million customers."
    assert same_thing(claim, context(*around(text, "4.5 million")))
    deaths = context(*around("The storm caused 5 deaths.", "5"))
    assert not same_thing(deaths, context(*around("The storm damaged 4 houses.", "4")))


def test_two_dates_are_of_one_event_when_the_word_next_to_the_first_is_next_to_the_second() -> None:
    from citefacts.check.context import same_event

    born = context(*around("Hanna Vesk was born before 1960.", "1960"), barriers=False)
    source = context(*around("Hanna Vesk (born 14 May 1971) is a painter.", "14 May 1971"), barriers=False)
    assert same_event(born, source)
    built = context(*around("The chapel of the school was built in 1871.", "1871"), barriers=False)
    founded = context(*around("The school was founded on 2 March 1854.", "2 March 1854"), barriers=False)
    assert not same_event(built, founded)


def test_a_chart_place_is_the_same_whether_ranked_or_peaked() -> None:
    assert word_key("ranked") == word_key("peaked") == word_key("charted")
    assert word_key("founded") == word_key("established")


def test_a_name_and_its_initials_are_one_name() -> None:
    claim = context(*around("Measles has claimed 60 lives in the United Kingdom this year.", "60"))
    source = context(*around("64 people in the UK have died of measles this year.", "64"))
    assert same_thing(claim, source)
    other = context(*around("64 people in the US have died of measles this year.", "64"))
    assert not same_thing(claim, other)
