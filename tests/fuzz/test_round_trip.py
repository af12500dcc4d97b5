"""Fuzzing the whole run: read a file, run the pipeline, write the JSON, load it back; twice, the same."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from citefacts.errors import CitefactsError
from citefacts.pipeline import run
from citefacts.read import read_source
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
        loaded = load_document(written)
        assert loaded == document
        again = run(read_source(path, fmt if named else None, require_footnotes=False), nlp, dct)
        assert without_time(again) == without_time(document), "a second run differs"
