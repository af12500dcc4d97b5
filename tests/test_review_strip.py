"""The strip of paragraphs: facts cut into paragraphs from the output and its source, coloured by their statuses."""

from __future__ import annotations

from typing import get_args

import pytest

from citefacts.models import Citation, Fact, FactStatus, Span, TableCell
from citefacts.review.strip import MAX_SIZE, TONES, paragraphs, sections, strip_json


def fact(
    raw: str, text: str, status: FactStatus = "uncited", section: tuple[str, ...] = ("History",), **extra: object
) -> Fact:
    """A fact on the first occurrence of ``text`` in ``raw``."""
    start = raw.index(text)
    return Fact.model_validate(
        {
            "id": f"f{start:04d}",
            "content_hash": "h",
            "sentence": Span(start=start, end=start + len(text), text=text),
            "section": list(section),
            "mentions": [],
            "status": status,
            **extra,
        }
    )


def texts(found: list) -> list[list[str]]:
    return [[f.sentence.text for f in p.facts] for p in found]


PLAIN = "History\nIt began in 1988. It grew in 1990.\nA truce came in 1994.\n"


def test_plain_text_has_one_paragraph_a_line() -> None:
    facts = [fact(PLAIN, s) for s in ("It began in 1988.", "It grew in 1990.", "A truce came in 1994.")]
    found = paragraphs(facts, PLAIN, "text")
    assert texts(found) == [["It began in 1988.", "It grew in 1990."], ["A truce came in 1994."]]
    assert [p.index for p in found] == [0, 1] and all(p.exact for p in found)


def test_facts_are_taken_in_source_order_whatever_order_they_come_in() -> None:
    facts = [fact(PLAIN, s) for s in ("A truce came in 1994.", "It grew in 1990.", "It began in 1988.")]
    assert texts(paragraphs(facts, PLAIN, "text")) == [
        ["It began in 1988.", "It grew in 1990."],
        ["A truce came in 1994."],
    ]


def test_a_new_section_starts_a_new_paragraph() -> None:
    facts = [fact(PLAIN, "It began in 1988."), fact(PLAIN, "It grew in 1990.", section=("History", "Later"))]
    found = paragraphs(facts, PLAIN, "text")
    assert texts(found) == [["It began in 1988."], ["It grew in 1990."]]
    assert [s.path for s in sections(found)] == [("History",), ("History", "Later")]


MARKUP = "It began in 1988 and\nwent on in 1990.\n\nA truce came in 1994.\n* A list item of 1995.\n"


@pytest.mark.parametrize("format", ["markdown", "wikitext"])
def test_markup_paragraphs_end_at_a_blank_line_or_a_list_item_not_at_a_wrapped_line(format: str) -> None:
    sentences = ("It began in 1988", "went on in 1990.", "A truce came in 1994.", "A list item of 1995.")
    facts = [fact(MARKUP, s) for s in sentences]
    found = paragraphs(facts, MARKUP, format)
    assert texts(found) == [
        ["It began in 1988", "went on in 1990."],
        ["A truce came in 1994."],
        ["A list item of 1995."],
    ]


WIKI = """The town was founded in 1850.<ref>{{cite web
| title = Founding {{small|of the town}}
| quote = It was founded in 1850.
}}</ref> It had 5,000 inhabitants in 1990.<ref name="census">
* Census 1990: 5,000
</ref><!-- a
* comment --> A bridge was built in 1901.

A new paragraph tells of 1950.
"""


def test_lines_inside_references_templates_and_comments_break_no_wikitext_paragraph() -> None:
    sentences = (
        "founded in 1850.",
        "It had 5,000 inhabitants in 1990.",
        "A bridge was built in 1901.",
        "tells of 1950.",
    )
    found = paragraphs([fact(WIKI, s) for s in sentences], WIKI, "wikitext")
    assert [len(p.facts) for p in found] == [3, 1]


TABLE = "Year\n2008\n30 soldiers\n2009\n19 soldiers\nThe war ended in 2020.\n"


def test_consecutive_table_cells_make_one_paragraph() -> None:
    cells = [
        fact(TABLE, s, table=TableCell(row="r", column="c")) for s in ("2008", "30 soldiers", "2009", "19 soldiers")
    ]
    found = paragraphs([*cells, fact(TABLE, "The war ended in 2020.")], TABLE, "text")
    assert [(len(p.facts), p.table) for p in found] == [(4, True), (1, False)]
    assert found[0].label.startswith("History, table 1: 4 facts")


def test_without_the_source_a_section_is_one_block_flagged_inexact() -> None:
    facts = [fact(PLAIN, s) for s in ("It began in 1988.", "It grew in 1990.", "A truce came in 1994.")]
    found = paragraphs(facts, None)
    assert texts(found) == [["It began in 1988.", "It grew in 1990.", "A truce came in 1994."]]
    assert not found[0].exact and "paragraphs unknown" in found[0].label


def test_every_status_has_a_tone() -> None:
    assert set(TONES) == set(get_args(FactStatus))


@pytest.mark.parametrize(
    ("statuses", "tone"),
    [
        (["uncited", "uncited", "supported"], "supported"),
        (["supported", "contradicted", "uncited"], "contradicted"),
        (["supported", "unverified"], "unverified"),
        (["uncited"], "uncited"),
    ],
)
def test_a_block_takes_the_most_telling_status(statuses: list[FactStatus], tone: str) -> None:
    raw = " ".join(f"Fact {i} in {1990 + i}." for i in range(len(statuses)))
    facts = [fact(raw, f"Fact {i} in {1990 + i}.", status) for i, status in enumerate(statuses)]
    (found,) = paragraphs(facts, raw, "text")
    assert found.tone == tone


def test_a_reviewer_placement_is_counted_apart_and_said_in_words() -> None:
    placed = [Citation(footnote=3, score=1.0, linked_by="reviewer")]
    facts = [
        fact(PLAIN, "It began in 1988.", "supported", citations=placed),
        fact(PLAIN, "It grew in 1990.", "uncited"),
    ]
    (found,) = paragraphs(facts, PLAIN, "text")
    assert found.placed == 1 and found.tone == "supported"
    assert found.label == "History, paragraph 1: 2 facts: 1 supported, 1 uncited; 1 placed by a reviewer"


def test_sections_count_their_facts_per_status_in_tone_order() -> None:
    statuses: list[FactStatus] = ["uncited", "contradicted", "uncited"]
    facts = [fact(PLAIN, s, status) for s, status in zip(("It began", "It grew", "A truce"), statuses, strict=True)]
    (section,) = sections(paragraphs(facts, PLAIN, "text"))
    assert section.count_list == [("contradicted", 1), ("uncited", 2)]
    assert [p.tone for p in section.paragraphs] == ["contradicted", "uncited"]


def test_the_lead_is_named_and_the_page_gets_ids_sizes_and_labels() -> None:
    raw = " ".join(f"Fact {i} in {1990 + i}." for i in range(MAX_SIZE + 3))
    facts = [fact(raw, f"Fact {i} in {1990 + i}.", section=()) for i in range(MAX_SIZE + 3)]
    (section,) = strip_json(paragraphs(facts, raw, "text"))
    assert section["title"] == section["short"] == "Lead" and section["counts"] == [("uncited", MAX_SIZE + 3)]
    (block,) = section["paragraphs"]
    assert block["size"] == MAX_SIZE and block["tone"] == "uncited" and block["placed"] == 0
    assert block["facts"] == [f.id for f in facts] and block["label"].startswith("Lead, paragraph 1: 13 facts")


def test_no_facts_no_strip() -> None:
    assert paragraphs([], PLAIN) == [] and strip_json([]) == []
