"""Bytes in: files, directories, globs, stdin, WARC, JSON Lines, HTML and scraped text → `RawPage`."""

from rasd.ingest.containers import Rejected
from rasd.ingest.decode import decode_bytes
from rasd.ingest.rawpage import RawPage
from rasd.ingest.sources import iter_raw_pages

__all__ = ["RawPage", "Rejected", "decode_bytes", "iter_raw_pages"]
