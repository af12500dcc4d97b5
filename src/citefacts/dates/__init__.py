"""Dates: time expressions found (TimeML TIMEX3) and normalized to values and calendar intervals.

``find`` runs the rules (``calendar``, ``durations``, ``relative``) over a Doc and resolves each
``draft`` against the document date and the narrative (``resolve``, ``values``); ``tense`` reads
what spaCy's parse adds; ``lexicon`` and ``patterns`` hold the vocabulary.
"""

from citefacts.dates.find import DateContext, find_dates, normalize, scan

__all__ = ["DateContext", "find_dates", "normalize", "scan"]
