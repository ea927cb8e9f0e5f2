"""The compact headline table the re-rank reads (``search_headlines``): written with the index, filled
for an archive made before it, and optional for a read-only archive."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from rasd.document import Article
from rasd.search import parse_query
from rasd.storage import fts, open_store

ARTICLES = [
    Article.build("المستوطنون يحرقون مسجداً في الضفة", ["أحرق مستوطنون مسجداً قرب نابلس."]),
    Article.build("مستوطنون يحرقون محاصيل زراعية بالخليل", ["قال مزارعون إن المستوطنين أحرقوا المحاصيل."]),
    Article.build("الحكومة تعلن الموازنة", ["أعلنت الحكومة الموازنة الجديدة."]),
]


def _headlines(conn: sqlite3.Connection) -> dict[int, str]:
    return dict(conn.execute(f"SELECT pk, title FROM {fts.HEADLINE_TABLE}").fetchall())


def _ranked(store: object, text: str) -> list[str]:
    return [h.id for h in store.search(parse_query(text)).hits]  # type: ignore[attr-defined]


def _archive(path: Path) -> list[str]:
    store = open_store(str(path))
    store.put_articles([(a, None) for a in ARTICLES])
    ranked = _ranked(store, "المستوطنون يحرقون")
    store.close()
    return ranked


def test_index_writes_replaces_and_deletes_headlines(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "a.db"))
    try:
        store.put_articles([(a, None) for a in ARTICLES])
        conn = store.connection
        pks = dict(conn.execute("SELECT id, pk FROM articles").fetchall())
        assert _headlines(conn) == {pks[a.id]: a.title for a in ARTICLES}
        first = pks[ARTICLES[0].id]
        fts.index_articles(conn, [(first, ARTICLES[2])])  # re-indexing a pk replaces its headline
        assert _headlines(conn)[first] == ARTICLES[2].title
        fts.delete_articles(conn, [first])
        assert first not in _headlines(conn)
        assert store.reindex() == len(ARTICLES)
        assert _headlines(conn) == {pks[a.id]: a.title for a in ARTICLES}
    finally:
        store.close()


def test_archive_without_the_table_is_filled_on_open(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "a.db"
    before = _archive(path)
    assert before[0] == ARTICLES[0].id  # the exact form and the short headline win
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"DROP TABLE {fts.HEADLINE_TABLE}")
    conn.close()
    with caplog.at_level(logging.WARNING):
        store = open_store(str(path))
    try:
        assert any("headline table" in r.getMessage() for r in caplog.records)
        assert sorted(_headlines(store.connection).values()) == sorted(a.title for a in ARTICLES)
        assert _ranked(store, "المستوطنون يحرقون") == before
    finally:
        store.close()


def test_readonly_archive_without_the_table_ranks_the_same(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    before = _archive(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"DROP TABLE {fts.HEADLINE_TABLE}")
    conn.close()
    store = open_store(str(path), readonly=True)
    try:
        assert _ranked(store, "المستوطنون يحرقون") == before
    finally:
        store.close()
