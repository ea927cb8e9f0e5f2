"""Calendar vocabulary and arithmetic (rasd.arabic.dates)."""

from __future__ import annotations

from datetime import date

import pytest

from rasd.arabic.dates import (
    add_months,
    gregorian_from_hijri,
    hijri_year_start,
    iso_week_value,
    load_calendar_lexicon,
)
from rasd.arabic.normalize import normalize_ar

MONTHS = [
    ("كانون الثاني", 1), ("كانون 2", 1), ("شباط", 2), ("آذار", 3), ("تموز", 7), ("آب", 8),
    ("تشرين الأول", 10), ("تشرين 1", 10), ("تشرين الثاني", 11), ("كانون الأول", 12),
    ("يناير", 1), ("أبريل", 4), ("إبريل", 4), ("يوليو", 7), ("أغسطس", 8), ("ديسمبر", 12),
    ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("جوان", 6), ("جويلية", 7), ("أوت", 8),
    ("غشت", 8), ("شتنبر", 9), ("دجنبر", 12),
]  # fmt: skip


@pytest.mark.parametrize(("name", "month"), MONTHS)
def test_month_names(name: str, month: int) -> None:
    assert load_calendar_lexicon().months[normalize_ar(name)] == (month, "gregorian")


@pytest.mark.parametrize(("name", "month"), [("محرم", 1), ("ربيع الأول", 3), ("جمادى الآخرة", 6),
                                             ("رمضان", 9), ("ذو الحجة", 12), ("ذي القعدة", 11)])
def test_hijri_month_names(name: str, month: int) -> None:
    assert load_calendar_lexicon().months[normalize_ar(name)] == (month, "hijri")


@pytest.mark.parametrize(
    ("hijri", "gregorian"),
    [((1443, 9, 1), date(2022, 4, 2)), ((1443, 1, 1), date(2021, 8, 9)), ((1400, 1, 1), date(1979, 11, 20)),
     ((1445, 12, 10), date(2024, 6, 16))],
)  # fmt: skip
def test_hijri_conversion_within_a_day_of_umm_al_qura(hijri: tuple[int, int, int], gregorian: date) -> None:
    assert abs((gregorian_from_hijri(*hijri) - gregorian).days) <= 1


def test_hijri_year_start_and_bad_dates() -> None:
    assert hijri_year_start(1443) == date(2021, 8, 9)
    with pytest.raises(ValueError):
        gregorian_from_hijri(1443, 13, 1)


def test_month_arithmetic_and_weeks() -> None:
    assert add_months(date(2021, 3, 31), -1) == date(2021, 2, 28)
    assert add_months(date(2021, 12, 15), 1) == date(2022, 1, 15)
    assert iso_week_value(date(2021, 7, 19)) == "2021-W29"
    assert iso_week_value(date(2021, 1, 1)) == "2020-W53"
