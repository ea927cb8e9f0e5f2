"""Storage: one `Store` protocol, backends chosen by URL.

``rasd.db`` / ``sqlite:///path/rasd.db`` → SQLite (the embedded default), ``memory://`` → in-memory
(tests), ``postgresql://user@host:port/dbname`` → PostgreSQL (`rasd.storage.postgres`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rasd.errors import StoreError
from rasd.storage.base import ArticleSummary, Outcome, Reject, Store, StoreStats

__all__ = ["ArticleSummary", "Outcome", "Reject", "Store", "StoreStats", "open_store"]


def open_store(url: str | Path = "rasd.db", *, readonly: bool = False) -> Any:
    """Open (creating and migrating when writable) the archive at ``url``.

    >>> store = open_store("memory://")
    >>> store.stats().articles
    0
    """
    text = str(url)
    if text.startswith("memory://"):
        from rasd.storage.memory import MemoryStore

        return MemoryStore()
    if text.startswith(("postgresql://", "postgres://")):
        from rasd.storage.postgres import PostgresStore

        return PostgresStore(text, readonly=readonly)
    if "://" in text and not text.startswith("sqlite://"):
        raise StoreError(f"unknown store URL {text!r}: use a file path, sqlite:///path, postgresql://... or memory://")
    path = text.removeprefix("sqlite:///") if text.startswith("sqlite:///") else text.removeprefix("sqlite://")
    from rasd.storage.sqlite import SQLiteStore

    return SQLiteStore(path or ":memory:", readonly=readonly)
