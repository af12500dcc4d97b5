"""The whole pipeline on the seed article, without Prefect."""

from __future__ import annotations

from spacy.language import Language

from citefacts.models import Document, ParsedSource
from citefacts.write import check_spans


def test_every_span_indexes_the_raw_text(seed_document: Document, seed_parsed: ParsedSource) -> None:
    assert check_spans(seed_document, seed_parsed.raw) == []


def test_every_sentence_with_a_mention_is_a_fact(seed_document: Document, seed_parsed: ParsedSource) -> None:
    from citefacts.nlp import load_model
    from citefacts.pipeline import analyse, sentence_span

    analysis = analyse(seed_parsed, load_model())
    with_mentions = {sentence_span(seed_parsed, s) for s in analysis.sentences if s.mentions}
    facts = {(f.sentence.start, f.sentence.end) for f in seed_document.facts}
    assert with_mentions == facts
    assert len(facts) > 300


def test_fact_ids_are_unique_and_stable_under_edits_elsewhere(
    seed_parsed: ParsedSource, seed_document: Document
) -> None:
    from citefacts.nlp import load_model
    from citefacts.pipeline import run
    from citefacts.read.plaintext import parse_plaintext

    edited_raw = "An added opening paragraph that mentions Paris in 1900 and nothing else of note.\n" + seed_parsed.raw
    edited = run(parse_plaintext(edited_raw, "edited.txt"), load_model())
    before = {f.sentence.text: f.id for f in seed_document.facts}
    after = {f.sentence.text: f.id for f in edited.facts}
    assert all(after[text] == fact_id for text, fact_id in before.items())


def test_casualty_figure_is_supported_by_the_note_that_reconciles_two_counts(seed_document: Document) -> None:
    facts = [f for f in seed_document.facts if "claimed 2,906" in f.sentence.text]
    assert len(facts) == 1
    fact = facts[0]
    mention = next(m for m in fact.mentions if m.text == "2,906")
    checks = [(c.footnote, k) for c in fact.citations for k in c.checks if k.mention == mention.id]
    supported = [k for _, k in checks if k.verdict == "supported"]
    assert supported, "2,906 should be supported by a linked footnote"
    assert any(k.evidence and "leaving a total of 2,906 servicemen" in k.evidence.text for k in supported)
    assert not [k for _, k in checks if k.verdict == "contradicted"]


def test_uncited_facts_are_kept_with_their_status(seed_document: Document) -> None:
    assert any(f.status == "uncited" and not f.citations for f in seed_document.facts)


def test_explicit_markers_decide_the_links(nlp: Language) -> None:
    from citefacts.models import Block, Footnote, ParsedSource
    from citefacts.pipeline import run

    raw = "Paris had 2 million people in 1990. Lyon had 500,000 people.\n^Census. Paris: 2 million.\n^Other.\n"
    body = raw.split("\n")[0]
    notes = [
        Footnote(
            id="n1", number=1, start=raw.index("Census"), end=raw.index("\n^Other"), text="Census. Paris: 2 million."
        ),
        Footnote(id="n2", number=2, start=raw.index("Other"), end=raw.index("Other") + 6, text="Other."),
    ]
    block = Block(kind="paragraph", start=0, text=body, markers={35: [1], len(body): [2]})
    document = run(ParsedSource(path="m.txt", raw=raw, format="text", blocks=[block], footnotes=notes), nlp)
    links = {f.sentence.text[:5]: [(c.footnote, c.linked_by) for c in f.citations] for f in document.facts}
    assert links == {"Paris": [(1, "marker")], "Lyon ": [(2, "marker")]}


def test_a_run_tells_its_progress_stage_by_stage(nlp: Language) -> None:
    from citefacts.pipeline import run
    from citefacts.read.plaintext import parse_plaintext

    raw = "Paris had 2 million people in 1990.\n\nLyon had 500,000 people in 1999.\n^Census. Paris: 2 million.\n"
    heard: list[tuple[str, int, int]] = []
    run(parse_plaintext(raw, "two.txt"), nlp, progress=lambda stage, done, total: heard.append((stage, done, total)))
    stages = list(dict.fromkeys(stage for stage, _, _ in heard))
    assert stages == ["parsing", "linking", "checking"]
    parsing = [(done, total) for stage, done, total in heard if stage == "parsing"]
    assert parsing == [(0, 3), (1, 3), (2, 3)], "each body block and footnote, in order"
