"""The local review page: a small HTTP server on 127.0.0.1 serving the facts and taking decisions.

Every decision is appended to its file's log the moment it is posted. Source text is untrusted: the
page builds its DOM with ``textContent`` only, and a Content-Security-Policy forbids inline script.
Requests must name this server as their Host (no DNS rebinding) and post JSON from its own origin.
"""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from citefacts.errors import CitefactsError, ReviewError
from citefacts.models import Decision
from citefacts.review.store import append_decisions, decisions_path
from citefacts.review.view import Reviewed, fact_view, load_reviewed, queue

STATIC = {
    "/": ("review.html", "text/html; charset=utf-8"),
    "/review.js": ("review.js", "text/javascript; charset=utf-8"),
    "/review.css": ("review.css", "text/css; charset=utf-8"),
}
CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'"
MAX_BODY = 64_000


class ReviewSession:
    """The output files under review, re-read on each request so a re-extraction shows at once."""

    def __init__(self, paths: list[Path], reviewer: str) -> None:
        self.paths = {path.name: path for path in paths}
        self.reviewer = reviewer
        self.lock = threading.Lock()

    def reviewed(self) -> list[Reviewed]:
        """Every file with its decisions, freshly read."""
        return [load_reviewed(path) for path in self.paths.values()]

    def facts(self) -> dict[str, Any]:
        """The review queue and who is reviewing."""
        return {"reviewer": self.reviewer, "facts": queue(self.reviewed())}

    def decide(self, body: dict[str, Any]) -> dict[str, Any]:
        """Append one decision on a fact's current content, and return the fact as it now stands."""
        path = self.paths.get(str(body.get("file")))
        if path is None:
            raise ReviewError(f"unknown file {body.get('file')!r}")
        with self.lock:
            reviewed = load_reviewed(path)
            fact = next((f for f in reviewed.document.facts if f.id == body.get("id")), None)
            if fact is None:
                raise ReviewError(f"no fact {body.get('id')!r}; reload the page", path.name)
            if fact.content_hash != body.get("content_hash"):
                raise ReviewError("the fact changed since the page loaded it; reload the page", path.name, fact.id)
            if body.get("decision") == "undo" and reviewed.states[fact.id].state != "decided":
                raise ReviewError("nothing to undo on this fact", path.name, fact.id)
            if body.get("decision") == "correct" and not body.get("correction"):
                raise ReviewError("a correction needs a value", path.name, fact.id)
            decision = Decision(
                fact_id=fact.id,
                content_hash=fact.content_hash,
                decision=body.get("decision"),  # type: ignore[arg-type]
                reviewer=self.reviewer,
                at=datetime.now(UTC),
                note=body.get("note") or None,
                correction=body.get("correction") or None,
            )
            append_decisions(decisions_path(path), [decision])
            return fact_view(load_reviewed(path), fact)


class Handler(BaseHTTPRequestHandler):
    """Routes: the page and its two assets, ``GET /api/facts``, ``POST /api/decisions``."""

    server: ReviewServer
    server_version = "citefacts-review"

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
            self._json(lambda: self.server.session.facts())
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
        length = int(self.headers.get("Content-Length") or 0)
        if not self.headers.get("Content-Type", "").startswith("application/json") or length > MAX_BODY:
            self._send(HTTPStatus.BAD_REQUEST, b"expected a small JSON body", "text/plain; charset=utf-8")
            return
        body = self.rfile.read(length)
        self._json(lambda: self.server.session.decide(json.loads(body)))

    def _host_ok(self) -> bool:
        """Refuse requests whose Host is not this server's loopback address (DNS rebinding)."""
        host = self.headers.get("Host", "")
        if host in self.server.hosts:
            return True
        self._send(HTTPStatus.FORBIDDEN, b"unexpected Host header", "text/plain; charset=utf-8")
        return False

    def _json(self, produce: Any) -> None:
        try:
            payload, status = produce(), HTTPStatus.OK
        except (CitefactsError, ValidationError, json.JSONDecodeError, TypeError, AttributeError) as error:
            message = str(error).splitlines()[0]
            payload, status = {"error": message}, HTTPStatus.CONFLICT
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


def make_server(paths: list[Path], reviewer: str, host: str = "127.0.0.1", port: int = 0) -> ReviewServer:
    """A review server for these output files (port 0: any free port); the files are checked first."""
    session = ReviewSession(paths, reviewer)
    session.reviewed()
    try:
        return ReviewServer(session, host, port)
    except OSError as error:
        raise ReviewError(f"cannot listen on {host}:{port}: {error.strerror}") from error
