"""Rows in and out, the same shape for every backend.

Out: the archive-wide queries select these columns in this order; only how a JSON column arrives
differs (text in SQLite, already decoded in PostgreSQL), which is the ``decode`` argument.
In: an ``articles`` row's columns (`ARTICLE_COLUMNS`, `article_values`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from rasd.document import Article

ENTITY_FIELDS = ("canonical", "type", "aliases", "roles", "article_count", "mention_count", "first_seen",
                 "last_seen")
QUOTE_FIELDS = ("article_id", "title", "published", "outlet", "start", "end", "text", "speaker", "attrs")
EVENT_FIELDS = ("article_id", "title", "published", "outlet", "url", "start", "end", "trigger", "type", "date",
                "attrs")
JSON_FIELDS = frozenset({"aliases", "roles", "attrs"})
ARTICLE_COLUMNS = ("id", "url", "title", "outlet", "published", "published_raw", "views", "category", "author",
                   "source", "fetched_at", "content_hash", "raw_sha256", "text", "doc")


def as_dict(fields: Sequence[str], row: Sequence[Any], decode: Callable[[Any], Any]) -> dict[str, Any]:
    """``row`` as a dict keyed by ``fields``, JSON columns passed through ``decode``.

    >>> import json
    >>> as_dict(("canonical", "aliases"), ("داعش", '["تنظيم الدولة"]'), json.loads)
    {'canonical': 'داعش', 'aliases': ['تنظيم الدولة']}
    """
    return {f: decode(v) if f in JSON_FIELDS else v for f, v in zip(fields, row, strict=True)}


def article_doc(article: Article, *, allow_nan: bool = True) -> str:
    """The JSON document stored for ``article``: `Article.to_dict` without the text, which the ``text``
    column holds, and without each span's copy of the text it covers (``Article.from_dict`` reads
    offsets only, and every output recomputes the text from them; the sentence layer alone would store
    the article text again).  `article_from_row` puts the text back.

    >>> a = Article.build("عنوان", ["قال الوزير إن الهجوم وقع أمس."])
    >>> a = a.with_layer("sentences", a.paragraphs)
    >>> doc = article_doc(a)
    >>> "الوزير" in doc
    False
    >>> article_from_row(a.text, doc) == a
    True
    """
    data = article.to_dict(with_text=False)
    del data["text"]
    return json.dumps(data, ensure_ascii=False, allow_nan=allow_nan, separators=(",", ":"))


def article_from_row(text: str, doc: str | dict[str, Any]) -> Article:
    """The article of an ``articles`` row: its ``text`` column and its document (JSON text in SQLite,
    decoded ``jsonb`` in PostgreSQL).  Documents written before `article_doc` carry the text themselves."""
    data = json.loads(doc) if isinstance(doc, str) else doc
    if "text" not in data:
        data = {**data, "text": text}
    return Article.from_dict(data)


def article_values(article: Article, *, raw_sha256: str | None, doc: str) -> tuple[Any, ...]:
    """An article's ``articles`` row in `ARTICLE_COLUMNS` order (``doc`` is its JSON document)."""
    return (
        article.id,
        article.url,
        article.title,
        article.outlet,
        article.published.isoformat() if article.published else None,
        article.published_raw,
        article.views,
        article.category,
        article.author,
        article.source,
        article.fetched_at.isoformat() if article.fetched_at else None,
        article.content_hash,
        raw_sha256,
        article.text,
        doc,
    )
