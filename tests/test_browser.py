"""The review page in headless Chromium: keys record decisions, and source text never runs as markup.

Uses Debian's /usr/bin/chromium through Playwright (``.ci/run`` installs it). Set
CITEFACTS_SCREENSHOT=docs/review.png to refresh the README's screenshot.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import extracted, serving
from spacy.language import Language

from citefacts.review.server import ReviewServer
from citefacts.review.store import decisions_path, fact_states, read_decisions
from citefacts.write import load_document

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTICLE = """Riverton
History
Riverton was founded in 1852 by settlers from the east. The town had 5,000 inhabitants in 1990 according to the census.[1] In March 2001 a flood destroyed 300 homes.[2]
The river froze in the winter of 1963.
Culture <img src=x onerror="window.__xss = 4">
In 1999 the <script>window.__xss = 1</script> festival drew 2,000 visitors, <img src=x onerror="window.__xss = 2">.[3]
^"Census 1990". Riverton Statistics Office. 1991. The population of Riverton was 4,800 in 1990.
^Smith, Ann (2002). "Floods on the river". Daily News. The flood of March 2001 destroyed 300 homes in Riverton.
^"Festival <b>history</b>". Culture Weekly. 2000. The festival drew 2,000 visitors in 1999.
"""

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (.ci/run installs it)"),
]


@pytest.fixture()
def server(tmp_path: Path, nlp: Language) -> Iterator[ReviewServer]:
    with serving([extracted(tmp_path / "riverton.txt", ARTICLE, nlp)], "tester") as review:
        yield review


def test_keys_record_decisions_and_source_text_stays_text(server: ReviewServer, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    out = next(iter(server.session.paths.values()))
    document = load_document(out)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 760})
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        answers: list[int] = []
        page.on("response", lambda response: answers.append(response.status))
        page.goto(server.url)
        expect(page.locator("#progress")).to_contain_text(f"of {len(document.facts)}")

        texts, statuses = [], []
        for _ in document.facts:
            texts.append(page.locator("#sentence").text_content())
            statuses.append(page.locator("#where .status").text_content())
            page.keyboard.press("n")
        assert statuses[0] != "uncited" and statuses[-1] == "uncited", "facts with evidence come before uncited ones"
        assert any("<script>window.__xss = 1</script>" in text for text in texts)  # shown as text
        assert page.evaluate("window.__xss") is None and dialogs == []
        assert page.locator("main script, main img, #citations b, #strip img").count() == 0

        for _ in document.facts:
            page.keyboard.press("p")
        first, second = page.locator("#sentence").text_content(), None
        page.keyboard.press("a")  # accept, then on to the next fact
        expect(page.locator("body")).to_have_attribute("data-saved", "1")
        second = page.locator("#sentence").text_content()
        page.keyboard.press("x")
        expect(page.locator("body")).to_have_attribute("data-saved", "2")
        page.keyboard.press("p")
        page.keyboard.press("u")  # undo the reject
        expect(page.locator("body")).to_have_attribute("data-saved", "3")
        page.keyboard.press("e")  # correct a number instead
        number = next(m for f in document.facts if f.sentence.text == second for m in f.mentions if m.kind == "number")
        page.locator("#target").select_option(number.id)
        page.locator("#value").fill("1,852")
        page.locator("#value").press("Enter")
        expect(page.locator("body")).to_have_attribute("data-saved", "4")
        expect(page.locator("#progress")).to_contain_text("2 decided")
        page.keyboard.press("?")
        expect(page.locator("#help")).to_be_visible()
        page.keyboard.press("?")

        blocks = page.locator("#strip .block[data-paragraph]")  # the article by paragraph: History's two, Culture's
        expect(blocks).to_have_count(3)
        culture = 'Riverton › Culture <img src=x onerror="window.__xss = 4">, paragraph 3: 1 fact: 1 '
        expect(blocks.nth(2)).to_have_attribute("aria-label", re.compile("^" + re.escape(culture)))
        expect(page.locator("#strip .strip-title").nth(1)).to_have_text(
            'Culture <img src=x onerror="window.__xss = 4">'
        )
        expect(blocks.nth(1)).to_have_class(re.compile(r"\btone-uncited\b"))  # the river's line: no marker
        blocks.nth(2).click()  # opens the paragraph's fact, wherever the queue had it
        expect(page.locator("#sentence")).to_contain_text("festival drew 2,000 visitors")
        expect(blocks.nth(2)).to_have_attribute("aria-current", "true")
        page.keyboard.press("n")  # the keys still drive the queue from there
        page.keyboard.press("p")
        expect(page.locator("#sentence")).to_contain_text("festival drew 2,000 visitors")

        for _ in document.facts:
            page.keyboard.press("p")
        while "evidence" not in page.locator("#citations").inner_html():  # the screenshot shows evidence
            page.keyboard.press("n")
        screenshot = tmp_path / "review.png"
        page.screenshot(path=str(screenshot), full_page=True)
        page.reload()  # a new visit opens at the first fact not yet decided
        expect(page.locator("#progress")).to_contain_text(f"item 3 of {len(document.facts)} · 2 decided")
        browser.close()
    assert len(answers) > 6 and set(answers) == {200}, "the page, its assets, the queue and 4 decisions: all 200"
    if os.environ.get("CITEFACTS_SCREENSHOT"):
        shutil.copyfile(screenshot, os.environ["CITEFACTS_SCREENSHOT"])

    decisions = read_decisions(decisions_path(out))
    assert [d.decision for d in decisions] == ["accept", "reject", "undo", "correct"]
    assert {d.reviewer for d in decisions} == {"tester"}
    by_text = {f.sentence.text: f for f in document.facts}
    states = fact_states(document.facts, decisions)
    assert states[by_text[first].id].current.decision == "accept"  # type: ignore[union-attr]
    corrected = states[by_text[second].id].current
    assert corrected is not None and corrected.decision == "correct" and corrected.correction
    assert corrected.correction["value"] == "1,852"
