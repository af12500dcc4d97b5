"""Linking: which footnotes support a sentence, when the source carries no markers.

``place`` turns the ``evidence`` of each (footnote, sentence) pair into calibrated probabilities of
first citation with the monotone ``align``ment, and keeps the links that clear a precision-first
threshold.
"""

from citefacts.link.fixed import Fixed
from citefacts.link.place import (
    CALIBRATION,
    CANDIDATE_FLOOR,
    CANDIDATES,
    ELSEWHERE,
    SAME_SENTENCE,
    SUGGESTION_FLOOR,
    THRESHOLD,
    WEIGHTS,
    Links,
    Placements,
    Ranked,
    by_sentence,
    calibrate,
    candidates,
    features,
    first_citations,
    link,
    placements,
    select,
)

__all__ = [
    "CALIBRATION",
    "CANDIDATES",
    "CANDIDATE_FLOOR",
    "ELSEWHERE",
    "SAME_SENTENCE",
    "SUGGESTION_FLOOR",
    "THRESHOLD",
    "WEIGHTS",
    "Fixed",
    "Links",
    "Placements",
    "Ranked",
    "by_sentence",
    "calibrate",
    "candidates",
    "features",
    "first_citations",
    "link",
    "placements",
    "select",
]
