"""An archive indexed by another analyzer is reindexed when opened (with a log line), and search works."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from rasd.arabic.analyze import load_search_analyzer
from rasd.document import Article
from rasd.search import parse_query
from rasd.storage import fts, open_store
from rasd.storage.search_backend import INDEX_META_TABLE, stored_articles

ARTICLES = [
    Article.build("وفد أميركي يصل لأميركا", ["قال مسؤولون إن الوفد وصل لواشنطن أمس."]),
    Article.build("الحكومة تعلن الموازنة", ["أعلنت الحكومة الموازنة الجديدة."]),
]


def _fingerprint(path: Path) -> str | None:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute(f"SELECT value FROM {INDEX_META_TABLE} WHERE key = 'analyzer'").fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def _age_index(path: Path, *, drop_meta: bool) -> None:
    """Make the archive look indexed by an older rasd: stale terms, old or no fingerprint."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"UPDATE {fts.FTS_TABLE} SET title = 'قديم', title_alt = '', title_exact = 'قديم'")
    if drop_meta:
        conn.execute(f"DROP TABLE {INDEX_META_TABLE}")
    else:
        conn.execute(f"UPDATE {INDEX_META_TABLE} SET value = '1-old' WHERE key = 'analyzer'")
    conn.close()


def _ids(store: object, text: str) -> set[str]:
    return {h.id for h in store.search(parse_query(text)).hits}  # type: ignore[attr-defined]


def test_new_archive_records_the_fingerprint(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    open_store(str(path)).close()
    assert _fingerprint(path) == load_search_analyzer().fingerprint


@pytest.mark.parametrize("drop_meta", [False, True])
def test_stale_index_is_rebuilt_on_open(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, drop_meta: bool
) -> None:
    path = tmp_path / "a.db"
    store = open_store(str(path))
    store.put_articles([(a, None) for a in ARTICLES])
    store.close()
    _age_index(path, drop_meta=drop_meta)
    with caplog.at_level(logging.WARNING):
        store = open_store(str(path))
    try:
        assert any("reindexing" in r.getMessage() for r in caplog.records)
        assert _ids(store, "لأمريكا") == {ARTICLES[0].id}  # a variant behind a clitic: analyzer 2
        assert _ids(store, "قديم") == set()
    finally:
        store.close()
    assert _fingerprint(path) == load_search_analyzer().fingerprint


def test_current_index_is_left_alone(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "a.db"
    store = open_store(str(path))
    store.put_articles([(a, None) for a in ARTICLES])
    store.close()
    with caplog.at_level(logging.WARNING):
        open_store(str(path)).close()
    assert not any("reindex" in r.getMessage() for r in caplog.records)


def test_readonly_open_warns_instead(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "a.db"
    store = open_store(str(path))
    store.put_articles([(a, None) for a in ARTICLES])
    store.close()
    _age_index(path, drop_meta=True)
    with caplog.at_level(logging.WARNING):
        store = open_store(str(path), readonly=True)
    store.close()
    assert any("rasd reindex" in r.getMessage() for r in caplog.records)
    assert _fingerprint_table_missing(path)


def _fingerprint_table_missing(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (INDEX_META_TABLE,)).fetchone() is None
        )
    finally:
        conn.close()


def test_stored_articles_index_like_the_articles(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "a.db"))
    try:
        store.put_articles([(a, None) for a in ARTICLES])
        conn = store.connection  # type: ignore[attr-defined]
        analyzer = load_search_analyzer()
        rebuilt = {pk: fts._shadow_row(analyzer, pk, a) for pk, a in stored_articles(conn)}
        pks = dict(conn.execute("SELECT id, pk FROM articles").fetchall())
        for a in ARTICLES:
            assert rebuilt[pks[a.id]] == fts._shadow_row(analyzer, pks[a.id], a)
    finally:
        store.close()


def test_stale_postgres_index_is_rebuilt_on_open(pg_url: str, caplog: pytest.LogCaptureFixture) -> None:
    store = open_store(pg_url)
    store.put_articles([(a, None) for a in ARTICLES])
    store.connection.execute("UPDATE search_docs SET stems = 'قديم'::tsvector")
    store.connection.execute(f"UPDATE {INDEX_META_TABLE} SET value = '1-old'")
    store.close()
    with caplog.at_level(logging.WARNING):
        store = open_store(pg_url)
    try:
        assert any("reindexing" in r.getMessage() for r in caplog.records)
        assert _ids(store, "لأمريكا") == {ARTICLES[0].id}
        assert _ids(store, "قديم") == set()
    finally:
        store.close()
