"""Migration 4 (folded name keys) upgrades an archive written before it, on SQLite and PostgreSQL.

Each test makes an archive at schema version 3 (the migrations before folding), writes an article's
rows the way the older rasd did (no folded names, no ``entity_names``), then opens it with the
current code: the migration backfills the keys and folded lookups find the old rows.
"""

from __future__ import annotations

import json
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from rasd.document import Article, Span
from rasd.errors import StoreError
from rasd.storage import migrations as sqlite_migrations
from rasd.storage import open_store, pg_migrations
from rasd.storage.sql_annotations import annotation_rows, entity_key

PG_URL = os.environ.get("RASD_TEST_PG_URL", "")
ERBIL, GOVERNOR = "أربيل", "نجم الجبوري"


def _old_article() -> Article:
    a = Article.build(f"اشتباك قرب {ERBIL}", [f"اشتباك مسلح قرب {ERBIL} وقال المحافظ إن القوات تتقدم"],
                      url="https://e.com/old/1", published=datetime(2021, 7, 10, 8, 0), outlet="أ")
    text = a.text
    e = text.index(ERBIL, text.index("\n"))
    g = text.index("المحافظ")
    a = a.with_layer("entities", [Span(e, e + len(ERBIL), "LOC", {"canonical": ERBIL}),
                                  Span(g, g + 7, "PER", {"canonical": GOVERNOR})])
    q = text.index("القوات تتقدم")
    a = a.with_layer("quotes", [Span(q, q + 12, "quote", {"speaker": GOVERNOR})])
    c = text.index("اشتباك", 5)
    return a.with_layer("events", [Span(c, c + 6, "clash", {"type": "clash", "locations": [ERBIL, "نينوى"]}),
                                   Span(0, 6, "clash", {"type": "clash", "locations": ERBIL})])


def _write_the_old_way(conn: Any, ph: str, span_columns: str) -> None:
    """The article, its annotation rows (8 columns) and entity aggregates, as rasd wrote them before."""
    a = _old_article()
    marks = ", ".join([ph] * 6)
    conn.execute(f"INSERT INTO articles (id, title, published, content_hash, text, doc) VALUES ({marks})",
                 (a.id, a.title, a.published.isoformat() if a.published else None, a.content_hash, a.text,
                  a.to_json()))
    pk = conn.execute(f"SELECT pk FROM articles WHERE id = {ph}", (a.id,)).fetchone()[0]
    for row in annotation_rows(int(pk), a):
        conn.execute(f"INSERT INTO annotations (article_pk, layer, {span_columns}, label, key, date, attrs)"
                     f" VALUES ({', '.join([ph] * 8)})", row[:8])
    for span in a.entities:
        name = entity_key(span, a.text)
        conn.execute(f"INSERT INTO entities (canonical, type, aliases, roles, article_count, mention_count,"
                     f" first_seen, last_seen) VALUES ({', '.join([ph] * 8)})",
                     (name, span.label, json.dumps([span.slice(a.text)], ensure_ascii=False), "[]", 1, 1,
                      None, None))


def _check_folded_lookups(store: Any) -> None:
    profile = store.entity_profile("اربيل")
    assert profile is not None and profile["canonical"] == ERBIL and profile["aliases"] == [ERBIL]
    by_alias = store.entity_profile("المُحافظ")
    assert by_alias is not None and by_alias["canonical"] == GOVERNOR
    assert [e["trigger"] for e in store.find_events(location="اربيل")] == ["اشتباك", "اشتباك"]
    assert [e["trigger"] for e in store.find_events(location="نينوي")] == ["اشتباك"]
    assert [q["speaker"] for q in store.find_quotes(speaker="نجم الجبورى")] == [GOVERNOR]
    assert store.find_quotes(speaker="الجبوري") == []


def _check_migrated(store: Any) -> None:
    """Migration 4 is recorded and the folded look-ups work; closes ``store``."""
    try:
        numbers = [r[0] for r in store.connection.execute("SELECT number FROM schema_migrations")]
        assert {1, 2, 3, 4} <= set(numbers)  # later migrations (5: search headline tier) may follow
        _check_folded_lookups(store)
    finally:
        store.close()


def test_sqlite_archive_before_migration_4_gets_folded_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(tmp_path / "old.db")
    with monkeypatch.context() as m:
        m.setattr(sqlite_migrations, "LATER_MIGRATIONS", ())
        old = open_store(path)
        conn = old.connection  # type: ignore[attr-defined]
        assert [r[0] for r in conn.execute("SELECT number FROM schema_migrations ORDER BY number")] == [1, 2, 3]
        conn.execute("BEGIN")
        _write_the_old_way(conn, "?", "start, end")
        conn.execute("COMMIT")
        old.close()
    with pytest.raises(StoreError, match=re.escape(f"needs migrating: run `rasd upgrade --db {path}` once")):
        open_store(path, readonly=True)  # `rasd entity` on an older archive: one clear line
    open_store(path).close()
    store = open_store(path, readonly=True)
    _check_migrated(store)


def test_postgres_archive_before_migration_4_gets_folded_keys(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import psycopg

    import rasd.storage.postgres  # noqa: F401  imported before the patch, so it keeps every migration

    with monkeypatch.context() as m:
        m.setattr(pg_migrations, "PG_MIGRATIONS", pg_migrations.PG_MIGRATIONS[:3])
        open_store(pg_url).close()
    with psycopg.connect(pg_url) as conn:
        assert [r[0] for r in conn.execute("SELECT number FROM schema_migrations ORDER BY number")] == [1, 2, 3]
        _write_the_old_way(conn, "%s", "span_start, span_end")
    with pytest.raises(StoreError, match=re.escape(f"needs migrating: run `rasd upgrade --db {pg_url}` once")):
        open_store(pg_url, readonly=True)
    store = open_store(pg_url)
    _check_migrated(store)
