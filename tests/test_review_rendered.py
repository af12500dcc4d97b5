"""A wikitext fact is shown as a reader sees it, in the review page and the report: no markup, mentions marked."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from citefacts.pipeline import run
from citefacts.read import read_source
from citefacts.review.report import render_report
from citefacts.review.rerun import save_extraction
from citefacts.review.view import fact_view, load_reviewed

ARTICLE = """'''Harbourton''', a port in [[Norland]], had 5.9 million visitors on 5 [[March]] 2019.<ref>{{cite report |url=https://example.com/2015/stats |title=Port statistics |date=2020 |quote=6.2 million visitors in 2019}}</ref>

== References ==
{{reflist}}
"""


def test_the_page_and_the_report_show_the_rendered_sentence_with_its_mentions_marked(
    tmp_path: Path, nlp: Language
) -> None:
    source, out = tmp_path / "harbourton.wiki", tmp_path / "out" / "harbourton.json"
    source.write_text(ARTICLE)
    save_extraction(run(read_source(source), nlp), out, source.read_text())
    reviewed = load_reviewed(out)
    fact = reviewed.document.facts[0]
    view = fact_view(reviewed, fact)
    assert view["text"] == "Harbourton, a port in Norland, had 5.9 million visitors on 5 March 2019."
    marked = {m["text"]: view["text"][m["start"] : m["end"]] for m in view["mentions"]}
    assert marked["5 March 2019"] == "5 March 2019" and marked["5.9 million"] == "5.9 million"
    assert all(text == shown for text, shown in marked.items())
    html = render_report([reviewed])
    assert "[[" not in html and "'''" not in html
    assert '<mark class="date" title="DATE: 2019-03-05 · 5 March 2019, a Tuesday">5 March 2019</mark>' in html


def test_a_wikitext_footnote_is_shown_without_its_markup_and_its_evidence_still_marks_the_quotation(
    tmp_path: Path, nlp: Language
) -> None:
    source, out = tmp_path / "harbourton.wiki", tmp_path / "out" / "harbourton.json"
    source.write_text(ARTICLE)
    save_extraction(run(read_source(source), nlp), out, source.read_text())
    reviewed = load_reviewed(out)
    citation = fact_view(reviewed, reviewed.document.facts[0])["citations"][0]
    assert "{{" not in citation["text"] and "example.com" not in citation["text"] and "quote=" not in citation["text"]
    start, end = next(c["evidence"] for c in citation["checks"] if c["verdict"] == "contradicted")
    assert citation["text"][start:end] == "6.2 million visitors in 2019"
    html = render_report([reviewed])
    assert "{{cite" not in html and "example.com" not in html
