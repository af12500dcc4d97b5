"""The wikitext reader: refs, named reuse, sfn/efn, cite templates, sections, and marker links."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from citefacts.models import ParsedSource
from citefacts.pipeline import run
from citefacts.read import read_source
from citefacts.read.wikitext import parse_wikitext

DATA = Path(__file__).parent / "data" / "read"
REAL = DATA / "anwar-kamal-khan.wiki"
TEMPLATES = DATA / "templates-sample.wiki"


def assert_offsets_index_raw(parsed: ParsedSource) -> None:
    for block in parsed.blocks:
        for index, char in enumerate(block.text):
            raw_index = block.offsets[index] if block.offsets else block.start + index
            assert parsed.raw[raw_index] == char or (char == " " and parsed.raw[raw_index] in "|\n")
    for note in parsed.footnotes:
        assert parsed.raw[note.start : note.end] == note.text
        for citation in note.citations:
            for span in (citation.span, citation.quote):
                assert span is None or parsed.raw[span.start : span.end] == span.text


def test_real_article_refs_are_numbered_by_first_appearance_and_reused_by_name() -> None:
    parsed = read_source(REAL)
    assert parsed.format == "wikitext" and len(parsed.footnotes) == 7
    markers = [notes for block in parsed.blocks for _, notes in sorted(block.markers.items())]
    assert markers == [[1], [2], [3, 4, 5], [6], [7], [1]]
    assert_offsets_index_raw(parsed)


def test_real_article_text_has_no_markup_and_no_end_matter() -> None:
    parsed = read_source(REAL)
    first = parsed.blocks[0].text
    assert first.startswith("Anwar Kamal Khan Marwat Mina Khel (") and first.endswith("was a Pakistani Politician.")
    assert all("[[" not in b.text and "<ref" not in b.text and "Category" not in b.text for b in parsed.blocks)
    assert [b.text for b in parsed.blocks if b.kind == "heading"] == ["References"]


def test_cite_template_params_become_fields_and_linked_titles_become_titles() -> None:
    notes = read_source(REAL).footnotes
    economist = notes[1].citations[0]
    assert (economist.title, economist.work, economist.date, economist.access_date) == (
        "Anwar Kamal",
        "The Economist",
        "2012-02-25",
        "2012-08-30",
    )
    dawn = notes[0].citations[0]
    assert (dawn.title, dawn.work, dawn.date) == ("PML-N provincial leader dies", "Dawn.com", "2012-02-14")
    assert notes[6].citations[0].access_date == "2008-10-01"


def test_sfn_efn_and_list_defined_refs_become_footnotes() -> None:
    parsed = read_source(TEMPLATES)
    by_number = {note.number: note for note in parsed.footnotes}
    assert by_number[1].citations[0].title == "Lakes beneath the ice sheet"
    assert (by_number[2].citations[0].authors, by_number[2].citations[0].pages) == (["Siegert"], "220")
    assert by_number[4].citations[0].is_note and by_number[4].text == 'Vostok means "east" in Russian.'
    drilling = next(b for b in parsed.blocks if b.section == ["Drilling"] and b.kind == "paragraph")
    assert drilling.text.endswith("The borehole was 3769 m deep.")
    assert list(drilling.markers.values()) == [[5], [5, 2]]
    assert_offsets_index_raw(parsed)


def test_cite_quote_is_a_span_of_the_raw_template() -> None:
    parsed = read_source(TEMPLATES)
    journal = parsed.footnotes[2].citations[0]
    assert journal.quote and journal.quote.text == "The lake is 230 km long and 50 km wide."
    assert journal.authors == ["Kapitsa, A. P.", "Ridley, J. K."] and journal.identifiers == {"doi": "10.1038/381684a0"}


def test_table_cells_carry_row_and_column_headers_and_their_markers() -> None:
    parsed = read_source(TEMPLATES)
    cells = {(b.table.row, b.table.column): b for b in parsed.blocks if b.table}
    assert cells[("2012", "Depth (m)")].text == "3,769" and cells[("2012", "Depth (m)")].section == ["Depths"]
    assert list(cells[("2012", "Depth (m)")].markers.values()) == [[5]]
    assert cells[("1998", "Year")].text == "1998" and "Borehole depth" not in {b.text for b in parsed.blocks}
    assert_offsets_index_raw(parsed)


def test_a_name_defined_only_inside_an_infobox_still_has_its_text() -> None:
    raw = '{{Infobox lake\n| depth = 3,769 m<ref name="d">Smith 2001, p. 3.</ref>\n}}\nThe lake is deep.<ref name="d"/> It is old.{{rp|12}}\n'
    parsed = parse_wikitext(raw, "x.wiki")
    assert [(n.number, n.text) for n in parsed.footnotes] == [(1, "Smith 2001, p. 3.")]
    assert parsed.raw[parsed.footnotes[0].start : parsed.footnotes[0].end] == "Smith 2001, p. 3."


def test_headings_nest_by_level() -> None:
    parsed = read_source(TEMPLATES)
    discovery = next(b for b in parsed.blocks if b.kind == "paragraph" and "1996" in b.text)
    assert discovery.section == ["History", "Discovery"]


def test_a_reused_name_defined_only_later_still_gets_its_first_number() -> None:
    raw = 'First in 1990.<ref name="a"/> Second in 1991.<ref name="a">Smith 2001, p. 3.</ref>\n'
    parsed = parse_wikitext(raw, "x.wiki")
    assert [n.number for n in parsed.footnotes] == [1]
    assert parsed.footnotes[0].text == "Smith 2001, p. 3." and parsed.footnotes[0].citations[0].pages == "3"


def test_wikitext_markers_link_each_sentence_to_its_footnotes(nlp: Language) -> None:
    document = run(read_source(REAL), nlp)

    def linked(opening: str) -> list[tuple[int, str]]:
        fact = next(f for f in document.facts if f.sentence.text.startswith(opening))
        return [(c.footnote, c.linked_by) for c in fact.citations]

    assert linked("He led his first tribal army") == [(2, "marker")]
    assert linked("He died on 13 February 2012") == [(1, "marker")]
    assert linked("He was elected as member of the") == []
    assert linked("A former opponent of action") == [(7, "marker")]
    assert linked("He served as a member of the Senate") == [(6, "marker")]


def test_second_real_article_markers_match_where_wikipedia_shows_them(nlp: Language) -> None:
    parsed = read_source(DATA / "altimont-butler.wiki")
    assert not any("Infobox" in b.text or "birth_date" in b.text for b in parsed.blocks)
    assert "He received All-Americana recognition" in parsed.blocks[3].text  # a link trail joins its link
    document = run(parsed, nlp)

    def linked(opening: str) -> list[int]:
        fact = next(f for f in document.facts if f.sentence.text.startswith(opening))
        return [c.footnote for c in fact.citations]

    assert linked("He received [[All-America]]na recognition three times") == [1]
    assert linked("In 2001, he was inducted in the SNHU Penmen Hall of Fame.") == [2]
    assert linked("He played four games at the end of the 1997-1998 season") == [3]
    assert linked("In December 2015, Butler was named") == [4]
    assert linked("In 1985, Butler started his career") == []
