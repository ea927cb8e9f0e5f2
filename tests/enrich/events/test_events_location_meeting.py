"""Table tests for the event's one place (``location``, ``location_source``) and for meetings not held.

Articles are written for these tests (general news usage, not copies of evaluated articles).  Marks: entities
``text -> (label, canonical)``, times ``text -> (type, value)``; publication is 2022-03-10.
"""

from __future__ import annotations

from typing import Any

import pytest

LOC, ORG, PER = "LOC", "ORG", "PER"
DAY = {"أمس": ("DATE", "2022-03-09")}
KEYS = ("location", "location_source", "locations", "location_from_context")

PLACES = [
    pytest.param(["وقال مسؤول في بغداد إن انفجارا وقع في سوق الموصل وأسفر عن 3 قتلى أمس."], "",
                 {"بغداد": (LOC, "بغداد"), "الموصل": (LOC, "الموصل")}, ("الموصل", "sentence"),
                 id="the-speakers-place-is-not-the-events"),
    pytest.param(["قتل 3 أشخاص في انفجار في قرية الحمراء في سوريا أمس."], "",
                 {"الحمراء": (LOC, "الحمراء"), "سوريا": (LOC, "سوريا")}, ("الحمراء", "sentence"),
                 id="a-village-before-its-country"),
    pytest.param(["وقتل 3 أشخاص أمس في انفجار استهدف منزلا قرب مدينة حماة، بحسب مصادر في دمشق."], "",
                 {"حماة": (LOC, "حماة"), "دمشق": (LOC, "دمشق")}, ("حماة", "sentence"),
                 id="a-source-place-comes-last"),
    pytest.param(["تظاهر آلاف الأشخاص في بلدة الزهراء احتجاجا على الغلاء أمس."], "",
                 {"الزهراء": (ORG, "حركة الزهراء")}, ("الزهراء", "sentence"), id="a-place-noun-names-an-org-mention"),
    pytest.param(["تظاهر آلاف الأشخاص في برشلونة أمس."], "", {"برشلونة": (ORG, "نادي برشلونة")},
                 ("برشلونة", "sentence"), id="a-known-city-after-fi-is-a-place-not-the-club"),
    pytest.param(["وتمكنت القوات من السيطرة على قرية العين شرق حلب أمس."], "",
                 {"العين": (LOC, "العين"), "حلب": (LOC, "حلب")}, ("العين", "sentence"),
                 id="a-compass-reference-point-is-not-the-place"),
    pytest.param(["وأضرب آلاف العمال عن العمل أمس."], "فرنسا: الحكومة تقر إصلاح السكك الحديدية",
                 {"فرنسا": (LOC, "فرنسا")}, ("فرنسا", "headline"), id="the-headline-label-as-a-fallback"),
    pytest.param(["وأضرب آلاف العمال عن العمل أمس."], "الحكومة تقر إصلاح السكك الحديدية في فرنسا",
                 {"فرنسا": (LOC, "فرنسا")}, (None, None), id="no-label-no-fallback"),
    pytest.param(["وقتل 3 أشخاص أمس جراء غارات استهدفت حاجزا لمقاتلين موالين لدمشق قرب بلدة جنديرس."], "",
                 {"دمشق": (LOC, "دمشق"), "جنديرس": (LOC, "جنديرس")}, ("جنديرس", "sentence"),
                 id="a-dative-place-is-a-side-not-where"),
    pytest.param(["وأعلن الجيش أمس استعادة السيطرة على جميع مدن وبلدات سهل الغاب قرب بلدة قلعة المضيق."],
                 "", {"سهل الغاب": (LOC, "سهل الغاب"), "قلعة المضيق": (LOC, "قلعة المضيق")},
                 ("سهل الغاب", "sentence"), id="the-object-of-control-four-words-after-ala"),
    pytest.param(["وشنت الطائرات أمس غارات على مواقع للنظام السوري ردا على هجوم في مدينة حمص."], "",
                 {"حمص": (LOC, "حمص")}, ("سوريا", "nationality"), id="a-retaliation-names-another-incidents-place"),
    pytest.param(["واعتقلت الشرطة أمس مشتبها به بعد إطلاق نار أدى إلى مقتل 3 أشخاص في مدينة الزرقاء."], "",
                 {"الزرقاء": (LOC, "الزرقاء")}, ("الزرقاء", "sentence"), id="what-follows-an-incident-is-where-it-was"),
    pytest.param(["أمرت السلطات التركية أمس باعتقال 70 جنديا يتهمهم المدعي بالتآمر مع أنصار غولن الذي تلاحقه أنقرة."],
                 "", {"أنقرة": (LOC, "أنقرة")}, ("تركيا", "nationality"),
                 id="an-authoritys-country-over-a-bare-mention"),
    pytest.param(["وقتل 3 أشخاص أمس برصاص الجيش الإسرائيلي."], "", {}, (None, None),
                 id="an-armys-nationality-is-not-where-it-fights"),
    pytest.param(["وتظاهر آلاف الطلاب أمس احتجاجا على قرار المحكمة العليا الإسرائيلية."], "", {}, (None, None),
                 id="a-courts-nationality-places-only-an-arrest"),
    pytest.param(["وقالت الحكومة إن الفصائل أطلقت أمس صواريخ سقطت في أراض إسرائيلية وأسفرت عن 3 قتلى."], "", {},
                 ("إسرائيل", "nationality"), id="the-land-hit"),
    pytest.param(["وشنت إسرائيل أمس غارات جوية على مواقع عسكرية في الأراضي السورية."], "",
                 {"إسرائيل": (LOC, "إسرائيل")}, ("سوريا", "nationality"), id="a-bare-country-is-a-side-the-land-is-where"),
    pytest.param(["وأطلقت الطائرات أمس صواريخ من فوق الأراضي اللبنانية على قاعدة في مدينة حمص."], "",
                 {"حمص": (LOC, "حمص")}, ("حمص", "sentence"), id="land-after-min-is-where-it-came-from"),
    pytest.param(["وأضرب آلاف العمال عن العمل أمس."], "الأمم المتحدة: قلق من تراجع الأجور",
                 {"الأمم المتحدة": (LOC, "الأمم المتحدة")}, (None, None), id="a-label-that-names-no-place"),
    pytest.param(["اجتمع خالد عمر مع سامي علي في مديرية أمن إسطنبول أمس."], "",
                 {"خالد عمر": (PER, "خالد عمر"), "سامي علي": (PER, "سامي علي"), "إسطنبول": (LOC, "إسطنبول")},
                 ("إسطنبول", "sentence"), id="fi-two-nouns-before-the-place"),
]


@pytest.mark.parametrize(("paragraphs", "title", "entities", "expected"), PLACES)
def test_location(event_rows: Any, paragraphs: list[str], title: str, entities: dict[str, tuple[str, str]],
                  expected: tuple[str | None, str | None]) -> None:
    rows = event_rows(paragraphs, KEYS, title=title, entities=entities, times=DAY,
                      quantities={"3 قتلى": (3, "killed"), "3 أشخاص": (3, "killed"), "70 جنديا": (70, "people")})
    assert len(rows) == 1 or (len(rows) == 2 and rows[1]["trigger"] == "إطلاق نار")  # (the incident referred to)
    assert (rows[0]["location"], rows[0]["location_source"]) == expected
    if expected[0] is not None:
        assert expected[0] in rows[0]["locations"]
    assert rows[0]["location_from_context"] == (expected[1] in ("context", "headline", "participant"))


def test_a_day_after_mundhu_is_no_running_tally(event_rows: Any) -> None:
    rows = event_rows(["قتل نحو 40 مسلحا خلال مواجهات عنيفة تدور منذ صباح الجمعة في مدينة الحديدة."],
                      ("type", "killed", "location"), entities={"الحديدة": (LOC, "الحديدة")},
                      times={"صباح الجمعة": ("TIME", "2022-03-04TMO")}, quantities={"نحو 40 مسلحا": (40, "killed")})
    assert [(r["type"], r["killed"], r["location"]) for r in rows] == [("armed_clash", 40, "الحديدة")]


MEETING_PLACES = [
    pytest.param("وقال خالد عمر أمس خلال اجتماع مع سامي علي إن الهجوم الذي وقع قرب تونس مدان.", None,
                 id="a-place-in-the-reported-clause-is-not-the-meetings"),
    pytest.param("وأدان الهجوم في تونس بعد أن أجرى خالد عمر محادثات مع سامي علي أمس.", None,
                 id="a-place-before-baada-an-is-another-clauses"),
    pytest.param("والتقى خالد عمر مع سامي علي أمس، في حين نقلت المساعدات إلى تونس.", None,
                 id="ila-after-the-trigger-is-another-trip"),
    pytest.param("والتقى خالد عمر مع سامي علي أمس خلال زيارة سرية إلى تونس.", "تونس", id="ila-after-a-visit-word"),
    pytest.param("وفي زيارة إلى تونس، التقى خالد عمر مع سامي علي أمس.", "تونس", id="the-trip-before-the-meeting"),
    pytest.param("وبعد زيارة إلى تونس، التقى خالد عمر مع سامي علي أمس ضمن جولة في الشرق الأوسط.", "تونس",
                 id="a-region-after-is-less-than-a-country-before"),
    pytest.param("واجتمع خالد عمر مع سامي علي في الجولة الثانية من المباحثات، التي عقدت في تونس أمس.", "تونس",
                 id="the-meetings-own-relative-clause"),
]


@pytest.mark.parametrize(("sentence", "expected"), MEETING_PLACES)
def test_meeting_place(event_rows: Any, sentence: str, expected: str | None) -> None:
    rows = event_rows([sentence], ("type", "location"), entities=PARTIES, times=DAY)
    assert [(r["type"], r["location"]) for r in rows if r["type"] == "meeting"] == [("meeting", expected)]


def test_meeting_without_a_place_takes_its_partners_earlier_meeting(event_rows: Any) -> None:
    rows = event_rows(["التقى الرئيس سمير نصار نظيره كريم حداد في عمان أمس.",
                       "وفي اليوم التالي التقى سمير نصار مع وزير الخارجية وليد سالم."], KEYS,
                      entities={"سمير نصار": (PER, "سمير نصار"), "كريم حداد": (PER, "كريم حداد"),
                                "وليد سالم": (PER, "وليد سالم"), "عمان": (LOC, "عمان")}, times=DAY)
    assert [(r["trigger"], r["location"], r["location_source"]) for r in rows] == [
        ("التقى", "عمان", "sentence"), ("التقى", "عمان", "participant")]


PARTIES = {"خالد عمر": (PER, "خالد عمر"), "سامي علي": (PER, "سامي علي"), "القاهرة": (LOC, "القاهرة"),
           "تونس": (LOC, "تونس"), "الشرق الأوسط": (LOC, "الشرق الأوسط")}
MEETINGS = [
    pytest.param("والتقى خالد عمر مع سامي علي في القاهرة أمس.", DAY, [("والتقى", "meeting")], id="held-yesterday"),
    pytest.param("وسيعقد خالد عمر وسامي علي قمة مع الرئيس في القاهرة.", {}, [], id="future-verb"),
    pytest.param("وسيكون ذلك أول اجتماع بين خالد عمر وسامي علي في القاهرة.", {}, [], id="sayakun-first-meeting"),
    pytest.param("واتفق خالد عمر وسامي علي على عقد قمة مع الرئيس في تونس.", {}, [], id="agreed-to-hold"),
    pytest.param("وجاء ذلك تنفيذا للتفاهمات التي تم التوصل إليها في اجتماع بين خالد عمر وسامي علي.", {}, [],
                 id="a-meeting-in-a-relative-clause-is-background"),
    pytest.param("وألغى مسؤولون من الوزارة اجتماعا مع خالد عمر وسامي علي في القاهرة أمس.", DAY, [],
                 id="called-off"),
    pytest.param("وتعثرت محادثات السلام بين خالد عمر وسامي علي في القاهرة أمس.", DAY, [], id="a-peace-process"),
    pytest.param("وقال خالد عمر أمس خلال لقاء مع ممثلين عن وسائل الإعلام في القاهرة إن الوضع هادئ.", DAY, [],
                 id="meeting-the-press-through-a-group-word"),
    pytest.param("وقال خالد عمر أمس في لقاء صحافي مع سامي علي في القاهرة إن الوضع هادئ.", DAY, [],
                 id="a-press-conference"),
    pytest.param("واستقبلت الحكومة أمس 300 لاجئ في القاهرة بحضور خالد عمر وسامي علي.", DAY, [],
                 id="receiving-a-number-of-people"),
    pytest.param("وألغت الوزارة في وقت سابق من الأسبوع الماضي اجتماعا مع خالد عمر وسامي علي.", {}, [],
                 id="called-off-eight-words-back"),
    pytest.param("وطلب السفير من السلطات تنظيم لقاء مع خالد عمر وسامي علي في القاهرة.", {}, [], id="asked-to-arrange"),
    pytest.param("ووصل خالد عمر إلى القاهرة أمس ليجري محادثات مع سامي علي.", DAY, [("ووصل", "visit")],
                 id="talks-as-the-purpose-of-a-trip"),
    pytest.param("وكلفت الإدارة دبلوماسييها لإجراء محادثات مع خالد عمر وسامي علي.", {}, [],
                 id="talks-as-a-purpose"),
    pytest.param("وأقرت الحركة أمس بإجراء محادثات مع خالد عمر وسامي علي في القاهرة.", DAY, [("محادثات", "meeting")],
                 id="admitting-talks-held"),
    pytest.param("وقال خالد عمر الذي كان يتحدث أمس بعد قمة جمعته مع سامي علي إن الأجواء إيجابية.", DAY,
                 [("قمة", "meeting")], id="a-speakers-relative-clause-is-no-background"),
    pytest.param("وخلال لقاء جمعه مع سامي علي، أعلن خالد عمر أنه سيتم تطبيق القرار في 2023.",
                 {"2023": ("DATE", "2023")}, [("لقاء", "meeting")], id="a-date-in-what-was-said"),
    pytest.param("وكشفت الوثائق عن 33 اجتماعا بين خالد عمر وسامي علي في القاهرة.", {}, [], id="a-count-of-meetings"),
    pytest.param("وقال المتحدث إنه لا اتفاق بعد على موعد اجتماع مقترح بين خالد عمر وسامي علي.", {}, [],
                 id="a-proposed-meeting"),
    pytest.param("وقال خالد عمر إنه بحث الأمر مع مسؤولي حركة التنظيم والتقى سامي علي في القاهرة أمس.", DAY,
                 [("والتقى", "meeting")], id="tanzim-two-words-back-is-an-organisation"),
    pytest.param("ويلتقي خالد عمر مع سامي علي في القاهرة في 20 آذار.", {"20 آذار": ("DATE", "2022-03-20")}, [],
                 id="dated-after-publication"),
    pytest.param("ويلتقي خالد عمر مع سامي علي في القاهرة اليوم.", {"اليوم": ("DATE", "2022-03-10")},
                 [("ويلتقي", "meeting")], id="dated-on-the-publication-day"),
]


@pytest.mark.parametrize(("sentence", "times", "expected"), MEETINGS)
def test_meeting_held_or_not(event_rows: Any, sentence: str, times: dict[str, tuple[str, str]],
                             expected: list[tuple[str, str]]) -> None:
    rows = event_rows([sentence], ("type",), entities=PARTIES, times=times)
    assert [(r["trigger"], r["type"]) for r in rows] == expected


PROTESTS_ARRESTS = [
    pytest.param("واحتج خالد عمر أمس على نشر المقال في القاهرة.", [], id="one-person-objecting-is-no-protest"),
    pytest.param("واحتج آلاف المتظاهرين أمس في شوارع القاهرة.", [("واحتج", "protest")], id="a-crowd-protesting"),
    pytest.param("وقتل مسلح 3 أشخاص أمس خلال احتجاز رهائن في متجر بالقاهرة.", [("احتجاز رهائن", None)],
                 id="hostage-taking-is-no-arrest"),
    pytest.param("وروى سامي علي ما شهده في مركز احتجاز في القاهرة أمس.", [], id="a-detention-centre-is-no-arrest"),
    pytest.param("وجرى احتجاز خالد عمر في القاهرة أمس.", [("احتجاز", "arrest")], id="a-detention-is-an-arrest"),
]


@pytest.mark.parametrize(("sentence", "expected"), PROTESTS_ARRESTS)
def test_protest_or_arrest(event_rows: Any, sentence: str, expected: list[tuple[str, str | None]]) -> None:
    rows = event_rows([sentence], ("type",), entities=PARTIES, times=DAY, quantities={"3 أشخاص": (3, "killed")})
    got = [(r["trigger"], r["type"]) for r in rows if r["type"] in ("protest", "arrest")]
    assert got == [(t, k) for t, k in expected if k is not None]
