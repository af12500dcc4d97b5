"""citefacts: turn encyclopedic text into citation-checked facts."""

from citefacts.versions import PIPELINE_VERSION

__version__ = "0.9.0"
__all__ = ["PIPELINE_VERSION", "__version__"]
