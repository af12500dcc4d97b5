"""Prefect's (and Dask's) quiet defaults: the one place they are set, for the CLI, ``make serve`` and the tests.

Prefect reads its settings from the environment when it is first imported, so :func:`apply` must
run before any ``import prefect``; this module imports nothing of Prefect for that reason. Each
value is only a default (``os.environ.setdefault``): a variable already set wins.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

RUN_LOG_LEVEL = "CRITICAL"
PREFECT_DEFAULTS: dict[str, str] = {
    # No telemetry: the server's analytics call fails without a network and prints an error.
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # The server's own logs (the ephemeral one prints an "Error flushing events" traceback on exit).
    # PREFECT_SERVER_LOGGING_LEVEL is the same setting under its new name and wins when both are set,
    # so setting the old name keeps a user's PREFECT_SERVER_LOGGING_LEVEL in force.
    "PREFECT_LOGGING_SERVER_LEVEL": "CRITICAL",
    # Flow and task run logs: none (the CLI reports each source's outcome itself; ``--verbose`` sets INFO first).
    "PREFECT_LOGGING_LEVEL": RUN_LOG_LEVEL,
    "PREFECT_LOGGING_TO_API_ENABLED": "false",
    # The temporary server's start-up allowance: Prefect's 20 s is short on a busy machine.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    # Dask (``--runner dask``): its scheduler and workers log every start and stop at INFO.
    "DASK_LOGGING__DISTRIBUTED": "error",
    # A worker that imports spaCy and loads the model on a busy machine needs longer than Dask's 30 s.
    "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "120s",
}


def apply(environ: MutableMapping[str, str] | None = None) -> None:
    """Set each default that is not set already (in ``os.environ`` unless another mapping is given)."""
    target = os.environ if environ is None else environ
    for key, value in PREFECT_DEFAULTS.items():
        target.setdefault(key, value)
