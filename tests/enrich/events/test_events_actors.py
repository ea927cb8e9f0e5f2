"""Table tests for rasd.enrich.events.actors: the sides of an event, not those who report it (third round).

Organisation-head mentions (a ministry, a hospital, an agency) name bystanders as often as sides; the
events stage keeps them out of ``actors`` when they only report the event.  Each row: paragraphs,
entities, times, quantities, expected actors.
"""

from __future__ import annotations

from typing import Any

import pytest

LOC, ORG, PER = "LOC", "ORG", "PER"
CASES = [
    pytest.param(["وقالت وزارة الصحة إن ستة أشخاص قتلوا في انفجار وقع مساء السبت في منطقة الزوايدة."],
                 {"وزارة الصحة": (ORG, "وزارة الصحة")}, {"مساء السبت": ("TIME", "2022-03-05TEV")},
                 {"ستة أشخاص": (6, "people")}, [], id="the-ministry-that-reports-the-toll"),
    pytest.param(["هاجمت مجموعة مسلحة مقر المؤسسة الوطنية للنفط في طرابلس صباح اليوم، حسبما أفادت وكالة الأنباء الليبية."],
                 {"المؤسسة الوطنية للنفط": (ORG, "المؤسسة الوطنية للنفط"), "طرابلس": (LOC, "طرابلس"),
                  "وكالة الأنباء الليبية": (ORG, "وكالة الأنباء الليبية")}, {"صباح اليوم": ("TIME", "2022-03-10TMO")}, {},
                 ["المؤسسة الوطنية للنفط"], id="the-agency-after-hasbama"),
    pytest.param(["وقال الجيش الإسرائيلي في بيان إن طائراته قصفت مواقع لحركة حماس في غزة فجر اليوم."],
                 {"الجيش الإسرائيلي": (ORG, "الجيش الإسرائيلي"), "حركة حماس": (ORG, "حركة حماس"), "غزة": (LOC, "غزة")},
                 {"فجر اليوم": ("TIME", "2022-03-10TMO")}, {}, ["الجيش الإسرائيلي", "حركة حماس"],
                 id="the-reporter-whose-own-aircraft-struck"),
    pytest.param(["قتل 12 شخصا في انفجار بمدينة قندهار اليوم ونقل الجرحى إلى مستشفى ميرويس."],
                 {"قندهار": (LOC, "قندهار"), "مستشفى ميرويس": (ORG, "مستشفى ميرويس")}, {"اليوم": ("DATE", "2022-03-10")},
                 {"12 شخصا": (12, "people")}, [], id="the-hospital-is-a-bystander"),
    pytest.param(["وأعلن تنظيم داعش مسؤوليته عن الهجوم الانتحاري الذي استهدف مسجدا في كابول اليوم."],
                 {"داعش": (ORG, "داعش"), "كابول": (LOC, "كابول")}, {"اليوم": ("DATE", "2022-03-10")}, {}, ["داعش"],
                 id="a-claimant-stays-although-it-announces"),
    pytest.param(["وعقد مجلس الأمن الدولي اجتماعا طارئا غداة يوم قتل فيه 61 شخصا برصاص الجيش في غزة أمس."],
                 {"مجلس الأمن الدولي": (ORG, "مجلس الأمن الدولي"), "الجيش": (ORG, "الجيش"), "غزة": (LOC, "غزة")},
                 {"أمس": ("DATE", "2022-03-09")}, {"61 شخصا": (61, "people")}, ["الجيش"],
                 id="a-council-meeting-after-the-killing-is-no-side"),
    pytest.param(["ونقلت صحيفة دي تايمز أن الشرطة أطلقت النار على متظاهرين في لندن أمس."],
                 {"دي تايمز": (ORG, "دي تايمز"), "الشرطة": (ORG, "الشرطة"), "لندن": (LOC, "لندن")},
                 {"أمس": ("DATE", "2022-03-09")}, {}, ["الشرطة"], id="a-newspaper-named-after-its-kind"),
    pytest.param(["وقالت الشرطة إن مسلحا هاجم موكب الوزير سامي نور في مدينة تعز أمس."],
                 {"سامي نور": (PER, "سامي نور"), "تعز": (LOC, "تعز")}, {"أمس": ("DATE", "2022-03-09")}, {},
                 ["سامي نور"], id="the-target-after-the-reported-clause"),
]


@pytest.mark.parametrize(("paragraphs", "entities", "times", "quantities", "expected"), CASES)
def test_actors_are_sides(event_rows: Any, paragraphs: list[str], entities: dict[str, tuple[str, str]],
                          times: dict[str, tuple[str, str]], quantities: dict[str, tuple[int, str]],
                          expected: list[str]) -> None:
    [row] = event_rows(paragraphs, ("actors",), entities=entities, times=times, quantities=quantities)
    assert row["actors"] == expected


@pytest.mark.parametrize(("sentence", "entities", "perpetrator", "target"), [
    pytest.param("وقالت الشرطة إن مسلحا هاجم موكب الوزير سامي نور في مدينة تعز أمس.",
                 {"سامي نور": (PER, "سامي نور"), "تعز": (LOC, "تعز")},
                 None, None, id="a-described-subject-before-the-verb-is-no-name"),
    pytest.param("وقال المرصد إن قوات النظام قصفت بلدة كفرنبل أمس.", {"المرصد": (ORG, "المرصد السوري"),
                 "قوات النظام": (ORG, "قوات النظام"), "كفرنبل": (LOC, "كفرنبل")}, "قوات النظام", None,
                 id="a-named-subject-right-before-the-verb"),
    pytest.param("وقال الجيش الإسرائيلي إن طائراته قصفت مواقع لحركة حماس في غزة.",
                 {"الجيش الإسرائيلي": (ORG, "الجيش الإسرائيلي"), "حركة حماس": (ORG, "حركة حماس"), "غزة": (LOC, "غزة")},
                 "الجيش الإسرائيلي", None, id="own-forces-name-the-reporter"),
    pytest.param("وهاجمت قوات النظام مواقع المعارضة في درعا أمس.", {"قوات النظام": (ORG, "قوات النظام"),
                 "درعا": (LOC, "درعا")}, "قوات النظام", None, id="verb-subject-order"),
])
def test_perpetrator_by_word_order(event_rows: Any, sentence: str, entities: dict[str, tuple[str, str]],
                                   perpetrator: str | None, target: str | None) -> None:
    [row] = event_rows([sentence], ("perpetrator", "target"), entities=entities,
                       times={"أمس": ("DATE", "2022-03-09")})
    assert (row["perpetrator"], row["target"]) == (perpetrator, target)
