"""``make serve``: a local Prefect server (SQLite, 127.0.0.1) serving the re-extraction on a cron schedule.

Prefect cannot schedule on its temporary server. Unless ``PREFECT_API_URL`` is set or a server
already answers on the port, this starts one with Prefect's own ``prefect server start
--background`` (SQLite under PREFECT_HOME, default ./.prefect), waits for its health check and
serves the ``reextract`` deployment until Ctrl-C; then ``prefect server stop`` stops the server it
started (a server it reused keeps running). Settings come from options or the environment:
CITEFACTS_CRON (default daily at 03:00), CITEFACTS_TIMEZONE (default UTC), CITEFACTS_SOURCES,
CITEFACTS_OUT, CITEFACTS_PREFECT_PORT, CITEFACTS_DEPLOYMENT.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from citefacts_flows import settings

DEFAULT_CRON = "0 3 * * *"
DEPLOYMENT_NAME = "citefacts-daily"
PID_FILE = "server.pid"  # where `prefect server start --background` records the server's process id


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
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def prefect_cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run Prefect's own CLI with PREFECT_HOME=home and the quiet defaults.

    It runs in a session of its own, so the server it starts in the background does not get the
    terminal's Ctrl-C: the deployment stops first, then :func:`stop_server` stops the server.
    """
    env = {**os.environ, "PREFECT_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    settings.apply(env)
    return subprocess.run(
        [sys.executable, "-m", "prefect", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        start_new_session=True,
        check=False,
    )


def server_pid(home: Path) -> int | None:
    """The process id in ``home/server.pid``, if a background server recorded one."""
    try:
        return int((home / PID_FILE).read_text().strip())
    except (OSError, ValueError):
        return None


def running(pid: int) -> bool:
    """True while the process exists and is not a zombie."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state != "Z"


def start_server(port: int, home: Path) -> int:
    """``prefect server start --background`` on 127.0.0.1:port with SQLite under ``home``; returns its process id."""
    home.mkdir(parents=True, exist_ok=True)
    pid = server_pid(home)
    if pid is not None and running(pid):
        raise SystemExit(
            f"error: a background Prefect server from {home} is running (pid {pid}) but not answering on port "
            f"{port}: stop it with `PREFECT_HOME={home} prefect server stop`"
        )
    (home / PID_FILE).unlink(missing_ok=True)  # left by a server that died: Prefect would refuse to start
    result = prefect_cli(home, "server", "start", "--background", "--host", "127.0.0.1", "--port", str(port))
    pid = server_pid(home)
    if result.returncode != 0 or pid is None:
        lines = (result.stdout + result.stderr).strip().splitlines() or ["(no output)"]
        raise SystemExit(f"error: prefect server start failed: {lines[-1].strip()}")
    return pid


def wait_healthy(api_url: str, pid: int | None = None, limit: float = 120.0) -> None:
    """Block until the server is healthy; fail with one line if it takes too long or process ``pid`` exits."""
    deadline = time.monotonic() + limit
    while not healthy(api_url):
        if pid is not None and not running(pid):
            raise SystemExit(
                f"error: the Prefect server exited before answering at {api_url} "
                "(`prefect server start` in the foreground shows why)"
            )
        if time.monotonic() > deadline:
            raise SystemExit(f"error: no Prefect server answered at {api_url} within {limit:.0f} s")
        time.sleep(0.5)


def stop_server(home: Path, pid: int, limit: float = 20.0) -> None:
    """``prefect server stop`` for the server started under ``home`` (process ``pid``), then wait until it exits.

    Prefect's stop only sends SIGTERM; a server still running after ``limit`` seconds gets SIGKILL.
    """
    prefect_cli(home, "server", "stop")
    deadline = time.monotonic() + limit
    while running(pid):
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            break
        time.sleep(0.2)


def main(argv: list[str] | None = None) -> None:
    """Start (or reuse) the server, then serve the scheduled deployment until interrupted."""
    args = parse_args(argv)
    settings.apply()
    home = Path(os.environ.get("PREFECT_HOME", ".prefect")).resolve()
    server: int | None = None  # the process id of the server this run started, if it started one
    api_url = os.environ.get("PREFECT_API_URL")
    try:
        if not api_url:
            api_url = f"http://127.0.0.1:{args.port}/api"
            if not healthy(api_url):  # else reuse the server already answering on this port
                server = start_server(args.port, home)
            os.environ["PREFECT_API_URL"] = api_url
        wait_healthy(api_url, server)
        how = f"started, SQLite in {home}" if server is not None else "reused"
        sys.stderr.write(
            f"Prefect server at {api_url.removesuffix('/api')} ({how}); "
            f"serving reextract/{args.name} on '{args.cron}' ({args.timezone}); Ctrl-C stops it\n"
        )
        from prefect.schedules import Cron  # imported once PREFECT_API_URL and the defaults are set

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
        if server is not None:
            stop_server(home, server)


if __name__ == "__main__":
    main()
