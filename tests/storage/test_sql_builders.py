"""The shared SQL builders, without a database: every dialect gets well-formed statements."""

from __future__ import annotations

import itertools
import re
from datetime import datetime

import pytest

from rasd.document import Article, Span
from rasd.storage import sql_annotations as sqa
from rasd.storage import sql_articles
from rasd.storage.pg_annotations import POSTGRES
from rasd.storage.sql_dialect import Dialect, Query
from rasd.storage.sqlite_annotations import SQLITE

DIALECTS = [SQLITE, POSTGRES]
EVENT_VALUES = {"type": "attack", "date_from": "2021-07-01", "date_to": "2021-07-31", "location": "الموصل"}


def _placeholders(d: Dialect, sql: str) -> int:
    return sql.count(d.placeholder)


def _event_filter_sets() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for n in range(len(EVENT_VALUES) + 1):
        for names in itertools.combinations(EVENT_VALUES, n):
            for limit in (None, 0, 7):
                out.append({**{k: EVENT_VALUES[k] for k in names}, "limit": limit})
    return out


def _all_queries(d: Dialect) -> list[Query]:
    queries = [sqa.events_query(d, **f) for f in _event_filter_sets()]  # type: ignore[arg-type]
    queries += [sqa.top_entities_query(d, type=t, limit=5) for t in (None, "PER")]
    queries += [sqa.quotes_query(d, speaker=s, limit=5) for s in (None, "الوزير")]
    queries += [sql_articles.articles_query(d, outlet=o, limit=5, offset=2) for o in (None, "أ")]
    queries += sqa.entity_lookup_queries(d, "بغداد")
    queries += [
        sqa.entity_timeline_query(d, "بغداد", "LOC"),
        sqa.co_mentioned_query(d, "بغداد", "LOC", 5),
        sqa.entity_articles_query(d, "بغداد", "LOC", 5),
    ]
    return queries


@pytest.mark.parametrize("dialect", DIALECTS, ids=lambda d: d.name)
def test_every_placeholder_has_a_parameter(dialect: Dialect) -> None:
    for sql, params in _all_queries(dialect):
        assert _placeholders(dialect, sql) == len(params), sql


def test_each_dialect_keeps_to_its_own_placeholder() -> None:
    for sql, _ in _all_queries(POSTGRES):
        assert "?" not in sql, sql
        assert re.sub("%s", "", sql).count("%") == 0, sql  # psycopg would read a bare % as a placeholder
    for sql, _ in _all_queries(SQLITE):
        assert "%s" not in sql and "NULLS" not in sql, sql
    assert POSTGRES.upsert_entity.count("%s") == SQLITE.upsert_entity.count("?") == 8


def test_dialects_bind_the_same_values_in_the_same_order() -> None:
    for filters in _event_filter_sets():
        (_, lite), (_, pg) = (sqa.events_query(d, **filters) for d in DIALECTS)  # type: ignore[arg-type]
        assert lite == pg, filters
    others = len(_event_filter_sets())
    for lite_q, pg_q in zip(_all_queries(SQLITE)[others:], _all_queries(POSTGRES)[others:], strict=True):
        assert lite_q[1] == pg_q[1]


@pytest.mark.parametrize("dialect", DIALECTS, ids=lambda d: d.name)
def test_events_query_limits_only_when_asked(dialect: Dialect) -> None:
    for limit in (None, 0):
        sql, params = sqa.events_query(dialect, limit=limit)
        assert "LIMIT" not in sql and params == []
    sql, params = sqa.events_query(dialect, limit=3)
    assert sql.endswith(f"LIMIT {dialect.placeholder}") and params == [3]
    sql, params = sqa.events_query(dialect, location="أربيل")
    assert "a.names" in sql and dialect.placeholder in sql and params == ["اربيل"]  # the folded name


@pytest.mark.parametrize("dialect", DIALECTS, ids=lambda d: d.name)
def test_name_filters_bind_the_folded_name(dialect: Dialect) -> None:
    sql, params = sqa.quotes_query(dialect, speaker="الكاظمى", limit=5)
    assert "a.names" in sql and params == ["الكاظمي", 5]
    (_, exact), (folded_sql, folded) = sqa.entity_lookup_queries(dialect, "أَربيل")
    assert exact == ["أَربيل"] and folded == ["اربيل"] and "entity_names" in folded_sql


def test_annotation_rows_key_and_date() -> None:
    a = Article.build("قال الوزير في بغداد", ["هجوم أمس"], published=datetime(2021, 7, 5, 12))
    text = a.text
    a = a.with_layer("entities", [Span(14, 19, "LOC", {"canonical": "بغداد"}), Span(4, 10, "PER", {})])
    a = a.with_layer("quotes", [Span(21, 29, "quote", {"speaker": "الوزير"})])
    h = text.index("هجوم")
    a = a.with_layer("events", [Span(h, h + 4, "attack", {"type": "attack", "date": "2021-07-04"}),
                                Span(h, h + 4, "attack", {"type": "attack"})])
    rows = sqa.annotation_rows(9, a)
    assert [(r[1], r[5], r[6]) for r in rows] == [
        ("entities", "الوزير", "2021-07-05T12:00:00"),  # no canonical: the surface text is the key
        ("entities", "بغداد", "2021-07-05T12:00:00"),
        ("quotes", "الوزير", "2021-07-05T12:00:00"),
        ("events", "attack", "2021-07-04"),
        ("events", "attack", "2021-07-05T12:00:00"),  # no event date: the article's
    ]
    assert all(r[0] == 9 for r in rows) and rows[1][7] == '{"canonical": "بغداد"}'
    assert [r[8] for r in rows] == [None, None, '["الوزير"]', "[]", "[]"]  # folded names: speaker, places


def test_sqlite_finds_an_entity_by_folded_name_through_indexes(tmp_path: object) -> None:
    """The alias/name lookup searches ``entity_names`` by its key and ``entities`` by its own: no scan."""
    from pathlib import Path

    from rasd.storage import open_store

    store = open_store(str(Path(str(tmp_path)) / "n.db"))
    try:
        for sql, params in sqa.entity_lookup_queries(SQLITE, "اربيل"):
            plan = [str(row[-1]) for row in store.connection.execute("EXPLAIN QUERY PLAN " + sql, params)]
            assert plan and all(not p.startswith("SCAN") for p in plan), plan
            assert any(p.startswith("SEARCH") and "sqlite_autoindex_entities_1 (canonical=?" in p for p in plan), plan
        plan = [str(row[-1]) for row in store.connection.execute("EXPLAIN QUERY PLAN " + sql, params)]
        assert any(p.startswith("SEARCH n USING") and "(folded=?)" in p for p in plan), plan
        sql, params = sqa.quotes_query(SQLITE, speaker="الكاظمى", limit=5)
        plan = [str(row[-1]) for row in store.connection.execute("EXPLAIN QUERY PLAN " + sql, params)]
        assert any(p.startswith("SEARCH a USING INDEX annotations_quote_name") for p in plan), plan
    finally:
        store.close()


def test_sqlite_reads_an_articles_old_mentions_through_its_own_index(tmp_path: object) -> None:
    """Not through (layer, key), which would scan every entity row of the archive per updated article."""
    from pathlib import Path

    from rasd.storage import open_store

    store = open_store(str(Path(str(tmp_path)) / "plan.db"))
    try:
        plan = store.connection.execute("EXPLAIN QUERY PLAN " + sqa._OLD_MENTIONS, (1,)).fetchall()
    finally:
        store.close()
    details = " ".join(str(row[-1]) for row in plan)
    assert "annotations_article" in details and "annotations_layer_key" not in details, details


def test_sqlite_finds_co_mentioned_entities_from_the_entitys_own_rows(tmp_path: object) -> None:
    """Start at the entity's rows (layer, key), then its articles' rows; never every entity row."""
    from pathlib import Path

    from rasd.storage import open_store

    store = open_store(str(Path(str(tmp_path)) / "plan.db"))
    try:
        sql, params = sqa.co_mentioned_query(SQLITE, "بغداد", "LOC", 5)
        plan = [str(row[-1]) for row in store.connection.execute("EXPLAIN QUERY PLAN " + sql, params)]
    finally:
        store.close()
    searches = [p for p in plan if p.startswith(("SEARCH", "SCAN"))]
    assert searches[0].startswith("SEARCH a USING INDEX annotations_layer_key (layer=? AND key=?)"), plan
    assert "annotations_article" in searches[1], plan
