"""The SQLite spelling of the archive-wide annotation views (`rasd.storage.sql_annotations`).

Annotation attributes and entity aliases/roles are JSON text, read with ``json_extract`` and
``json_each``; rows go in with one ``executemany``.  Everything else is shared with PostgreSQL.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from rasd.storage.sql_dialect import Dialect, Row

_MERGE_ARRAYS = (
    "CASE WHEN excluded.{col} = '[]' THEN entities.{col} ELSE (SELECT json_group_array(value) FROM ("
    "SELECT value FROM json_each(entities.{col}) UNION SELECT value FROM json_each(excluded.{col}))) END"
)
_UPSERT_ENTITY = (
    "INSERT INTO entities (canonical, type, aliases, roles, article_count, mention_count, first_seen, last_seen)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (canonical, type) DO UPDATE SET"
    f" aliases = {_MERGE_ARRAYS.format(col='aliases')},"
    f" roles = {_MERGE_ARRAYS.format(col='roles')},"
    " article_count = entities.article_count + excluded.article_count,"
    " mention_count = entities.mention_count + excluded.mention_count,"
    # min()/max() of two values are NULL when one is: keep whichever is set
    " first_seen = coalesce(min(entities.first_seen, excluded.first_seen), entities.first_seen, excluded.first_seen),"
    " last_seen = coalesce(max(entities.last_seen, excluded.last_seen), entities.last_seen, excluded.last_seen)"
)


def _insert_rows(conn: sqlite3.Connection, rows: Sequence[Row]) -> None:
    conn.executemany(
        "INSERT INTO annotations (article_pk, layer, start, end, label, key, date, attrs, names)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


SQLITE = Dialect(
    name="sqlite",
    placeholder="?",
    span_start="start",
    span_end="end",
    json_text="json_extract({col}, '$.{key}')",
    array_has="EXISTS (SELECT 1 FROM json_each({col}) j WHERE j.value = ?)",
    # the expression of the index annotations_quote_name (migration 4)
    sole_name_is="json_extract({col}, '$[0]') = ?",
    desc_nulls_last="",  # NULL sorts first ascending, last descending
    asc_nulls_first="",
    upsert_entity=_UPSERT_ENTITY,
    delete_emptied=(
        "DELETE FROM entities WHERE article_count <= 0 AND (canonical, type) IN"
        " (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))"
    ),
    decode_json=json.loads,
    write_rows=_insert_rows,
)
