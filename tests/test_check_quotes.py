"""Quotations as checked values: found between double quotes, looked for word for word in the cited footnote."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from citefacts.check.quotes import MIN_WORDS, check_quotation, find_quotations, parts, with_quotations
from citefacts.mention import DocMention
from citefacts.models import Document, Fact, Mention, QuotationValue
from citefacts.pipeline import run
from citefacts.read import read_source
from citefacts.review.placement import apply_placements, place_decision
from citefacts.review.view import value_text
from citefacts.sentences import Passage

ARTICLE = Path(__file__).parent / "data" / "quotes_article.txt"

SPEECH = (
    "Reid, Thomas (1823). Address. Lune Press. p. 4. He said: “We will not retreat from our positions, whatever comes.”"
)

CASES = [
    # (quotation, footnote, verdict, flagged, evidence text or None)
    (
        "We will not retreat from our positions",
        SPEECH,
        "supported",
        False,
        "We will not retreat from our positions",
    ),
    (
        "we didn't expect the bridge to fall",
        "Hale (1990), p. 7. “We didn’t expect the bridge to fall,” the engineer admitted.",
        "supported",
        False,
        "We didn’t expect the bridge to fall",
    ),
    (
        "THE FLOOD, they said, was the worst in living memory",
        "Minutes (1911). The flood -- they said -- was the worst in living memory; nobody disputed it.",
        "supported",
        False,
        "The flood -- they said -- was the worst in living memory",
    ),
    (
        "the council met in secret ... and voted to close the mill",
        "Lune Gazette (1932). The council met in secret on Tuesday, without the mayor, and voted to close the mill.",
        "supported",
        False,
        "The council met in secret on Tuesday, without the mayor, and voted to close the mill",
    ),
    (
        "the council met in secret … and voted to close the mill",
        "Lune Gazette (1932). The council met in secret on Tuesday and voted to close the mill.",
        "supported",
        False,
        "The council met in secret on Tuesday and voted to close the mill",
    ),
    (
        "We will not withdraw from our positions",
        SPEECH,
        "not_found",
        True,
        "We will not retreat from our positions",
    ),
    (
        "We will retreat from our positions",
        SPEECH,
        "not_found",
        True,
        "We will not retreat from our positions",
    ),
    (
        "the harvest was the best in a generation",
        SPEECH,
        "not_found",
        False,
        None,
    ),
    (
        "the war is over and we have won the peace",
        "Times (1919), p. 2. 'The war is over. And we have won the peace,' the minister said.",
        "supported",
        False,
        "The war is over. And we have won the peace",
    ),
    (
        "the colour of the peacekeeping force was blue",
        "Report (1995). The color of the peace-keeping force was blue.",
        "supported",
        False,
        "The color of the peace-keeping force was blue",
    ),
    (
        "[the mill] will close at the end of the month",
        "Lune Gazette (1932). It will close at the end of the month, the owners said.",
        "supported",
        False,
        "will close at the end of the month",
    ),
]
IDS = [
    "verbatim",
    "curly_vs_straight_quotes",
    "case_and_punctuation",
    "ellipsis_gap",
    "ellipsis_character_gap",
    "word_changed_flagged",
    "missing_not_flagged",
    "no_counterpart",
    "split_across_footnote_sentences",
    "spelling_and_hyphenation",
    "bracketed_insertion_gap",
]


@pytest.mark.parametrize(("quotation", "footnote", "verdict", "flagged", "evidence"), CASES, ids=IDS)
def test_quotation_check(quotation: str, footnote: str, verdict: str, flagged: bool, evidence: str | None) -> None:
    outcome = check_quotation(quotation, footnote)
    assert outcome.verdict == verdict
    assert outcome.verdict != "contradicted"
    assert (outcome.flag == "quotation_differs") is flagged
    if evidence is None:
        assert outcome.evidence is None
    else:
        assert outcome.evidence is not None
        start, end = outcome.evidence
        assert footnote[start:end] == evidence
        assert footnote[start].isalnum() and footnote[end - 1].isalnum(), "evidence starts and ends on a word"


def test_a_flagged_quotation_names_the_words_that_differ() -> None:
    changed = check_quotation("We will not withdraw from our positions", SPEECH)
    assert changed.note == "the quotation differs from the source: 'retreat' in the source for 'withdraw'"
    dropped = check_quotation("We will retreat from our positions", SPEECH)
    assert dropped.note == "the quotation differs from the source: the source also has 'not'"


def test_a_quotation_spelled_otherwise_is_supported_with_a_note() -> None:
    outcome = check_quotation(
        "the colour of the peacekeeping force was blue", "The color of the peace-keeping force was blue."
    )
    assert (outcome.verdict, outcome.note) == ("supported", "the same words, spelled or hyphenated otherwise")


def test_a_different_word_of_similar_spelling_is_a_difference() -> None:
    outcome = check_quotation("they went over there to fight", "They went over their to fight, he wrote.")
    assert outcome.flag == "quotation_differs"


def test_half_the_words_of_a_quotation_are_no_counterpart() -> None:
    quotation = "it vindicates the worst fears of the whole valley population"
    outcome = check_quotation(quotation, "The flood confirms the fears of many valley farmers that the dam will fail.")
    assert (outcome.verdict, outcome.evidence, outcome.flag) == ("not_found", None, None)


def test_ellipsis_and_brackets_split_a_quotation_into_parts_with_their_gaps() -> None:
    quoted, gaps = parts("[p]ossibly in reaction ... to [the] incidents")
    assert quoted == [["possibly", "in", "reaction"], ["to"], ["incidents"]]
    assert gaps[1] > gaps[2] > 0


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He called it "a bridge too far for the town" in 1822.', ["a bridge too far for the town"]),
        ("He called it “a bridge too far for the town” in 1822.", ["a bridge too far for the town"]),
        ('The ship "Iron Duke" sailed; the "so-called" reforms stalled.', []),
        ('A 12" pipe, and then "we will build it again" he said.', ["we will build it again"]),
        (
            'Two: "the first of the quotes" and "the second of the quotes".',
            ["the first of the quotes", "the second of the quotes"],
        ),
    ],
    ids=["straight_quotes", "curly_quotes", "short_title_not_a_quotation", "inch_mark_opens_nothing", "two_quotations"],
)
def test_finding_quotations(text: str, quoted: list[str]) -> None:
    found = find_quotations(text)
    assert [q.value.text for q in found if isinstance(q.value, QuotationValue)] == quoted
    assert all(text[q.start] in '"“' and text[q.end - 1] in '"”' for q in found)
    assert all(len(words.split()) >= MIN_WORDS for words in quoted)


def test_a_quotation_across_body_sentences_is_cut_at_their_bounds() -> None:
    text = (
        'Broers wrote "the blockade renders any talk irrelevant. It vindicates the worst fears of all." Then he left.'
    )
    bounds = [
        (0, text.index("It vindicates")),
        (text.index("It vindicates"), text.index(" Then")),
        (text.index("Then"), len(text)),
    ]
    passages = [Passage(text[start:end].strip(), origin=start) for start, end in bounds]
    with_quotations(passages, text)
    quotes = [[m for m in p.mentions if m.kind == "quotation"] for p in passages]
    assert [[m.value.text for m in q if isinstance(m.value, QuotationValue)] for q in quotes] == [
        ["the blockade renders any talk irrelevant."],
        ["It vindicates the worst fears of all."],
        [],
    ]
    first, second = quotes[0][0], quotes[1][0]
    assert passages[0].text[first.start : first.end] == '"the blockade renders any talk irrelevant.'
    assert passages[1].text[second.start : second.end] == 'It vindicates the worst fears of all."'


def test_a_quotation_reads_as_its_words_on_the_review_page() -> None:
    mention = Mention(
        id="m1",
        kind="quotation",
        label="QUOTE",
        start=0,
        end=10,
        text='"abc def"',
        value=QuotationValue(text="we will build it again"),
    )
    assert value_text(mention) == "“we will build it again”"
    assert DocMention(0, 9, "QUOTE", QuotationValue(text="we will build it again")).kind == "quotation"


# --- the pipeline -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def quotes_document(nlp: Language) -> Document:
    return run(read_source(ARTICLE), nlp)


def _quoting(document: Document, words: str) -> tuple[Fact, Mention]:
    fact = next(f for f in document.facts if words in f.sentence.text)
    return fact, next(m for m in fact.mentions if m.kind == "quotation")


def test_a_quotation_found_in_its_footnote_is_supported_with_a_span_of_the_raw_file(quotes_document: Document) -> None:
    raw = ARTICLE.read_text()
    fact, quotation = _quoting(quotes_document, "thousand years")
    assert quotation.value == QuotationValue(text="this bridge will stand for a thousand years and more.")
    assert (
        raw[quotation.start : quotation.end]
        == quotation.text
        == '"this bridge will stand for a thousand years and more."'
    )
    (citation,) = fact.citations
    assert (citation.footnote, citation.linked_by) == (1, "marker")
    check = next(c for c in citation.checks if c.mention == quotation.id)
    assert (check.verdict, check.flag) == ("supported", None)
    assert check.evidence is not None
    assert check.evidence.text == "This bridge will stand for a thousand years, and more"
    assert raw[check.evidence.start : check.evidence.end] == check.evidence.text
    footnote = next(n for n in quotes_document.footnotes if n.number == 1)
    assert footnote.start <= check.evidence.start < check.evidence.end <= footnote.end


def test_a_quotation_that_differs_is_flagged_and_counts_as_not_found(quotes_document: Document) -> None:
    fact, quotation = _quoting(quotes_document, "extravagance")
    check = next(c for c in fact.citations[0].checks if c.mention == quotation.id)
    assert (check.verdict, check.flag) == ("not_found", "quotation_differs")
    assert check.evidence is not None and check.evidence.text == "an extravagance the town can afford at present"
    assert check.note is not None and "'can' in the source for 'cannot'" in check.note
    assert fact.status == "unverified"


def test_a_sentence_whose_only_value_is_a_quotation_is_a_fact(quotes_document: Document) -> None:
    fact, quotation = _quoting(quotes_document, "no further work")
    assert [m.kind for m in fact.mentions if m.kind != "date"] == ["quotation"]
    check = next(c for c in fact.citations[0].checks if c.mention == quotation.id)
    assert (check.verdict, check.evidence, check.flag) == ("not_found", None, None)


def test_a_reviewer_placement_checks_the_quotation_at_once(tmp_path: Path, nlp: Language) -> None:
    source = tmp_path / "unmarked.txt"
    source.write_text(re.sub(r"\[\d\]", "", ARTICLE.read_text()))
    document = run(read_source(source), nlp)
    assert document.candidates is not None
    fact, quotation = _quoting(document, "thousand years")
    decision = place_decision(document, 1, fact.sentence, "tester")
    placed = apply_placements(document, [decision])
    cited = next(f for f in placed.facts if f.id == fact.id)
    citation = next(c for c in cited.citations if c.footnote == 1)
    assert citation.linked_by == "reviewer"
    check = next(c for c in citation.checks if c.mention == quotation.id)
    assert check.verdict == "supported"
    assert check.evidence is not None and check.evidence.text == "This bridge will stand for a thousand years, and more"


def test_a_schema_1_4_document_without_quotations_or_flags_still_validates(quotes_document: Document) -> None:
    data = quotes_document.model_dump(mode="json")
    data["schema_version"] = "1.4"
    for fact in data["facts"]:
        quoted = {m["id"] for m in fact["mentions"] if m["kind"] == "quotation"}
        fact["mentions"] = [m for m in fact["mentions"] if m["id"] not in quoted]
        for citation in fact["citations"]:
            citation["checks"] = [c for c in citation["checks"] if c["mention"] not in quoted]
            for check in citation["checks"]:
                del check["flag"]
    loaded = Document.model_validate(data)
    assert loaded.schema_version == "1.4"
    assert all(c.flag is None for f in loaded.facts for cit in f.citations for c in cit.checks)


def test_the_report_words_a_flagged_quotation_as_differing(quotes_document: Document, tmp_path: Path) -> None:
    from citefacts.review.report import fact_row
    from citefacts.review.view import load_reviewed
    from citefacts.write import write_document

    out = write_document(quotes_document, tmp_path / "quotes.json", ARTICLE.read_text())
    reviewed = load_reviewed(out)
    fact, quotation = _quoting(reviewed.document, "extravagance")
    figures = {f["text"]: f["verdict"] for f in fact_row(reviewed, fact)["figures"]}
    assert figures[quotation.text] == "not_found · quotation_differs"
    supported, quoted = _quoting(reviewed.document, "thousand years")
    assert {f["text"]: f["verdict"] for f in fact_row(reviewed, supported)["figures"]}[quoted.text] == "supported"
