"""The embedded default backend: one SQLite file in WAL mode, one writer.

Every batch is one transaction (articles, raw bytes, annotations, entity aggregates, search index),
so a crash or ``kill -9`` leaves the archive at the last committed batch and a rerun completes it.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from rasd.document import Article
from rasd.errors import NeedsMigration, StoreError
from rasd.ingest.rawpage import RawPage
from rasd.storage import sql_annotations as sqa
from rasd.storage import sql_articles
from rasd.storage.base import ArticleSummary, Outcome, Reject, StoreStats
from rasd.storage.migrations import apply_migrations, pending_migrations
from rasd.storage.rows import ARTICLE_COLUMNS, article_doc, article_from_row, article_values
from rasd.storage.sqlite_annotations import SQLITE

log = logging.getLogger(__name__)

_INSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})"
)
_UPDATE_ARTICLE = (
    f"UPDATE articles SET {', '.join(f'{k} = ?' for k in ARTICLE_COLUMNS)},"
    " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE pk = ?"
)


def _fts_module() -> Any:
    from rasd.storage import fts

    return fts


class SQLiteStore:
    """`Store` over a SQLite file (``rasd.db``) or ``:memory:``."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.url = f"sqlite:///{self.path}"
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise StoreError(f"no archive at {self.path}: run `rasd ingest` first")
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                if self.path != ":memory:":
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._conn.execute("PRAGMA busy_timeout = 10000")
            self._conn.execute("PRAGMA foreign_keys = ON")
            migrations = (tuple(_fts_module().FTS_SCHEMA),)
            if not readonly:
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")
                apply_migrations(self._conn, extra=migrations)
            elif pending_migrations(self._conn, extra=migrations):  # an archive of an older rasd
                self._conn.close()
                raise NeedsMigration(
                    f"the archive at {self.path} needs migrating: run `rasd upgrade --db {self.path}` once"
                    " (or open it once without readonly)"
                )
            _fts_module().ensure_index_current(self._conn, writable=not readonly)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open archive {self.path}: {exc}") from exc

    @property
    def connection(self) -> sqlite3.Connection:
        return self._conn

    # -- writing ------------------------------------------------------------------------------
    def content_hash(self, article_id: str) -> str | None:
        row = self._conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def put_articles(self, items: Sequence[tuple[Article, RawPage | None]]) -> list[Outcome]:
        outcomes: list[Outcome] = []
        indexed: list[tuple[int, Article]] = []
        c = self._conn
        try:
            c.execute("BEGIN IMMEDIATE")
            batch = sqa.AnnotationBatch(SQLITE)
            for article, raw in items:
                row = c.execute(
                    "SELECT pk, content_hash, doc FROM articles WHERE id = ?", (article.id,)
                ).fetchone()
                if row and row[1] == article.content_hash and _same_layers(row[2], article):
                    outcomes.append(Outcome.UNCHANGED)
                    continue
                raw_sha = self._put_raw(raw) if raw is not None else None
                values = article_values(article, raw_sha256=raw_sha, doc=article_doc(article))
                if row:
                    pk = int(row[0])
                    c.execute(_UPDATE_ARTICLE, (*values, pk))
                    outcomes.append(Outcome.UPDATED)
                else:
                    cur = c.execute(_INSERT_ARTICLE, values)
                    pk = int(cur.lastrowid or 0)
                    outcomes.append(Outcome.INSERTED)
                batch.replace(c, pk, article, existed=row is not None)
                indexed.append((pk, article))
            batch.flush(c)
            if indexed:
                # The same page twice in one batch (duplicate URLs in a feed): index its last version once.
                latest = {pk: article for pk, article in indexed}
                _fts_module().index_articles(c, list(latest.items()))
            c.execute("COMMIT")
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise
        return outcomes

    def _put_raw(self, raw: RawPage) -> str:
        sha = raw.sha256
        self._conn.execute(
            "INSERT OR IGNORE INTO raw_pages (sha256, media_type, size, data) VALUES (?, ?, ?, ?)",
            (sha, raw.media_type, len(raw.data), zlib.compress(raw.data, 1)),
        )
        return sha

    def add_rejects(self, rejects: Sequence[Reject]) -> int:
        if not rejects:
            return 0
        c = self._conn
        added = 0
        c.execute("BEGIN IMMEDIATE")
        try:
            for r in rejects:
                cur = c.execute(
                    "INSERT OR IGNORE INTO rejects (source, reason, detail, sha256) VALUES (?, ?, ?, ?)",
                    (r.source, r.reason, r.detail[:500], r.sha256 or ""),
                )
                added += cur.rowcount
                if r.data is not None and r.sha256:
                    c.execute(
                        "INSERT OR IGNORE INTO raw_pages (sha256, media_type, size, data) VALUES (?, ?, ?, ?)",
                        (r.sha256, None, len(r.data), zlib.compress(r.data[:5_000_000], 1)),
                    )
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        return added

    # -- reading ------------------------------------------------------------------------------
    def get_article(self, article_id: str) -> Article | None:
        """By full id, or by a unique prefix of at least 6 characters (as `rasd list` shows them)."""
        row = self._conn.execute("SELECT text, doc FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None and len(article_id) >= 6:
            rows = self._conn.execute(
                "SELECT text, doc FROM articles WHERE id >= ? AND id < ? LIMIT 2", (article_id, article_id + "\uffff")
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return article_from_row(*row) if row else None

    def get_raw(self, article_id: str) -> bytes | None:
        row = self._conn.execute(
            "SELECT r.data FROM articles a JOIN raw_pages r ON r.sha256 = a.raw_sha256 WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        return zlib.decompress(row[0]) if row else None

    def list_articles(
        self, *, limit: int = 20, offset: int = 0, outlet: str | None = None
    ) -> list[ArticleSummary]:
        return sql_articles.list_articles(self._conn, SQLITE, limit=limit, offset=offset, outlet=outlet)

    def iter_articles(self) -> Iterator[Article]:
        for text, doc in self._conn.execute("SELECT text, doc FROM articles ORDER BY pk"):
            yield article_from_row(text, doc)

    def iter_rows(self) -> Iterator[tuple[int, Article]]:
        for pk, text, doc in self._conn.execute("SELECT pk, text, doc FROM articles ORDER BY pk"):
            yield int(pk), article_from_row(text, doc)

    def list_rejects(self, *, limit: int = 100) -> list[Reject]:
        return sql_articles.list_rejects(self._conn, SQLITE, limit=limit)

    def stats(self) -> StoreStats:
        return sql_articles.store_stats(self._conn)

    # -- queries over annotations ------------------------------------------------------------
    def top_entities(self, *, type: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        return sqa.top_entities(self._conn, SQLITE, type=type, limit=limit)

    def entity_profile(self, name: str) -> dict[str, Any] | None:
        return sqa.entity_profile(self._conn, SQLITE, name)

    def find_quotes(self, *, speaker: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        return sqa.find_quotes(self._conn, SQLITE, speaker=speaker, limit=limit)

    def find_events(self, **filters: Any) -> list[dict[str, Any]]:
        return sqa.find_events(self._conn, SQLITE, filters)

    # -- search --------------------------------------------------------------------------------
    def search(self, query: Any) -> Any:
        return _fts_module().search_articles(self._conn, query)

    def reindex(self) -> int:
        c = self._conn
        c.execute("BEGIN IMMEDIATE")
        try:
            n = int(_fts_module().rebuild_index(c, self.iter_rows()))
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        return n

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _same_layers(doc: str, article: Article) -> bool:
    """An unchanged page that now carries layers it lacked (re-ingest after an upgrade) is an update."""
    try:
        stored = json.loads(doc).get("layers") or {}
    except ValueError:
        return False
    return set(stored) >= set(article.layers)

