"""Citation fields from footnotes: the one place where authors, dates, titles and quotations are recognised.

``rendered`` reads citations as Wikipedia renders them (CS1), piece by piece (``pieces``);
``templates`` reads MediaWiki citation templates; ``dates`` normalizes the dates of both.
"""

from citefacts.read.cite.rendered import looks_like_citation, parse_footnote, read_rest, split_citations

__all__ = ["looks_like_citation", "parse_footnote", "read_rest", "split_citations"]
