"""Arabic calendar vocabulary and arithmetic: month names of every system, weekdays, time units,
Hijri → Gregorian conversion and TIMEX3 value helpers.

Month-name systems (all in ``data/time/months.tsv``)::

    Syriac (Levant, Iraq)   كانون الثاني، شباط، آذار … تشرين الأول، كانون الأول (also ``كانون 2``، ``تشرين 1``)
    Egyptian / Gulf         يناير، فبراير، مارس، أبريل … ديسمبر
    Maghrebi (DZ, TN)       جانفي، فيفري، مارس، أفريل، ماي، جوان، جويلية، أوت …
    Moroccan                يوليوز، غشت، شتنبر، نونبر، دجنبر
    Hijri                   محرم، صفر، ربيع الأول … رمضان، شوال، ذو القعدة، ذو الحجة

Hijri dates are converted with the arithmetical (tabular, type II "Kuwaiti") Islamic calendar.  It
agrees with Umm al-Qura to within a day or two, since the official calendars follow moon sightings:
``1 رمضان 1443`` → 2022-04-02 (Umm al-Qura: 2022-04-02).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

from rasd.arabic.normalize import normalize_ar

__all__ = [
    "CalendarLexicon",
    "add_months",
    "gregorian_from_hijri",
    "hijri_year_start",
    "iso_week_value",
    "load_calendar_lexicon",
]

_ISLAMIC_EPOCH_ORDINAL = date(622, 7, 18).toordinal()  # 1 Muharram 1 AH, "astronomical" (Thursday) epoch


def gregorian_from_hijri(year: int, month: int, day: int) -> date:
    """Tabular Islamic calendar → Gregorian date.

    >>> gregorian_from_hijri(1443, 9, 1), gregorian_from_hijri(1443, 1, 1)
    (datetime.date(2022, 4, 2), datetime.date(2021, 8, 9))
    """
    if not (1 <= month <= 12 and 1 <= day <= 30 and year >= 1):
        raise ValueError(f"not a Hijri date: {year}-{month}-{day}")
    days = (
        day
        + (295 * (month - 1) + 9) // 10  # ceil(29.5 * (month - 1))
        + (year - 1) * 354
        + (3 + 11 * year) // 30
    )
    return date.fromordinal(_ISLAMIC_EPOCH_ORDINAL + days - 1)


def hijri_year_start(year: int) -> date:
    """First day (1 Muharram) of a Hijri year: ``1443 هـ`` → 2021-08-09."""
    return gregorian_from_hijri(year, 1, 1)


def add_months(day: date, months: int) -> date:
    """Calendar month arithmetic, clamping the day: 2021-03-31 − 1 month → 2021-02-28."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def iso_week_value(day: date) -> str:
    """TIMEX3 week value: 2021-07-19 → ``2021-W29``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class CalendarLexicon:
    """Calendar words in the matching form of `normalize_ar`."""

    months: dict[str, tuple[int, str]]  # name → (month, "gregorian" | "hijri")
    weekdays: dict[str, int]  # name with article → ISO weekday
    units: dict[str, tuple[str, int]]  # unit word → (TIMEX unit, count: 1, 2 or 0 = plural)


def _rows(path: str) -> list[list[str]]:
    raw = resources.files("rasd.data").joinpath(path).read_text(encoding="utf-8")
    return [line.split("\t") for line in raw.splitlines() if line.strip() and not line.startswith("#")]


@cache
def load_calendar_lexicon() -> CalendarLexicon:
    """Read ``data/time/*.tsv`` once (an immutable value: safe to share)."""
    months = {normalize_ar(r[0]): (int(r[1]), r[2]) for r in _rows("time/months.tsv")}
    weekdays = {normalize_ar(r[0]): int(r[1]) for r in _rows("time/weekdays.tsv")}
    units = {normalize_ar(r[0]): (r[1], int(r[2])) for r in _rows("time/units.tsv")}
    return CalendarLexicon(months, weekdays, units)
