"""What the text itself says about a name: a place ("the X region", "in X"), a sports club ("FC X"), or
citation debris.

These cues work on a string and character offsets, so the spaCy component (one block) and the
document-level alias step (all blocks) read them the same way.
"""

from __future__ import annotations

import re
from itertools import pairwise

PLACE_NOUNS = (
    "region|province|district|oblast|rayon|raion|governorate|county|prefecture|municipality|canton|krai|okrug"
    "|city|town|village|capital|enclave|exclave|territory|corridor|valley|highlands|lowlands"
    "|route|road|highway|motorway|railway"
)
PLACE_AFTER = re.compile(rf"^\s+(?:{PLACE_NOUNS})\b", re.IGNORECASE)
"""A place noun right after the name: "the Lachin corridor", "the Syunik province", "the Goris–Kapan road"."""
PLACE_BEFORE = re.compile(rf"\b(?:(?:{PLACE_NOUNS})(?:e?s)?|republic) of\s+(?:the\s+)?$", re.IGNORECASE)
"""A place noun and "of" right before the name: "the region of Nagorno-Karabakh"."""
LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|near|at|around|outside|inside|throughout|across|towards?|to|via|into|within|from)"
    r"|\b(?:capture|battle|siege|fall|liberation|occupation|annexation|invasion|blockade|shelling|outskirts|population"
    r"|residents|inhabitants|governor|mayor|people|suburbs?|north|south|east|west) of)\s+(?:the\s+)?$"
)
"""A preposition of place, or a noun that takes a place ("the capture of"), right before the name; weak
alone, so used only for names a gazetteer knows as places."""
DEMONYM_OF = re.compile(r"\b([A-Z][\w-]+) of\s+$")
"""A demonym and "of" before a name ("the Armenians of Karabakh"): the name is a place if the word is one."""
POSSESSIVE_AFTER = re.compile(r"^['’]s?\b")
PLACE_HEADS = frozenset(
    [
        "Oblast",
        "Region",
        "Province",
        "District",
        "Rayon",
        "Raion",
        "Governorate",
        "County",
        "Prefecture",
        "Municipality",
        "Canton",
        "Krai",
        "Okrug",
        "Republic",
        "Khanate",
        "Kingdom",
        "Empire",
        "Emirate",
        "Sultanate",
        "Principality",
        "Voivodeship",
        "SSR",
        "ASSR",
    ]
)
"""Capitalised last words that make a name a political place: "Nagorno-Karabakh Autonomous Oblast"."""
EVENT_HEADS = frozenset(
    [
        "War",
        "Wars",
        "Battle",
        "Revolution",
        "Uprising",
        "Rebellion",
        "Massacre",
        "Pogrom",
        "Pogroms",
        "Offensive",
        "Genocide",
        "Siege",
        "Insurgency",
        "Coup",
        "Crisis",
        "Clashes",
        "Olympics",
        "Championship",
        "Championships",
        "Cup",
        "Games",
        "Tournament",
        "Festival",
        "Prix",
        "Award",
        "Awards",
        "Prize",
        "Trophy",
        "Medal",
    ]
)
"""Capitalised last words that make a name an event: "the Second Nagorno-Karabakh War", "the Sumgait pogrom";
and awards, which OntoNotes has no type for and CoNLL calls MISC like events ("the Turner Prize")."""
LINK_NOUNS = r"trains?|rail|railroad|railways?|pipelines?|flights?|bus|buses|ferry|ferries|border|crossing"
PAIR_AFTER = re.compile(rf"^\s+(?:{LINK_NOUNS})\b", re.IGNORECASE)
"""What runs between the places of a pair, right after it: "the Kars-Gyumri train", "the X–Y pipeline"."""
PAIR_DASHES = frozenset({"-", "–"})
"""What joins the places of a pair: a hyphen or an en dash."""
CLUB_CODES = r"FC|F\.C\.|AFC|A\.F\.C\.|CF|C\.F\.|SC|AC|SK|FK|PFC|NK|HNK|BK|SV|VfB|VfL|TSV"
"""Designators a sports club's name may start with: "FC Dynamo Kyiv", "AC Milan", "SK Rapid Wien"."""
CLUB_CODES_AFTER = r"FC|F\.C\.|AFC|A\.F\.C\.|CF|C\.F\.|Football Club"
"""Designators a club's name may end with ("Juventus FC"); not "SC", which follows US towns ("Greenville SC")."""
CLUB_BEFORE = re.compile(rf"(?<![\w.])(?:{CLUB_CODES}) $")
CLUB_AFTER = re.compile(rf"^ (?:{CLUB_CODES_AFTER})(?!\w)(?! [A-Z])")
"""A designator after the name, unless it starts the next name ("the Armenian FC Ararat")."""
CLUB_LEAD = re.compile(rf"^(?:[Tt]he )?(?:{CLUB_CODES}) (?=\S)")
CLUB_TAIL = re.compile(rf"\S (?:{CLUB_CODES_AFTER})$")
CLUB_NOUN_AFTER = re.compile(r"^ (?:football|soccer|sports?) club\b")
"""A lower-case "football club" after the name: "the FC Ararat Yerevan football club"."""
PLACE_LEADS = re.compile(r"^(?:the\s+)?(?:Republic|Kingdom|Khanate|Empire|Emirate|Principality) of\s+[A-Z]")
SKIPPED_IN_ACRONYMS = frozenset({"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "&"})
LIST_GAP = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or|/|–)\s*$")
"""What joins the items of a list of names: a comma, "and", "or", a slash or an en dash."""
CONTEXT = 60
"""How many characters either side a cue may look at."""

DEBRIS = re.compile(
    r"""["”]?\s*\(\s*PDF\b|\bPDF\b|\bISBN|\bISSN|\bdoi:|\bhttps?://|\bwww\.|\.(?:pdf|html?|php|aspx?)\b"""
    r"""|\bArchived\b|\bRetrieved\b|\bWayback Machine\b|^pp?\.?$|\bOCLC\b|\barXiv\b""",
    re.IGNORECASE,
)
"""Citation debris an entity must not contain: file-type tags, identifiers, URLs, archive notes."""
NUMERIC_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "DATE", "TIME"})


def strong_place_cue(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` call it a region, district, corridor and the like."""
    before = text[max(0, start - CONTEXT) : start]
    after = text[end : end + CONTEXT]
    return bool(PLACE_AFTER.match(after) or PLACE_BEFORE.search(before))


def place_pair_cue(text: str, start: int, end: int) -> bool:
    """Whether a pair of names ``text[start:end]`` ("X–Y") is followed by what runs between places (a route,
    road, train, pipeline, border) or is called a region."""
    return strong_place_cue(text, start, end) or bool(PAIR_AFTER.match(text[end : end + CONTEXT]))


def dash_joined(text: str, bounds: list[tuple[int, int]]) -> bool:
    """Whether names (``bounds`` in text order) are joined only by a hyphen or an en dash: "Vardenis–Martakert"."""
    return len(bounds) > 1 and all(text[a[1] : b[0]] in PAIR_DASHES for a, b in pairwise(bounds))


def club_bounds(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a sports club's name runs with its designator, if one stands inside the name or right beside it
    ("FC Dynamo Kyiv", "Juventus FC") or "football club" follows it; None if nothing marks a club."""
    name, before, after = text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
    lead, tail = CLUB_BEFORE.search(before), CLUB_AFTER.match(after)
    inside = CLUB_LEAD.match(name) or CLUB_TAIL.search(name)
    if not (lead or tail or inside or CLUB_NOUN_AFTER.match(after)):
        return None
    return (start - len(lead.group()) if lead else start, end + len(tail.group()) if tail else end)


def locative_cue(text: str, start: int, end: int) -> bool:
    """Whether a preposition of place precedes the name and no possessive follows it ("in Shusha")."""
    before = text[max(0, start - CONTEXT) : start]
    return bool(LOCATIVE_BEFORE.search(before)) and not POSSESSIVE_AFTER.match(text[end : end + 3])


def demonym_before(text: str, start: int) -> str | None:
    """The capitalised word in "<word> of <name>" right before ``start``, to be checked as a demonym."""
    match = DEMONYM_OF.search(text[max(0, start - CONTEXT) : start])
    return match.group(1) if match else None


def is_place_name(name: str) -> bool:
    """Whether a name's own words make it a political place ("X Oblast", "Republic of X")."""
    words = name.split()
    return bool(words) and (words[-1] in PLACE_HEADS or bool(PLACE_LEADS.match(name)))


def is_event_name(name: str) -> bool:
    """Whether a name's last word makes it an event ("Nagorno-Karabakh War"), unless an office or body is
    named after one ("Ministry of War", "the War Office")."""
    words = name.split()
    return len(words) > 1 and words[-1] in EVENT_HEADS and words[-2].lower() not in ("of", "for", "on")


def initials(name: str) -> set[str]:
    """The acronyms a name may have: capitals of its words, with and without a leading "The"."""
    words = [w for w in re.split(r"[\s\-–]+", name) if w and w.lower() not in SKIPPED_IN_ACRONYMS]
    letters = "".join(w[0] for w in words if w[0].isalpha()).upper()
    forms = {letters}
    if name.startswith("The "):
        forms.add("T" + letters)
    return forms


def list_chains(text: str, bounds: list[tuple[int, int]]) -> list[list[int]]:
    """Indices of runs of names (``bounds`` in text order) joined as a list: three or more, or two joined by
    "and", "or", a slash or a dash (two joined by a comma are often "Surname, Forename")."""
    chains: list[list[int]] = []
    run = [0] if bounds else []
    for index in range(1, len(bounds) + 1):
        if index < len(bounds) and LIST_GAP.match(text[bounds[index - 1][1] : bounds[index][0]]):
            run.append(index)
            continue
        joined = text[bounds[run[0]][1] : bounds[run[-1]][0]] if len(run) > 1 else ""
        if len(run) >= 3 or (len(run) == 2 and joined.strip() != ","):
            chains.append(run)
        run = [index]
    return chains


def debris_start(name: str) -> int | None:
    """Where citation debris starts in an entity's text, or None if it has none."""
    match = DEBRIS.search(name)
    return match.start() if match else None


def unbalanced_paren(name: str) -> int | None:
    """Where an unclosed " (" starts ("Armenia (Syunik"), so the entity can end before it."""
    at = name.rfind("(")
    if at > 0 and ")" not in name[at:]:
        return at
    return None
