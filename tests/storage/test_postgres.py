"""PostgreSQL-specific store tests (each in a fresh schema of the database at ``RASD_TEST_PG_URL``).

Start a throwaway server with ``export RASD_TEST_PG_URL="$(scripts/pg_test_server.sh start)"``;
without the variable these tests skip (except the ones that need no server).
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from datetime import datetime

import pytest

from rasd.document import Article, Span, make_article_id
from rasd.errors import QueryError, StoreError
from rasd.ingest.rawpage import RawPage
from rasd.storage import Outcome, open_store

PG_URL = os.environ.get("RASD_TEST_PG_URL", "")
needs_pg = pytest.mark.skipif(
    not PG_URL, reason="RASD_TEST_PG_URL is not set (scripts/pg_test_server.sh start)"
)


@pytest.fixture
def pg(pg_url: str) -> Iterator[object]:
    store = open_store(pg_url)
    yield store
    store.close()


def make(
    title: str, body: str, *, url: str | None = None, day: int = 1, month: int = 7, **kw: object
) -> Article:
    return Article.build(title, [body], url=url, published=datetime(2021, month, day, 12, 0), **kw)


def with_entities(article: Article, *names: tuple[str, str, dict[str, object]]) -> Article:
    """Entity spans over the first occurrence of each surface form."""
    spans = []
    for surface, label, attrs in names:
        start = article.text.index(surface)
        spans.append(Span(start, start + len(surface), label, attrs))
    return article.with_layer("entities", spans)


def count_articles(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0]) if row else -1


# -- no server needed ----------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_server_not_running_is_a_one_line_store_error() -> None:
    port = _free_port()
    with pytest.raises(StoreError) as info:
        open_store(f"postgresql://postgres@127.0.0.1:{port}/rasd")
    message = str(info.value)
    assert message.startswith(f"cannot connect to PostgreSQL at 127.0.0.1:{port}/rasd: ")
    assert "\n" not in message


def test_password_is_masked_in_messages() -> None:
    port = _free_port()
    with pytest.raises(StoreError) as info:
        open_store(f"postgresql://rasd:hunter2@127.0.0.1:{port}/rasd")
    assert "hunter2" not in str(info.value)


# -- transactions ----------------------------------------------------------------------------------
@needs_pg
def test_failed_batch_in_the_database_rolls_back_and_keeps_earlier_data(pg: object, pg_url: str) -> None:
    kept = make("محفوظ", "خبر محفوظ")
    pg.put_articles([(kept, None)])  # type: ignore[attr-defined]
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as admin:  # the second article of the batch fails in SQL
        admin.execute(
            "CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            " IF NEW.title = 'انفجار' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$"
        )
        admin.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION refuse_boom()"
        )
    first = with_entities(make("بغداد جديد", "خبر جديد"), ("بغداد", "LOC", {"canonical": "بغداد"}))
    with pytest.raises(StoreError, match="disk full"):
        pg.put_articles([(first, RawPage(b"x", source="m")), (make("انفجار", "خبر آخر"), None)])  # type: ignore[attr-defined]
    assert pg.stats().articles == 1  # type: ignore[attr-defined]
    assert pg.get_article(first.id) is None  # type: ignore[attr-defined]
    assert pg.get_article(kept.id) == kept  # type: ignore[attr-defined]
    assert pg.top_entities() == []  # type: ignore[attr-defined]
    assert count_articles(pg_url) == 1
    # The connection is usable after the failure.
    assert pg.put_articles([(first, None)]) == [Outcome.INSERTED]  # type: ignore[attr-defined]


@needs_pg
def test_failed_batch_in_python_rolls_back(pg: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from rasd.storage import pg_annotations

    kept = make("محفوظ", "خبر محفوظ")
    pg.put_articles([(kept, None)])  # type: ignore[attr-defined]

    def boom(self: object, conn: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(pg_annotations.AnnotationBatch, "flush", boom)
    with pytest.raises(RuntimeError):
        pg.put_articles([(make("جديد", "خبر جديد"), None), (make("آخر", "خبر آخر"), None)])  # type: ignore[attr-defined]
    assert pg.stats().articles == 1  # type: ignore[attr-defined]
    assert [a.id for a in pg.iter_articles()] == [kept.id]  # type: ignore[attr-defined]


@needs_pg
def test_nul_character_is_refused_before_writing(pg: object) -> None:
    bad = make("عنوان", "نص فيه \x00 محرف")
    with pytest.raises(StoreError, match="NUL"):
        pg.put_articles([(make("سليم", "خبر سليم"), None), (bad, None)])  # type: ignore[attr-defined]
    assert pg.stats().articles == 0  # type: ignore[attr-defined]


@needs_pg
def test_nan_attribute_is_refused_before_writing(pg: object) -> None:
    a = make("عنوان", "نص")
    bad = a.with_layer("quantities", [Span(0, 5, "QUANT", {"value": float("nan")})])
    with pytest.raises(StoreError, match="NaN"):
        pg.put_articles([(make("سليم", "خبر سليم"), None), (bad, None)])  # type: ignore[attr-defined]
    assert pg.stats().articles == 0  # type: ignore[attr-defined]


# -- outcomes ----------------------------------------------------------------------------------------
@needs_pg
def test_new_layers_make_an_unchanged_page_an_update(pg: object) -> None:
    a = make("زيارة الكاظمي لواشنطن", "نص")
    enriched = with_entities(a, ("واشنطن", "LOC", {"canonical": "واشنطن"}))
    assert pg.put_articles([(a, None)]) == [Outcome.INSERTED]  # type: ignore[attr-defined]
    assert pg.put_articles([(enriched, None)]) == [Outcome.UPDATED]  # type: ignore[attr-defined]
    # Fewer layers than stored: nothing new to keep.
    assert pg.put_articles([(a, None)]) == [Outcome.UNCHANGED]  # type: ignore[attr-defined]
    assert pg.get_article(a.id) == enriched  # type: ignore[attr-defined]
    assert pg.content_hash(a.id) == a.content_hash  # type: ignore[attr-defined]
    assert pg.content_hash("0" * 16) is None  # type: ignore[attr-defined]


@needs_pg
def test_same_id_twice_in_one_batch(pg: object) -> None:
    url = "https://example.com/x"
    v1 = with_entities(make("بغداد", "نسخة أولى", url=url), ("بغداد", "LOC", {"canonical": "بغداد"}))
    v2 = with_entities(make("أربيل", "نسخة ثانية", url=url), ("أربيل", "LOC", {"canonical": "أربيل"}))
    assert pg.put_articles([(v1, None), (v2, None)]) == [Outcome.INSERTED, Outcome.UPDATED]  # type: ignore[attr-defined]
    top = {e["canonical"]: e for e in pg.top_entities()}  # type: ignore[attr-defined]
    assert set(top) == {"أربيل"} and top["أربيل"]["article_count"] == 1
    assert pg.get_article(v1.id) == v2  # type: ignore[attr-defined]


# -- reading -------------------------------------------------------------------------------------
def _urls_sharing_an_id_prefix(n: int = 6) -> tuple[str, str]:
    seen: dict[str, str] = {}
    for i in range(200_000):
        url = f"https://example.com/n/{i}"
        prefix = make_article_id(url, "")[:n]
        if prefix in seen:
            return seen[prefix], url
        seen[prefix] = url
    raise AssertionError("no shared prefix found")


@needs_pg
def test_prefix_lookup_needs_six_characters_and_a_unique_match(pg: object) -> None:
    u1, u2 = _urls_sharing_an_id_prefix()
    a, b, c = make("أول", "نص", url=u1), make("ثان", "نص", url=u2), make("ثالث", "نص", url="https://e.com/c")
    pg.put_articles([(a, None), (b, None), (c, None)])  # type: ignore[attr-defined]
    assert a.id[:6] == b.id[:6]
    assert pg.get_article(a.id[:6]) is None  # type: ignore[attr-defined]  # ambiguous
    assert pg.get_article(c.id[:6]) == c  # type: ignore[attr-defined]
    assert pg.get_article(c.id[:5]) is None  # type: ignore[attr-defined]
    assert pg.get_article(c.id[:5] + "%") is None  # type: ignore[attr-defined]
    assert pg.get_article(a.id) == a  # type: ignore[attr-defined]


@needs_pg
def test_raw_pages_round_trip_compressible_and_not(pg: object) -> None:
    text_page = make("نص", "صفحة نصية")
    binary_page = make("ثنائي", "صفحة ثنائية")
    noise = os.urandom(4096)
    html = ("<p>خبر</p>" * 500).encode()
    pg.put_articles([(text_page, RawPage(html, source="m")), (binary_page, RawPage(noise, source="m"))])  # type: ignore[attr-defined]
    assert pg.get_raw(text_page.id) == html  # type: ignore[attr-defined]
    assert pg.get_raw(binary_page.id) == noise  # type: ignore[attr-defined]
    assert pg.get_raw("nope") is None  # type: ignore[attr-defined]
    assert pg.stats().raw_bytes == len(html) + len(noise)  # type: ignore[attr-defined]


@needs_pg
def test_iter_articles_streams_while_writing(pg: object) -> None:
    articles = [make(f"خبر رقم {i}", f"نص الخبر رقم {i}", url=f"https://e.com/{i}") for i in range(1200)]
    for i in range(0, len(articles), 300):
        pg.put_articles([(a, None) for a in articles[i : i + 300]])  # type: ignore[attr-defined]
    seen = []
    it = pg.iter_articles()  # type: ignore[attr-defined]
    for n, article in enumerate(it):
        seen.append(article.id)
        if n == 10:  # a write on the main connection while the cursor is open
            pg.put_articles([(make("متأخر", "خبر متأخر"), None)])  # type: ignore[attr-defined]
    assert seen == [a.id for a in articles]
    pks = [pk for pk, _ in pg.iter_rows()]  # type: ignore[attr-defined]
    assert len(pks) == 1201 and pks == sorted(pks)


# -- annotations ---------------------------------------------------------------------------------
@needs_pg
def test_entity_aggregates_follow_updates(pg: object) -> None:
    url = "https://example.com/a"
    a = Article.build("بغداد وواشنطن", ["نص"], url=url, published=datetime(2021, 7, 26))
    a = a.with_layer(
        "entities", [Span(0, 5, "LOC", {"canonical": "بغداد"}), Span(7, 13, "LOC", {"canonical": "واشنطن"})]
    )
    b = Article.build("بغداد مرة أخرى", ["نص آخر"], published=datetime(2021, 8, 1))
    b = b.with_layer("entities", [Span(0, 5, "LOC", {"canonical": "بغداد", "role": None})])
    pg.put_articles([(a, None), (b, None)])  # type: ignore[attr-defined]
    top = {e["canonical"]: e for e in pg.top_entities()}  # type: ignore[attr-defined]
    assert top["بغداد"]["article_count"] == 2 and top["واشنطن"]["article_count"] == 1
    assert top["بغداد"]["first_seen"].startswith("2021-07-26") and top["بغداد"]["last_seen"].startswith(
        "2021-08-01"
    )
    a2 = Article.build("بغداد اليوم", ["نص محدث"], url=url, published=datetime(2021, 7, 26))
    a2 = a2.with_layer("entities", [Span(0, 5, "LOC", {"canonical": "بغداد"})])
    pg.put_articles([(a2, None)])  # type: ignore[attr-defined]
    top = {e["canonical"]: e for e in pg.top_entities()}  # type: ignore[attr-defined]
    assert "واشنطن" not in top and top["بغداد"]["article_count"] == 2
    profile = pg.entity_profile("بغداد")  # type: ignore[attr-defined]
    assert profile is not None and {t["month"] for t in profile["timeline"]} == {"2021-07", "2021-08"}
    assert pg.stats().entities == 1  # type: ignore[attr-defined]


@needs_pg
def test_aliases_roles_and_profile_by_alias(pg: object) -> None:
    a = with_entities(
        make("الرئيس الكاظمي يزور واشنطن", "التقى مصطفى الكاظمي بايدن"),
        ("الكاظمي", "PER", {"canonical": "مصطفى الكاظمي", "role": "رئيس الوزراء"}),
        ("مصطفى الكاظمي", "PER", {"canonical": "مصطفى الكاظمي"}),
        ("واشنطن", "LOC", {"canonical": "واشنطن"}),
        ("بايدن", "PER", {"canonical": "جو بايدن"}),
    )
    pg.put_articles([(a, None)])  # type: ignore[attr-defined]
    per = pg.top_entities(type="PER")  # type: ignore[attr-defined]
    assert [e["canonical"] for e in per] == ["مصطفى الكاظمي", "جو بايدن"]
    assert per[0]["aliases"] == sorted(["الكاظمي", "مصطفى الكاظمي"]) and per[0]["roles"] == ["رئيس الوزراء"]
    assert per[0]["mention_count"] == 2 and per[0]["article_count"] == 1
    profile = pg.entity_profile("الكاظمي")  # type: ignore[attr-defined]
    assert profile is not None and profile["canonical"] == "مصطفى الكاظمي"
    assert {c["canonical"] for c in profile["co_mentioned"]} == {"واشنطن", "جو بايدن"}
    assert [x["id"] for x in profile["articles"]] == [a.id]
    assert pg.entity_profile("لا أحد") is None  # type: ignore[attr-defined]


def _event(article: Article, trigger: str, attrs: dict[str, object]) -> Span:
    start = article.text.index(trigger)
    return Span(start, start + len(trigger), str(attrs["type"]), attrs)


@needs_pg
def test_find_events_filters_like_sqlite(pg: object) -> None:
    a = make("هجوم في الموصل", "قتل ثلاثة في هجوم على الموصل واعتقلت الشرطة مشتبها", day=5)
    a = a.with_layer(
        "events",
        [
            _event(
                a,
                "هجوم",
                {
                    "type": "attack",
                    "acled_event_type": "Violence against civilians",
                    "date": "2021-07-04",
                    "locations": ["الموصل", "نينوى"],
                    "killed": 3,
                },
            ),
            _event(
                a,
                "اعتقلت",
                {"type": "arrest", "acled_event_type": "Strategic developments", "locations": ["الموصل"]},
            ),
        ],
    )
    b = make("احتجاج في البصرة", "خرج محتجون في البصرة", day=20, month=8)
    b = b.with_layer(
        "events", [_event(b, "احتجاج", {"type": "protest", "date": "2021-08", "locations": "البصرة"})]
    )
    pg.put_articles([(a, None), (b, None)])  # type: ignore[attr-defined]

    def triggers(**kw: object) -> list[str]:
        return [e["trigger"] for e in pg.find_events(**kw)]  # type: ignore[attr-defined]

    assert triggers() == ["احتجاج", "اعتقلت", "هجوم"]  # by date, newest first
    assert triggers(type="attack") == ["هجوم"]
    assert triggers(type="Strategic developments") == ["اعتقلت"]
    assert triggers(location="نينوى") == ["هجوم"]
    assert triggers(location="البصرة") == ["احتجاج"]
    assert triggers(date_from="2021-07-05") == ["احتجاج", "اعتقلت"]
    assert triggers(date_to="2021-07-04") == ["هجوم"]
    assert triggers(limit=1) == ["احتجاج"]
    first = pg.find_events(type="attack")[0]  # type: ignore[attr-defined]
    assert first["attrs"]["killed"] == 3 and first["date"] == "2021-07-04" and first["article_id"] == a.id
    stats = pg.stats()  # type: ignore[attr-defined]
    assert stats.events == 3 and stats.quotes == 0


@needs_pg
def test_find_quotes_by_speaker(pg: object) -> None:
    a = make("تصريح", "قال الوزير إن الوضع مستقر وأضاف المتحدث أن الحدود مغلقة", day=3)
    q1 = a.text.index("الوضع مستقر")
    q2 = a.text.index("الحدود مغلقة")
    a = a.with_layer(
        "quotes",
        [
            Span(q1, q1 + len("الوضع مستقر"), "quote", {"speaker": "الوزير", "kind": "indirect"}),
            Span(q2, q2 + len("الحدود مغلقة"), "quote", {"speaker": "المتحدث", "kind": "indirect"}),
        ],
    )
    pg.put_articles([(a, None)])  # type: ignore[attr-defined]
    assert [q["text"] for q in pg.find_quotes()] == ["الوضع مستقر", "الحدود مغلقة"]  # type: ignore[attr-defined]
    only = pg.find_quotes(speaker="المتحدث")  # type: ignore[attr-defined]
    assert [q["text"] for q in only] == ["الحدود مغلقة"] and only[0]["attrs"]["kind"] == "indirect"
    assert pg.stats().quotes == 2  # type: ignore[attr-defined]


# -- concurrency, schema, read-only --------------------------------------------------------------
@needs_pg
def test_concurrent_writers_keep_counts_exact(pg_url: str) -> None:
    articles = [
        with_entities(
            make(f"بغداد خبر {i}", f"نص {i}", url=f"https://e.com/{i}"),
            ("بغداد", "LOC", {"canonical": "بغداد"}),
        )
        for i in range(60)
    ]
    open_store(pg_url).close()  # migrate once
    errors: list[BaseException] = []

    def write(order: list[Article]) -> None:
        store = open_store(pg_url)
        try:
            for i in range(0, len(order), 7):
                store.put_articles([(a, None) for a in order[i : i + 7]])
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=write, args=(o,)) for o in (articles, articles[::-1], articles[10:])]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    store = open_store(pg_url)
    try:
        top = store.top_entities()
        assert store.stats().articles == 60
        assert (
            top[0]["canonical"] == "بغداد" and top[0]["article_count"] == 60 and top[0]["mention_count"] == 60
        )
    finally:
        store.close()


@needs_pg
def test_migrations_are_recorded_and_not_rerun(pg_url: str) -> None:
    import psycopg

    from rasd.storage.pg_migrations import PG_MIGRATIONS

    open_store(pg_url).close()
    open_store(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        numbers = [r[0] for r in conn.execute("SELECT number FROM schema_migrations ORDER BY number")]
        assert numbers == list(range(1, len(PG_MIGRATIONS) + 1))
        conn.execute("INSERT INTO schema_migrations (number) VALUES (%s)", (len(PG_MIGRATIONS) + 1,))
    with pytest.raises(StoreError, match="newer"):
        open_store(pg_url)


@needs_pg
def test_readonly(pg_url: str) -> None:
    with pytest.raises(StoreError, match="no archive"):
        open_store(pg_url, readonly=True)
    a = make("عنوان", "نص")
    with open_store(pg_url) as writer:  # type: ignore[attr-defined]
        writer.put_articles([(a, None)])
    reader = open_store(pg_url, readonly=True)
    try:
        assert reader.get_article(a.id) == a
        with pytest.raises(StoreError, match="read-only"):
            reader.put_articles([(make("آخر", "نص آخر"), None)])
    finally:
        reader.close()


# -- parity with the SQLite backend --------------------------------------------------------------
def _corpus() -> list[Article]:
    places = ["بغداد", "الموصل", "البصرة", "أربيل"]
    people = [("الكاظمي", "مصطفى الكاظمي"), ("بايدن", "جو بايدن"), ("الصدر", "مقتدى الصدر")]
    out = []
    for i in range(24):
        place, (surface, canonical) = places[i % 4], people[i % 3]
        body = f"قال {surface} إن الوضع في {place} هادئ بعد هجوم أمس"
        a = make(
            f"{place} اليوم {i}",
            body,
            url=f"https://e.com/p/{i}",
            day=1 + i % 28,
            month=6 + i % 3,
            outlet=["أ", "ب", None][i % 3],
        )
        text = a.text
        p0 = text.index(place)
        s0 = text.index(surface)
        q0 = text.index("الوضع")
        h0 = text.index("هجوم")
        entities = [
            Span(p0, p0 + len(place), "LOC", {"canonical": place}),
            Span(s0, s0 + len(surface), "PER", {"canonical": canonical, "role": "مسؤول" if i % 2 else None}),
        ]
        if i % 5 == 0:
            entities.append(
                Span(text.rindex(place), text.rindex(place) + len(place), "LOC", {"canonical": place})
            )
        a = a.with_layer("entities", entities)
        a = a.with_layer(
            "quotes", [Span(q0, text.index(" بعد"), "quote", {"speaker": canonical, "kind": "indirect"})]
        )
        event: dict[str, object] = {"type": "attack" if i % 2 else "clash", "locations": [place]}
        if i % 3:
            event["date"] = f"2021-0{6 + i % 3}-{1 + i % 28:02d}"
            event["acled_event_type"] = "Battles"
        a = a.with_layer("events", [Span(h0, h0 + 4, str(event["type"]), event)])
        out.append(a)
    return out


@needs_pg
def test_queries_match_the_sqlite_backend(pg: object, tmp_path: object) -> None:
    import pathlib

    lite = open_store(str(pathlib.Path(str(tmp_path)) / "a.db"))
    corpus = _corpus()
    # Two batches, then a re-fetch of some articles without their people (updates).
    updates = [a.with_layer("entities", [s for s in a.entities if s.label == "LOC"]) for a in corpus[::4]]
    try:
        for store in (lite, pg):
            assert store.put_articles([(a, None) for a in corpus[:10]]) == [Outcome.INSERTED] * 10  # type: ignore[attr-defined]
            store.put_articles([(a, None) for a in corpus[10:]])  # type: ignore[attr-defined]
            store.put_articles([(a, None) for a in updates])  # type: ignore[attr-defined]
        top = pg.top_entities(limit=50)  # type: ignore[attr-defined]
        assert len(top) == 7 and top == lite.top_entities(limit=50)  # type: ignore[attr-defined]
        assert len(pg.find_events()) == 24 and len(pg.find_quotes(limit=100)) == 24  # type: ignore[attr-defined]
        assert pg.top_entities(type="PER") == lite.top_entities(type="PER")  # type: ignore[attr-defined]
        for name in ("بغداد", "مصطفى الكاظمي", "الصدر", "غير موجود"):
            assert pg.entity_profile(name) == lite.entity_profile(name), name  # type: ignore[attr-defined]
        assert pg.find_quotes(limit=100) == lite.find_quotes(limit=100)  # type: ignore[attr-defined]
        assert pg.find_quotes(speaker="جو بايدن") == lite.find_quotes(speaker="جو بايدن")  # type: ignore[attr-defined]
        for filters in (
            {},
            {"type": "attack"},
            {"type": "Battles"},
            {"location": "أربيل"},
            {"date_from": "2021-07-01", "date_to": "2021-07-31"},
            {"limit": 3},
        ):
            assert pg.find_events(**filters) == lite.find_events(**filters), filters  # type: ignore[attr-defined]
        assert pg.list_articles(limit=100) == lite.list_articles(limit=100)  # type: ignore[attr-defined]
        assert pg.list_articles(outlet="ب", limit=5, offset=2) == lite.list_articles(
            outlet="ب", limit=5, offset=2
        )  # type: ignore[attr-defined]
        assert pg.stats() == lite.stats()  # type: ignore[attr-defined]
        assert list(pg.iter_articles()) == list(lite.iter_articles())  # type: ignore[attr-defined]
    finally:
        lite.close()


# -- search --------------------------------------------------------------------------------------
SEARCH_PAGES = [
    ("الكاظمي يصل إلى واشنطن", "وصل رئيس الوزراء إلى واشنطن في زيارة رسمية للقاء الرئيس الأميركي", "أ"),
    ("وفد عراقي لواشنطن", "توجه وفد من الحكومة العراقية لواشنطن لبحث الانسحاب الأمريكي", "ب"),
    ("البيت الأبيض يرحب", "قال البيت الأبيض إن المحادثات مع بغداد كانت مثمرة", "أ"),
    ("طهران تنتقد", "انتقدت طهران الوجود الأمريكي في المنطقة وقالت إن الانتخابات شأن داخلي", "ب"),
    ("الانتخابات المبكرة", "تستعد المفوضية للانتخابات المبكرة في تشرين الأول", "ج"),
    ("أبيض وأسود", "البيت القديم طلاؤه الأبيض جميل في الموصل", "ج"),
    ("بقاء القوات", "أكد الوزير بقاء القوات بعد لقائه السفير ولقاء الوفد", "أ"),
]


def _search_corpus() -> list[Article]:
    return [
        make(t, b, url=f"https://e.com/s/{i}", day=i + 1, outlet=o)
        for i, (t, b, o) in enumerate(SEARCH_PAGES)
    ]


SEARCH_QUERIES = [
    ("واشنطن", {}),
    ("الأمريكي", {}),
    ('"البيت الأبيض"', {}),
    ("البيت الأبيض", {}),
    ("انتخ*", {}),
    ("واشنطن OR طهران", {}),
    ("الأمريكي -طهران", {}),
    ("واشنطن", {"exact": True}),
    ("لواشنطن", {"exact": True}),
    ("الأمريكي", {"outlet": "ب"}),
    ("الأمريكي", {"date_from": "2021-07-03"}),
    ("الأمريكي", {"date_to": "2021-07-02"}),
    ("واشنطن طهران", {}),
    ("واشنطن طهران", {"semantics": "and"}),
    ("واشنطن طهران", {"semantics": "or", "sort": "date"}),
    ("في من", {}),
    ("لقاء", {}),
    ("بقاء", {}),
    ("لواشنطن", {}),
]


@needs_pg
def test_search_finds_what_sqlite_finds(pg: object, tmp_path: object) -> None:
    import pathlib

    from rasd.search import parse_query

    lite = open_store(str(pathlib.Path(str(tmp_path)) / "s.db"))
    try:
        for store in (lite, pg):
            store.put_articles([(a, None) for a in _search_corpus()])  # type: ignore[attr-defined]
        found_any = 0
        for text, options in SEARCH_QUERIES:
            query = parse_query(text, limit=50, **options)  # type: ignore[arg-type]
            got, want = pg.search(query), lite.search(query)  # type: ignore[attr-defined]
            assert {h.id for h in got.hits} == {h.id for h in want.hits}, text
            assert (got.total, got.relaxed) == (want.total, want.relaxed), text
            if options.get("sort") == "date":
                assert [h.id for h in got.hits] == [h.id for h in want.hits]
            by_id = {h.id: h for h in want.hits}
            for hit in got.hits:  # snippets and highlights come from the same text: identical
                other = by_id[hit.id]
                assert (hit.snippet, hit.highlights, hit.title_highlights) == (
                    other.snippet,
                    other.highlights,
                    other.title_highlights,
                ), text
            found_any += bool(got.hits)
        assert found_any >= 12
    finally:
        lite.close()


@needs_pg
def test_search_matches_clitics_variants_and_phrases(pg: object) -> None:
    from rasd.search import parse_query

    corpus = _search_corpus()
    pg.put_articles([(a, None) for a in corpus])  # type: ignore[attr-defined]

    def ids(text: str, **options: object) -> set[str]:
        return {h.id for h in pg.search(parse_query(text, limit=50, **options)).hits}  # type: ignore[attr-defined]

    assert ids("واشنطن") == {corpus[0].id, corpus[1].id}  # لواشنطن too
    assert ids("الأميركي") == ids("الامريكي") == {corpus[0].id, corpus[1].id, corpus[3].id}
    assert ids('"البيت الأبيض"') == {corpus[2].id}  # not the page where the words are apart
    assert ids("البيت الأبيض", semantics="and") == {corpus[2].id, corpus[5].id}
    assert ids("انتخ*") == {corpus[3].id, corpus[4].id}
    assert ids("واشنطن", exact=True) == {corpus[0].id}
    hit = pg.search(parse_query("لواشنطن", exact=True)).hits[0]  # type: ignore[attr-defined]
    assert hit.id == corpus[1].id and [hit.title[a:b] for a, b in hit.title_highlights] == ["لواشنطن"]
    with pytest.raises(QueryError):
        pg.search(parse_query("-واشنطن"))  # type: ignore[attr-defined]


@needs_pg
def test_search_index_follows_updates_and_reindex(pg: object, pg_url: str) -> None:
    import psycopg

    from rasd.search import parse_query

    url = "https://e.com/u"
    pg.put_articles([(make("زيارة", "وصل الوفد إلى طهران", url=url), None)])  # type: ignore[attr-defined]
    assert pg.search(parse_query("طهران")).total == 1  # type: ignore[attr-defined]
    pg.put_articles([(make("زيارة", "وصل الوفد إلى أنقرة", url=url), None)])  # type: ignore[attr-defined]
    assert pg.search(parse_query("طهران")).total == 0  # type: ignore[attr-defined]
    assert pg.search(parse_query("أنقرة")).total == 1  # type: ignore[attr-defined]
    pg.put_articles([(a, None) for a in _search_corpus()])  # type: ignore[attr-defined]
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("DELETE FROM search_docs")
    assert pg.search(parse_query("واشنطن")).total == 0  # type: ignore[attr-defined]
    assert pg.reindex() == 8  # type: ignore[attr-defined]
    assert pg.search(parse_query("واشنطن")).total == 2  # type: ignore[attr-defined]
    assert pg.search(parse_query("أنقرة")).total == 1  # type: ignore[attr-defined]
