"""Checking: does a footnote's text hold the value a sentence states?

``verdict`` judges each claimed date and number by the footnote's values, which ``candidates`` lists:
each read for checking by ``reading`` (kind, unit, qualifier) into ``values``, compared as intervals by
``compare``, and matched by what they are about by ``context``.
"""

from citefacts.check.verdict import NOT_COMPARABLE, check_value, fact_status, numbers_agree

__all__ = ["NOT_COMPARABLE", "check_value", "fact_status", "numbers_agree"]
