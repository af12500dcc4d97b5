"""However ``citefacts extract`` ends (SIGKILL, Ctrl-C, a normal exit), nothing of it keeps running and
nothing is half-written."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from conftest import interruptible

ROOT = Path(__file__).parents[1]
SEED = ROOT / "tests" / "data" / "nagorno-karabakh-conflict.txt"


def start_extract(tmp_path: Path, copies: int = 1) -> tuple[subprocess.Popen[str], Path]:
    """``citefacts extract`` on copies of the seed, in a session of its own, with the run's quiet defaults."""
    sources = tmp_path / "sources"
    sources.mkdir(exist_ok=True)
    for copy in range(copies):
        shutil.copy(SEED, sources / ("seed.txt" if copy == 0 else f"seed{copy}.txt"))
    out = tmp_path / "out"
    environment = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    command = [sys.executable, "-m", "citefacts", "extract", str(sources), "--out", str(out)]
    process = subprocess.Popen(
        command,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=interruptible,
    )
    return process, out


def descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def left_running(processes: list[psutil.Process], within: float = 10.0) -> list[str]:
    """The processes still alive after ``within`` seconds (zombies count as gone)."""
    deadline = time.monotonic() + within
    alive = processes
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [p for p in alive if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    return [" ".join(p.cmdline()[:6]) for p in alive]


def half_written(out: Path) -> list[str]:
    return [p.name for p in out.glob(".*.tmp")] if out.exists() else []


@pytest.mark.integration
@pytest.mark.slow
@pytest.mark.parametrize("after", [1.0, 4.0, 8.0, 12.0])
def test_sigkill_leaves_no_process_and_no_half_written_file(tmp_path: Path, after: float) -> None:
    process, out = start_extract(tmp_path)
    time.sleep(after)
    children = descendants(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert left_running(children) == [], f"still running {after} s into the run, after SIGKILL"
    leftovers = half_written(out)
    if leftovers:  # a kill mid-write may leave its temporary file: the next run clears it
        rerun = subprocess.run(
            [sys.executable, "-m", "citefacts", "extract", str(tmp_path / "sources"), "--out", str(out)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert rerun.returncode == 0, rerun.stderr
        assert half_written(out) == []


@pytest.mark.integration
@pytest.mark.slow
def test_ctrl_c_stops_within_two_seconds_with_one_line(tmp_path: Path) -> None:
    process, out = start_extract(tmp_path, copies=4)  # long enough to be interrupted however fast the machine
    time.sleep(9.0)
    children = descendants(process.pid)
    interrupted = time.monotonic()
    os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole foreground group
    _, stderr = process.communicate(timeout=30)
    took = time.monotonic() - interrupted
    assert process.returncode == 130, stderr
    assert took < 2.0, f"took {took:.1f} s to stop"
    lines = stderr.strip().splitlines()
    said = [line for line in lines if line.startswith("interrupted")]
    assert "Traceback" not in stderr and len(said) == 1 and lines[-1] == said[0], stderr
    assert left_running(children) == []
    assert half_written(out) == []


@pytest.mark.integration
@pytest.mark.slow
def test_a_normal_run_leaves_nothing_running(tmp_path: Path) -> None:
    process, out = start_extract(tmp_path)
    time.sleep(3.0)
    children = descendants(process.pid)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert (out / "seed.json").exists()
    assert left_running(children) == []


@pytest.mark.integration
@pytest.mark.slow
def test_sigkill_of_a_dask_run_leaves_no_worker(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in ("a", "b", "c"):
        shutil.copy(SEED, sources / f"{name}.txt")
    environment = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    command = [sys.executable, "-m", "citefacts", "extract", str(sources), "--out", str(tmp_path / "out")]
    process = subprocess.Popen(
        [*command, "--runner", "dask", "--workers", "2"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while len(descendants(process.pid)) < 4 and time.monotonic() < deadline:  # server, tracker, 2 workers
        time.sleep(0.5)
    time.sleep(3.0)
    children = descendants(process.pid)
    assert len(children) >= 4, [" ".join(c.cmdline()[:4]) for c in children]
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert left_running(children, within=30.0) == []
