"""Article-level reads written once for every SQL backend: the listing, rejects, archive statistics.

Same pattern as `rasd.storage.sql_annotations`: statements with ``?`` placeholders put into the
backend's `Dialect`, filter values checked first (`rasd.storage.filters`), rows shaped here.
"""

from __future__ import annotations

from typing import Any

from rasd.storage.base import ArticleSummary, Reject, StoreStats
from rasd.storage.filters import check_count, check_text
from rasd.storage.sql_dialect import Connection, Dialect, Query


def articles_query(d: Dialect, *, outlet: str | None, limit: int, offset: int) -> Query:
    """Article summaries, newest first (undated last, then by storage order), optionally of one outlet.

    >>> from rasd.storage.pg_annotations import POSTGRES
    >>> articles_query(POSTGRES, outlet="أ", limit=20, offset=40)
    ('SELECT id, title, published, outlet, url, views, category FROM articles WHERE outlet = %s ORDER BY published DESC NULLS LAST, pk DESC LIMIT %s OFFSET %s', ['أ', 20, 40])
    """
    sql = "SELECT id, title, published, outlet, url, views, category FROM articles"
    params: list[Any] = []
    if outlet:
        sql += " WHERE outlet = ?"
        params.append(outlet)
    sql += f" ORDER BY {d.desc('published')}, pk DESC LIMIT ? OFFSET ?"
    return d.sql(sql), [*params, limit, offset]


def list_articles(
    conn: Connection, d: Dialect, *, limit: object = 20, offset: object = 0, outlet: object = None
) -> list[ArticleSummary]:
    sql, params = articles_query(
        d, outlet=check_text("outlet", outlet), limit=check_count("limit", limit), offset=check_count("offset", offset)
    )
    return [ArticleSummary(*row) for row in conn.execute(sql, params)]


def list_rejects(conn: Connection, d: Dialect, *, limit: object = 100) -> list[Reject]:
    """The latest rejects first."""
    rows = conn.execute(
        d.sql("SELECT source, reason, detail, sha256 FROM rejects ORDER BY pk DESC LIMIT ?"), [check_count("limit", limit)]
    )
    return [Reject(source=r[0], reason=r[1], detail=r[2], sha256=r[3] or None) for r in rows]


def store_stats(conn: Connection) -> StoreStats:
    """Counts, outlets (the 20 largest; ties by name), reject reasons, the publication date range."""
    s = StoreStats()
    articles, s.first_published, s.last_published = conn.execute(
        "SELECT count(*), min(published), max(published) FROM articles", []
    ).fetchone()
    s.articles = int(articles)
    s.rejects = _scalar(conn, "SELECT count(*) FROM rejects")
    s.raw_bytes = _scalar(conn, "SELECT coalesce(sum(size), 0) FROM raw_pages")
    s.outlets = _counts(conn, "SELECT coalesce(outlet, '?'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20")
    s.reject_reasons = _counts(conn, "SELECT reason, count(*) FROM rejects GROUP BY 1 ORDER BY 2 DESC, 1")
    s.entities = _scalar(conn, "SELECT count(*) FROM entities")
    layers = _counts(conn, "SELECT layer, count(*) FROM annotations WHERE layer IN ('events', 'quotes') GROUP BY layer")
    s.events, s.quotes = layers.get("events", 0), layers.get("quotes", 0)
    return s


def _scalar(conn: Connection, sql: str) -> int:
    row = conn.execute(sql, []).fetchone()
    return int(row[0]) if row else 0


def _counts(conn: Connection, sql: str) -> dict[str, int]:
    return {str(k): int(n) for k, n in conn.execute(sql, [])}
