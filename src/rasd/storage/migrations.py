"""Numbered schema migrations, recorded in ``schema_migrations`` (after sqlite-utils' migrations).

Each migration is a tuple of SQL statements; `apply_migrations` runs the ones not yet recorded, each
in its own transaction, so an archive created by an older rasd is upgraded in place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

MIGRATIONS: tuple[tuple[str, ...], ...] = (
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


def apply_migrations(conn: sqlite3.Connection, extra: Sequence[tuple[str, ...]] = ()) -> list[int]:
    """Apply pending migrations; returns the numbers applied.  ``extra`` are appended after ours."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY, applied_at TEXT NOT NULL"
        " DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
    )
    done = {row[0] for row in conn.execute("SELECT number FROM schema_migrations")}
    applied = []
    for number, statements in enumerate((*MIGRATIONS, *extra), start=1):
        if number in done:
            continue
        with conn:
            for sql in statements:
                conn.execute(sql)
            conn.execute("INSERT INTO schema_migrations(number) VALUES (?)", (number,))
        applied.append(number)
    return applied
