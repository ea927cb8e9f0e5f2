"""Resolver of holidays on a fixed day of their calendar (``data/time/holidays.tsv``)::

    عيد الأضحى المبارك       the nearest 10 Dhu al-Hijja (tabular), TIMEX3 DATE of that day
    عيد الفطر 2013           the 1 Shawwal that falls in 2013 (2013-08-07, tabular)
    ثاني أيام عيد الفطر       the holiday's second day
    كريسماس 2014             2014-12-25; عيد الميلاد only before a year (alone it is also a birthday)
    ثالث ثلاثاء بعد كريسماس 2014  the third Tuesday after that day (2015-01-13)
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from rasd.arabic.dates import gregorian_from_hijri
from rasd.arabic.time_patterns import DIRECTION_WORDS, NTH_WORDS, load_holidays
from rasd.enrich.times.lexicon import _HIJRI_ERA_RE, _YEAR_RE, TimeLexicon, _n
from rasd.enrich.times.values import _hijri_year_of, _nearest_year

_DAY_OF_HOLIDAY = {_n(w): k for w, k in (("أول", 1), ("ثاني", 2), ("ثالث", 3), ("رابع", 4))}


class HolidayResolvers(TimeLexicon):
    """Branch resolver for holidays: ``_resolve_holiday``."""

    def __init__(self) -> None:
        super().__init__()
        self.holidays = load_holidays()
        names = sorted(self.holidays, key=len, reverse=True)
        self.holiday_re = re.compile("(?<!\\w)(?:" + "|".join(r"\s+".join(map(re.escape, h.split())) for h in names) + ")")

    def _resolve_holiday(self, s: str, words: list[str], start: int, text: str, ref: datetime | None,
                         future: bool = False) -> tuple[str, str, dict[str, Any]] | None:  # fmt: skip
        hm = self.holiday_re.search(s)
        if hm is None:
            return None
        calendar, month, day, _ = self.holidays[" ".join(hm.group().split())]
        attrs: dict[str, Any] = {"precision": "day"}
        base = self._holiday_day(s, hm.end(), calendar, month, day, words, ref, future)
        if calendar == "hijri":
            attrs["calendar"] = "hijri"
        if base is None:  # no reference: the day in its own calendar
            if {_n("بعد"), _n("قبل"), _n("أيام")} & set(words):
                return None
            if calendar == "hijri":
                return "DATE", "XXXX-XX-XX", {**attrs, "hijri": f"XXXX-{month:02d}-{day:02d}"}
            return "DATE", f"XXXX-{month:02d}-{day:02d}", attrs
        head = s[: hm.start()].split()
        if len(head) >= 2 and head[-1] == _n("أيام") and head[-2] in _DAY_OF_HOLIDAY:  # ثاني أيام عيد الفطر
            base += timedelta(days=_DAY_OF_HOLIDAY[head[-2]] - 1)
        if head and head[0] in NTH_WORDS and {_n("بعد"), _n("قبل")} & set(head):  # ثالث ثلاثاء بعد كريسماس: the nth such weekday after (before) it
            nth = NTH_WORDS[head[0]]
            iso = next((self.calendar.weekdays.get(w) or self.calendar.weekdays.get(_n("ال") + w) for w in head[1:3]
                        if w in self.calendar.weekdays or _n("ال") + w in self.calendar.weekdays), 0)  # fmt: skip
            if not iso or nth < 1:
                return None
            if _n("قبل") in head:
                last = base - timedelta(days=(base.isoweekday() - iso) % 7 or 7)
                base = last - timedelta(days=7 * (nth - 1))
            else:
                first = base + timedelta(days=(iso - base.isoweekday()) % 7 or 7)
                base = first + timedelta(days=7 * (nth - 1))
        return "DATE", base.isoformat(), attrs

    def _holiday_day(self, s: str, after: int, calendar: str, month: int, day: int, words: list[str],
                     ref: datetime | None, future: bool) -> date | None:  # fmt: skip
        """The holiday's Gregorian day: of the year said after it (Gregorian, or Hijri with هـ), else the
        occurrence nearest the reference (a direction word picks the next or the last one)."""
        year_m = _YEAR_RE.search(s, after)
        direction = DIRECTION_WORDS.get(words[-1], 0)
        if calendar == "gregorian":
            if year_m:
                return date(int(year_m.group()), month, day)
            if ref is None:
                return None
            found = _nearest_year(ref.date(), month, day, future or direction > 0)
            if direction < 0 and found >= ref.date():
                found = found.replace(year=found.year - 1)
            return found
        if year_m and _HIJRI_ERA_RE.search(s, year_m.end()):
            return gregorian_from_hijri(int(year_m.group()), month, day)
        if year_m:  # عيد الفطر 2013: the one that falls in that Gregorian year
            year = int(year_m.group())
            guess = _hijri_year_of(date(year, 1, 1))
            days = [gregorian_from_hijri(h, month, day) for h in (guess, guess + 1)]
            return next((d for d in days if d.year == year), None)
        if ref is None:
            return None
        found = self._nearest_hijri(ref.date(), month, day)
        hijri_year = _hijri_year_of(found)
        if (direction > 0 or future) and found <= ref.date():
            found = gregorian_from_hijri(hijri_year + 1, month, day)
        elif direction < 0 and found > ref.date():
            found = gregorian_from_hijri(hijri_year - 1, month, day)
        return found
