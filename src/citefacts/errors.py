"""User-facing errors, each with a code, the file and place it concerns, and what to do."""

from __future__ import annotations


class CitefactsError(Exception):
    """An error the user can act on; the CLI prints it on one line and exits non-zero."""

    code = "E000"

    def __init__(self, message: str, path: str | None = None, place: str | None = None) -> None:
        self.message = message
        self.path = path
        self.place = place
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ":".join(part for part in (self.path, self.place) if part)
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.message} [{self.code}]"


class InputError(CitefactsError):
    """The source file cannot be read as an article."""

    code = "E001"


class ModelMissingError(CitefactsError):
    """The spaCy model is not installed."""

    code = "E002"


class ValidationFailed(CitefactsError):
    """A JSON file does not match the citefacts schema."""

    code = "E003"


class ReviewError(CitefactsError):
    """The review log cannot be read or written."""

    code = "E004"
