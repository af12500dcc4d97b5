"""Fuzzing the readers: read_source on files of any bytes and name, and each format's parser on its own."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citefacts.errors import CitefactsError
from citefacts.read import read_source
from citefacts.read.source import PARSERS

from .properties import assert_parsed, assert_user_error
from .strategies import any_article, articles, random_lines, random_text
from .tally import counted

EXTENSIONS = ["", ".txt", ".md", ".markdown", ".wiki", ".wikitext", ".mediawiki", ".mw", ".json", ".TXT", ".tar.gz"]


def _encoded(text: str) -> st.SearchStrategy[bytes]:
    """The text as UTF-8, maybe with a BOM, or spoiled: Latin-1, a NUL, a cut multi-byte character."""
    data = text.encode("utf-8")
    return st.sampled_from(
        [
            data,
            data,
            data,
            b"\xef\xbb\xbf" + data,
            text.encode("latin-1", errors="replace"),
            data[: len(data) // 2] + b"\x00" + data[len(data) // 2 :],
            data + "é".encode()[:1],
            b"",
            b" \n\t\n",
        ]
    )


source_bytes = st.one_of(
    any_article.flatmap(lambda pair: _encoded(pair[1])),
    random_lines.flatmap(_encoded),
    st.binary(max_size=300),
)


@given(
    data=source_bytes,
    suffix=st.sampled_from(EXTENSIONS),
    fmt=st.sampled_from([None, None, "text", "markdown", "wikitext", "html"]),
    require_footnotes=st.booleans(),
)
@counted
def test_read_source_returns_a_consistent_source_or_one_user_error(
    data: bytes, suffix: str, fmt: str | None, require_footnotes: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(data)
        try:
            parsed = read_source(path, fmt, require_footnotes=require_footnotes)
        except CitefactsError as error:
            assert_user_error(error, str(path))
            return
    assert parsed.path == str(path)
    assert parsed.raw == data.decode("utf-8").removeprefix("\ufeff")
    assert parsed.footnotes or not require_footnotes
    assert_parsed(parsed)


@pytest.mark.parametrize("fmt", sorted(PARSERS))
@given(data=st.data())
@counted
def test_parser_output_indexes_its_raw_text(fmt: str, data: st.DataObject) -> None:
    raw = data.draw(st.one_of(articles(fmt), random_text), label="raw")
    parsed = PARSERS[fmt](raw, "fuzz")
    assert parsed.raw == raw and parsed.format == fmt
    assert_parsed(parsed)


@given(pair=any_article)
@counted
def test_parsing_twice_gives_the_same_source(pair: tuple[str, str]) -> None:
    fmt, raw = pair
    assert PARSERS[fmt](raw, "fuzz") == PARSERS[fmt](raw, "fuzz")
