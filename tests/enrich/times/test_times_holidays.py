"""Holidays of rasd.enrich.times.holidays: fixed days of the Gregorian or the (tabular) Hijri calendar."""

from __future__ import annotations

from datetime import datetime

import pytest

from rasd.enrich.times import find_times

REF = datetime(2018, 6, 1)


@pytest.mark.parametrize(
    ("text", "reference", "span", "value"),
    [
        ("ويستقبل الجمهور سباق عيد الفطر السينمائي", REF, "عيد الفطر", "2018-06-14"),  # 1 Shawwal 1439 (tabular)
        ("قبل عطلة عيد الأضحى الطويلة", REF, "عيد الأضحى", "2018-08-21"),
        ("عيد الأضحى 1439 هـ", None, "عيد الأضحى 1439 هـ", "2018-08-21"),  # a Hijri year
        ("خلال عطلة عيد الفطر 2013.", None, "عيد الفطر 2013", "2013-08-07"),  # the one in that Gregorian year
        ("ستعرض في عيد الفطر المقبل", datetime(2018, 7, 1), "عيد الفطر المقبل", "2019-06-04"),
        ("في ثاني أيام عيد الفطر", REF, "ثاني أيام عيد الفطر", "2018-06-15"),
        ("مسيرات في عيد العمال", REF, "عيد العمال", "2018-05-01"),
        ("عيد الميلاد 2020", REF, "عيد الميلاد 2020", "2020-12-25"),  # with a year: Christmas
        ("ثالث ثلاثاء بعد كريسماس 2014", REF, "ثالث ثلاثاء بعد كريسماس 2014", "2015-01-13"),
        ("ثاني جمعة قبل عيد الفطر 2018", REF, "ثاني جمعة قبل عيد الفطر 2018", "2018-06-01"),
        ("احتفلوا بعيد الحب", None, "عيد الحب", "XXXX-02-14"),  # no reference: the day without its year
    ],
)
def test_holidays(text: str, reference: datetime | None, span: str, value: str) -> None:
    found = [(text[s.start : s.end], s.attrs["value"]) for s in find_times(text, reference)]
    assert (span, value) in found


@pytest.mark.parametrize(
    "text",
    [
        "أقام حفلة عيد الميلاد لابنه",  # عيد الميلاد alone: also a birthday
        "احتفل بعيد ميلاده الستين",
        "عيد الاستقلال",  # a national day differs by country: no fixed day
    ],
)
def test_not_a_fixed_holiday(text: str) -> None:
    assert find_times(text, REF) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("الجمعة أول أيام عيد الفطر المبارك", "2018-06-15"),  # tabular Thursday, said Friday
        ("السبت ثاني أيام عيد الفطر", "2018-06-16"),
        ("الخميس 15 رمضان 1439", "2018-05-31"),  # tabular Tuesday: the weekday settles the day
        ("15 رمضان 1439", "2018-05-29"),  # no weekday: the tabular day
    ],
)
def test_weekday_settles_a_hijri_day(text: str, value: str) -> None:
    assert [s.attrs["value"] for s in find_times(text, REF)] == [value]
