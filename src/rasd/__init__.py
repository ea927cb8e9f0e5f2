r"""rasd (رصد): read raw Arabic news pages into a structured, searchable, event-annotated archive.

>>> import rasd
>>> page = "وزير الخارجية يبحث في بغداد ملف المياه مع نظيره التركي\n\n" + (
...     "قال وزير الخارجية إن المحادثات ستستمر في بغداد الأسبوع المقبل وفق ما أعلنت الوزارة "
...     "في بيان رسمي صدر اليوم عن مكتبه الإعلامي.")
>>> article = rasd.read(page, enrich=False)
>>> article.title
'وزير الخارجية يبحث في بغداد ملف المياه مع نظيره التركي'
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from rasd.document import Article, Span
from rasd.errors import (
    DecodeError,
    EmptyPage,
    InputError,
    ModelError,
    NotAnArticle,
    QueryError,
    RasdError,
    RejectedPage,
    StoreError,
    TooLarge,
)

if TYPE_CHECKING:
    from rasd.pipeline import Pipeline

__version__ = "0.1.0"

__all__ = [
    "Article",
    "DecodeError",
    "EmptyPage",
    "InputError",
    "ModelError",
    "NotAnArticle",
    "QueryError",
    "RasdError",
    "RejectedPage",
    "Span",
    "StoreError",
    "TooLarge",
    "__version__",
    "find_times",
    "open_store",
    "read",
    "tag_entities",
]

_DEFAULT_PIPELINE: list[Pipeline] = []


def _pipeline() -> Pipeline:
    # Built once per process on first use; read-only afterwards, so output never depends on history.
    if not _DEFAULT_PIPELINE:
        from rasd.pipeline import Pipeline

        _DEFAULT_PIPELINE.append(Pipeline.default())
    return _DEFAULT_PIPELINE[0]


def read(
    data: bytes | str,
    *,
    url: str | None = None,
    source: str | None = None,
    published: datetime | None = None,
    enrich: bool = True,
) -> Article:
    """Read one page (text, HTML, bytes in any supported encoding) into an enriched `Article`.

    ``url`` and ``source`` (an outlet name or domain) help where the page does not say;
    ``published`` overrides the date found in the page.  Raises a `RejectedPage` subclass with a
    specific reason when the bytes are not a readable article.
    """
    from rasd.extract import extract_article
    from rasd.ingest.rawpage import RawPage
    from rasd.ingest.sniff import sniff_media_type

    raw_bytes = data.encode("utf-8") if isinstance(data, str) else data
    hints = {"src": source} if source else {}
    raw = RawPage(
        data=raw_bytes,
        source="<memory>",
        url=url,
        media_type=sniff_media_type(raw_bytes),
        encoding="utf-8" if isinstance(data, str) else None,
        hints=hints,
    )
    article = extract_article(raw)
    if published is not None:
        article = article.replace(published=published)
    return _pipeline()(article) if enrich else article


def tag_entities(tokens: list[str]) -> list[str]:
    """IOB2 tags (B-PERS, I-ORG, B-LOC, B-MISC, O…) for pre-tokenized text, for CoNLL evaluation."""
    from rasd.ner import tag_entities as _tag

    return list(_tag(tokens))


def find_times(text: str, reference: datetime) -> list[Span]:
    """Time expressions in ``text`` resolved against ``reference`` (usually the publish date)."""
    from rasd.enrich.times import find_times as _find

    return list(_find(text, reference))


def open_store(url: str = "rasd.db", *, readonly: bool = False) -> Any:
    """Open the archive: a SQLite path / ``sqlite:///path`` (default ``rasd.db``) or ``memory://``."""
    from rasd.storage import open_store as _open

    return _open(url, readonly=readonly)
