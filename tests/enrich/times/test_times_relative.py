"""Relative expressions of rasd.enrich.times.relative: the rest of the speaker's period, weekday spellings."""

from __future__ import annotations

from datetime import datetime

import pytest

from rasd.enrich.times import find_times

REF = datetime(2016, 11, 7)  # a Monday


@pytest.mark.parametrize(
    ("text", "span", "value", "end"),
    [
        ("سأرحل بقية أسبوعي", "بقية أسبوعي", "2016-11-07", "2016-11-13"),  # the speaker's week: this one
        ("نعمل باقي شهرنا", "باقي شهرنا", "2016-11-07", "2016-11-30"),
        ("بقية الأسبوع", "بقية الأسبوع", "2016-11-07", "2016-11-13"),
    ],
)
def test_rest_of_a_period(text: str, span: str, value: str, end: str) -> None:
    found = [(text[s.start : s.end], s.attrs["value"], s.attrs.get("end")) for s in find_times(text, REF)]
    assert (span, value, end) in found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("سجلت أسعار النفط، الأربعا، صعودا", "2016-11-02"),  # the hamza dropped: still Wednesday
        ("ثان اربعا في اكتوبر لعام 2014", "2014-10-08"),
    ],
)
def test_wednesday_without_hamza(text: str, value: str) -> None:
    assert value in [s.attrs["value"] for s in find_times(text, REF)]


def test_four_in_the_accusative_is_no_weekday() -> None:
    assert find_times("فاز أربعا", REF) == []
