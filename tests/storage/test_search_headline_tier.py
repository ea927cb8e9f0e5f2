"""The headline tier of relevance ranking (``headlines_fts``, migration 5): the same matches, counts and
pages as ranking the whole index, headline matches first; kept current by ingest, reindex and delete;
built for an archive made before it."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from rasd.arabic.analyze import load_search_analyzer
from rasd.document import Article
from rasd.errors import StoreError
from rasd.search import parse_query
from rasd.storage import fts, open_store

_ROWS = [
    # (key, headline, body, outlet, day)
    ("h1", "زلزال يضرب تركيا", "قتل عشرات في زلزال ضرب جنوب تركيا فجر اليوم.", "أ", 1),
    ("h2", "تركيا: زلزال بقوة ست درجات", "سجلت المراصد زلزالا قويا.", "ب", 2),
    ("h3", "ضحايا زلزال جنوب تركيا يرتفعون", "ارتفع عدد الضحايا إلى مئة.", "أ", 3),
    ("h4", "زلزال تركيا والاقتصاد", "تراجعت الليرة بعد الكارثة.", "ب", 4),
    ("body", "كارثة طبيعية جديدة", "ضرب زلزال عنيف جنوب تركيا، وتراجعت الليرة.", "أ", 5),
    ("part", "زلزال في المنطقة", "شعر به سكان في تركيا وسوريا.", "ب", 6),
    ("other", "الحكومة تعلن الموازنة", "أعلنت الحكومة الموازنة الجديدة.", "أ", 7),
]
ARTICLES = {
    key: Article.build(
        title,
        [body],
        url=f"https://example.test/{key}",
        outlet=outlet,
        published=datetime(2024, 3, day),
    )
    for key, title, body, outlet, day in _ROWS
}
KEY_OF = {a.id: k for k, a in ARTICLES.items()}
QUAKE = {"h1", "h2", "h3", "h4", "body", "part"}

#: (query, options): every kind of query the tier must leave the matches of
QUERIES: list[tuple[str, dict[str, object]]] = [
    ("زلزال تركيا", {}),
    ("زلزال تركيا", {"semantics": "and"}),
    ("زلزال تركيا", {"exact": True}),
    ("زلزال تركيا -الليرة", {}),
    ('"زلزال يضرب"', {}),
    ("زلزال تركي*", {}),
    ("زلزال OR الموازنة", {}),
    ("زلزال تركيا", {"outlet": "أ"}),
    ("زلزال تركيا", {"date_from": "2024-03-03"}),
    ("زلزال تركيا", {"sort": "date"}),
    ("زلزال", {}),
]


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "a.db"
    store = open_store(str(path))
    store.put_articles([(a, None) for a in ARTICLES.values()])
    store.close()
    return path


def _search(conn: sqlite3.Connection, text: str, **options: object) -> tuple[list[str], int]:
    result = fts.search_articles(conn, parse_query(text, **options))  # type: ignore[arg-type]
    return [KEY_OF[h.id] for h in result.hits], result.total


def _without_tier(path: Path) -> sqlite3.Connection:
    """The same archive in memory without the headline tier's table (ranks the whole index)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    src = sqlite3.connect(path)
    src.backup(conn)
    src.close()
    conn.execute(f"DROP TABLE {fts.HEADLINE_FTS_TABLE}")
    return conn


def _headline_matches(conn: sqlite3.Connection, text: str) -> set[str]:
    match = fts.compile_match(parse_query(text).expr, load_search_analyzer(), headline=True)
    rows = conn.execute(
        f"SELECT a.id FROM {fts.HEADLINE_FTS_TABLE} h JOIN articles a ON a.pk = h.rowid"
        f" WHERE {fts.HEADLINE_FTS_TABLE} MATCH ?",
        [match],
    ).fetchall()
    return {KEY_OF[r[0]] for r in rows}


@pytest.mark.parametrize(("text", "options"), QUERIES)
def test_tier_keeps_matches_and_totals(archive: Path, text: str, options: dict[str, object]) -> None:
    store = open_store(str(archive), readonly=True)
    plain = _without_tier(archive)
    try:
        with_tier, total = _search(store.connection, text, limit=50, **options)
        without, plain_total = _search(plain, text, limit=50, **options)
        assert total == plain_total
        assert sorted(with_tier) == sorted(without)
        if options.get("sort") == "date":
            assert with_tier == without  # date order does not use the tier
    finally:
        store.close()
        plain.close()


@pytest.mark.parametrize(("text", "options"), QUERIES)
def test_pages_join_up(archive: Path, text: str, options: dict[str, object]) -> None:
    store = open_store(str(archive), readonly=True)
    try:
        whole, total = _search(store.connection, text, limit=50, **options)
        pages: list[str] = []
        for offset in range(0, len(whole) + 2, 2):
            page, page_total = _search(store.connection, text, limit=2, offset=offset, **options)
            assert page_total == total
            pages += page
        assert pages == whole
    finally:
        store.close()


def test_headline_matches_rank_first_and_body_matches_follow(archive: Path) -> None:
    store = open_store(str(archive), readonly=True)
    try:
        ranked, total = _search(store.connection, "زلزال تركيا", limit=50)
        assert total == len(QUAKE) and set(ranked) == QUAKE
        assert set(ranked[:4]) == {"h1", "h2", "h3", "h4"}  # every word in the headline
        first_page, first_total = _search(store.connection, "زلزال تركيا", limit=2)
        assert first_total == len(QUAKE) and first_page == ranked[:2]  # the tier alone fills it
        hits = store.search(parse_query("زلزال تركيا", limit=50)).hits
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
        # NOT looks at the whole article: h4 and the body match hold الليرة in the body only
        assert set(_search(store.connection, "زلزال تركيا -الليرة")[0]) == {"h1", "h2", "h3", "part"}
    finally:
        store.close()


def test_compile_headline_only() -> None:
    analyzer = load_search_analyzer()
    expr = parse_query('زلزال "جنوب تركيا" تركي*').expr
    match = fts.compile_match(expr, analyzer, headline=True)
    assert match is not None and "body" not in match
    assert "{title title_alt}" in match and "{title} :" in match and "{title_exact}" in match
    exact = fts.compile_match(expr, analyzer, exact=True, headline=True)
    assert exact is not None and "body" not in exact and "{title_exact}" in exact


def test_ingest_reindex_and_delete_keep_the_tier_current(archive: Path) -> None:
    store = open_store(str(archive))
    try:
        conn = store.connection
        assert _headline_matches(conn, "زلزال تركيا") == {"h1", "h2", "h3", "h4"}
        # a new fetch of h1's URL with another headline replaces its headline entry
        changed = Article.build(
            "فيضانات في اليونان", ["غمرت المياه القرى."], url="https://example.test/h1", outlet="أ"
        )
        store.put_articles([(changed, None)])
        KEY_OF[changed.id] = "h1"
        assert _headline_matches(conn, "زلزال تركيا") == {"h2", "h3", "h4"}
        assert _headline_matches(conn, "فيضانات اليونان") == {"h1"}
        assert store.reindex() == len(ARTICLES)
        assert _headline_matches(conn, "زلزال تركيا") == {"h2", "h3", "h4"}
        assert _headline_matches(conn, "فيضانات اليونان") == {"h1"}
        pk = conn.execute("SELECT pk FROM articles WHERE url = ?", ["https://example.test/h2"]).fetchone()[0]
        conn.execute("BEGIN")
        fts.delete_articles(conn, [pk])
        conn.execute("COMMIT")
        assert _headline_matches(conn, "زلزال تركيا") == {"h3", "h4"}
        docs = conn.execute(f"SELECT count(*) FROM {fts.HEADLINE_FTS_TABLE}_docsize").fetchone()[0]
        assert docs == len(ARTICLES) - 1
    finally:
        store.close()


def test_archive_before_the_tier_is_migrated_on_open(archive: Path, caplog: pytest.LogCaptureFixture) -> None:
    before = {(t, tuple(sorted(o.items()))): _search(_without_tier(archive), t, **o) for t, o in QUERIES}
    conn = sqlite3.connect(archive, isolation_level=None)
    conn.execute(f"DROP TABLE {fts.HEADLINE_FTS_TABLE}")
    conn.execute("DELETE FROM schema_migrations WHERE number = 5")
    conn.close()
    with pytest.raises(StoreError, match="needs migrating"):
        open_store(str(archive), readonly=True)
    with caplog.at_level(logging.WARNING):
        store = open_store(str(archive))
    try:
        assert any("headline search index" in r.getMessage() for r in caplog.records)
        conn = store.connection
        docs = conn.execute(f"SELECT count(*) FROM {fts.HEADLINE_FTS_TABLE}_docsize").fetchone()[0]
        assert docs == len(ARTICLES)
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(ARTICLES)
        for (text, items), (keys, total) in before.items():
            got, got_total = _search(conn, text, **dict(items))
            assert got_total == total and sorted(got) == sorted(keys)
    finally:
        store.close()
