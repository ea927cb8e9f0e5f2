"""Dates of rasd.enrich.times.calendar: يوم before a date, a day before its month after a unit word,
months by their ordinal, ranges of years in words and of days after their month."""

from __future__ import annotations

from datetime import datetime

import pytest

from rasd.enrich.times import find_times

REF = datetime(2016, 11, 7)  # a Monday


def _found(text: str) -> list[tuple[str, str, str | None]]:
    return [(text[s.start : s.end], s.attrs["value"], s.attrs.get("end")) for s in find_times(text, REF)]


# (sentence, span, value, end)
CASES = [
    # يوم before a day and month belongs to the date (Wojood tags it with the date)
    ("وصل يوم 9 نيسان/إبريل إلى بيروت", "يوم 9 نيسان/إبريل", "2016-04-09", None),
    ("سأعود يوم 2. أكتوبر", "يوم 2. أكتوبر", "2016-10-02", None),  # a day with a dot (2. = the 2nd)
    # a day in digits right before its month is a date even after a unit word
    ("أسبوع 16 سبتمبر", "16 سبتمبر", "2016-09-16", None),
    # a month by its ordinal, with its year
    ("الشهر التاسع من عام 2014", "الشهر التاسع من عام 2014", "2014-09", None),
    ("في الشهر الحادي عشر سنة 2019", "الشهر الحادي عشر سنة 2019", "2019-11", None),
    ("الشهر الثالث من العام الماضي", "الشهر الثالث من العام الماضي", "2015-03", None),
    ("الاسبوع الاخير في الشهر التاسع سنة 2014", "الاسبوع الاخير في الشهر التاسع سنة 2014", "2014-W39", None),
    ("آخر يوم من الشهر الأول من عام 2020", "آخر يوم من الشهر الأول من عام 2020", "2020-01-31", None),
    # years in words, from one to the other
    ("المدى من ألفين إلى ألفين وأربعة عشر.", "من ألفين إلى ألفين وأربعة عشر", "2000", "2014"),
    ("بين ألفين وألفين وعشرة", "بين ألفين وألفين وعشرة", "2000", "2010"),
    # the month first, then its days
    ("من شهر نوفمبر بين 19 و 20", "شهر نوفمبر بين 19 و 20", "2016-11-19", "2016-11-20"),
    ("في أكتوبر من 3 إلى 5.", "أكتوبر من 3 إلى 5", "2016-10-03", "2016-10-05"),
]


@pytest.mark.parametrize(("text", "span", "value", "end"), CASES)
def test_dates(text: str, span: str, value: str, end: str | None) -> None:
    assert (span, value, end) in _found(text)


@pytest.mark.parametrize(
    ("text", "not_in"),
    [
        ("للشهر التاسع على التوالي", "الشهر التاسع"),  # a count of months: no year, no month
        ("في اليوم الأول من الشهر الثاني للحرب", "الأول من الشهر"),  # not the 1st of this month
        ("الأسبوع 3 من أيلول", "3 من أيلول"),  # the third week, not the 3rd
        ("من ألفين إلى ألفين ومئة شخص", "ألفين"),  # a count, not years
        ("في نوفمبر بين 19 و20 شخصا", "19"),  # a count after the days
    ],
)
def test_not_these_dates(text: str, not_in: str) -> None:
    assert [span for span, _, _ in _found(text) if not_in in span] == []


@pytest.mark.parametrize(
    ("text", "value", "end"),
    [
        ("•  7-9 يناير/كانون الثاني 2015: هاجم مسلحان", "2015-01-07", "2015-01-09"),  # days first: the year said
        ("من 4 إلى 22 يناير 1995", "1995-01-04", "1995-01-22"),
    ],
)
def test_day_ranges_before_their_month_keep_the_year(text: str, value: str, end: str) -> None:
    assert [(s.attrs["value"], s.attrs.get("end")) for s in find_times(text, REF)] == [(value, end)]
