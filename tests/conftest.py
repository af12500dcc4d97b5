"""Shared fixtures: the real spaCy model, fixture files, and the seed's extraction (run once)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from citefacts.models import Document, ParsedSource
from citefacts.nlp import load_model
from citefacts.pipeline import run
from citefacts.read import read_source

DATA = Path(__file__).parent / "data"
SEED = DATA / "nagorno-karabakh-conflict.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model()


@pytest.fixture(scope="session")
def seed_parsed() -> ParsedSource:
    return read_source(SEED)


@pytest.fixture(scope="session")
def seed_document(seed_parsed: ParsedSource, nlp: Language) -> Document:
    return run(seed_parsed, nlp)


def interruptible() -> None:
    """For a test's subprocess that it stops with SIGINT: Ctrl-C's default, even when the test run itself was
    started where SIGINT is ignored (a background job of a non-interactive shell), which the child would inherit."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
