"""Numbers: cardinals, ranges, money, percentages, quantities and ordinals, normalized to values.

``tokens`` splits text as numbers read, ``numeral`` reads one numeral (its steps in ``numeral_steps``,
with ``fraction_words``), ``quantity`` types it with a currency (``currencies``) or a unit of measure
(``units``), ``ranges`` joins ranges and bounds, and ``find`` decides which readings of a Doc are numbers
worth reporting. ``conversion`` gives each unit name its pint unit, for comparing quantities.
"""

from citefacts.numbers.find import find_numbers, parse_number, scan, words_to_number

__all__ = ["find_numbers", "parse_number", "scan", "words_to_number"]
