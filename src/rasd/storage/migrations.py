"""Numbered schema migrations, recorded in ``schema_migrations`` (after sqlite-utils' migrations).

Each migration is a tuple of steps (an SQL statement, or a function of the connection for a backfill
that needs Python); `apply_migrations` runs the ones not yet recorded, each in its own transaction,
so an archive created by an older rasd is upgraded in place.

Numbers: 1 and 2 here, 3 the search index's (`rasd.storage.fts`, passed in as ``extra``), then
`LATER_MIGRATIONS` from 4 on (5: the search index's headline tier).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from rasd.storage.names import fold_value

Step = str | Callable[[sqlite3.Connection], None]

MIGRATIONS: tuple[tuple[Step, ...], ...] = (
    # 1: articles, raw bytes (content-addressed), rejects
    (
        """CREATE TABLE articles (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            url TEXT,
            title TEXT NOT NULL DEFAULT '',
            outlet TEXT,
            published TEXT,
            published_raw TEXT,
            views INTEGER,
            category TEXT,
            author TEXT,
            source TEXT,
            fetched_at TEXT,
            content_hash TEXT NOT NULL,
            raw_sha256 TEXT,
            text TEXT NOT NULL,
            doc TEXT NOT NULL,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        )""",
        "CREATE INDEX articles_published ON articles(published)",
        "CREATE INDEX articles_outlet ON articles(outlet)",
        """CREATE TABLE raw_pages (
            sha256 TEXT PRIMARY KEY,
            media_type TEXT,
            size INTEGER NOT NULL,
            data BLOB NOT NULL
        )""",
        """CREATE TABLE rejects (
            pk INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            reason TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            sha256 TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            UNIQUE (source, reason, sha256)
        )""",
    ),
    # 2: annotations that are queried across the archive (entities, quotes, events), and entities
    (
        """CREATE TABLE annotations (
            article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
            layer TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            label TEXT NOT NULL,
            key TEXT,
            date TEXT,
            attrs TEXT NOT NULL DEFAULT '{}'
        )""",
        "CREATE INDEX annotations_article ON annotations(article_pk)",
        "CREATE INDEX annotations_layer_key ON annotations(layer, key)",
        "CREATE INDEX annotations_layer_date ON annotations(layer, date)",
        """CREATE TABLE entities (
            canonical TEXT NOT NULL,
            type TEXT NOT NULL,
            aliases TEXT NOT NULL DEFAULT '[]',
            roles TEXT NOT NULL DEFAULT '[]',
            article_count INTEGER NOT NULL DEFAULT 0,
            mention_count INTEGER NOT NULL DEFAULT 0,
            first_seen TEXT,
            last_seen TEXT,
            PRIMARY KEY (canonical, type)
        )""",
        "CREATE INDEX entities_count ON entities(type, article_count DESC)",
    ),
)



def _fold_names(conn: sqlite3.Connection) -> None:
    """Backfill migration 4: folded names of the rows an older rasd stored (`rasd.storage.names`)."""
    conn.create_function("rasd_fold_name", 1, fold_value, deterministic=True)
    try:
        conn.execute(
            "UPDATE annotations SET names = CASE WHEN key IS NULL THEN '[]' ELSE json_array(rasd_fold_name(key))"
            " END WHERE layer = 'quotes'"
        )
        conn.execute(
            "UPDATE annotations SET names = (SELECT json_group_array(rasd_fold_name(j.value))"
            " FROM json_each(annotations.attrs, '$.locations') j WHERE j.value IS NOT NULL) WHERE layer = 'events'"
        )
        conn.execute(
            "INSERT OR IGNORE INTO entity_names (folded, canonical, type, is_alias)"
            " SELECT rasd_fold_name(canonical), canonical, type, 0 FROM entities"
        )
        conn.execute(
            "INSERT OR IGNORE INTO entity_names (folded, canonical, type, is_alias)"
            " SELECT rasd_fold_name(j.value), e.canonical, e.type, 1 FROM entities e, json_each(e.aliases) j"
            " WHERE j.value IS NOT NULL"
        )
    finally:
        conn.create_function("rasd_fold_name", 1, None)


def _build_headline_index(conn: sqlite3.Connection) -> None:
    """Migration 5: the headline-only search index, filled from the full one (`rasd.storage.fts`)."""
    from rasd.storage.fts import create_headline_index

    create_headline_index(conn)


#: the search index's migration (`rasd.storage.fts.FTS_SCHEMA`) is number 3
SEARCH_MIGRATION = 3

LATER_MIGRATIONS: tuple[tuple[Step, ...], ...] = (
    # 4: folded name keys (`rasd.storage.names`): entity names and aliases, quote speakers, event places
    (
        # a JSON array of folded names: a quote's speaker, an event's locations (NULL for entities)
        "ALTER TABLE annotations ADD COLUMN names TEXT",
        """CREATE TABLE entity_names (
            folded TEXT NOT NULL,
            canonical TEXT NOT NULL,
            type TEXT NOT NULL,
            is_alias INTEGER NOT NULL,
            PRIMARY KEY (folded, canonical, type, is_alias),
            FOREIGN KEY (canonical, type) REFERENCES entities (canonical, type) ON DELETE CASCADE
        ) WITHOUT ROWID""",
        "CREATE INDEX entity_names_entity ON entity_names (canonical, type)",
        # the speaker filter (`rasd.storage.sqlite_annotations.SQLITE.sole_name_is`)
        "CREATE INDEX annotations_quote_name ON annotations (json_extract(names, '$[0]')) WHERE layer = 'quotes'",
        _fold_names,
    ),
    # 5: the search index's headline tier (`rasd.storage.fts.HEADLINE_FTS_TABLE`), filled from the index
    (_build_headline_index,),
)


def numbered_migrations(extra: Sequence[tuple[Step, ...]] = ()) -> list[tuple[int, tuple[Step, ...]]]:
    """Every migration with its number: ours, ``extra`` (the search index's, number 3), the later ones.

    >>> [n for n, _ in numbered_migrations([("SELECT 1",)])]
    [1, 2, 3, 4, 5]
    """
    if len(extra) > SEARCH_MIGRATION - len(MIGRATIONS):
        raise ValueError("the SQLite store takes one extra (search index) migration, number 3")
    first = list(enumerate((*MIGRATIONS, *extra), start=1))
    return first + list(enumerate(LATER_MIGRATIONS, start=SEARCH_MIGRATION + 1))


def pending_migrations(conn: sqlite3.Connection, extra: Sequence[tuple[Step, ...]] = ()) -> list[int]:
    """The numbers of the migrations not yet applied to the archive on ``conn`` (read-only is fine)."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    done = {row[0] for row in conn.execute("SELECT number FROM schema_migrations")} if exists.fetchone() else set()
    return [number for number, _ in numbered_migrations(extra) if number not in done]


def apply_migrations(conn: sqlite3.Connection, extra: Sequence[tuple[Step, ...]] = ()) -> list[int]:
    """Apply pending migrations; returns the numbers applied.  ``extra`` is the search index's (3)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY, applied_at TEXT NOT NULL"
        " DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
    )
    done = {row[0] for row in conn.execute("SELECT number FROM schema_migrations")}
    applied = []
    for number, steps in numbered_migrations(extra):
        if number in done:
            continue
        with conn:
            if not conn.in_transaction:  # an autocommit connection: one transaction per migration
                conn.execute("BEGIN")
            for step in steps:
                if isinstance(step, str):
                    conn.execute(step)
                else:
                    step(conn)
            conn.execute("INSERT INTO schema_migrations(number) VALUES (?)", (number,))
        applied.append(number)
    return applied
