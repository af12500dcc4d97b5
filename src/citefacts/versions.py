"""Every version that shapes an output, in one place: bump one when its stage's output changes.

Each output records them (``Document.pipeline``), so a re-extraction can tell a source whose text
changed from one whose rules did, and an old output stays explainable.
"""

from __future__ import annotations

PIPELINE_VERSION = "0.9.0"
"""Bumped whenever extraction, linking or checking changes what they output."""

DATES_VERSION = "timex-rules.26"
"""The date detection and normalization rules (``citefacts.dates``)."""

ENTITY_RULES_VERSION = "5"
"""The entity rule component and its gazetteer (``citefacts.entities``)."""

LINKER_VERSION = "align.v5"
"""The marker-less linker's features, weights and calibration (``citefacts.link``)."""


def stage_versions() -> dict[str, str]:
    """The rule-set versions of the stages, recorded with every output: a change means re-extract."""
    return {"dates": DATES_VERSION, "entity_rules": ENTITY_RULES_VERSION, "linker": LINKER_VERSION}
