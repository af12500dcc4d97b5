from __future__ import annotations

from citefacts.check import check_value, fact_status, numbers_agree
from citefacts.found import Found
from citefacts.models import NumberValue


def number(value: float, **kw) -> NumberValue:
    return NumberValue(value=value, **kw)


def test_a_value_inside_a_range_is_supported() -> None:
    assert numbers_agree(number(30000), NumberValue(number_kind="range", low=28000, high=38000))


def test_more_than_is_a_bound() -> None:
    assert numbers_agree(number(23e6, qualifier="more_than"), number(23.4e6))
    assert not numbers_agree(number(23e6, qualifier="more_than"), number(22e6))


def test_supported_when_the_value_appears_after_a_different_one() -> None:
    sentence = "Azerbaijan said 2,906 soldiers died."
    note = "A list of 2,908 servicemen was published, leaving a total of 2,906 servicemen confirmed killed."
    claim = Found(16, 21, "CARDINAL", number(2906))
    found = [
        Found(note.index("2,908"), note.index("2,908") + 5, "CARDINAL", number(2908)),
        Found(note.index("2,906"), note.index("2,906") + 5, "CARDINAL", number(2906)),
    ]
    outcome = check_value(claim, sentence, note, found)
    assert outcome.verdict == "supported"
    assert outcome.evidence is not None and "2,906" in note[outcome.evidence[0] : outcome.evidence[1]]


def test_a_different_count_of_the_same_thing_contradicts() -> None:
    sentence = "The war killed 500 soldiers."
    note = "In all 700 soldiers were killed."
    claim = Found(15, 18, "CARDINAL", number(500))
    found = [Found(7, 10, "CARDINAL", number(700))]
    assert check_value(claim, sentence, note, found).verdict == "contradicted"


def test_fact_status_from_verdicts() -> None:
    assert fact_status([], cited=False) == "uncited"
    assert fact_status(["supported", "contradicted"], cited=True) == "contradicted"
    assert fact_status(["supported", "not_found"], cited=True) == "partly_supported"
    assert fact_status(["supported"], cited=True) == "supported"
    assert fact_status(["not_found"], cited=True) == "unverified"
