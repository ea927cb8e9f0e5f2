"""TIMEX3 values: durations (``P1Y3M``), shifts of a day by units, the nearest year of a day and month."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from rasd.arabic.dates import add_months, gregorian_from_hijri

_UNIT_DAYS = {"D": 1, "W": 7}
_UNIT_MONTHS = {"M": 1, "Y": 12, "DE": 120, "CE": 1200}
_UNIT_SECONDS = {"S": 1, "MIN": 60, "H": 3600}
_DURATION_PART_RE = re.compile(r"(\d+(?:\.\d+)?)([YMWDHS])")


@dataclass(frozen=True)
class _Hit:
    start: int  # offsets in the matching form
    end: int
    type: str
    value: str
    attrs: dict[str, Any]



def _add_durations(a: str, b: str) -> str | None:
    """``P1Y`` + ``P21D`` → ``P1Y21D``; None when both give the same unit or either is not a plain duration.

    >>> _add_durations("P1M", "P2D"), _add_durations("PT1H", "PT30M"), _add_durations("P1Y", "P2Y")
    ('P1M2D', 'PT1H30M', None)
    """
    parts: dict[str, str] = {}
    for value in (a, b):
        m = re.fullmatch(r"P((?:\d+(?:\.\d+)?[YMWD])*)(?:T((?:\d+(?:\.\d+)?[HMS])+))?", value)
        if m is None:
            return None
        for section, prefix in ((m.group(1) or "", ""), (m.group(2) or "", "T")):
            for number, unit in _DURATION_PART_RE.findall(section):
                if prefix + unit in parts:
                    return None
                parts[prefix + unit] = number
    date_part = "".join(parts[u] + u for u in "YMWD" if u in parts)
    time_part = "".join(parts["T" + u] + u for u in "HMS" if "T" + u in parts)
    return "P" + date_part + ("T" + time_part if time_part else "")


def _hijri_year_of(day: date) -> int:
    """The Hijri year a Gregorian day falls in (tabular calendar)."""
    year = round((day.year - 622) * 365.2425 / 354.367) + 1
    while gregorian_from_hijri(year, 1, 1) > day:
        year -= 1
    while gregorian_from_hijri(year + 1, 1, 1) <= day:
        year += 1
    return year


def _shift_date(day: date, unit: str, count: float) -> date:
    """``day`` moved by ``count`` units (D, W, M, Y, DE, CE), whole units only."""
    if unit in _UNIT_DAYS:
        return day + timedelta(days=_UNIT_DAYS[unit] * int(count))
    return add_months(day, _UNIT_MONTHS[unit] * int(count))


def _nearest_year(ref: date, month: int, day: int, future: bool = False) -> date:
    """A day and month without a year: the occurrence nearest the reference, leaning to the past
    (news), or the next one on or after the reference when ``future``."""
    candidate = date(ref.year, month, day)
    if future:  # this year unless its month is already over
        return candidate if month >= ref.month else date(ref.year + 1, month, day)
    if (candidate - ref).days > 90:
        return date(ref.year - 1, month, day)
    if (ref - candidate).days > 270:
        return date(ref.year + 1, month, day)
    return candidate


def _settle_hijri_weekday(day: date, iso: int) -> date:
    """A Hijri date said with its weekday (``الجمعة أول أيام عيد الفطر``): a sighted month can start a
    day or two off the tabular calendar, so the weekday settles the day (no move beyond two days).

    >>> _settle_hijri_weekday(date(2018, 6, 14), 5)  # tabular Thursday, said Friday
    datetime.date(2018, 6, 15)
    """
    shift = (iso - day.isoweekday() + 3) % 7 - 3
    return day + timedelta(days=shift) if abs(shift) <= 2 else day


def _day_offset(days: int) -> str:
    return f"{'-' if days < 0 else ''}P{abs(days)}D"


def _duration_value(unit: str, count: float) -> str:
    """``("M", 3)`` → ``P3M``; ``("H", 24)`` → ``PT24H``; decades and centuries in years."""
    if unit in {"DE", "CE"}:
        count, unit = count * (10 if unit == "DE" else 100), "Y"
    number = int(count) if float(count).is_integer() else round(count, 6)
    if unit in _UNIT_SECONDS:
        return f"PT{number}{'M' if unit == 'MIN' else unit}"
    return f"P{number}{unit}"



def _shift(ref: datetime | None, unit: str, amount: float, attrs: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    """The reference moved by ``amount`` units: the exact day (a clock time for hours and minutes),
    with ``precision`` the granularity the text commits to (``قبل شهرين`` → the day two months back,
    precision month; ``قبل عامين`` → precision year), as Recognizers-Text and TempEval resolve them.

    >>> _shift(datetime(2021, 7, 26), "M", -2, {})
    ('DATE', '2021-05-26', {'precision': 'month'})
    >>> _shift(datetime(2021, 7, 26), "Y", -1.5, {})
    ('DATE', '2020-01-26', {'precision': 'month'})
    """
    whole = int(amount)
    if unit in _UNIT_SECONDS:
        attrs["precision"] = "time"
        if ref is None:
            return "TIME", "XXXX-XX-XXTXX:XX", attrs
        moment = ref + timedelta(seconds=_UNIT_SECONDS[unit] * amount)
        return "TIME", moment.strftime("%Y-%m-%dT%H:%M"), attrs
    if unit in _UNIT_DAYS:
        attrs["precision"] = "day"
        if ref is None:
            return "DATE", "XXXX-XX-XX", attrs
        return "DATE", (ref.date() + timedelta(days=_UNIT_DAYS[unit] * whole)).isoformat(), attrs
    months = round(_UNIT_MONTHS[unit] * amount)
    attrs["precision"] = "month" if unit == "M" or months % 12 else "year"  # a month, or a year and a half
    if ref is None:
        return "DATE", "XXXX-XX-XX", attrs
    if not 0 < ref.year + months // 12 <= 9999:  # قبل 8000 عام: no calendar day, the year alone
        attrs["precision"] = "year"
        return "DATE", str(ref.year + int(months / 12)), attrs
    return "DATE", add_months(ref.date(), months).isoformat(), attrs
