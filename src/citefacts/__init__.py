"""citefacts: turn encyclopedic text into citation-checked facts."""

__version__ = "0.4.1"
PIPELINE_VERSION = "0.4.1"
"""Bumped whenever extraction, linking or checking changes what they output."""
