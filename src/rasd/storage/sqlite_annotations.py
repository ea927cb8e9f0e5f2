"""Archive-wide views of annotation layers: entity aggregates, quotes by speaker, events by filter.

The article's JSON document is the source of truth; the ``annotations`` rows (entities, quotes,
events) and the ``entities`` aggregate are derived from it in the same transaction.  Aggregates are
maintained incrementally: storing an article adds its contribution, replacing it subtracts the old
contribution first (counts are exact; aliases and roles only ever grow).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

from rasd.document import Article
from rasd.storage.rows import ENTITY_FIELDS, EVENT_FIELDS, QUOTE_FIELDS, as_dict

QUERIED_LAYERS = ("entities", "quotes", "events")


def _key_and_date(layer: str, attrs: dict[str, Any], published: str | None) -> tuple[str | None, str | None]:
    if layer == "entities":
        return attrs.get("canonical"), published
    if layer == "quotes":
        return attrs.get("speaker"), published
    return attrs.get("type"), attrs.get("date") or published


def replace_annotations(conn: sqlite3.Connection, pk: int, article: Article, *, new: bool = False) -> None:
    """Replace the derived rows of article ``pk`` and update the entity aggregates.

    ``new`` says the article was just inserted, so it has no earlier rows to subtract.
    """
    old = [] if new else conn.execute(
        "SELECT key, label, count(*) FROM annotations WHERE article_pk = ? AND layer = 'entities'"
        " AND key IS NOT NULL GROUP BY key, label",
        (pk,),
    ).fetchall()
    for key, label, n in old:
        conn.execute(
            "UPDATE entities SET article_count = article_count - 1, mention_count = mention_count - ?"
            " WHERE canonical = ? AND type = ?",
            (n, key, label),
        )
    if not new:
        conn.execute("DELETE FROM annotations WHERE article_pk = ?", (pk,))
    published = article.published.isoformat() if article.published else None
    rows = []
    for layer in QUERIED_LAYERS:
        for span in article.layer(layer):
            attrs = dict(span.attrs)
            key, date = _key_and_date(layer, attrs, published)
            if layer == "entities" and not key:
                key = span.slice(article.text)  # as the aggregate counts it, so updates subtract exactly
            rows.append(
                (pk, layer, span.start, span.end, span.label, key, date,
                 json.dumps(attrs, ensure_ascii=False, default=str))
            )
    conn.executemany(
        "INSERT INTO annotations (article_pk, layer, start, end, label, key, date, attrs)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    _add_entity_contribution(conn, article, published)
    if old:
        conn.execute("DELETE FROM entities WHERE article_count <= 0")


_UPSERT_ENTITY = """
INSERT INTO entities (canonical, type, aliases, roles, article_count, mention_count, first_seen, last_seen)
VALUES (?, ?, ?, ?, 1, ?, ?, ?)
ON CONFLICT (canonical, type) DO UPDATE SET
    aliases = (SELECT json_group_array(value) FROM (
        SELECT value FROM json_each(entities.aliases) UNION SELECT value FROM json_each(excluded.aliases))),
    roles = (SELECT json_group_array(value) FROM (
        SELECT value FROM json_each(entities.roles) UNION SELECT value FROM json_each(excluded.roles))),
    article_count = entities.article_count + 1,
    mention_count = entities.mention_count + excluded.mention_count,
    first_seen = coalesce(min(entities.first_seen, excluded.first_seen), entities.first_seen, excluded.first_seen),
    last_seen = coalesce(max(entities.last_seen, excluded.last_seen), entities.last_seen, excluded.last_seen)
"""


def _add_entity_contribution(conn: sqlite3.Connection, article: Article, published: str | None) -> None:
    mentions: dict[tuple[str, str], int] = defaultdict(int)
    aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for span in article.entities:
        canonical = span.attrs.get("canonical") or span.slice(article.text)
        k = (str(canonical), span.label)
        mentions[k] += 1
        aliases[k].add(span.slice(article.text))
        if span.attrs.get("role"):
            roles[k].add(str(span.attrs["role"]))
    conn.executemany(
        _UPSERT_ENTITY,
        [
            (canonical, label, _dump(aliases[(canonical, label)]), _dump(roles[(canonical, label)]), n,
             published, published)
            for (canonical, label), n in mentions.items()
        ],
    )


def _dump(values: set[str]) -> str:
    return json.dumps(sorted(values), ensure_ascii=False)


def top_entities(conn: sqlite3.Connection, *, type: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    sql = "SELECT canonical, type, aliases, roles, article_count, mention_count, first_seen, last_seen FROM entities"
    params: list[Any] = []
    if type:
        sql += " WHERE type = ?"
        params.append(type)
    sql += " ORDER BY article_count DESC, mention_count DESC, canonical LIMIT ?"
    params.append(limit)
    return [_entity_row(r) for r in conn.execute(sql, params)]


def _entity_row(r: tuple[Any, ...]) -> dict[str, Any]:
    return as_dict(ENTITY_FIELDS, r, json.loads)


def entity_profile(conn: sqlite3.Connection, name: str, *, limit: int = 20) -> dict[str, Any] | None:
    """An entity by canonical name or alias: articles over time (by month), co-mentioned entities."""
    row = conn.execute(
        "SELECT canonical, type, aliases, roles, article_count, mention_count, first_seen, last_seen"
        " FROM entities WHERE canonical = ? ORDER BY article_count DESC LIMIT 1",
        (name,),
    ).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT e.canonical, e.type, e.aliases, e.roles, e.article_count, e.mention_count, e.first_seen,"
            " e.last_seen FROM entities e, json_each(e.aliases) j WHERE j.value = ?"
            " ORDER BY e.article_count DESC LIMIT 1",
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
            " WHERE layer = 'entities' AND key = ? AND label = ? GROUP BY m ORDER BY m",
            (key, label),
        )
    ]
    profile["co_mentioned"] = [
        {"canonical": k, "type": t, "articles": n}
        for k, t, n in conn.execute(
            "SELECT b.key, b.label, count(DISTINCT b.article_pk) AS n FROM annotations a"
            " JOIN annotations b ON b.article_pk = a.article_pk AND b.layer = 'entities'"
            " WHERE a.layer = 'entities' AND a.key = ? AND a.label = ? AND NOT (b.key = a.key AND b.label = a.label)"
            " GROUP BY b.key, b.label ORDER BY n DESC, b.key LIMIT ?",
            (key, label, limit),
        )
    ]
    profile["articles"] = [
        {"id": i, "title": t, "published": p}
        for i, t, p in conn.execute(
            "SELECT DISTINCT ar.id, ar.title, ar.published FROM annotations a JOIN articles ar ON ar.pk = a.article_pk"
            " WHERE a.layer = 'entities' AND a.key = ? AND a.label = ? ORDER BY ar.published DESC LIMIT ?",
            (key, label, limit),
        )
    ]
    return profile


def find_quotes(conn: sqlite3.Connection, *, speaker: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    sql = (
        "SELECT ar.id, ar.title, ar.published, ar.outlet, a.start, a.end, substr(ar.text, a.start + 1, a.end - a.start),"
        " a.key, a.attrs FROM annotations a JOIN articles ar ON ar.pk = a.article_pk WHERE a.layer = 'quotes'"
    )
    params: list[Any] = []
    if speaker:
        sql += " AND a.key = ?"
        params.append(speaker)
    sql += " ORDER BY ar.published DESC, a.article_pk, a.start LIMIT ?"
    params.append(limit)
    return [as_dict(QUOTE_FIELDS, r, json.loads) for r in conn.execute(sql, params)]


def find_events(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    location: str | None = None,
    limit: int | None = 1000,
) -> list[dict[str, Any]]:
    sql = (
        "SELECT ar.id, ar.title, ar.published, ar.outlet, ar.url, a.start, a.end,"
        " substr(ar.text, a.start + 1, a.end - a.start), a.key, a.date, a.attrs"
        " FROM annotations a JOIN articles ar ON ar.pk = a.article_pk WHERE a.layer = 'events'"
    )
    params: list[Any] = []
    if type:
        sql += " AND (a.key = ? OR json_extract(a.attrs, '$.acled_event_type') = ?)"
        params += [type, type]
    if date_from:
        sql += " AND a.date >= ?"
        params.append(date_from)
    if date_to:
        sql += " AND substr(a.date, 1, 10) <= ?"
        params.append(date_to)
    if location:
        sql += " AND EXISTS (SELECT 1 FROM json_each(a.attrs, '$.locations') j WHERE j.value = ?)"
        params.append(location)
    sql += " ORDER BY a.date DESC, a.article_pk, a.start"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return [as_dict(EVENT_FIELDS, r, json.loads) for r in conn.execute(sql, params)]
