"""The driver: one pass of the compiled pattern, each hit resolved by its branch, then adjacent hits
joined (a clock time and its day, a range, a weekday in a week, a compound duration)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from rasd.arabic.time_patterns import BRANCHES, fold_with_offsets, time_regex
from rasd.document import Span
from rasd.enrich.times.calendar import CalendarResolvers
from rasd.enrich.times.clock import ClockResolvers
from rasd.enrich.times.holidays import HolidayResolvers
from rasd.enrich.times.lexicon import (
    _DURATION_GAP_RE,
    _MERGE_GAP_RE,
    _RANGE_GAP_RE,
    _RANGE_OPENER_RE,
    _TRIM_PREFIXES,
    _WEEK_GAP_RE,
    _WEEK_VALUE_RE,
    _WORD_RE,
    _n,
)
from rasd.enrich.times.relative import RelativeResolvers
from rasd.enrich.times.values import _add_durations, _Hit, _settle_hijri_weekday

#: How far back (characters) a day named earlier still anchors ``اليوم التالي``/``اليوم السابق``.
_NARRATIVE_REACH = 400


def _anchor_to_narrative(hit: _Hit, before: list[_Hit]) -> _Hit:
    """``وصل الأحد … وفي اليوم التالي``: the day after the last day named before (within
    `_NARRATIVE_REACH`), as TempEval anchors it; with none, the day after the reference (the hit as
    resolved).  ``anchor`` says which: that day's value, or ``REF``."""
    offset = int(str(hit.attrs["offset"]).replace("P", "").replace("D", ""))
    attrs = {k: v for k, v in hit.attrs.items() if k != "anchor"}
    for prev in reversed(before):
        if hit.start - prev.end > _NARRATIVE_REACH:
            break
        day = prev.value[:10]
        if prev.type in {"DATE", "TIME"} and _DAY_RE.fullmatch(day) and "end" not in prev.attrs:
            moved = (date.fromisoformat(day) + timedelta(days=offset)).isoformat()
            return _Hit(hit.start, hit.end, "DATE", moved, {**attrs, "anchor": day})
    return _Hit(hit.start, hit.end, hit.type, hit.value, {**attrs, "anchor": "REF"})


_DAY_RE = re.compile(r"\d{4}-\d\d-\d\d")
_INNER_OPENER_RE = re.compile(_n(r"(?<!\w)(?:من|بين)\s+\S+$"))
#: يوم الثلاثاء الموافق 5 آب: a weekday, then the date it falls on.
_SAME_DAY_GAP_RE = re.compile(_n(r"\s*[,،]?\s*(?:(?:الموافق|الموافقة|المصادف|المصادفة|الواقع)\s+)?(?:ل\s*)?"))
_PERIOD_YEAR_RE = re.compile(_n(r"(?:(?:هذا|هذه)\s+)?(?:العام|السنة)(?:\s+\S+)?"))
_YEAR_IN_RE = re.compile(r"(?<!\d)\d{4}(?!\d)|" + _n(r"(?<!\w)(?:ألف|ألفين|ألفان)(?!\w)"))
_OF_THE_MONTH_RE = re.compile(_n(r"(?<!\w)(?:من\s+)?(?:(?:هذا|هذه)\s+)?الشهر$"))
_DATE_GAP_RE = re.compile(r"\s*[,،]?\s*")
_MONTH_THEN_DATE_RE = re.compile(r"\s*[,،]?\s*\(?\s*")


class TimeFinder(CalendarResolvers, RelativeResolvers, ClockResolvers, HolidayResolvers):
    """Loaded lexicons plus the compiled pattern; `find` is a pure function of (text, reference)."""

    def __init__(self) -> None:
        super().__init__()
        self.regex = time_regex()

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
            if hit is not None and hit.attrs.get("anchor") == "narrative":
                hit = _anchor_to_narrative(hit, hits)
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
        if (prev.attrs.get("precision") == "month" and hit.attrs.get("precision") == "day" and "mod" not in prev.attrs
                and prev.value[4:7] == hit.value[4:7] and _MONTH_THEN_DATE_RE.fullmatch(gap)):
            close = re.match(r"\s?\)", text[hit.end : hit.end + 2]) if "(" in gap else None
            end = hit.end + (close.end() if close else 0)
            return _Hit(prev.start, end, "DATE", hit.value, hit.attrs)  # شباط (9/2/1946): the month, then its date
        if ("weekday" in hit.attrs and "weekday" not in prev.attrs and prev.value == hit.value
                and _DAY_RE.fullmatch(prev.value) and _DATE_GAP_RE.fullmatch(gap)):  # أمس الأحد: one day, named twice
            return _Hit(prev.start, hit.end, "DATE", prev.value, {**prev.attrs, "weekday": hit.attrs["weekday"]})
        if ("weekday" in prev.attrs and hit.attrs.get("precision") == "day" and _SAME_DAY_GAP_RE.fullmatch(gap)
                and not {"weekday", "offset", "anchor"} & set(hit.attrs)):  # not الخميس، الاثنين; not قبل يوم
            value = hit.value
            if hit.attrs.get("calendar") == "hijri" and _DAY_RE.fullmatch(value):
                # الجمعة أول أيام عيد الفطر: a sighted month can start a day or two off the tabular one;
                # the weekday said settles the day
                value = _settle_hijri_weekday(date.fromisoformat(value), int(str(prev.attrs["weekday"])[-1])).isoformat()
            return _Hit(prev.start, hit.end, "DATE", value, {**hit.attrs, "weekday": prev.attrs["weekday"]})
        if (prev.attrs.get("precision") == hit.attrs.get("precision") == "year" and "anchor" not in hit.attrs
                and _PERIOD_YEAR_RE.fullmatch(text, prev.start, prev.end) and _WEEK_GAP_RE.fullmatch(gap)):
            return _Hit(prev.start, hit.end, "DATE", hit.value, hit.attrs)  # العام المقبل 2024: the year said
        week, weekday = (prev, hit) if "weekday" in hit.attrs else (hit, prev)
        if "weekday" in weekday.attrs and _WEEK_VALUE_RE.fullmatch(week.value) and _WEEK_GAP_RE.fullmatch(gap):
            year, wk = int(week.value[:4]), int(week.value[6:])
            iso = int(weekday.attrs["weekday"][-1])
            day = date.fromisocalendar(year, wk, iso).isoformat()
            return _Hit(prev.start, hit.end, "DATE", day, {**weekday.attrs, "precision": "day"})
        connector = _RANGE_GAP_RE.fullmatch(gap)
        if connector is None or prev.attrs.get("precision") != hit.attrs.get("precision"):
            return None
        if _DAY_RE.fullmatch(prev.value) and _OF_THE_MONTH_RE.search(text, hit.start, hit.end):
            # من 26 آذار وحتى 31 من الشهر: the month just named, not the reference's
            try:
                hit = _Hit(hit.start, hit.end, "DATE", date.fromisoformat(prev.value[:8] + hit.value[8:10]).isoformat(),
                           hit.attrs)  # fmt: skip
            except ValueError:
                return None
        if "weekday" in prev.attrs and "weekday" in hit.attrs and _DAY_RE.fullmatch(prev.value):
            # من الثلاثاء إلى الخميس: the second weekday is the first such day after the first one
            first, iso = date.fromisoformat(prev.value), int(str(hit.attrs["weekday"])[-1])
            later = first + timedelta(days=(iso - first.isoweekday()) % 7 or 7)
            hit = _Hit(hit.start, hit.end, "DATE", later.isoformat(), hit.attrs)
        if prev.value[:1] == "X" or hit.value[:1] == "X":
            return None
        if (hit.value <= prev.value and prev.value[:4] != hit.value[:4] and _YEAR_IN_RE.search(text, hit.start, hit.end)
                and not _YEAR_IN_RE.search(text, prev.start, prev.end)):
            # بين 1 يناير و1 مايو 2019: the first date takes the year said with the last
            year = int(hit.value[:4]) - (prev.value[4:] > hit.value[4:])
            prev = _Hit(prev.start, prev.end, prev.type, f"{year:04d}{prev.value[4:]}", prev.attrs)
        if hit.value <= prev.value:
            return None
        before = _RANGE_OPENER_RE.search(text, max(0, prev.start - 8), prev.start)
        inner = _INNER_OPENER_RE.search(text, prev.start, prev.end)  # الأسبوع المقبل بين الأربعاء …
        if before is None and inner is None and connector.group(1) == "و":
            return None
        start = before.start() if before is not None else prev.start
        return _Hit(start, hit.end, "DATE", prev.value, {**prev.attrs, "end": hit.value})

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
            at = s.index(words[1], len(words[0]))
            paren = s.rfind("(", len(words[0]), at)  # قبل (1948): the parentheses stay with the year
            start += paren if paren >= 0 else at
            if words[0] in {_n("لمدة"), _n("مدة")} and branch == "year":
                return None
        return _Hit(start, end, typ, value, attrs)
