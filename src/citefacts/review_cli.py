"""Review commands (review, report), registered on the main ``citefacts`` app."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the review commands to the command line (none yet)."""
