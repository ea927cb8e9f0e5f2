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

import json
from collections.abc import Callable
from typing import Any

import psycopg

from rasd.errors import StoreError
from rasd.storage.names import fold_name

#: advisory-lock key for migrations (any constant; "rasd" in ASCII)
_MIGRATION_LOCK = 0x72617364

#: an event's locations as a jsonb array (one name, or none, as an array too)
_PLACES = (
    "CASE jsonb_typeof(attrs->'locations') WHEN 'array' THEN attrs->'locations'"
    " WHEN 'string' THEN jsonb_build_array(attrs->'locations') ELSE '[]'::jsonb END"
)


def _fold_names(conn: psycopg.Connection[Any]) -> None:
    """Backfill migration 4: folded names (`rasd.storage.names`) of the rows an older rasd stored.

    The archive's distinct names are folded in Python and sent back as one JSON object (name → key).
    """
    names = conn.execute(
        "SELECT key FROM annotations WHERE layer = 'quotes' AND key IS NOT NULL"
        f" UNION SELECT t.v FROM annotations, jsonb_array_elements_text({_PLACES}) AS t(v) WHERE layer = 'events'"
        " UNION SELECT canonical FROM entities UNION SELECT jsonb_array_elements_text(aliases) FROM entities"
    ).fetchall()
    folded = json.dumps({str(n): fold_name(str(n)) for (n,) in names if n is not None}, ensure_ascii=False)
    conn.execute(
        "UPDATE annotations SET names = CASE WHEN key IS NULL THEN '[]'::jsonb"
        " ELSE jsonb_build_array(%s::jsonb->>key) END WHERE layer = 'quotes'",
        (folded,),
    )
    conn.execute(
        "UPDATE annotations SET names = (SELECT coalesce(jsonb_agg(%s::jsonb->>t.v), '[]'::jsonb)"
        f" FROM jsonb_array_elements_text({_PLACES}) AS t(v) WHERE t.v IS NOT NULL) WHERE layer = 'events'",
        (folded,),
    )
    conn.execute(
        "INSERT INTO entity_names (folded, canonical, type, is_alias)"
        " SELECT %s::jsonb->>canonical, canonical, type, 0 FROM entities ON CONFLICT DO NOTHING",
        (folded,),
    )
    conn.execute(
        "INSERT INTO entity_names (folded, canonical, type, is_alias)"
        " SELECT DISTINCT %s::jsonb->>t.v, e.canonical, e.type, 1"
        " FROM entities e, jsonb_array_elements_text(e.aliases) AS t(v) WHERE t.v IS NOT NULL ON CONFLICT DO NOTHING",
        (folded,),
    )


Step = str | Callable[[psycopg.Connection[Any]], None]

PG_MIGRATIONS: tuple[tuple[Step, ...], ...] = (
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
    # 4: folded name keys (`rasd.storage.names`): entity names and aliases, quote speakers, event places
    (
        # a jsonb array of folded names: a quote's speaker, an event's locations (NULL for entities)
        "ALTER TABLE annotations ADD COLUMN names jsonb",
        """CREATE TABLE entity_names (
            folded text COLLATE "C" NOT NULL,
            canonical text COLLATE "C" NOT NULL,
            type text COLLATE "C" NOT NULL,
            is_alias smallint NOT NULL,
            PRIMARY KEY (folded, canonical, type, is_alias),
            FOREIGN KEY (canonical, type) REFERENCES entities (canonical, type) ON DELETE CASCADE
        )""",
        "CREATE INDEX entity_names_entity ON entity_names (canonical, type)",
        _fold_names,
        "CREATE INDEX annotations_quote_names ON annotations USING gin (names jsonb_path_ops) WHERE layer = 'quotes'",
        "CREATE INDEX annotations_event_names ON annotations USING gin (names jsonb_path_ops) WHERE layer = 'events'",
        # the location filter reads the folded names now
        "DROP INDEX annotations_event_places",
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
                for step in statements:
                    if isinstance(step, str):
                        conn.execute(step)  # constant SQL from this module
                    else:
                        step(conn)
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
