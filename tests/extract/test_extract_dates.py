"""Publish-timestamp shapes, view counters, chrome lines and outlets (tables of examples)."""

from __future__ import annotations

import pytest

from rasd.extract.boilerplate import clean_paragraphs, is_chrome_line
from rasd.extract.dates import parse_date_line, parse_date_value
from rasd.extract.outlet import find_outlet
from rasd.extract.views import find_views, is_views_line

DATE_LINES = [
    ("PM:12:36:26/07/2021", "2021-07-26T12:36:00", "PM:12:36:26/07/2021"),
    ("AM:12:05:01/02/2021", "2021-02-01T00:05:00", "AM:12:05:01/02/2021"),
    ("26/07/2021 12:36 م", "2021-07-26T12:36:00", "26/07/2021 12:36 م"),
    ("26/07/2021 09:10 ص", "2021-07-26T09:10:00", "26/07/2021 09:10 ص"),
    ("2021-07-26 12:36", "2021-07-26T12:36:00", "2021-07-26 12:36"),
    ("الاثنين 26 تموز 2021", "2021-07-26T00:00:00", "الاثنين 26 تموز 2021"),
    ("26 يوليو 2021 - 12:36", "2021-07-26T12:36:00", "26 يوليو 2021 - 12:36"),
    ("٢٦/٠٧/٢٠٢١ ٠١:٣٦ م", "2021-07-26T13:36:00", "٢٦/٠٧/٢٠٢١ ٠١:٣٦ م"),
    ("الإثنين، 24 أغسطس 2020 09:23 ص", "2020-08-24T09:23:00", "الإثنين، 24 أغسطس 2020 09:23 ص"),
    ("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً", "2020-04-24T21:22:00",
     "الجمعة 24 نيسان / أبريل 2020 09:22 مساءً"),
    ("2020/12/25 - 1:59 صباحًا", "2020-12-25T01:59:00", "2020/12/25 - 1:59 صباحًا"),
    ("17:27 17.03.2020", "2020-03-17T17:27:00", "17:27 17.03.2020"),
    ("ديسمبر 25, 2020", "2020-12-25T00:00:00", "ديسمبر 25, 2020"),
    ("الاحد 12 / 04 / 2020", "2020-04-12T00:00:00", "الاحد 12 / 04 / 2020"),
    ("1 كانون الثاني 2022 الساعة 10:15 بتوقيت غرينتش", "2022-01-01T10:15:00+00:00",
     "1 كانون الثاني 2022 الساعة 10:15 بتوقيت غرينتش"),
    ("نشر في: 5 جويلية 2019", "2019-07-05T00:00:00", "5 جويلية 2019"),
    ("الاثنين 16 ذو الحجة 1442 هـ الموافق 26 يوليو 2021", "2021-07-26T00:00:00", "26 يوليو 2021"),
    ("التاريخ: 26/07/2021 الوقت: 12:36 م", "2021-07-26T12:36:00", "26/07/2021 الوقت: 12:36 م"),
]


@pytest.mark.parametrize(("line", "iso", "raw"), DATE_LINES)
def test_parse_date_line(line: str, iso: str, raw: str) -> None:
    found = parse_date_line(line)
    assert found is not None
    assert found.value.isoformat() == iso
    assert found.raw == raw


@pytest.mark.parametrize("line", [
    "وقال التحالف في بيان يوم 26/07/2021 إن القوات باقية في البلاد",
    "أسفر الهجوم عن 36 قتيلا و62 جريحا",
    "31/02/2021",
    "25:99 2021-07-26 تقرير",
    "عناوین:",
])
def test_parse_date_line_rejects_non_dates(line: str) -> None:
    assert parse_date_line(line) is None


@pytest.mark.parametrize(("value", "iso"), [
    ("Tue, 13 Feb 2018 10:22:00 +0000", "2018-02-13T10:22:00+00:00"),
    ("Fri, 29 Jun 2018 17:38:40 GMT", "2018-06-29T17:38:40+00:00"),
    ("2020-06-03T03:01+0400", "2020-06-03T03:01:00+04:00"),
    ("2020-12-01 02:00:00", "2020-12-01T02:00:00"),
    ("2020-03-17T17:27:41Z", "2020-03-17T17:27:41+00:00"),
    ("الأربعاء، 07 أكتوبر 2020 - 12:09 م", "2020-10-07T12:09:00"),
])
def test_parse_date_value(value: str, iso: str) -> None:
    found = parse_date_value(value)
    assert found is not None and found.value.isoformat() == iso


@pytest.mark.parametrize(("line", "views", "raw"), [
    ("3084 مشاهدة", 3084, "3084 مشاهدة"),
    ("عدد المشاهدات: 3084", 3084, "عدد المشاهدات: 3084"),
    ("٣٠٨٤ قراءة", 3084, "٣٠٨٤ قراءة"),
    ("شوهد 1,200 مرة", 1200, "شوهد 1,200 مرة"),
    ("المشاهدات 75", 75, "المشاهدات 75"),
])
def test_views_lines(line: str, views: int, raw: str) -> None:
    assert is_views_line(line) == (views, raw)


def test_views_not_in_sentences() -> None:
    assert is_views_line("وقال إن 3084 مشاهدة سجلت للمقطع خلال يوم واحد على المنصة") is None
    assert find_views("أسفر الهجوم عن 36 قتيلا") is None


@pytest.mark.parametrize(("line", "chrome"), [
    ("عناوین:", True),
    ("البوم الصور", True),
    ("اقرأ أيضا", True),
    ("شارك", True),
    ("طباعة", True),
    ("تابعونا على تويتر", True),
    ("شارك عبر واتساب فيسبوك", True),
    ("جميع الحقوق محفوظة © 2021 شبكة الرافدين", True),
    ("الرئيسية » أخبار » العراق", True),
    ("https://example.com/a/b", True),
    ("وسوم: العراق، بغداد", True),
    ("وقال الوزير إن الحكومة ستتابع تنفيذ الاتفاق", False),
    ("انفجار يهز وسط بغداد", False),
])
def test_chrome_lines(line: str, chrome: bool) -> None:
    assert is_chrome_line(line) is chrome


def test_related_links_after_marker_are_chrome() -> None:
    body, chrome = clean_paragraphs([
        "قال الوزير إن الاتفاق سيوقع الأسبوع المقبل.",
        "اقرأ أيضا:",
        "عنوان خبر آخر عن الاتفاق",
        "عنوان ثالث",
        "وأضاف الوزير أن المفاوضات كانت طويلة وشاقة لكنها انتهت بتفاهم يرضي جميع الأطراف المعنية بالملف.",
    ])
    assert chrome == ["اقرأ أيضا:", "عنوان خبر آخر عن الاتفاق", "عنوان ثالث"]
    assert len(body) == 2


@pytest.mark.parametrize(("paragraphs", "url", "hint", "outlet", "evidence"), [
    (["وقال في بيان تلقى NRT عربية نسخة منه، إن ..."], None, None, "NRT عربية", "تلقى NRT عربية نسخة منه"),
    (["وقالت الوزارة في بيان حصلت وكالة الأنباء على نسخة منه، إن ..."], None, None, "وكالة الأنباء",
     "حصلت وكالة الأنباء على نسخة منه"),
    (["بغداد (رويترز) - قال مسؤولون ..."], None, None, "رويترز", "بغداد (رويترز) -"),
    (["(CNN) -- أقلعت أول طائرة ..."], None, None, "CNN بالعربية", "(CNN) --"),
    (["نص"], "https://www.youm7.com/story/1", None, "اليوم السابع", "url: www.youm7.com"),
    (["بغداد (رويترز) - نص"], "https://www.alarabiya.net/x", None, "العربية", "url: www.alarabiya.net"),
    (["نص"], None, "skynews", "سكاي نيوز عربية", "source: skynews"),
    (["نص"], None, "موقع جديد", "موقع جديد", "source: موقع جديد"),
    (["قال الوزير إن الحكومة ستعمل على حل الأزمة"], "https://unknown.example/a", None, None, None),
])
def test_find_outlet(paragraphs: list[str], url: str | None, hint: str | None,
                     outlet: str | None, evidence: str | None) -> None:
    assert find_outlet(paragraphs, url=url, hint=hint) == (outlet, evidence)
