"""HTML reader: own fixtures (nav, ads, related links, JSON-LD, visible date only, cp1256 meta charset)
and the 8 real pages of ../shared/data/htmldate-arabic (publish day gate: 8/8)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rasd.extract import extract_article
from rasd.ingest import RawPage

CASES: dict[str, dict[str, Any]] = {
    "html_jsonld_nav_related.html": {
        "encoding": "utf-8",
        "title": "ارتفاع صادرات التمور العراقية إلى مستوى قياسي",
        "published": "2021-10-05T14:20:00+03:00",
        "views": 7402,
        "outlet": "شبكة الرافدين",
        "author": "سارة حسن",
        "category": "اقتصاد",
        "paragraphs": 4,
        "first": "أعلنت وزارة الزراعة العراقية",
    },
    "html_visible_date_only.html": {
        "encoding": "cp1256",
        "title": "افتتاح أكبر محطة لتحلية المياه في المنطقة",
        "published": "2020-04-24T21:22:00",
        "views": None,
        "outlet": None,
        "author": None,
        "category": None,
        "paragraphs": 4,
        "first": "افتتح وزير الطاقة",
    },
}
CHROME = ("الرئيسية", "إعلان", "اقرأ أيضا", "مزارعو البصرة", "جميع الحقوق", "تعرف على حالة الطقس", "اتصل بنا")


@pytest.mark.parametrize("name", sorted(CASES))
def test_html_fixture(name: str, fixtures_dir: Path) -> None:
    expected = CASES[name]
    data = (fixtures_dir / "pages" / name).read_text(encoding="utf-8").encode(expected["encoding"])
    article = extract_article(RawPage(data, name))  # media type sniffed from the bytes
    assert article.title == expected["title"]
    assert article.published is not None and article.published.isoformat() == expected["published"]
    for key in ("views", "outlet", "author", "category"):
        assert getattr(article, key) == expected[key], key
    assert len(article.paragraphs) == expected["paragraphs"]
    assert article.paragraph_texts[0].startswith(expected["first"])
    for chrome in CHROME:
        assert chrome not in article.body


def _gold(shared_data: Path) -> list[tuple[str, Path, str]]:
    folder = shared_data / "htmldate-arabic"
    gold = json.loads((folder / "gold_dates.json").read_text(encoding="utf-8"))
    return [(url, folder / "html" / g["file"], g["date"]) for url, g in gold.items()]


def test_htmldate_arabic_pages_all_days_right(shared_data: Path) -> None:
    """Accuracy floor (CI gate): publish day right on all 8 real pages, body and title read."""
    right = 0
    for url, path, day in _gold(shared_data):
        article = extract_article(RawPage(path.read_bytes(), str(path), url=url, media_type="text/html"))
        assert article.title and len(article.paragraphs) >= 2, path.name
        assert article.outlet, path.name
        right += bool(article.published and article.published.date().isoformat() == day)
    assert right == 8
