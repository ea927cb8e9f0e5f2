"""The `Store` protocol every backend implements, and the small value types it returns."""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from rasd.document import Article
from rasd.ingest.rawpage import RawPage


class Outcome(enum.Enum):
    """What storing one article did."""

    INSERTED = "ingested"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Reject:
    """A page that could not become an article, kept with its reason (never silently dropped)."""

    source: str
    reason: str
    detail: str = ""
    sha256: str | None = None
    data: bytes | None = None


@dataclass(frozen=True)
class ArticleSummary:
    id: str
    title: str
    published: str | None
    outlet: str | None
    url: str | None
    views: int | None
    category: str | None = None


@dataclass
class StoreStats:
    articles: int = 0
    rejects: int = 0
    raw_bytes: int = 0
    outlets: dict[str, int] = field(default_factory=dict)
    reject_reasons: dict[str, int] = field(default_factory=dict)
    first_published: str | None = None
    last_published: str | None = None
    entities: int = 0
    events: int = 0
    quotes: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class Store(Protocol):
    """Storage behind one interface; `tests/storage/test_contract.py` runs against every backend."""

    url: str

    def put_articles(self, items: Sequence[tuple[Article, RawPage | None]]) -> list[Outcome]:
        """Upsert a batch in one transaction: same content → UNCHANGED, same id new content → UPDATED."""
        ...

    def content_hash(self, article_id: str) -> str | None:
        """The stored content hash for ``article_id`` (lets ingest skip enrichment of known pages)."""
        ...

    def add_rejects(self, rejects: Sequence[Reject]) -> int:
        """Record rejects; the same page rejected twice for the same reason is recorded once."""
        ...

    def get_article(self, article_id: str) -> Article | None: ...

    def get_raw(self, article_id: str) -> bytes | None: ...

    def list_articles(
        self, *, limit: int = 20, offset: int = 0, outlet: str | None = None
    ) -> list[ArticleSummary]: ...

    def iter_articles(self) -> Iterator[Article]: ...

    def list_rejects(self, *, limit: int = 100) -> list[Reject]: ...

    def stats(self) -> StoreStats: ...

    def close(self) -> None: ...
