"""Time expressions: find them, resolve them against the publication date, and the ``times`` stage.

`find_times` runs the one compiled pattern of `rasd.arabic.time_patterns` over the matching form of
the text and resolves each hit to a TIMEX3-style value::

    الاثنين، 26 تموز 2021      DATE      2021-07-26      (weekday + Levantine month)
    منذ عام 2014              DATE      2014            (precision year)
    الاسبوع الماضي            DATE      2021-W29        (ISO week before the reference's week)
    منذ أسبوع                 DATE      2021-07-19      (reference − 7 days)
    مساء أمس                  TIME      2021-07-25TEV
    الساعة العاشرة صباحا      TIME      T10:00
    ثلاثة أشهر                DURATION  P3M
    خلال الساعات الـ24 الماضية DURATION  PT24H           (mod "past", anchor = reference day)
    كل يوم اثنين              SET       XXXX-WXX-1
    15 رمضان 1443 هـ          DATE      2022-04-16      (Hijri, tabular calendar)
    من 4 إلى 22 تموز          DATE      2021-07-04      end=2021-07-22 (a range: first value, ``end``)
    العامين الماضيين          DURATION  P2Y             begin=2019-07-26, end=2021-07-26 (a window)
    الربع الثالث من عام 2016  DATE      2016-Q3         (also 2016-H1, 1970 for decades, 2021-SU)
    أول جمعة من رمضان         DATE      2022-04-08      (nth weekday of a month, any calendar)

``find_times(..., prefer="future")`` resolves a bare weekday or day-month to the next one
(Duckling's convention for scheduling text) instead of the news convention below.

Weekdays follow the news convention: the nearest such day on or before the reference, unless a
direction word (``الماضي``/``المقبل``) or a future cue (``سوف``، ``من المقرر``، ``سيلتقي``…) says otherwise.
Without a reference, relative expressions keep their span with an unresolved value (``XXXX-XX-XX``)
plus ``anchor="REF"`` and the ISO ``offset`` (``-P1D``) so a later step can resolve them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from importlib import resources
from typing import Any

from rasd.arabic.dates import add_months, gregorian_from_hijri, iso_week_value, load_calendar_lexicon
from rasd.arabic.normalize import normalize_ar
from rasd.arabic.numbers import DIGITS_PATTERN, load_number_lexicon, parse_digits
from rasd.arabic.time_patterns import (
    BRANCHES,
    DAYPART_WORDS,
    DECADES,
    DIRECTION_WORDS,
    NTH_WORDS,
    SEASONS,
    fold_with_offsets,
    load_ordinals,
    time_regex,
)
from rasd.document import Article, Span

__all__ = ["TimeStage", "find_times", "make_stage"]

_n = normalize_ar
_WORD_RE = re.compile(r"[^\s,،/()\-]+")
_DIGITS_RE = re.compile(DIGITS_PATTERN)
_YEAR_RE = re.compile(r"(?<!\d)(1[3-4]\d\d|19\d\d|20\d\d)(?!\d)")
DECADES_BY_STEM = {_n(w): v for w, v in DECADES.items()}
_RANGE_MONTH_RE = re.compile(_n(r"\s*(?:-|–|إلى|الى|حتى|و)\s*(?:\S+\s*[,،]?\s*)?\d{1,2}\s*(?:من\s+)?(?:شهر\s+)?"))
_WHOLE_WORDS = {_n(w) for w in ("كامل", "كاملة", "كاملا")}
_YEAR_WORDS_RE = re.compile(_n(r"(?<!\w)(?:ألف|ألفا|ألفين|ألفان)(?!\w).*"))
_OLD_YEAR_RE = re.compile(r"(?<!\d)1[0-8]\d\d(?!\d)")
_YEAR_WORDS = {_n(w) for w in ("عام", "العام", "سنة", "السنة", "عامي")}
_HIJRI_ERA_RE = re.compile(_n(r"(?<!\w)(?:هـ|ه|هجري|هجرية|للهجرة)(?!\w)"))
_FUTURE_CUE_RE = re.compile(_n(
    r"(?<!\w)(?:سوف|من المقرر|من المنتظر|من المتوقع|يعتزم|تعتزم|المقبل|القادم|غدا"
    r"|س[يتنأ](?:عقد|لتقي|جري|بدأ|زور|توجه|شارك|قوم|كون|صل|ستقبل|نطلق|تم|عود|لقي|عقدان|خرج|رحل|غادر|سافر)\w*)(?!\w)"
))  # fmt: skip
_MERGE_GAP_RE = re.compile(_n(r"\s*(?:[,،]\s*)?(?:(?:من|في|يوم)\s+)?"))
_WEEK_VALUE_RE = re.compile(r"\d{4}-W\d\d")
_WEEK_GAP_RE = re.compile(_n(r"\s*(?:[,،]\s*)?(?:(?:من|في|يوم)\s+)?"))
_RANGE_GAP_RE = re.compile(_n(r"\s*(-|–|إلى|حتى|لغاية|و)\s*"))
_RANGE_OPENER_RE = re.compile(_n(r"(?<!\w)(?:من|بين|ما\s+بين)\s+$"))
_DUAL_DIRECTIONS = {_n(w): d for w, d in (("الماضيين", -1), ("المنصرمين", -1), ("الأخيرين", -1), ("السابقين", -1),
                                          ("الماضيتين", -1), ("الأخيرتين", -1), ("المقبلين", 1), ("القادمين", 1),
                                          ("المقبلتين", 1), ("القادمتين", 1))}  # fmt: skip
_DURATION_GAP_RE = re.compile(r"\s*(?:[,،]\s*)?(?:و\s*)?")
_DURATION_PART_RE = re.compile(r"(\d+(?:\.\d+)?)([YMWDHS])")
_CONTINUES_RE = re.compile(_n(r"\s+(?:من|في|ل\w+)(?!\w)"))
_AGE_RE = re.compile(_n(r"\s+من\s+(?:عمر|العمر)"))
_OFFSET_NOISE = {_n(w) for w in ("نحو", "حوالي", "قرابة", "من", "الآن")}
_TRIM_PREFIXES = {_n(w) for w in ("في", "حتى", "قبل", "بعد", "خلال", "لمدة", "مدة", "طيلة", "طوال")}
_MODS = {_n(w): m for w, m in (("مطلع", "START"), ("أوائل", "START"), ("بداية", "START"), ("أول", "START"),
                               ("أواسط", "MID"),
                               ("أواخر", "END"), ("نهاية", "END"), ("آخر", "END"), ("منتصف", "MID"),
                               ("نحو", "APPROX"), ("حوالي", "APPROX"), ("قرابة", "APPROX"))}  # fmt: skip
_RELDAY = {_n(w): d for w, d in (("اليوم", 0), ("أمس", -1), ("الأمس", -1), ("البارحة", -1), ("غدا", 1),
                                 ("غد", 1), ("الغد", 1), ("بكرة", 1), ("بكرا", 1), ("الليلة", 0))}  # fmt: skip
_PERIOD_UNITS = {_n(w): u for w, u in (("الأسبوع", "W"), ("الاسبوع", "W"), ("الشهر", "M"), ("العام", "Y"),
                                       ("السنة", "Y"), ("العقد", "DE"))}  # fmt: skip
_SET_UNITS = {_n(w): u for w, u in (("يوم", "P1D"), ("يوميا", "P1D"), ("أسبوع", "P1W"), ("أسبوعيا", "P1W"),
                                    ("شهر", "P1M"), ("شهريا", "P1M"), ("عام", "P1Y"), ("سنة", "P1Y"),
                                    ("سنويا", "P1Y"), ("ساعة", "PT1H"))}  # fmt: skip
_UNIT_DAYS = {"D": 1, "W": 7}
_UNIT_MONTHS = {"M": 1, "Y": 12, "DE": 120, "CE": 1200}
_UNIT_SECONDS = {"S": 1, "MIN": 60, "H": 3600}


@dataclass(frozen=True)
class _Hit:
    start: int  # offsets in the matching form
    end: int
    type: str
    value: str
    attrs: dict[str, Any]


def _data_rows(path: str) -> list[list[str]]:
    raw = resources.files("rasd.data").joinpath(path).read_text(encoding="utf-8")
    return [line.split("\t") for line in raw.splitlines() if line.strip() and not line.startswith("#")]


class TimeFinder:
    """Loaded lexicons plus the compiled pattern; `find` is a pure function of (text, reference)."""

    def __init__(self) -> None:
        self.regex = time_regex()
        self.calendar = load_calendar_lexicon()
        self.numbers = load_number_lexicon()
        self.ordinals = load_ordinals()
        #: Words after a number that make it a count (units, scales, في المئة), and words before it that
        #: make it a count or a label (qualifiers, القرار، رقم): a bare 2014 next to them is no year.
        self.count_words = frozenset(
            {_n(r[0]) for r in _data_rows("numbers/units.tsv")} | set(self.numbers.words) | {_n("في"), _n("بالمئة")}
        )
        self.label_words = frozenset(
            {_n(r[0]) for r in _data_rows("numbers/qualifiers.tsv") if r[2] == "pre"}
            | {_n(w) for w in ("القرار", "قرار", "رقم", "الرقم", "المادة", "مادة", "الفقرة", "البند", "بند", "طراز",
                               "موديل", "العدد", "عدد", "أكثر من", "أقل من", "من أصل", "بين")}
        )  # fmt: skip
        months = sorted(self.calendar.months, key=len, reverse=True)
        self.month_re = re.compile(
            "(?<!\\w)(?:" + "|".join(r"\s*".join(map(re.escape, m.split(" "))) for m in months) + ")(?![^\\W\\d])"
        )

    # -- driver ---------------------------------------------------------------------------------
    def find(self, text: str, reference: datetime | None, *, prefer: str = "past") -> list[Span]:
        if prefer not in {"past", "future"}:
            raise ValueError(f"prefer must be 'past' or 'future', not {prefer!r}")
        norm = fold_with_offsets(text)
        hits = self._merge(self._hits(norm.text, reference, future=prefer == "future"), norm.text)
        spans = []
        for h in hits:
            start, end = norm.to_original(h.start, h.end)
            while end < len(text) and (text[end] == "\u0640" or "\u064b" <= text[end] <= "\u0652"):  # هـ, عاماً
                end += 1
            spans.append(Span(start, end, "TIMEX", {"type": h.type, "value": h.value, **h.attrs}))
        return spans

    def find_ranges(self, norm_text: str) -> list[tuple[int, int]]:
        """Ranges of time expressions in an already normalized text (no resolution needed)."""
        return [(h.start, h.end) for h in self._hits(norm_text, None)]

    def _hits(self, text: str, reference: datetime | None, *, future: bool = False) -> list[_Hit]:
        """Resolved matches of the pattern over ``text`` (matching form)."""
        hits: list[_Hit] = []
        for m in self.regex.finditer(text):
            branch = m.lastgroup
            if branch is None or branch == "pre":
                branch = next(x for x in BRANCHES if m.group(x) is not None)
            if branch == "relday" and m.group("pre")[-1:] in {"ل", "ب"} and m.group(branch) == _n("أمس"):
                continue  # لامس "touched", بامس: not أمس
            at = m.start(branch)
            if branch == "date" and m.group("pre")[-1:] == "و" and text.startswith(_n("احد"), at):  # واحد وعشرين مايو
                at -= 1
            hit = self._resolve(branch, at, text[at : m.end(branch)], text, reference, future)
            if hit is not None:
                hits.append(hit)
        return hits

    def _merge(self, hits: list[_Hit], text: str) -> list[_Hit]:
        """Join a clock time and an adjacent day: ``الساعة العاشرة من مساء أمس`` → 2021-07-25T22:00."""
        out: list[_Hit] = []
        for hit in hits:
            prev = out[-1] if out else None
            if (prev is not None and {prev.type, hit.type} <= {"TIME", "DATE"} and prev.type != hit.type) or (
                prev is not None and prev.type == hit.type == "TIME" and ("T" in prev.value[:1]) != (
                    "T" in hit.value[:1])
            ):
                assert prev is not None
                gap = _MERGE_GAP_RE.fullmatch(text, prev.end, hit.start)
                clock, day = (prev, hit) if prev.value.startswith("T") else (hit, prev)
                day_value = day.value.split("T")[0]
                if gap and clock.value.startswith("T") and re.fullmatch(r"\d{4}-\d\d-\d\d", day_value):
                    out[-1] = _Hit(prev.start, hit.end, "TIME", day_value + clock.value,
                                   {**day.attrs, **clock.attrs, "precision": "time"})
                    continue
            if prev is not None and (joined := self._join(prev, hit, text)) is not None:
                out[-1] = joined
                continue
            out.append(hit)
        return out

    def _join(self, prev: _Hit, hit: _Hit, text: str) -> _Hit | None:
        """Two adjacent dates that make one: a range (``من 2 أكتوبر إلى 22 أكتوبر``, ``بين 4 سبتمبر
        و8 سبتمبر``, ``من اليوم حتى الغد``) or a weekday in a week (``الجمعة من الأسبوع المقبل``)."""
        gap = text[prev.end : hit.start]
        if len(gap) > 12:
            return None
        if prev.type == hit.type == "DURATION" and _DURATION_GAP_RE.fullmatch(gap):
            total = _add_durations(prev.value, hit.value)  # عام وشهر و21 يوما → P1Y1M21D
            if total is not None and "mod" not in prev.attrs and "mod" not in hit.attrs:
                return _Hit(prev.start, hit.end, "DURATION", total, {"precision": "duration"})
        if prev.type != "DATE" or hit.type != "DATE" or "end" in prev.attrs or "end" in hit.attrs:
            return None
        week, weekday = (prev, hit) if "weekday" in hit.attrs else (hit, prev)
        if "weekday" in weekday.attrs and _WEEK_VALUE_RE.fullmatch(week.value) and _WEEK_GAP_RE.fullmatch(gap):
            year, wk = int(week.value[:4]), int(week.value[6:])
            iso = int(weekday.attrs["weekday"][-1])
            day = date.fromisocalendar(year, wk, iso).isoformat()
            return _Hit(prev.start, hit.end, "DATE", day, {**weekday.attrs, "precision": "day"})
        connector = _RANGE_GAP_RE.fullmatch(gap)
        if connector is None or prev.attrs.get("precision") != hit.attrs.get("precision"):
            return None
        if prev.value[:1] == "X" or hit.value[:1] == "X" or hit.value <= prev.value:
            return None
        before = _RANGE_OPENER_RE.search(text, max(0, prev.start - 8), prev.start)
        if before is None and connector.group(1) == "و":
            return None
        start = before.start() if before is not None else prev.start
        return _Hit(start, hit.end, "DATE", prev.value, {**prev.attrs, "end": hit.value})

    # -- branches -------------------------------------------------------------------------------
    def _resolve(
        self, branch: str, start: int, s: str, text: str, ref: datetime | None, future: bool = False
    ) -> _Hit | None:
        end = start + len(s)
        words = _WORD_RE.findall(s)
        try:
            resolved = getattr(self, "_resolve_" + branch)(s, words, start, text, ref, future)
        except ValueError:  # an impossible date such as 31 شباط
            return None
        if resolved is None:
            return None
        typ, value, attrs = resolved
        if words and words[0] in _TRIM_PREFIXES and branch in {"year", "duration", "quarter"}:
            start += s.index(words[1], len(words[0]))
            if words[0] in {_n("لمدة"), _n("مدة")} and branch == "year":
                return None
        return _Hit(start, end, typ, value, attrs)

    def _resolve_date(self, s: str, words: list[str], start: int, text: str, ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:
        mm = self.month_re.search(s)
        if mm is None or self._after_unit_word(text, start):
            return None  # الأسبوع الأول من أيلول: a week, not the first day
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
            lead = re.match(r"\s*(\d{1,2})(?!\d)", tail)
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
            if year_m:
                return "DATE", gregorian_from_hijri(int(year_m.group()), month, day).isoformat(), attrs
            if ref is None:
                return "DATE", "XXXX-XX-XX", {**attrs, "hijri": f"XXXX-{month:02d}-{day:02d}"}
            return "DATE", self._nearest_hijri(ref.date(), month, day).isoformat(), attrs
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
        if len(found) < 2:
            return None
        first_day, last_day = int(found[0].group()), int(found[1].group())
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
        y, m, d = parts if parts[0] > 31 else parts[::-1]
        return "DATE", date(y, m, d).isoformat(), {"precision": "day"}

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

    def _resolve_year(self, s: str, words: list[str], start: int, text: str, ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:
        ym = _YEAR_RE.search(s) or _OLD_YEAR_RE.search(s)
        if ym is None and (word_year := self._year_in_words(s, 0)) is not None:  # عام ألفين وعشرين
            return "DATE", str(word_year), {"precision": "year"}
        if ym is None or (len(words) == 1 and not self._bare_year(text, start, start + len(s))):
            return None
        year = int(ym.group())
        attrs: dict[str, Any] = {"precision": "year"}
        if words[0] in _MODS:
            attrs["mod"] = _MODS[words[0]]
        if _HIJRI_ERA_RE.search(s, ym.end()):
            attrs.update(calendar="hijri", hijri=str(year))
            year = gregorian_from_hijri(year, 1, 1).year
        elif year < 1900 and words[-2 if len(words) > 1 else 0] not in _YEAR_WORDS:
            return None  # في 1869 could be a count; عام 1869 is a year
        return "DATE", str(year), attrs

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
        if words[1] in _MODS:
            attrs["mod"] = "APPROX"
        attrs["offset"] = ("-" if sign < 0 else "") + _duration_value(unit, count)
        return self._shift(ref, unit, sign * count, attrs)

    def _resolve_window(self, s: str, words: list[str], start: int, text: str, ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:
        unit, count = self._unit_count(s, words)
        if unit is None:
            return None
        direction = DIRECTION_WORDS.get(words[-1], _DUAL_DIRECTIONS.get(words[-1], -1))
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
        return "DURATION", _duration_value(unit, count), attrs

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
        if rest_words[0] in {_n("من"), _n("في")}:
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
                return "DATE", f"XX{tens}", {"precision": "decade"}
            century = 20 if 2000 + tens <= ref.year else 19
        return "DATE", f"{century * 100 + tens:04d}", {"precision": "decade"}

    def _resolve_season(self, s: str, words: list[str], start: int, text: str, ref: datetime | None,
                        future: bool = False) -> tuple[str, str, dict[str, Any]] | None:  # fmt: skip
        """``صيف 2016`` → 2016-SU; ``هذا الصيف``; ``الربيع المقبل`` → 2022-SP."""
        code = next((SEASONS[w.removeprefix("ال")] for w in words if w.removeprefix("ال") in SEASONS), None)
        if code is None:
            return None
        year_m = _YEAR_RE.search(s)
        attrs: dict[str, Any] = {"precision": "season"}
        if year_m:
            return "DATE", f"{year_m.group()}-{code}", attrs
        if ref is None:
            return "DATE", f"XXXX-{code}", {**attrs, "anchor": "REF"}
        direction = DIRECTION_WORDS.get(words[-1], 0)
        return "DATE", f"{ref.year + direction:04d}-{code}", attrs

    def _resolve_weekend(self, s: str, words: list[str], start: int, text: str, ref: datetime | None,
                         future: bool = False) -> tuple[str, str, dict[str, Any]] | None:  # fmt: skip
        """``عطلة نهاية الأسبوع``, ``نهاية الأسبوع الماضي`` → 2021-W29-WE."""
        direction = DIRECTION_WORDS.get(words[-1], 0)
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
        if words[0] in DIRECTION_WORDS:  # هذا العام
            unit, direction = _PERIOD_UNITS[words[1]], 0
        elif words[1] == _n("بعد"):  # الأسبوع بعد القادم
            unit, direction = _PERIOD_UNITS[words[0]], 2
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
        unit = next(_PERIOD_UNITS[w] for w in words if w in _PERIOD_UNITS)
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
        if len(words) >= 2 and words[1] in self.calendar.weekdays and words[0] == _n("اليوم"):
            offset = 0
        elif words[0] == _n("بعد"):
            offset = 2
        elif len(words) >= 2:  # أول أمس، أمس الأول، قبل أمس
            offset = -2
        elif words[0] in _RELDAY:
            offset = _RELDAY[words[0]]
        else:
            return None
        attrs: dict[str, Any] = {"precision": "day"}
        if words[0] == _n("الليلة"):
            attrs["part"] = "NI"
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

    def _resolve_set(self, s: str, words: list[str], start: int, text: str, ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:
        for w in words:
            iso = self.calendar.weekdays.get(w) or self.calendar.weekdays.get(_n("ال") + w)
            if iso:
                return "SET", f"XXXX-WXX-{iso}", {"precision": "day"}
        return "SET", _SET_UNITS.get(words[-1], "P1D"), {}

    def _resolve_duration(self, s: str, words: list[str], start: int, text: str, ref: datetime | None, future: bool = False) -> tuple[str, str, dict[str, Any]] | None:
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
        if not (has_number or dual or fractions or whole or words[0] in _TRIM_PREFIXES):
            return None
        for joined, value in fractions:
            if joined:  # ساعة ونصف, ثلاث ساعات وربع
                count += value
            else:  # نصف ساعة, ربع ساعة, نصف يومين
                count = count * value if has_number or dual else value
        attrs: dict[str, Any] = {"precision": "duration"}
        if words[0] in _MODS:
            attrs["mod"] = "APPROX"
        return "DURATION", _duration_value(unit, count), attrs

    # -- helpers --------------------------------------------------------------------------------
    def _duration_parts(self, words: list[str]) -> list[list[str]]:
        """Split the words of a compound duration after each unit word (and its واحد):
        ``عام واحد و شهر و 21 يوما`` → [عام واحد] [شهر] [21 يوما]; a lone ``و`` is dropped."""
        parts: list[list[str]] = [[]]
        for w in words:
            bare = w[1:] if w.startswith("و") and w[1:] in self.calendar.units else w
            if w == "و":
                continue
            if (w in {_n("واحد"), _n("واحدة")} or w in _WHOLE_WORDS) and parts[-1] == [] and len(parts) > 1:
                parts[-2].append(w)
                continue
            parts[-1].append(bare)
            if bare in self.calendar.units or bare.removeprefix("ال") in self.calendar.units:
                parts.append([])
        parts = [p for p in parts if p]
        # a single unit with its fraction word (ساعة ونصف) stays one part
        if len(parts) > 1 and all(self._fraction(w) for w in parts[-1]):
            parts[-2].extend(parts.pop())
        return parts

    def _unit_count(self, s: str, words: list[str]) -> tuple[str | None, float | None]:
        unit_word = next((w.removeprefix("ال") if w not in self.calendar.units else w
                          for w in words if w in self.calendar.units or w.removeprefix("ال") in self.calendar.units),
                         None)  # fmt: skip
        if unit_word is None:
            return None, None
        unit, count = self.calendar.units[unit_word]
        number = self._number_in(s)
        if number is not None:
            return unit, number
        return unit, float(count) if count else None

    def _fraction(self, word: str) -> float:
        """Value of a fraction word (``نصف``, ``ونصف``, ``ربع``, ``ثلث``), else 0."""
        entry = self.numbers.words.get(word) or self.numbers.words.get(word.removeprefix("و"))
        return entry[0] if entry and entry[1] == "fraction" else 0.0

    def _bare_year(self, text: str, start: int, end: int) -> bool:
        """Whether a bare 19xx/20xx number is a year: not a count (``2014 شخصا``, ``نحو 2000``,
        ``2000 دولار``) nor a label (``القرار 1973``، ``رقم 2010``)."""
        following = _WORD_RE.match(text, end + 1) if text[end : end + 1] == " " else None
        if text[end : end + 1] in {"%", "٪"} or text[max(0, start - 1) : start] in {"+", "$", "#"}:
            return False
        if following is not None:
            word = following.group()
            if word in self.count_words or word.removeprefix("ال") in self.count_words:
                return False
        before = _WORD_RE.findall(text[max(0, start - 30) : start])[-3:]
        return not any(" ".join(before[i:]) in self.label_words for i in range(len(before)))

    def _after_unit_word(self, text: str, start: int) -> bool:
        """Whether the word before ``start`` is a time unit (``الأسبوع`` in ``الأسبوع الأول من …``)."""
        before = _WORD_RE.findall(text[max(0, start - 12) : start])
        if not before:
            return False
        unit = self.calendar.units.get(before[-1]) or self.calendar.units.get(before[-1].removeprefix("ال"))
        return unit is not None and unit[0] not in {"D", "H", "MIN", "S"}  # يوم 5 جانفي is a date

    def _bare_number(self, word: str) -> str:
        """``وثلاثة``/``الثلاثة`` → ``ثلاثة`` when that is a number word."""
        if word in self.numbers.words:
            return word
        for prefix in ("و", "ال"):
            if word.startswith(prefix) and word[len(prefix) :] in self.numbers.words:
                return word[len(prefix) :]
        return word

    def _number_in(self, s: str) -> float | None:
        dm = _DIGITS_RE.search(s)
        if dm:
            return float(parse_digits(dm.group()))
        words = [self._bare_number(w) for w in _WORD_RE.findall(s) if w != "و"]
        for i, w in enumerate(words):
            if w in self.numbers.words and self.numbers.words[w][1] != "fraction":
                parsed = self.numbers.evaluate_words(words[i:])
                if parsed and parsed[0].first == 0:
                    return float(parsed[0].value)
        return None

    def _year_in_words(self, s: str, pos: int) -> int | None:
        """A year written in words from ``pos`` on: ``ألفين وثمانية عشر`` → 2018, ``ألف وتسعمائة
        وواحد`` → 1901 (only 1000-2199; the pattern lets only ألف/ألفين open one)."""
        m = _YEAR_WORDS_RE.search(s, pos)
        if m is None or (m.group().split()[0] == _n("ألف") and len(m.group().split()) == 1):
            return None  # 5 مايو ألف شخص: a lone ألف is a count
        value = self._number_in(m.group())
        return int(value) if value is not None and 1000 <= value < 2200 and float(value).is_integer() else None

    def _ordinal_prefix(self, s: str) -> bool:
        after = s.split(None, 1)[1] if " " in s else s
        return after.split(None, 1)[0] in self.ordinals

    def _ordinal_value(self, s: str, *, hours: bool = False) -> int | None:
        return self._ordinal_prefix_value(s)[0]

    def _ordinal_prefix_value(self, s: str) -> tuple[int | None, int]:
        """Value of the ordinal words that open ``s`` (``الحادي والعشرين``, ``الثالث عشر``) and the
        offset where they end."""
        total, end = 0, 0
        for m in _WORD_RE.finditer(s):
            w = m.group().removeprefix("و")
            if not total and w.startswith("ل") and "ا" + w in self.ordinals:  # للحادي: ل + الحادي
                w = "ا" + w
            if w in self.ordinals:
                total += self.ordinals[w]
            elif w.startswith(_n("عشر")) and total:
                total += 10
            elif total:
                break
            else:
                continue
            end = m.end()
        return total or None, end

    @staticmethod
    def _nearest_hijri(ref: date, month: int, day: int) -> date:
        guess = round((ref.year - 622) * 365.2425 / 354.367)
        candidates = [gregorian_from_hijri(y, month, day) for y in (guess - 1, guess, guess + 1, guess + 2)]
        return min(candidates, key=lambda c: abs((c - ref).days - 30))

    @staticmethod
    def _shift(ref: datetime | None, unit: str, amount: float, attrs: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
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
        if unit == "M" or months % 12:  # a month, or a year and a half
            attrs["precision"] = "month"
            if ref is None:
                return "DATE", "XXXX-XX", attrs
            shifted = add_months(ref.date(), months)
            return "DATE", f"{shifted.year:04d}-{shifted.month:02d}", attrs
        attrs["precision"] = "year"
        if ref is None:
            return "DATE", "XXXX", attrs
        return "DATE", str(ref.year + int(months / 12)), attrs


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


def find_times(text: str, reference: datetime | None, *, prefer: str = "past") -> list[Span]:
    """TIMEX spans of ``text`` resolved against ``reference`` (the publication date-time).

    ``prefer`` settles a weekday or a day and month said without a direction: ``"past"`` (the news
    convention, default: the nearest such day on or before the reference unless a future cue
    such as ``سوف``/``المقبل`` says otherwise) or ``"future"`` (the next one after the reference,
    Duckling's convention for scheduling text).

    >>> [(s.slice(t), s.attrs["value"]) for t in ["وصل منذ أسبوع"] for s in find_times(t, datetime(2021, 7, 26))]
    [('منذ أسبوع', '2021-07-19')]
    """
    return _default_finder().find(text, reference, prefer=prefer)


_FINDERS: list[TimeFinder] = []


def _default_finder() -> TimeFinder:
    # Built lazily once; immutable after construction, so sharing it cannot change any output.
    if not _FINDERS:
        _FINDERS.append(TimeFinder())
    return _FINDERS[0]


@dataclass(frozen=True)
class TimeStage:
    """The ``times`` layer: every time expression of the article, resolved against ``published``."""

    finder: TimeFinder
    name: str = "times"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("times",)

    def __call__(self, article: Article) -> Article:
        return article.with_layer("times", self.finder.find(article.text, article.published))


def make_stage() -> TimeStage:
    return TimeStage(TimeFinder())
