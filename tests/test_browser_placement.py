"""Placement mode in headless Chromium: three footnotes of the seed placed with keys on candidates re-ranked after
every answer, the facts' statuses changed at once, and the placements kept by a re-extraction of an edited source.

The seed is marker-less: most of its footnotes are placed by no automatic link. Every footnote line carries an
``<img onerror>`` here, which the page must show as text. Uses Debian's /usr/bin/chromium through Playwright.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import serving
from spacy.language import Language
from test_browser import CHROMIUM, FLAGS

from citefacts.review.server import ReviewServer
from citefacts.review.store import decisions_path, read_decisions
from citefacts.sources import extract_source
from citefacts.write import load_document

SEED = Path(__file__).parent / "data" / "nagorno-karabakh-conflict.txt"
XSS = ' <img src=x onerror="window.__xss = 3">'

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (.ci/run installs it)"),
]


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    """The seed with markup that must never run appended to every footnote."""
    lines = SEED.read_text().splitlines()
    path = tmp_path / "conflict.txt"
    path.write_text("\n".join(line + XSS if line.startswith("^") else line for line in lines) + "\n")
    return path


@pytest.fixture()
def server(source: Path, nlp: Language) -> Iterator[ReviewServer]:
    result = extract_source(source, source.parent / "out", nlp, force=True)  # what the extraction flow's task runs
    assert result.error is None and result.output.exists()
    with serving([result.output], "tester") as review:
        yield review


def placements(server: ReviewServer) -> list[dict[str, Any]]:
    """The footnotes to place as the page in placement mode is served them now."""
    return [item for item in server.session.facts(placing=True)["queue"] if item["type"] == "placement"]


def uncited_candidate(item: dict[str, Any]) -> int | None:
    """The key (1-5) of the item's first candidate sentence that is an uncited fact, if any."""
    for key, candidate in enumerate(item["candidates"], start=1):
        if candidate["status"] == "uncited":
            return key
    return None


def test_three_footnotes_placed_with_keys_change_their_facts_and_survive_reextraction(
    server: ReviewServer, source: Path, nlp: Language
) -> None:
    from playwright.sync_api import expect, sync_playwright

    out = next(iter(server.session.paths.values()))
    items = placements(server)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        answers: list[tuple[str, str, int]] = []
        page.on("response", lambda r: answers.append((r.request.method, r.url.split("/", 3)[3], r.status)))
        page.goto(f"{server.url}?mode=place")
        expect(page.locator("#progress")).to_contain_text(f"footnote 1 of {len(items)}")
        expect(page.locator("#candidates mark.candidate").first).to_be_visible()
        expect(page.locator("#facts-view")).to_be_hidden()
        assert server.session.realigner.wait(300), "the seed analysed in the background"
        expect(page.locator("#ranked")).to_have_attribute("data-ranked", "realigned", timeout=15_000)

        saves, chosen, keyed = 0, set(), 0
        for index in range(len(items)):  # keys 1-5: a candidate sentence (as re-ranked now), checked at once
            key = uncited_candidate(placements(server)[index])
            if key is None or keyed == 2:
                continue
            keyed += 1
            chosen.add(placements(server)[index]["candidates"][key - 1]["fact"])
            while f"[{items[index]['footnote']}]" not in (page.locator("#footnote-title").text_content() or ""):
                page.keyboard.press("n")
            expect(page.locator("#ranked")).to_have_attribute("data-ranked", "realigned")
            assert XSS.strip() in (page.locator("#footnote-text").text_content() or "")  # shown as text
            page.keyboard.press(str(key))
            saves += 1
            expect(page.locator("body")).to_have_attribute("data-saved", str(saves))
            expect(page.locator("#saved")).to_contain_text("fact now")
            assert "uncited" not in (page.locator("#saved").text_content() or "")
        assert keyed == 2, "two footnotes with an uncited fact among their candidates"

        searched = next(
            s
            for s in server.session.facts()["sentences"][out.name]
            if s["status"] == "uncited" and s["fact"] not in chosen and len(s["text"]) > 60
        )
        page.keyboard.press("/")  # the third: a sentence found by search
        page.locator("#query").fill(searched["text"][:60])
        expect(page.locator("#results li")).not_to_have_count(0)
        page.locator("#query").press("Enter")
        saves += 1
        expect(page.locator("body")).to_have_attribute("data-saved", str(saves))
        expect(page.locator("#saved")).to_contain_text("fact now unverified")
        page.keyboard.press("u")  # undo it (it was the last placement made), then place it again
        saves += 1
        expect(page.locator("body")).to_have_attribute("data-saved", str(saves))
        expect(page.locator("#placed")).to_have_text("")
        page.keyboard.press("/")
        page.locator("#query").fill(searched["text"][:60])
        page.locator("#query").press("Enter")
        saves += 1
        expect(page.locator("body")).to_have_attribute("data-saved", str(saves))
        assert page.evaluate("window.__xss") is None and dialogs == []
        assert page.locator("main img, main script").count() == 0
        placed_blocks = page.locator("#strip-sections .block.placed")  # the strip redrawn from each placement's answer
        expect(placed_blocks).not_to_have_count(0)
        assert all("placed by a reviewer" in (b.get_attribute("aria-label") or "") for b in placed_blocks.all())

        facts = {f["id"]: f for f in server.session.facts()["facts"]}
        placed = chosen | {searched["fact"]}
        assert all(facts[fact_id]["status"] != "uncited" for fact_id in placed), "statuses changed without a re-run"
        assert all(any(c["linked_by"] == "reviewer" for c in facts[fact_id]["citations"]) for fact_id in placed)

        source.write_text(source.read_text().replace("\n", "\nA new opening line was added in 2026.\n", 1))
        assert extract_source(source, out.parent, nlp, force=True).written  # the extraction flow's own call
        page.reload()
        expect(page.locator("#progress")).to_contain_text("3 decided")
        browser.close()
    assert server.session.realigner.wait(300), "the edited source analysed again, in the background"

    api = [(method, path, status) for method, path, status in answers if path.startswith("api/")]
    posts = [("POST", "api/decisions", 200)] * 5
    assert [call for call in api if call[0] == "POST"] == posts, "every answer checked: all 200"
    assert {call for call in api if call[0] == "GET"} == {("GET", "api/facts?mode=place", 200)}, api
    assert api[0][0] == "GET" and api[-1][0] == "GET", "loaded (and polled until re-ranked), then reloaded"
    assert all(status == 200 for _, _, status in answers), answers
    document = load_document(out)
    cited = {f.id for f in document.facts if any(c.linked_by == "reviewer" for c in f.citations)}
    assert cited == placed, "every placement kept, on the same sentences"
    decisions = read_decisions(decisions_path(out))
    assert [d.decision for d in decisions if d.reviewer == "tester"] == ["place"] * 3 + ["undo", "place"]
    assert not any(d.stale for d in decisions)
