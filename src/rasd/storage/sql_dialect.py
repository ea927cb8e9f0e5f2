"""What differs between the SQL of the two backends, in one small object.

The archive-wide queries and the entity aggregation (`rasd.storage.sql_annotations`) and the article
listing are written once, with ``?`` placeholders; a `Dialect` supplies the few pieces that differ:

========================  ====================================  ============================================
piece                     SQLite (`sqlite_annotations.SQLITE`)  PostgreSQL (`pg_annotations.POSTGRES`)
========================  ====================================  ============================================
placeholder               ``?``                                 ``%s``
span columns              ``start``, ``end``                    ``span_start``, ``span_end``
JSON member as text       ``json_extract(c, '$.k')``            ``c->>'k'``
JSON array holds a value  ``json_each`` in ``EXISTS``           ``@> jsonb_build_array(…)`` (GIN index)
one-name array is value   ``json_extract(c, '$[0]')`` (index)   ``@> jsonb_build_array(…)`` (GIN index)
NULLs in ORDER BY         the default (NULL is smallest)        ``NULLS LAST`` / ``NULLS FIRST``, spelled out
entity upsert             ``json_each`` union, ``min``/``max``  ``jsonb`` union, ``LEAST``/``GREATEST``
emptied entities deleted  keys from ``json_each``               keys from ``jsonb_array_elements`` (hash join)
annotation rows in        ``executemany(INSERT …)``             ``COPY … FROM STDIN``
JSON columns arrive as    text (``json.loads``)                 decoded ``jsonb``
========================  ====================================  ============================================

Name comparisons are byte for byte on both (SQLite ``BINARY``, PostgreSQL ``COLLATE "C"`` columns),
so the same filter finds the same rows.  Name filters (entity, speaker, location) compare folded keys
computed in Python (`rasd.storage.names`) and stored at ingest, so both backends fold alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

#: one ``annotations`` row: article_pk, layer, start, end, label, key, date, attrs (JSON text),
#: names (the folded names a quote or event is filtered by, a JSON array as text, or None)
Row = tuple[int, str, int, int, str, "str | None", "str | None", str, "str | None"]
#: a statement and its parameters
Query = tuple[str, list[Any]]


class Connection(Protocol):
    """What the shared helpers need of a connection: sqlite3's and psycopg's both fit."""

    def execute(self, sql: str, params: Sequence[Any], /) -> Any: ...


@dataclass(frozen=True)
class Dialect:
    """The SQL pieces one backend spells its own way (see the table in the module docstring)."""

    name: str
    placeholder: str
    span_start: str
    span_end: str
    #: a JSON member as text; ``{col}`` and ``{key}`` are filled in
    json_text: str
    #: the JSON array ``{col}`` holds the ``?`` value
    array_has: str
    #: the JSON array ``{col}``, of one name at most (a quote's folded speaker), is that ``?`` value
    sole_name_is: str
    #: appended to ``x DESC`` so NULLs come last / to ``x`` (ascending) so NULLs come first
    desc_nulls_last: str
    asc_nulls_first: str
    #: upsert of one entity-aggregate change: canonical, type, aliases, roles (JSON arrays as text),
    #: article and mention count changes, first and last date seen
    upsert_entity: str
    #: delete the ``entities`` rows left at zero articles among the keys given as one JSON parameter,
    #: an array of ``[canonical, type]`` pairs
    delete_emptied: str
    #: a JSON column value as it arrives from the driver → Python
    decode_json: Callable[[Any], Any]
    #: write ``annotations`` rows on a connection (inside the caller's transaction)
    write_rows: Callable[[Any, Sequence[Row]], None]

    def sql(self, text: str) -> str:
        """``text`` written with ``?`` placeholders, in this dialect's placeholder.

        Every ``?`` is a placeholder: shared statements hold no ``?`` in a string literal (and no
        ``%``, which psycopg reads as one); `tests/storage/test_sql_builders.py` checks both.

        >>> from rasd.storage.pg_annotations import POSTGRES
        >>> POSTGRES.sql("SELECT 1 WHERE a = ? AND b = ?")
        'SELECT 1 WHERE a = %s AND b = %s'
        """
        return text if self.placeholder == "?" else text.replace("?", self.placeholder)

    def desc(self, column: str) -> str:
        return f"{column} DESC{self.desc_nulls_last}"

