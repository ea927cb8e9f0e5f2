"""Newest-first search (``sort="date"``): both ways of finding the page — walking the ``published``
index when matches are dense, looking every match up when they are few — give the order of the
definition (date descending, then the later stored first, undated articles last), with the same
totals, pages and filters."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from rasd.document import Article
from rasd.search import parse_query
from rasd.storage import fts, open_store

_TOWNS = ["الموصل", "كركوك", "أربيل"]


def _articles() -> list[Article]:
    out = []
    for i in range(40):
        town = _TOWNS[i % 3]
        day = None if i % 7 == 0 else datetime(2024, 1 + i % 3, 1 + i % 5)  # dates repeat: ties
        body = f"أفاد مراسلنا في {town} بأن الأسواق عادت إلى العمل. " + (
            "وسجلت الشرطة حادثا." if i % 2 else ""
        )
        out.append(
            Article.build(
                f"تقرير من {town} رقم {i}",
                [body],
                url=f"https://example.test/{i}",
                outlet="أ" if i % 2 else "ب",
                published=day,
            )
        )
    return out


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    s = open_store(str(Path(tmp_path_factory.mktemp("date")) / "a.db"))
    s.put_articles([(a, None) for a in _articles()])
    yield s
    s.close()


def _expected(store: Any, word: str, outlet: str | None = None) -> list[str]:
    """Every article holding ``word`` (by its stored text), in the definition's order."""
    rows = store.connection.execute("SELECT pk, id, published, outlet, title, text FROM articles").fetchall()
    hits = [
        (pk, aid, pub)
        for pk, aid, pub, out, title, text in rows
        if word in text and (outlet is None or out == outlet)
    ]
    dated = sorted((h for h in hits if h[2]), key=lambda h: (h[2], h[0]), reverse=True)
    undated = sorted((h for h in hits if not h[2]), key=lambda h: h[0], reverse=True)
    return [h[1] for h in dated + undated]


@pytest.mark.parametrize("ratio", [0, 10**9], ids=["look-up", "index-walk"])
@pytest.mark.parametrize(
    ("word", "outlet"), [("الأسواق", None), ("الشرطة", None), ("الموصل", "أ"), ("كركوك", None)]
)
def test_date_order_is_the_definition_on_both_paths(
    store: Any, monkeypatch: pytest.MonkeyPatch, ratio: int, word: str, outlet: str | None
) -> None:
    monkeypatch.setattr(fts, "DATE_SCAN_RATIO", ratio)
    expected = _expected(store, word, outlet)
    assert len(expected) >= 6
    got: list[str] = []
    for offset in range(0, len(expected) + 5, 5):  # pages of 5 join up; the last one is short or empty
        result = store.search(parse_query(word, sort="date", limit=5, offset=offset, outlet=outlet))
        assert result.total == len(expected)
        assert all(h.score == 0.0 for h in result.hits)  # date order does not score relevance
        got += [h.id for h in result.hits]
    assert got == expected


def test_date_order_with_no_match(store: Any) -> None:
    result = store.search(parse_query("بغداد", sort="date"))
    assert result.total == 0 and result.hits == ()
