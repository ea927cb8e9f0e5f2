"""Result rows of the archive-wide queries, the same shape from every backend.

Both backends select these columns in this order; only how a JSON column arrives differs (text in
SQLite, already decoded in PostgreSQL), which is the ``decode`` argument.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

ENTITY_FIELDS = ("canonical", "type", "aliases", "roles", "article_count", "mention_count", "first_seen",
                 "last_seen")
QUOTE_FIELDS = ("article_id", "title", "published", "outlet", "start", "end", "text", "speaker", "attrs")
EVENT_FIELDS = ("article_id", "title", "published", "outlet", "url", "start", "end", "trigger", "type", "date",
                "attrs")
JSON_FIELDS = frozenset({"aliases", "roles", "attrs"})


def as_dict(fields: Sequence[str], row: Sequence[Any], decode: Callable[[Any], Any]) -> dict[str, Any]:
    """``row`` as a dict keyed by ``fields``, JSON columns passed through ``decode``.

    >>> import json
    >>> as_dict(("canonical", "aliases"), ("داعش", '["تنظيم الدولة"]'), json.loads)
    {'canonical': 'داعش', 'aliases': ['تنظيم الدولة']}
    """
    return {f: decode(v) if f in JSON_FIELDS else v for f, v in zip(fields, row, strict=True)}
