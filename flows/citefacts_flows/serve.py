"""``make serve``: a local Prefect server (SQLite, 127.0.0.1) serving the re-extraction on a cron schedule.

Prefect cannot schedule on its temporary server, so this starts ``prefect server start`` (unless
``PREFECT_API_URL`` already points at a running one), waits for its health check, and serves the
``reextract`` deployment until Ctrl-C. Settings come from options or the environment:
CITEFACTS_CRON (default daily at 03:00), CITEFACTS_TIMEZONE (default UTC), CITEFACTS_SOURCES,
CITEFACTS_OUT, CITEFACTS_PREFECT_PORT.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

DEFAULT_CRON = "0 3 * * *"
DEPLOYMENT_NAME = "citefacts-daily"
QUIET = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_SERVER_LEVEL": "CRITICAL",
    "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",
    "PREFECT_LOGGING_LEVEL": "WARNING",
}

logger = logging.getLogger("citefacts.serve")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Options, each defaulting to its environment variable."""
    env = os.environ.get
    parser = argparse.ArgumentParser(prog="python -m citefacts_flows.serve", description=__doc__.splitlines()[0])
    parser.add_argument("--cron", default=env("CITEFACTS_CRON", DEFAULT_CRON), help="cron schedule")
    parser.add_argument("--timezone", default=env("CITEFACTS_TIMEZONE", "UTC"), help="time zone of the schedule")
    parser.add_argument("--sources", default=env("CITEFACTS_SOURCES", "raw"), help="folder of sources")
    parser.add_argument("--out", default=env("CITEFACTS_OUT", "extracted"), help="folder of outputs")
    parser.add_argument("--port", type=int, default=int(env("CITEFACTS_PREFECT_PORT", "4200")))
    parser.add_argument("--name", default=env("CITEFACTS_DEPLOYMENT", DEPLOYMENT_NAME), help="deployment name")
    return parser.parse_args(argv)


def healthy(api_url: str, timeout: float = 2.0) -> bool:
    """True when a Prefect server answers its health check at this API URL."""
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def start_server(port: int, home: Path) -> subprocess.Popen[bytes]:
    """``prefect server start`` on 127.0.0.1 with SQLite under ``home``, its output in ``home/server.log``."""
    home.mkdir(parents=True, exist_ok=True)
    prefect = Path(sys.executable).with_name("prefect")
    log = (home / "server.log").open("ab")
    env = {**os.environ, "PREFECT_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    command = [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)


def wait_healthy(api_url: str, server: subprocess.Popen[bytes] | None, limit: float = 120.0) -> None:
    """Block until the server is healthy; fail with one line if it exits or takes too long."""
    deadline = time.monotonic() + limit
    while not healthy(api_url):
        if server is not None and server.poll() is not None:
            raise SystemExit(f"error: prefect server exited with code {server.returncode} (see its server.log)")
        if time.monotonic() > deadline:
            raise SystemExit(f"error: no Prefect server answered at {api_url} within {limit:.0f} s")
        time.sleep(0.5)


def stop(server: subprocess.Popen[bytes] | None) -> None:
    """Stop the server this process started: SIGTERM, then SIGKILL after 20 s."""
    if server is None or server.poll() is not None:
        return
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def main(argv: list[str] | None = None) -> None:
    """Start (or reuse) the server, then serve the scheduled deployment until interrupted."""
    args = parse_args(argv)
    for key, value in QUIET.items():
        os.environ.setdefault(key, value)
    server = None
    api_url = os.environ.get("PREFECT_API_URL")
    if not api_url:
        api_url = f"http://127.0.0.1:{args.port}/api"
        if not healthy(api_url):  # else reuse the server a previous run left on this port
            server = start_server(args.port, Path(os.environ.get("PREFECT_HOME", ".prefect")).resolve())
        os.environ["PREFECT_API_URL"] = api_url
    try:
        wait_healthy(api_url, server)
        from prefect.schedules import Cron  # imported once PREFECT_API_URL is set

        from citefacts_flows.reextract import reextract

        reextract.serve(
            name=args.name,
            schedule=Cron(args.cron, timezone=args.timezone),
            paused=False,  # a previous `make serve` paused the schedule when it stopped
            parameters={"sources": args.sources, "out_dir": args.out},
            description="Re-extract changed sources; decisions are kept.",
        )
    except KeyboardInterrupt:
        pass
    finally:
        stop(server)


if __name__ == "__main__":
    main()
