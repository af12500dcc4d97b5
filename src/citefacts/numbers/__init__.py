"""Numbers: cardinals, ranges, money, percentages, quantities and ordinals, normalized to values.

``tokens`` splits text as numbers read, ``numeral`` reads one numeral (its steps in ``numeral_steps``, with ``fraction_words``),
``quantity`` types it with a currency or unit (``units``), ``ranges`` joins ranges and bounds, and
``find`` decides which readings of a Doc are numbers worth reporting.
"""

from citefacts.numbers.find import find_numbers, parse_number, scan, words_to_number

__all__ = ["find_numbers", "parse_number", "scan", "words_to_number"]
