"""Resolvers of expressions relative to the reference date: offsets (``منذ أسبوع``), windows (``الأيام
المقبلة``), periods (``الأسبوع الماضي``), weekdays, days of this month, اليوم/أمس/غدا."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from rasd.arabic.dates import add_months, iso_week_value
from rasd.arabic.time_patterns import DAYPART_WORDS, DIRECTION_WORDS
from rasd.enrich.times.lexicon import (
    _DUAL_DIRECTIONS,
    _FUTURE_CUE_RE,
    _MODS,
    _OFFSET_NOISE,
    _OFFSET_QUALIFIERS,
    _PERIOD_UNITS,
    _RANGE_MONTH_RE,
    _RELDAY,
    _WORD_RE,
    TimeLexicon,
    _n,
)
from rasd.enrich.times.values import (
    _UNIT_DAYS,
    _UNIT_MONTHS,
    _add_durations,
    _day_offset,
    _duration_value,
    _nearest_year,
    _shift,
    _shift_date,
)

#: اليوم التالي/الموالي/اللاحق (+1), اليوم السابق/الماضي/المنصرم (-1).
_DAY_AFTER = {_n(w): d for w, d in (("التالي", 1), ("الموالي", 1), ("اللاحق", 1), ("السابق", -1), ("الماضي", -1),
                                    ("المنصرم", -1))}  # fmt: skip
_RELATIVE_PRONOUNS = {_n(w) for w in ("الذي", "الذى", "الي", "اللي")}


class RelativeResolvers(TimeLexicon):
    """Branch resolvers for expressions read against the reference: ``_resolve_<branch>``."""

    def _resolve_offset(self, s: str, words: list[str], start: int, text: str, ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:
        sign = 1 if words[0] == _n("بعد") else -1
        core = [w for w in words[1:] if w not in _OFFSET_NOISE]
        parts = self._duration_parts(core)
        if len(parts) > 1:  # منذ شهر و21 يوما: shift by each part in turn
            attrs_c: dict[str, Any] = {"anchor": "REF", "precision": "day"}
            moment = ref.date() if ref is not None else None
            total: str | None = "P"
            for part in parts:
                unit_p, count_p = self._unit_count(" ".join(part), part)
                if unit_p is None or count_p is None or (unit_p not in _UNIT_DAYS and unit_p not in _UNIT_MONTHS):
                    return None
                piece = _duration_value(unit_p, count_p)
                total = piece if total == "P" else (_add_durations(total, piece) if total else None)
                if moment is not None:
                    moment = _shift_date(moment, unit_p, sign * count_p)
            if total is None:
                return None
            attrs_c["offset"] = ("-" if sign < 0 else "") + total
            return "DATE", moment.isoformat() if moment is not None else "XXXX-XX-XX", attrs_c
        unit, count = self._unit_count(s, words)
        if unit is None:
            return None
        attrs: dict[str, Any] = {"anchor": "REF"}
        if count is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", attrs
        count += sum(self._fraction(w) for w in words[2:] if w.startswith("و"))  # منذ عام ونصف
        qualifier = next((mods for rx, mods in _OFFSET_QUALIFIERS if rx.match(s, len(words[0]) + 1)), None)
        if qualifier is not None:
            attrs["mod"] = qualifier[0] if sign < 0 else qualifier[1]
        attrs["offset"] = ("-" if sign < 0 else "") + _duration_value(unit, count)
        return _shift(ref, unit, sign * count, attrs)

    def _resolve_window(self, s: str, words: list[str], start: int, text: str, ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:
        unit, count = self._unit_count(s, words)
        if unit is None:
            return None
        direction = DIRECTION_WORDS.get(words[-1], _DUAL_DIRECTIONS.get(words[-1], -1))
        few = _n("القليلة") in words
        if count is None and few:  # الأيام القليلة الماضية: a few = 3, as بضعة أيام reads (cardinals.tsv)
            count = 3.0
        if count is None:  # الأيام المقبلة: a window of unstated length (TIMEX3 PXD)
            vague: dict[str, Any] = {"mod": "past" if direction < 0 else "future", "precision": "duration"}
            if ref is not None:
                vague["anchor"] = ref.date().isoformat()
            return "DURATION", _duration_value(unit, 0).replace("0", "X"), vague
        attrs: dict[str, Any] = {"mod": "past" if direction < 0 else "future", "precision": "duration"}
        if ref is not None:
            attrs["anchor"] = ref.date().isoformat()
            today = ref.date()
            if unit in _UNIT_DAYS or unit in _UNIT_MONTHS:  # the interval it covers
                if direction < 0:
                    attrs["begin"], attrs["end"] = _shift_date(today, unit, -count).isoformat(), today.isoformat()
                else:
                    first = today + timedelta(days=1)
                    attrs["begin"], attrs["end"] = first.isoformat(), _shift_date(first, unit, count).isoformat()
        if few:
            attrs["vague"] = True  # the 3 is the convention for "a few", not a count in the text
        return "DURATION", _duration_value(unit, count), attrs

    def _resolve_weekend(self, s: str, words: list[str], start: int, text: str, ref: datetime | None,
                         future: bool = False) -> tuple[str, str, dict[str, Any]] | None:  # fmt: skip
        """``عطلة نهاية الأسبوع``, ``نهاية الأسبوع الماضي`` → 2021-W29-WE; ``بعد المقبل`` two weeks on."""
        direction = 2 if words[-2] == _n("بعد") else DIRECTION_WORDS.get(words[-1], 0)
        if ref is None:
            return "DATE", "XXXX-WXX-WE", {"precision": "week", "anchor": "REF"}
        return "DATE", iso_week_value(ref.date() + timedelta(weeks=direction)) + "-WE", {"precision": "week"}

    def _resolve_monthday(self, s: str, words: list[str], start: int, text: str, ref: datetime | None,
                          future: bool = False) -> tuple[str, str, dict[str, Any]] | None:  # fmt: skip
        """``20 من الشهر المقبل``, ``الخامس من الشهر الجاري``, ``15 الجاري``: a day of a month
        given relative to the reference."""
        if self._after_unit_word(text, start):
            return None  # الأسبوع الأول من الشهر: not a day
        digits = re.match(r"\d+", s)
        day = int(digits.group()) if digits else self._ordinal_value(s.split(_n(" من "))[0])
        if day is None or not 1 <= day <= 31:
            return None
        direction = DIRECTION_WORDS.get(words[-1], 0)
        if ref is None:
            return "DATE", f"XXXX-XX-{day:02d}", {"precision": "day", "anchor": "REF"}
        month = add_months(ref.date().replace(day=1), direction)
        return "DATE", month.replace(day=day).isoformat(), {"precision": "day"}

    def _resolve_dayof(self, s: str, words: list[str], start: int, text: str, ref: datetime | None,
                       future: bool = False) -> tuple[str, str, dict[str, Any]] | None:  # fmt: skip
        """``يوم 27``, ``يوم الجمعة 15``: day 27 of the nearest month (past by the news convention,
        next with ``prefer="future"``); with a weekday, the nearest month where the day is that weekday."""
        iso = next((self.calendar.weekdays.get(w) or self.calendar.weekdays.get(_n("ال") + w) for w in words
                    if w in self.calendar.weekdays or _n("ال") + w in self.calendar.weekdays), None)  # fmt: skip
        tail = words[-1] if words[-1].isdigit() else s
        value = int(tail) if tail.isdigit() else self._ordinal_value(s) or self._number_in(s.split(_n(" في "))[-1])
        if value is None or not 1 <= value <= 31 or not float(value).is_integer():
            return None
        day = int(value)
        attrs: dict[str, Any] = {"precision": "day"}
        if iso is not None:
            attrs["weekday"] = f"XXXX-WXX-{iso}"
        if ref is None:
            return "DATE", f"XXXX-XX-{day:02d}", {**attrs, "anchor": "REF"}
        later = _RANGE_MONTH_RE.match(text, start + len(s))
        if later and (mm := self.month_re.match(text, later.end())):  # من الاثنين 27 إلى الخميس 30 آب
            month = self.calendar.months[" ".join(mm.group().split())][0]
            return "DATE", _nearest_year(ref.date(), month, day, future).isoformat(), attrs
        today, first = ref.date(), ref.date().replace(day=1)
        future = future or bool(_FUTURE_CUE_RE.search(text[max(0, start - 80) : start]))  # ستبدأ يوم 27
        sign = 1 if future else -1
        if iso is not None:  # this month if the day is that weekday, else the nearest such month back (or on)
            for step in (0, *(sign * k for k in range(1, 15))):
                try:
                    candidate = add_months(first, step).replace(day=day)
                except ValueError:  # يوم 31 in a 30-day month
                    continue
                if candidate.isoweekday() == iso:
                    return "DATE", candidate.isoformat(), attrs
            return None
        for k in range(3):  # this month, then back (or on) month by month
            try:
                candidate = add_months(first, sign * k).replace(day=day)
            except ValueError:
                continue
            if candidate >= today if future else candidate <= today:
                return "DATE", candidate.isoformat(), attrs
        return None

    def _resolve_period(self, s: str, words: list[str], start: int, text: str, ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:
        attrs: dict[str, Any] = {}
        if words[0] in _MODS:
            attrs["mod"] = _MODS[words[0]]
            words = words[1:]
        if len(words) == 1:  # نهاية العام: the current one
            unit, direction = _PERIOD_UNITS[words[0]], 0
        elif words[0] in DIRECTION_WORDS:  # هذا العام
            unit, direction = _PERIOD_UNITS[words[1]], 0
        elif words[1] == _n("بعد"):  # الأسبوع بعد القادم
            unit, direction = _PERIOD_UNITS[words[0]], 2
        elif words[1] == _n("قبل"):  # العام قبل الماضي
            unit, direction = _PERIOD_UNITS[words[0]], -2
        else:
            unit, direction = _PERIOD_UNITS[words[0]], DIRECTION_WORDS[words[1]]
        attrs["precision"] = {"W": "week", "M": "month", "Y": "year", "DE": "decade"}[unit]
        if ref is None:
            offset = f"{'-' if direction < 0 else ''}P{abs(direction) * (10 if unit == 'DE' else 1)}{'Y' if unit == 'DE' else unit}"
            attrs.update(anchor="REF", offset=offset)
            return "DATE", {"W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "DE": "XXXX"}[unit], attrs
        day = ref.date()
        if unit == "DE":  # العقد المقبل: the calendar decade (2020 = 2020-2029, precision decade)
            return "DATE", str((day.year // 10 + direction) * 10), attrs
        if unit == "W":
            return "DATE", iso_week_value(day + timedelta(weeks=direction)), attrs
        if unit == "M":
            shifted = add_months(day, direction)
            return "DATE", f"{shifted.year:04d}-{shifted.month:02d}", attrs
        return "DATE", str(day.year + direction), attrs

    def _resolve_rest(self, s: str, words: list[str], start: int, text: str, ref: datetime | None,
                      future: bool = False) -> tuple[str, str, dict[str, Any]] | None:  # fmt: skip
        """``بقية الأسبوع``, ``ما تبقى من العام``: from the reference day to the end of the period."""
        if ref is None:
            return None
        unit = next(_PERIOD_UNITS.get(w) or _PERIOD_UNITS[_n("ال") + re.sub("(?:ي|نا)$", "", w)] for w in words
                    if w in _PERIOD_UNITS or _n("ال") + re.sub("(?:ي|نا)$", "", w) in _PERIOD_UNITS)
        day = ref.date()
        if unit == "W":
            end = day + timedelta(days=7 - day.isoweekday())
        elif unit == "M":
            end = add_months(day.replace(day=1), 1) - timedelta(days=1)
        else:
            end = date(day.year, 12, 31)
        return "DATE", day.isoformat(), {"precision": "day", "end": end.isoformat()}

    def _resolve_daypart(self, s: str, words: list[str], start: int, text: str,
                         ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:  # fmt: skip
        code = DAYPART_WORDS.get(words[0], "NI")
        inner = s[len(words[0]):].strip()
        inner = inner[len(_n("يوم")):].strip() if inner.startswith(_n("يوم") + " ") else inner
        inner_words = _WORD_RE.findall(inner)
        resolved = None
        if inner_words and inner_words[0] not in self.calendar.weekdays:  # مساء أمس, not ليل الأحد الاثنين
            resolved = self._resolve_relday(inner, inner_words, start, text, ref, future)
        if resolved is None:
            resolved = self._resolve_weekday(inner, _WORD_RE.findall(inner), start, text, ref, future)
        if resolved is None:
            return None
        _, value, attrs = resolved
        return "TIME", f"{value}T{code}", {**attrs, "precision": "daypart"}

    def _resolve_relday(self, s: str, words: list[str], start: int, text: str,
                        ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:  # fmt: skip
        if len(words) == 2 and words[0] == _n("يوم"):  # يوم أمس، يوم غد
            words = words[1:]
        if len(words) >= 3 and words[0] == _n("اليوم"):  # اليوم الذي بعد الغد, اليوم القبل البارحة
            words = [w.removeprefix("ال") if w in {_n("البعد"), _n("القبل")} else w for w in words[1:]]
            words = words[1:] if words[0] in _RELATIVE_PRONOUNS else words
        if len(words) >= 2 and words[1] in self.calendar.weekdays and words[0] == _n("اليوم"):
            offset = 0
        elif words[0] == _n("بعد"):
            offset = 2
        elif len(words) == 2 and words[0] == _n("اليوم") and words[1] in _DAY_AFTER:  # اليوم التالي
            offset = _DAY_AFTER[words[1]]  # from the reference here; `TimeFinder` re-anchors it
        elif len(words) >= 2:  # أول أمس، أمس الأول، قبل أمس
            offset = -2
        elif words[0] in _RELDAY:
            offset = _RELDAY[words[0]]
        else:
            return None
        attrs: dict[str, Any] = {"precision": "day"}
        if words[0] == _n("الليلة"):
            attrs["part"] = "NI"
        if len(words) == 2 and words[0] == _n("اليوم") and words[1] in _DAY_AFTER:
            attrs.update(anchor="narrative", offset=_day_offset(offset))  # re-anchored by `TimeFinder`
        if ref is None:
            return "DATE", "XXXX-XX-XX", {**attrs, "anchor": "REF", "offset": _day_offset(offset)}
        return "DATE", (ref.date() + timedelta(days=offset)).isoformat(), attrs

    def _resolve_now(self, s: str, words: list[str], start: int, text: str, ref: datetime | None,
                     future: bool = False) -> tuple[str, str, dict[str, Any]] | None:  # fmt: skip
        """``الآن``, ``حتى الآن``, ``حاليا``: the reference itself (TIMEX3 ``PRESENT_REF``)."""
        attrs: dict[str, Any] = {"anchor": "REF"}
        if words[0] == _n("حتى"):
            attrs["mod"] = "END"  # up to now
        return "DATE", "PRESENT_REF", attrs

    def _resolve_weekday(self, s: str, words: list[str], start: int, text: str,
                         ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:  # fmt: skip
        names = [w for w in words if w in self.calendar.weekdays or _n("ال") + w in self.calendar.weekdays]
        if not names:
            return None
        iso = self.calendar.weekdays.get(names[0]) or self.calendar.weekdays[_n("ال") + names[0]]
        direction = DIRECTION_WORDS.get(words[-1])
        if direction is None:
            window = text[max(0, start - 80) : start]
            direction = 1 if future or _FUTURE_CUE_RE.search(window) else 0
            strict = future
        else:
            strict = True
        attrs: dict[str, Any] = {"precision": "day", "weekday": f"XXXX-WXX-{iso}"}
        if ref is None:
            return "DATE", f"XXXX-WXX-{iso}", {**attrs, "anchor": "REF"}
        day = ref.date()
        delta = (iso - day.isoweekday()) % 7  # days ahead to the next such day (0 = today)
        if direction > 0:
            delta = delta or (7 if strict else 0)
        else:
            delta = delta - 7 if delta else (-7 if strict and direction < 0 else 0)
        return "DATE", (day + timedelta(days=delta)).isoformat(), attrs
