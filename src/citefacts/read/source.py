"""Reading a source file: checks it is text, picks its format, and returns a ParsedSource."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from pathlib import Path

from citefacts.errors import InputError
from citefacts.models import ParsedSource
from citefacts.read.language import ENGLISH, refuse_foreign
from citefacts.read.markdown import parse_markdown
from citefacts.read.plaintext import parse_plaintext
from citefacts.read.wikitext import parse_wikitext

MAX_BYTES = 2_000_000
"""Larger inputs are refused. The longest Wikipedia articles are about 1 MB of wikitext; linking without
markers grows with sentences x footnotes: measured on this 2-core machine, the seed repeated to 0.9 MB
takes 31 s and 0.5 GB, to 1.8 MB 123 s and 1.3 GB, so 2 MB stays within minutes and about 1.5 GB."""

FORMATS = ("text", "markdown", "wikitext")

PARSERS: dict[str, Callable[[str, str], ParsedSource]] = {
    "text": parse_plaintext,
    "markdown": parse_markdown,
    "wikitext": parse_wikitext,
}
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".wiki": "wikitext",
    ".wikitext": "wikitext",
    ".mediawiki": "wikitext",
    ".mw": "wikitext",
}
EXPECTED = {
    "text": "expected lines starting with '^', or a numbered list after a References heading",
    "markdown": "expected '[^n]: ...' footnote definitions",
    "wikitext": "expected <ref> tags or {{sfn}}/{{efn}} templates",
}
_WIKITEXT_SIGNS = re.compile(r"<ref[\s>/]|\{\{[Cc]ite |\[\[[^\]]+\]\]|^==+[^=\n]+==+\s*$|^'{3}", re.M)
_MARKDOWN_SIGNS = re.compile(r"^\[\^[^\]\s]+\]:|^#{1,6} \S|\[[^\]]+\]\([^)]+\)|^\|.*\|\s*$", re.M)


def decode(data: bytes, path: str, limited: bool = True) -> str:
    """Decode a source's bytes as UTF-8, refusing empty, binary, too large (over MAX_BYTES, when ``limited``)
    and wrongly encoded input."""
    if not data.strip():
        raise InputError("file is empty", path)
    if limited and len(data) > MAX_BYTES:
        raise InputError(
            f"file is {len(data):,} bytes, over the {MAX_BYTES:,} byte limit (split the article, or its footnotes'"
            " linking would take too long and too much memory)",
            path,
        )
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise InputError(f"binary file (NUL byte at byte {offset}); expected UTF-8 text", path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"not UTF-8 (invalid byte 0x{data[error.start]:02x} at byte {error.start}); "
            "convert it with `iconv -t UTF-8`",
            path,
            f"line {line}",
        ) from error
    return text.removeprefix("\ufeff")


def sniff_format(path: Path, raw: str) -> str:
    """The format a file is in, from its extension or, failing that, from signs in its content."""
    by_extension = EXTENSIONS.get(path.suffix.lower())
    if by_extension:
        return by_extension
    wiki = len(_WIKITEXT_SIGNS.findall(raw))
    markdown = len(_MARKDOWN_SIGNS.findall(raw))
    if wiki >= 2 and wiki >= markdown:
        return "wikitext"
    if markdown >= 2:
        return "markdown"
    return "text"


def read_source(
    path: Path, fmt: str | None = None, require_footnotes: bool = True, languages: Collection[str] = (ENGLISH,)
) -> ParsedSource:
    """Read and parse one source file into body blocks and footnotes.

    A body whose prose is surely in none of ``languages`` is refused (English is all the pipeline reads);
    an empty ``languages`` skips the check.
    """
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror}", name) from error
    raw = decode(data, name)
    chosen = fmt or sniff_format(path, raw)
    if chosen not in FORMATS:
        raise InputError(f"unknown format {chosen!r}; choose one of {', '.join(FORMATS)}", name)
    parsed = PARSERS[chosen](raw, name)
    if not any(block.kind != "heading" and block.text.strip() for block in parsed.blocks):
        raise InputError("no body text: the file holds nothing but footnotes or headings, so no facts", name)
    if languages:
        refuse_foreign(parsed, name, languages)
    if require_footnotes and not parsed.footnotes:
        raise InputError(
            f"no footnotes found ({EXPECTED[chosen]}); pass --allow-no-footnotes to extract uncited facts",
            name,
        )
    return parsed
