from __future__ import annotations

import pytest
from spacy.language import Language

from citefacts.dates_tense import TokenIndex, tense_at


def _tense(nlp: Language, text: str, word: str) -> str:
    doc = nlp(text)
    return tense_at(TokenIndex(doc), text.index(word))


@pytest.mark.parametrize(
    ("text", "ahead"),
    [
        ("The talks, set to resume Monday, were delayed.", True),
        ("The deal is scheduled to close Monday.", True),
        ("The team planned to leave Nairobi on Monday.", True),
        ("The offer had been scheduled to expire Monday.", False),
        ("They will appeal the decision, announced Monday by the agency.", False),
        ("The company said Monday that sales fell.", False),
        ("The talks will resume Monday.", True),
    ],
)
def test_tense_of_the_verb_governing_a_date(nlp: Language, text: str, ahead: bool) -> None:
    assert (_tense(nlp, text, "Monday") == "future") is ahead
