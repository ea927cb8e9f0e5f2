"""What a search returns, from either backend: `SearchResult` (a page of `Hit`).

>>> from rasd.search import parse_query
>>> SearchResult(parse_query("واشنطن"), (), 0).to_dict()["total"]
0
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.search import SearchQuery

__all__ = ["Hit", "SearchResult"]


@dataclass(frozen=True)
class Hit:
    """One search hit.  ``snippet`` = ``text[snippet_start:snippet_end]`` of the stored article;
    ``highlights`` and ``title_highlights`` are ``(start, end)`` ranges of that same text."""

    pk: int
    id: str
    title: str
    published: str | None
    outlet: str | None
    category: str | None
    score: float
    snippet: str
    snippet_start: int
    snippet_end: int
    highlights: tuple[tuple[int, int], ...]
    title_highlights: tuple[tuple[int, int], ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "category": self.category,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "snippet_start": self.snippet_start,
            "snippet_end": self.snippet_end,
            "highlights": [list(h) for h in self.highlights],
            "title_highlights": [list(h) for h in self.title_highlights],
        }


@dataclass(frozen=True)
class SearchResult:
    """A page of hits, the total number of matching articles, and whether OR relaxation was used."""

    query: SearchQuery
    hits: tuple[Hit, ...]
    total: int
    relaxed: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "query": self.query.text,
            "total": self.total,
            "relaxed": self.relaxed,
            "offset": self.query.offset,
            "limit": self.query.limit,
            "hits": [h.to_dict() for h in self.hits],
        }
