"""Time expressions resolved against a publication date (rasd.enrich.times)."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from rasd.document import Article
from rasd.enrich.times import find_times, make_stage

REF = datetime(2021, 7, 26, 12, 36)  # a Monday

# (sentence, expected span text, type, value)
CASES = [
    ("أعلن التحالف، الاثنين، التزامه", "الاثنين", "DATE", "2021-07-26"),
    ("قال في بيان (26 تموز 2021) إن", "26 تموز 2021", "DATE", "2021-07-26"),
    ("وقع الهجوم في 3 كانون 2 2020", "3 كانون 2 2020", "DATE", "2020-01-03"),
    ("في 15 تشرين 1 الماضي", "15 تشرين 1", "DATE", "2020-10-15"),
    ("في 1 كانون الأول/ديسمبر 2020", "1 كانون الأول/ديسمبر 2020", "DATE", "2020-12-01"),
    ("يوم 5 جانفي 2019", "5 جانفي 2019", "DATE", "2019-01-05"),
    ("في فيفري 2018", "فيفري 2018", "DATE", "2018-02"),
    ("في ١٢ يوليو ٢٠٢١", "١٢ يوليو ٢٠٢١", "DATE", "2021-07-12"),
    ("الأول من تموز", "الأول من تموز", "DATE", "2021-07-01"),
    ("نشر في 26/07/2021", "26/07/2021", "DATE", "2021-07-26"),
    ("في 15 رمضان 1443 هـ", "15 رمضان 1443 هـ", "DATE", "2022-04-16"),
    ("عام 1443 هـ", "عام 1443 هـ", "DATE", "2021"),
    ("منذ عام 2014 قمنا", "منذ عام 2014", "DATE", "2014"),
    ("منذ 2003", "منذ 2003", "DATE", "2003"),
    ("وانطلقت الاسبوع الماضي", "الاسبوع الماضي", "DATE", "2021-W29"),
    ("الأسبوع المقبل", "الأسبوع المقبل", "DATE", "2021-W31"),
    ("الشهر الماضي", "الشهر الماضي", "DATE", "2021-06"),
    ("مطلع العام المقبل", "مطلع العام المقبل", "DATE", "2022"),
    ("ويستقبل اليوم الاثنين", "اليوم الاثنين", "DATE", "2021-07-26"),
    ("وصل أمس", "أمس", "DATE", "2021-07-25"),
    ("وبالأمس قال", "الأمس", "DATE", "2021-07-25"),
    ("أول أمس", "أول أمس", "DATE", "2021-07-24"),
    ("يصل غدا", "غدا", "DATE", "2021-07-27"),
    ("بعد غد", "بعد غد", "DATE", "2021-07-28"),
    ("وقع منذ أسبوع في سوق", "منذ أسبوع", "DATE", "2021-07-19"),
    ("قبل ثلاثة أيام", "قبل ثلاثة أيام", "DATE", "2021-07-23"),
    ("قبل شهرين", "قبل شهرين", "DATE", "2021-05"),
    ("خلال الساعات الـ24 الماضية", "خلال الساعات الـ24 الماضية", "DURATION", "PT24H"),
    ("قبل ثلاثة أشهر من انتخابات", "ثلاثة أشهر", "DURATION", "P3M"),
    ("استمر عامين", "عامين", "DURATION", "P2Y"),
    ("لمدة ساعة ونصف", "ساعة ونصف", "DURATION", "PT1.5H"),
    ("الساعة العاشرة صباحا", "الساعة العاشرة صباحا", "TIME", "T10:00"),
    ("في 10:30 مساء", "10:30 مساء", "TIME", "T22:30"),
    ("الساعة العاشرة من مساء أمس", "الساعة العاشرة من مساء أمس", "TIME", "2021-07-25T22:00"),
    ("مساء أمس", "مساء أمس", "TIME", "2021-07-25TEV"),
    ("يوم الخميس الماضي", "يوم الخميس الماضي", "DATE", "2021-07-22"),
    ("قتل الخميس", "الخميس", "DATE", "2021-07-22"),
    ("سيلتقي الرئيس يوم الخميس", "يوم الخميس", "DATE", "2021-07-29"),
    ("الاثنين الماضي", "الاثنين الماضي", "DATE", "2021-07-19"),
    ("كل يوم اثنين", "كل يوم اثنين", "SET", "XXXX-WXX-1"),
    ("يجتمع أسبوعيا", "أسبوعيا", "SET", "P1W"),
]


@pytest.mark.parametrize(("text", "span", "typ", "value"), CASES)
def test_find_times(text: str, span: str, typ: str, value: str) -> None:
    found = [(text[s.start : s.end], s.attrs["type"], s.attrs["value"]) for s in find_times(text, REF)]
    assert (span, typ, value) in found


@pytest.mark.parametrize(
    "text",
    [
        "في لقائه الأول مع رئيس الحكومة",  # الأول is an ordinal, not a date
        "نظيره العراقي فؤاد حسين",  # حسين is a name
        "قتل 2014 شخصا",  # a count, not a year
        "في اليوم التالي للهجوم",  # relative to the event, not to the publication
        "مارس الضغط على الحكومة",  # مارس "exerted", not March
        "الجولة الأخيرة من الحوار",
        "عقد اجتماعا",  # عقد "held", not a decade
    ],
)
def test_no_time_expression(text: str) -> None:
    assert find_times(text, REF) == []


def test_unresolved_without_reference() -> None:
    (span,) = find_times("وصل أمس", None)
    assert span.attrs["value"] == "XXXX-XX-XX"
    assert span.attrs["offset"] == "-P1D"
    (week,) = find_times("الأسبوع الماضي", None)
    assert week.attrs["value"] == "XXXX-WXX"


def test_offsets_index_original_text() -> None:
    text = "وأضاف، «منذ عامِ ٢٠١٤» قمنا"
    (span,) = find_times(text, REF)
    assert text[span.start : span.end] == "منذ عامِ ٢٠١٤"
    assert span.attrs["value"] == "2014"


def test_stage_uses_publication_date() -> None:
    article = Article.build("عنوان", ["وصل الوفد أمس إلى بغداد"], published=REF)
    out = make_stage()(article)
    (span,) = out.times
    assert out.text[span.start : span.end] == "أمس"
    assert span.attrs["value"] == "2021-07-25"
    assert make_stage().assigns == ("times",)


def _body_of_seed(seed_dir: Path) -> tuple[str, dict[str, object]]:
    expected = json.loads((seed_dir / "000_bdb0ef1f55d75d44.expected.json").read_text(encoding="utf-8"))
    raw = (seed_dir / "000_bdb0ef1f55d75d44.txt").read_text(encoding="utf-8")
    page = expected["page"]
    start = raw.index(page["body_first_paragraph_starts"])
    last = raw.index(page["body_last_paragraph_starts"])
    end = raw.index("\n", last) if "\n" in raw[last:] else len(raw)
    return raw[start:end], expected


def _strip_punct(text: str) -> str:
    return re.sub(r"^[\s،,.:()«»\"]+|[\s،,.:()«»\"]+$", "", text)


def test_seed_time_expressions(seed_dir: Path) -> None:
    body, expected = _body_of_seed(seed_dir)
    published = datetime.fromisoformat(str(expected["page"]["published_local"]))  # type: ignore[index]
    found = [(body[s.start : s.end], s.attrs["value"]) for s in find_times(body, published)]
    wanted = [(_strip_punct(e["text"]), e.get("value", e.get("duration"))) for e in expected["time_expressions"]]  # type: ignore[union-attr]
    assert sorted(found) == sorted(wanted)
