"""Archive-wide views of annotation layers, written once for every SQL backend.

The article's JSON document is the source of truth; the ``annotations`` rows (entities, quotes,
events) and the ``entities`` aggregate are derived from it in the same transaction.

Writing (`AnnotationBatch`): a ``put_articles`` batch queues each stored article's rows and adds up
what it changes in the entity aggregates; ``flush`` writes the rows (the dialect's bulk path) and one
upsert per entity, in sorted key order, so concurrent writers lock ``entities`` rows in the same
order and cannot deadlock.  Counts stay exact: replacing an article subtracts its old contribution
(from the table, or from earlier in the same batch); aliases, roles and the first/last-seen dates
only ever grow.  Entity rows are keyed by ``canonical`` or, when a span has none, by its surface text
(the key the aggregate uses), so an update removes exactly what the old version added.

Reading: pure builders return ``(sql, params)`` for a `Dialect` (testable without a database);
``top_entities``, ``entity_profile``, ``find_quotes`` and ``find_events`` run them
and shape the rows (`rasd.storage.rows`).  Filter values are checked first (`rasd.storage.filters`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rasd.document import Article, Span
from rasd.storage.filters import check_count, check_event_filters, check_text
from rasd.storage.names import annotation_names, fold_name
from rasd.storage.rows import ENTITY_FIELDS, EVENT_FIELDS, QUOTE_FIELDS, as_dict
from rasd.storage.sql_dialect import Connection, Dialect, Query, Row

QUERIED_LAYERS = ("entities", "quotes", "events")
# ``json.dumps(x, ensure_ascii=False[, default=str])`` without building an encoder for every span
_ATTRS_JSON = json.JSONEncoder(ensure_ascii=False, default=str)
_NAMES_JSON = json.JSONEncoder(ensure_ascii=False)
ENTITY_COLUMNS = "canonical, type, aliases, roles, article_count, mention_count, first_seen, last_seen"
EntityKey = tuple[str, str]


# -- rows and aggregate changes (pure) -------------------------------------------------------------
def entity_key(span: Span, text: str) -> str:
    """The name an entity mention is counted under: its canonical form, else its surface text.

    >>> entity_key(Span(0, 5, "LOC", {"canonical": "بغداد"}), "بغداد الرشيد")
    'بغداد'
    >>> entity_key(Span(6, 12, "LOC", {}), "بغداد الرشيد")
    'الرشيد'
    """
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


def annotation_rows(pk: int, article: Article) -> list[Row]:
    """The ``annotations`` rows of one article: its entity, quote and event spans with their keys.

    Keys: an entity's name (`entity_key`), a quote's speaker, an event's type; dates: an event's own
    date, else the article's publication date; names: the folded speaker or locations a quote or event
    is filtered by (`rasd.storage.names.annotation_names`).
    """
    published = article.published.isoformat() if article.published else None
    text = article.text
    rows: list[Row] = []
    for layer in QUERIED_LAYERS:
        for span in article.layer(layer):
            key, date = _key_and_date(layer, span, text, published)
            attrs = _ATTRS_JSON.encode(dict(span.attrs))
            names = annotation_names(layer, key, span.attrs)
            rows.append((pk, layer, span.start, span.end, span.label, key, date, attrs, names))
    return rows


@dataclass
class _Delta:
    """What a batch changes in one ``entities`` row."""

    articles: int = 0
    mentions: int = 0
    aliases: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None
    #: the row is known to exist (an earlier version, in the table, counted under this key)
    stored: bool = False

    def may_empty(self) -> bool:
        """Whether the row can end at zero articles: it loses some, or it was never stored and gains none."""
        return self.articles < 0 or (self.articles == 0 and not self.stored)

    def add_date(self, published: str | None) -> None:
        if published:
            self.first = min(self.first, published) if self.first else published
            self.last = max(self.last, published) if self.last else published


@dataclass
class _Pending:
    rows: list[Row]
    mentions: dict[EntityKey, int]


#: ``layer || ''``: no index on ``layer`` (SQLite would pick ``annotations_layer_key`` for the layer test
#: and scan every entity row of the archive for each updated article), so the article's own index is used
_OLD_MENTIONS = (
    "SELECT key, label, count(*) FROM annotations WHERE article_pk = ? AND layer || '' = 'entities'"
    " AND key IS NOT NULL GROUP BY key, label"
)


class AnnotationBatch:
    """Derived rows and aggregate changes for one ``put_articles`` transaction."""

    def __init__(self, dialect: Dialect) -> None:
        self._dialect = dialect
        self._pending: dict[int, _Pending] = {}
        self._deltas: dict[EntityKey, _Delta] = {}

    def replace(self, conn: Connection, pk: int, article: Article, *, existed: bool) -> None:
        """Queue article ``pk``'s rows, first removing what its previous version contributed."""
        if pk in self._pending:  # an earlier version in this same batch
            for k, n in self._pending.pop(pk).mentions.items():
                self._delta(k).articles -= 1
                self._delta(k).mentions -= n
        elif existed:
            for key, label, n in conn.execute(self._dialect.sql(_OLD_MENTIONS), (pk,)).fetchall():
                d = self._delta((str(key), str(label)))
                d.articles -= 1
                d.mentions -= int(n)
                d.stored = True
            conn.execute(self._dialect.sql("DELETE FROM annotations WHERE article_pk = ?"), (pk,))
        self._add(pk, article)

    def _delta(self, k: EntityKey) -> _Delta:
        d = self._deltas.get(k)
        if d is None:
            d = self._deltas[k] = _Delta()
        return d

    def _add(self, pk: int, article: Article) -> None:
        published = article.published.isoformat() if article.published else None
        text = article.text
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
        self._pending[pk] = _Pending(annotation_rows(pk, article), mentions)

    def flush(self, conn: Any) -> None:
        """Write the queued rows and aggregate changes (inside the caller's transaction)."""
        rows = [row for pending in self._pending.values() for row in pending.rows]
        if rows:
            self._dialect.write_rows(conn, rows)
        deltas = sorted(self._deltas.items())
        params = [
            (canonical, label, _dump(d.aliases), _dump(d.roles), d.articles, d.mentions, d.first, d.last)
            for (canonical, label), d in deltas
        ]
        cur = conn.cursor()
        try:
            if params:
                cur.executemany(self._dialect.upsert_entity, params)
                cur.executemany(self._dialect.sql(_INSERT_NAME), _name_rows(deltas))
            emptied = [k for k, d in deltas if d.may_empty()]
            if emptied:  # one statement, the keys as one JSON array of [canonical, type] pairs
                cur.execute(self._dialect.delete_emptied, (json.dumps(emptied, ensure_ascii=False),))
        finally:
            cur.close()
        self._pending.clear()
        self._deltas.clear()


#: a folded name of an entity (``is_alias`` 0: its canonical name); its rows go with the entity's (cascade)
_INSERT_NAME = (
    "INSERT INTO entity_names (folded, canonical, type, is_alias) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"
)


def _name_rows(deltas: Sequence[tuple[EntityKey, _Delta]]) -> list[tuple[str, str, str, int]]:
    """The folded canonical names and aliases a batch adds (aliases only grow, so names only grow)."""
    rows: set[tuple[str, str, str, int]] = set()
    for (canonical, label), d in deltas:
        rows.add((fold_name(canonical), canonical, label, 0))
        rows.update((fold_name(alias), canonical, label, 1) for alias in d.aliases)
    return sorted(rows)


def _dump(values: set[str]) -> str:
    return _NAMES_JSON.encode(sorted(values))


# -- query builders (pure) -------------------------------------------------------------------------
def top_entities_query(d: Dialect, *, type: str | None, limit: int) -> Query:
    sql = f"SELECT {ENTITY_COLUMNS} FROM entities"
    params: list[Any] = []
    if type:
        sql += " WHERE type = ?"
        params.append(type)
    sql += " ORDER BY article_count DESC, mention_count DESC, canonical LIMIT ?"
    return d.sql(sql), [*params, limit]


def entity_lookup_queries(d: Dialect, name: str) -> list[Query]:
    """An entity by canonical name as written, else by folded name (`rasd.storage.names.fold_name`):
    a canonical name before an alias, then the most-mentioned first.

    Both are index lookups: the ``entities`` primary key, then ``entity_names`` by folded key.
    """
    columns = ", ".join(f"e.{c}" for c in ENTITY_COLUMNS.split(", "))
    return [
        (d.sql(f"SELECT {ENTITY_COLUMNS} FROM entities WHERE canonical = ?"
               " ORDER BY article_count DESC, canonical, type LIMIT 1"), [name]),
        (d.sql(f"SELECT {columns} FROM entity_names n JOIN entities e ON e.canonical = n.canonical"
               " AND e.type = n.type WHERE n.folded = ?"
               " ORDER BY n.is_alias, e.article_count DESC, e.canonical, e.type LIMIT 1"), [fold_name(name)]),
    ]


def entity_timeline_query(d: Dialect, key: str, label: str) -> Query:
    return d.sql(
        "SELECT substr(date, 1, 7) AS m, count(DISTINCT article_pk) FROM annotations"
        f" WHERE layer = 'entities' AND key = ? AND label = ? GROUP BY m ORDER BY m{d.asc_nulls_first}"
    ), [key, label]


def co_mentioned_query(d: Dialect, key: str, label: str, limit: int) -> Query:
    """Entities in the same articles; ``b`` is reached by article (``b.layer || ''`` keeps SQLite from
    starting at every entity row of the archive through the (layer, key) index)."""
    return d.sql(
        "SELECT b.key, b.label, count(DISTINCT b.article_pk) AS n FROM annotations a"
        " JOIN annotations b ON b.article_pk = a.article_pk AND b.layer || '' = 'entities'"
        " WHERE a.layer = 'entities' AND a.key = ? AND a.label = ? AND NOT (b.key = a.key AND b.label = a.label)"
        " GROUP BY b.key, b.label ORDER BY n DESC, b.key LIMIT ?"
    ), [key, label, limit]


def entity_articles_query(d: Dialect, key: str, label: str, limit: int) -> Query:
    return d.sql(
        "SELECT DISTINCT ar.id, ar.title, ar.published FROM annotations a JOIN articles ar ON ar.pk = a.article_pk"
        f" WHERE a.layer = 'entities' AND a.key = ? AND a.label = ? ORDER BY {d.desc('ar.published')}, ar.id"
        " LIMIT ?"
    ), [key, label, limit]


def _span_text(d: Dialect) -> str:
    """The annotated text, cut from the article (SQL strings count from 1)."""
    return f"substr(ar.text, a.{d.span_start} + 1, a.{d.span_end} - a.{d.span_start})"


def quotes_query(d: Dialect, *, speaker: str | None, limit: int) -> Query:
    sql = (
        f"SELECT ar.id, ar.title, ar.published, ar.outlet, a.{d.span_start}, a.{d.span_end}, {_span_text(d)},"
        " a.key, a.attrs FROM annotations a JOIN articles ar ON ar.pk = a.article_pk WHERE a.layer = 'quotes'"
    )
    params: list[Any] = []
    if speaker:  # folded (`rasd.storage.names`): الكاظمى finds الكاظمي
        has = d.sole_name_is.format(col="a.names")
        sql += f" AND {has}"
        params += [fold_name(speaker)] * has.count("?")
    sql += f" ORDER BY {d.desc('ar.published')}, a.article_pk, a.{d.span_start} LIMIT ?"
    return d.sql(sql), [*params, limit]


def events_query(
    d: Dialect,
    *,
    type: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    location: str | None = None,
    limit: int | None = None,
) -> Query:
    """Events with every given filter (``type`` is ours or ACLED's; ``date_to`` takes the whole day).

    >>> from rasd.storage.sqlite_annotations import SQLITE
    >>> sql, params = events_query(SQLITE, type="attack", limit=5)
    >>> sql.endswith("ORDER BY a.date DESC, a.article_pk, a.start LIMIT ?"), params
    (True, ['attack', 'attack', 5])
    """
    sql = (
        f"SELECT ar.id, ar.title, ar.published, ar.outlet, ar.url, a.{d.span_start}, a.{d.span_end},"
        f" {_span_text(d)}, a.key, a.date, a.attrs"
        " FROM annotations a JOIN articles ar ON ar.pk = a.article_pk WHERE a.layer = 'events'"
    )
    params: list[Any] = []
    if type:
        sql += f" AND (a.key = ? OR {d.json_text.format(col='a.attrs', key='acled_event_type')} = ?)"
        params += [type, type]
    if date_from:
        sql += " AND a.date >= ?"
        params.append(date_from)
    if date_to:
        sql += " AND substr(a.date, 1, 10) <= ?"
        params.append(date_to)
    if location:  # folded (`rasd.storage.names`): اربيل finds أربيل
        has = d.array_has.format(col="a.names")
        sql += f" AND {has}"
        params += [fold_name(location)] * has.count("?")
    sql += f" ORDER BY {d.desc('a.date')}, a.article_pk, a.{d.span_start}"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return d.sql(sql), params


# -- running them ----------------------------------------------------------------------------------
def _run(conn: Connection, query: Query) -> Iterator[Sequence[Any]]:
    sql, params = query
    yield from conn.execute(sql, params)


def top_entities(conn: Connection, d: Dialect, *, type: object = None, limit: object = 20) -> list[dict[str, Any]]:
    query = top_entities_query(d, type=check_text("type", type), limit=check_count("limit", limit))
    return [as_dict(ENTITY_FIELDS, r, d.decode_json) for r in _run(conn, query)]


def entity_profile(conn: Connection, d: Dialect, name: str, *, limit: int = 20) -> dict[str, Any] | None:
    """An entity by canonical name or alias, spelling folded (`entity_lookup_queries`): articles over time (by month), co-mentioned entities."""
    check_text("name", name)
    row = None
    for sql, params in entity_lookup_queries(d, name):
        row = conn.execute(sql, params).fetchone()
        if row is not None:
            break
    if row is None:
        return None
    profile = as_dict(ENTITY_FIELDS, row, d.decode_json)
    key, label = profile["canonical"], profile["type"]
    profile["timeline"] = [{"month": m, "articles": n} for m, n in _run(conn, entity_timeline_query(d, key, label))]
    profile["co_mentioned"] = [
        {"canonical": k, "type": t, "articles": n} for k, t, n in _run(conn, co_mentioned_query(d, key, label, limit))
    ]
    profile["articles"] = [
        {"id": i, "title": t, "published": p} for i, t, p in _run(conn, entity_articles_query(d, key, label, limit))
    ]
    return profile


def find_quotes(conn: Connection, d: Dialect, *, speaker: object = None, limit: object = 50) -> list[dict[str, Any]]:
    query = quotes_query(d, speaker=check_text("speaker", speaker), limit=check_count("limit", limit))
    return [as_dict(QUOTE_FIELDS, r, d.decode_json) for r in _run(conn, query)]


def find_events(conn: Connection, d: Dialect, filters: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Events by ``type``, ``date_from``, ``date_to``, ``location``; ``limit`` (default 1000; 0 or None: all)."""
    query = events_query(d, **check_event_filters(filters))
    return [as_dict(EVENT_FIELDS, r, d.decode_json) for r in _run(conn, query)]
