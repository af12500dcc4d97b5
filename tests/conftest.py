"""Shared fixtures: the real spaCy model, fixture files, and the seed's extraction (run once)."""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from citefacts.models import Document, ParsedSource
from citefacts.nlp import load_model
from citefacts.pipeline import run
from citefacts.read import read_source
from citefacts.review.rerun import save_extraction
from citefacts.review.server import ReviewServer, make_server

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


def extracted(source: Path, text: str, nlp: Language) -> Path:
    """Write ``text`` to ``source``, extract it and save the output in ``out/`` beside it: the output's path."""
    source.write_text(text)
    out = source.parent / "out" / f"{source.stem}.json"
    save_extraction(run(read_source(source), nlp), out, source.read_text())
    return out


@contextmanager
def serving(outputs: list[Path], reviewer: str) -> Iterator[ReviewServer]:
    """The review server on outputs, on 127.0.0.1 in a thread of its own, shut down and closed afterwards."""
    review = make_server(outputs, reviewer)
    threading.Thread(target=review.serve_forever, daemon=True).start()
    try:
        yield review
    finally:
        review.shutdown()
        review.server_close()


def expect(
    server: ReviewServer, status: int, method: str, path: str, body: dict[str, Any] | None = None, timeout: float = 30
) -> Any:
    """The JSON answer of a request to the review server whose status must be `status`."""
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=timeout)
    data = json.dumps(body).encode() if body is not None else None
    connection.request(method, path, body=data, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    payload = response.read()
    assert response.status == status, payload
    return json.loads(payload)
