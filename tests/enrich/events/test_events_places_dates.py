"""Table tests for rasd.enrich.events.places and .dates: a place from context, a date after a relative clause."""

from __future__ import annotations

from typing import Any

import pytest

LOC = "LOC"
PUB = "2022-03-10"


@pytest.mark.parametrize(("paragraphs", "title", "entities", "expected"), [
    pytest.param(["اعتقلت السلطات في الرياض ناشطات بارزات. واعتُقل عدد منهن في ساعة متأخرة."], "",
                 {"الرياض": (LOC, "الرياض")}, [("اعتقلت", ["الرياض"], False)], id="one-arrest-placed-by-its-sentence"),
    pytest.param(["وقالت الشرطة إن انفجارا وقع في سوق المدينة وأسفر عن 3 قتلى."], "انفجار في بغداد",
                 {"بغداد": (LOC, "بغداد")}, [("انفجارا", ["بغداد"], True)], id="the-headline-places-its-lead"),
    pytest.param(["وشهدت المدينة هدوءا حذرا.", "واعتُقل ثلاثة ناشطين أمس."], "احتجاجات في مدينة البصرة",
                 {"البصرة": (LOC, "البصرة")}, [("واعتُقل", ["البصرة"], True)], id="the-headline-places-a-placeless-arrest"),
    pytest.param(["وشهدت المدينة هدوءا حذرا.", "واعتُقل ثلاثة ناشطين أمس."], "جولة في صحف باريس",
                 {"باريس": (LOC, "باريس")}, [("واعتُقل", [], False)], id="a-headline-without-an-incident-is-no-context"),
    pytest.param(["أوضح البيان أن الوضع في حلب هادئ.", "واعتُقل ثلاثة ناشطين أمس."], "",
                 {"حلب": (LOC, "حلب")}, [("واعتُقل", [], False)], id="another-paragraph-is-no-context"),
])
def test_place_from_context(event_rows: Any, paragraphs: list[str], title: str, entities: dict[str, tuple[str, str]],
                            expected: list[tuple[str, list[str], bool]]) -> None:
    rows = event_rows(paragraphs, ("locations", "location_from_context"), title=title, entities=entities,
                      times={"أمس": ("DATE", "2022-03-09")}, quantities={"3 قتلى": (3, "killed")})
    assert [(r["trigger"], r["locations"], r["location_from_context"]) for r in rows] == expected


@pytest.mark.parametrize(("sentence", "times", "expected"), [
    pytest.param("تظاهر آلاف الأشخاص الذين يعارضون الاستقلال الأحد في شوارع برشلونة.", {"الأحد": ("DATE", "2022-03-06")},
                 ("2022-03-06", "day"), id="recent-day-after-a-relative-clause-dates-the-verb"),
    pytest.param("تظاهر آلاف الأشخاص الذين شاركوا في الثورة عام 2011 في شوارع برشلونة.", {"عام 2011": ("DATE", "2011")},
                 (PUB, "publication"), id="a-year-in-the-relative-clause-does-not"),
])
def test_date_after_a_relative_clause(event_rows: Any, sentence: str, times: dict[str, tuple[str, str]],
                                      expected: tuple[str, str]) -> None:
    [row] = event_rows([sentence], ("date", "date_precision"), entities={"برشلونة": (LOC, "برشلونة")}, times=times)
    assert (row["date"], row["date_precision"]) == expected
