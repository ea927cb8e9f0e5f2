"""Resolvers of times of day (``الساعة العاشرة صباحا``), durations (``ثلاثة أشهر``) and sets (``كل يوم اثنين``)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from rasd.arabic.time_patterns import DAYPART_WORDS
from rasd.enrich.times.lexicon import (
    _MODS,
    _SET_UNITS,
    _TRIM_PREFIXES,
    _WHOLE_WORDS,
    _WORD_RE,
    TimeLexicon,
    _n,
)
from rasd.enrich.times.values import _add_durations, _duration_value

_ACCUSATIVE_UNITS = {_n("أسبوعا"), _n("اسبوعا"), _n("شهرا")}
#: After an accusative unit: شهرا بعد شهر, أسبوعا تلو الآخر; a definite noun (أسبوعا المخرجين, a dual
#: in a construct) — no duration of one unit.
_NOT_A_SPAN_RE = re.compile(_n(r"\s+(?:ما|بعد|تلو|عن|وراء|ال\w+)(?!\w)"))
#: A bare singular unit is one unit after a word that asks for a length (خلال أسبوع، في أكثر من شهر، لنحو
#: أسبوع، على مدار شهر، مدة أقصاها أسبوع) or as the whole phrase, and only before a pause or على: not شهر
#: رمضان, أسبوع الموضة (a construct), في أول أسبوع, معلومات دقيقة, للمرة الثانية (no such cue).
_BARE_UNITS = {_n(w) for w in ("أسبوع", "شهر", "ساعة", "يوم", "عام", "سنة", "عقد", "قرن", "دقيقة")}
_BARE_CUE_RE = re.compile(_n(
    r"(?:^|(?<!\w)[وف]?(?:ل?(?:خلال|مدة|نحو|حوالي|قرابة|زهاء)|في|مدار|مدى|طيلة|طوال|أقصاها|أدناها"
    r"|(?:أكثر|أقل)\s+من|ما\s+(?:يزيد|يربو)\s+(?:على|عن)|ما\s+(?:يقرب|يقارب)(?:\s+من)?|(?:لا\s+)?[يت]تجاوز))\s*$"
))  # fmt: skip
#: A pause: punctuation (not # or @, nor a quote opening a name: في شهر #رمضان, في شهر "رمضان"), a line end.
_BARE_PAUSE_RE = re.compile(_n(r"[ \t]*(?:[.,،؛:!?؟)\]}»…\-–]|[\"'”](?![^\W\d])|\n|$)|\s+على(?!\w)"))
#: The cue's TIMEX3 mod: أكثر من شهر is MORE_THAN one month.
_BARE_MODS = (
    (re.compile(_n(r"(?:أكثر\s+من|ما\s+(?:يزيد|يربو)\s+(?:على|عن))\s*$")), "MORE_THAN"),
    (re.compile(_n(r"أقل\s+من\s*$")), "LESS_THAN"),
    (re.compile(_n(r"(?:أقصاها|تتجاوز|يتجاوز)\s*$")), "EQUAL_OR_LESS"),
    (re.compile(_n(r"(?:نحو|حوالي|قرابة|زهاء|ما\s+(?:يقرب|يقارب)(?:\s+من)?)\s*$")), "APPROX"),
)


class ClockResolvers(TimeLexicon):
    """Branch resolvers for clock times, durations and sets: ``_resolve_<branch>``."""

    def _resolve_clock(self, s: str, words: list[str], start: int, text: str, ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:
        if words[0] == _n("منتصف") or words[0] == _n("الظهيرة"):  # منتصف الليل, منتصف النهار, الظهيرة
            return "TIME", "T00:00" if words[-1] == _n("الليل") else "T12:00", {"precision": "time"}
        afternoon = False
        if words[0] in {_n("بعد"), _n("الظهر")}:  # بعد الظهر الساعة 7
            afternoon = True
            s = s.split(_n("الظهر"), 1)[1].strip()
        hm = re.search(r"(\d{1,2})(?:[:.](\d\d)(?::(\d\d))?)?", s)
        rest = s
        second = 0
        if hm and (s.startswith(hm.group()) or s.startswith(_n("الساعة"))) and not self._ordinal_prefix(s):
            hour, minute, second = int(hm.group(1)), int(hm.group(2) or 0), int(hm.group(3) or 0)
            rest = s[hm.end():]
        else:
            after = s.split(None, 1)[1] if s.startswith(_n("الساعة")) else s
            value, used = self._ordinal_prefix_value(after)
            rest = after[used:]
            after_words = _WORD_RE.findall(after)
            if value is None and after_words:  # الساعة ثلاثة, الساعة إحدى عشرة
                teen = len(after_words) > 1 and after_words[1].startswith(_n("عشر"))
                parsed = self.numbers.evaluate_words(after_words[: 2 if teen else 1])
                value = int(parsed[0].value) if parsed and 1 <= parsed[0].value <= 12 else None
                rest = after[len(" ".join(after_words[: 2 if teen else 1])) :]
            if value is None:
                return None
            hour, minute = value, 0
        rest_words = _WORD_RE.findall(rest)
        minute += self._minutes(rest, rest_words)
        if minute < 0:
            hour, minute = hour - 1, minute + 60
        part = next((DAYPART_WORDS[w] for w in rest_words if w in DAYPART_WORDS), None)
        if _n("قبل") in rest_words and _n("الظهر") in rest_words:  # قبل الظهر: the morning
            part = "MO"
        if "PM" in rest.upper() or afternoon:
            part = "EV"
        if (part in {"AF", "EV"} and hour < 12) or (part == "NI" and 6 <= hour < 12):
            hour += 12
        elif part == "MO" and hour == 12:
            hour = 0
        if not (0 <= hour <= 24 and 0 <= minute < 60):
            return None
        clock = f"T{hour % 24:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
        return "TIME", clock, {"precision": "time"}

    def _minutes(self, rest: str, words: list[str]) -> int:
        half, quarter, third = _n("نصف"), _n("ربع"), _n("ثلث")
        sign = -1 if _n("إلا") in words else 1
        for w in words:
            core = w.removeprefix("و").removeprefix("ال").removesuffix("ا")
            if core == half:
                return 30 * sign
            if core == quarter:
                return 15 * sign
            if core == third:
                return 20 * sign
        num = self._number_in(rest)
        return int(num) * sign if num is not None and (_n("دقيقة") in rest or _n("دقائق") in rest) else 0

    def _resolve_duration(self, s: str, words: list[str], start: int, text: str, ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:
        if _n("عدة") in words:  # لعدة أيام: several, the count not stated
            unit_x, _ = self._unit_count(s, words)
            return ("DURATION", _duration_value(unit_x, 0).replace("0", "X"), {"precision": "duration"}) if unit_x else None
        parts = self._duration_parts(words)
        if len(parts) > 1:  # سنة وثلاثة أشهر → P1Y3M
            total: str | None = "P"
            for part in parts:
                unit, count = self._unit_count(" ".join(part), part)
                if unit is None or count is None or total is None:
                    return None
                piece = _duration_value(unit, count)
                total = piece if total == "P" else _add_durations(total, piece)
            return ("DURATION", total, {"precision": "duration"}) if total else None
        unit, count = self._unit_count(s, words)
        if unit is None or count is None:
            return None
        has_number = self._number_in(s) is not None
        dual = any(self.calendar.units.get(w, ("", 0))[1] == 2 for w in words)
        fractions = [(w.startswith("و"), self._fraction(w)) for w in words if self._fraction(w)]
        whole = words[-1] in _WHOLE_WORDS  # يوم كامل: one whole unit
        # استمر القتال شهرا, بقي أسبوعا: the indefinite accusative is one unit (not شهرا بعد شهر, nor the
        # dual in a construct, أسبوعا المخرجين; not يوما "ever", عاما also "general": مديرا عاما)
        accusative = (len(words) == 1 and words[0] in _ACCUSATIVE_UNITS and not _NOT_A_SPAN_RE.match(text, start + len(s))
                      and not text[max(0, start - 1) : start].isdigit())  # fmt: skip
        bare_mod = self._bare_unit_mod(words, start, start + len(s), text)
        if not (has_number or dual or fractions or whole or accusative or words[0] in _TRIM_PREFIXES
                or bare_mod is not None):
            return None
        for joined, value in fractions:
            if joined:  # ساعة ونصف, ثلاث ساعات وربع
                count += value
            else:  # نصف ساعة, ربع ساعة, نصف يومين
                count = count * value if has_number or dual else value
        attrs: dict[str, Any] = {"precision": "duration"}
        if words[0] in _MODS:
            attrs["mod"] = "APPROX"
        elif bare_mod:
            attrs["mod"] = bare_mod
        return "DURATION", _duration_value(unit, count), attrs

    @staticmethod
    def _bare_unit_mod(words: list[str], start: int, end: int, text: str) -> str | None:
        """For a bare singular unit with a length cue before it and a pause after (``خلال أسبوع.``,
        ``أكثر من شهر،``, ``لنحو أسبوع``, or the unit alone): its TIMEX3 mod, ``""`` for none;
        None when it is no duration (``شهر رمضان``، ``في أول أسبوع من``، ``معلومات دقيقة``)."""
        if not words or words[-1] not in _BARE_UNITS or len(words) > 2 or not _BARE_PAUSE_RE.match(text, end):
            return None
        unit_start = end - len(words[-1])
        if not _BARE_CUE_RE.search(text, max(0, unit_start - 24), unit_start):  # ^: the text's start only
            return None
        return next((mod for cue, mod in _BARE_MODS if cue.search(text, max(0, unit_start - 24), unit_start)), "")

    def _resolve_set(self, s: str, words: list[str], start: int, text: str, ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:
        for w in words:
            iso = self.calendar.weekdays.get(w) or self.calendar.weekdays.get(_n("ال") + w)
            if iso:
                return "SET", f"XXXX-WXX-{iso}", {"precision": "day"}
        return "SET", _SET_UNITS.get(words[-1], "P1D"), {}
