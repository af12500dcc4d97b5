"""Reading a source: decode and check it, pick its format, and parse it into blocks and footnotes.

``source`` is the entry point; ``plaintext``, ``markdown`` and ``wikitext`` read the formats (with
``tables`` and ``markers`` for what they share), and ``cite`` parses each footnote into citation fields.
"""

from citefacts.read.source import decode, read_source, sniff_format

__all__ = ["decode", "read_source", "sniff_format"]
