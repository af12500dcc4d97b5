"""Percent signs and units of measure: the surface forms that make a number a percentage or a quantity.

Each form maps to "%" or to a unit name ("km" and "kilometres" to "kilometre"), the name written to the
output; case matters for short symbols ("m" is a metre, "M" a million), not for spelled-out words.
"""

from __future__ import annotations

PERCENT_WORDS = frozenset({"percent", "percents", "percentage", "pct", "per cent", "per-cent"})

_LENGTH_WORDS = {
    "metre": "metre",
    "meter": "metre",
    "kilometre": "kilometre",
    "kilometer": "kilometre",
    "centimetre": "centimetre",
    "centimeter": "centimetre",
    "millimetre": "millimetre",
    "millimeter": "millimetre",
    "micrometre": "micrometre",
    "micrometer": "micrometre",
    "nanometre": "nanometre",
    "nanometer": "nanometre",
    "picometre": "picometre",
    "picometer": "picometre",
    "decimetre": "decimetre",
    "decimeter": "decimetre",
    "inch": "inch",
    "inche": "inch",
    "foot": "foot",
    "feet": "foot",
    "yard": "yard",
    "mile": "mile",
    "light year": "light-year",
    "light-year": "light-year",
    "parsec": "parsec",
    "nautical mile": "nautical mile",
}
_MEASURE_WORDS = {
    "gram": "gram",
    "gramme": "gram",
    "kilogram": "kilogram",
    "kilogramme": "kilogram",
    "milligram": "milligram",
    "microgram": "microgram",
    "tonne": "tonne",
    "ton": "ton",
    "metric ton": "tonne",
    "pound": "pound",
    "ounce": "ounce",
    "stone": "stone",
    "carat": "carat",
    "litre": "litre",
    "liter": "litre",
    "millilitre": "millilitre",
    "milliliter": "millilitre",
    "gallon": "gallon",
    "barrel": "barrel",
    "pint": "pint",
    "teaspoon": "teaspoon",
    "tablespoon": "tablespoon",
    "acre": "acre",
    "hectare": "hectare",
    "degree": "degree",
    "radian": "radian",
    "turn": "turn",
    "bit": "bit",
    "byte": "byte",
    "kilobyte": "kilobyte",
    "megabyte": "megabyte",
    "gigabyte": "gigabyte",
    "terabyte": "terabyte",
    "petabyte": "petabyte",
    "exabyte": "exabyte",
    "electronvolt": "electronvolt",
    "watt": "watt",
    "kilowatt": "kilowatt",
    "megawatt": "megawatt",
    "gigawatt": "gigawatt",
    "volt": "volt",
    "hertz": "hertz",
    "calorie": "calorie",
    "joule": "joule",
    "knot": "knot",
    "horsepower": "horsepower",
    "storey": "storey",
    "ampere": "ampere",
    "amp": "ampere",
    "ohm": "ohm",
    "newton": "newton",
    "pascal": "pascal",
    "kelvin": "kelvin",
    "decibel": "decibel",
    "atmosphere": "atmosphere",
    "quart": "quart",
    "cup": "cup",
    "bushel": "bushel",
    "fluid ounce": "fluid ounce",
    "fl oz": "fluid ounce",
    "astronomical unit": "astronomical unit",
    "degree celsius": "degree Celsius",
    "degrees celsius": "degree Celsius",
    "degree centigrade": "degree Celsius",
    "degrees centigrade": "degree Celsius",
    "degree fahrenheit": "degree Fahrenheit",
    "degrees fahrenheit": "degree Fahrenheit",
    "kilocalorie": "kilocalorie",
    "kilowatt hour": "kilowatt hour",
    "kilowatt-hour": "kilowatt hour",
}
_TIME_WORDS = {
    "second": "second",
    "s": "second",
    "sec": "second",
    "minute": "minute",
    "min": "minute",
    "hour": "hour",
    "h": "hour",
    "hr": "hour",
    "millisecond": "millisecond",
    "ms": "millisecond",
    "day": "day",
    "year": "year",
}
"""Units of time: they take a number only after "per" or "/" ("km/h"); durations are dates' business."""

UNIT_SYMBOLS: dict[str, str] = {
    "m": "metre",
    "km": "kilometre",
    "cm": "centimetre",
    "mm": "millimetre",
    "μm": "micrometre",
    "µm": "micrometre",
    "nm": "nanometre",
    "dm": "decimetre",
    "ft": "foot",
    "yd": "yard",
    "mi": "mile",
    "kg": "kilogram",
    "g": "gram",
    "mg": "milligram",
    "μg": "microgram",
    "µg": "microgram",
    "mcg": "microgram",
    "t": "tonne",
    "lb": "pound",
    "lbs": "pound",
    "oz": "ounce",
    "l": "litre",
    "L": "litre",
    "ml": "millilitre",
    "mL": "millilitre",
    "ha": "hectare",
    "km2": "square kilometre",
    "km²": "square kilometre",
    "m2": "square metre",
    "m²": "square metre",
    "m³": "cubic metre",
    "mph": "mile per hour",
    "kph": "kilometre per hour",
    "rad": "radian",
    "kB": "kilobyte",
    "KB": "kilobyte",
    "MB": "megabyte",
    "GB": "gigabyte",
    "TB": "terabyte",
    "PB": "petabyte",
    "EB": "exabyte",
    "eV": "electronvolt",
    "keV": "kiloelectronvolt",
    "MeV": "megaelectronvolt",
    "GeV": "gigaelectronvolt",
    "TeV": "teraelectronvolt",
    "kW": "kilowatt",
    "MW": "megawatt",
    "GW": "gigawatt",
    "kWh": "kilowatt hour",
    "Hz": "hertz",
    "kHz": "kilohertz",
    "MHz": "megahertz",
    "GHz": "gigahertz",
    "°": "degree",
    "°C": "degree Celsius",
    "°F": "degree Fahrenheit",
    "psi": "pound per square inch",
    "atm": "atmosphere",
    "mmHg": "millimetre of mercury",
    "dB": "decibel",
    "kcal": "kilocalorie",
    "rpm": "revolution per minute",
    "ppm": "part per million",
    "ppb": "part per billion",
    "cc": "cubic centimetre",
    "tsp": "teaspoon",
    "tbsp": "tablespoon",
    "gal": "gallon",
    "qt": "quart",
    "hp": "horsepower",
    "bhp": "horsepower",
    "KiB": "kibibyte",
    "MiB": "mebibyte",
    "GiB": "gibibyte",
    "TiB": "tebibyte",
    "Ω": "ohm",
    "mA": "milliampere",
    "kA": "kiloampere",
    "µA": "microampere",
    "μA": "microampere",
    "mAh": "milliampere hour",
    "cl": "centilitre",
    "dl": "decilitre",
    "Ma": "megayear",
    "Ga": "gigayear",
    "Myr": "megayear",
    "Gyr": "gigayear",
}
_SI_PREFIXES = {
    "k": "kilo",
    "M": "mega",
    "G": "giga",
    "T": "tera",
    "h": "hecto",
    "c": "centi",
    "m": "milli",
    "µ": "micro",
    "μ": "micro",
    "u": "micro",
    "n": "nano",
}
"""SI prefixes written against a symbol ("kPa", "mV", "GWh"); case matters ("M" mega, "m" milli)."""
_PREFIXABLE_SYMBOLS = {
    "W": "watt",
    "Wh": "watt hour",
    "V": "volt",
    "Hz": "hertz",
    "J": "joule",
    "N": "newton",
    "Pa": "pascal",
    "Ω": "ohm",
    "eV": "electronvolt",
    "g": "gram",
    "L": "litre",
    "l": "litre",
    "B": "byte",
    "bps": "bit per second",
    "t": "tonne",
    "cal": "calorie",
    "Gy": "gray",
    "Sv": "sievert",
    "Bq": "becquerel",
    "mol": "mole",
}
"""Symbols an SI prefix may stand before; alone, only those in _BARE_SYMBOLS are units ("5 A" is not)."""
_BARE_SYMBOLS = frozenset(["Wh", "V", "Hz", "J", "Pa", "Ω", "eV", "bps", "cal", "Gy", "Sv", "Bq", "mol"])
"""Symbols that are units alone after a number: not "W" (west), "N" (north), "B" (billion), "g", "t"."""
_NO_PREFIXED = frozenset(["Mt", "kt", "TV", "TL", "MN", "TN", "Mg", "mt", "ct", "ht"])
"""Prefixed forms that are more often something else: "Mt" (mount), "kt" (knots), "TV", "TL" (lira),
"MN" and "TN" (states), "Mg" (magnesium)."""
SI_PREFIX_WORDS = ("kilo", "mega", "giga", "tera", "centi", "milli", "micro", "nano", "hecto", "deci")
_PREFIXABLE_NAMES = frozenset(
    [
        "watt",
        "volt",
        "ampere",
        "amp",
        "hertz",
        "joule",
        "newton",
        "pascal",
        "ohm",
        "ton",
        "tonne",
        "calorie",
        "litre",
        "liter",
        "byte",
        "bit",
        "gram",
        "metre",
        "meter",
        "electronvolt",
    ]
)
"""Unit names a spelled-out SI prefix may stand before ("kilojoules", "megatons", "microamps")."""

AREA_PREFIXES = {"square": "square", "sq": "square", "cubic": "cubic", "cu": "cubic"}


def unit_word(word: str) -> str | None:
    """The unit a spelled-out word names ("kilometres" -> "kilometre", "megatons" -> "megaton"), or None."""
    lower = word.lower()
    for table in (_LENGTH_WORDS, _MEASURE_WORDS):
        if lower in table:
            return table[lower]
        if lower.endswith("es") and lower[:-2] in table:
            return table[lower[:-2]]
        if lower.endswith("s") and lower[:-1] in table:
            return table[lower[:-1]]
    for prefix in SI_PREFIX_WORDS:
        if lower.startswith(prefix) and len(lower) > len(prefix) + 2:
            name = lower[len(prefix) :]
            name = name[:-1] if name.endswith("s") and name[:-1] in _PREFIXABLE_NAMES else name
            if name in _PREFIXABLE_NAMES:
                base = unit_word(name)
                return prefix + (base or name)
    return None


def rate_symbol(text: str) -> str | None:
    """The unit a symbol names before "/" ("W/min", "N/m", "g/L"), where letters that are not units alone
    ("W", "N", "g") are units too."""
    return unit_symbol(text) or _PREFIXABLE_SYMBOLS.get(text)


def unit_symbol(text: str) -> str | None:
    """The unit a symbol names, listed ("km", "°C") or an SI prefix and a symbol ("kPa", "GWh", "µA"), or None."""
    if text in UNIT_SYMBOLS:
        return UNIT_SYMBOLS[text]
    if text in _BARE_SYMBOLS:
        return _PREFIXABLE_SYMBOLS[text]
    if len(text) > 1 and text[0] in _SI_PREFIXES and text[1:] in _PREFIXABLE_SYMBOLS and text not in _NO_PREFIXED:
        return _SI_PREFIXES[text[0]] + _PREFIXABLE_SYMBOLS[text[1:]]
    return None


def length_unit(word: str) -> str | None:
    """A unit of length, by word or symbol, for "square ..." and "cubic ..."."""
    found = UNIT_SYMBOLS.get(word) if word in ("m", "km", "cm", "mm", "ft", "mi", "yd", "in") else None
    if word == "in":
        return "inch"
    return found or (unit_word(word) if unit_word(word) in set(_LENGTH_WORDS.values()) else None)


def time_unit(word: str) -> str | None:
    """A unit of time by word or symbol ("hours", "min", "s"), for rates ("km/h", "metres per second")."""
    lower = word.lower()
    return _TIME_WORDS.get(lower) or (_TIME_WORDS.get(lower[:-1]) if lower.endswith("s") and len(lower) > 3 else None)


def unit_names() -> set[str]:
    """Every unit name the words and symbols above give, before "square", "cubic" and "per" combine them."""
    names = {*_LENGTH_WORDS.values(), *_MEASURE_WORDS.values(), *_TIME_WORDS.values(), *UNIT_SYMBOLS.values()}
    names |= {prefix + name for prefix in ("", *_SI_PREFIXES.values()) for name in _PREFIXABLE_SYMBOLS.values()}
    names |= {prefix + (unit_word(name) or name) for prefix in SI_PREFIX_WORDS for name in _PREFIXABLE_NAMES}
    return names
