"""Hypothesis profiles for the fuzz tests, and a closing line with the number of examples run.

``ci`` (the default, what ``make test`` runs): 50 examples per test, derandomized so CI is
reproducible. ``fuzz`` (``make fuzz``, ``--hypothesis-profile=fuzz``): 1,500 per test, over 10,000 in all,
random each run, failures kept in hypothesis' example database so the next run tries them first.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from .tally import EXAMPLES

_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
settings.register_profile(
    "ci", max_examples=50, derandomize=True, database=None, deadline=None, suppress_health_check=_SLOW, print_blob=True
)
settings.register_profile("fuzz", max_examples=1500, derandomize=False, deadline=None, suppress_health_check=_SLOW)
if settings.get_current_profile_name() == "default":
    settings.load_profile("ci")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The examples run and the fuzz tests that failed."""
    if not EXAMPLES:
        return
    failed = [r.nodeid for r in terminalreporter.stats.get("failed", []) if "tests/fuzz/" in r.nodeid]
    terminalreporter.section("fuzz")
    terminalreporter.write_line(
        f"profile {settings.get_current_profile_name()!r}: {sum(EXAMPLES.values()):,} examples run "
        f"over {len(EXAMPLES)} property tests, {len(failed)} failed"
    )
    for name, count in sorted(EXAMPLES.items()):
        terminalreporter.write_line(f"  {count:>7,}  {name}")
    for nodeid in failed:
        terminalreporter.write_line(f"  FAILED {nodeid}")
