"""The Prefect API a run talks to: the user's server, or a private one that dies with this process.

Prefect's own temporary server outlives a process killed with SIGKILL (or by the OOM killer) and keeps
its ~190 MB until someone notices. Ours is the same ASGI app under uvicorn, started by this process
with the kernel's parent-death signal set, so the kernel stops it however this process ends. It is
started before the model loads and waited for only when the flow is about to run, so its start-up
overlaps the library's own work. With ``PREFECT_API_URL`` set, that server is used and nothing starts.
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from citefacts.errors import CitefactsError

STARTUP_SECONDS = 90.0
"""How long the private server may take to answer (its first start migrates a fresh database: ~10 s here)."""
_PR_SET_PDEATHSIG = 1


@dataclass
class PrivateServer:
    """A uvicorn process serving Prefect's API on 127.0.0.1, bound to the life of this process."""

    process: subprocess.Popen[bytes]
    port: int

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def wait_healthy(self, limit: float = STARTUP_SECONDS) -> None:
        """Block until the server answers its health check; one-line error if it dies or takes too long."""
        deadline = time.monotonic() + limit
        while not healthy(self.api_url):
            if self.process.poll() is not None:
                raise CitefactsError(f"Prefect's server for this run exited with code {self.process.returncode}")
            if time.monotonic() > deadline:
                raise CitefactsError(f"Prefect's server for this run did not answer within {limit:.0f} s")
            time.sleep(0.05)

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 5 s."""
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def healthy(api_url: str, timeout: float = 1.0) -> bool:
    """True when a Prefect server answers its health check at this API URL."""
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def start_private_server() -> PrivateServer:
    """Start Prefect's API under uvicorn on a free loopback port, to die with this process."""
    port = _free_port()
    environment = {
        **os.environ,
        "PREFECT_UI_ENABLED": "0",
        "PREFECT__SERVER_EPHEMERAL": "1",  # no scheduler or other background services: only the API
        "PREFECT__SERVER_FINAL": "1",
    }
    environment.pop("PREFECT_API_URL", None)
    command = [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "critical", "--lifespan", "on"]
    parent = os.getpid()
    process = subprocess.Popen(
        command,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=lambda: _die_with(parent),
    )
    return PrivateServer(process, port)


@contextmanager
def prefect_api(server: PrivateServer | None = None) -> Iterator[str]:
    """The API URL for this run's flows: ``PREFECT_API_URL`` if set, else a private server's (stopped on exit)."""
    existing = os.environ.get("PREFECT_API_URL")
    if existing:
        if server is not None:
            server.stop()
        yield existing
        return
    server = server or start_private_server()
    try:
        server.wait_healthy()
        os.environ["PREFECT_API_URL"] = server.api_url
        yield server.api_url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()


def _die_with(parent: int) -> None:
    """In the child, before exec: ask the kernel for SIGTERM when the parent dies (Linux), and check
    that the parent is still there (it may have died before the request took effect)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    os.setpgid(0, 0)  # its own process group: a Ctrl-C meant for the run does not cut it off mid-request
    if os.getppid() != parent:
        os._exit(1)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
