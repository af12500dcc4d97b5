"""Numbers: cardinals, ranges, money, percentages, quantities and ordinals, normalized to values.

``tokens`` splits text as numbers read, ``numeral`` reads one numeral (its steps in ``numeral_steps``,
with ``fraction_words``), ``quantity`` types it with a currency (``currencies``) or a unit of measure
(``units``), ``ranges`` joins ranges and bounds (their words in ``bounds``), and ``find`` decides which readings of a Doc are numbers
worth reporting; ``claims`` tells extraction which dates a number reading takes in as figures ("more
than 1000", "1000 - 5000 people"). ``conversion`` gives each unit name its pint unit, for comparing quantities.
"""

from citefacts.numbers.claims import dates_read_as_numbers
from citefacts.numbers.find import find_numbers, parse_number, scan, words_to_number

__all__ = ["dates_read_as_numbers", "find_numbers", "parse_number", "scan", "words_to_number"]
