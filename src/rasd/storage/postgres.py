"""The PostgreSQL backend: several users and large archives, same `Store` contract as SQLite.

``open_store("postgresql://user@host:5432/rasd")`` opens (and migrates) the archive in that database;
``?options=-csearch_path%3Dmy_schema`` in the URL keeps it in a schema of its own.

- Every ``put_articles`` batch is one transaction (articles, raw bytes, annotations, entity
  aggregates); a failed batch rolls back whole and earlier batches stay.  Writers of the same article
  ids serialise on transaction-scoped advisory locks (256 hash slots), so concurrent ingests do not
  race; entity aggregates are upserted in key order, so they do not deadlock either.
- The article document and annotation attributes are ``jsonb`` (event filters use its operators and
  GIN indexes); raw pages are ``bytea``, zlib-compressed when that makes them smaller.
- ``iter_articles`` streams through a server-side cursor on a second connection, so iterating a large
  archive neither loads it into memory nor blocks writes on the main connection.
- Full-text search (`search`, `reindex`) uses a ``tsvector`` over the same search analyzer as the
  SQLite FTS5 index (`rasd.storage.pg_search`), maintained in the same transaction as the articles.

PostgreSQL text cannot hold NUL characters: an article containing one is refused with `StoreError`
(rasd's decoder strips control characters, so pages read by rasd never carry one).
"""

from __future__ import annotations

import functools
import logging
import re
import zlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any, ParamSpec, TypeVar

import psycopg
from psycopg import conninfo as pg_conninfo

from rasd.document import Article
from rasd.errors import NeedsMigration, StoreError
from rasd.ingest.rawpage import RawPage
from rasd.storage import sql_annotations as sqa
from rasd.storage import sql_articles
from rasd.storage.base import ArticleSummary, Outcome, Reject, StoreStats
from rasd.storage.pg_annotations import POSTGRES
from rasd.storage.pg_migrations import PG_MIGRATIONS, apply_pg_migrations, check_not_newer
from rasd.storage.rows import ARTICLE_COLUMNS, article_doc, article_from_row, article_values

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

_INSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)})"
    f" VALUES ({', '.join(['%s'] * (len(ARTICLE_COLUMNS) - 1))}, %s::jsonb) RETURNING pk"
)
_UPDATE_ARTICLE = (
    f"UPDATE articles SET {', '.join(f'{c} = %s' for c in ARTICLE_COLUMNS[:-1])}, doc = %s::jsonb,"
    " updated_at = now() WHERE pk = %s"
)
_STORED_LAYERS = (
    "SELECT id, pk, content_hash, CASE WHEN jsonb_typeof(doc->'layers') = 'object'"
    " THEN ARRAY(SELECT jsonb_object_keys(doc->'layers')) ELSE '{}'::text[] END"
    " FROM articles WHERE id = ANY(%s)"
)
_CONNECT_TIMEOUT = 10
_LOCK_CLASS = 0x72617364  # advisory-lock namespace ("rasd")
_LOCK_SLOTS = 256  # power of two
_ITER_BATCH = 500


def describe_url(url: str) -> str:
    """The URL with any password masked, for messages and ``store.url``.

    >>> describe_url("postgresql://rasd:secret@db.example:5432/news")
    'postgresql://rasd:***@db.example:5432/news'
    """
    return re.sub(r"^(\w+://[^:/@]*):[^@/]*@", r"\1:***@", url)


def _where(url: str) -> str:
    """``host:port/dbname`` of a libpq URL, for one-line error messages."""
    try:
        params = pg_conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return describe_url(url)
    host = str(params.get("host") or params.get("hostaddr") or "localhost")
    return f"{host}:{params.get('port') or 5432}/{params.get('dbname') or params.get('user') or ''}"


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def _wrap_errors(method: Callable[P, T]) -> Callable[P, T]:
    """Turn database errors into `StoreError` with a one-line message (other exceptions pass)."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return method(*args, **kwargs)
        except psycopg.Error as exc:
            raise StoreError(f"PostgreSQL error: {_first_line(exc)}") from exc

    return wrapper


def connect_pg(url: str, *, autocommit: bool = True, readonly: bool = False) -> psycopg.Connection[Any]:
    """Connect, or raise `StoreError` saying where and why in one line."""
    kwargs: dict[str, Any] = {"autocommit": autocommit}
    try:
        params = pg_conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise StoreError(f"bad PostgreSQL URL {describe_url(url)!r}: {_first_line(exc)}") from exc
    if "connect_timeout" not in params:
        kwargs["connect_timeout"] = _CONNECT_TIMEOUT
    if readonly:
        kwargs["options"] = (
            str(params.get("options") or "") + " -c default_transaction_read_only=on"
        ).strip()
    try:
        return psycopg.connect(url, **kwargs)
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to PostgreSQL at {_where(url)}: {_connect_reason(exc)}") from exc


def _connect_reason(exc: BaseException) -> str:
    """libpq's reason without its preamble, plus a hint when nothing answered.

    >>> _connect_reason(OSError('connection failed: connection to server at "127.0.0.1", port 1 failed:'
    ...                         ' Connection refused\\n\\tIs the server running on that host?'))
    'Connection refused (is the server running?)'
    """
    line = _first_line(exc)
    reason = re.sub(r"^(?:.*\bfailed: )?(?:FATAL: +)?", "", line) or line
    if re.search(r"refused|timeout|timed out|No such file", reason, re.IGNORECASE):
        reason += " (is the server running?)"
    return reason


class PostgresStore:
    """`Store` over a PostgreSQL database (``postgresql://user@host:port/dbname``)."""

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        self._dsn = url
        self.url = describe_url(url)
        self.readonly = readonly
        self._conn = connect_pg(url, readonly=readonly)
        try:
            if readonly:
                self._check_schema()
            else:
                applied = apply_pg_migrations(self._conn)
                if applied:
                    log.info("migrated %s: %s", self.url, applied)
            _search_module().ensure_index_current(self._conn, writable=not readonly)
        except psycopg.Error as exc:
            self._conn.close()
            raise StoreError(f"cannot open archive {self.url}: {_first_line(exc)}") from exc
        except StoreError:
            self._conn.close()
            raise

    def _check_schema(self) -> None:
        exists = self._conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()
        if not exists or not exists[0]:
            raise StoreError(f"no archive at {self.url}: run `rasd ingest` first")
        done = {int(r[0]) for r in self._conn.execute("SELECT number FROM schema_migrations")}
        check_not_newer(done)
        if len(done) < len(PG_MIGRATIONS):
            raise NeedsMigration(
                f"the archive at {self.url} needs migrating: run `rasd upgrade --db {self.url}` once"
                " (or open it once without readonly)"
            )

    @property
    def connection(self) -> psycopg.Connection[Any]:
        return self._conn

    # -- writing ------------------------------------------------------------------------------
    @_wrap_errors
    def content_hash(self, article_id: str) -> str | None:
        row = self._conn.execute("SELECT content_hash FROM articles WHERE id = %s", (article_id,)).fetchone()
        return str(row[0]) if row else None

    @_wrap_errors
    def put_articles(self, items: Sequence[tuple[Article, RawPage | None]]) -> list[Outcome]:
        """Upsert a batch in one transaction: same content → UNCHANGED, same id new content → UPDATED."""
        if not items:
            return []
        prepared = [(article, raw, _checked_doc(article)) for article, raw in items]
        outcomes: list[Outcome] = []
        c = self._conn
        with c.transaction():
            ids = sorted({article.id for article, _ in items})
            # Writers serialise on advisory locks over a few hash slots of the ids, taken in slot order
            # (no deadlock; bounded lock-table use however large the batch).
            c.execute(
                "SELECT pg_advisory_xact_lock(%s, slot) FROM (SELECT DISTINCT hashtext(i) & %s AS slot"
                " FROM unnest(%s::text[]) AS i ORDER BY slot) AS s",
                (_LOCK_CLASS, _LOCK_SLOTS - 1, ids),
            )
            stored = {str(r[0]): (int(r[1]), str(r[2]), set(r[3])) for r in c.execute(_STORED_LAYERS, (ids,))}
            batch = sqa.AnnotationBatch(POSTGRES)
            indexed: dict[int, Article] = {}
            raws: dict[str, RawPage] = {}
            for article, raw, doc in prepared:
                old = stored.get(article.id)
                if old and old[1] == article.content_hash and old[2] >= set(article.layers):
                    outcomes.append(Outcome.UNCHANGED)
                    continue
                raw_sha = raw.sha256 if raw is not None else None
                if raw is not None and raw_sha is not None:
                    raws[raw_sha] = raw
                params = article_values(article, raw_sha256=raw_sha, doc=doc)
                if old:
                    pk = old[0]
                    c.execute(_UPDATE_ARTICLE, (*params, pk))
                    outcomes.append(Outcome.UPDATED)
                else:
                    row = c.execute(_INSERT_ARTICLE, params).fetchone()
                    assert row is not None
                    pk = int(row[0])
                    outcomes.append(Outcome.INSERTED)
                batch.replace(c, pk, article, existed=old is not None)
                stored[article.id] = (pk, article.content_hash, set(article.layers))
                indexed[pk] = article
            self._put_raws(raws)
            batch.flush(c)
            if indexed:
                _search_module().index_articles(c, sorted(indexed.items()))
        return outcomes

    def _put_raws(self, raws: dict[str, RawPage]) -> None:
        """Content-addressed raw bytes, in sha order (concurrent batches sharing pages cannot deadlock)."""
        if not raws:
            return
        with self._conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO raw_pages (sha256, media_type, size, compression, data) VALUES (%s, %s, %s, %s, %s)"
                " ON CONFLICT (sha256) DO NOTHING",
                [(sha, raw.media_type, len(raw.data), *_pack(raw.data)) for sha, raw in sorted(raws.items())],
            )

    @_wrap_errors
    def add_rejects(self, rejects: Sequence[Reject]) -> int:
        """Record rejects; the same page rejected twice for the same reason is recorded once."""
        if not rejects:
            return 0
        c = self._conn
        with c.transaction():
            cur = c.execute(
                "INSERT INTO rejects (source, reason, detail, sha256)"
                " SELECT * FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[]) ORDER BY 1, 2, 4"
                " ON CONFLICT (source, reason, sha256) DO NOTHING",
                (
                    [_no_nul(r.source) for r in rejects],
                    [_no_nul(r.reason) for r in rejects],
                    [_no_nul(r.detail[:500]) for r in rejects],
                    [r.sha256 or "" for r in rejects],
                ),
            )
            added = max(cur.rowcount, 0)
            kept = {r.sha256: r.data for r in rejects if r.data is not None and r.sha256}
            for sha, data in sorted(kept.items()):  # sha order, as in put_articles
                c.execute(
                    "INSERT INTO raw_pages (sha256, media_type, size, compression, data)"
                    " VALUES (%s, NULL, %s, %s, %s) ON CONFLICT (sha256) DO NOTHING",
                    (sha, len(data), *_pack(data[:5_000_000])),
                )
        return added

    # -- reading ------------------------------------------------------------------------------
    @_wrap_errors
    def get_article(self, article_id: str) -> Article | None:
        """By full id, or by a unique prefix of at least 6 characters (as `rasd list` shows them)."""
        if "\x00" in article_id:
            return None
        row = self._conn.execute("SELECT text, doc FROM articles WHERE id = %s", (article_id,)).fetchone()
        if row is None and len(article_id) >= 6:
            pattern = re.sub(r"([\\%_])", r"\\\1", article_id) + "%"
            rows = self._conn.execute(
                "SELECT text, doc FROM articles WHERE id LIKE %s LIMIT 2", (pattern,)
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return article_from_row(*row) if row else None

    @_wrap_errors
    def get_raw(self, article_id: str) -> bytes | None:
        row = self._conn.execute(
            "SELECT r.compression, r.data FROM articles a JOIN raw_pages r ON r.sha256 = a.raw_sha256"
            " WHERE a.id = %s",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        data = bytes(row[1])
        return zlib.decompress(data) if row[0] == "zlib" else data

    @_wrap_errors
    def list_articles(
        self, *, limit: int = 20, offset: int = 0, outlet: str | None = None
    ) -> list[ArticleSummary]:
        return sql_articles.list_articles(self._conn, POSTGRES, limit=limit, offset=offset, outlet=outlet)

    def iter_articles(self) -> Iterator[Article]:
        """Every article in storage order, streamed (a server-side cursor on its own connection)."""
        for _, text, doc in self._stream("SELECT pk, text, doc FROM articles ORDER BY pk"):
            yield article_from_row(text, doc)

    def iter_rows(self) -> Iterator[tuple[int, Article]]:
        for pk, text, doc in self._stream("SELECT pk, text, doc FROM articles ORDER BY pk"):
            yield int(pk), article_from_row(text, doc)

    def _stream(self, sql: str) -> Iterator[tuple[Any, ...]]:
        conn = connect_pg(self._dsn, autocommit=False, readonly=True)
        try:
            with conn.cursor(name="rasd_stream") as cur:
                cur.itersize = _ITER_BATCH
                cur.execute(sql)  # constant SQL from this module
                yield from cur
            conn.rollback()
        except psycopg.Error as exc:
            raise StoreError(f"PostgreSQL error: {_first_line(exc)}") from exc
        finally:
            conn.close()

    @_wrap_errors
    def list_rejects(self, *, limit: int = 100) -> list[Reject]:
        return sql_articles.list_rejects(self._conn, POSTGRES, limit=limit)

    @_wrap_errors
    def stats(self) -> StoreStats:
        return sql_articles.store_stats(self._conn)

    # -- queries over annotations ------------------------------------------------------------
    @_wrap_errors
    def top_entities(self, *, type: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        return sqa.top_entities(self._conn, POSTGRES, type=type, limit=limit)

    @_wrap_errors
    def entity_profile(self, name: str) -> dict[str, Any] | None:
        return sqa.entity_profile(self._conn, POSTGRES, name)

    @_wrap_errors
    def find_quotes(self, *, speaker: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        return sqa.find_quotes(self._conn, POSTGRES, speaker=speaker, limit=limit)

    @_wrap_errors
    def find_events(self, **filters: Any) -> list[dict[str, Any]]:
        return sqa.find_events(self._conn, POSTGRES, filters)

    # -- search --------------------------------------------------------------------------------
    @_wrap_errors
    def search(self, query: Any) -> Any:
        """Run a parsed `rasd.search.SearchQuery`; returns a `rasd.storage.fts.SearchResult`."""
        return _search_module().search_articles(self._conn, query)

    @_wrap_errors
    def reindex(self) -> int:
        """Rebuild the search index from the stored articles (one transaction); returns the count."""
        with self._conn.transaction():
            return int(_search_module().rebuild_index(self._conn, self.iter_rows()))

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _search_module() -> Any:
    from rasd.storage import pg_search

    return pg_search


def _pack(data: bytes) -> tuple[str, bytes]:
    """zlib when it saves space (HTML and text do), else the bytes as they are."""
    packed = zlib.compress(data, 1)  # level 1, as the SQLite store: fast, most of the gain
    return ("zlib", packed) if len(packed) < len(data) else ("none", data)


def _no_nul(text: str) -> str:
    return text.replace("\x00", "\ufffd")


def _checked_doc(article: Article) -> str:
    """The article's JSON document, refusing what ``jsonb``/``text`` cannot hold (NUL characters, NaN or
    infinite numbers) with a `StoreError` naming the article, before the batch's transaction starts.
    """
    try:
        doc = article_doc(article, allow_nan=False)
    except ValueError as exc:
        raise StoreError(
            f"article {article.id} has a NaN or infinite number, which JSON cannot hold"
        ) from exc
    if "\x00" in article.text or "\\u0000" in doc:
        raise StoreError(f"article {article.id} contains a NUL character, which PostgreSQL cannot store")
    return doc
