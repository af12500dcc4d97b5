"""Named entities: spaCy's NER, with rules that fix its systematic errors, and alias groups.

The rules live in ``rules`` (a spaCy component after ``ner``, added by ``citefacts.nlp.load_model``),
the names they trust in ``gazetteer``, the text cues in ``cues``, a name's bounds in ``bounds``, what its
head word says in ``heads``, names typed by their own words in ``names`` and by a role or kind beside
them in ``people``, one type per name through a text in ``document``, and the alias groups across a
document's texts in ``aliases``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from citefacts.entities.aliases import apply_aliases
from citefacts.entities.gazetteer import strip_name
from citefacts.mention import DocMention
from citefacts.models import EntityValue

__all__ = ["NON_ENTITY_LABELS", "apply_aliases", "find_entities"]

NON_ENTITY_LABELS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


def find_entities(doc: Doc) -> list[DocMention]:
    """Named entities (people, places, organisations, ...) with their own name as canonical ("the US" -> "US").

    Canonical names shared across a document come later, from ``apply_aliases`` over all its texts.
    """
    found = []
    for ent in doc.ents:
        if ent.label_ in NON_ENTITY_LABELS:
            continue
        found.append(DocMention(ent.start_char, ent.end_char, ent.label_, EntityValue(canonical=strip_name(ent.text))))
    return found
