"""Tables read as tables in every format: a cell's value comes with its row's key cells and its column header.

Fixtures written for these tests: `earthquakes-table.wiki` (a sortable wikitable with `{{dts}}` dates, a row
header, attributes and one-cell-a-line rows; a table with rowspan, colspan and two header rows; a ranked
table) and `earthquakes-table.md` (a pipe table with an escaped pipe and a row without its outer pipes).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mwparserfromhell import parse
from spacy.language import Language

from citefacts.models import Document, ParsedSource
from citefacts.pipeline import run
from citefacts.read import read_source
from citefacts.read.markdown import parse_markdown
from citefacts.read.tables import Cell, row_key
from citefacts.read.wikidates import date_template_text
from citefacts.read.wikitext import parse_wikitext

DATA = Path(__file__).parent / "data" / "read"
WIKI = DATA / "earthquakes-table.wiki"
MARKDOWN = DATA / "earthquakes-table.md"


def cells(parsed: ParsedSource, section: str | None = None) -> dict[tuple[str | None, str | None], str]:
    return {
        (b.table.row, b.table.column): b.text
        for b in parsed.blocks
        if b.table and b.kind == "table_cell" and (section is None or b.section[-1] == section)
    }


def test_every_wikitable_cell_has_its_row_key_and_column_header() -> None:
    parsed = read_source(WIKI)
    listed = cells(parsed, "List")
    assert listed[("17 August 1999", "Magnitude")] == "7.6"
    assert listed[("17 August 1999", "Time (local)")] == "03:01"
    assert listed[("26 January 2001", "Deaths")] == "20,023"  # the row header cell (! scope="row" |) is the key
    assert listed[("8 October 2005", "Lat.")] == "34.49"  # one cell a line, the first with a style attribute
    assert listed[("8 October 2005", "Place")] == "Muzaffarabad, Kashmir"
    assert all(row and column for row, column in listed)
    assert len(listed) == 4 * 7
    assert "Earthquakes of magnitude 7.5 or more" not in {b.text for b in parsed.blocks}  # the caption


def test_a_dts_date_is_the_cell_text_and_the_row_key() -> None:
    parsed = read_source(WIKI)
    listed = cells(parsed, "List")
    assert listed[("21 September 1999", "Date")] == "21 September 1999"
    assert listed[("21 September 1999", "Deaths")] == "2,415"
    block = next(b for b in parsed.blocks if b.text == "21 September 1999")
    first, last = block.offsets[0], block.offsets[-1] + 1
    assert parsed.raw[first:last] == "{{dts|1999|09|21}}"
    assert block.offsets == sorted(block.offsets)


def test_rowspan_and_colspan_give_each_cell_its_group_and_both_headers() -> None:
    by_year = cells(read_source(WIKI), "Deaths by year")
    assert by_year[("1999 · İzmit", "Deaths / Confirmed")] == "17,127"
    assert by_year[("1999 · Chi-Chi", "Deaths / Confirmed")] == "2,415"  # 1999 spans this row too
    assert by_year[("1999 · Chi-Chi", "Deaths / Estimated")] == "2,416"
    assert by_year[("2001 · Gujarat", "Deaths / Estimated")] == "20085"  # {{nts|20085}}
    assert ("1999 · Chi-Chi", "Year") not in by_year  # the spanned cell is one block, where it is written


def test_a_rank_is_no_key_alone() -> None:
    ranked = cells(read_source(WIKI), "Ranked by magnitude")
    assert ranked[("3 · İzmit", "Magnitude")] == "7.6"


def test_a_row_with_an_empty_first_cell_is_keyed_by_its_next_cell() -> None:
    row = [Cell("", False, None), Cell("610 S. Michigan Avenue", False, None), Cell("1918-24", False, None)]
    assert row_key(row) == "610 S. Michigan Avenue"
    assert row_key([Cell("", False, None)]) is None


@pytest.mark.parametrize(
    ("template", "shown"),
    [
        ("{{dts|1999|09|21}}", "21 September 1999"),
        ("{{dts|1999|Sep|21}}", "21 September 1999"),
        ("{{Start date|1999|8|17|mf=y}}", "August 17, 1999"),
        ("{{dts|2005|10}}", "October 2005"),
        ("{{dts|-490}}", "490 BC"),
        ("{{dts|21 September 1999}}", None),
        ("{{dts|1999|13|1}}", None),
    ],
)
def test_date_templates_show_the_date_a_reader_sees(template: str, shown: str | None) -> None:
    assert date_template_text(parse(template).filter_templates()[0]) == shown


def test_a_date_template_in_prose_reads_as_its_date() -> None:
    parsed = parse_wikitext("It struck on {{start date|1999|8|17}} at night.<ref>USGS.</ref>\n", "x.wiki")
    assert parsed.blocks[0].text == "It struck on 17 August 1999 at night."


def test_every_markdown_table_cell_has_its_row_key_and_column_header() -> None:
    parsed = read_source(MARKDOWN)
    table = cells(parsed)
    assert table[("17 August 1999", "Magnitude")] == "7.6"
    assert table[("21 September 1999", "Place")] == "Chi-Chi, Taiwan"
    assert table[("26 January 2001", "Deaths")] == "20,023 | est."  # an escaped pipe stays in its cell
    assert table[("8 October 2005", "Deaths")] == "86,000"  # a row without its outer pipes
    assert len(table) == 4 * 4
    marked = next(b for b in parsed.blocks if b.text == "17,127")
    assert list(marked.markers.values()) == [[2]]


@pytest.fixture(scope="module")
def wiki_document(nlp: Language) -> Document:
    return run(read_source(WIKI), nlp)


def test_a_table_fact_carries_its_row_and_column(wiki_document: Document) -> None:
    facts = {(f.table.row, f.table.column): f for f in wiki_document.facts if f.table}
    magnitude = facts[("17 August 1999", "Magnitude")]
    assert magnitude.sentence.text == "7.6" and magnitude.section == ["List"]
    assert [m.value.value for m in magnitude.mentions if m.value.kind == "number"] == [7.6]
    deaths = facts[("17 August 1999", "Deaths")]
    assert [c.footnote for c in deaths.citations] == [2]
    assert all(f.table.row and f.table.column for f in wiki_document.facts if f.table)


def test_a_time_cell_is_read_on_its_row_date(wiki_document: Document) -> None:
    facts = {(f.table.row, f.table.column): f for f in wiki_document.facts if f.table}
    timex = {
        row: next(m.value.timex for m in facts[(row, "Time (local)")].mentions if m.value.kind == "date")
        for row in ("17 August 1999", "21 September 1999", "26 January 2001")
    }
    assert timex == {
        "17 August 1999": "1999-08-17T03:01",
        "21 September 1999": "1999-09-21T01:47",
        "26 January 2001": "2001-01-26T08:46",
    }


def test_a_rendered_date_keeps_offsets_rising_inside_its_template() -> None:
    raw = "Opened {{dts|1999|5|1}} and closed {{start date|2001|9|11|mf=y}}.<ref>Minutes.</ref>\n"
    block = parse_wikitext(raw, "x.wiki").blocks[0]
    assert block.text == "Opened 1 May 1999 and closed September 11, 2001."
    assert all(a < b for a, b in zip(block.offsets, block.offsets[1:], strict=False))
    assert all(0 <= at < len(raw) for at in block.offsets)


REAL = DATA / "earthquakes-in-canada.wiki"


@pytest.fixture(scope="module")
def canada(nlp: Language) -> Document:
    return run(read_source(REAL), nlp)


def test_a_real_list_of_earthquakes_gives_no_table_fact_without_its_row(canada: Document) -> None:
    """Before: 237 facts such as '47.60' and '17:30 (local time)', each without its row or column, all uncited."""
    table = [f for f in canada.facts if f.table]
    assert len(table) == 237
    assert all(f.table and f.table.row and f.citations for f in table)
    unnamed = {f.sentence.text for f in table if f.table and f.table.column is None}
    assert unnamed == {"M<sub>w"}  # the one column whose header is blank ("Mw" is read as a name)


def test_a_cell_of_the_real_list_is_read_with_its_row_column_and_the_rows_ref(canada: Document) -> None:
    facts = {(f.table.row, f.table.column): f for f in canada.facts if f.table}
    latitude = facts[("1663-02-05", "Lat")]
    assert latitude.sentence.text == "47.60" and [(c.footnote, c.linked_by) for c in latitude.citations] == [
        (1, "marker")
    ]
    time = facts[("1663-02-05", "Time‡")]
    assert [m.value.timex for m in time.mentions if m.value.kind == "date"] == ["1663-02-05T17:30"]
    assert [c.footnote for c in facts[("2011-09-09", "M")].citations] == [3]  # the row's own cite news
    assert [c.footnote for c in facts[("2012-10-27", "M")].citations] == [5]  # a ref defined in {{Reflist|…}}


def test_a_markdown_row_whose_last_cell_is_only_a_reference_is_cited_by_it() -> None:
    raw = (
        "Large earthquakes.[^1]\n\n| Date | Magnitude | Source |\n|---|---|---|\n"
        "| 17 August 1999 | 7.6 | [^2] |\n| 21 September 1999 | 7.7 | |\n\n"
        "[^1]: USGS, 2006.\n[^2]: The Guardian, 20 September 1999.\n"
    )
    parsed = parse_markdown(raw, "a.md")
    table = {(b.table.row, b.table.column): b for b in parsed.blocks if b.table}
    assert list(table[("17 August 1999", "Magnitude")].markers.values()) == [[2]]
    assert list(table[("17 August 1999", "Date")].markers.values()) == [[2]]
    assert table[("21 September 1999", "Magnitude")].markers == {}
    assert ("17 August 1999", "Source") not in table
