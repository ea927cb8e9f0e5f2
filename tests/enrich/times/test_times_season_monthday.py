"""A month, a hyphen and a day (``يناير-1``) and a season noun without the article (``سأرحل صيف``):
general rules of rasd.enrich.times.calendar, with negatives (names, Hijri months, lists, runner-up)."""

from __future__ import annotations

from datetime import datetime

import pytest

from rasd.enrich.times import find_times

REF = datetime(2016, 11, 7)


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], str(s.attrs["value"])) for s in find_times(text, REF)]


def test_every_season_is_a_set() -> None:
    (span,) = find_times("يتعاقد النادي مع نجم كبير كل صيف.", REF)
    assert (span.attrs["type"], span.attrs["value"]) == ("SET", "XXXX-SU")


CASES = [
    # <month>-<day>: that day (the nearest past one, news convention)
    ("سأعود إلى يناير-1", [("يناير-1", "2017-01-01")]),  # after a future verb: the next one
    ("تنتهي المهلة في أكتوبر-31، كما قال", [("أكتوبر-31", "2016-10-31")]),
    ("موعد الاجتماع فبراير-15 في جنيف", [("فبراير-15", "2016-02-15")]),
    ("يناير-2017", [("يناير", "2017-01")]),  # a year after the hyphen is no day
    ("نوفمبر-3 أهداف", [("نوفمبر", "2016-11")]),  # a count after the hyphen is no day: the month alone
    # a season noun without the article, as a time
    ("سأرحل صيف", [("صيف", "XXXX-SU")]),
    ("سوف نعود خريف.", [("خريف", "XXXX-FA")]),
    ("وصلوا في شتاء.", [("شتاء", "XXXX-WI")]),
    ("صيف", [("صيف", "XXXX-SU")]),  # alone
    ("سأرحل صيف 2018", [("صيف 2018", "2018-SU")]),
    ("في الربيع", [("الربيع", "XXXX-SP")]),
    ("يسافر إلى أوروبا كل صيف، ويعود", [("كل صيف", "XXXX-SU")]),  # every summer: a SET
    # not a season: a name, a Hijri month, runner-up, a noun before another word
    ("قال ربيع.", []),
    ("التقى الوزير ربيع", []),
    ("سألتقي ربيع.", []),  # ربيع is also a name: after a verb, its object
    ("سأرحل ربيع 2019", [("ربيع 2019", "2019-SP")]),  # before a year it is spring
    ("حل وصيف.", []),
    ("ذهب في صيف حار", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_month_day_and_bare_season(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", ["في ربيع الأول", "ربيع الآخر", "منتصف ربيع الثاني"])
def test_hijri_rabi_is_a_month_not_spring(text: str) -> None:
    assert all(not v.endswith("-SP") for _, v in _found(text))
