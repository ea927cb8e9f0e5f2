"""Table tests for rasd.enrich.events.merging: one incident, one event (third round, 2026-11-29).

Each row: paragraphs, title, entities, times, quantities, expected [(trigger, type, date, locations)].
"""

from __future__ import annotations

from typing import Any

import pytest

KEYS = ("type", "date", "locations")
PUB = "2022-03-10"
LOC = "LOC"
FILLER = ["وأكد مسؤول أن الحكومة ستواصل جهودها.", "وتشهد المنطقة توترا منذ أشهر بين الأطراف."]
CASES = [
    pytest.param(["شنت القوات الجوية العراقية الخميس ضربات جوية ضد مواقع للتنظيم.", *FILLER,
                  "وأضاف البيان أن قواتنا الجوية نفذت اليوم الخميس ضربات جوية ضد مواقع التنظيم."],
                 "الجيش العراقي يشن غارات جوية على مواقع التنظيم في سوريا", {"سوريا": (LOC, "سوريا")},
                 {"الخميس": ("DATE", PUB), "اليوم الخميس": ("DATE", PUB)}, {},
                 [("غارات جوية", "air_strike", PUB, ["سوريا"])], id="headline-lead-and-a-retelling-further-down"),
    pytest.param(["نزل عشرات الآلاف إلى الشوارع في مسيرات حاشدة في مدينة ريو أمس."], "مسيرات حاشدة في البرازيل",
                 {"البرازيل": (LOC, "البرازيل"), "ريو": (LOC, "ريو")}, {"أمس": ("DATE", "2022-03-09")}, {},
                 [("مسيرات حاشدة", "protest", "2022-03-09", ["البرازيل", "ريو"])],
                 id="a-country-in-the-headline-and-a-city-in-the-lead"),
    pytest.param(["انفجرت سيارة مفخخة في بغداد اليوم.", "وانفجرت عبوة ناسفة في البصرة اليوم."], "",
                 {"بغداد": (LOC, "بغداد"), "البصرة": (LOC, "البصرة")}, {"اليوم": ("DATE", PUB)}, {},
                 [("انفجرت", "explosion", PUB, ["بغداد"]), ("وانفجرت", "explosion", PUB, ["البصرة"])],
                 id="two-places-two-incidents"),
    pytest.param(["انفجرت سيارة مفخخة في بغداد اليوم.", *FILLER, "وانفجرت عبوة ناسفة في البصرة اليوم."], "",
                 {"بغداد": (LOC, "بغداد"), "البصرة": (LOC, "البصرة")}, {"اليوم": ("DATE", PUB)}, {},
                 [("انفجرت", "explosion", PUB, ["بغداد"]), ("وانفجرت", "explosion", PUB, ["البصرة"])],
                 id="two-places-further-apart"),
    pytest.param(["قتل 5 أشخاص في انفجار سيارة مفخخة في سوق بمدينة الموصل اليوم.", *FILLER,
                  "ووقع الانفجار قرب مسجد المدينة وأصاب عددا من المارة."], "",
                 {"الموصل": (LOC, "الموصل")}, {"اليوم": ("DATE", PUB)}, {"5 أشخاص": (5, "people")},
                 [("انفجار", "explosion", PUB, ["الموصل"])], id="definite-noun-far-down-refers-back"),
    pytest.param(["قتل 5 أشخاص في انفجار سيارة مفخخة في سوق بمدينة الموصل اليوم.", *FILLER,
                  "ووقع الانفجار في كركوك وأصاب عددا من المارة."], "",
                 {"الموصل": (LOC, "الموصل"), "كركوك": (LOC, "كركوك")}, {"اليوم": ("DATE", PUB)},
                 {"5 أشخاص": (5, "people")},
                 [("انفجار", "explosion", PUB, ["الموصل"]), ("الانفجار", "explosion", PUB, ["كركوك"])],
                 id="definite-noun-elsewhere-is-another-incident"),
    pytest.param(["قتل 5 أشخاص في انفجار سيارة مفخخة صباح اليوم.", "وقتل شخصان في انفجار آخر بعد ساعة."], "", {},
                 {"صباح اليوم": ("TIME", "2022-03-10TMO")}, {"5 أشخاص": (5, "people"), "شخصان": (2, "people")},
                 [("انفجار", "explosion", PUB, []), ("انفجار", "explosion", PUB, [])], id="another-is-never-merged"),
    pytest.param(["شنت الطائرات غارات على بلدة سراقب وقتل 3 أشخاص.", *FILLER,
                  "وقتل نحو ألف شخص في غارات بغاز السارين قبل سنوات."], "", {"سراقب": (LOC, "سراقب")}, {},
                 {"3 أشخاص": (3, "people"), "نحو ألف شخص": (1000, "people")},
                 [("غارات", "air_strike", PUB, ["سراقب"]), ("غارات", "air_strike", PUB, [])],
                 id="undated-and-placeless-far-down-is-not-a-retelling"),
    pytest.param(["اعتقلت الشرطة ثلاث ناشطات أمس.", *FILLER, "وكانت السلطات قد اعتقلتهم بعد حملة على الإنترنت."],
                 "", {}, {"أمس": ("DATE", PUB)}, {}, [("اعتقلت", "arrest", PUB, [])],
                 id="one-placeless-arrest-told-twice"),
    pytest.param(["وشنت الدول الثلاث ضربات على مواقع للنظام السبت ردا على هجوم كيميائي في السابع من نيسان على مدينة دوما."],
                 "", {"دوما": (LOC, "دوما")}, {"السبت": ("DATE", "2022-03-05"), "السابع من نيسان": ("DATE", "2021-04-07")},
                 {}, [("ضربات", "air_strike", "2022-03-05", ["دوما"]), ("هجوم", "attack", "2021-04-07", ["دوما"])],
                 id="the-incident-a-strike-answers-is-its-own"),
    pytest.param(["وعزل الجيش الرئيس في يوليو 2013 إثر احتجاجات حاشدة ضد حكمه في القاهرة."], "",
                 {"القاهرة": (LOC, "القاهرة")}, {"يوليو 2013": ("DATE", "2013-07")}, {}, [],
                 id="event-referred-to-in-an-old-sentence-is-background"),
]


@pytest.mark.parametrize(("paragraphs", "title", "entities", "times", "quantities", "expected"), CASES)
def test_one_incident_one_event(event_rows: Any, paragraphs: list[str], title: str,
                                entities: dict[str, tuple[str, str]], times: dict[str, tuple[str, str]],
                                quantities: dict[str, tuple[int, str]],
                                expected: list[tuple[str, str, str, list[str]]]) -> None:
    rows = event_rows(paragraphs, KEYS, title=title, entities=entities, times=times, quantities=quantities)
    assert [(r["trigger"], r["type"], r["date"], r["locations"]) for r in rows] == expected
