"""An event's date: the governing DATE/TIME of its sentence, else the publish date; background events."""

from __future__ import annotations

from datetime import date
from typing import Any

from rasd.document import Span
from rasd.enrich.events.casualties import CasualtyRules
from rasd.enrich.events.context import Candidate, Event
from rasd.enrich.events.lexicon import (
    CLAUSE_WORDS,
    DATE_RE,
    MAX_EVENT_AGE_DAYS,
    PUNCT,
    REFERENCE_WORDS,
    REPORTED_OPENERS,
)
from rasd.enrich.lexmatch import fold_ar


def period_bounds(value: str) -> tuple[date, date] | None:
    """First and last day of a DATE value's period (``2016`` → 2016-01-01 … 2016-12-31, ``2018-03`` →
    2018-03-01 … 2018-03-28, near enough; a week ``2018-W10`` → its Monday … Sunday); None when unreadable."""
    try:
        if len(value) >= 10:
            day = date.fromisoformat(value[:10])
            return day, day
        if len(value) == 8 and value[5] == "W":
            year, week = int(value[:4]), int(value[6:8])
            return date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7)
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            return date(year, month, 1), date(year, month, 28)
        year = int(value[:4])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def period_end(value: str) -> date | None:
    """Last day of a DATE value's period: ``2016`` → 2016-12-31, ``2018-03`` → 2018-03-28 (near enough)."""
    bounds = period_bounds(value)
    return bounds[1] if bounds else None


def period_start(value: str) -> date:
    """First day of a DATE value's period: ``2018-09`` → 2018-09-01; an unreadable value → ``date.min``."""
    bounds = period_bounds(value)
    return bounds[0] if bounds else date.min


class DateRules(CasualtyRules):
    """Dates from the times layer."""

    def is_background(self, event: Event) -> bool:
        """A governing date whose period ended more than a year before publication; or an earlier event
        the sentence refers to (``عزله الجيش في يوليو 2013 إثر احتجاجات حاشدة``) when the sentence's
        own date is that old already."""
        published = self.article.published
        if published is None:
            return False
        if event.attrs.get("date_precision") == "publication":
            if not event.attrs.get("reference"):
                return False  # (a date in a relative clause is not the event's: الذي تتهمه بانقلاب قبل عامين)
            dates = [d for d in (self._date_of(t) for t in self.spans_in(self.times, event.sentence)) if d]
            return any(self._too_old(d[0], published.date()) for d in dates)
        value = event.attrs.get("date")
        return bool(value) and self._too_old(str(value), published.date())

    def is_planned(self, event: Event, c: Candidate) -> bool:
        """A meeting, visit or agreement named by a noun or a present verb whose governing date starts after
        the publication day (``قمة … في أيلول المقبل``، ``يلتقي الرئيسان الأسبوع المقبل``): arranged, not
        held yet.  A past verb happened whatever date is near (``وزار كيم بكين للتنسيق قبيل قمة قد تنعقد
        في مايو القادم``), and an offset from another event dates nothing (``زار غانا بعد ستة أشهر من
        توليه منصبه``), nor does a date in what was said at it (``أعلن أنه سيتم في 2019``)."""
        published = self.article.published
        value = event.attrs.get("date")
        if published is None or not value or event.attrs.get("date_precision") in (None, "publication"):
            return False
        if c.pos == "verb" and c.form[:1] not in "يتن":
            return False
        evidence = fold_ar(str(event.attrs.get("date_evidence") or ""))
        if evidence.startswith("بعد"):
            return False
        s = self.sentences[event.sentence]
        at = self.folded.find(evidence, c.end, s.end) if evidence else -1
        if at >= 0 and any(w.strip(PUNCT) in REPORTED_OPENERS for w in self.folded[c.end : at].split()):
            return False  # خلال لقاء …، أعلن أنه سيتم في 2019: the date of what was said, not of the meeting
        return period_start(str(value)) > published.date()

    @staticmethod
    def _too_old(value: str, published: date) -> bool:
        last = period_end(value)
        return last is not None and (published - last).days > MAX_EVENT_AGE_DAYS

    # -- date ------------------------------------------------------------------------------
    def _date_of(self, t: Span) -> tuple[str, str] | None:
        if t.attrs.get("type") not in ("DATE", "TIME"):
            return None
        if self.folded.startswith("منذ", t.start) and t.attrs.get("precision") in ("year", "month"):
            return None  # منذ العام 2011: the start of a period, not the event's date
        m = DATE_RE.match(str(t.attrs.get("value", "")))
        if not m:
            return None
        year, mid, day = m.groups()
        if day:
            return f"{year}-{mid}-{day}", "day"
        if mid and mid.startswith("W"):
            return f"{year}-{mid}", "week"
        if mid:
            return f"{year}-{mid}", "month"
        return year, "year"

    def _has_incident_word(self, start: int, end: int) -> bool:
        words = self.folded[start:end].split()
        return len(words) <= 6 and any(
            w.strip(PUNCT) in self.lex.incident or w.strip(PUNCT)[1:] in self.lex.incident for w in words)

    def is_reference(self, c: Candidate) -> bool:
        """``ردا على هجوم``، ``بعد الهجوم``، ``إثر انفجار``: the trigger names an earlier event."""
        before = self.folded[max(self.sentences[c.sentence].start, c.start - 20) : c.start].split()[-2:]
        return any(w.strip(PUNCT) in REFERENCE_WORDS for w in before)

    def _in_other_clause(self, c: Candidate, t: Span) -> bool:
        """A relative pronoun or a subordinator between the trigger and a later time expression puts the
        time in another clause (``الذي``، ``التي``، ``بعدما``) — unless an incident word of the trigger's
        own clause (وقع، شهدته) stands between them."""
        if t.start < c.end:
            return False  # خرج الآلاف الخميس … حيث سيطر الجيش على البلدة: the main clause's day dates it too
        words = [w.strip(PUNCT) for w in self.folded[c.end : t.start].split()]
        return any(w in CLAUSE_WORDS for w in words) and not self._has_incident_word(c.end, t.start)

    def _date_attrs(self, c: Candidate, i: int) -> dict[str, Any]:
        found = self._governing_date(c, i, strict=True) or self._governing_date(c, i, strict=False)
        if found is not None:
            t, d = found
            return {"date": d[0], "date_precision": d[1], "date_evidence": self.text[t.start : t.end]}
        published = self.article.published
        return {"date": published.date().isoformat() if published else None,
                "date_precision": "publication" if published else None, "date_evidence": None}

    def _recent_day(self, d: tuple[str, str]) -> bool:
        """A day within the week before publication (``الأحد``، ``أمس``)."""
        published = self.article.published
        if published is None or d[1] != "day":
            return False
        try:
            return 0 <= (published.date() - date.fromisoformat(d[0])).days <= 7
        except ValueError:
            return False

    def _governing_date(self, c: Candidate, i: int, *, strict: bool) -> tuple[Span, tuple[str, str]] | None:
        """The DATE/TIME of sentence ``i`` nearest to the trigger.  ``strict``: none inside another clause;
        else (when strict found none) a recent day after a relative clause dates the main verb too
        (``تظاهر آلاف الأشخاص الذين يعارضون الاستقلال الأحد في شوارع برشلونة``)."""
        best: tuple[int, Span, tuple[str, str]] | None = None
        reference = self.is_reference(c)
        for t in self.spans_in(self.times, i):
            d = self._date_of(t)
            if d is None or (reference and t.start < c.start):
                continue  # the main clause's date is not the date of the event it reacts to
            if self._in_other_clause(c, t) and (strict or not self._recent_day(d)):
                continue  # أنصار غولن، الذي تتهمه أنقرة بتدبير محاولة انقلاب قبل عامين: the relative clause's date
            dist = t.start - c.end if t.start >= c.end else c.start - t.end
            if t.start >= c.end and self._has_incident_word(c.end, t.start):
                dist = 0  # هجوم … وقع قبل عشرة أيام: the event's own clause dates it
            if best is None or dist < best[0]:
                best = (dist, t, d)
        return (best[1], best[2]) if best is not None else None
