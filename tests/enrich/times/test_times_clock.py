"""Durations of rasd.enrich.times.clock: a bare singular unit after a length cue (خلال أسبوع)."""

from __future__ import annotations

from datetime import datetime

import pytest

from rasd.enrich.times import find_times

REF = datetime(2018, 5, 1)


def _durations(text: str) -> list[tuple[str, str, str | None]]:
    return [(text[s.start : s.end], s.attrs["value"], s.attrs.get("mod"))
            for s in find_times(text, REF) if s.attrs["type"] == "DURATION"]  # fmt: skip


# (sentence, span, value, TIMEX3 mod)
BARE_UNIT_CASES = [
    ("ارتفع عدد النازحين خلال أسبوع.", "أسبوع", "P1W", None),
    ("للمرة الثالثة في أسبوع، قررت السلطات", "أسبوع", "P1W", None),
    ("سجل الذهب أدنى مستوى في عام.", "عام", "P1Y", None),
    ("وهو الأعلى في أكثر من شهر.", "شهر", "P1M", "MORE_THAN"),
    ("قفز خلال أقل من عام على إعادة انتخابه", "عام", "P1Y", "LESS_THAN"),
    ("دخلت المستشفى لنحو أسبوع، وهي الآن في المنزل", "نحو أسبوع", "P1W", "APPROX"),
    ("تستغرق الرحلة حوالي ساعة، وهناك خطة", "حوالي ساعة", "PT1H", "APPROX"),
    ("طلبت منه المغادرة في مدة أقصاها أسبوع، مبينة", "أسبوع", "P1W", "EQUAL_OR_LESS"),
    ("تقام البطولة على مدار شهر.", "شهر", "P1M", None),
    ("بعد مرور أكثر من عام على المفاوضات", "عام", "P1Y", "MORE_THAN"),
    ('قالت: "أمامي أقل من عام".', "عام", "P1Y", "LESS_THAN"),
    ("وخلال شهر", "شهر", "P1M", None),  # the end of the text is a pause
    ("أسبوع", "أسبوع", "P1W", None),  # the unit alone: one unit
]


@pytest.mark.parametrize(("text", "span", "value", "mod"), BARE_UNIT_CASES)
def test_bare_unit_after_a_length_cue(text: str, span: str, value: str, mod: str | None) -> None:
    assert (span, value, mod) in _durations(text)


@pytest.mark.parametrize(
    "text",
    [
        "سيعرض المسلسل في شهر رمضان",  # a construct: the month of Ramadan
        "سيعرض في شهر #رمضان المقبل",  # a hashtag is no pause
        'عرض في شهر "رمضان"',  # nor a quote opening a name
        "حضر في أسبوع الموضة",
        "في أول أسبوع.",  # the first week, not a length
        "وقدم معلومات دقيقة.",  # دقيقة "precise", no cue before it
        "تحدث بشكل عام.",  # عام "general"
        "ثم قال شهر.",  # no length cue before the unit
        "مر أسبوع على الحادث",  # no cue (the verb is not read)
        "تحدث للمرة الثانية.",  # ثانية is never a bare unit
    ],
)
def test_bare_unit_without_cue_or_pause_is_no_duration(text: str) -> None:
    assert _durations(text) == []
