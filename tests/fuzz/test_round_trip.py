"""Fuzzing the whole run: read a file, run the pipeline, write the JSON, load it back; twice, the same."""

from __future__ import annotations

import functools
import json
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from citefacts.errors import CitefactsError
from citefacts.models import Document
from citefacts.pipeline import run
from citefacts.read import read_source
from citefacts.read.source import MAX_BYTES
from citefacts.write import load_document, write_document

from .properties import assert_document, assert_user_error, without_time
from .strategies import any_article
from .tally import counted

SUFFIX = {"text": ".txt", "markdown": ".md", "wikitext": ".wiki"}
dcts = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))


@given(pair=any_article, dct=dcts, named=st.booleans())
@counted
def test_a_written_document_loads_back_equal_and_a_second_run_writes_the_same(
    nlp: Language, pair: tuple[str, str], dct: date | None, named: bool
) -> None:
    fmt, raw = pair
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{SUFFIX[fmt] if named else ''}"
        path.write_text(raw, encoding="utf-8", newline="")
        try:
            parsed = read_source(path, fmt if named else None, require_footnotes=False)
        except CitefactsError as error:
            assert_user_error(error, str(path))
            return
        document = run(parsed, nlp, dct)
        assert_document(document, parsed.raw)
        written = write_document(document, Path(folder) / "out" / "article.json", parsed.raw)
        if written.stat().st_size > MAX_BYTES:  # load_document refuses it: a strict xfail in test_regressions_write
            loaded = Document.model_validate_json(written.read_text(encoding="utf-8"))
        else:
            loaded = load_document(written)
        assert loaded == document
        again = run(read_source(path, fmt if named else None, require_footnotes=False), nlp, dct)
        assert without_time(again) == without_time(document), "a second run differs"


SAMPLE = "Armenia lost 3,825 troops in 2020, with 187 missing.\n^ Official figures of 5 May 2021: 3,825 killed.\n"
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6,
)


@functools.cache
def _sample_json() -> str:
    from citefacts.nlp import load_model
    from citefacts.read.plaintext import parse_plaintext

    return run(parse_plaintext(SAMPLE, "sample.txt"), load_model()).model_dump_json(indent=2)


def _changed(data: object, path: list[int], change: Callable[[object], object]) -> object:
    """The JSON value with ``change`` applied to the node the path leads to (each step an index into a
    list or an object's keys; the walk stops early at a leaf or an empty container)."""
    if not path or not isinstance(data, dict | list) or not data:
        return change(data)
    if isinstance(data, list):
        at = path[0] % len(data)
        return [_changed(v, path[1:], change) if i == at else v for i, v in enumerate(data)]
    key = sorted(data)[path[0] % len(data)]
    return {k: (_changed(v, path[1:], change) if k == key else v) for k, v in data.items()}


def _with_key(node: object, key: str, value: object) -> object:
    return {**node, key: value} if isinstance(node, dict) else node


@given(
    how=st.sampled_from(["replace", "replace", "key", "truncate", "splice"]),
    path=st.lists(st.integers(0, 50), max_size=6),
    value=json_values,
    cut=st.integers(0, 10_000),
    # Line breaks in an unknown key, and nesting past the recursion limit, are known (test_regressions_write).
    junk=st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\n\r"), max_size=5),
)
@counted
def test_a_damaged_output_file_loads_or_is_refused_in_one_line(
    how: str, path: list[int], value: object, cut: int, junk: str
) -> None:
    text = _sample_json()
    if how == "replace":
        text = json.dumps(_changed(json.loads(text), path, lambda _: value), ensure_ascii=False)
    elif how == "key":
        text = json.dumps(
            _changed(json.loads(text), path, lambda node: _with_key(node, junk, value)), ensure_ascii=False
        )
    elif how == "truncate":
        text = text[: cut % (len(text) + 1)]
    else:
        at = cut % (len(text) + 1)
        text = text[:at] + junk + text[at:]
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "damaged.json"
        target.write_text(text, encoding="utf-8")
        try:
            load_document(target)
        except CitefactsError as error:
            assert_user_error(error, str(target))
