"""The pieces of a rendered citation: each ``. ``-separated piece read into the field it fits.

Identifiers, archive and access dates, pages, volume and issue, a date, editors, place and
publisher have recognisable forms; other short pieces are names (title, work, publisher) in
CS1's order.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from citefacts.models import CitationFields
from citefacts.read.cite.dates import normalize_date

EDITORS_MARK = re.compile(r",?\s*\(?\beds?\.\)?\s*$")
LANGUAGE = re.compile(r"\s*\(in (?P<lang>[A-Z][\w-]+(?:(?:,| and) [A-Z][\w-]+)*)\)")
_EDITION = re.compile(r"\s*\((?P<ed>[^()]{1,20}) ed\.\)")
PAGES = re.compile(r"^(?:pp?\.|pages?|Seiten?)\s?(?P<pages>[^:\"]{1,80})$", re.I)
_IDENT = re.compile(
    r"^(?P<kind>ISBN|ISSN|eISSN|doi|DOI|S2CID|OCLC|JSTOR|PMID|PMC|hdl|arXiv|Bibcode|LCCN|SSRN|ProQuest)"
    r"(?::\s*|\s+|(?=[\d\w]))(?P<value>\S+?)$"
)
_ARCHIVED = re.compile(r"^Archived\s*(?:\(\w+\))?\s*from the original\s*(?:\(\w+\))?\s*on\s+(?P<date>.+)$")
_RETRIEVED = re.compile(r"^Retrieved(?: on)?\s+(?P<date>.+)$")
_VOLUME = re.compile(
    r"^(?:Vol\.\s*)?(?P<volume>[0-9IVXLCivxlc]+[A-Za-z]?)?\s*(?:\((?P<issue>[^()]+)\))?(?::\s*(?P<pages>\S.*))?$"
)
_LABELLED = re.compile(r"^(?P<label>Vol|Volume|No|Issue)\.?\s*(?P<value>\S+(?: Suppl)?)$", re.I)
_WORK_ISSUE = re.compile(r"^(?P<work>.+?)\s\((?P<issue>\d[\w–-]*)\)$")
_PLACE_PUBLISHER = re.compile(
    r"^(?P<place>[A-Z][\w.'’ -]{1,40}(?:, [A-Z][\w.]+)?(?: and [A-Z][\w ]+)?):\s+(?P<publisher>.+?)$"
)
_COLON_PAGES = re.compile(r"^(?P<head>.+?):\s*(?P<pages>\d[\d–,\s-]*)$")
_PUBLISHER_YEAR = re.compile(
    r"^(?P<publisher>.+?),\s*(?P<year>\d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+\.? \d{1,2}, \d{4})$"
)
_ABBREVIATED_NAME = re.compile(r"\s[A-Z][a-z]{1,7}\.\.(?:\s|$)")
"""``Trends Biochem. Sci..``: an abbreviated journal name whose last word closes with two dots."""
_ABBREVIATION = re.compile(
    r"(?:\b(?:p|pp|no|No|vol|Vol|ed|eds|Jr|Sr|St|Dr|Mr|Mrs|Ms|Ltd|Inc|Co|Univ|Dept|trans|al|vs|ca|c|Nos)"
    r"|(?:^|[\s.(])[A-Za-z]|\.\.)$"
)
_MEDIUM = re.compile(r"\s*\((?P<medium>[A-Z][\w ]{2,30})\)$")
_ISO = re.compile(r"^\d{4}(?:-\d{2}){0,2}$")
_SEASON_OR_RANGE = re.compile(r"(?i)\b(?:spring|summer|autumn|fall|winter)\b|–")
QUOTE_MIN_WORDS = 9
"""A piece this long is a quotation unless nearly all its words are capitalised (a long name)."""
_QUOTATION_OPENS = re.compile(r"^[\"“]")
"""A straight or curly quotation mark; guillemets open names too («Azat Evropa» radiokayan)."""
_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|said|says|did|does)\b")
"""Words a sentence has and a name of a work or publisher does not (names capitalise theirs: "Who Is Who")."""
FORMATS = frozenset({"PDF", "DOC", "PPT", "XLS", "HTML"})
_FUNCTION_WORDS = frozenset(
    ["a", "an", "and", "at", "by", "de", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)


def split_names(who: str) -> list[str]:
    """Names as written: ``;``-separated, or ``,``-separated when every part is a full name."""
    if ";" in who:
        return [name.strip() for name in who.split(";") if name.strip()]
    parts = [part.strip() for part in who.split(",")]
    full_names = len(parts) > 1 and all(len(part.split()) >= 2 for part in parts)
    last_first = len(parts) == 2 and parts[1].endswith(".")
    return parts if full_names and not last_first else [who]


def split_pieces(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the ``. ``-separated pieces, not splitting after abbreviations or initials."""
    pieces = []
    begin = start
    for match in re.finditer(r"\.+(?=\s|$)", body[start:end]):
        dot = start + match.start()
        before = body[begin:dot]
        if _ABBREVIATION.search(before) and not before.endswith(")"):
            continue
        if _ABBREVIATED_NAME.match(body, start + match.end(), end):
            continue
        pieces.append((begin, dot))
        begin = start + match.end()
    if begin < end:
        pieces.append((begin, end))
    return pieces


def classify(piece: str, fields: CitationFields, tail: bool) -> str:
    """Fill a field from a piece that has a recognisable form; ``field`` when one was filled.

    Past the tail (pages, identifiers, archive and access dates) only tail fields are read.
    """
    readers: list[Callable[[str, CitationFields], bool]] = [_read_ids, _read_archive, _read_pages]
    if not tail:
        readers += [_read_volume, _read_date_piece, _read_editors, _read_place]
    for reader in readers:
        if reader(piece, fields):
            return "field"
    return "unknown"


def _read_ids(piece: str, fields: CitationFields) -> bool:
    match = _IDENT.match(piece)
    if not match:
        return False
    kind = match.group("kind")
    key = "doi" if kind.lower() == "doi" else kind
    fields.identifiers[key] = match.group("value").rstrip(".")
    return True


def _read_archive(piece: str, fields: CitationFields) -> bool:
    archived = _ARCHIVED.match(piece)
    if archived:
        fields.archive_date = normalize_date(archived.group("date"))
        return True
    retrieved = _RETRIEVED.match(piece)
    if retrieved:
        fields.access_date = normalize_date(retrieved.group("date"))
        return True
    return False


def _read_pages(piece: str, fields: CitationFields) -> bool:
    match = PAGES.match(piece)
    if not match or fields.pages:
        return False
    fields.pages = match.group("pages").strip()
    return True


def _read_volume(piece: str, fields: CitationFields) -> bool:
    """``18 (4): 450`` after a journal (volume, issue and pages), or ``Vol. 7`` and ``No. 4``."""
    labelled = _LABELLED.match(piece)
    if labelled:
        if labelled.group("label").lower().startswith("v"):
            fields.volume = labelled.group("value")
        else:
            fields.issue = labelled.group("value")
        return True
    match = _VOLUME.match(piece)
    if not match or not (match.group("volume") or match.group("issue")) or not fields.work:
        return False
    if match.group("volume") and not (match.group("issue") or match.group("pages")):
        return False
    fields.volume = match.group("volume")
    fields.issue = match.group("issue")
    if match.group("pages"):
        fields.pages = match.group("pages").strip()
    return True


def _read_date_piece(piece: str, fields: CitationFields) -> bool:
    if fields.date or not re.search(r"\d{4}", piece) or len(piece) > 30:
        return False
    normalized = normalize_date(piece)
    if not _ISO.match(normalized) and not (_SEASON_OR_RANGE.search(piece) and len(piece.split()) <= 4):
        return False
    fields.date = normalized
    return True


def _read_place(piece: str, fields: CitationFields) -> bool:
    """``Place: Publisher`` (a journal's ``: 35`` page may follow), once, after the title."""
    if fields.title is None or fields.publisher is not None or fields.place is not None:
        return False
    colon_pages = _COLON_PAGES.match(piece)
    head = colon_pages.group("head") if colon_pages else piece
    place = _PLACE_PUBLISHER.match(head)
    if not place or len(place.group("place").split()) > 4:
        return False
    fields.place, fields.publisher = place.group("place"), place.group("publisher")
    if colon_pages and not fields.pages:
        fields.pages = colon_pages.group("pages").strip()
    return True


def name_like(piece: str) -> bool:
    """A work's or publisher's name rather than a sentence: short, or mostly capitalised words.

    A quotation is never a name however short: it opens with a quotation mark or says something (a
    finite verb in lower case: "The population was 4,800")."""
    if _QUOTATION_OPENS.match(piece) or _FINITE_VERB.search(piece):
        return False
    words = piece.split()
    if len(words) < QUOTE_MIN_WORDS:
        return True
    content = [word for word in words if word.lower() not in _FUNCTION_WORDS]
    capitalised = sum(1 for word in content if word[:1].isupper() or word[:1] == "«")
    return len(words) <= 25 and capitalised >= 0.8 * len(content)


def _read_editors(piece: str, fields: CitationFields) -> bool:
    """``In Chufrin, Gennady (ed.)`` or ``Brzezinski, Zbigniew; Sullivan, Paige (eds.)``."""
    if not re.search(r"\(eds?\.\)$", piece):
        return False
    fields.editors = split_names(re.sub(r"^In\s+", "", EDITORS_MARK.sub("", piece)).strip())
    return True


def assign_name_piece(piece: str, fields: CitationFields, unparsed: list[str], book: bool) -> None:
    """A piece of names: the title, the work, then place and publisher, in CS1's order."""
    if len(piece) > 2 and piece[0] == piece[-1] == '"':
        piece = piece[1:-1]
    language = LANGUAGE.search(piece)
    if language:
        fields.language = language.group("lang")
        piece = LANGUAGE.sub("", piece).strip()
    edition = _EDITION.search(piece)
    if edition:
        fields.edition = edition.group("ed")
        piece = _EDITION.sub("", piece).strip()
    if fields.title is None:
        translated = re.search(r"\s*\[(?P<trans>[^\]]+)\]$", piece)
        if translated:
            unparsed.append(f"[{translated.group('trans')}]")
            piece = piece[: translated.start()]
        medium = _MEDIUM.search(piece)
        if medium and not LANGUAGE.search(piece):
            unparsed.append(medium.group().strip())
            piece = piece[: medium.start()]
        fields.title = piece
        return
    colon_pages = _COLON_PAGES.match(piece)
    if colon_pages and not fields.pages:
        fields.pages = colon_pages.group("pages").strip()
        piece = colon_pages.group("head")
    publisher_year = _PUBLISHER_YEAR.match(piece)
    if publisher_year and not fields.date:
        fields.date = normalize_date(publisher_year.group("year"))
        piece = publisher_year.group("publisher")
    work_issue = _WORK_ISSUE.match(piece)
    if fields.work is None and fields.publisher is None and not book:
        if work_issue:
            fields.work, fields.issue = work_issue.group("work"), work_issue.group("issue")
        else:
            fields.work = piece
    elif fields.publisher is None:
        fields.publisher = piece
    else:
        unparsed.append(piece)
