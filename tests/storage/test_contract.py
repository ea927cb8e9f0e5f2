"""One contract, every backend: the same assertions run against memory, SQLite and PostgreSQL stores
(PostgreSQL when RASD_TEST_PG_URL is set; the annotation queries on the two SQL backends)."""

from __future__ import annotations

import json
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
        yield from _postgres_store(request)
        return
    s = open_store("memory://" if request.param == "memory" else str(tmp_path / "a.db"))
    yield s
    s.close()


def _postgres_store(request: pytest.FixtureRequest) -> Iterator[object]:
    """A store in a fresh schema of the database at RASD_TEST_PG_URL (skipped when it is unset)."""
    s = open_store(request.getfixturevalue("pg_url"))
    try:
        yield s
    finally:
        s.close()


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


def test_rejects_list_latest_first(store: object) -> None:
    rejects = [Reject(f"pages/{i}.bin", "undecodable", "binary data", f"sha{i}") for i in range(3)]
    for r in rejects:
        store.add_rejects([r])  # type: ignore[attr-defined]
    assert [r.source for r in store.list_rejects()] == ["pages/2.bin", "pages/1.bin", "pages/0.bin"]  # type: ignore[attr-defined]
    assert [r.source for r in store.list_rejects(limit=2)] == ["pages/2.bin", "pages/1.bin"]  # type: ignore[attr-defined]
    assert store.list_rejects(limit=0) == []  # type: ignore[attr-defined]


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


# -- a bad batch loses nothing --------------------------------------------------------------------
def test_failed_batch_rolls_back_only_itself(store: object) -> None:
    """A batch with one unstorable article (attrs JSON cannot hold) leaves the archive as it was."""
    url = "https://example.com/kept"
    kept = make("بغداد اليوم", "خبر محفوظ عن بغداد", url=url, outlet="أ")
    kept = kept.with_layer("entities", [Span(0, 5, "LOC", {"canonical": "بغداد"})])
    store.put_articles([(kept, raw_of("محفوظ"))])  # type: ignore[attr-defined]
    before = store.stats()  # type: ignore[attr-defined]
    update = make("أربيل اليوم", "نسخة جديدة", url=url).with_layer(
        "entities", [Span(0, 5, "LOC", {"canonical": "أربيل"})]
    )
    new = make("جديد", "خبر جديد")
    bad = make("سيء", "خبر سيء").with_layer("events", [Span(0, 3, "attack", {"type": "attack", "x": {1, 2}})])
    with pytest.raises(TypeError):
        store.put_articles([(update, raw_of("جديد")), (new, None), (bad, None)])  # type: ignore[attr-defined]
    assert store.stats() == before  # type: ignore[attr-defined]
    assert store.get_article(kept.id) == kept  # type: ignore[attr-defined]
    assert store.get_article(new.id) is None  # type: ignore[attr-defined]
    assert store.get_raw(kept.id) == "محفوظ".encode()  # type: ignore[attr-defined]
    if hasattr(store, "top_entities"):
        assert [(e["canonical"], e["article_count"]) for e in store.top_entities()] == [("بغداد", 1)]
    # The store takes the next batch.
    assert store.put_articles([(new, None)]) == [Outcome.INSERTED]  # type: ignore[attr-defined]


# -- archive-wide queries over annotations (SQL backends) ----------------------------------------
@pytest.fixture(params=["sqlite", "postgres"])
def sql_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    if request.param == "postgres":
        yield from _postgres_store(request)
        return
    s = open_store(str(tmp_path / "q.db"))
    yield s
    s.close()


def _at(article: Article, surface: str, label: str, attrs: dict[str, object], nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(surface, start + 1)
    return Span(start, start + len(surface), label, attrs)


MOSUL, ERBIL, BASRA = "الموصل", "أربيل", "البصرة"
GOVERNOR = "نجم الجبوري"


def _annotated_corpus() -> list[Article]:
    a = make(f"هجوم في {MOSUL}", f"قتل ثلاثة في هجوم على {MOSUL} واعتقلت الشرطة مشتبها وقال المحافظ إن الوضع مستقر",
             day=5, url="https://e.com/q/a", outlet="أ")
    a = a.with_layer("entities", [
        _at(a, MOSUL, "LOC", {"canonical": MOSUL}),
        _at(a, MOSUL, "LOC", {"canonical": MOSUL}, nth=1),
        _at(a, "المحافظ", "PER", {"canonical": GOVERNOR, "role": "محافظ"}),
    ])
    a = a.with_layer("quotes", [_at(a, "الوضع مستقر", "quote", {"speaker": GOVERNOR, "kind": "indirect"})])
    a = a.with_layer("events", [
        _at(a, "هجوم", "attack", {"type": "attack", "acled_event_type": "Violence against civilians",
                                   "date": "2021-07-04", "locations": [MOSUL, "نينوى"], "killed": 3}, nth=1),
        _at(a, "اعتقلت", "arrest", {"type": "arrest", "acled_event_type": "Strategic developments",
                                    "locations": [MOSUL]}),
    ])
    b = make(f"احتجاج في {BASRA}", f"خرج محتجون في {BASRA} وقال المتحدث إن المطالب مشروعة", day=20,
             url="https://e.com/q/b", outlet="ب").with_layer("entities", [])
    b = Article.build(b.title, [b.text.split("\n\n", 1)[1]], url=b.url, published=datetime(2021, 8, 20, 9, 0),
                      outlet="ب")
    b = b.with_layer("entities", [_at(b, BASRA, "LOC", {"canonical": BASRA})])
    b = b.with_layer("quotes", [_at(b, "المطالب مشروعة", "quote", {"speaker": "المتحدث"})])
    b = b.with_layer("events", [_at(b, "احتجاج", "protest", {"type": "protest", "date": "2021-08",
                                                             "locations": BASRA})])
    c = make(f"اشتباك قرب {ERBIL}", f"اشتباك مسلح قرب {ERBIL} وقال المحافظ إن القوات تتقدم", day=10,
             url="https://e.com/q/c", outlet="أ")
    c = c.with_layer("entities", [
        _at(c, ERBIL, "LOC", {"canonical": ERBIL}),
        _at(c, "المحافظ", "PER", {"canonical": GOVERNOR}),
    ])
    c = c.with_layer("quotes", [_at(c, "القوات تتقدم", "quote", {"speaker": GOVERNOR})])
    c = c.with_layer("events", [
        _at(c, "اشتباك", "clash", {"type": "clash", "acled_event_type": "Battles", "date": "2021-07-10T08:00:00",
                                   "locations": [ERBIL]}),
    ])
    return [a, b, c]


def _triggers(store: object, **filters: object) -> list[str]:
    return [e["trigger"] for e in store.find_events(**filters)]  # type: ignore[attr-defined]


def test_event_filters_combine(sql_store: object) -> None:
    sql_store.put_articles([(x, None) for x in _annotated_corpus()])  # type: ignore[attr-defined]
    assert _triggers(sql_store) == ["احتجاج", "اشتباك", "اعتقلت", "هجوم"]  # event date, newest first
    assert _triggers(sql_store, location=MOSUL, type="arrest") == ["اعتقلت"]
    assert _triggers(sql_store, location=MOSUL, type="Battles") == []
    assert _triggers(sql_store, type="Battles", date_from="2021-07-10", date_to="2021-07-10") == ["اشتباك"]
    assert _triggers(sql_store, location=MOSUL, date_from="2021-07-05") == ["اعتقلت"]
    assert _triggers(sql_store, location=MOSUL, date_to="2021-07-04", type="attack") == ["هجوم"]
    assert _triggers(sql_store, location=BASRA, date_from="2021-08", date_to="2021-08-31") == ["احتجاج"]
    # a month-precision date sorts before the first day of its month
    assert _triggers(sql_store, location=BASRA, date_from="2021-08-01") == []
    assert _triggers(sql_store, location="نينوى", type="Violence against civilians", limit=5) == ["هجوم"]
    assert _triggers(sql_store, date_from="2021-07-06", date_to="2021-07-31", limit=1) == ["اشتباك"]
    assert _triggers(sql_store, type="attack", location=ERBIL) == []


def test_pagination_boundaries(sql_store: object) -> None:
    sql_store.put_articles([(x, None) for x in _annotated_corpus()])  # type: ignore[attr-defined]
    everything = _triggers(sql_store)
    assert _triggers(sql_store, limit=None) == everything
    assert _triggers(sql_store, limit=0) == everything  # 0 means no limit (the CLI's default)
    for n in (1, 3, 4, 5):
        assert _triggers(sql_store, limit=n) == everything[:n]
    quotes = [q["text"] for q in sql_store.find_quotes()]  # type: ignore[attr-defined]
    assert quotes == ["المطالب مشروعة", "القوات تتقدم", "الوضع مستقر"]  # article date, newest first
    assert [q["text"] for q in sql_store.find_quotes(limit=2)] == quotes[:2]  # type: ignore[attr-defined]
    assert sql_store.find_quotes(limit=0) == []  # type: ignore[attr-defined]
    top = [(e["canonical"], e["article_count"], e["mention_count"]) for e in sql_store.top_entities()]  # type: ignore[attr-defined]
    assert top == [(GOVERNOR, 2, 2), (MOSUL, 1, 2), (ERBIL, 1, 1), (BASRA, 1, 1)]  # ties by name, byte order
    assert [e["canonical"] for e in sql_store.top_entities(limit=1)] == [GOVERNOR]  # type: ignore[attr-defined]
    assert [e["canonical"] for e in sql_store.top_entities(type="LOC", limit=2)] == [MOSUL, ERBIL]  # type: ignore[attr-defined]
    assert sql_store.top_entities(limit=0) == []  # type: ignore[attr-defined]
    titles = [r.title for r in sql_store.list_articles()]  # type: ignore[attr-defined]
    assert len(titles) == 3
    assert [r.title for r in sql_store.list_articles(limit=1, offset=2)] == titles[2:]  # type: ignore[attr-defined]
    assert sql_store.list_articles(offset=3) == []  # type: ignore[attr-defined]
    assert [r.title for r in sql_store.list_articles(outlet="أ", offset=1)] == [titles[2]]  # type: ignore[attr-defined]


def test_name_filters_fold_arabic_spelling(sql_store: object) -> None:
    """Entity, speaker and location filters fold spelling as Arabic is typed (hamza dropped, ى/ي, ة/ه,
    diacritics, tatweel, Unicode normal forms), the same on every backend; results show the names as
    stored, and a different name still finds nothing."""
    import unicodedata

    sql_store.put_articles([(x, None) for x in _annotated_corpus()])  # type: ignore[attr-defined]
    assert _triggers(sql_store, location=ERBIL) == ["اشتباك"]
    assert _triggers(sql_store, location="اربيل") == ["اشتباك"]  # hamza dropped
    decomposed = unicodedata.normalize("NFD", ERBIL)
    assert decomposed != ERBIL and _triggers(sql_store, location=decomposed) == ["اشتباك"]
    assert _triggers(sql_store, location="البصره") == ["احتجاج"]  # ة typed as ه, a one-name location
    assert _triggers(sql_store, location="نينوي", type="attack") == ["هجوم"]  # ى typed as ي
    assert _triggers(sql_store, location="اربيلي") == []
    assert _triggers(sql_store, location="أربي") == []
    for typed in (ERBIL, "اربيل", "إربيل", "أَرْبِيل", "اربـيل", decomposed):
        profile = sql_store.entity_profile(typed)  # type: ignore[attr-defined]
        assert profile is not None and profile["canonical"] == ERBIL and profile["aliases"] == [ERBIL], typed
    mosul = sql_store.entity_profile("الموصِل")  # type: ignore[attr-defined]  # with a kasra
    assert mosul is not None and mosul["canonical"] == MOSUL
    assert sql_store.entity_profile("الموصلي") is None  # type: ignore[attr-defined]
    by_alias = sql_store.entity_profile("المحافظ")  # type: ignore[attr-defined]
    assert by_alias is not None and by_alias["canonical"] == GOVERNOR and by_alias["roles"] == ["محافظ"]
    assert [c["canonical"] for c in by_alias["co_mentioned"]] == [ERBIL, MOSUL]
    folded_alias = sql_store.entity_profile("المُحافِظ")  # type: ignore[attr-defined]
    assert folded_alias is not None and folded_alias["canonical"] == GOVERNOR
    governor = ["القوات تتقدم", "الوضع مستقر"]
    assert [q["text"] for q in sql_store.find_quotes(speaker=GOVERNOR)] == governor  # type: ignore[attr-defined]
    assert [q["text"] for q in sql_store.find_quotes(speaker="نجم الجبورى")] == governor  # type: ignore[attr-defined]
    assert [q["speaker"] for q in sql_store.find_quotes(speaker="نجم  الجبوري")] == [GOVERNOR] * 2  # type: ignore[attr-defined]
    assert sql_store.find_quotes(speaker="نجم الجبوريه") == []  # type: ignore[attr-defined]
    assert sql_store.find_quotes(speaker="نجم") == []  # type: ignore[attr-defined]
    assert sql_store.list_articles(outlet="ا") == []  # type: ignore[attr-defined]  # outlets are not names


def test_folding_prefers_a_canonical_name_then_the_most_mentioned(sql_store: object) -> None:
    """``الكاظمى`` finds ``الكاظمي``; a name written as stored still wins over a folded one."""
    a = make("قال الكاظمي", "أكد الكاظمى أن الكاظمي يزور البصرة", url="https://e.com/k/a")
    a = a.with_layer("entities", [
        _at(a, "الكاظمي", "PER", {"canonical": "مصطفى الكاظمي"}),
        _at(a, "الكاظمى", "PER", {"canonical": "الكاظمى"}),
        _at(a, "الكاظمي", "PER", {"canonical": "مصطفى الكاظمي"}, nth=1),
    ])
    sql_store.put_articles([(a, None)])  # type: ignore[attr-defined]
    exact = sql_store.entity_profile("الكاظمى")  # type: ignore[attr-defined]
    assert exact is not None and exact["canonical"] == "الكاظمى"
    folded = sql_store.entity_profile("الكاظمي")  # type: ignore[attr-defined]  # folded canonical before an alias
    assert folded is not None and folded["canonical"] == "الكاظمى"
    by_alias = sql_store.entity_profile("مصطفي الكاظمى")  # type: ignore[attr-defined]
    assert by_alias is not None and by_alias["canonical"] == "مصطفى الكاظمي"
    assert by_alias["aliases"] == ["الكاظمي"]


@pytest.mark.parametrize(
    ("method", "filters"),
    [
        ("find_events", {"limit": -1}),
        ("find_events", {"limit": "10"}),
        ("find_events", {"limit": True}),
        ("find_events", {"date_from": 2021}),
        ("find_events", {"type": ["attack"]}),
        ("find_events", {"location": {"name": "x"}}),
        ("find_events", {"place": "x"}),
        ("find_quotes", {"limit": -5}),
        ("find_quotes", {"speaker": 7}),
        ("top_entities", {"limit": 2.5}),
        ("top_entities", {"type": 1}),
        ("list_articles", {"offset": -1}),
        ("list_articles", {"limit": "all"}),
        ("list_articles", {"outlet": 3}),
        ("list_rejects", {"limit": -1}),
    ],
)
def test_bad_filter_value_is_a_query_error(sql_store: object, method: str, filters: dict[str, object]) -> None:
    from rasd.errors import QueryError

    sql_store.put_articles([(x, None) for x in _annotated_corpus()])  # type: ignore[attr-defined]
    with pytest.raises(QueryError) as info:
        getattr(sql_store, method)(**filters)
    assert "\n" not in str(info.value) and "SQL" not in str(info.value)
    assert len(sql_store.find_events()) == 4  # type: ignore[attr-defined]  # the store still answers


def test_failure_while_writing_aggregates_rolls_back_the_batch(
    sql_store: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The batch fails after its articles and annotation rows are written: all of it goes, nothing else."""
    from rasd.storage import sql_annotations

    a, b, c = _annotated_corpus()
    sql_store.put_articles([(a, None)])  # type: ignore[attr-defined]
    before = (sql_store.stats(), sql_store.top_entities(), sql_store.find_events())  # type: ignore[attr-defined]

    def boom(values: set[str]) -> str:
        raise RuntimeError("disk full")

    monkeypatch.setattr(sql_annotations, "_dump", boom)
    changed = a.with_layer("entities", [])
    with pytest.raises(RuntimeError, match="disk full"):
        sql_store.put_articles([(b, None), (changed, None), (c, None)])  # type: ignore[attr-defined]
    monkeypatch.undo()
    assert (sql_store.stats(), sql_store.top_entities(), sql_store.find_events()) == before  # type: ignore[attr-defined]
    assert sql_store.get_article(a.id) == a and sql_store.get_article(b.id) is None  # type: ignore[attr-defined]
    assert sql_store.put_articles([(b, None), (c, None)]) == [Outcome.INSERTED, Outcome.INSERTED]  # type: ignore[attr-defined]
    assert len(sql_store.find_events()) == 4  # type: ignore[attr-defined]


def test_undated_articles_list_last(store: object) -> None:
    undated = Article.build("بلا تاريخ", ["خبر بلا تاريخ"], url="https://e.com/nodate")
    store.put_articles([(undated, None)])  # type: ignore[attr-defined]
    for day in (2, 9):
        store.put_articles([(make(f"خبر {day}", f"نص {day}", day=day), None)])  # type: ignore[attr-defined]
    assert [r.title for r in store.list_articles()] == ["خبر 9", "خبر 2", "بلا تاريخ"]  # type: ignore[attr-defined]
    assert [r.title for r in store.list_articles(limit=5, offset=2)] == ["بلا تاريخ"]  # type: ignore[attr-defined]
    assert store.list_articles(limit=0) == []  # type: ignore[attr-defined]


def test_entity_counts_after_updates_equal_a_fresh_store(sql_store: object, tmp_path: Path) -> None:
    """Updates across batches and twice in one batch leave the counts a fresh store of the final versions has."""
    from dataclasses import replace

    a, b, c = _annotated_corpus()
    a1 = replace(a, content_hash="1" + a.content_hash[1:]).with_layer("entities", a.entities[:1])
    a2 = replace(a, content_hash="2" + a.content_hash[1:]).with_layer("entities", a.entities[2:])
    b1 = replace(b, content_hash="1" + b.content_hash[1:]).with_layer("entities", [])
    for batch in ([a, b], [c, a1, a2], [b1]):
        sql_store.put_articles([(x, None) for x in batch])  # type: ignore[attr-defined]
    assert sql_store.put_articles([(a2, None)]) == [Outcome.UNCHANGED]  # type: ignore[attr-defined]
    fresh = open_store(str(tmp_path / "fresh.db"))
    try:
        fresh.put_articles([(x, None) for x in (a2, b1, c)])

        def counts(store: object) -> list[tuple[object, ...]]:
            rows = store.top_entities(limit=100)  # type: ignore[attr-defined]
            return [(e["canonical"], e["type"], e["article_count"], e["mention_count"]) for e in rows]

        assert counts(sql_store) == counts(fresh) == [(GOVERNOR, "PER", 2, 2), (ERBIL, "LOC", 1, 1)]
        assert sql_store.stats().entities == 2  # type: ignore[attr-defined]  # no rows left at zero
        assert sql_store.find_events() == fresh.find_events()  # type: ignore[attr-defined]
    finally:
        fresh.close()


def _stored_docs(store: object) -> list[dict[str, object]]:
    rows = store._conn.execute("SELECT doc FROM articles").fetchall()  # type: ignore[attr-defined]
    return [json.loads(d) if isinstance(d, str) else d for (d,) in rows]


def test_stored_document_holds_offsets_not_span_text(sql_store: object) -> None:
    """The text is stored once, in its column: spans are offsets (the sentence layer alone would
    otherwise store the text again)."""
    a = make("زيارة الكاظمي لواشنطن", "وصل رئيس الوزراء إلى واشنطن أمس.")
    a = a.with_layer("sentences", a.paragraphs).with_layer("entities", [Span(15, 21, "LOC", {"canonical": "واشنطن"})])
    sql_store.put_articles([(a, None)])  # type: ignore[attr-defined]
    (doc,) = _stored_docs(sql_store)
    layers = doc["layers"]
    assert isinstance(layers, dict)
    assert all("text" not in span for spans in layers.values() for span in spans)
    assert "text" not in doc
    assert sql_store.get_article(a.id) == a  # type: ignore[attr-defined]


def test_documents_written_with_span_text_still_read(sql_store: object) -> None:
    """Archives written before offsets-only documents (span text inside) read back unchanged."""
    a = make("عنوان", "نص الخبر في بغداد")
    a = a.with_layer("entities", [Span(a.text.index("بغداد"), len(a.text), "LOC", {"canonical": "بغداد"})])
    sql_store.put_articles([(a, None)])  # type: ignore[attr-defined]
    old = a.to_json()
    assert '"text": "بغداد"' in old
    conn = sql_store._conn  # type: ignore[attr-defined]
    if hasattr(conn, "transaction"):  # psycopg: a context-managed connection closes on exit
        with conn.transaction():
            conn.execute("UPDATE articles SET doc = %s", (old,))
    else:
        with conn:
            conn.execute("UPDATE articles SET doc = ?", (old,))
    assert sql_store.get_article(a.id) == a  # type: ignore[attr-defined]
    assert list(sql_store.iter_articles()) == [a]  # type: ignore[attr-defined]
