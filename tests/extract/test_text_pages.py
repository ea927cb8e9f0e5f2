"""Table test: scraped text pages in several site styles (fixtures written by the team)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rasd.errors import EmptyPage, NotAnArticle, RejectedPage
from rasd.extract import extract_article
from rasd.ingest import RawPage, iter_raw_pages

CASES: dict[str, dict[str, Any]] = {
    "text_levant_views_label.txt": {
        "title": "وزارة الطاقة تعلن خطة جديدة لزيادة ساعات التغذية الكهربائية",
        "published": "2021-07-26T00:00:00",
        "published_raw": "الاثنين 26 تموز 2021",
        "views": 1250,
        "views_raw": "عدد المشاهدات: 1,250",
        "outlet": "رويترز",
        "outlet_evidence": "بيروت (رويترز) -",
        "boilerplate": ["الرئيسية » أخبار » لبنان", "اقرأ أيضا:", "أزمة المحروقات تتفاقم في الشمال",
                        "ارتفاع أسعار المولدات الخاصة للمرة الثالثة", "شارك", "طباعة", "تابعونا"],
        "paragraphs": 3,
        "first": "بيروت (رويترز) - أعلنت وزارة الطاقة",
    },
    "text_egypt_ampm.txt": {
        "title": "القاهرة تستضيف قمة إقليمية حول المياه الشهر المقبل",
        "published": "2021-07-26T12:36:00",
        "published_raw": "26 يوليو 2021 - 12:36 م",
        "views": 3084,
        "views_raw": "٣٠٨٤ قراءة",
        "outlet": None,
        "author": "أحمد علي",
        "boilerplate": ["اليوم", "جميع الحقوق محفوظة © 2021"],
        "paragraphs": 3,
        "first": "تستضيف العاصمة المصرية",
    },
    "text_iso_date_first.txt": {
        "title": "مجلس النواب العراقي يصوت على قانون الموازنة بعد جلسة طويلة",
        "published": "2021-07-26T12:36:00",
        "published_raw": "2021-07-26 12:36",
        "views": None,
        "outlet": "شبكة الرافدين",
        "outlet_evidence": "حصلت شبكة الرافدين على نسخة منه",
        "boilerplate": ["الكلمات المفتاحية: العراق، البرلمان، الموازنة"],
        "paragraphs": 3,
        "first": "صوت مجلس النواب العراقي",
    },
    "text_arabic_indic_pm_prefix.txt": {
        "title": "الأمطار الغزيرة تغلق طرقا رئيسية في إقليم كوردستان",
        "published": "2022-01-12T15:15:00",
        "published_raw": "PM:٠٣:١٥:١٢/٠١/٢٠٢٢",
        "views": 512,
        "views_raw": "٥١٢ مشاهدة",
        "outlet": "موقع ئاسۆ",
        "boilerplate": ["عناوين:", "البوم الصور"],
        "paragraphs": 3,
        "first": "أغلقت السلطات المحلية",
    },
    "text_cnn_dateline.txt": {
        "title": "شاهد.. أول طائرة ركاب كهربائية تقلع في رحلة تجريبية فوق الصحراء",
        "published": "2020-06-03T09:05:00",
        "published_raw": "03 يونيو 2020م الساعة 09:05 صباحًا",
        "outlet": "CNN بالعربية",
        "outlet_evidence": "(CNN) --",
        "boilerplate": [],
        "paragraphs": 3,
        "first": "(CNN) -- أقلعت",
    },
    "text_breadcrumb_words_before_title.txt": {
        "title": "محافظة البصرة تفتتح مستشفى جديدا لعلاج الأطفال",
        "published": "2021-08-12T00:00:00",
        "published_raw": "الخميس 12 آب 2021",
        "views": 940,
        "views_raw": "المشاهدات 940",
        "outlet": None,
        "boilerplate": ["أخبار العراق والعالم العربي", "طباعة"],
        "paragraphs": 3,
        "first": "افتتحت محافظة البصرة",
    },
    "text_gulf_hijri_time_line.txt": {
        "title": "افتتاح جسر جديد فوق نهر دجلة في مدينة الموصل",
        "published": "2021-07-26T21:15:00",
        "published_raw": "26 يوليو 2021 09:15 مساءً",
        "views": None,
        "outlet": None,
        "boilerplate": ["الرئيسية / محليات", "تابعونا على فيسبوك"],
        "paragraphs": 3,
        "first": "افتتحت السلطات المحلية",
    },
    "text_today_banner_date.txt": {
        "title": "البرلمان الأردني يناقش تعديلات قانون الانتخاب في جلسة استثنائية",
        "published": "2021-07-26T10:05:00",
        "published_raw": "26/07/2021 - 10:05",
        "views": None,
        "outlet": None,
        "boilerplate": ["الثلاثاء 27 تموز 2021", "الرئيسية » سياسة", "آخر تحديث: 26/07/2021 - 18:40"],
        "paragraphs": 3,
        "first": "ناقش مجلس النواب الأردني",
    },
}

REJECTS: dict[str, type[RejectedPage]] = {
    "text_not_article.txt": EmptyPage,
    "text_latin_only.txt": NotAnArticle,
    "text_english_readme.md": NotAnArticle,
}


def _read(path: Path) -> RawPage:
    (page,) = list(iter_raw_pages([str(path)]))
    assert isinstance(page, RawPage)
    assert page.media_type == "text/plain"
    return page


@pytest.mark.parametrize("name", sorted(CASES))
def test_text_page_fields(name: str, fixtures_dir: Path) -> None:
    expected = CASES[name]
    article = extract_article(_read(fixtures_dir / "pages" / name))
    assert article.title == expected["title"]
    assert (article.published.isoformat() if article.published else None) == expected["published"]
    for key in ("published_raw", "views", "views_raw", "outlet", "outlet_evidence", "author"):
        if key in expected:
            assert getattr(article, key) == expected[key], key
    assert list(article.boilerplate) == expected["boilerplate"]
    assert len(article.paragraphs) == expected["paragraphs"]
    assert article.paragraph_texts[0].startswith(expected["first"])
    for line in article.boilerplate:
        assert line not in article.body


@pytest.mark.parametrize("name", sorted(REJECTS))
def test_text_page_rejected_with_reason(name: str, fixtures_dir: Path) -> None:
    with pytest.raises(REJECTS[name]) as info:
        extract_article(_read(fixtures_dir / "pages" / name))
    assert info.value.reason and str(info.value)


def test_too_large_page_is_rejected(fixtures_dir: Path) -> None:
    from rasd.errors import TooLarge

    raw = _read(fixtures_dir / "pages" / "text_egypt_ampm.txt")
    with pytest.raises(TooLarge, match="over the 100-byte limit") as info:
        extract_article(raw, max_bytes=100)
    assert info.value.reason == "too_large"


def test_ids_are_deterministic_and_url_based(fixtures_dir: Path) -> None:
    from dataclasses import replace

    raw = _read(fixtures_dir / "pages" / "text_egypt_ampm.txt")
    a, b = extract_article(raw), extract_article(raw)
    assert a.id == b.id and a.content_hash == b.content_hash
    with_url = extract_article(replace(raw, url="https://www.example.com/n/1?utm_source=x"))
    same_url = extract_article(replace(raw, data=raw.data + "\nسطر إضافي في نهاية الخبر المنشور.".encode(),
                                       url="https://example.com/n/1"))
    assert with_url.id == same_url.id != a.id
