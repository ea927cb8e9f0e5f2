"""Resolvers of calendar expressions: dates with a month name or digits, years, months, nth weekdays of a
month, quarters, decades and seasons (``26 تموز 2021``, ``أول جمعة من رمضان``, ``السبعينيات``)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from rasd.arabic.dates import add_months, gregorian_from_hijri, iso_week_value
from rasd.arabic.time_patterns import DIRECTION_WORDS, NTH_WORDS, SEASONS
from rasd.enrich.times.lexicon import (
    _AGE_RE,
    _BC_ERA_RE,
    _CONTINUES_RE,
    _HIJRI_ERA_RE,
    _MODS,
    _OLD_YEAR_RE,
    _PERIOD_UNITS,
    _TRIM_PREFIXES,
    _WORD_RE,
    _YEAR_RE,
    _YEAR_WORDS,
    DECADES_BY_STEM,
    TimeLexicon,
    _n,
)
from rasd.enrich.times.values import _hijri_year_of, _nearest_year, _settle_hijri_weekday

_HALF_WORDS = {_n("نصف"), _n("نص")}


_RANGE_SPLIT_RE = re.compile(_n(r"\s*(?:-|–|\s(?:و?إلى|و?حتى|و?لغاية|و))\s*"))
#: A day in digits right before its month (16 سبتمبر, 2. أكتوبر): a date even after a unit word.
_DIGIT_DAY_RE = re.compile(_n(r"\d{1,2}(?:\s*[./\-]\s*|\s+)(?!من(?!\w))"))


class CalendarResolvers(TimeLexicon):
    """Branch resolvers for expressions that name the calendar: ``_resolve_<branch>``."""

    def _resolve_date(self, s: str, words: list[str], start: int, text: str, ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:
        mm = self.month_re.search(s)
        if mm is None or (self._after_unit_word(text, start) and not _DIGIT_DAY_RE.match(s)):
            return None  # الأسبوع الأول من أيلول: a week, not the first day (but أسبوع 16 سبتمبر: a date)
        month, calendar = self.calendar.months[" ".join(mm.group().split())]
        head = s[: mm.start()]
        digits = re.search(r"\d+", head)
        day = int(digits.group()) if digits else self._ordinal_value(head)
        head_words = _WORD_RE.findall(head)
        if day is None and head_words and self.numbers.words.get(head_words[0], (0, "teen"))[1] != "teen":
            # واحد وعشرين مايو (not عشر من سبتمبر: the end of an ordinal, للحادي عشر)
            cardinal = self._number_in(head)
            day = int(cardinal) if cardinal is not None and float(cardinal).is_integer() else None
        year_from = mm.end()
        if day is None:  # the month first: يناير الحادي والعشرين، سبتمبر 10، 1901
            tail = s[mm.end() :]
            lead = re.match(r"\s*-?\s*(\d{1,2})(?!\d)", tail)  # سبتمبر 10، يناير-1
            if lead:
                day, year_from = int(lead.group(1)), mm.end() + lead.end()
            elif tail.split(None, 1) and tail.split(None, 1)[0] in self.ordinals:
                day, used = self._ordinal_prefix_value(tail)
                year_from = mm.end() + used
        if day is None or not 1 <= day <= 31:
            return None
        year_m = _YEAR_RE.search(s, year_from)
        if year_m is None and (word_year := self._year_in_words(s, year_from)) is not None:
            return "DATE", date(word_year, month, day).isoformat(), {"precision": "day"}
        hijri = calendar == "hijri" or bool(_HIJRI_ERA_RE.search(s, mm.end()))
        attrs: dict[str, Any] = {"precision": "day"}
        if hijri:
            attrs["calendar"] = "hijri"
            if year_m is None and ref is None:
                return "DATE", "XXXX-XX-XX", {**attrs, "hijri": f"XXXX-{month:02d}-{day:02d}"}
            found = (gregorian_from_hijri(int(year_m.group()), month, day) if year_m
                     else self._nearest_hijri(ref.date(), month, day) if ref is not None else None)  # fmt: skip
            assert found is not None
            iso = next((self.calendar.weekdays[w] for w in words[:2] if w in self.calendar.weekdays), 0)
            return "DATE", (_settle_hijri_weekday(found, iso) if iso else found).isoformat(), attrs
        if year_m:
            return "DATE", date(int(year_m.group()), month, day).isoformat(), attrs
        if ref is None:
            return "DATE", f"XXXX-{month:02d}-{day:02d}", attrs
        resolved = _nearest_year(ref.date(), month, day, future)
        following = _WORD_RE.match(text, start + len(s) + 1)  # الماضي / المقبل after the date
        direction = DIRECTION_WORDS.get(following.group()) if following else None
        if direction is None and text.endswith(_n("منذ "), 0, start):  # منذ 21 سبتمبر: in the past
            direction = -1
        if direction == -1 and resolved >= ref.date():
            resolved = resolved.replace(year=resolved.year - 1)
        elif direction == 1 and resolved <= ref.date():
            resolved = resolved.replace(year=resolved.year + 1)
        return "DATE", resolved.isoformat(), attrs

    def _resolve_range(self, s: str, words: list[str], start: int, text: str, ref: datetime | None,
                       future: bool = False) -> tuple[str, str, dict[str, Any]] | None:  # fmt: skip
        """``من 4 إلى 22 يناير 1995``, ``بين 3 و5 مارس``, ``19-20 نوفمبر``, ``من 4 حتى 23 من هذا الشهر``,
        ``بين عامي 2014 و2018``, ``2014-2018``: the first value, with the last as ``end``."""
        found = list(re.finditer(r"\d+", s))
        if not found:  # من ألفين إلى ألفين وأربعة عشر: years in words
            return self._word_year_range(s, start, text)
        if len(found) < 2:
            return None
        first_day, last_day = int(found[0].group()), int(found[1].group())
        head_month = self.month_re.match(s, len(_n("شهر ")) if s.startswith(_n("شهر ")) else 0)
        if head_month is not None and first_day < last_day <= 31:  # نوفمبر بين 19 و20: the month first
            resolved = self._resolve_date(f"{last_day} {head_month.group()}", [], start, text, ref, future)
            if resolved is None:
                return None
            end_value = resolved[1]
            begin_value = end_value[:-2] + f"{first_day:02d}"
            return "DATE", begin_value, {**resolved[2], "end": end_value}
        if first_day >= 1000:  # years
            if not 1900 <= first_day < last_day <= 2100:
                return None
            return "DATE", str(first_day), {"precision": "year", "end": str(last_day)}
        if not first_day < last_day:
            return None
        tail = s[found[1].start() :]
        tail_at = found[1].start()
        if self.month_re.search(tail):
            resolved = self._resolve_date(tail, _WORD_RE.findall(tail), start + tail_at, text, ref, future)
            if resolved is None:
                return None
            if resolved[1][:1] == "X":  # no reference: keep the days
                first = resolved[1][:-2] + f"{first_day:02d}"
                return "DATE", first, {**resolved[2], "end": resolved[1]}
            end = date.fromisoformat(resolved[1])
            begin = end - timedelta(days=last_day - first_day)
            return "DATE", begin.isoformat(), {**resolved[2], "end": end.isoformat()}
        if ref is None:
            return "DATE", f"XXXX-XX-{first_day:02d}", {"precision": "day", "end": f"XXXX-XX-{last_day:02d}"}
        month = add_months(ref.date().replace(day=1), DIRECTION_WORDS.get(words[-1], 0))
        begin, end = month.replace(day=first_day), month.replace(day=last_day)
        return "DATE", begin.isoformat(), {"precision": "day", "end": end.isoformat()}

    def _word_year_range(self, s: str, start: int, text: str) -> tuple[str, str, dict[str, Any]] | None:
        """``من ألفين إلى ألفين وأربعة عشر`` → 2000 with end 2014; None unless both are years of 1900-2100
        and no count word follows (``من ألفين إلى ألفين ومئة شخص``)."""
        parts = _RANGE_SPLIT_RE.split(s, maxsplit=1)
        if len(parts) != 2 or not self._bare_year(text, start, start + len(s)):
            return None
        first_text = parts[0].split()[-1] if parts[0].split()[-1] in {_n("ألفين"), _n("ألفان")} else parts[0]
        first = 2000 if first_text in {_n("ألفين"), _n("ألفان")} else self._year_in_words(first_text, 0)
        last = self._year_in_words(parts[1], 0)
        if first is None or last is None or not 1900 <= first < last <= 2100:
            return None
        return "DATE", str(first), {"precision": "year", "end": str(last)}

    def _resolve_numdate(self, s: str, words: list[str], start: int, text: str, ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:
        core = re.search(r"\d.*\d", s)  # without بتاريخ and parentheses
        if core is None:
            return None
        parts = [int(p) for p in re.split(r"\s?[/.\-]\s?", core.group())]
        if len(parts) == 2 and max(parts) >= 1900:  # 3/2015, 2015/3: a month
            y, m = max(parts), min(parts)
            return "DATE", f"{y:04d}-{m:02d}", {"precision": "month"}
        if len(parts) == 3 and parts[2] < 100 and parts[0] <= 31:  # 16/04/21: day/month/two-digit year
            d, m, yy = parts
            pivot = (ref.year % 100 + 5) if ref is not None else 50
            return "DATE", date(2000 + yy if yy <= pivot else 1900 + yy, m, d).isoformat(), {"precision": "day"}
        if len(parts) == 2:  # 22/4 (day/month), or 4/22 when the second cannot be a month
            d, m = parts if parts[1] <= 12 else parts[::-1]
            if ref is None:
                return "DATE", f"XXXX-{m:02d}-{d:02d}", {"precision": "day"}
            return "DATE", _nearest_year(ref.date(), m, d, future).isoformat(), {"precision": "day"}
        if parts[2] > 31 and parts[1] > 12:  # 12/23/1948: month, day, year (the day cannot be a month)
            return "DATE", date(parts[2], parts[0], parts[1]).isoformat(), {"precision": "day"}
        y, m, d = parts if parts[0] > 31 else parts[::-1]
        return "DATE", date(y, m, d).isoformat(), {"precision": "day"}

    def _resolve_year(self, s: str, words: list[str], start: int, text: str, ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:
        ym = _YEAR_RE.search(s) or _OLD_YEAR_RE.search(s)
        if ym is None and (word_year := self._year_in_words(s, 0)) is not None:  # عام ألفين وعشرين
            return "DATE", str(word_year), {"precision": "year"}
        attrs: dict[str, Any] = {"precision": "year"}
        if words[0] in _MODS:
            attrs["mod"] = _MODS[words[0]]
        if ym is None:  # عام ثلاثمائة وعشرين: an early year in words after a year word
            value = self._number_in(s)
            if value is None or not 100 <= value < 1000 or not value.is_integer() or words[0] not in _YEAR_WORDS:
                return None
            if _WORD_RE.match(text, start + len(s) + 1) and not self._bare_year(text, start, start + len(s)):
                return None  # عام مائتين شخص: a count
            return "DATE", f"{int(value):04d}", attrs
        if len(words) == 1 and not self._bare_year(text, start, start + len(s)):
            return None
        year = int(ym.group())
        if year < 1000 and not self._bare_year(text, start + ym.start(), start + ym.end()):
            return None  # عام 300 قتيل: a count after عام "general"
        before = _WORD_RE.findall(s, 0, ym.start())
        if _BC_ERA_RE.search(s, ym.end()):  # عام 590 قبل الميلاد: TIMEX3 writes BC0590
            return "DATE", f"BC{year:04d}", {**attrs, "era": "BC"}
        if _HIJRI_ERA_RE.search(s, ym.end()):
            attrs.update(calendar="hijri", hijri=str(year))
            year = gregorian_from_hijri(year, 1, 1).year
        elif year < 1900 and not (before and before[-1].removeprefix("ل") in _YEAR_WORDS):
            return None  # في 1869 could be a count; عام 1869 is a year (also عام 936 للميلاد)
        return "DATE", f"{year:04d}", attrs

    def _resolve_monthyear(self, s: str, words: list[str], start: int, text: str, ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:
        mm = self.month_re.search(s)
        if mm is None:
            return None
        month, calendar = self.calendar.months[" ".join(mm.group().split())]
        year_m = _YEAR_RE.search(s, mm.end())
        attrs: dict[str, Any] = {"precision": "month"}
        if year_m is None and (word_year := self._year_in_words(s, mm.end())) is not None:
            return "DATE", f"{word_year:04d}-{month:02d}", attrs
        if words[0] in _MODS:  # منتصف آذار
            attrs["mod"] = _MODS[words[0]]
        elif words[0] in _HALF_WORDS:  # نصف شهر مارس: the middle of March, not half a month
            attrs["mod"] = "MID"
        if calendar == "hijri" or (year_m and _HIJRI_ERA_RE.search(s, year_m.end())):
            attrs["calendar"] = "hijri"
            if year_m:
                first = gregorian_from_hijri(int(year_m.group()), month, 1)
            elif ref is not None:
                first = self._nearest_hijri(ref.date(), month, 1)
                hijri_direction = DIRECTION_WORDS.get(words[-1], 0)
                hijri_year = _hijri_year_of(first)
                if hijri_direction > 0 and first <= ref.date():  # رمضان المقبل: the next one
                    first = gregorian_from_hijri(hijri_year + 1, month, 1)
                elif hijri_direction < 0 and first > ref.date():  # رمضان الماضي: the last one
                    first = gregorian_from_hijri(hijri_year - 1, month, 1)
            else:
                return "DATE", "XXXX-XX", {**attrs, "hijri": f"XXXX-{month:02d}"}
            return "DATE", f"{first.year:04d}-{first.month:02d}", attrs
        if year_m:
            return "DATE", f"{int(year_m.group()):04d}-{month:02d}", attrs
        if ref is None:
            return "DATE", f"XXXX-{month:02d}", attrs
        direction = DIRECTION_WORDS.get(words[-1])
        if direction is not None and words[-2] in _PERIOD_UNITS:  # يونيو من العام المقبل
            return "DATE", f"{ref.year + direction:04d}-{month:02d}", attrs
        if direction is not None and direction != 0:  # أيلول الماضي: the last one before this month
            year = ref.year - (month >= ref.month) if direction < 0 else ref.year + (month <= ref.month)
            return "DATE", f"{year:04d}-{month:02d}", attrs
        if direction == 0:  # يونيو هذا العام
            return "DATE", f"{ref.year:04d}-{month:02d}", attrs
        return "DATE", f"{_nearest_year(ref.date(), month, 1, future).year:04d}-{month:02d}", attrs

    def _resolve_yearweek(self, s: str, words: list[str], start: int, text: str, ref: datetime | None,
                          future: bool = False) -> tuple[str, str, dict[str, Any]] | None:  # fmt: skip
        """``الأسبوع الثالث من عام 2027`` → 2027-W03; ``الأسبوع الأخير من العام الماضي`` → its last ISO
        week; ``الأسبوع الأول من هذا العام``: the ISO weeks of a year, as for ``الأسبوع الماضي``."""
        nth = next((NTH_WORDS[w] for w in words[:2] if w in NTH_WORDS), None)
        year_m = _YEAR_RE.search(s)
        if year_m:
            year: int | None = int(year_m.group())
        elif (word_year := self._year_in_words(s, 0)) is not None:  # من عام ألفين وسبعة وعشرين
            year = word_year
        elif ref is not None:
            year = ref.year + DIRECTION_WORDS.get(words[-1], 0)
        else:
            year = None
        if nth is None:
            return None
        if year is None:
            return "DATE", "XXXX-WXX", {"precision": "week", "anchor": "REF"}
        weeks = date(year, 12, 28).isocalendar()[1]  # 52 or 53
        week = weeks if nth < 0 else nth
        return "DATE", f"{year:04d}-W{week:02d}", {"precision": "week"}

    def _resolve_nthweekday(self, s: str, words: list[str], start: int, text: str, ref: datetime | None,
                            future: bool = False) -> tuple[str, str, dict[str, Any]] | None:  # fmt: skip
        """``أول جمعة من رمضان``, ``الثلاثاء الثالث من شهر أيلول 2014``, ``آخر اثنين من الشهر المقبل``."""
        nth = next((NTH_WORDS[w] for w in words[:3] if w in NTH_WORDS), None)
        iso = next((self.calendar.weekdays.get(w) or self.calendar.weekdays.get(_n("ال") + w) for w in words[:3]
                    if w in self.calendar.weekdays or _n("ال") + w in self.calendar.weekdays), 0)  # fmt: skip
        day_words = {_n("يوم"), _n("اليوم")}
        week_words = {_n("أسبوع"), _n("الأسبوع")}
        week = not iso and bool(week_words & set(words[:2]))
        if nth is None or (not iso and not week and not day_words & set(words[:2])):
            return None
        day_words |= week_words
        k = next(i for i, w in enumerate(words) if w in self.calendar.weekdays or _n("ال") + w in self.calendar.weekdays
                 or (not iso and w in day_words))  # fmt: skip
        if words[k + 1] in NTH_WORDS:
            k += 1
        rest_words = words[k + 1 :]
        if not rest_words:  # الأحد الثاني: of the reference's month
            pass
        elif rest_words[0] in {_n("من"), _n("في")}:
            rest_words = rest_words[1:]
        elif rest_words[0][:1] in {"ب", "ل"}:  # بأيلول، لشهر
            rest_words[0] = rest_words[0][1:]
        rest = " ".join(rest_words)
        first, last = self._month_bounds(rest, rest_words, ref, future)
        if first is None or last is None:
            return None
        if week:  # الأسبوع الأول من أكتوبر: the first (last) Monday-to-Sunday week inside the month
            monday = first + timedelta(days=(1 - first.isoweekday()) % 7 + 7 * (nth - 1)) if nth > 0 else (
                last - timedelta(days=(last.isoweekday() % 7) + 6))
            if monday + timedelta(days=6) > last:
                return None
            return "DATE", iso_week_value(monday), {"precision": "week"}
        if not iso:  # آخر يوم من الشهر, ثالث يوم من أيلول
            day = first + timedelta(days=nth - 1) if nth > 0 else last
        elif nth > 0:
            day = first + timedelta(days=(iso - first.isoweekday()) % 7 + 7 * (nth - 1))
        else:
            day = last - timedelta(days=(last.isoweekday() - iso) % 7)
        if day > last:
            return None
        return "DATE", day.isoformat(), {"precision": "day"}

    def _month_bounds(self, s: str, words: list[str], ref: datetime | None,
                      future: bool) -> tuple[date | None, date | None]:  # fmt: skip
        """First and last Gregorian day of the month named in ``s`` (any calendar) or of ``هذا الشهر``/
        ``الشهر المقبل`` (relative to ``ref``)."""
        mm = self.month_re.search(s)
        if mm is None:
            if ref is None:
                return None, None
            first = add_months(ref.date().replace(day=1), DIRECTION_WORDS.get(words[-1], 0) if words else 0)
            return first, add_months(first, 1) - timedelta(days=1)
        month, calendar = self.calendar.months[" ".join(mm.group().split())]
        year_m = _YEAR_RE.search(s, mm.end())
        if calendar == "hijri":
            if year_m:
                year = int(year_m.group())
            elif ref is not None:
                year = _hijri_year_of(self._nearest_hijri(ref.date(), month, 1))
            else:
                return None, None
            first = gregorian_from_hijri(year, month, 1)
            following = gregorian_from_hijri(year + month // 12, month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        value = self._resolve_monthyear(s, words, 0, s, ref, future)
        if value is None or value[1][:1] == "X":
            return None, None
        first = date(int(value[1][:4]), int(value[1][5:7]), 1)
        return first, add_months(first, 1) - timedelta(days=1)

    def _resolve_quarter(self, s: str, words: list[str], start: int, text: str, ref: datetime | None,
                         future: bool = False) -> tuple[str, str, dict[str, Any]] | None:  # fmt: skip
        """``الربع الثالث من عام 2016`` → 2016-Q3; ``النصف الأول من العام الجاري`` → 2021-H1."""
        if words[0] in _TRIM_PREFIXES:
            words = words[1:]
        half = words[0] == _n("النصف")
        n = self.ordinals.get(words[1]) or (4 if half else 0)
        if words[1] in {_n("الأخير"), _n("الأخيرة")}:
            n = 2 if half else 4
        if not 1 <= n <= (2 if half else 4):
            return None
        year_m = _YEAR_RE.search(s)
        if year_m:
            year = int(year_m.group())
        elif (word_year := self._year_in_words(s, 0)) is not None:  # الربع الثالث من ألفين وعشرين
            year = word_year
        elif ref is not None and words[-2] in {_n("هذا"), _n("هذه")}:  # الربع الثالث من هذا العام
            year = ref.year
        elif words[-1] in DIRECTION_WORDS and words[-2] in _PERIOD_UNITS:
            if ref is None:
                return "DATE", f"XXXX-{'H' if half else 'Q'}{n}", {"precision": "quarter", "anchor": "REF"}
            year = ref.year + DIRECTION_WORDS[words[-1]]
        elif ref is not None and len(words) == 2 and not half and not _CONTINUES_RE.match(text, start + len(s)):
            year = ref.year  # الربع الثالث: of the current year (not النصف الأول of a match, not … للقرن)
        else:
            return None
        return "DATE", f"{year:04d}-{'H' if half else 'Q'}{n}", {"precision": "half" if half else "quarter"}

    def _resolve_decade(self, s: str, words: list[str], start: int, text: str, ref: datetime | None,
                        future: bool = False) -> tuple[str, str, dict[str, Any]] | None:  # fmt: skip
        """``السبعينيات`` → 1970 (precision decade); ``ثمانينيات القرن التاسع عشر`` → 1880."""
        if _AGE_RE.match(text, start + len(s)):
            return None  # في الأربعينيات من عمره: an age
        attrs: dict[str, Any] = {"precision": "decade"}
        if words[0] in _MODS:  # أواخر السبعينيات
            attrs["mod"] = _MODS[words[0]]
            words = words[1:]
        stem = re.sub("(?:ي?ات)$", "", words[0].removeprefix("ال"))
        tens = DECADES_BY_STEM.get(stem)
        if tens is None:
            return None
        century: int | None = None
        if len(words) > 1:
            rest = [w for w in words[1:] if w not in {_n("من"), _n("القرن")}]
            if rest and rest[0] in DIRECTION_WORDS:
                if ref is None:
                    return None
                century = ref.year // 100 + DIRECTION_WORDS[rest[0]]
            else:
                ordinal = self._ordinal_value(" ".join(rest))
                century = ordinal - 1 if ordinal else None
        if century is None:
            if ref is None:
                return "DATE", f"XX{tens}", attrs
            century = 20 if 2000 + tens <= ref.year else 19
        return "DATE", f"{century * 100 + tens:04d}", attrs

    def _resolve_season(self, s: str, words: list[str], start: int, text: str, ref: datetime | None,
                        future: bool = False) -> tuple[str, str, dict[str, Any]] | None:  # fmt: skip
        """``صيف 2016`` → 2016-SU; ``هذا الصيف``; ``الربيع المقبل`` → 2022-SP."""
        code = next((SEASONS[w.removeprefix("ال")] for w in words if w.removeprefix("ال") in SEASONS), None)
        if code is None:
            return None
        year_m = _YEAR_RE.search(s)
        if len(words) == 1 and words[0] in SEASONS and not _bare_season_context(text, start, name=code == "SP"):
            return None  # قال ربيع. (a name), وصيف (runner-up): no time
        if len(words) == 2 and words[0] == _n("كل") and words[1] in SEASONS:
            return "SET", f"XXXX-{code}", {}  # كل صيف: every summer
        attrs: dict[str, Any] = {"precision": "season"}
        if words[0] in _MODS:  # منتصف الصيف: TIMEX3 mod
            attrs["mod"] = _MODS[words[0]]
        if year_m:
            return "DATE", f"{year_m.group()}-{code}", attrs
        if (word_year := self._year_in_words(s, 0)) is not None:  # ربيع عام تسعة عشر وثمانية وسبعين
            return "DATE", f"{word_year}-{code}", attrs
        direction = DIRECTION_WORDS.get(words[-1])
        if direction is None and words[-1].removeprefix("ال") in SEASONS and not {_n("هذا"), _n("هذه")} & set(words):
            return "DATE", f"XXXX-{code}", attrs  # في الصيف: a summer of no stated year, not resolved
        if ref is None:
            return "DATE", f"XXXX-{code}", {**attrs, "anchor": "REF"}
        direction = direction or 0
        return "DATE", f"{ref.year + direction:04d}-{code}", attrs


#: Words after which a season noun without the article is a time: prepositions (في صيف.، حتى شتاء.).
_SEASON_PREPOSITIONS = frozenset(_n(w) for w in (
    "في", "منذ", "خلال", "حتى", "قبل", "بعد", "طوال", "طيلة", "إلى", "الى", "مع", "مطلع", "أواخر", "أوائل", "منتصف",
    "بداية", "نهاية", "هذا", "هذه",
))  # fmt: skip
_FUTURE_VERB_RE = re.compile(r"(?<!\w)(?:س[اأيتن]\w{2,}|سوف\s+\w{3,})\s+$")


def _bare_season_context(text: str, start: int, *, name: bool = False) -> bool:
    """Whether a season noun without the article at ``start`` is a time: alone (the text or a line),
    after a preposition (``في صيف.``) or a future verb (``سأرحل صيف``، ``سوف نعود شتاء``); not glued to a
    prefix (``وصيف`` "runner-up") nor after another word (``قال ربيع``: a name).  ``name``: the word is
    also a first name (ربيع), so a verb before it takes it as its object (``سألتقي ربيع``): only after a
    preposition or alone.

    >>> _bare_season_context("سأرحل صيف", 6), _bare_season_context("قال ربيع", 4), _bare_season_context("صيف", 0)
    (True, False, True)
    >>> _bare_season_context("سألتقي ربيع", 7, name=True), _bare_season_context("في ربيع", 3, name=True)
    (False, True)
    """
    if start and not text[start - 1].isspace():
        return False
    before = text[max(0, start - 30) : start]
    if not before.strip() or before.rstrip(" \t").endswith("\n"):
        return True
    words = before.split()
    return words[-1] in _SEASON_PREPOSITIONS or (not name and _FUTURE_VERB_RE.search(before) is not None)
