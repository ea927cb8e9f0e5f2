"""The document model: one `Article` whose annotations are `Span`s over its unchanged text.

Layout of ``Article.text`` (what every offset refers to)::

    <title>\\n\\n<paragraph 1>\\n\\n<paragraph 2> ...

``title_span`` covers the headline (empty when the page has none) and ``paragraphs`` cover the
body paragraphs, so a mention in the headline (``لواشنطن``) and one in the body are addressed the
same way.  The text keeps the page's own characters (Farsi yeh, tatweel, diacritics); normalized
forms are derived for matching and indexing, never written back.

Annotation layers live in ``Article.layers`` under fixed names (``entities``, ``times``,
``quantities``, ``quotes``, ``events``, ``sentences``...).  Stages return a new Article via
``with_layer``; nothing is mutated in place.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from types import MappingProxyType
from typing import Any

PARAGRAPH_SEPARATOR = "\n\n"
SCHEMA_VERSION = 1


def _freeze(attrs: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(attrs or {}))


@dataclass(frozen=True)
class Span:
    """A labelled character range ``[start, end)`` of ``Article.text`` with free-form attributes.

    >>> text = "زيارة الكاظمي لواشنطن"
    >>> Span(15, 21, "LOC", {"canonical": "واشنطن"}).slice(text)
    'واشنطن'
    """

    start: int
    end: int
    label: str = ""
    attrs: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span offsets [{self.start}, {self.end})")
        object.__setattr__(self, "attrs", _freeze(self.attrs))

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def __reduce__(self) -> tuple[Any, ...]:
        # mappingproxy does not pickle; process pools send spans between workers.
        return (Span, (self.start, self.end, self.label, dict(self.attrs)))

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.label))

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "label": self.label}
        if text is not None:
            out["text"] = text[self.start : self.end]
        if self.attrs:
            out["attrs"] = _jsonable(dict(self.attrs))
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        return cls(int(data["start"]), int(data["end"]), str(data.get("label", "")), data.get("attrs") or {})


_PLAIN = frozenset({str, int, float, bool, type(None)})


def _jsonable(value: Any) -> Any:
    if type(value) in _PLAIN:  # most attrs: skips the slow ABC check below
        return value
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, Span):
        return value.to_dict()
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def make_article_id(url: str | None, text: str) -> str:
    """Deterministic id: a hash of the canonical URL when there is one, else of the normalized text.

    >>> make_article_id("https://example.com/a?utm_source=x", "") == make_article_id("https://example.com/a", "")
    True
    """
    if url:
        key = "url:" + canonical_url(url)
    else:
        key = "text:" + " ".join(text.split())
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def canonical_url(url: str) -> str:
    """One spelling per page: https, lower-case host without ``www.``, no fragment, tracking
    parameters or trailing slash.

    >>> canonical_url("http://www.Example.com/news/1/?utm_source=tw#top")
    'https://example.com/news/1'
    """
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    path = parts.path.rstrip("/") or "/"
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if parts.port:
        host = f"{host}:{parts.port}"
    scheme = (parts.scheme or "https").lower()
    if scheme == "http":
        scheme = "https"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def _is_tracking(key: str) -> bool:
    key = key.lower()
    return key.startswith("utm_") or key in {"fbclid", "gclid", "ref", "ocid", "amp"}


@dataclass(frozen=True)
class Article:
    """One news page, read.  Construct with `Article.build` so offsets and the id are consistent."""

    id: str
    text: str
    title_span: Span = field(default_factory=lambda: Span(0, 0, "title"))
    paragraphs: tuple[Span, ...] = ()
    url: str | None = None
    outlet: str | None = None
    outlet_evidence: str | None = None
    published: datetime | None = None
    published_raw: str | None = None
    views: int | None = None
    views_raw: str | None = None
    category: str | None = None
    author: str | None = None
    source: str | None = None
    fetched_at: datetime | None = None
    boilerplate: tuple[str, ...] = ()
    content_hash: str = ""
    layers: Mapping[str, tuple[Span, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "layers", MappingProxyType({k: tuple(v) for k, v in self.layers.items()}))

    def __reduce__(self) -> tuple[Any, ...]:
        fields = {f: getattr(self, f) for f in self.__dataclass_fields__}
        fields["layers"] = dict(self.layers)
        return (_rebuild_article, (fields,))

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def build(
        cls,
        title: str | None,
        paragraphs: Iterable[str],
        *,
        url: str | None = None,
        id: str | None = None,
        **meta: Any,
    ) -> Article:
        """Assemble text and offsets from a headline and body paragraphs.

        >>> a = Article.build("عنوان", ["فقرة أولى", "فقرة ثانية"])
        >>> a.title, [a.text[p.start:p.end] for p in a.paragraphs]
        ('عنوان', ['فقرة أولى', 'فقرة ثانية'])
        """
        title = (title or "").strip()
        paras = [p.strip() for p in paragraphs if p and p.strip()]
        pieces: list[str] = []
        pos = 0
        title_span = Span(0, len(title), "title")
        if title:
            pieces.append(title)
            pos = len(title)
        spans: list[Span] = []
        for p in paras:
            if pieces:
                pieces.append(PARAGRAPH_SEPARATOR)
                pos += len(PARAGRAPH_SEPARATOR)
            spans.append(Span(pos, pos + len(p), "paragraph"))
            pieces.append(p)
            pos += len(p)
        text = "".join(pieces)
        body = PARAGRAPH_SEPARATOR.join(paras)
        content_hash = hashlib.blake2b(
            (title + "\x00" + body).encode("utf-8"), digest_size=16
        ).hexdigest()
        return cls(
            id=id or make_article_id(url, title + "\n" + body),
            text=text,
            title_span=title_span,
            paragraphs=tuple(spans),
            url=url,
            content_hash=content_hash,
            **meta,
        )

    # -- views ----------------------------------------------------------------------------
    @property
    def title(self) -> str:
        return self.title_span.slice(self.text)

    @property
    def body(self) -> str:
        return PARAGRAPH_SEPARATOR.join(p.slice(self.text) for p in self.paragraphs)

    @property
    def paragraph_texts(self) -> list[str]:
        return [p.slice(self.text) for p in self.paragraphs]

    def layer(self, name: str) -> tuple[Span, ...]:
        return self.layers.get(name, ())

    @property
    def entities(self) -> tuple[Span, ...]:
        return self.layer("entities")

    @property
    def times(self) -> tuple[Span, ...]:
        return self.layer("times")

    @property
    def quantities(self) -> tuple[Span, ...]:
        return self.layer("quantities")

    @property
    def quotes(self) -> tuple[Span, ...]:
        return self.layer("quotes")

    @property
    def events(self) -> tuple[Span, ...]:
        return self.layer("events")

    @property
    def sentences(self) -> tuple[Span, ...]:
        return self.layer("sentences")

    def with_layer(self, name: str, spans: Iterable[Span]) -> Article:
        """Return a copy with layer ``name`` replaced; spans are checked against the text."""
        spans = tuple(sorted(spans, key=lambda s: (s.start, s.end)))
        for s in spans:
            if s.end > len(self.text):
                raise ValueError(f"span [{s.start}, {s.end}) of layer {name!r} is outside the text")
        layers = dict(self.layers)
        layers[name] = spans
        return replace(self, layers=layers)

    def replace(self, **changes: Any) -> Article:
        return replace(self, **changes)

    # -- serialisation --------------------------------------------------------------------
    def to_dict(self, *, with_text: bool = True) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "outlet_evidence": self.outlet_evidence,
            "published": self.published.isoformat() if self.published else None,
            "published_raw": self.published_raw,
            "views": self.views,
            "views_raw": self.views_raw,
            "category": self.category,
            "author": self.author,
            "source": self.source,
            "fetched_at": self.fetched_at.isoformat() if self.fetched_at else None,
            "boilerplate": list(self.boilerplate),
            "content_hash": self.content_hash,
            "text": self.text,
            "title_span": self.title_span.to_dict(),
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "layers": {
                name: [s.to_dict(self.text if with_text else None) for s in spans]
                for name, spans in self.layers.items()
            },
        }

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        def dt(v: Any) -> datetime | None:
            return datetime.fromisoformat(v) if v else None

        return cls(
            id=data["id"],
            text=data["text"],
            title_span=Span.from_dict(data["title_span"]),
            paragraphs=tuple(Span.from_dict(p) for p in data.get("paragraphs", [])),
            url=data.get("url"),
            outlet=data.get("outlet"),
            outlet_evidence=data.get("outlet_evidence"),
            published=dt(data.get("published")),
            published_raw=data.get("published_raw"),
            views=data.get("views"),
            views_raw=data.get("views_raw"),
            category=data.get("category"),
            author=data.get("author"),
            source=data.get("source"),
            fetched_at=dt(data.get("fetched_at")),
            boilerplate=tuple(data.get("boilerplate", ())),
            content_hash=data.get("content_hash", ""),
            layers={
                name: tuple(Span.from_dict(s) for s in spans)
                for name, spans in (data.get("layers") or {}).items()
            },
        )

    @classmethod
    def from_json(cls, raw: str) -> Article:
        return cls.from_dict(json.loads(raw))


def _rebuild_article(fields: dict[str, Any]) -> Article:
    return Article(**fields)
