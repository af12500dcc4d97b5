"""Citation fields from footnotes: the one place where authors, dates, titles and quotations are recognised.

``rendered`` reads citations as Wikipedia renders them (CS1), piece by piece (``pieces``);
``templates`` reads MediaWiki citation templates; ``dates`` normalizes the dates of both;
``apparatus`` tells bibliographic data from content, for the stages that compare a footnote's values.
"""

from citefacts.read.cite.apparatus import apparatus_spans, headline_spans, publication_date
from citefacts.read.cite.rendered import (
    looks_like_citation,
    moved_onto_raw,
    parse_footnote,
    read_rest,
    ref_citations,
    split_citations,
)

__all__ = [
    "apparatus_spans",
    "headline_spans",
    "looks_like_citation",
    "moved_onto_raw",
    "parse_footnote",
    "publication_date",
    "read_rest",
    "ref_citations",
    "split_citations",
]
