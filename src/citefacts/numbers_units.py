"""Currencies, percent signs and units of measure: the vocabulary that types a number.

Surface forms map to a currency code (money), "%" (percent) or a unit name (quantity). Case matters
for short symbols ("m" is a metre, "M" a million), not for spelled-out words.
"""

from __future__ import annotations

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₺": "TRY",
    "₩": "KRW",
    "₡": "CRC",
    "₭": "LAK",
    "₦": "NGN",
    "₱": "PHP",
    "₪": "ILS",
    "₫": "VND",
    "₴": "UAH",
    "฿": "THB",
    "₼": "AZN",
    "֏": "AMD",
    "₾": "GEL",
}
DOLLAR_PREFIXES: dict[str, str] = {
    "us": "USD",
    "usd": "USD",
    "c": "CAD",
    "ca": "CAD",
    "can": "CAD",
    "cad": "CAD",
    "a": "AUD",
    "au": "AUD",
    "aud": "AUD",
    "nz": "NZD",
    "hk": "HKD",
    "s": "SGD",
    "r": "BRL",
    "mex": "MXN",
    "mxn": "MXN",
}
"""Letters written before "$" that say which dollar ("US$", "C$", "Mex$")."""

ISO_CODES = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "JPY",
        "CNY",
        "RMB",
        "RUB",
        "AZN",
        "AMD",
        "GEL",
        "INR",
        "CAD",
        "AUD",
        "CHF",
        "SEK",
        "NOK",
        "DKK",
        "MXN",
        "BRL",
        "ZAR",
        "KRW",
        "HKD",
        "SGD",
        "NZD",
        "IRR",
        "TRY",
        "PLN",
        "CZK",
        "HUF",
        "UAH",
        "ILS",
        "SAR",
        "AED",
        "EGP",
        "NGN",
        "KES",
        "PKR",
        "BDT",
        "IDR",
        "THB",
        "VND",
        "PHP",
        "MYR",
        "ARS",
        "CLP",
        "COP",
        "PEN",
    ]
)
_LOWER_CODE_EXCLUDED = frozenset({"try", "amd", "cad", "pen", "irr", "sar"})
"""Codes that are also English words or names, accepted only in capitals."""

CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "buck": "USD",
    "bucks": "USD",
    "us dollar": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "canadian dollar": "CAD",
    "canadian dollars": "CAD",
    "australian dollar": "AUD",
    "australian dollars": "AUD",
    "cent": "USD_CENT",
    "cents": "USD_CENT",
    "euro": "EUR",
    "euros": "EUR",
    "pound sterling": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "pence": "GBP_PENNY",
    "penny": "GBP_PENNY",
    "yen": "JPY",
    "yuan": "CNY",
    "chinese yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "kuai": "CNY",
    "franc": "FRF",
    "francs": "FRF",
    "swiss francs": "CHF",
    "mark": "DEM",
    "marks": "DEM",
    "deutsche marks": "DEM",
    "rupee": "INR",
    "rupees": "INR",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "manat": "AZN",
    "manats": "AZN",
    "dram": "AMD",
    "drams": "AMD",
    "lari": "GEL",
    "lira": "TRY",
    "liras": "TRY",
    "lire": "ITL",
    "turkish lira": "TRY",
    "peso": "MXN",
    "pesos": "MXN",
    "won": "KRW",
    "rial": "IRR",
    "rials": "IRR",
    "shekel": "ILS",
    "shekels": "ILS",
    "bitcoin": "BTC",
    "bitcoins": "BTC",
    "satoshi": "BTC_SATOSHI",
    "satoshis": "BTC_SATOSHI",
}
CENT_UNITS = frozenset({"cent", "cents", "pence", "penny"})
PERCENT_WORDS = frozenset({"percent", "percents", "percentage", "pct", "per cent", "per-cent"})

_LENGTHS = {
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
_OTHERS = {
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
}
_TIMES = {
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
}
AREA_PREFIXES = {"square": "square", "sq": "square", "cubic": "cubic", "cu": "cubic"}


def unit_word(word: str) -> str | None:
    """The unit a spelled-out word names ("kilometres" -> "kilometre"), or None."""
    lower = word.lower()
    for table in (_LENGTHS, _OTHERS):
        if lower in table:
            return table[lower]
        if lower.endswith("es") and lower[:-2] in table:
            return table[lower[:-2]]
        if lower.endswith("s") and lower[:-1] in table:
            return table[lower[:-1]]
    return None


def length_unit(word: str) -> str | None:
    """A unit of length, by word or symbol, for "square ..." and "cubic ..."."""
    found = UNIT_SYMBOLS.get(word) if word in ("m", "km", "cm", "mm", "ft", "mi", "yd", "in") else None
    if word == "in":
        return "inch"
    return found or (unit_word(word) if unit_word(word) in set(_LENGTHS.values()) else None)


def time_unit(word: str) -> str | None:
    lower = word.lower()
    return _TIMES.get(lower) or (_TIMES.get(lower[:-1]) if lower.endswith("s") and len(lower) > 3 else None)


def currency_code(text: str, upper_only: bool = False) -> str | None:
    """The currency an ISO code or currency word names ("USD", "euros", "rmb"), or None."""
    if text.upper() in ISO_CODES and (text.isupper() or (not upper_only and text not in _LOWER_CODE_EXCLUDED)):
        return "CNY" if text.upper() == "RMB" else text.upper()
    return None if upper_only else CURRENCY_WORDS.get(text.lower())
