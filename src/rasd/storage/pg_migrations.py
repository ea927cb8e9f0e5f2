"""Numbered PostgreSQL schema migrations, recorded in ``schema_migrations``.

The same tables as the SQLite backend (`rasd.storage.migrations`), in PostgreSQL's own types:
``bigint`` identity keys, ``jsonb`` for the article document and annotation attributes, ``bytea``
for raw pages, ``timestamptz`` for bookkeeping.  Columns that are compared or sorted as text (ids,
ISO dates, entity names) use ``COLLATE "C"`` so order is byte order — the same as SQLite's — on any
server locale, and prefix lookups can use the b-tree index.

`apply_pg_migrations` takes a session advisory lock, so two processes opening a new archive at once
do not both migrate; each migration runs in its own transaction with its ``schema_migrations`` row.
"""

from __future__ import annotations

import psycopg

from rasd.errors import StoreError

#: advisory-lock key for migrations (any constant; "rasd" in ASCII)
_MIGRATION_LOCK = 0x72617364

PG_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: articles, raw bytes (content-addressed), rejects
    (
        """CREATE TABLE articles (
            pk bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id text COLLATE "C" NOT NULL UNIQUE,
            url text,
            title text NOT NULL DEFAULT '',
            outlet text,
            published text COLLATE "C",
            published_raw text,
            views bigint,
            category text,
            author text,
            source text,
            fetched_at text,
            content_hash text NOT NULL,
            raw_sha256 text,
            text text NOT NULL,
            doc jsonb NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now()
        )""",
        "CREATE INDEX articles_published ON articles (published DESC NULLS LAST, pk DESC)",
        "CREATE INDEX articles_outlet ON articles (outlet, published DESC NULLS LAST, pk DESC)",
        """CREATE TABLE raw_pages (
            sha256 text PRIMARY KEY,
            media_type text,
            size bigint NOT NULL,
            compression text NOT NULL DEFAULT 'zlib' CHECK (compression IN ('zlib', 'none')),
            data bytea NOT NULL
        )""",
        # already zlib-compressed: keep TOAST from trying to compress it again
        "ALTER TABLE raw_pages ALTER COLUMN data SET STORAGE EXTERNAL",
        """CREATE TABLE rejects (
            pk bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            source text NOT NULL,
            reason text NOT NULL,
            detail text NOT NULL DEFAULT '',
            sha256 text NOT NULL DEFAULT '',
            created_at timestamptz NOT NULL DEFAULT now(),
            UNIQUE (source, reason, sha256)
        )""",
    ),
    # 2: annotations queried across the archive (entities, quotes, events), and entity aggregates
    (
        """CREATE TABLE annotations (
            article_pk bigint NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
            layer text COLLATE "C" NOT NULL,
            span_start integer NOT NULL,
            span_end integer NOT NULL,
            label text COLLATE "C" NOT NULL,
            key text COLLATE "C",
            date text COLLATE "C",
            attrs jsonb NOT NULL DEFAULT '{}'
        )""",
        "CREATE INDEX annotations_article ON annotations (article_pk)",
        "CREATE INDEX annotations_layer_key ON annotations (layer, key, label)",
        "CREATE INDEX annotations_layer_date ON annotations (layer, date)",
        "CREATE INDEX annotations_event_kind ON annotations ((attrs->>'acled_event_type')) WHERE layer = 'events'",
        "CREATE INDEX annotations_event_places ON annotations USING gin ((attrs->'locations') jsonb_path_ops)"
        " WHERE layer = 'events'",
        """CREATE TABLE entities (
            canonical text COLLATE "C" NOT NULL,
            type text COLLATE "C" NOT NULL,
            aliases jsonb NOT NULL DEFAULT '[]',
            roles jsonb NOT NULL DEFAULT '[]',
            article_count integer NOT NULL DEFAULT 0,
            mention_count integer NOT NULL DEFAULT 0,
            first_seen text COLLATE "C",
            last_seen text COLLATE "C",
            PRIMARY KEY (canonical, type)
        )""",
        "CREATE INDEX entities_rank ON entities (article_count DESC, mention_count DESC, canonical)",
        "CREATE INDEX entities_type_rank ON entities (type, article_count DESC, mention_count DESC, canonical)",
        "CREATE INDEX entities_aliases ON entities USING gin (aliases jsonb_path_ops)",
    ),
    # 3: full-text search over the search analyzer's terms (`rasd.storage.pg_search`)
    (
        """CREATE TABLE search_docs (
            article_pk bigint PRIMARY KEY REFERENCES articles(pk) ON DELETE CASCADE,
            stems tsvector NOT NULL,
            exact tsvector NOT NULL
        )""",
        # A small pending list: bulk ingest stays fast, and a query right after it does not scan megabytes
        "CREATE INDEX search_docs_stems ON search_docs USING gin (stems) WITH (gin_pending_list_limit = 512)",
        "CREATE INDEX search_docs_exact ON search_docs USING gin (exact) WITH (gin_pending_list_limit = 512)",
    ),
)


def apply_pg_migrations(conn: psycopg.Connection[tuple[object, ...]]) -> list[int]:
    """Apply pending migrations on an autocommit connection; returns the numbers applied."""
    conn.execute("SELECT pg_advisory_lock(%s)", (_MIGRATION_LOCK,))
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (number integer PRIMARY KEY,"
            " applied_at timestamptz NOT NULL DEFAULT now())"
        )
        done = {int(str(row[0])) for row in conn.execute("SELECT number FROM schema_migrations")}
        check_not_newer(done)
        applied = []
        for number, statements in enumerate(PG_MIGRATIONS, start=1):
            if number in done:
                continue
            with conn.transaction():
                for sql in statements:
                    conn.execute(sql)  # constant SQL from this module
                conn.execute("INSERT INTO schema_migrations (number) VALUES (%s)", (number,))
            applied.append(number)
        return applied
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", (_MIGRATION_LOCK,))


def check_not_newer(done: set[int]) -> None:
    """Refuse an archive migrated by a newer rasd (its schema may mean something we do not know)."""
    newest = max(done, default=0)
    if newest > len(PG_MIGRATIONS):
        raise StoreError(
            f"this archive has schema version {newest}, newer than this rasd knows ({len(PG_MIGRATIONS)});"
            " upgrade rasd"
        )
