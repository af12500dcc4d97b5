"""What a name's own head word says it names: an organisation ("... Party", "University of ..."), a
building or site ("... Park", "... Station"), or a natural place ("... River", "Port of ...").

A name's head is the word before its first "of" ("University of Westminster", "Port of Liverpool"), else
its last word ("Fiji Labour Party"). These are plain string functions, so the spaCy component and
the tests read names the same way.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """The words of a list written one after another, as a set."""
    return frozenset(text.split())


ORG_HEADS = _words(
    """
    Inc Inc. Ltd Ltd. Corp Corp. Co. LLC plc PLC GmbH AG Corporation Company Companies Holdings Group Bank
    Party Army Navy Corps Fleet Division Brigade Regiment Battalion Squadron Wing Command Guard Police Militia
    University College Institute Academy School Schools Seminary Society Association League Federation
    Council Committee Commission Agency Ministry Department Bureau Board Trust Foundation Fund
    Organization Organisation Club Records Orchestra Choir Ensemble Parliament Congress Senate Assembly
    Government Administration Authority Service Services Airlines Airways Railways Scouts Guides
    Alliance Coalition Front Network Institution Laboratory Laboratories Syndicate Cooperative Consortium
    Brotherhood Sisterhood Fellowship Secretariat Directorate Office
    """
)
"""Head words of organisations' names ("Fiji Labour Party", "University of Westminster", "Acme Ltd."); not "Union",
which heads countries too ("Soviet Union")."""
FORCE_WORDS = frozenset({"Force", "Forces"})
"""Words that make an armed service with the word before them ("Air Force", "Defence Forces")."""
UNIT_HEADS = frozenset(
    {"Army", "Navy", "Corps", "Fleet", "Division", "Brigade", "Regiment", "Battalion", "Squadron", "Wing", "Force"}
)
"""Heads of military units, which take a number or ordinal before them ("65th Air Division", "Sixth Fleet")."""
SITE_HEADS = _words(
    """
    Square Street Avenue Boulevard Road Lane Place Bridge Station Airport Aerodrome Dock Docks Harbour Harbor
    Pier Stadium Arena Gym Gymnasium Pavilion Tower Playfield Prison Castle Palace Cathedral Abbey Circuit
    Corner Building Plaza Tunnel Canal Reservoir Dam Mall Cemetery Racecourse Speedway Quay Wharf Terminal
    """
)
"""Head words of buildings and sites ("Nagle Place", "Clarence Dock", "Davis Gym"): FAC, a place (LOC) for CoNLL."""
SURNAME_SITE_HEADS = frozenset({"Park", "Hall", "Field", "Hill", "Lake", "Green", "Gardens"})
"""Site heads that are also surnames ("Nick Park", "Arsenio Hall"): trusted on a name of three words or more."""
NATURE_HEADS = _words(
    """
    River Sea Ocean Bay Gulf Strait Straits Island Islands Isle Mountain Mountains Mount Range Valley
    Cave Caves Forest Desert Peninsula Coast Glacier Falls Creek Basin Plateau Archipelago Lagoon Fjord Port
    """
)
"""Head words of natural places and ports ("Rhine River", "Port of Liverpool", "Ayalon Cave"): LOC."""
CONNECTORS = frozenset({"of", "and", "&", "for", "the", "de", "du", "des", "la", "le", "upon", "on", "in"})
"""Lower-case words that may stand inside a name ("League of Rights", "Newcastle upon Tyne")."""
UNIT_NUMBER = re.compile(r"^(?:\d+|[IVX]+)$")
"""What numbers a military unit inside its name: "65" or "VIII" ("65 Fighter Wing"). Not an ordinal ("65th",
"Fourth"): the numbers stage reads those as ordinals, and extraction keeps a number over a name it overlaps."""


def head_word(words: list[str]) -> str:
    """The head of a name's words: the word before its first "of", else its last word ("" for no words)."""
    if "of" in words[1:]:
        return words[words.index("of", 1) - 1]
    return words[-1] if words else ""


def head_label(words: list[str]) -> str | None:
    """The label a name's head gives it (ORG, FAC or LOC), or None if the head says nothing.

    A surname-like site head ("Park", "Hall") counts only as the last of three words or more, since "Nick
    Park" names a person and a "Hall of Fame" an institution; "Air Force" and "Defence Forces" are ORG.
    """
    if len(words) < 2:
        return None
    head = head_word(words)
    if head in ORG_HEADS or (head in FORCE_WORDS and len(words) > 1):
        return "ORG"
    if head in SITE_HEADS or (head in SURNAME_SITE_HEADS and head == words[-1] and len(words) > 2):
        return "FAC"
    if head in NATURE_HEADS or words[0] in {"Mount", "Lake", "Port", "Cape", "Isle"}:
        return "LOC"
    return None


def is_unit(words: list[str]) -> bool:
    """Whether a name is a military unit, which may carry a number before it ("Air Division", "Sixth Fleet")."""
    return bool(words) and words[-1] in UNIT_HEADS
