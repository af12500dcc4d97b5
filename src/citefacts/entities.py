"""Named entities: spaCy's NER, with rules that fix its systematic errors, and alias groups."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from citefacts.found import Found
from citefacts.models import EntityValue

NON_ENTITY_LABELS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


def add_entity_rules(nlp: Language) -> None:
    """Add citefacts' entity rules to a loaded pipeline (none yet)."""


def find_entities(doc: Doc) -> list[Found]:
    """Named entities (people, places, organisations, ...) with their canonical names."""
    found = []
    for ent in doc.ents:
        if ent.label_ in NON_ENTITY_LABELS:
            continue
        found.append(Found(ent.start_char, ent.end_char, ent.label_, EntityValue(canonical=ent.text)))
    return found
