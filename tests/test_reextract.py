"""100 re-extractions of an edited source with decisions in between: no decision is ever lost or misapplied.

Runs the library pipeline (no Prefect) and the same ``save_extraction`` the flows call, on a small
article edited at random between runs (numbers changed, words changed, sentences added, removed
or moved, footnotes edited), with random reviewer decisions (accept, reject, correct, undo); and 100 more with
random placements of footnotes (a candidate, a searched sentence, nowhere, a further citation, undo).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from spacy.language import Language

from citefacts.errors import ReviewError
from citefacts.identity import fact_id as sentence_id
from citefacts.models import Decision, Document, Span, words_hash
from citefacts.pipeline import run
from citefacts.read import read_source
from citefacts.review.diff import read_diff
from citefacts.review.placement import NOWHERE, place_decision, placement_stacks
from citefacts.review.rerun import confirmed_placements, save_extraction, up_to_date
from citefacts.review.store import (
    append_decisions,
    decisions_path,
    fact_states,
    orphaned,
    partial_path,
    read_decisions,
)

SEED = 20261126
RUNS = 100

TOWNS = ["Exampleville", "Northford", "Lakeside", "Eastmoor", "Riverton", "Hillcrest"]
TEMPLATES = [
    "The town of {town} had {n},000 inhabitants in {year} according to the census.",
    "In March {year} a flood destroyed {n}00 homes in {town}.",
    "The factory in {town} employed {n},200 workers in {year}.",
    "About {n}0 per cent of the land near {town} was farmed in {year}.",
    "The mayor of {town} resigned on 3 May {year} after {n} years in office.",
    "A bridge of {n}00 metres was opened in {town} in {year}.",
]
NOTES = [
    '^"Census". Example Office. 1991. The population of {town} was {n},000 in {year}.',
    '^Smith, Ann (2002). "Floods". Daily News. The flood of March {year} destroyed {n}00 homes.',
    '^Jones, Bob (1996). "Industry". Trade Weekly. The factory employed {n},200 workers in {year}.',
]


def sentence(rng: random.Random) -> str:
    return rng.choice(TEMPLATES).format(town=rng.choice(TOWNS), n=rng.randint(1, 9), year=rng.randint(1950, 2020))


def note(rng: random.Random) -> str:
    return rng.choice(NOTES).format(town=rng.choice(TOWNS), n=rng.randint(1, 9), year=rng.randint(1950, 2020))


def render(sections: dict[str, list[str]], notes: list[str]) -> str:
    body = "".join(f"{title}\n{' '.join(lines)}\n" for title, lines in sections.items() if lines)
    return "Small town\n" + body + "\n".join(notes) + "\n"


def edit(rng: random.Random, sections: dict[str, list[str]], notes: list[str]) -> str:
    """One random edit to the article; returns its name (for failure messages)."""
    title = rng.choice(list(sections))
    lines = sections[title]
    kind = rng.choice(["number", "word", "add", "remove", "move", "note", "none"])
    if kind == "number" and lines:
        i = rng.randrange(len(lines))
        lines[i] = lines[i].replace(str(rng.randint(1, 9)), str(rng.randint(1, 9)), 1)
    elif kind == "word" and lines:
        i = rng.randrange(len(lines))
        lines[i] = lines[i].replace(" in ", " within ", 1) if rng.random() < 0.5 else lines[i].replace("The ", "A ", 1)
    elif kind == "add" or not lines:
        lines.insert(rng.randint(0, len(lines)), sentence(rng))
    elif kind == "remove" and len(lines) > 1:
        lines.pop(rng.randrange(len(lines)))
    elif kind == "move":
        other = rng.choice(list(sections))
        sections[other].append(lines.pop(rng.randrange(len(lines))))
    elif kind == "note":
        notes[rng.randrange(len(notes))] = note(rng)
    return kind


def decide(rng: random.Random, document: Document, log: Path, clock: int) -> list[Decision]:
    """A few random decisions on the current output, as the review page would post them."""
    made = []
    for fact in rng.sample(document.facts, k=min(len(document.facts), rng.randint(0, 3))):
        kind = rng.choices(["accept", "reject", "correct", "undo"], weights=[4, 2, 1, 2])[0]
        correction = {"mention": "m1", "value": "42"} if kind == "correct" else None
        at = datetime.fromtimestamp(1_700_000_000 + clock, UTC)
        made.append(
            Decision(
                fact_id=fact.id,
                content_hash=fact.content_hash,
                decision=kind,
                reviewer="tester",
                at=at,
                correction=correction,
            )
        )
    append_decisions(log, made)
    return made


def expected_stacks(made: list[Decision], retired: list[tuple[int, str, str]]) -> dict[str, list[Decision]]:
    """An independent model of the reviewer's undo stacks: ``retired`` holds (decisions made so far,
    fact id, content hash) for each time a re-extraction changed or removed the content decided on."""
    stacks: dict[str, list[Decision]] = {}
    for position in range(len(made) + 1):
        for at, fact_id, content_hash in retired:
            if at == position and fact_id in stacks:
                stacks[fact_id] = [d for d in stacks[fact_id] if d.content_hash != content_hash]
        if position == len(made):
            break
        decision = made[position]
        stack = stacks.setdefault(decision.fact_id, [])
        if decision.decision == "undo":
            if stack:
                stack.pop()
        else:
            stack.append(decision)
    return {fact_id: stack for fact_id, stack in stacks.items() if stack}


@pytest.mark.slow
def test_100_reextractions_never_lose_or_misapply_a_decision(tmp_path: Path, nlp: Language) -> None:
    rng = random.Random(SEED)
    source, out = tmp_path / "town.txt", tmp_path / "out" / "town.json"
    sections = {"History": [sentence(rng) for _ in range(4)], "Economy": [sentence(rng) for _ in range(3)]}
    notes = [note(rng) for _ in range(3)]
    log = decisions_path(out)
    made: list[Decision] = []
    retired: list[tuple[int, str, str]] = []
    previous: Document | None = None
    decisions_before: list[Decision] = []
    stale_seen = archived_seen = carried = unchanged = 0
    for number in range(RUNS):
        kind = edit(rng, sections, notes) if number else "first"
        source.write_text(render(sections, notes))
        fresh = run(read_source(source), nlp)
        save_extraction(fresh, out, source.read_text())
        document = Document.model_validate_json(out.read_text())
        decisions = read_decisions(log)
        where = f"run {number} after a {kind!r} edit"

        # Nothing lost: every decision ever made is still in the log, in order, unchanged.
        reviewer_lines = [d for d in decisions if d.reviewer == "tester"]
        assert reviewer_lines == made, where

        # Retire, in the model, decisions whose fact changed or went; the log must carry a marker for each.
        hashes = {fact.id: fact.content_hash for fact in document.facts}
        markers = {(d.fact_id, d.content_hash) for d in decisions if d.stale or d.archived}
        for fact_id, stack in expected_stacks(made, retired).items():
            for content_hash in {d.content_hash for d in stack} - {hashes.get(fact_id)}:
                retired.append((len(made), fact_id, content_hash))
                assert (fact_id, content_hash) in markers, where
        stacks = expected_stacks(made, retired)

        states = fact_states(document.facts, decisions)
        carried += sum(1 for fact in document.facts if not fact.id.startswith(sentence_id(fact.sentence.text, {})))
        for fact in document.facts:
            state, stack = states[fact.id], stacks.get(fact.id, [])
            if stack:  # a live decision on exactly this content: kept, and nothing else applies
                assert state.state == "decided" and state.current == stack[-1], where
            else:
                assert state.state != "decided", where
            if state.current is not None:
                assert state.current.content_hash == fact.content_hash, where

        if previous is not None:
            old_states = fact_states(previous.facts, decisions_before)
            for old in previous.facts:
                if old_states[old.id].state != "decided":
                    continue
                if old.id not in hashes:  # gone: archived, still in the log
                    archived_seen += 1
                    assert any(d.fact_id == old.id for d in orphaned(document, decisions)), where
                elif hashes[old.id] != old.content_hash:  # changed: stale, back in the queue
                    stale_seen += 1
                    assert states[old.id].state == "stale", where
            diff = read_diff(out)
            assert diff is not None
            if document.extracted_at == previous.extracted_at:  # the run wrote nothing: it had nothing new to say
                unchanged += 1
                assert sorted(f.content_hash for f in fresh.facts) == sorted(f.content_hash for f in previous.facts)
                assert diff.at < fresh.extracted_at, where
            else:
                assert {c.id for c in diff.new} == set(hashes) - {f.id for f in previous.facts}, where

        made += decide(rng, document, log, number)
        decisions_before = read_decisions(log)
        previous = document
    assert up_to_date(source, out)
    # The random edits exercised every path: kept, stale and archived decisions.
    assert stale_seen > 5 and archived_seen > 0 and carried > 0 and unchanged > 0 and len(made) > 100


def test_an_extraction_that_changes_nothing_rewrites_no_file(tmp_path: Path, nlp: Language) -> None:
    source, out = tmp_path / "town.txt", tmp_path / "out" / "town.json"
    rng = random.Random(SEED)
    source.write_text(render({"History": [sentence(rng) for _ in range(3)]}, [note(rng)]))
    save_extraction(run(read_source(source), nlp), out, source.read_text())
    diff = out.with_name("town.diff.json")
    first, first_diff = out.read_bytes(), diff.read_bytes()
    again = run(read_source(source), nlp)
    assert again.extracted_at > Document.model_validate_json(first).extracted_at
    save_extraction(again, out, source.read_text())
    assert out.read_bytes() == first and diff.read_bytes() == first_diff
    source.write_text(source.read_text().replace("History", "Early history"))
    save_extraction(run(read_source(source), nlp), out, source.read_text())
    assert out.read_bytes() != first, "a changed section heading is a change"


def decided_article(
    tmp_path: Path, nlp: Language
) -> tuple[Path, Path, dict[str, list[str]], list[str], list[Decision]]:
    """A small article extracted once, with every fact accepted: source, output, its text's parts, the decisions."""
    rng = random.Random(SEED)
    source, out = tmp_path / "town.txt", tmp_path / "out" / "town.json"
    sections = {"History": [sentence(rng) for _ in range(4)]}
    notes = [note(rng) for _ in range(2)]
    source.write_text(render(sections, notes))
    save_extraction(run(read_source(source), nlp), out, source.read_text())
    document = Document.model_validate_json(out.read_text())
    at = datetime(2026, 1, 1, tzinfo=UTC)
    made = [
        Decision(fact_id=f.id, content_hash=f.content_hash, decision="accept", reviewer="tester", at=at)
        for f in document.facts
    ]
    append_decisions(decisions_path(out), made)
    return source, out, sections, notes, made


def test_reextraction_after_a_crash_mid_append_keeps_every_complete_decision(tmp_path: Path, nlp: Language) -> None:
    source, out, sections, notes, made = decided_article(tmp_path, nlp)
    log = decisions_path(out)
    cut = made[0].model_copy(update={"decision": "reject"}).model_dump_json()[:60]
    with log.open("a") as stream:  # the review page's next append, cut short by a crash
        stream.write(cut)
    sections["History"][0] = sections["History"][0].replace("The ", "A ", 1).replace(" in ", " within ", 1)
    source.write_text(render(sections, notes))

    saved = save_extraction(run(read_source(source), nlp), out, source.read_text())

    assert saved.written
    decisions = read_decisions(log)
    assert [d for d in decisions if d.reviewer == "tester"] == made, "every complete decision is kept"
    assert any(d.stale or d.archived for d in decisions), "the edit retired a decision: markers were appended"
    assert partial_path(log).read_text() == cut + "\n"
    document = Document.model_validate_json(out.read_text())
    states = fact_states(document.facts, decisions)
    kept = [f for f in document.facts if any(d.fact_id == f.id and d.content_hash == f.content_hash for d in made)]
    assert kept and all(states[f.id].state == "decided" for f in kept)


def test_reextraction_with_a_damaged_middle_line_is_one_error_and_changes_nothing(
    tmp_path: Path, nlp: Language
) -> None:
    source, out, sections, notes, made = decided_article(tmp_path, nlp)
    log = decisions_path(out)
    with log.open("ab") as stream:
        stream.write(b'{"fact_id": "f1", "note": "caf\xe9"}\n')
    append_decisions(log, made[:1])
    before, output = log.read_bytes(), out.read_bytes()
    sections["History"][0] = sections["History"][0].replace("The ", "A ", 1)
    source.write_text(render(sections, notes))

    with pytest.raises(ReviewError) as error:
        save_extraction(run(read_source(source), nlp), out, source.read_text())

    line = len(made) + 1
    assert str(error.value).startswith(f"{log}:line {line}: ") and "\n" not in str(error.value)
    assert log.read_bytes() == before and out.read_bytes() == output and not partial_path(log).exists()


def place_some(rng: random.Random, document: Document, log: Path) -> list[Decision]:
    """A few random placements on the current output, as the placement page would post them: a candidate
    (keys 1-5), any fact's sentence (/), nowhere (0), a further citation (r) or an undo (u)."""
    made = []
    for _ in range(rng.randint(0, 2)):
        note = rng.choice(document.footnotes)
        kind = rng.choices(["candidate", "search", "nowhere", "further", "undo"], weights=[4, 2, 1, 1, 2])[0]
        if kind == "undo":
            stack = placement_stacks(read_decisions(log) + made).get(words_hash(note.text), [])
            if stack:
                made.append(stack[-1].model_copy(update={"decision": "undo", "note": None, "stale": False}))
            continue
        listed = next((c.sentences for c in document.candidates.footnotes if c.footnote == note.number), [])
        spans = {(f.sentence.start, f.sentence.end): f.sentence for f in document.facts}
        facts_listed = [spans[(s.start, s.end)] for s in listed if (s.start, s.end) in spans]
        if kind == "candidate" and facts_listed:
            sentence: Span | None = rng.choice(facts_listed)
        elif kind == "nowhere":
            sentence = None
        else:
            sentence = rng.choice(document.facts).sentence
        made.append(place_decision(document, note.number, sentence, "placer", further=kind == "further"))
    append_decisions(log, made)
    return made


def expected_placements(made: list[Decision], retired: list[tuple[int, str, str]]) -> dict[str, list[Decision]]:
    """An independent model of each footnote's placement stack; ``retired`` as in expected_stacks, by footnote hash.
    A retired placement stays where it stands, stale: the one it replaced does not come back."""
    stacks: dict[str, list[Decision]] = {}
    for position in range(len(made) + 1):
        for at, footnote_hash, content_hash in retired:
            if at == position and footnote_hash in stacks:  # flagged stale where it stands: it cites nothing
                stacks[footnote_hash] = [
                    d.model_copy(update={"stale": True}) if d.content_hash == content_hash else d
                    for d in stacks[footnote_hash]
                ]
        if position == len(made):
            break
        decision = made[position]
        assert decision.placement is not None
        stack = stacks.setdefault(decision.placement.footnote_hash, [])
        if decision.decision == "undo":
            if stack:
                stack.pop()
        else:
            stack.append(decision)
    return stacks


def standing(stack: list[Decision]) -> list[Decision]:
    """The model's placements in force: the last plain one and the further ones after it."""
    kept: list[Decision] = []
    for decision in reversed(stack):
        kept.insert(0, decision)
        if decision.placement is not None and not decision.placement.further:
            break
    return kept


@pytest.mark.slow
def test_100_reextractions_never_lose_or_move_a_placement(tmp_path: Path, nlp: Language) -> None:
    rng = random.Random(SEED + 13)
    source, out = tmp_path / "town.txt", tmp_path / "out" / "town.json"
    sections = {"History": [sentence(rng) for _ in range(4)], "Economy": [sentence(rng) for _ in range(3)]}
    notes = [note(rng) for _ in range(3)]
    log = decisions_path(out)
    made: list[Decision] = []
    retired: list[tuple[int, str, str]] = []
    applied = stale_seen = renumbered = 0
    numbers_when_placed: set[tuple[int, str]] = set()
    for number in range(RUNS):
        kind = edit(rng, sections, notes) if number else "first"
        if number % 10 == 5:  # a footnote inserted first renumbers the others; a fifth one goes
            notes.insert(0, note(rng))
            kind += " and a footnote inserted"
            notes[4:] = []
        source.write_text(render(sections, notes))
        raw = source.read_text()
        given = confirmed_placements(out) if number % 2 else []  # the pipeline given the placements, or not
        save_extraction(run(read_source(source), nlp, placements=given), out, raw)
        document = Document.model_validate_json(out.read_text())
        decisions = read_decisions(log)
        where = f"run {number} after a {kind!r} edit"
        assert [d for d in decisions if d.reviewer == "placer"] == made, where  # nothing lost
        ids = {fact.id for fact in document.facts}
        assert document.candidates is not None
        assert all(s.fact in ids for c in document.candidates.footnotes for s in c.sentences if s.fact), where

        notes_now = {words_hash(n.text): n.number for n in document.footnotes}
        body = " ".join(raw.split())
        markers = {(d.placement.footnote_hash, d.content_hash) for d in decisions if d.stale and d.placement}
        for footnote_hash, stack in expected_placements(made, retired).items():
            for decision in {d.content_hash: d for d in stack if not d.stale}.values():
                text = decision.placement.sentence.text if decision.placement and decision.placement.sentence else None
                if footnote_hash not in notes_now or (text is not None and " ".join(text.split()) not in body):
                    retired.append((len(made), footnote_hash, decision.content_hash))
                    assert (footnote_hash, decision.content_hash) in markers, where
                    stale_seen += 1
        wanted = set()
        for footnote_hash, stack in expected_placements(made, retired).items():
            for decision in standing(stack):
                if decision.content_hash != NOWHERE and footnote_hash in notes_now and not decision.stale:
                    wanted.add((notes_now[footnote_hash], decision.content_hash))
        cited = {
            (c.footnote, words_hash(f.sentence.text))
            for f in document.facts
            for c in f.citations
            if c.linked_by == "reviewer"
        }
        assert cited == wanted, where  # every placement in force applied, on its own sentence, and nothing else
        applied += len(cited)
        renumbered += len({(n, content_hash) for n, content_hash in wanted} - numbers_when_placed)
        made += place_some(rng, document, log)
        numbers_when_placed = {(d.placement.footnote, d.content_hash) for d in made if d.placement}
    assert applied > 50 and stale_seen > 3 and renumbered > 0 and len(made) > 40, (applied, stale_seen, renumbered)
