"""Time expressions resolved against a publication date (rasd.enrich.times)."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    ("يوم 5 جانفي 2019", "يوم 5 جانفي 2019", "DATE", "2019-01-05"),  # يوم belongs to the span (Wojood)
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
    ("قبل شهرين", "قبل شهرين", "DATE", "2021-05-26"),  # the day, precision month
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
    entries: list[dict[str, str]] = expected["time_expressions"]  # type: ignore[assignment]
    wanted = [(_strip_punct(e["text"]), e.get("value", e.get("duration"))) for e in entries]
    assert sorted(found) == sorted(wanted)


# Newer rules, one row each: (sentence, span text, value, extra attrs that must hold)
RULE_CASES = [
    # ranges: the first value, the last as "end"
    ("سافر من 4 إلى 22 يناير 1995", "من 4 إلى 22 يناير 1995", "1995-01-04", {"end": "1995-01-22"}),
    ("المعرض بين 3 و5 آذار", "بين 3 و5 آذار", "2021-03-03", {"end": "2021-03-05"}),
    ("المهرجان 19-20 تموز", "19-20 تموز", "2021-07-19", {"end": "2021-07-20"}),
    ("من 4 حتى 23 من هذا الشهر", "من 4 حتى 23 من هذا الشهر", "2021-07-04", {"end": "2021-07-23"}),
    ("بين عامي 2014 و2018", "بين عامي 2014 و2018", "2014", {"end": "2018", "precision": "year"}),
    ("حكم البلاد 1981-1989", "1981-1989", "1981", {"end": "1989"}),
    ("من 2 أيار إلى 22 أيار", "من 2 أيار إلى 22 أيار", "2021-05-02", {"end": "2021-05-22"}),
    ("من يناير إلى أغسطس", "من يناير إلى أغسطس", "2021-01", {"end": "2021-08"}),
    # a weekday inside a given week
    ("يوم الجمعة من الأسبوع المقبل", "يوم الجمعة من الأسبوع المقبل", "2021-08-06", {}),
    ("الأسبوع الماضي يوم الأحد", "الأسبوع الماضي يوم الأحد", "2021-07-25", {}),
    ("احد الاسبوع الماضي", "احد الاسبوع الماضي", "2021-07-25", {}),
    # months with a direction, a year word or a modifier
    ("في أيلول الماضي", "أيلول الماضي", "2020-09", {}),
    ("في يونيو المقبل", "يونيو المقبل", "2022-06", {}),
    ("في شهر رمضان المقبل", "شهر رمضان المقبل", "2022-04", {"calendar": "hijri"}),  # Hijri months too
    ("عن عمر 53 عاماً", "53 عاماً", "P53Y", {}),  # the tanwin after the span is kept
    ("يونيو من العام المقبل", "يونيو من العام المقبل", "2022-06", {}),
    ("في يونيو من العام 2015", "يونيو من العام 2015", "2015-06", {}),
    ("منتصف آذار", "منتصف آذار", "2021-03", {"mod": "MID"}),
    ("ندد منتصف كانون الثاني/يناير", "منتصف كانون الثاني/يناير", "2021-01", {"mod": "MID"}),
    ("في أيار/مايو", "أيار/مايو", "2021-05", {}),
    ("منذ يونيو حزيران 2017", "منذ يونيو حزيران 2017", "2017-06", {}),  # منذ kept: a start, not the date
    ("في شهر 3 الماضي", "شهر 3 الماضي", "2021-03", {}),
    # a day of a relative month
    ("في 15 الجاري", "15 الجاري", "2021-07-15", {}),
    ("في الخامس من الشهر المقبل", "الخامس من الشهر المقبل", "2021-08-05", {}),
    # numeric months and two-digit years
    ("صدر في 3/2015", "3/2015", "2015-03", {"precision": "month"}),
    ("صدر في 16/04/21", "16/04/21", "2021-04-16", {}),
    ("صدر في 2016/02/22", "2016/02/22", "2016-02-22", {}),  # year first
    ("نشر في 2021-07-26 مساء", "2021-07-26", "2021-07-26", {}),  # not في 2021 then a count
    # منذ forces the past; الفاتح is the first
    ("منذ الحادي والعشرين من أيلول", "الحادي والعشرين من أيلول", "2020-09-21", {}),
    ("في الفاتح من أيار/مايو", "الفاتح من أيار/مايو", "2021-05-01", {}),
    # colloquial directions
    ("الاسبوع الجاي", "الاسبوع الجاي", "2021-W31", {}),
    ("الشهر الماض", "الشهر الماض", "2021-06", {}),
    # quarters, halves, decades, seasons, weekends
    ("في الربع الثالث من عام 2016", "الربع الثالث من عام 2016", "2016-Q3", {"precision": "quarter"}),
    ("خلال الربع الأخير من العام الماضي", "الربع الأخير من العام الماضي", "2020-Q4", {}),
    ("النصف الأول من العام الجاري", "النصف الأول من العام الجاري", "2021-H1", {"precision": "half"}),
    ("في الربع الثالث من هذا العام", "الربع الثالث من هذا العام", "2021-Q3", {}),
    ("في السبعينيات", "السبعينيات", "1970", {"precision": "decade"}),
    ("ثمانينيات القرن الماضي", "ثمانينيات القرن الماضي", "1980", {"precision": "decade"}),
    ("سبعينيات القرن التاسع عشر", "سبعينيات القرن التاسع عشر", "1870", {}),
    ("هذا الصيف", "هذا الصيف", "2021-SU", {"precision": "season"}),
    ("الربيع المقبل", "الربيع المقبل", "2022-SP", {}),
    ("شتاء 2016", "شتاء 2016", "2016-WI", {}),
    ("عطلة نهاية الأسبوع", "عطلة نهاية الأسبوع", "2021-W30-WE", {}),
    ("نهاية الأسبوع الماضي", "نهاية الأسبوع الماضي", "2021-W29-WE", {}),
    # windows: a duration with the interval it covers
    ("خلال العامين الماضيين", "خلال العامين الماضيين", "P2Y", {"begin": "2019-07-26", "end": "2021-07-26"}),
    ("في الأيام الثلاثة المقبلة", "في الأيام الثلاثة المقبلة", "P3D", {"begin": "2021-07-27", "end": "2021-07-30"}),
    ("خلال الأيام المقبلة", "خلال الأيام المقبلة", "PXD", {"mod": "future"}),  # a window of unstated length
    ("في السنوات الأخيرة", "في السنوات الأخيرة", "PXY", {"mod": "past"}),
    ("الأيام القليلة الماضية", "الأيام القليلة الماضية", "P3D", {"mod": "past", "vague": True}),  # a few = 3 (as بضعة)
    ("لم يعلن حتى الآن", "حتى الآن", "PRESENT_REF", {"mod": "END"}),  # now
    ("يقيم حاليا في باريس", "حاليا", "PRESENT_REF", {}),
    # the nth weekday of a month
    ("أول جمعة من رمضان 1443", "أول جمعة من رمضان 1443", "2022-04-08", {}),  # 1 Ramadan = Sat 2 April
    ("آخر جمعة من رمضان", "آخر جمعة من رمضان", "2021-05-07", {}),  # the nearest Ramadan (1442)
    ("الثلاثاء الثالث من شهر أيلول من عام 2014", "الثلاثاء الثالث من شهر أيلول من عام 2014", "2014-09-16", {}),
    ("آخر اثنين من الشهر المقبل", "آخر اثنين من الشهر المقبل", "2021-08-30", {}),
    ("الأسبوع الأول من أيلول", "الأسبوع الأول من أيلول", "2021-W36", {"precision": "week"}),  # a full week inside
    ("آخر أسبوع في أيلول 2014", "آخر أسبوع في أيلول 2014", "2014-W39", {}),
    ("ثالث يوم ثلاثاء بأيلول بعام 2014", "ثالث يوم ثلاثاء بأيلول بعام 2014", "2014-09-16", {}),
    # the nth or last day of a month; the rest of a period; the week after next
    ("آخر يوم بشهر عشرة سنة 2015", "آخر يوم بشهر عشرة سنة 2015", "2015-10-31", {}),
    ("في اليوم الأخير من شباط 2020", "اليوم الأخير من شباط 2020", "2020-02-29", {}),
    ("ثالث يوم من تشرين الأول 2020", "ثالث يوم من تشرين الأول 2020", "2020-10-03", {}),
    ("بقية الأسبوع", "بقية الأسبوع", "2021-07-26", {"end": "2021-08-01"}),
    ("ما تبقى من العام", "ما تبقى من العام", "2021-07-26", {"end": "2021-12-31"}),
    ("الأسبوع بعد المقبل", "الأسبوع بعد المقبل", "2021-W32", {}),
    # compound offsets and من الآن
    ("اجتماع منذ شهر و21 يوما", "منذ شهر و21 يوما", "2021-06-05", {"offset": "-P1M21D"}),
    ("وقع منذ عامين وثلاثة أشهر", "منذ عامين وثلاثة أشهر", "2019-04-26", {"offset": "-P2Y3M"}),
    ("يعود بعد أسبوعين من الآن", "بعد أسبوعين من الآن", "2021-08-09", {}),
    ("منذ عام ونصف", "منذ عام ونصف", "2020-01-26", {"offset": "-P1.5Y", "precision": "month"}),
    # bare years (not counts or labels), بتاريخ and parentheses
    ("انتخابات 2018 البرلمانية", "2018", "2018", {"precision": "year"}),
    ("وفي 1948، هاجر", "1948", "1948", {}),
    ("صدر بتاريخ (15/1/1959) قرار", "بتاريخ (15/1/1959)", "1959-01-15", {}),
    ("في تموز (1970)", "تموز (1970)", "1970-07", {}),
    # numbered months, fractions of hours, older years
    ("بداية شهر 3", "بداية شهر 3", "2021-03", {"mod": "START"}),
    ("ثلاث ساعات وربع", "ثلاث ساعات وربع", "PT3.25H", {}),
    ("ربع ساعة", "ربع ساعة", "PT0.25H", {}),
    ("نصف قرن", "نصف قرن", "P50Y", {}),
    ("عام 1869", "عام 1869", "1869", {}),
    # parts of the day
    ("منتصف ليل الأحد الاثنين", "ليل الأحد الاثنين", "2021-07-25TNI", {}),
    # years in words, after a month, a date or عام
    ("منذ عام ألفين وأربعة عشر بسبب", "منذ عام ألفين وأربعة عشر", "2014", {}),
    ("في العاشر من سبتمبر ، ألفين.", "العاشر من سبتمبر ، ألفين", "2000-09-10", {}),
    ("ولد في مارس ألف وتسعمائة وثمانية وسبعين", "مارس ألف وتسعمائة وثمانية وسبعين", "1978-03", {}),
    ("من 2 إلى 7 فبراير ، ألفان وثمانية عشر", "من 2 إلى 7 فبراير ، ألفان وثمانية عشر", "2018-02-02", {"end": "2018-02-07"}),
    # a month, then the day as an ordinal (or digits before a year)
    ("الاثنين، يناير الثاني والعشرين، 2018", "الاثنين، يناير الثاني والعشرين، 2018", "2018-01-22", {}),
    ("في سبتمبر10, ألف وتسعمائة وواحد", "سبتمبر10, ألف وتسعمائة وواحد", "1901-09-10", {}),
    # a day number after يوم or a weekday: the nearest such day of a month (with the weekday checked)
    ("عاد يوم 3 إلى بغداد", "يوم 3", "2021-07-03", {}),
    ("ستبدأ المحادثات يوم 27 في جنيف", "يوم 27", "2021-07-27", {}),  # a future cue: the next one
    ("عدت يوم الجمعة 15.", "يوم الجمعة 15", "2021-01-15", {}),
    ("وصل يوم الجمعة في خمسة عشر", "يوم الجمعة في خمسة عشر", "2021-01-15", {}),
    ("من الاثنين 27 إلى الخميس 30 آب/أغسطس", "من الاثنين 27 إلى الخميس 30 آب/أغسطس", "2021-08-27",
     {"end": "2021-08-30"}),
    ("سأعود في واحد وعشرين مايو", "واحد وعشرين مايو", "2021-05-21", {}),  # a day in cardinal words
    ("ذكرى للحادي عشر من سبتمبر", "لحادي عشر من سبتمبر", "2021-09-11", {}),  # ل + الحادي written لل
    # one whole unit, the last N units, a few (بضعة = 3, as Recognizers-Text reads it)
    ("لمدة أسبوع كامل", "أسبوع كامل", "P1W", {}),
    ("استمرت شهرا كاملا", "شهرا كاملا", "P1M", {}),
    ("خلال آخر 24 ساعة", "خلال آخر 24 ساعة", "PT24H", {"mod": "past"}),
    ("في آخر 7 سنوات", "في آخر 7 سنوات", "P7Y", {"begin": "2014-07-26", "end": "2021-07-26"}),
    ("قبل بضعة أيام", "قبل بضعة أيام", "2021-07-23", {}),
    # the calendar decade relative to the reference; a year in words after a preposition, before a pause
    ("خلال العقد المقبل", "العقد المقبل", "2030", {"precision": "decade"}),
    ("في ألف وسبعمائة وتسعة وثمانين.", "ألف وسبعمائة وتسعة وثمانين", "1789", {"precision": "year"}),
]

# Round 3 (issue 5, part 1): one row per rule, worded apart from the Recognizers/Duckling suites.
RULE_CASES += [
    # an offset resolves to the exact day; precision is what the text commits to
    ("غادر البلاد قبل عامين", "قبل عامين", "2019-07-26", {"precision": "year", "offset": "-P2Y"}),
    ("انسحب قبل خمسة أشهر", "قبل خمسة أشهر", "2021-02-26", {"precision": "month", "offset": "-P5M"}),
    ("يعود بعد سنة", "بعد سنة", "2022-07-26", {"precision": "year"}),
    ("اعتقل قبل بضعة أسابيع", "قبل بضعة أسابيع", "2021-07-05", {"precision": "day"}),
    # اليوم التالي/السابق: the day after (before) the last day named, else the reference
    ("اجتمعوا في 12 حزيران، وفي اليوم التالي أعلنوا", "اليوم التالي", "2021-06-13", {"anchor": "2021-06-12"}),
    ("وقع الانفجار الخميس الماضي، وكان في اليوم السابق قد", "اليوم السابق", "2021-07-21", {"anchor": "2021-07-22"}),
    ("وأعلنت النتائج في اليوم الموالي", "اليوم الموالي", "2021-07-27", {"anchor": "REF"}),
    # the nth ISO week of a year
    ("خلال الأسبوع الثاني من عام 2019", "الأسبوع الثاني من عام 2019", "2019-W02", {"precision": "week"}),
    ("في الأسبوع الأخير من العام الماضي", "الأسبوع الأخير من العام الماضي", "2020-W53", {}),
    ("أول أسبوع من العام المقبل", "أول أسبوع من العام المقبل", "2022-W01", {}),
    ("الأسبوع الرابع من عام ألفين وثلاثة", "الأسبوع الرابع من عام ألفين وثلاثة", "2003-W04", {}),
    # a year spoken in two halves after عام/سنة; years in words after a season or a quarter
    ("ولد عام تسعة عشر ستة وخمسين", "عام تسعة عشر ستة وخمسين", "1956", {"precision": "year"}),
    ("في أكتوبر من عام تسعة عشر ثلاثة وسبعين", "أكتوبر من عام تسعة عشر ثلاثة وسبعين", "1973-10", {}),
    ("في خريف عام ألفين وخمسة", "خريف عام ألفين وخمسة", "2005-FA", {}),
    ("الربع الأول من ألفين وتسعة عشر", "الربع الأول من ألفين وتسعة عشر", "2019-Q1", {}),
    # the weekend after next; N units + direction without a preposition
    ("عطلة نهاية الأسبوع بعد المقبل", "عطلة نهاية الأسبوع بعد المقبل", "2021-W32-WE", {}),
    ("تستمر 5 أيام المقبلة", "5 أيام المقبلة", "P5D", {"begin": "2021-07-27", "end": "2021-08-01"}),
    # the day before yesterday / after tomorrow spelt out; Egyptian امبارح
    ("حدث ذلك اليوم اللي قبل امبارح", "اليوم اللي قبل امبارح", "2021-07-24", {}),
    ("نلتقي في اليوم الذي بعد الغد", "اليوم الذي بعد الغد", "2021-07-28", {}),
    ("وصلنا امبارح", "امبارح", "2021-07-25", {}),
    # a weekday and an ordinal without a month: the nth such day of the reference's month
    ("اجتمعوا يوم الاثنين الثاني", "يوم الاثنين الثاني", "2021-07-12", {}),
    ("تبدأ الخميس الأول", "الخميس الأول", "2021-07-01", {}),
    # a month, then its full date in parentheses: one date; month/day/year only when unambiguous
    ("نشرت في حزيران (21/6/1950) مقالا", "حزيران (21/6/1950)", "1950-06-21", {}),
    ("وثيقة مؤرخة 11/29/1947 تذكر", "11/29/1947", "1947-11-29", {}),
    # a unit word before a year names the year: no duration (رقم 7 سنة (1930))
    ("القانون رقم 7 سنة (1930)", "سنة (1930)", "1930", {"precision": "year"}),
    ("هاجروا قبل (1967)", "1967", "1967", {}),
    # a range of weekdays: the second is the first such day after the first; inside a stated week
    ("تعقد الجلسات الأسبوع المقبل بين الاثنين والأربعاء", "الأسبوع المقبل بين الاثنين والأربعاء", "2021-08-02",
     {"end": "2021-08-04"}),
    ("أغلقت المدارس من الخميس إلى الأحد", "من الخميس إلى الأحد", "2021-07-22", {"end": "2021-07-25"}),
    # a weekday, then the date it falls on; a relative year, then the year itself
    ("عقدت الجلسة يوم الأربعاء الموافق 14 نيسان 2010", "يوم الأربعاء الموافق 14 نيسان 2010", "2010-04-14",
     {"weekday": "XXXX-WXX-3"}),
    ("نأمل في العام المقبل 2025 أن", "العام المقبل 2025", "2025", {"precision": "year"}),
    ("وصل للعام 2012 بخسائر", "لعام 2012", "2012", {}),  # ل + العام written للعام
    # ranges: وحتى/وإلى as the connector; the first date borrows the year said with the last
    ("في الفترة من 3 وحتى 9 أيار 2017", "من 3 وحتى 9 أيار 2017", "2017-05-03", {"end": "2017-05-09"}),
    ("بين 10 شباط و20 حزيران 2018", "بين 10 شباط و20 حزيران 2018", "2018-02-10", {"end": "2018-06-20"}),
    ("من 28 كانون الأول إلى 3 كانون الثاني 2016", "من 28 كانون الأول إلى 3 كانون الثاني 2016", "2015-12-28",
     {"end": "2016-01-03"}),
    ("بنيت عام (1887)", "عام (1887)", "1887", {}),  # an older year in parentheses after عام
    ("ينعقد من 12 تشرين الأول وحتى 16 من الشهر نفسه", "من 12 تشرين الأول وحتى 16 من الشهر", "2021-10-12",
     {"end": "2021-10-16"}),  # من الشهر: the month just named, not the reference's
    ("استوطنها البشر قبل 9000 عام", "قبل 9000 عام", "-6979", {"precision": "year"}),  # no calendar day
    # a part of the current month, year or week; of a year said
    ("يصدر التقرير في منتصف الشهر", "منتصف الشهر", "2021-07", {"mod": "MID"}),
    ("تنتهي المهلة قبل نهاية العام،", "نهاية العام", "2021", {"mod": "END", "precision": "year"}),
    ("زار الوفد المنطقة مطلع الأسبوع", "مطلع الأسبوع", "2021-W30", {"mod": "START"}),
    ("أعلن ذلك أواخر عام 2016", "أواخر عام 2016", "2016", {"mod": "END"}),
    # the week/month/year before last; yesterday named twice
    ("تراجعت الصادرات العام قبل الماضي", "العام قبل الماضي", "2019", {"precision": "year"}),
    ("وقع الحادث الأسبوع قبل الماضي", "الأسبوع قبل الماضي", "2021-W28", {}),
    ("أعلنت الوزارة أمس الأحد", "أمس الأحد", "2021-07-25", {"weekday": "XXXX-WXX-7"}),
    # نصف شهر + a month name: the middle of that month (not half a month)
    ("في نصف شهر نيسان", "نصف شهر نيسان", "2021-04", {"mod": "MID"}),
    # a season of no stated year (TIMEX3 XXXX-SU), with its part of the season
    ("تغلق المدارس أبوابها في الصيف عادة", "الصيف", "XXXX-SU", {"precision": "season"}),
    ("تتساقط الثلوج بغزارة في فصل الشتاء،", "الشتاء", "XXXX-WI", {"precision": "season"}),
    ("تعود الطيور المهاجرة أواخر الخريف", "أواخر الخريف", "XXXX-FA", {"mod": "END"}),
    ("تبدأ الحملة منتصف الربيع المقبل", "منتصف الربيع المقبل", "2022-SP", {"mod": "MID"}),
    # early years after a year word: Hijri converted, before Christ as TIMEX3 BC, hundreds in words
    ("توفي الشاعر سنة 354 هـ في بغداد", "سنة 354 هـ", "0965", {"calendar": "hijri", "hijri": "354"}),
    ("وضع المعجم المتوفى سنة 1100هـ، وفيه", "سنة 1100هـ", "1688", {"calendar": "hijri"}),
    ("بني الحصن عام 820 للميلاد", "عام 820 للميلاد", "0820", {"precision": "year"}),
    ("شيد المعبد عام 1250 قبل الميلاد", "عام 1250 قبل الميلاد", "BC1250", {"precision": "year"}),
    ("تأسست المدينة عام خمسمائة وأربعين تقريبا", "عام خمسمائة وأربعين", "0540", {"precision": "year"}),
    # an indefinite accusative week or month is one unit
    ("ظل الجريح في العناية المركزة أسبوعا قبل", "أسبوعا", "P1W", {"precision": "duration"}),
    ("تأخر صرف الرواتب شهرا كما قالت النقابة", "شهرا", "P1M", {"precision": "duration"}),
    # a number with the article before the unit: a window back or on from the reference
    ("تضاعف الدين خلال الخمسة عشر عاما الماضية", "خلال الخمسة عشر عاما الماضية", "P15Y",
     {"begin": "2006-07-26", "end": "2021-07-26"}),
    ("يتوقع البنك نموا في الأربعة أشهر المقبلة", "في الأربعة أشهر المقبلة", "P4M", {"mod": "future"}),
    # a qualified offset: the day it names, with the TIMEX3 mod of its qualifier
    ("أغلق المعبر منذ أكثر من 14 شهرا", "منذ أكثر من 14 شهرا", "2020-05-26", {"mod": "BEFORE", "offset": "-P14M"}),
    ("سافر قبل أقل من أسبوعين", "قبل أقل من أسبوعين", "2021-07-12", {"mod": "AFTER"}),
    ("تنطلق الدورة بعد أقل من شهر", "بعد أقل من شهر", "2021-08-26", {"mod": "BEFORE"}),
    ("يقيم هناك منذ ما يزيد على خمس سنوات", "منذ ما يزيد على خمس سنوات", "2016-07-26", {"mod": "BEFORE"}),
    ("بنيت قبل ما يقارب ثلاثة قرون", "قبل ما يقارب ثلاثة قرون", "1721-07-26", {"mod": "APPROX"}),
    # a part of a decade
    ("هاجر إلى كندا أواخر الستينيات", "أواخر الستينيات", "1960", {"mod": "END", "precision": "decade"}),
    # several units (count not stated); a few = 3, as بضعة reads
    ("أغلقت المدارس لعدة أسابيع", "عدة أسابيع", "PXW", {"precision": "duration"}),
    ("بدأت المفاوضات منذ عدة أشهر", "منذ عدة أشهر", "PAST_REF", {"anchor": "REF"}),
    ("ارتفعت الأسعار خلال الأسابيع القليلة الماضية", "خلال الأسابيع القليلة الماضية", "P3W",
     {"begin": "2021-07-05", "end": "2021-07-26", "vague": True}),
]


@pytest.mark.parametrize(("text", "span", "value", "attrs"), RULE_CASES)
def test_time_rules(text: str, span: str, value: str, attrs: dict[str, str]) -> None:
    found = {text[s.start : s.end]: s.attrs for s in find_times(text, REF)}
    assert span in found, found
    assert found[span]["value"] == value
    assert {k: found[span].get(k) for k in attrs} == attrs


@pytest.mark.parametrize(
    "text",
    [
        "ونحو واحد من كل اثنين",  # one in two, not every Monday
        "لامس اليورو 1.13",  # لامس "touched", not ل + أمس
        "في اليوم السابق للهجوم",  # relative to the event
        "في اليوم التالي لوصوله",
        "قتل تسعة عشر خمسة منهم أطفال",  # two counts, not a spoken year (no عام/سنة)
        "الربيع العربي",  # a season word without a year or direction
        "الأسبوع الأول من الشهر",  # a week, not the first day
        "أحد الأسبوعين",
        "وجاء خطاب ماي الثالث المهم",  # ماي the name, not May
        "نظموا مسيرة في ذكرى الربيع الأمازيغي",  # a named event: an adjective after the season
        'ونال فيلم "الخريف" جائزة',  # a title in quotes
        "وقال أبو الربيع إن الوفد",  # a name
        "كتب عن ربيع العمر وخريف العمر",
    ],
)
def test_no_time_expression_in_newer_rules(text: str) -> None:
    assert [s for s in find_times(text, REF) if s.attrs.get("precision") in {"day", "season", "week"}] == []


@pytest.mark.parametrize(
    "text",
    [
        "لم يزر المدينة يوما",  # يوما "ever"
        "عين مديرا عاما للشركة",  # عاما "general"
        "ويرتفع السعر شهرا بعد شهر",
        'عرض الفيلم في قسم "أسبوعا المخرجين"',  # a dual in a construct
        "أمضى الخمس سنوات الأخيرة من حياته في المنفى",  # the last years of something else
        "تراجع خلال الربع قرن الماضي",  # a quarter century is no count of centuries
    ],
)
def test_no_span_or_window_for_these(text: str) -> None:
    found = find_times(text, REF)
    assert [s.attrs["value"] for s in found if s.attrs["type"] == "DURATION"] == []


@pytest.mark.parametrize(
    "text",
    [
        "اجتمعوا الخميس، الاثنين",  # two weekdays, not one date
        "تحدث الإثنين قبل يوم واحد",  # a weekday and an offset
        "انتهى في 30 أيلول حتى 4 تشرين الثاني",  # neither says its year: no year is borrowed, no range
        "قال أمس الخميس",  # أمس is Sunday here: the text contradicts itself, both kept
    ],
)
def test_adjacent_dates_not_joined(text: str) -> None:
    assert len(find_times(text, REF)) == 2


@pytest.mark.parametrize("text", ["حتى نهاية العام الدراسي", "في منتصف الشهر 3 من الحملة"])
def test_part_of_a_named_period_is_not_the_current_one(text: str) -> None:
    assert [s.attrs.get("mod") for s in find_times(text, REF)] == []


def test_numbered_friday_is_no_nth_friday() -> None:
    # الجمعة الثانية: the second Friday of protests, not the second Friday of the month (2021-07-09)
    assert "2021-07-09" not in [s.attrs["value"] for s in find_times("خرجوا في الجمعة الثانية", REF)]


@pytest.mark.parametrize(
    ("text", "outside"),
    [
        ("قتل يوم الجمعة 15 شخصا", "15"),  # a count after the weekday (the weekday alone is a date)
        ("على الجمعة السابعة", "السابعة"),  # the seventh Friday (of protests), not a day of a month
        ("الإثنين، 5% من وحدة الحفر", "5"),  # a percentage
        ("في 5 مايو ألف شخص", "ألف"),  # a count after a date, not a year in words
        ("في ألفين وخمسمائة موقع", "ألفين"),  # a count, not a year in words
        ("في أول أربعة أشهر من العام", "أول"),  # the first months of a year, not a window back
    ],
)
def test_day_number_or_word_year_left_out(text: str, outside: str) -> None:
    assert [text[s.start : s.end] for s in find_times(text, REF) if outside in text[s.start : s.end]] == []


@pytest.mark.parametrize(
    "text",
    [
        "قتل 2014 شخصا",  # a count
        "نحو 2000 مقاتل",  # a qualified count
        "أكثر من 2000",
        "ارتفع 2000 في المئة",
        "بلغ 2000 دولار",
        "القرار 1973 الصادر عن مجلس الأمن",  # a label
        "سقط في ذلك العام 700 قتيل",  # عام then a count: no early year
        "أحصى التقرير عام ثلاثمائة شخص",
    ],
)
def test_bare_number_that_is_no_year(text: str) -> None:
    assert [s.attrs["value"] for s in find_times(text, REF) if s.attrs.get("precision") == "year"] == []




# prefer="future" (Duckling's convention) against the news default
@pytest.mark.parametrize(
    ("text", "past", "future"),
    [
        ("الخميس", "2021-07-22", "2021-07-29"),
        ("الاثنين", "2021-07-26", "2021-08-02"),  # on the reference's own weekday: next week
        ("15 تشرين الثاني", "2020-11-15", "2021-11-15"),
        ("3 تموز", "2021-07-03", "2021-07-03"),  # the current month stays
    ],
)
def test_prefer_future(text: str, past: str, future: str) -> None:
    assert [s.attrs["value"] for s in find_times(text, REF)] == [past]
    assert [s.attrs["value"] for s in find_times(text, REF, prefer="future")] == [future]


def test_prefer_rejects_other_values() -> None:
    with pytest.raises(ValueError):
        find_times("أمس", REF, prefer="soon")


# Compound durations and times of day: (sentence, span text, value)
CLOCK_AND_DURATION_CASES = [
    ("لمدة عام واحد وشهر و21 يوما", "عام واحد وشهر و21 يوما", "DURATION", "P1Y1M21D"),
    ("سجن سنة وثلاثة أشهر", "سنة وثلاثة أشهر", "DURATION", "P1Y3M"),
    ("خمس سنوات وشهرين", "خمس سنوات وشهرين", "DURATION", "P5Y2M"),
    ("استمر ثلاثة أيام وليال", "ثلاثة أيام", "DURATION", "P3D"),  # a bare plural does not join
    ("استغرق البناء نصف شهر", "نصف شهر", "DURATION", "P0.5M"),  # half a month without a month name
    ("في الثامنة مساء", "الثامنة مساء", "TIME", "T20:00"),  # an ordinal hour with a part of the day
    ("السابعة والنصف صباحا", "السابعة والنصف صباحا", "TIME", "T07:30"),
    ("الثامنة والربع", "الثامنة والربع", "TIME", "T08:15"),  # …or with minutes
    ("وصل في 7 صباحا", "7 صباحا", "TIME", "T07:00"),  # a digit hour with a part of the day
    ("الحادية عشرة ليلا", "الحادية عشرة ليلا", "TIME", "T23:00"),
    ("في 7:56:30 مساء", "7:56:30 مساء", "TIME", "T19:56:30"),  # seconds kept
    ("بعد منتصف الليل", "منتصف الليل", "TIME", "T00:00"),
    ("بعد الظهر الساعة 7", "بعد الظهر الساعة 7", "TIME", "T19:00"),
    ("الساعة 3 العصر", "الساعة 3 العصر", "TIME", "T15:00"),  # parts of the day with the article
    ("الساعة 11:45 قبل الظهر", "الساعة 11:45 قبل الظهر", "TIME", "T11:45"),
    ("الساعة 8 بعد المغرب", "الساعة 8 بعد المغرب", "TIME", "T20:00"),
    ("الساعة ثلاثة وثمانية عشرة دقيقة صباحا", "الساعة ثلاثة وثمانية عشرة دقيقة صباحا", "TIME", "T03:18"),
    ("الساعة إحدى عشرة ليلا", "الساعة إحدى عشرة ليلا", "TIME", "T23:00"),  # cardinal hours
    ("الساعة الحادية عشرة وخمس وأربعون دقيقة", "الساعة الحادية عشرة وخمس وأربعون دقيقة", "TIME", "T11:45"),
    ("الساعة الثانية عشرة إلا ربعا", "الساعة الثانية عشرة إلا ربعا", "TIME", "T11:45"),
]


@pytest.mark.parametrize(("text", "span", "typ", "value"), CLOCK_AND_DURATION_CASES)
def test_clock_and_compound_durations(text: str, span: str, typ: str, value: str) -> None:
    found = [(text[s.start : s.end], s.attrs["type"], s.attrs["value"]) for s in find_times(text, REF)]
    assert (span, typ, value) in found


@pytest.mark.parametrize(
    "text",
    [
        "قتل 7 مساء الجمعة",  # 7 killed on Friday evening: مساء belongs to the day
        "في المرة الثانية",  # an ordinal alone is no hour
        "في النصف الأول من المباراة",  # a half of a match, not of the year
        "من النصف الثاني للقرن السابع عشر",
        "في الأربعينيات من عمره",  # an age, not a decade
    ],
)
def test_no_clock_or_period(text: str) -> None:
    assert [s.attrs["value"] for s in find_times(text, REF) if s.attrs["value"][:1] == "T" or "-H" in s.attrs["value"]
            or s.attrs.get("precision") == "decade"] == []  # fmt: skip


_TRICKY_WORDS = ["من", "4", "إلى", "22", "بين", "و", "-", "الربع", "النصف", "الأخير", "الثالث", "أول", "آخر", "جمعة", "يوم", "اليوم", "رمضان", "شباط", "شهر", "3", "عام", "2014", "2018", "السبعينيات", "القرن", "الماضي", "الصيف", "المقبل", "نهاية", "الأسبوع", "عطلة", "الساعة", "الثامنة", "مساء", "7", "صباحا", "منتصف", "الليل", "منذ", "قبل", "بعد", "شهرين", "و21", "يوما", "من", "الآن", "15", "الجاري", "بتاريخ", "(15/1/1959)", "16/04/21", "3/2015", "بقية", "العام", "كل", "اثنين", "الأحد", "الاثنين"]


@given(st.lists(st.sampled_from(_TRICKY_WORDS), max_size=12), st.sampled_from([None, REF, datetime(2020, 2, 29)]))
@settings(max_examples=300, deadline=None)
def test_any_word_salad_resolves_without_error(words: list[str], reference: datetime | None) -> None:
    text = " ".join(words)
    for prefer in ("past", "future"):
        for span in find_times(text, reference, prefer=prefer):
            assert 0 <= span.start < span.end <= len(text)
            assert isinstance(span.attrs["value"], str)
