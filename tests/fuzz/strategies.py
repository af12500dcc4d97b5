"""Hypothesis strategies for article-like sources in the three formats, and for plain random text.

An article is built from sentences that carry what extraction looks for (dates, figures, money, units,
names, quotes), laced with what breaks readers: footnote markers in every format's spelling, stray
``^``, ``[[``, ``{{``, ``<ref>`` and ``|}``, unicode (accents, CJK, emoji, combining marks, right-to-left,
zero-width and no-break spaces), control characters and line separators, very long lines and empty lines.
"""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = [
    "the",
    "war",
    "began",
    "in",
    "and",
    "troops",
    "were",
    "killed",
    "army",
    "city",
    "population",
    "census",
    "according",
    "to",
    "official",
    "figures",
    "government",
    "reported",
    "about",
    "more",
    "than",
    "less",
    "than",
    "nearly",
    "at",
    "least",
    "over",
    "some",
    "of",
    "its",
    "people",
    "were",
    "wounded",
    "civilians",
    "soldiers",
    "missing",
    "in",
    "action",
    "ceasefire",
    "signed",
    "region",
    "border",
    "clashes",
    "villages",
    "displaced",
    "refugees",
]
NAMES = [
    "Paris", "Armenia", "Azerbaijan", "Nagorno-Karabakh", "John Smith", "the United Nations", "Stepanakert",
    "FC Dynamo Kyiv", "Martakert", "São Paulo", "Zürich", "Москва", "北京", "Dr. O'Neil", "al-Assad", "Kars-Gyumri",
]  # fmt: skip
FIGURES = [
    "2,906", "3,825", "187", "6", "1.5 million", "$1.2 billion", "€40 million", "45%", "12 km", "3,769 m", "250 mi²",
    "twelve", "ten", "about 30,000", "more than 300", "fewer than 20", "1,000–2,000", "2008–2020", "5–10%", "one third",
    "0.5", "1e6", "−4", "¥1000", "29km", "first", "21st", "1/2", "3 out of 4", "100,000,000,000,000,000,000",
    "9" * 330, "1e999", "1.5 quintillion", "a googol", "10^400", "0.000000001%", "-0", "1,2,3", "1..2", "1–", "$-5",
    "12 billion km²", "5 km/h", "3 × 10⁸ m/s", "nine hundred ninety-nine trillion", "zero", "0/0", "1/0",
    "30 °C", "86 °F", "-40 degrees Fahrenheit", "0 K", "3 acres", "7.5 miles", "12,000 m", "5 kg", "2 lb", "100 mph",
    "1,000 ft", "6 hectares", "10 sq mi", "£0", "US$3.5 trillion", "4 million barrels", "20 MW", "1.21 gigawatts",
]  # fmt: skip
UNITS = [
    "km",
    "miles",
    "m",
    "°C",
    "°F",
    "kg",
    "lb",
    "acres",
    "hectares",
    "km²",
    "sq mi",
    "%",
    "dollars",
    "euros",
    "mph",
]
DATES = [
    "3 March 2001", "March 3, 2001", "in 1990", "the 1990s", "the 19th century", "May 1994", "2020-09-27",
    "27 September – 10 November 2020", "last year", "today", "spring 2016", "Q3 2019", "1 January 0001",
    "31 February 2001", "9999", "AD 33", "500 BC", "12 December 2023 at 14:30", "the next day", "2021",
    "the 99th century", "10000 BC", "year 0", "29 February 1900", "0 January 2000", "32 March 2001", "the 0s",
    "the 10000s", "the 1st millennium BC", "9999-12-31", "0000-01-01", "December 31, 9999, the following week",
    "the weekend after 31 December 9999", "Thanksgiving 9999", "the week of 30 February 2001", "Q5 2019",
]  # fmt: skip
ODD = [
    "^", "^^", "[[", "]]", "{{", "}}", "<ref>", "</ref>", "<ref name=\"a\"/>", "|}", "{|", "|-", "||", "!!", "[1]",
    "[^1]", "[^x]:", "[2–4]", "[0]", "[99999]", "'''", "''", "<!--", "-->", "&nbsp;", "&amp;", "==", "#", "* ", "> ",
    "`", "~~", "\\", "<br>", "<b>", "</i>", "[http://x.org y]", "<https://a.b>", "![i](p)", "[t](u)", "{{convert|5|km}}",
    "{{lang|fr|mot}}", "{{sfn|Smith|2001|p=3}}", "{{efn|A note of 1990.}}", "{{r|a}}", "{{reflist}}", "<references/>",
    "&#xD800;", "&#x1F600;", "&#0;", "&#65;", "&NotEqualTilde;", "&fjlig;", "{{CONVERT|0|0}}", "<ref/>", "<ref name=a>",
]  # fmt: skip
UNICODE = [
    "é", "ü", "ß", "Ж", "中文", "😀", "e\u0301", "\u200b", "\u00a0", "\u202e", "\ufeff", "ﬁ", "İ", "ǅ", "\u2028",
    "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\r", "\r\n", "\t", "\x07", "\x1b[0m", "\x7f", "“", "”",
    "‘", "’", "«", "»", "—", "–", "…", "\U0001d7d9", "٣", "१", "Ⅻ", "½", "²",
]  # fmt: skip

_safe_text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=12)
"""Random unicode (no surrogates, which UTF-8 cannot hold, and no NUL, which the reader refuses)."""

word = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.sampled_from(NAMES),
    st.sampled_from(FIGURES),
    st.sampled_from(DATES),
    st.sampled_from(ODD),
    st.sampled_from(UNICODE),
    _safe_text,
)


@st.composite
def sentences(draw: st.DrawFn, odd: bool = True) -> str:
    """A sentence: words with figures, dates and names, maybe quoted, ending in a full stop or not."""
    pieces = draw(st.lists(word if odd else st.one_of(st.sampled_from(WORDS), st.sampled_from(FIGURES)), max_size=14))
    lead = [draw(st.sampled_from(NAMES)), "had", draw(st.sampled_from(FIGURES)), "in", draw(st.sampled_from(DATES))]
    text = " ".join([*lead, *pieces])
    if draw(st.booleans()):
        text = draw(st.sampled_from(['"{}"', "“{}”", "'{}'", "({})", "{}"])).format(text)
    return text + draw(st.sampled_from([".", ".", "!", "?", "", ":", ";", " .", "..."]))


def _long(text: str, times: int) -> str:
    return " ".join([text] * times)


@st.composite
def paragraphs(draw: st.DrawFn, marker: st.SearchStrategy[str] | None = None) -> str:
    """Sentences on one line, each maybe followed by a marker; now and then a very long line."""
    parts = []
    for sentence in draw(st.lists(sentences(), min_size=1, max_size=4)):
        parts.append(sentence + (draw(marker) if marker is not None and draw(st.booleans()) else ""))
    line = " ".join(parts)
    if draw(st.integers(0, 19)) == 19:
        line = _long(line, draw(st.integers(20, 60)))
    return line


headings = st.one_of(
    st.sampled_from(["History", "Casualties", "Border clashes (2008–2020)", "References", "Notes", "See also"]),
    st.builds(" ".join, st.lists(st.sampled_from(WORDS + NAMES), min_size=1, max_size=4)),
)
BLANK = ["", "", " ", "\t", "\u00a0", "\r"]
blank = st.sampled_from(BLANK)


@st.composite
def footnote_texts(draw: st.DrawFn) -> str:
    """A footnote's words: a CS1-like citation, a note that restates a figure, or junk."""
    kind = draw(st.integers(0, 3))
    if kind == 0:
        author = draw(st.sampled_from(["Smith, John", "de Waal, Thomas", "Ó Briain, S.", "", "BBC News"]))
        title = draw(sentences(odd=False)).rstrip(".")
        date = draw(st.sampled_from(DATES))
        return f'{author} ({date}). "{title}". The Guardian. p. {draw(st.integers(1, 999))}. Retrieved {date}.'
    if kind == 1:
        return draw(sentences())
    if kind == 2:
        return f"Archived {draw(st.sampled_from(DATES))} at the Wayback Machine " + draw(sentences(odd=False))
    return " ".join(draw(st.lists(word, max_size=6)))


@st.composite
def plaintext_articles(draw: st.DrawFn) -> str:
    """The plain-text format: body lines and headings, then ``^`` footnotes (or a numbered References list)."""
    marker = st.builds(lambda n: f"[{n}]", st.integers(0, 12)) if draw(st.booleans()) else None
    body = draw(st.lists(st.one_of(paragraphs(marker), headings, blank, _line_tables()), min_size=1, max_size=8))
    notes = draw(st.lists(footnote_texts(), max_size=6))
    if draw(st.integers(0, 3)) == 0:
        tail = ["References", *(f"{i}. {text}" for i, text in enumerate(notes, start=1))]
    else:
        lead = st.sampled_from(["^ ", "^", "^ Jump up to: a b ", "^ a ", "^^ "])
        tail = [draw(lead) + text for text in notes]
        if draw(st.booleans()) and tail:
            tail.insert(draw(st.integers(0, len(tail))), draw(st.sampled_from(BLANK)))
    return _join(draw, body + tail)


@st.composite
def _line_tables(draw: st.DrawFn) -> str:
    """A table laid out one cell per line (a header row, then rows keyed by a year), as plain text reads them."""
    width = draw(st.integers(2, 4))
    header = [draw(st.sampled_from(["Year", "Killed", "Wounded", "Missing", "Name", "Total"])) for _ in range(width)]
    cell = st.sampled_from([*FIGURES, *DATES, *NAMES, "–", "n/a", "?"])
    rows = [
        [str(draw(st.integers(1900, 2030))), *(draw(cell) for _ in range(width - 1))]
        for _ in range(draw(st.integers(2, 5)))
    ]
    return "\n".join([*header, *(text for row in rows for text in row)])


@st.composite
def markdown_articles(draw: st.DrawFn) -> str:
    """Markdown: ATX and setext headings, lists, quotes, pipe tables, ``[^n]`` references and definitions."""
    labels = st.sampled_from(["1", "2", "3", "a", "note", "x y", "é", "^", "]"])
    marker = st.builds(lambda label: f"[^{label}]", labels)
    block = st.one_of(
        paragraphs(marker),
        st.builds(lambda h, n: "#" * n + " " + h, headings, st.integers(1, 7)),
        st.builds(lambda h, u: h + "\n" + u, headings, st.sampled_from(["===", "---", "- - -"])),
        st.builds(lambda p: "- " + p, paragraphs(marker)),
        st.builds(lambda p: "> " + p, paragraphs(marker)),
        st.builds(lambda p: "1. " + p, paragraphs(marker)),
        _markdown_tables(marker),
        blank,
    )
    body = draw(st.lists(block, min_size=1, max_size=7))
    definitions = [
        draw(st.sampled_from(["", "", "   ", "> ", "- "]))
        + f"[^{draw(labels)}]: {draw(footnote_texts())}"
        + draw(st.sampled_from(["", "", "\n    continued 1990", "\n\n    after a blank line 2001", "\n\tindented"]))
        for _ in range(draw(st.integers(0, 5)))
    ]
    return _join(draw, body + definitions)


@st.composite
def _markdown_tables(draw: st.DrawFn, marker: st.SearchStrategy[str]) -> str:
    width = draw(st.integers(1, 4))
    cell = st.one_of(st.sampled_from(FIGURES + DATES + NAMES), st.builds(lambda m: "2001" + m, marker), word)
    rows = [
        [draw(cell).replace("|", "/").replace("\n", " ") for _ in range(width)] for _ in range(draw(st.integers(1, 4)))
    ]
    rule = "|" + "|".join(draw(st.sampled_from(["---", ":--", "--:", "-"])) for _ in range(width)) + "|"
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join([lines[0], rule, *lines[1:]])


@st.composite
def ref_tags(draw: st.DrawFn) -> str:
    """A footnote in wikitext: a ``<ref>``, a named ref or its reuse, ``{{sfn}}``, ``{{efn}}``, ``{{r}}``."""
    name = draw(st.sampled_from(["a", "b", '"c d"', "'e'", "", "é"]))
    text = draw(footnote_texts())
    cite = (
        f"{{{{cite web|title={draw(sentences(odd=False))}|date={draw(st.sampled_from(DATES))}"
        f"|url=http://example.org/{draw(st.integers(0, 99))}|quote={draw(sentences())}}}}}"
    )
    return draw(
        st.sampled_from(
            [
                f"<ref>{text}</ref>",
                f"<ref>{cite}</ref>",
                f"<ref name={name}>{text}</ref>",
                f"<ref name={name} />",
                f"<ref name={name}>[http://example.org {text}]</ref>",
                f"{{{{sfn|{draw(st.sampled_from(NAMES))}|{draw(st.integers(1900, 2030))}|p={draw(st.integers(1, 9))}}}}}",
                f"{{{{efn|{text}}}}}",
                f"{{{{r|{name}}}}}",
                f"<ref name={name}>{{{{cite book|last=Smith|first=J.|title={text}|year=1990|pages=1–2|isbn=0}}}}</ref>",
                f"{{{{Infobox war|casualties=5<ref name=z>{text}</ref>}}}}<ref name=z/>",
                f"<ref group=note>{text}</ref>",
                f"<ref name={name} group=b/>",
                f"{{{{reflist|refs=<ref name={name}>{text}</ref>}}}}",
                f"<ref><ref>{text}</ref></ref>",
                f"<ref>[[File:x.jpg|thumb|<ref>{text}</ref>]]</ref>",
                f"<nowiki><ref>{text}</ref></nowiki>",
                f"<ref name={name}>a<!-- {text} -->b</ref>",
                f"{{{{efn|name=e|{text} <ref>inner 1990</ref>}}}}",
                "{{harvnb|Smith|2001|p=4}}{{rp|12}}",
                f"<ref>{{{{cite news |title= |date=32 March 2001 |access-date=2001-02-30 |quote={text}}}}}</ref>",
                f"<ref>{{{{cite web|url=|title={{{{!}}}}|archive-date=Q5 2019}}}}{text}</ref>",
                "<ref>",
                "</ref>",
                f"<ref>{text}",
            ]
        )
    )


@st.composite
def wikitext_articles(draw: st.DrawFn) -> str:
    """Wikitext: headings, links, bold, templates, tables, lists and refs, with a references section."""
    inline = st.one_of(
        ref_tags(),
        st.builds(lambda n: f"[[{n}]]", st.sampled_from(NAMES)),
        st.builds(lambda n, t: f"[[{n}|{t}]]", st.sampled_from(NAMES), st.sampled_from(WORDS + NAMES)),
        st.builds(lambda w: f"'''{w}'''", st.sampled_from(WORDS + NAMES)),
        st.sampled_from(["[[File:x.jpg|thumb|A caption of 1990]]", "[[Category:Wars]]", "{{Infobox war|x=1}}"]),
        st.sampled_from(["<!-- hidden 1990 -->", "&nbsp;", "&mdash;", "<br />", "<small>5 km</small>"]),
        st.sampled_from(["{{convert|3769|m}}", "{{cvt|5|km|mi}}", "{{lang|hy|Արցախ}}", "{{nowrap|3 March 2001}}"]),
    )
    block = st.one_of(
        paragraphs(inline),
        st.builds(lambda h, n: "=" * n + " " + h + " " + "=" * n, headings, st.integers(1, 6)),
        st.builds(str.__add__, st.sampled_from(["* ", "# ", ": ", ";", "** "]), paragraphs(inline)),
        _wikitables(inline),
        blank,
    )
    body = draw(st.lists(block, min_size=1, max_size=7))
    if draw(st.booleans()):
        body += ["== References ==", draw(st.sampled_from(["{{reflist}}", "<references />", "<references>"]))]
        if body[-1] == "<references>":
            body += [f"<ref name={draw(st.sampled_from(['a', 'b']))}>{draw(footnote_texts())}</ref>", "</references>"]
    return _join(draw, body)


@st.composite
def _wikitables(draw: st.DrawFn, inline: st.SearchStrategy[str]) -> str:
    width = draw(st.integers(1, 3))
    cell = st.one_of(st.sampled_from(FIGURES + DATES + NAMES), st.builds(lambda m: "2001" + m, inline))
    lines = ['{| class="wikitable"']
    if draw(st.booleans()):
        lines.append("|+ A caption")
    lines.append("! " + " !! ".join(draw(st.sampled_from(WORDS)) for _ in range(width)))
    for _ in range(draw(st.integers(0, 3))):
        lines.append("|-")
        lines.append("| " + " || ".join(draw(cell) for _ in range(width)))
    if draw(st.integers(0, 5)):
        lines.append("|}")
    return "\n".join(lines)


def _join(draw: st.DrawFn, lines: list[str]) -> str:
    """Lines joined with a newline, a CRLF now and then, maybe no final newline, and maybe a junk insert."""
    newline = draw(st.sampled_from(["\n", "\n", "\n", "\r\n", "\n\n"]))
    text = newline.join(lines) + draw(st.sampled_from(["\n", "", "\n\n", "\r\n"]))
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.one_of(st.sampled_from(ODD + UNICODE), _safe_text)) + text[at:]
    return text


random_text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=400)
"""Any text at all, for the parsers and extraction."""

random_lines = st.builds(
    "\n".join, st.lists(st.one_of(random_text, st.sampled_from(ODD + UNICODE), sentences()), max_size=8)
)
"""Random lines mixed with article pieces: nearer what readers meet than fully random text."""

FORMATS = {"text": plaintext_articles(), "markdown": markdown_articles(), "wikitext": wikitext_articles()}


def articles(fmt: str) -> st.SearchStrategy[str]:
    """Article-like text in one format, or now and then random lines."""
    return st.one_of(FORMATS[fmt], FORMATS[fmt], FORMATS[fmt], random_lines)


any_article = st.sampled_from(sorted(FORMATS)).flatmap(lambda fmt: st.tuples(st.just(fmt), articles(fmt)))
"""A format name and an article-like text in it."""
