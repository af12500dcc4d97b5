"""English names of the 176 languages fastText's language identification model (lid.176) knows.

A refusal names the language it found ("written in Norwegian Nynorsk (nn)"), so a user sees at once
whether the guess is right; a code alone ("nn") would send them to look it up. The model's "no" is Norwegian
as the Norwegian Wikipedia writes it: Bokmål.
"""

from __future__ import annotations

LANGUAGE_NAMES: dict[str, str] = {
    "af": "Afrikaans", "als": "Alemannic German", "am": "Amharic", "an": "Aragonese", "ar": "Arabic",
    "arz": "Egyptian Arabic", "as": "Assamese", "ast": "Asturian", "av": "Avaric", "az": "Azerbaijani",
    "azb": "South Azerbaijani", "ba": "Bashkir", "bar": "Bavarian", "bcl": "Central Bikol", "be": "Belarusian",
    "bg": "Bulgarian", "bh": "Bihari", "bn": "Bengali", "bo": "Tibetan", "bpy": "Bishnupriya", "br": "Breton",
    "bs": "Bosnian", "bxr": "Russia Buriat", "ca": "Catalan", "cbk": "Chavacano", "ce": "Chechen",
    "ceb": "Cebuano", "ckb": "Central Kurdish", "co": "Corsican", "cs": "Czech", "cv": "Chuvash", "cy": "Welsh",
    "da": "Danish", "de": "German", "diq": "Dimli", "dsb": "Lower Sorbian", "dty": "Doteli", "dv": "Dhivehi",
    "el": "Greek", "eml": "Emilian-Romagnol", "en": "English", "eo": "Esperanto", "es": "Spanish",
    "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French", "frr": "North Frisian",
    "fy": "West Frisian", "ga": "Irish", "gd": "Scottish Gaelic", "gl": "Galician", "gn": "Guarani",
    "gom": "Goan Konkani", "gu": "Gujarati", "gv": "Manx", "he": "Hebrew", "hi": "Hindi", "hif": "Fiji Hindi",
    "hr": "Croatian", "hsb": "Upper Sorbian", "ht": "Haitian Creole", "hu": "Hungarian", "hy": "Armenian",
    "ia": "Interlingua", "id": "Indonesian", "ie": "Interlingue", "ilo": "Iloko", "io": "Ido", "is": "Icelandic",
    "it": "Italian", "ja": "Japanese", "jbo": "Lojban", "jv": "Javanese", "ka": "Georgian", "kk": "Kazakh",
    "km": "Khmer", "kn": "Kannada", "ko": "Korean", "krc": "Karachay-Balkar", "ku": "Kurdish", "kv": "Komi",
    "kw": "Cornish", "ky": "Kyrgyz", "la": "Latin", "lb": "Luxembourgish", "lez": "Lezghian", "li": "Limburgish",
    "lmo": "Lombard", "lo": "Lao", "lrc": "Northern Luri", "lt": "Lithuanian", "lv": "Latvian", "mai": "Maithili",
    "mg": "Malagasy", "mhr": "Eastern Mari", "min": "Minangkabau", "mk": "Macedonian", "ml": "Malayalam",
    "mn": "Mongolian", "mr": "Marathi", "mrj": "Western Mari", "ms": "Malay", "mt": "Maltese", "mwl": "Mirandese",
    "my": "Burmese", "myv": "Erzya", "mzn": "Mazanderani", "nah": "Nahuatl", "nap": "Neapolitan",
    "nds": "Low German", "ne": "Nepali", "new": "Newari", "nl": "Dutch", "nn": "Norwegian Nynorsk",
    "no": "Norwegian Bokmål", "oc": "Occitan", "or": "Odia", "os": "Ossetian", "pa": "Punjabi", "pam": "Pampanga",
    "pfl": "Palatine German", "pl": "Polish", "pms": "Piedmontese", "pnb": "Western Punjabi", "ps": "Pashto",
    "pt": "Portuguese", "qu": "Quechua", "rm": "Romansh", "ro": "Romanian", "ru": "Russian", "rue": "Rusyn",
    "sa": "Sanskrit", "sah": "Sakha", "sc": "Sardinian", "scn": "Sicilian", "sco": "Scots", "sd": "Sindhi",
    "sh": "Serbo-Croatian", "si": "Sinhala", "sk": "Slovak", "sl": "Slovenian", "so": "Somali", "sq": "Albanian",
    "sr": "Serbian", "su": "Sundanese", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu",
    "tg": "Tajik", "th": "Thai", "tk": "Turkmen", "tl": "Tagalog", "tr": "Turkish", "tt": "Tatar", "tyv": "Tuvinian",
    "ug": "Uyghur", "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek", "vec": "Venetian", "vep": "Veps",
    "vi": "Vietnamese", "vls": "West Flemish", "vo": "Volapük", "wa": "Walloon", "war": "Waray", "wuu": "Wu Chinese",
    "xal": "Kalmyk", "xmf": "Mingrelian", "yi": "Yiddish", "yo": "Yoruba", "yue": "Cantonese", "zh": "Chinese",
}  # fmt: skip
