"""How many examples each fuzz test ran, for the summary ``make fuzz`` prints."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

EXAMPLES: Counter[str] = Counter()
"""Test name -> examples run (generated, shrunk and replayed alike)."""


def counted(test: Callable[P, R]) -> Callable[P, R]:
    """Count each call of a property test's body (put it under ``@given``)."""

    @functools.wraps(test)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        EXAMPLES[test.__name__] += 1
        return test(*args, **kwargs)

    return run
