"""Archive-wide annotation views on PostgreSQL: entity aggregates, quotes by speaker, events by filter.

The PostgreSQL twin of `rasd.storage.sqlite_annotations` (same rows, same results).  Writes are batched:
`AnnotationBatch` collects a whole ``put_articles`` batch — annotation rows go in with one ``COPY``,
entity aggregates with one upsert per entity in sorted key order, so concurrent writers lock
``entities`` rows in the same order and cannot deadlock each other.  Counts stay exact: replacing an
article subtracts its old contribution (from the table, or from earlier in the same batch); aliases,
roles and the first/last-seen dates only ever grow, as in SQLite.

Entity rows are keyed by ``canonical`` or, when a span has none, by its surface text (the same key
the aggregate uses), so an update always removes exactly what the old version added.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import psycopg

from rasd.document import Article, Span
from rasd.storage.rows import ENTITY_FIELDS, EVENT_FIELDS, QUOTE_FIELDS, as_dict

QUERIED_LAYERS = ("entities", "quotes", "events")
_ENTITY_COLUMNS = "canonical, type, aliases, roles, article_count, mention_count, first_seen, last_seen"
_MERGE_ARRAYS = (
    "CASE WHEN EXCLUDED.{col} = '[]'::jsonb THEN e.{col} ELSE (SELECT coalesce(jsonb_agg(v ORDER BY v),"
    " '[]'::jsonb) FROM (SELECT DISTINCT t.v COLLATE \"C\" AS v FROM"
    " jsonb_array_elements_text(e.{col} || EXCLUDED.{col}) AS t(v)) AS s) END"
)
_UPSERT_ENTITY = (
    f"INSERT INTO entities AS e ({_ENTITY_COLUMNS}) VALUES (%s, %s, %s::jsonb, %s::jsonb, %s, %s, %s, %s)"
    " ON CONFLICT (canonical, type) DO UPDATE SET"
    f" aliases = {_MERGE_ARRAYS.format(col='aliases')},"
    f" roles = {_MERGE_ARRAYS.format(col='roles')},"
    " article_count = e.article_count + EXCLUDED.article_count,"
    " mention_count = e.mention_count + EXCLUDED.mention_count,"
    " first_seen = LEAST(e.first_seen, EXCLUDED.first_seen),"
    " last_seen = GREATEST(e.last_seen, EXCLUDED.last_seen)"
)
_COPY_ANNOTATIONS = (
    "COPY annotations (article_pk, layer, span_start, span_end, label, key, date, attrs) FROM STDIN"
)

Row = tuple[int, str, int, int, str, "str | None", "str | None", str]
EntityKey = tuple[str, str]


@dataclass
class _Delta:
    """What a batch changes in one ``entities`` row."""

    articles: int = 0
    mentions: int = 0
    aliases: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None

    def add_date(self, published: str | None) -> None:
        if published:
            self.first = min(self.first, published) if self.first else published
            self.last = max(self.last, published) if self.last else published


@dataclass
class _Pending:
    rows: list[Row]
    mentions: dict[EntityKey, int]


def entity_key(span: Span, text: str) -> str:
    """The name an entity mention is counted under: its canonical form, else its surface text."""
    canonical = span.attrs.get("canonical")
    return str(canonical) if canonical else span.slice(text)


def _key_and_date(layer: str, span: Span, text: str, published: str | None) -> tuple[str | None, str | None]:
    attrs = span.attrs
    if layer == "entities":
        return entity_key(span, text), published
    if layer == "quotes":
        speaker = attrs.get("speaker")
        return (str(speaker) if speaker is not None else None), published
    kind, date = attrs.get("type"), attrs.get("date")
    return (str(kind) if kind is not None else None), (str(date) if date else published)


class AnnotationBatch:
    """Derived rows and aggregate changes for one ``put_articles`` transaction."""

    def __init__(self) -> None:
        self._pending: dict[int, _Pending] = {}
        self._deltas: dict[EntityKey, _Delta] = {}

    def replace(self, conn: psycopg.Connection[Any], pk: int, article: Article, *, existed: bool) -> None:
        """Queue article ``pk``'s rows, first removing what its previous version contributed."""
        if pk in self._pending:  # an earlier version in this same batch
            for k, n in self._pending.pop(pk).mentions.items():
                self._delta(k).articles -= 1
                self._delta(k).mentions -= n
        elif existed:
            old = conn.execute(
                "SELECT key, label, count(*) FROM annotations WHERE article_pk = %s AND layer = 'entities'"
                " AND key IS NOT NULL GROUP BY key, label",
                (pk,),
            ).fetchall()
            for key, label, n in old:
                d = self._delta((str(key), str(label)))
                d.articles -= 1
                d.mentions -= int(n)
            conn.execute("DELETE FROM annotations WHERE article_pk = %s", (pk,))
        self._add(pk, article)

    def _delta(self, k: EntityKey) -> _Delta:
        d = self._deltas.get(k)
        if d is None:
            d = self._deltas[k] = _Delta()
        return d

    def _add(self, pk: int, article: Article) -> None:
        published = article.published.isoformat() if article.published else None
        text = article.text
        rows: list[Row] = []
        for layer in QUERIED_LAYERS:
            for span in article.layer(layer):
                key, date = _key_and_date(layer, span, text, published)
                attrs = json.dumps(dict(span.attrs), ensure_ascii=False, default=str)
                rows.append((pk, layer, span.start, span.end, span.label, key, date, attrs))
        mentions: dict[EntityKey, int] = {}
        for span in article.entities:
            k = (entity_key(span, text), span.label)
            mentions[k] = mentions.get(k, 0) + 1
            d = self._delta(k)
            d.aliases.add(span.slice(text))
            if span.attrs.get("role"):
                d.roles.add(str(span.attrs["role"]))
        for k, n in mentions.items():
            d = self._delta(k)
            d.articles += 1
            d.mentions += n
            d.add_date(published)
        self._pending[pk] = _Pending(rows, mentions)

    def flush(self, conn: psycopg.Connection[Any]) -> None:
        """Write the queued rows and aggregate changes (inside the caller's transaction)."""
        with conn.cursor() as cur:
            if any(p.rows for p in self._pending.values()):
                with cur.copy(_COPY_ANNOTATIONS) as copy:
                    for pending in self._pending.values():
                        for row in pending.rows:
                            copy.write_row(row)
            params = [
                (canonical, label, _dump(d.aliases), _dump(d.roles), d.articles, d.mentions, d.first, d.last)
                for (canonical, label), d in sorted(self._deltas.items())
            ]
            if params:
                cur.executemany(_UPSERT_ENTITY, params)
            shrunk = [k for k, d in sorted(self._deltas.items()) if d.articles <= 0]
            if shrunk:
                cur.execute(
                    "DELETE FROM entities e USING unnest(%s::text[], %s::text[]) AS t(c, ty)"
                    " WHERE e.canonical = t.c AND e.type = t.ty AND e.article_count <= 0",
                    ([k[0] for k in shrunk], [k[1] for k in shrunk]),
                )
        self._pending.clear()
        self._deltas.clear()


def _dump(values: set[str]) -> str:
    return json.dumps(sorted(values), ensure_ascii=False)


# -- queries ---------------------------------------------------------------------------------------
def top_entities(
    conn: psycopg.Connection[Any], *, type: str | None = None, limit: int = 20
) -> list[dict[str, Any]]:
    sql = f"SELECT {_ENTITY_COLUMNS} FROM entities"
    params: list[Any] = []
    if type:
        sql += " WHERE type = %s"
        params.append(type)
    sql += " ORDER BY article_count DESC, mention_count DESC, canonical LIMIT %s"
    params.append(limit)
    return [_entity_row(r) for r in conn.execute(sql, params)]


def _entity_row(r: Sequence[Any]) -> dict[str, Any]:
    return as_dict(ENTITY_FIELDS, r, _jsonb)


def entity_profile(conn: psycopg.Connection[Any], name: str, *, limit: int = 20) -> dict[str, Any] | None:
    """An entity by canonical name or alias: articles over time (by month), co-mentioned entities."""
    row = conn.execute(
        f"SELECT {_ENTITY_COLUMNS} FROM entities WHERE canonical = %s ORDER BY article_count DESC LIMIT 1",
        (name,),
    ).fetchone()
    if row is None:
        row = conn.execute(
            f"SELECT {_ENTITY_COLUMNS} FROM entities WHERE aliases @> jsonb_build_array(%s::text)"
            " ORDER BY article_count DESC, canonical LIMIT 1",
            (name,),
        ).fetchone()
    if row is None:
        return None
    profile = _entity_row(row)
    key, label = profile["canonical"], profile["type"]
    profile["timeline"] = [
        {"month": m, "articles": n}
        for m, n in conn.execute(
            "SELECT substr(date, 1, 7) AS m, count(DISTINCT article_pk) FROM annotations"
            " WHERE layer = 'entities' AND key = %s AND label = %s GROUP BY m ORDER BY m NULLS FIRST",
            (key, label),
        )
    ]
    profile["co_mentioned"] = [
        {"canonical": k, "type": t, "articles": n}
        for k, t, n in conn.execute(
            "SELECT b.key, b.label, count(DISTINCT b.article_pk) AS n FROM annotations a"
            " JOIN annotations b ON b.article_pk = a.article_pk AND b.layer = 'entities'"
            " WHERE a.layer = 'entities' AND a.key = %s AND a.label = %s"
            " AND NOT (b.key = a.key AND b.label = a.label)"
            " GROUP BY b.key, b.label ORDER BY n DESC, b.key LIMIT %s",
            (key, label, limit),
        )
    ]
    profile["articles"] = [
        {"id": i, "title": t, "published": p}
        for i, t, p in conn.execute(
            "SELECT DISTINCT ar.id, ar.title, ar.published FROM annotations a JOIN articles ar ON ar.pk = a.article_pk"
            " WHERE a.layer = 'entities' AND a.key = %s AND a.label = %s"
            " ORDER BY ar.published DESC NULLS LAST, ar.id LIMIT %s",
            (key, label, limit),
        )
    ]
    return profile


def find_quotes(
    conn: psycopg.Connection[Any], *, speaker: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    sql = (
        "SELECT ar.id, ar.title, ar.published, ar.outlet, a.span_start, a.span_end,"
        " substr(ar.text, a.span_start + 1, a.span_end - a.span_start), a.key, a.attrs"
        " FROM annotations a JOIN articles ar ON ar.pk = a.article_pk WHERE a.layer = 'quotes'"
    )
    params: list[Any] = []
    if speaker:
        sql += " AND a.key = %s"
        params.append(speaker)
    sql += " ORDER BY ar.published DESC NULLS LAST, a.article_pk, a.span_start LIMIT %s"
    params.append(limit)
    return [as_dict(QUOTE_FIELDS, r, _jsonb) for r in conn.execute(sql, params)]


def find_events(
    conn: psycopg.Connection[Any],
    *,
    type: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    location: str | None = None,
    limit: int | None = 1000,
) -> list[dict[str, Any]]:
    sql = (
        "SELECT ar.id, ar.title, ar.published, ar.outlet, ar.url, a.span_start, a.span_end,"
        " substr(ar.text, a.span_start + 1, a.span_end - a.span_start), a.key, a.date, a.attrs"
        " FROM annotations a JOIN articles ar ON ar.pk = a.article_pk WHERE a.layer = 'events'"
    )
    params: list[Any] = []
    if type:
        sql += " AND (a.key = %s OR a.attrs->>'acled_event_type' = %s)"
        params += [type, type]
    if date_from:
        sql += " AND a.date >= %s"
        params.append(date_from)
    if date_to:
        sql += " AND substr(a.date, 1, 10) <= %s"
        params.append(date_to)
    if location:
        sql += (
            " AND (a.attrs->'locations' @> jsonb_build_array(%s::text)"
            " OR (jsonb_typeof(a.attrs->'locations') = 'string' AND a.attrs->>'locations' = %s))"
        )
        params += [location, location]
    sql += " ORDER BY a.date DESC NULLS LAST, a.article_pk, a.span_start"
    if limit:
        sql += " LIMIT %s"
        params.append(limit)
    return [as_dict(EVENT_FIELDS, r, _jsonb) for r in conn.execute(sql, params)]


def _jsonb(value: Any) -> Any:
    """jsonb arrives decoded; arrays as fresh lists, as the SQLite twin returns them."""
    return list(value) if isinstance(value, list) else value
