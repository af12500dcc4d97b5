from __future__ import annotations

from pathlib import Path

import pytest

from citefacts.errors import InputError
from citefacts.read import source as read


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (b"  \n\n", "file is empty"),
        (b"abc\x00def", "binary file"),
        ("caf\u00e9\n".encode("latin-1"), "not UTF-8"),
        (b"Just a body sentence with no notes at all in 1999.\n", "no footnotes"),
    ],
)
def test_bad_input_is_one_line_naming_the_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read.read_source(path)
    text = str(caught.value)
    assert message in text and str(path) in text and "\n" not in text


def test_non_utf8_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(b"first line\nsecond caf\xe9\n")
    with pytest.raises(InputError, match="line 2"):
        read.read_source(path)


def test_huge_input_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "MAX_BYTES", 100)
    path = tmp_path / "huge.txt"
    path.write_text("x" * 200 + "\n^note\n")
    with pytest.raises(InputError, match="limit"):
        read.read_source(path)


def test_no_footnotes_allowed_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("A body sentence that is long enough to be a paragraph of text in 1999.\n")
    parsed = read.read_source(path, require_footnotes=False)
    assert parsed.footnotes == [] and len(parsed.blocks) == 1


DATA = Path(__file__).parent / "data" / "read"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("lake-markers.txt", "text"), ("lake-footnotes.md", "markdown"), ("k-nicole-mitchell.wiki", "wikitext")],
)
def test_format_comes_from_the_extension(name: str, fmt: str) -> None:
    assert read.read_source(DATA / name).format == fmt


@pytest.mark.parametrize(
    ("source", "fmt"),
    [("k-nicole-mitchell.wiki", "wikitext"), ("lake-footnotes.md", "markdown"), ("lake-markers.txt", "text")],
)
def test_format_is_sniffed_from_content_without_a_known_extension(tmp_path: Path, source: str, fmt: str) -> None:
    path = tmp_path / "article.src"
    path.write_bytes((DATA / source).read_bytes())
    assert read.read_source(path).format == fmt


def test_format_option_overrides_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes((DATA / "k-nicole-mitchell.wiki").read_bytes())
    assert read.read_source(path, "wikitext").format == "wikitext"


def test_unknown_format_is_one_line_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Some text.\n^note\n")
    with pytest.raises(InputError, match="unknown format 'pdf'; choose one of text, markdown, wikitext"):
        read.read_source(path, "pdf")


def test_markdown_without_definitions_says_what_was_expected(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Title\n\nA body sentence in 1999 with no footnotes.\n")
    with pytest.raises(InputError, match=r"\[\^n\]: "):
        read.read_source(path)
