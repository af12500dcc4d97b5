"""Fuzzing the checker: check_value on claims extracted from a sentence against footnotes that restate,
nudge or miss their figures."""

from __future__ import annotations

import re

from hypothesis import assume, given
from hypothesis import strategies as st
from spacy.language import Language

from citefacts.check import check_value, fact_status
from citefacts.extract import extract
from citefacts.read.cite import parse_footnote

from .strategies import UNITS, footnote_texts, random_text, sentences
from .tally import counted

VERDICTS = {"supported", "contradicted", "not_found"}


def _nudged(figure: str, digit: int) -> str:
    """The figure with one digit changed (2,906 -> 2,916): a near miss the checker may call a contradiction."""
    places = [i for i, c in enumerate(figure) if c in "0123456789"]
    if not places:
        return figure
    at = places[digit % len(places)]
    return figure[:at] + str((int(figure[at]) + 1) % 10) + figure[at + 1 :]


@st.composite
def evidence_for(draw: st.DrawFn, figure: str) -> str:
    """A footnote: one that states the figure, a nudged figure, or none of it, amid citation-like words."""
    lead = draw(
        st.one_of(
            footnote_texts(),
            st.just(""),
            st.sampled_from(["Archived 2022-04-08.", "p. 12.", "ISBN 978-0-19-923811-9."]),
        )
    )
    digits = re.sub(r"[^\d.,]", "", figure).strip(".,") or "1"
    in_other_unit = f"{digits} {draw(st.sampled_from(UNITS))}"
    stated = draw(
        st.sampled_from([figure, _nudged(figure, draw(st.integers(0, 9))), "about " + figure, in_other_unit, ""])
    )
    noun = draw(
        st.sampled_from(["troops were killed", "civilians", "people", "km", "in 1994", "", "servicemen missing"])
    )
    tail = draw(st.one_of(st.just(""), footnote_texts(), random_text))
    return " ".join(part for part in (lead, stated, noun, tail) if part)


@given(data=st.data())
@counted
def test_a_verdict_is_one_of_three_and_its_evidence_lies_in_the_footnote(nlp: Language, data: st.DataObject) -> None:
    sentence = data.draw(st.one_of(sentences(), sentences(odd=False)), label="sentence").strip()
    sentence_found = extract(nlp(sentence))
    claims = [m for m in sentence_found if m.kind != "entity"]
    assume(claims)
    claim = data.draw(st.sampled_from(claims), label="claim")
    figure = sentence[claim.start : claim.end]
    footnote = data.draw(st.one_of(evidence_for(figure), random_text), label="footnote")
    footnote_found = extract(nlp(footnote))
    citations = parse_footnote(footnote, 0)
    outcome = check_value(claim, sentence, footnote, footnote_found, sentence_found, citations)
    assert outcome.verdict in VERDICTS
    if outcome.verdict != "not_found":
        assert outcome.evidence is not None, outcome
    if outcome.evidence is not None:
        start, end = outcome.evidence
        assert 0 <= start <= end <= len(footnote), (outcome, len(footnote))
        assert footnote[start:end].strip(), outcome
    if outcome.verdict == "supported" and figure.isdigit() and outcome.note is None:
        assert re.search(r"\d", footnote[outcome.evidence[0] : outcome.evidence[1]]), outcome  # type: ignore[index]
    assert check_value(claim, sentence, footnote, footnote_found, sentence_found, citations) == outcome
    assert fact_status([outcome.verdict], True) in {"supported", "partly_supported", "contradicted", "unverified"}
