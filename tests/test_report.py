"""The shareable HTML report: rendered from its template with every source string escaped, nothing fetched."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from spacy.language import Language

from citefacts.models import Decision, Fact
from citefacts.pipeline import run
from citefacts.read import read_source
from citefacts.review.report import render_report
from citefacts.review.rerun import save_extraction
from citefacts.review.store import append_decisions, decisions_path
from citefacts.review.view import load_reviewed

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
ARTICLE = f"""Town
In 1999 the {SCRIPT} festival drew 2,000 visitors.[1] The {ATTRIBUTE} town had 5,000 inhabitants in 1990.[2]
^"Festival {SCRIPT}". Culture Weekly. 2000. The festival drew 2,000 visitors in 1999.
^Census {ATTRIBUTE}. The town had 5,000 inhabitants in 1990.
"""


@pytest.fixture()
def out(tmp_path: Path, nlp: Language) -> Path:
    source = tmp_path / "town.txt"
    source.write_text(ARTICLE)
    out = tmp_path / "out" / "town.json"
    save_extraction(run(read_source(source), nlp), out, source.read_text())
    return out


@pytest.fixture()
def html(out: Path) -> str:
    document = load_reviewed(out).document
    fact = document.facts[0]
    note = f"see {SCRIPT} and {ATTRIBUTE}"
    decision = Decision(
        fact_id=fact.id,
        content_hash=fact.content_hash,
        decision="accept",
        reviewer=ATTRIBUTE,
        at=datetime.now(UTC),
        note=note,
    )
    gone = decision.model_copy(update={"fact_id": "f0000000000000", "note": SCRIPT})  # archived: no such fact
    append_decisions(decisions_path(out), [decision, gone])
    return render_report([load_reviewed(out)])


def test_markup_in_sentences_footnotes_and_decisions_is_escaped(html: str) -> None:
    assert "<script" not in html and "<img" not in html and "onerror=alert(1)>" not in html
    script, attribute = "&lt;script&gt;alert(1)&lt;/script&gt;", "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"
    number = '<mark class="number" title="CARDINAL: 1">1</mark>'  # the 1 of alert(1) is a number mention
    assert f"the &lt;script&gt;alert({number})&lt;/script&gt; festival" in html, "sentence"
    assert f"The &#34;&gt;&lt;img src=x onerror=alert({number})&gt; town" in html, "sentence"
    assert f"&#34;Festival {script}&#34;. Culture Weekly." in html and f"Census {attribute}." in html, "footnotes"
    assert f"accept by {attribute}, " in html, "reviewer"
    assert f'<span class="muted">see {script} and {attribute}</span>' in html, "decision note"
    assert f"<td>{script}</td></tr>" in html, "archived decision's note"


def test_report_is_self_contained_with_a_csp_that_forbids_fetches(html: str) -> None:
    assert (
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        in html
    )
    assert "<style>" in html and "<link" not in html and "src=" not in html.replace("src=x", "")
    assert "http://" not in html and "https://" not in html


def test_report_shows_status_values_footnotes_and_decisions(html: str) -> None:
    assert "<h2>" in html and "facts:" in html and "review: " in html
    assert '<mark class="number" title="CARDINAL: 2,000">2,000</mark>' in html
    assert "2,000 → 2,000" in html and "[1]" in html and "<h3>Footnotes cited</h3>" in html
    assert "accept by &#34;&gt;&lt;img" in html
    assert "<h3>Archived decisions (fact no longer extracted)</h3>" in html and "f0000000000000" in html


def test_corrected_values_and_links_show_beside_what_was_extracted_escaped(out: Path) -> None:
    first, second = load_reviewed(out).document.facts[:2]
    number = next(m for m in first.mentions if m.text == "2,000")

    def correct(fact: Fact, correction: dict[str, str]) -> Decision:
        at = datetime.now(UTC)
        return Decision(
            fact_id=fact.id,
            content_hash=fact.content_hash,
            decision="correct",
            reviewer="ann",
            at=at,
            correction=correction,
        )

    fixes = [correct(first, {"mention": number.id, "value": f"2,100 {SCRIPT}"}), correct(second, {"link": "1"})]
    append_decisions(decisions_path(out), fixes)
    html = render_report([load_reviewed(out)])
    assert "<script" not in html
    corrected = '<ins class="corrected">corrected: 2,100 &lt;script&gt;alert(1)&lt;/script&gt;</ins>'
    assert f'2,000 → 2,000 <span class="muted">supported</span> {corrected}' in html, "value corrected"
    assert '<br><ins class="corrected">link corrected to [1]</ins>' in html, "link corrected"
    assert html.count('<ins class="corrected">') == 2, "only the corrected value and link"


HEADED = f"""Town
History {SCRIPT}
In 1999 the festival drew 2,000 visitors.[1] The town had 5,000 inhabitants in 1990.[2]
A bridge was built in 1850.
Culture
The museum opened in 1901.
^"Festival". Culture Weekly. 2000. The festival drew 2,000 visitors in 1999.
^Census. The town had 4,000 inhabitants in 1990.
"""


@pytest.fixture()
def headed(tmp_path: Path, nlp: Language) -> Path:
    source = tmp_path / "headed.txt"
    source.write_text(HEADED)
    out = tmp_path / "out" / "headed.json"
    save_extraction(run(read_source(source), nlp), out, source.read_text())
    return out


def test_the_report_opens_with_a_strip_of_paragraphs_counted_per_section_headings_escaped(headed: Path) -> None:
    out = headed
    facts = load_reviewed(out).document.facts
    html = render_report([load_reviewed(out)])
    assert "<script" not in html
    history = "Town › History &lt;script&gt;alert(1)&lt;/script&gt;"  # a run of headings nests
    assert f'<tr><th scope="row">{history}</th>' in html, "the heading stays text in the strip"
    statuses = [f.status for f in facts if f.section[-1].startswith("History")]
    assert statuses.count("uncited") == 1 and statuses.count("contradicted") == 1, statuses
    assert '<td class="counts">1 contradicted · 1 supported · 1 uncited</td>' in html, "counts per section"
    assert '<tr><th scope="row">Town › Culture</th>\n<td class="counts">1 uncited</td>' in html
    blocks = html.count('<a href="#file0-p')
    assert blocks == 3, "History's two lines and Culture's one"
    label = f"{history}, paragraph 1: 2 facts: 1 contradicted, 1 supported"
    assert f'class="block tone-contradicted w2" title="{label}" aria-label="{label}">!</a>' in html
    assert '<a href="#file0-p1" class="block tone-uncited w1"' in html
    for index in range(3):  # every block's anchor is a paragraph's first row in the table below
        assert html.count(f'id="file0-p{index}"') == 1 and html.index(f'href="#file0-p{index}"') < html.index(
            f'id="file0-p{index}"'
        )


def test_without_its_source_the_strip_shows_a_block_per_section_and_says_so(headed: Path) -> None:
    (headed.parent.parent / "headed.txt").unlink()
    html = render_report([load_reviewed(headed)])
    assert "(source not found: one block per section)" in html
    assert html.count('<a href="#file0-p') == 2 and "facts (paragraphs unknown) 1: 3 facts" in html
