"""The PostgreSQL spelling of the archive-wide annotation views (`rasd.storage.sql_annotations`).

Annotation attributes and entity aliases/roles are ``jsonb``: event filters use its operators (and
the GIN indexes of migration 2), aliases are merged in byte order (``COLLATE "C"``, as SQLite
sorts), and a batch's annotation rows go in with one ``COPY``.  Everything else is shared with
SQLite, so both backends return the same rows for the same archive.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg

from rasd.storage.sql_annotations import ENTITY_COLUMNS, AnnotationBatch
from rasd.storage.sql_dialect import Dialect, Row

__all__ = ["POSTGRES", "AnnotationBatch"]

_MERGE_ARRAYS = (
    "CASE WHEN EXCLUDED.{col} = '[]'::jsonb THEN e.{col} ELSE (SELECT coalesce(jsonb_agg(v ORDER BY v),"
    " '[]'::jsonb) FROM (SELECT DISTINCT t.v COLLATE \"C\" AS v FROM"
    " jsonb_array_elements_text(e.{col} || EXCLUDED.{col}) AS t(v)) AS s) END"
)
_UPSERT_ENTITY = (
    f"INSERT INTO entities AS e ({ENTITY_COLUMNS}) VALUES (%s, %s, %s::jsonb, %s::jsonb, %s, %s, %s, %s)"
    " ON CONFLICT (canonical, type) DO UPDATE SET"
    f" aliases = {_MERGE_ARRAYS.format(col='aliases')},"
    f" roles = {_MERGE_ARRAYS.format(col='roles')},"
    " article_count = e.article_count + EXCLUDED.article_count,"
    " mention_count = e.mention_count + EXCLUDED.mention_count,"
    " first_seen = LEAST(e.first_seen, EXCLUDED.first_seen),"
    " last_seen = GREATEST(e.last_seen, EXCLUDED.last_seen)"
)
_COPY_ANNOTATIONS = (
    "COPY annotations (article_pk, layer, span_start, span_end, label, key, date, attrs, names) FROM STDIN"
)


def _copy_rows(conn: psycopg.Connection[Any], rows: Sequence[Row]) -> None:
    with conn.cursor() as cur, cur.copy(_COPY_ANNOTATIONS) as copy:
        for row in rows:
            copy.write_row(row)


def _jsonb(value: Any) -> Any:
    """jsonb arrives decoded; arrays as fresh lists, as the SQLite twin returns them."""
    return list(value) if isinstance(value, list) else value


POSTGRES = Dialect(
    name="postgres",
    placeholder="%s",
    span_start="span_start",
    span_end="span_end",
    json_text="{col}->>'{key}'",
    array_has="{col} @> jsonb_build_array(?::text)",
    sole_name_is="{col} @> jsonb_build_array(?::text)",  # the GIN index annotations_quote_names
    desc_nulls_last=" NULLS LAST",
    asc_nulls_first=" NULLS FIRST",
    upsert_entity=_UPSERT_ENTITY,
    delete_emptied=(
        "DELETE FROM entities e USING jsonb_array_elements(%s::jsonb) AS t(k)"
        " WHERE e.canonical = t.k->>0 AND e.type = t.k->>1 AND e.article_count <= 0"
    ),
    decode_json=_jsonb,
    write_rows=_copy_rows,
)
