"""In-memory `Store` double (after httpx's mock transport): same contract, no I/O, for tests."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence

from rasd.document import Article
from rasd.ingest.rawpage import RawPage
from rasd.storage.base import ArticleSummary, Outcome, Reject, StoreStats
from rasd.storage.filters import check_count, check_text
from rasd.storage.rows import article_doc


class MemoryStore:
    url = "memory://"

    def __init__(self) -> None:
        self._articles: dict[str, Article] = {}
        self._raw: dict[str, bytes] = {}
        self._raw_of: dict[str, str] = {}
        self._rejects: dict[tuple[str, str, str], Reject] = {}

    def content_hash(self, article_id: str) -> str | None:
        a = self._articles.get(article_id)
        return a.content_hash if a else None

    def put_articles(self, items: Sequence[tuple[Article, RawPage | None]]) -> list[Outcome]:
        for article, _ in items:  # all or nothing, as the SQL stores: what cannot be stored fails the batch
            article_doc(article)
        out = []
        for article, raw in items:
            old = self._articles.get(article.id)
            if old is not None and old.content_hash == article.content_hash and set(old.layers) >= set(
                article.layers
            ):
                out.append(Outcome.UNCHANGED)
                continue
            if raw is not None:
                sha = hashlib.sha256(raw.data).hexdigest()
                self._raw[sha] = raw.data
                self._raw_of[article.id] = sha
            self._articles[article.id] = article
            out.append(Outcome.UPDATED if old is not None else Outcome.INSERTED)
        return out

    def add_rejects(self, rejects: Sequence[Reject]) -> int:
        added = 0
        for r in rejects:
            key = (r.source, r.reason, r.sha256 or "")
            if key not in self._rejects:
                self._rejects[key] = Reject(r.source, r.reason, r.detail[:500], r.sha256)
                added += 1
        return added

    def get_article(self, article_id: str) -> Article | None:
        if article_id in self._articles:
            return self._articles[article_id]
        matches = [k for k in self._articles if len(article_id) >= 6 and k.startswith(article_id)]
        return self._articles[matches[0]] if len(matches) == 1 else None

    def get_raw(self, article_id: str) -> bytes | None:
        sha = self._raw_of.get(article_id)
        return self._raw.get(sha) if sha else None

    def list_articles(
        self, *, limit: int = 20, offset: int = 0, outlet: str | None = None
    ) -> list[ArticleSummary]:
        check_text("outlet", outlet)
        limit, offset = check_count("limit", limit), check_count("offset", offset)
        items = [a for a in self._articles.values() if outlet is None or a.outlet == outlet]
        items.sort(key=lambda a: (a.published is not None, a.published.isoformat() if a.published else ""),
                   reverse=True)
        return [
            ArticleSummary(a.id, a.title, a.published.isoformat() if a.published else None, a.outlet, a.url,
                           a.views, a.category)
            for a in items[offset : offset + limit]
        ]

    def iter_articles(self) -> Iterator[Article]:
        yield from self._articles.values()

    def list_rejects(self, *, limit: int = 100) -> list[Reject]:
        return list(self._rejects.values())[::-1][: check_count("limit", limit)]

    def stats(self) -> StoreStats:
        pubs = sorted(a.published.isoformat() for a in self._articles.values() if a.published)
        return StoreStats(
            articles=len(self._articles),
            rejects=len(self._rejects),
            raw_bytes=sum(len(b) for b in self._raw.values()),
            outlets=dict(Counter(a.outlet or "?" for a in self._articles.values()).most_common(20)),
            reject_reasons=dict(Counter(r.reason for r in self._rejects.values()).most_common()),
            first_published=pubs[0] if pubs else None,
            last_published=pubs[-1] if pubs else None,
        )

    def close(self) -> None:
        pass
