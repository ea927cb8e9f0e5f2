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


@pytest.mark.parametrize(("markup", "iso"), [
    ('<time itemprop="datePublished" datetime="2021-03-04T10:00:00+03:00">٤ آذار</time>', "2021-03-04T10:00:00+03:00"),
    ('<time pubdate datetime="2021-03-04">٤ آذار</time><span>نشر في 4 آذار 2021 الساعة 10:15 ص</span>',
     "2021-03-04T10:15:00"),
    ('<span class="date">الخميس ٤ آذار ٢٠٢١ - ١٠:١٥ م</span>', "2021-03-04T22:15:00"),
])
def test_html_date_from_markup(markup: str, iso: str) -> None:
    body = "".join(f"<p>فقرة رقم {i} من نص الخبر الطويل عن الأحداث الجارية في المنطقة خلال الأسبوع الماضي.</p>"
                   for i in range(6))
    html = f"<html><body><article><h1>عنوان الخبر الرئيسي اليوم</h1>{markup}{body}</article></body></html>"
    article = extract_article(RawPage(html.encode("utf-8"), "inline.html", media_type="text/html"))
    assert article.published is not None and article.published.isoformat() == iso
    assert article.title == "عنوان الخبر الرئيسي اليوم"
