"""Publish timestamps in the shapes Arabic news sites print them.

Dates and times are found separately on a length-preserving matching form (digits ASCII, alef/yeh
folded), then a time next to a date joins it.  Shapes covered (all with Arabic-Indic digits too)::

    PM:12:36:26/07/2021          26/07/2021 12:36 م        2021-07-26 12:36
    الاثنين 26 تموز 2021          26 يوليو 2021 - 12:36      24 نيسان / أبريل 2020 09:22 مساءً
    ديسمبر 25, 2020               17:27 17.03.2020          2020-06-03T03:01+0400

``ص``/``صباحا``/AM and ``م``/``مساءً``/PM turn 12-hour clocks into 24-hour time.  The result is a naive
datetime (site local time) unless the text gives a zone (``+03:00``, ``GMT``, ``بتوقيت غرينتش``).

>>> d = find_dates("PM:12:36:26/07/2021")[0]
>>> d.value.isoformat(), d.raw, d.has_time
('2021-07-26T12:36:00', 'PM:12:36:26/07/2021', True)
>>> find_dates("الاثنين ٢٦ تموز ٢٠٢١")[0].value.date().isoformat()
'2021-07-26'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache

from rasd.extract.lexicon import load_lexicon, match_form

__all__ = ["FoundDate", "find_dates", "parse_date_line", "parse_date_value", "parse_time_line"]

_DAYS = r"(?:يوم\s+)?(?:الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)"
_T = "\u064b?"  # optional tanween fath, written before or after the final alef
_AMPM = (rf"(?:صباح{_T}ا?{_T}|مساء{_T}ا?{_T}|ظهر{_T}ا{_T}|عصر{_T}ا{_T}|ليل{_T}ا{_T}|فجر{_T}ا{_T}"
         r"|(?:ص|م)(?![\u0621-\u064a])|[AaPp]\.?[Mm]\.?)")
_TZ = r"(?:\s*(?P<tz>Z|GMT|UTC|[+-]\d{2}:?\d{2}|بتوقيت\s+(?:غرينتش|جرينتش|غرينيتش))(?P<tzoff>\s*[+-]\s*\d{1,2})?)?"
_TIME = re.compile(
    r"(?:(?P<pre>" + _AMPM + r")\s*:?\s*)?(?<!\d)(?<!\d:)(?P<H>\d{1,2})\s*:\s*(?P<M>\d{2})(?:\s*:\s*(?P<S>\d{2}))?"
    r"(?:\.\d+)?(?![\d])(?:\s*(?P<post>" + _AMPM + r"))?" + _TZ
)
_GAP = re.compile(r"^[\s,،\-–—|@:/T]*(?:(?:الساعه|الساعة|الوقت|في|at|time)[\s,،\-–—|@:]*)?$", re.I)
_PM_WORDS = frozenset({"pm", "م", "مساء", "مساءا", "عصرا", "ليلا"})


@dataclass(frozen=True)
class FoundDate:
    """A date (and maybe time) found at ``[start, end)`` of the text; ``raw`` is the original slice."""

    value: datetime
    start: int
    end: int
    raw: str
    has_time: bool


@lru_cache(maxsize=1)
def _date_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    months = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m, _ in load_lexicon().months)
    mon = rf"(?:{months})(?![\u0621-\u064aA-Za-z])"
    day_prefix = rf"(?:{_DAYS}\s*[،,]?\s*)?"
    iso = re.compile(day_prefix + r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*(?P<s>[-/.])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<d>\d{1,2})(?!\d)")
    dmy = re.compile(day_prefix + r"(?<!\d)(?P<d>\d{1,2})\s*(?P<s>[-/.])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<y>(?:19|20)\d\d)(?!\d)")
    named = re.compile(
        day_prefix + rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?:-\s*)?(?P<mon>{mon})(?:\s*[/\-(]\s*(?:{mon})\s*\)?)?"
        r"\s*[،,]?\s*(?P<y>(?:19|20)\d\d)(?!\d)(?:\s*م(?![\u0621-\u064a]))?",
        re.I,
    )
    mdy = re.compile(day_prefix + rf"(?P<mon>{mon})\s+(?P<d>\d{{1,2}})\s*[،,]\s*(?P<y>(?:19|20)\d\d)(?!\d)", re.I)
    return iso, dmy, named, mdy


def _month_number(name: str) -> int:
    key = re.sub(r"\s+", " ", name).lower()
    for form, number in load_lexicon().months:
        if form.lower() == key:
            return number
    raise ValueError(name)


def _find_days(form: str) -> list[tuple[int, int, int, int, int]]:
    """(start, end, year, month, day) of every calendar date, left to right, not overlapping."""
    found: list[tuple[int, int, int, int, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _date_patterns():
        for m in pattern.finditer(form):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            try:
                month = _month_number(m.group("mon")) if "mon" in m.groupdict() else int(m.group("m"))
                day, year = int(m.group("d")), int(m.group("y"))
                if "mon" not in m.groupdict() and month > 12 and day <= 12:
                    month, day = day, month  # m/d/y
                datetime(year, month, day)
            except ValueError:
                continue
            found.append((m.start(), m.end(), year, month, day))
            taken.append((m.start(), m.end()))
    return sorted(found)


def _zone(match: re.Match[str]) -> timezone | None:
    tz = match.group("tz")
    if not tz:
        return None
    if tz[0] in "+-":
        sign = -1 if tz[0] == "-" else 1
        digits = tz[1:].replace(":", "")
        return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))
    off = match.group("tzoff")
    if off:
        hours = int(off.replace(" ", ""))
        return timezone(timedelta(hours=hours))
    return UTC


def _clock(match: re.Match[str]) -> tuple[int, int, int] | None:
    hour, minute, second = int(match.group("H")), int(match.group("M")), int(match.group("S") or 0)
    marker = (match.group("pre") or match.group("post") or "").strip().lower().replace(".", "")
    marker = marker.replace("\u064b", "")
    if marker:
        if hour > 12:
            return None
        if marker in _PM_WORDS or (marker == "ظهرا" and hour < 7):
            if hour < 12:
                hour += 12
        elif hour == 12 and marker != "ظهرا":
            hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def find_dates(text: str) -> list[FoundDate]:
    """Every calendar date in ``text``, joined with an adjacent time of day when there is one.

    >>> [(d.value.isoformat(), d.raw) for d in find_dates("نشر في 26 يوليو 2021 - 12:36 م")]
    [('2021-07-26T12:36:00', '26 يوليو 2021 - 12:36 م')]
    """
    form = match_form(text)
    days = _find_days(form)
    if not days:
        return []
    masked = list(form)
    for a, b, *_ in days:
        masked[a:b] = "\x00" * (b - a)
    times = [m for m in _TIME.finditer("".join(masked)) if _clock(m) is not None]
    out: list[FoundDate] = []
    used: set[int] = set()
    for a, b, y, mo, d in days:
        best: re.Match[str] | None = None
        for i, t in enumerate(times):
            if i in used:
                continue
            gap = form[b : t.start()] if t.start() >= b else form[t.end() : a] if t.end() <= a else None
            if gap is not None and len(gap) <= 16 and _GAP.match(gap):
                best = t
                used.add(i)
                break
        if best is None:
            out.append(FoundDate(datetime(y, mo, d), a, b, text[a:b].strip(), False))
            continue
        clock = _clock(best)
        assert clock is not None
        value = datetime(y, mo, d, *clock, tzinfo=_zone(best))
        start, end = min(a, best.start()), max(b, best.end())
        out.append(FoundDate(value, start, end, text[start:end].strip(), True))
    return out


_LABELS = re.compile(
    r"(?:تاريخ\s+النشر|نشر\s+(?:في|بتاريخ)|تم\s+نشره|نشر|اخر\s+تحديث|تاريخ\s+التحديث|تحديث|بتاريخ|التاريخ"
    r"|الموافق|الساعه|الوقت|published|updated|date|time)",
    re.I,
)


@lru_cache(maxsize=1)
def _hijri_pattern() -> re.Pattern[str]:
    names = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in load_lexicon().hijri_months)
    return re.compile(rf"(?:{_DAYS}\s*[،,]?\s*)?\d{{1,2}}\s+(?:{names})\s+\d{{4}}\s*(?:هـ|ه(?![\u0621-\u064a]))?")


def parse_date_line(line: str) -> FoundDate | None:
    """The date of a line that is *only* a date (with an optional label such as ``نشر في:``).

    >>> parse_date_line("26/07/2021 12:36 م").value.isoformat()
    '2021-07-26T12:36:00'
    >>> parse_date_line("وقال التحالف في بيان يوم 26/07/2021 إن القوات ستبقى") is None
    True
    """
    if len(line) > 90 or not any(c.isdigit() for c in line):
        return None
    found = find_dates(line)
    if not found:
        return None
    first = found[0]
    rest = line[: first.start] + " " + line[first.end :]
    rest = _LABELS.sub(" ", _hijri_pattern().sub(" ", match_form(rest)))
    words = [w for w in re.split(r"[\s:：|\-–—،,()/]+", rest) if w]
    return first if len(words) <= 1 else None


def parse_time_line(line: str) -> tuple[int, int, int, timezone | None, str] | None:
    """(hour, minute, second, zone, raw) of a line that is only a time of day (``الساعة 12:36 م``).

    Some sites print the date and the time on separate lines; the text reader joins them.

    >>> parse_time_line("الوقت: 09:15 مساءً")[:3]
    (21, 15, 0)
    >>> parse_time_line("قتل 12 شخصا") is None
    True
    """
    if len(line) > 40 or ":" not in line:
        return None
    form = match_form(line)
    m = _TIME.search(form)
    if m is None or (clock := _clock(m)) is None:
        return None
    rest = _LABELS.sub(" ", form[: m.start()] + " " + form[m.end() :])
    if [w for w in re.split(r"[\s:：|\-–—،,()/]+", rest) if w]:
        return None
    return (*clock, _zone(m), line[m.start() : m.end()].strip())


def parse_date_value(value: str) -> FoundDate | None:
    """A machine-written date (meta tag, JSON-LD, JSONL field): ISO 8601, RFC 822, or Arabic text.

    >>> parse_date_value("Tue, 13 Feb 2018 10:22:00 +0000").value.isoformat()
    '2018-02-13T10:22:00+00:00'
    >>> parse_date_value("2020-06-03T03:01+0400").value.isoformat()
    '2020-06-03T03:01:00+04:00'
    """
    raw = value.strip()
    if not raw:
        return None
    if raw[:4].isdigit():
        try:
            dt = datetime.fromisoformat(raw.replace(" ", "T", 1) if len(raw) > 10 else raw)
            has_time = len(raw) > 10
            return FoundDate(dt, 0, len(raw), raw, has_time)
        except ValueError:
            pass
    elif raw[:3].isalpha() and raw.isascii():
        try:
            dt = parsedate_to_datetime(raw)
            return FoundDate(dt, 0, len(raw), raw, True)
        except (TypeError, ValueError, IndexError):
            pass
    found = find_dates(raw)
    return found[0] if found else None
