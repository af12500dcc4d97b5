"""The local review page: a small HTTP server on 127.0.0.1 serving the facts and taking decisions.

Every decision is appended to its file's log the moment it is posted. Source text is untrusted: the
page builds its DOM with ``textContent`` only, and a Content-Security-Policy forbids inline script.
Requests must name this server as their Host (no DNS rebinding) and post JSON from its own origin.
"""

from __future__ import annotations

import json
import logging
import threading
from datetime import UTC, datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Any, get_args
from urllib.parse import parse_qs, urlsplit

from pydantic import ValidationError

from citefacts.dates import normalize
from citefacts.errors import CitefactsError, ReviewError
from citefacts.models import Decision, DecisionKind, Document, Fact
from citefacts.numbers import parse_number
from citefacts.review.placing import RefusedDecision, cited_by_reviewer, placement_answer, placement_decision
from citefacts.review.queue import queue, sentences, source_text
from citefacts.review.realign import Realigner, rankings
from citefacts.review.store import append_decisions, decisions_path
from citefacts.review.strip import paragraphs, strip_json
from citefacts.review.view import Reviewed, fact_view, load_reviewed

logger = logging.getLogger(__name__)

STATIC = {
    "/": ("review.html", "text/html; charset=utf-8"),
    "/review.js": ("review.js", "text/javascript; charset=utf-8"),
    "/review.css": ("review.css", "text/css; charset=utf-8"),
    "/strip.js": ("strip.js", "text/javascript; charset=utf-8"),
}
CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'"
MAX_BODY = 64_000
REQUEST_TIMEOUT = 30
"""Seconds a connection may sit idle mid-request before it is dropped: a slow client holds no thread for ever."""
DECISIONS: tuple[str, ...] = get_args(DecisionKind)


def checked_correction(correction: object, document: Document, fact: Fact) -> dict[str, str]:
    """A correction as it will be stored, once it names what exists and its value reads as the pipeline reads.

    ``{"link": "12"}`` names a footnote number of the document; ``{"mention": "m3", "value": "2,100"}``
    names a mention of the fact and gives a value read by the pipeline's own reader for its kind.
    """
    if not isinstance(correction, dict) or not correction:
        raise RefusedDecision("a correction needs a value: {link} or {mention, value}", "correction")
    for key, value in correction.items():
        if key not in ("link", "mention", "value"):
            raise RefusedDecision(f"unknown field {key!r}: a correction has link, or mention and value", "correction")
        if not isinstance(value, str) or not value.strip():
            raise RefusedDecision("must be a non-empty string", f"correction.{key}")
    fields = {key: value.strip() for key, value in correction.items()}
    if "link" in fields:
        if len(fields) > 1:
            raise RefusedDecision("a link correction has no mention or value", "correction.link")
        numbers = [note.number for note in document.footnotes]
        link = fields["link"]
        if not (link.isascii() and link.isdigit()) or int(link) not in numbers:
            known = f"{len(numbers)}, numbered {min(numbers)} to {max(numbers)}" if numbers else "none"
            raise RefusedDecision(f"no footnote {link!r} in this document (its footnotes: {known})", "correction.link")
        return {"link": str(int(link))}
    if "mention" not in fields:
        raise RefusedDecision("which mention does this value correct?", "correction.mention")
    mention = next((m for m in fact.mentions if m.id == fields["mention"]), None)
    if mention is None:
        known = ", ".join(m.id for m in fact.mentions) or "none"
        raise RefusedDecision(
            f"no mention {fields['mention']!r} in this fact (its mentions: {known})", "correction.mention"
        )
    if "value" not in fields:
        raise RefusedDecision("a mention's correction needs a value", "correction.value")
    value = fields["value"]
    if mention.kind == "number" and parse_number(value) is None:
        raise RefusedDecision(f"{value!r} does not read as a number", "correction.value")
    if mention.kind == "date" and normalize(value) is None:
        raise RefusedDecision(f"{value!r} does not read as a date", "correction.value")
    return {"mention": mention.id, "value": value}


def file_strip(reviewed: Reviewed) -> list[dict[str, Any]]:
    """A file's strip of paragraphs as the page draws it (exact where its source is still at hand)."""
    document = reviewed.document
    return strip_json(paragraphs(document.facts, source_text(reviewed.path, document), document.source.format))


class ReviewSession:
    """The output files under review, re-read on each request so a re-extraction shows at once.

    In placement mode each file's source is analysed once in the background (``realign``): until it is ready,
    and where it cannot match its output, the footnotes' stored candidates are served; after, candidates
    re-aligned with every placement in force fixed, and '/' searches every body sentence.
    """

    def __init__(self, paths: list[Path], reviewer: str) -> None:
        self.paths = {path.name: path for path in paths}
        self.reviewer = reviewer
        self.lock = threading.Lock()
        self.realigner = Realigner()

    def reviewed(self) -> list[Reviewed]:
        """Every file with its decisions, freshly read."""
        return [self.load(path) for path in self.paths.values()]

    def load(self, path: Path) -> Reviewed:
        """One file with its decisions, freshly read, its placements checked even where the output did not
        precompute their checks (once its source is analysed)."""
        return self.realigner.checked(load_reviewed(path))

    def facts(self, placing: bool = False) -> dict[str, Any]:
        """The review queue (facts, footnotes to place, groups), its facts alone, the sentences the placement
        search looks through, each file's strip of paragraphs, who is reviewing, and how each file's candidates
        are ranked (``realign``: analysing, ready or stored). ``placing``: the page is placing footnotes, so
        each file's source is analysed for re-ranking (once) if it is not yet."""
        reviewed = self.reviewed()
        if placing:
            self.realigner.start(reviewed)
        ranked = rankings(self.realigner, reviewed)
        items = queue(reviewed, {name: ranking.candidates for name, ranking in ranked.items()})
        return {
            "reviewer": self.reviewer,
            "queue": items,
            "facts": [item for item in items if item["type"] == "fact"],
            "sentences": sentences(reviewed, {name: ranking.sentences for name, ranking in ranked.items()}),
            "strip": {r.path.name: file_strip(r) for r in reviewed},
            "realign": {r.path.name: self.realigner.state(r) for r in reviewed},
        }

    def place(self, body: dict[str, Any], path: Path) -> dict[str, Any]:
        """Append a placement (or the undo of one) and return the footnote's item, the facts it changed and the
        file's footnotes to place, their candidates re-aligned with it (once the source is analysed)."""
        with self.lock:
            reviewed = self.load(path)
            self.realigner.start([reviewed])
            decision = placement_decision(body, reviewed, self.reviewer, self.realigner.spans(reviewed))
            number = int(body["footnote"])  # checked against the footnote's text by placement_decision
            before = cited_by_reviewer(reviewed, number)
            append_decisions(decisions_path(path), [decision])
            after = self.load(path)
            touched = before | cited_by_reviewer(after, number) | ({decision.fact_id} - {""})
            ranking = self.realigner.ranking(after)
            answer = placement_answer(after, number, touched, ranking.candidates if ranking else None)
            return {**answer, "strip": {path.name: file_strip(after)}, "realign": self.realigner.state(after)}

    def decide(self, body: object) -> dict[str, Any]:
        """Append one decision on a fact's current content, and return the fact as it now stands.

        A decision that does not hold (an unknown kind, a correction naming a footnote or mention that
        does not exist, a value the pipeline cannot read) is refused before anything is appended.
        """
        if not isinstance(body, dict):
            raise RefusedDecision("expected a JSON object", "(body)")
        path = self.paths.get(str(body.get("file")))
        if path is None:
            raise RefusedDecision(f"unknown file {body.get('file')!r}", "file")
        kind = body.get("decision")
        if kind not in DECISIONS:
            raise RefusedDecision(f"unknown decision {kind!r}: one of {', '.join(DECISIONS)}", "decision", path.name)
        if kind == "place" or (kind == "undo" and "footnote" in body):
            return self.place(body, path)
        note = body.get("note")
        if note is not None and not isinstance(note, str):
            raise RefusedDecision("a note is text", "note", path.name)
        with self.lock:
            reviewed = self.load(path)
            fact = next((f for f in reviewed.document.facts if f.id == body.get("id")), None)
            if fact is None:
                raise ReviewError(f"no fact {body.get('id')!r}; reload the page", path.name)
            if fact.content_hash != body.get("content_hash"):
                raise ReviewError("the fact changed since the page loaded it; reload the page", path.name, fact.id)
            if kind == "undo" and reviewed.states[fact.id].state != "decided":
                raise ReviewError("nothing to undo on this fact", path.name, fact.id)
            correction = None
            if kind == "correct":
                correction = checked_correction(body.get("correction"), reviewed.document, fact)
            elif body.get("correction"):
                raise RefusedDecision(f"only a correct decision carries a correction, not {kind}", "correction")
            decision = Decision(
                fact_id=fact.id,
                content_hash=fact.content_hash,
                decision=kind,
                reviewer=self.reviewer,
                at=datetime.now(UTC),
                note=note or None,
                correction=correction,
            )
            append_decisions(decisions_path(path), [decision])
            return fact_view(self.load(path), fact)


class Handler(BaseHTTPRequestHandler):
    """Routes: the page and its three assets, ``GET /api/facts`` (``?mode=place``: analyse the sources for
    re-ranking), ``POST /api/decisions``."""

    server: ReviewServer
    server_version = "citefacts-review"
    timeout = REQUEST_TIMEOUT

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: no request log on the terminal."""

    def do_GET(self) -> None:
        if not self._host_ok():
            return
        route = self.path.split("?", 1)[0]
        if route in STATIC:
            name, kind = STATIC[route]
            self._send(HTTPStatus.OK, (files("citefacts.review") / "static" / name).read_bytes(), kind)
        elif route == "/api/facts":
            placing = parse_qs(urlsplit(self.path).query).get("mode") == ["place"]
            self._json(lambda: self.server.session.facts(placing))
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain; charset=utf-8")

    def do_POST(self) -> None:
        if not self._host_ok():
            return
        if self.path != "/api/decisions":
            self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain; charset=utf-8")
            return
        origin = self.headers.get("Origin")
        if origin is not None and origin != f"http://{self.headers.get('Host')}":
            self._send(HTTPStatus.FORBIDDEN, b"cross-origin request refused", "text/plain; charset=utf-8")
            return
        length = self.headers.get("Content-Length", "")
        if not self.headers.get("Content-Type", "").startswith("application/json") or not (
            length.isascii() and length.isdigit()
        ):
            self._send(HTTPStatus.BAD_REQUEST, b"expected a JSON body with its length", "text/plain; charset=utf-8")
            return
        if int(length) > MAX_BODY:
            self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, b"expected a small JSON body", "text/plain; charset=utf-8")
            return
        body = self.rfile.read(int(length))
        self._json(lambda: self.server.session.decide(json.loads(body)))

    def _host_ok(self) -> bool:
        """Refuse requests whose Host is not this server's loopback address (DNS rebinding)."""
        host = self.headers.get("Host", "")
        if host in self.server.hosts:
            return True
        self._send(HTTPStatus.FORBIDDEN, b"unexpected Host header", "text/plain; charset=utf-8")
        return False

    def _json(self, produce: Any) -> None:
        """Answer with what ``produce`` returns, or a JSON error: 400 for a bad request (naming the field),
        409 when the request no longer fits the files (reload the page), 500 for a bug (logged, not shown)."""
        try:
            payload, status = produce(), HTTPStatus.OK
        except RefusedDecision as error:
            payload = {"error": f"{error.field}: {error.message}", "field": error.field}
            status = HTTPStatus.BAD_REQUEST
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            payload, status = {"error": f"malformed JSON: {error}", "field": "(body)"}, HTTPStatus.BAD_REQUEST
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(part) for part in first["loc"]) or "(body)"
            payload, status = {"error": first["msg"], "field": field}, HTTPStatus.BAD_REQUEST
        except CitefactsError as error:
            payload, status = {"error": str(error).splitlines()[0]}, HTTPStatus.CONFLICT
        except Exception:
            logger.exception("review request failed")
            payload, status = {"error": "internal error; see the server's log"}, HTTPStatus.INTERNAL_SERVER_ERROR
        self._send(status, json.dumps(payload).encode(), "application/json")

    def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


class ReviewServer(ThreadingHTTPServer):
    """The HTTP server holding the review session."""

    daemon_threads = True

    def __init__(self, session: ReviewSession, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__((host, port), Handler)
        self.session = session
        bound = self.server_address[1]
        self.hosts = {f"{name}:{bound}" for name in (host, "127.0.0.1", "localhost", "[::1]")}

    @property
    def url(self) -> str:
        """The page's address."""
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"


def make_server(
    paths: list[Path], reviewer: str, host: str = "127.0.0.1", port: int = 0, placing: bool = False
) -> ReviewServer:
    """A review server for these output files (port 0: any free port); the files are checked first. ``placing``:
    placement mode, whose re-ranking analysis of each source starts at once in a daemon thread (else with the
    first placement request)."""
    session = ReviewSession(paths, reviewer)
    reviewed = session.reviewed()
    try:
        server = ReviewServer(session, host, port)
    except OSError as error:
        raise ReviewError(f"cannot listen on {host}:{port}: {error.strerror}") from error
    if placing:
        session.realigner.start(reviewed)
    return server
