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
    الربع الثالث من عام 2016  DATE      2016-Q3         (also 2016-H1, 1970 for decades, 2021-SU, XXXX-SU)
    أول جمعة من رمضان         DATE      2022-04-08      (nth weekday of a month, any calendar)
    قبل شهرين                 DATE      2021-05-26      (precision month: the day, and the grain said)
    وفي اليوم التالي          DATE      day after the last day named (``anchor``), else the reference
    الأسبوع الثالث من عام 2027 DATE     2027-W03        (ISO weeks of a year; of a month: full weeks inside)
    عيد الأضحى المبارك        DATE      2018-08-21      (a holiday: 10 Dhu al-Hijja, nearest the reference)
    خلال أكثر من شهر          DURATION  P1M             mod=MORE_THAN (a bare unit after a length cue)

``find_times(..., prefer="future")`` resolves a bare weekday or day-month to the next one
(Duckling's convention for scheduling text) instead of the news convention below.

Weekdays follow the news convention: the nearest such day on or before the reference, unless a
direction word (``الماضي``/``المقبل``) or a future cue (``سوف``، ``من المقرر``، ``سيلتقي``…) says otherwise.
Without a reference, relative expressions keep their span with an unresolved value (``XXXX-XX-XX``)
plus ``anchor="REF"`` and the ISO ``offset`` (``-P1D``) so a later step can resolve them.

Conventions where the test suites differ (news reading first, chosen on ANT/Wojood evidence):
``الأحد القادم`` is the coming Sunday (not next week's); ``أيلول الماضي`` the latest past September
(not last year's); ``بعد يومين`` a day, not the two-day period; ``منتصف آذار`` the month with
``mod="MID"`` (TIMEX3), not the 15th; ``العقدين الماضيين`` the last twenty years, not two calendar
decades; a bare ``في 15``/``إلى 27``, an ordinal without a month (``للثاني``, ``الحادي والعشرين``) and
a hyphen or dot date (``22-4``, ``4.22``) are not dates (in ANT they are counts, scores or centuries
far more often); ``16/04/21`` is day/month/year, and month/day/year only when the day is over 12;
``الجمعة الثانية`` is a numbered Friday (of protests), not the second Friday of the month; a bare
unit (``شهر``، ``أسبوع``) is no time expression without a number, year or direction.  A season of no
stated year (``في الصيف``، ``فصل الشتاء``، ``أواخر الخريف``) is TIMEX3 ``XXXX-SU`` left unresolved (Wojood
tags it DATE), but not ``الربيع العربي`` (an adjective follows), ``ربيع العمر``, a name (``أبو الربيع``)
or a title in quotes.  Years before 1000 need a year word (``سنة 354 هـ``، ``عام 820 للميلاد``); before
Christ they are written ``BC0590`` (TIMEX3).  ``الأيام القليلة الماضية`` takes "a few" as 3 (``P3D`` with its
interval and ``vague=True``), the reading ``بضعة أيام`` already has; ``عدة أشهر`` (several) stays unstated
(``PXM``; ``منذ عدة أشهر`` → ``PAST_REF``).  A qualified offset keeps its day with a TIMEX3 mod:
``منذ أكثر من عام`` → the day a year back, ``mod="BEFORE"``; ``قبل أقل من شهر`` → ``AFTER``.

The package, module by module::

    finder.py    TimeFinder: one pass of the pattern, a resolver per branch, adjacent hits joined
    calendar.py  dates, years, months, nth weekdays, quarters, decades, seasons
    relative.py  offsets, windows, periods, weekdays, اليوم/أمس/غدا, days of this month
    clock.py     times of day, durations, sets
    holidays.py  fixed-day holidays (عيد الفطر, عيد العمال, كريسماس 2014) and the nth weekday after one
    lexicon.py   the loaded lexicons and readers of spoken numbers, ordinals and years
    values.py    TIMEX3 values: durations, shifts by units, the nearest year of a day and month
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from rasd.document import Article, Span
from rasd.enrich.times.finder import TimeFinder

__all__ = ["TimeFinder", "TimeStage", "find_times", "make_stage"]


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


@cache
def _default_finder() -> TimeFinder:
    """Built lazily once; immutable after construction, so sharing it cannot change any output."""
    return TimeFinder()


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
