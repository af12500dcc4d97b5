"""Where the extraction tasks run: one at a time in this process, or on a Dask cluster (prefect-dask).

The default keeps one spaCy model in one process. ``dask`` runs each task in a worker process (the
model loaded once per worker): a local cluster of ``workers`` processes on 127.0.0.1, or the
scheduler at ``address`` (``dask scheduler`` and ``dask worker`` started by hand, on other machines).
"""

from __future__ import annotations

from typing import Any, Literal

from prefect.task_runners import ThreadPoolTaskRunner

RunnerKind = Literal["local", "dask"]
DASK_LOG_LENGTH = 100
"""Entries Dask keeps in each of its low-level logs (messages sent, transitions, worker stimuli): enough to debug
the last tasks. Dask's default of 1,000 held every task's pickled submission in this process until a thousand
had gone by: measured, +68 MB over 1,000 documents, flat after this change (scripts/bench.py --only memory)."""


def task_runner(kind: RunnerKind = "local", workers: int = 2, address: str | None = None) -> Any:
    """The task runner for a run of the extraction flow."""
    if kind == "local":
        return ThreadPoolTaskRunner(max_workers=1)
    import dask
    from prefect_dask import DaskTaskRunner

    dask.config.set({"distributed.admin.low-level-log-length": DASK_LOG_LENGTH})  # before any client or cluster
    if address:
        return DaskTaskRunner(address=address)
    cluster = {"n_workers": workers, "threads_per_worker": 1, "processes": True, "host": "127.0.0.1"}
    return DaskTaskRunner(cluster_kwargs={**cluster, "dashboard_address": None})
