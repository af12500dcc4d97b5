"""Alias groups within one document: every name of one thing gets one canonical name, and one label.

Names are grouped when the gazetteer knows them as one country or demonym ("the US", "United States";
"Armenians", "Armenian"), when the text says so ("Artsakh (Nagorno-Karabakh Republic)", "X, also known
as Y"), when one is the other's acronym ("NKAO", "Nagorno-Karabakh Autonomous Oblast"), and a lone
surname joins the nearest full name that ends with it ("Aliyev" -> "Ilham Aliyev"). A group that the
document treats as a place somewhere ("the region of X", "X Oblast", a country) is typed GPE throughout,
since the small model types the same name differently from one sentence to the next.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from citefacts.entities.cues import initials, is_place_name, list_chains, strong_place_cue
from citefacts.entities.gazetteer import Gazetteer, demonym_of_cue, load_gazetteer, strip_name
from citefacts.mention import DocMention
from citefacts.models import EntityValue

PLACE_LABELS = frozenset({"GPE", "LOC"})
MISTYPED_PLACE_LABELS = frozenset({"PERSON", "ORG"})
CONSISTENT_LABELS = frozenset({"PERSON", "ORG"})
"""Labels one name may be moved between to agree with its other mentions across a document's texts: a place
label comes from the gazetteer or a cue in its own text, which a vote of other texts (footnotes' titles
among them) must not undo; places spread through ``_place_groups`` instead."""
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
"""Labels a lone surname may carry by mistake; it becomes PERSON when a full name in the document ends with it."""
CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s+$")
CAPITALISED_AFTER = re.compile(r"^\s+[A-Z]")
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
PARENTHESIS = re.compile(r"^\s*\(\s*([A-Z][^()\n]{0,80}?)\s*\)")
"""A parenthesis right after a name, holding a name that starts with a capital."""
ALSO_KNOWN = re.compile(r"^\s*,?\s*(?:also known as|also called|officially|formerly|known as|a\.k\.a\.)\s+(?:the\s+)?")
NAME_PARTICLES = frozenset({"de", "da", "di", "del", "van", "von", "der", "al", "bin", "ibn", "bey", "la", "le"})


@dataclass(frozen=True)
class Mention:
    """One DocMention of one text, with the name it is grouped by."""

    text_index: int
    index: int
    found: DocMention
    name: str


class Groups:
    """Union-find over names: ``find`` gives a group's representative name."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, name: str) -> str:
        self.parent.setdefault(name, name)
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def union(self, first: str, second: str) -> None:
        self.parent[self.find(first)] = self.find(second)


def name_key(text: str) -> str:
    """The name a mention is grouped by: no "the", no possessive, no dots in an acronym ("U.S." -> "US")."""
    name = strip_name(text)
    if re.fullmatch(r"(?:[A-Z]\.){2,}", name):
        return name.replace(".", "")
    return name


def apply_aliases(
    found_per_text: list[list[DocMention]], texts: list[str], relabel: bool = True, gazetteer: Gazetteer | None = None
) -> list[list[DocMention]]:
    """The same DocMention lists with one canonical name per alias group and, if ``relabel``, one label per group.

    Relabelling types PERSON/ORG mentions of a place group GPE and lone surnames PERSON.

    ``texts`` are all the texts of one document in order and ``found_per_text[i]`` has offsets into
    ``texts[i]``; only entity Founds are changed, dates and numbers pass through.
    """
    gazetteer = gazetteer or load_gazetteer()
    mentions = [
        Mention(t, i, found, name_key(texts[t][found.start : found.end]))
        for t, founds in enumerate(found_per_text)
        for i, found in enumerate(founds)
        if found.kind == "entity"
    ]
    groups = Groups()
    _link_gazetteer(mentions, groups, gazetteer)
    _link_statements(mentions, texts, groups, gazetteer)
    _link_acronyms(mentions, groups)
    _link_variants(mentions, groups)
    strong, weak = _place_groups(mentions, texts, groups, gazetteer)
    places = strong | weak
    full = [m for m in mentions if m.found.label == "PERSON" and _is_full_name(m.name)]
    full = [m for m in full if groups.find(m.name) not in places and not _runs_on(m, texts)]
    lone = [m for m in mentions if _is_surname(m.name) and gazetteer.lookup(m.name) is None]
    persons = _surname_targets(full, [m for m in lone if groups.find(m.name) not in strong], texts)
    canonical = _canonical_names(mentions, groups, gazetteer)
    result = [list(founds) for founds in found_per_text]
    for mention in mentions:
        person = persons.get((mention.text_index, mention.index))
        key = person or mention.name
        group = groups.find(key)
        label = mention.found.label
        if relabel and person is not None and label in NAME_LABELS:
            label = "PERSON"
        elif relabel and group in places and label in MISTYPED_PLACE_LABELS:
            label = "GPE"
        value = EntityValue(canonical=canonical.get(group, key))
        result[mention.text_index][mention.index] = replace(mention.found, label=label, value=value)
    return _one_type_per_group(result, mentions, groups, persons, places) if relabel else result


def _one_type_per_group(
    result: list[list[DocMention]],
    mentions: list[Mention],
    groups: Groups,
    persons: dict[tuple[int, int], str],
    places: set[str],
) -> list[list[DocMention]]:
    """Every PERSON or ORG mention of a group given the one of the two that a strict majority of them carry,
    across all the document's texts (the rule component does the same within one text, for all name
    types); a group the document treats as a place, or the gazetteer knows, keeps the labels given above."""
    group_of = {(m.text_index, m.index): groups.find(persons.get((m.text_index, m.index)) or m.name) for m in mentions}
    group_of = {key: group for key, group in group_of.items() if group not in places and ":" not in group}
    votes: dict[str, Counter[str]] = {}
    for (text_index, index), group in group_of.items():
        label = result[text_index][index].label
        if label in CONSISTENT_LABELS:
            votes.setdefault(group, Counter())[label] += 1
    for (text_index, index), group in group_of.items():
        found = result[text_index][index]
        count = votes.get(group, Counter())
        if found.label not in CONSISTENT_LABELS or len(count) < 2:
            continue
        (top, first), (_, second) = count.most_common(2)
        if first > second and top != found.label:
            result[text_index][index] = replace(found, label=top)
    return result


def _link_gazetteer(mentions: list[Mention], groups: Groups, gazetteer: Gazetteer) -> None:
    """Names the gazetteer knows as one country or one demonym share a group ("US", "United States"); a
    country code only where the model already typed it a place ("MN" may be a ministry)."""
    for mention in mentions:
        entry = gazetteer.lookup(mention.name)
        if entry is None:
            continue
        labels = PLACE_LABELS if entry.tier == "code" else {entry.label, "ORG", "PERSON", "LOC"}
        if mention.found.label in labels:
            groups.union(mention.name, f"{entry.label}:{entry.canonical}")


def _link_statements(mentions: list[Mention], texts: list[str], groups: Groups, gazetteer: Gazetteer) -> None:
    """ "X (Y)" and "X, also known as Y": the first such statement about a name links it to its alias."""
    stated: set[str] = set()
    by_start = {(m.text_index, m.found.start): m for m in mentions}
    for mention in mentions:
        text = texts[mention.text_index]
        after = text[mention.found.end :]
        alias = None
        match = PARENTHESIS.match(after)
        if match:
            alias = name_key(match.group(1))
        else:
            known = ALSO_KNOWN.match(after)
            other = by_start.get((mention.text_index, mention.found.end + known.end())) if known else None
            alias = other.name if other else None
        if not alias or alias == mention.name or mention.name in stated or alias in stated:
            continue
        if not _may_alias(mention.name, alias, gazetteer):
            continue
        stated.update({mention.name, alias})
        groups.union(alias, mention.name)


def _may_alias(name: str, alias: str, gazetteer: Gazetteer) -> bool:
    """Whether "name (alias)" states an alias rather than a qualifier ("Shusha (Azerbaijan)", "Neil (2020)")."""
    if ACRONYM.match(alias):
        return alias in initials(name)
    first, second = gazetteer.lookup(name), gazetteer.lookup(alias)
    if first is not None or second is not None:
        return first is not None and second is not None and first.canonical == second.canonical
    return not any(ch.isdigit() for ch in alias) and "," not in alias


def _link_acronyms(mentions: list[Mention], groups: Groups) -> None:
    """An acronym joins the one longer name of the document whose initials it spells."""
    names = {m.name for m in mentions}
    for acronym in {name for name in names if ACRONYM.match(name)}:
        expansions = {name for name in names if len(name.split()) > 1 and acronym in initials(name)}
        if len({groups.find(name) for name in expansions}) == 1:
            groups.union(acronym, expansions.pop())


def _link_variants(mentions: list[Mention], groups: Groups) -> None:
    """Names that differ only in hyphens, spaces or case share a group ("Nagorno Karabakh", "Nagorno-Karabakh")."""
    seen: dict[str, str] = {}
    for mention in mentions:
        folded = re.sub(r"[\s\-–]+", " ", mention.name).casefold()
        groups.union(mention.name, seen.setdefault(folded, mention.name))


def _is_full_name(name: str) -> bool:
    """Whether a PERSON name looks like a person's full name: 2-4 capitalised words or name particles."""
    words = name.split()
    return 1 < len(words) <= 4 and all(w[0].isupper() or w.lower() in NAME_PARTICLES for w in words)


def _is_surname(name: str) -> bool:
    """Whether a PERSON name may be a surname alone: one word, or words led by a particle ("de Waal")."""
    words = name.split()
    return len(words) == 1 or (len(words) <= 3 and words[0] in NAME_PARTICLES)


def _surname_targets(full: list[Mention], lone: list[Mention], texts: list[str]) -> dict[tuple[int, int], str]:
    """For each lone surname, the nearest full PERSON name ending with it (before it, else after).

    A lone name the model typed otherwise ("Cornell" ORG beside "Svante Cornell") joins only a full
    name written before it, and only where it stands alone rather than ending a longer name.
    """
    by_last: dict[str, list[Mention]] = {}
    for mention in full:
        by_last.setdefault(mention.name.split()[-1], []).append(mention)
    targets = {}
    for mention in lone:
        candidates = by_last.get(mention.name.split()[-1], [])
        matches = [f for f in candidates if f.name.endswith(" " + mention.name)]
        here = (mention.text_index, mention.found.start)
        before = [f for f in matches if (f.text_index, f.found.start) < here]
        if mention.found.label != "PERSON":
            text = texts[mention.text_index]
            matches = (
                before
                if not CAPITALISED_BEFORE.search(text[max(0, mention.found.start - 40) : mention.found.start])
                else []
            )
        if matches:
            targets[(mention.text_index, mention.index)] = (before[-1] if before else matches[0]).name
    return targets


def _runs_on(mention: Mention, texts: list[str]) -> bool:
    """Whether a capitalised word follows the mention: "John F. Kennedy Space" ends before "Center"."""
    return bool(CAPITALISED_AFTER.match(texts[mention.text_index][mention.found.end : mention.found.end + 40]))


def _canonical_names(mentions: list[Mention], groups: Groups, gazetteer: Gazetteer) -> dict[str, str]:
    """Each group's canonical name: the gazetteer's, else its most frequent full name (the longer on a tie)."""
    counts: dict[str, Counter[str]] = {}
    for mention in mentions:
        counts.setdefault(groups.find(mention.name), Counter())[mention.name] += 1
    canonical = {}
    for group, names in counts.items():
        if ":" in group and group.split(":", 1)[0] in {"GPE", "NORP"}:
            canonical[group] = group.split(":", 1)[1]
            continue
        full = {name: n for name, n in names.items() if not ACRONYM.match(name)} or names
        canonical[group] = max(full, key=lambda name: (full[name], len(name)))
    return canonical


def _place_groups(
    mentions: list[Mention], texts: list[str], groups: Groups, gazetteer: Gazetteer
) -> tuple[set[str], set[str]]:
    """Groups the document treats as places, as (strong, weak) evidence.

    Strong: a trusted place name, a place cue in the text, a place name of its own or built on it.
    Weak: a known town typed GPE, or typed GPE/LOC mostly; a full person name outweighs it.
    """
    strong: set[str] = set()
    weak: set[str] = set()
    place_names = [m.name for m in mentions if m.found.label in PLACE_LABELS and is_place_name(m.name)]
    votes: dict[str, Counter[str]] = {}
    for mention in mentions:
        group = groups.find(mention.name)
        label = mention.found.label
        votes.setdefault(group, Counter())["place" if label in PLACE_LABELS else label] += 1
        entry = gazetteer.lookup(mention.name)
        text, start, end = texts[mention.text_index], mention.found.start, mention.found.end
        if (
            (entry is not None and entry.label == "GPE" and (entry.tier != "code" or label in PLACE_LABELS))
            or strong_place_cue(text, start, end)
            or demonym_of_cue(text, start, gazetteer)
            or is_place_name(mention.name)
            or any(_built_on(place, mention.name) for place in place_names)
        ):
            strong.add(group)
        elif label in PLACE_LABELS and mention.name in gazetteer.places:
            weak.add(group)
    for group, count in votes.items():
        if count["place"] >= 2 and count["place"] > count["PERSON"] + count["ORG"]:
            weak.add(group)
    weak |= _listed_with_places(mentions, texts, groups, strong | weak, gazetteer)
    return strong, weak - strong


def _listed_with_places(
    mentions: list[Mention], texts: list[str], groups: Groups, places: set[str], gazetteer: Gazetteer
) -> set[str]:
    """Groups of PERSON/ORG names listed among places: at least half the rest of a list, or the town in a
    pair ("Shusha and Hadrut"; a country beside a name is no evidence: "Armenia and Pashinyan")."""
    found: set[str] = set()
    by_text: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_text.setdefault(mention.text_index, []).append(mention)
    for index, members in by_text.items():
        members.sort(key=lambda m: m.found.start)
        bounds = [(m.found.start, m.found.end) for m in members]
        for chain in list_chains(texts[index], bounds):
            listed = [members[i] for i in chain]
            placed = [m for m in listed if groups.find(m.name) in places]
            for mention in listed:
                others = [m for m in placed if m is not mention]
                if mention in placed or not others or not _may_be_listed_place(mention, gazetteer):
                    continue
                towns = [m for m in others if m.name in gazetteer.places]
                if (len(listed) == 2 and towns) or (len(listed) > 2 and 2 * len(others) >= len(listed) - 1):
                    found.add(groups.find(mention.name))
    return found


def _may_be_listed_place(mention: Mention, gazetteer: Gazetteer) -> bool:
    """A PERSON/ORG name that a list may make a place: a known town, or one bare capitalised word
    ("Hadrut", not "European Parliament" or "OSCE")."""
    name = mention.name
    if mention.found.label not in MISTYPED_PLACE_LABELS:
        return False
    return gazetteer.is_place(name) or (" " not in name and name.istitle() and not name.isupper())


def _built_on(place: str, name: str) -> bool:
    """Whether a political place name is built on ``name``: "X Autonomous Oblast", "Republic of X"."""
    return place != name and (place.startswith(name + " ") or place.endswith(" of " + name))
