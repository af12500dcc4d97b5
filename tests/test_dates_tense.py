from __future__ import annotations

import pytest
from spacy.language import Language

from citefacts.dates.tense import TokenIndex, is_aside, tense_at


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
        ("The envoys would be ready to fly home on Monday, an aide said.", True),
        ("The ferry may sail as soon as Monday.", True),
        ("The mayor could not be reached Monday.", False),
        ("Neither the owner nor his son could be found Monday.", False),
        ("The ferry could sail Monday.", True),
        ("The ban had been due to lapse Monday.", False),
        ("Fans would try to overturn Monday's verdict.", False),
    ],
)
def test_tense_of_the_verb_governing_a_date(nlp: Language, text: str, ahead: bool) -> None:
    assert (_tense(nlp, text, "Monday") == "future") is ahead


@pytest.mark.parametrize(
    ("text", "date_text", "aside"),
    [
        ("Deaths rose (as of December 5, 2006) sharply.", "December 5, 2006", True),
        ("Thrace had been Persian since 513 BC.", "513 BC", True),
        ("In 492 BC the fleet sailed.", "492 BC", False),
        ("The Battle of Inchon (15 September 1950) followed.", "15 September 1950", True),
    ],
)
def test_asides(text: str, date_text: str, aside: bool) -> None:
    start = text.index(date_text)
    assert is_aside(text, start, start + len(date_text)) is aside
