"""One contract, every backend: the same assertions run against memory and SQLite stores."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from rasd.document import Article, Span
from rasd.errors import StoreError
from rasd.ingest.rawpage import RawPage
from rasd.storage import Outcome, Reject, open_store


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    if request.param == "postgres":
        yield from _postgres_store()
        return
    s = open_store("memory://" if request.param == "memory" else str(tmp_path / "a.db"))
    yield s
    s.close()


def _postgres_store() -> Iterator[object]:
    """A store in a fresh schema of the database at RASD_TEST_PG_URL (skipped when it is unset)."""
    base = os.environ.get("RASD_TEST_PG_URL")
    if not base:
        pytest.skip("RASD_TEST_PG_URL is not set (scripts/pg_test_server.sh start prints one)")
    import psycopg

    schema = f"contract_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    s = open_store(f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}")
    try:
        yield s
    finally:
        s.close()
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def make(title: str, body: str, *, url: str | None = None, day: int = 1, **kw: object) -> Article:
    return Article.build(title, [body], url=url, published=datetime(2021, 7, day, 12, 0), **kw)


def raw_of(text: str) -> RawPage:
    return RawPage(text.encode("utf-8"), source="mem", media_type="text/plain")


def test_insert_then_same_content_is_unchanged(store: object) -> None:
    a = make("عنوان أول", "نص الخبر الأول في بغداد")
    assert store.put_articles([(a, raw_of("x"))]) == [Outcome.INSERTED]  # type: ignore[attr-defined]
    assert store.put_articles([(a, raw_of("x"))]) == [Outcome.UNCHANGED]  # type: ignore[attr-defined]
    assert store.stats().articles == 1  # type: ignore[attr-defined]


def test_new_fetch_of_same_url_updates(store: object) -> None:
    url = "https://example.com/news/1"
    first = make("عنوان", "النسخة الأولى من الخبر", url=url)
    second = make("عنوان", "النسخة الثانية من الخبر بعد التحديث", url=url)
    assert first.id == second.id
    store.put_articles([(first, None)])  # type: ignore[attr-defined]
    assert store.put_articles([(second, None)]) == [Outcome.UPDATED]  # type: ignore[attr-defined]
    assert store.stats().articles == 1  # type: ignore[attr-defined]
    got = store.get_article(first.id)  # type: ignore[attr-defined]
    assert got is not None and "الثانية" in got.text


def test_round_trip_keeps_text_layers_and_metadata(store: object) -> None:
    a = make("زيارة الكاظمي لواشنطن", "نص", views=3084, outlet="NRT عربية")
    a = a.with_layer("entities", [Span(15, 21, "LOC", {"canonical": "واشنطن"})])
    store.put_articles([(a, None)])  # type: ignore[attr-defined]
    got = store.get_article(a.id)  # type: ignore[attr-defined]
    assert got == a
    assert got.entities[0].slice(got.text) == "واشنطن"
    assert store.get_article(a.id[:8]) == a  # type: ignore[attr-defined]
    assert store.get_article("nope") is None  # type: ignore[attr-defined]


def test_raw_bytes_are_kept(store: object) -> None:
    a = make("عنوان", "نص")
    store.put_articles([(a, raw_of("البايتات الأصلية"))])  # type: ignore[attr-defined]
    assert store.get_raw(a.id) == "البايتات الأصلية".encode()  # type: ignore[attr-defined]


def test_rejects_are_recorded_once(store: object) -> None:
    r = Reject("pages/x.bin", "undecodable", "binary data", "abc")
    assert store.add_rejects([r, r]) == 1  # type: ignore[attr-defined]
    assert store.add_rejects([r]) == 0  # type: ignore[attr-defined]
    stats = store.stats()  # type: ignore[attr-defined]
    assert stats.rejects == 1 and stats.reject_reasons == {"undecodable": 1}
    assert store.list_rejects()[0].source == "pages/x.bin"  # type: ignore[attr-defined]


def test_list_is_newest_first_and_filters_outlet(store: object) -> None:
    for day in (3, 1, 2):
        store.put_articles([(make(f"خبر {day}", f"نص {day}", day=day, outlet="أ" if day != 2 else "ب"), None)])  # type: ignore[attr-defined]
    titles = [r.title for r in store.list_articles()]  # type: ignore[attr-defined]
    assert titles == ["خبر 3", "خبر 2", "خبر 1"]
    assert [r.title for r in store.list_articles(outlet="ب")] == ["خبر 2"]  # type: ignore[attr-defined]
    assert [r.title for r in store.list_articles(limit=1, offset=1)] == ["خبر 2"]  # type: ignore[attr-defined]


def test_sqlite_failed_batch_rolls_back_and_keeps_earlier_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rasd.storage import fts

    store = open_store(str(tmp_path / "a.db"))
    kept = make("محفوظ", "خبر محفوظ")
    store.put_articles([(kept, None)])

    def boom(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(fts, "index_articles", boom)
    with pytest.raises(RuntimeError):
        store.put_articles([(make("جديد", "خبر جديد"), None), (make("آخر", "خبر آخر"), None)])
    assert store.stats().articles == 1
    assert store.get_article(kept.id) == kept


def test_sqlite_entity_aggregates_follow_updates(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "a.db"))
    url = "https://example.com/a"
    text_title = "بغداد وواشنطن"
    a = Article.build(text_title, ["نص"], url=url, published=datetime(2021, 7, 26))
    a = a.with_layer("entities", [Span(0, 5, "LOC", {"canonical": "بغداد"}), Span(7, 13, "LOC", {"canonical": "واشنطن"})])
    b = Article.build("بغداد مرة أخرى", ["نص آخر"], published=datetime(2021, 8, 1))
    b = b.with_layer("entities", [Span(0, 5, "LOC", {"canonical": "بغداد", "role": None})])
    store.put_articles([(a, None), (b, None)])
    top = {e["canonical"]: e for e in store.top_entities()}
    assert top["بغداد"]["article_count"] == 2 and top["واشنطن"]["article_count"] == 1
    assert top["بغداد"]["first_seen"].startswith("2021-07-26") and top["بغداد"]["last_seen"].startswith("2021-08-01")
    # A new fetch of the first article no longer mentions Washington.
    a2 = Article.build("بغداد اليوم", ["نص محدث"], url=url, published=datetime(2021, 7, 26))
    a2 = a2.with_layer("entities", [Span(0, 5, "LOC", {"canonical": "بغداد"})])
    store.put_articles([(a2, None)])
    top = {e["canonical"]: e for e in store.top_entities()}
    assert "واشنطن" not in top and top["بغداد"]["article_count"] == 2
    profile = store.entity_profile("بغداد")
    assert profile is not None and {t["month"] for t in profile["timeline"]} == {"2021-07", "2021-08"}


def test_open_store_rejects_non_database_without_touching_it(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not a database, it is my notes" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="cannot open archive"):
        open_store(str(path))
    assert path.read_bytes() == before


def test_open_store_unknown_url() -> None:
    with pytest.raises(StoreError, match="unknown store URL"):
        open_store("mongodb://localhost/x")
    with pytest.raises(StoreError, match="PostgreSQL"):
        open_store("postgresql://localhost/x")


def test_same_page_twice_in_one_batch(store: object) -> None:
    url = "https://example.com/dup"
    first, second = make("عنوان", "نسخة أولى", url=url), make("عنوان", "نسخة ثانية", url=url)
    assert store.put_articles([(first, None), (second, None)]) == [Outcome.INSERTED, Outcome.UPDATED]  # type: ignore[attr-defined]
    assert store.stats().articles == 1  # type: ignore[attr-defined]
    got = store.get_article(first.id)  # type: ignore[attr-defined]
    assert got is not None and "ثانية" in got.text
