"""Quantities with unit and qualifier (rasd.enrich.quantities)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.document import Article
from rasd.enrich.quantities import find_quantities, make_stage

# (sentence, span text, value, unit, qualifier)
CASES = [
    ("ولا يزال نحو 2500 عسكري أميركي متواجدين", "نحو 2500 عسكري أميركي", 2500, "soldiers", "approximately"),
    ("أسفر عن 36 قتيلا على الأقل و62 جريحا", "36 قتيلا على الأقل", 36, "killed", "at_least"),
    ("أسفر عن 36 قتيلا على الأقل و62 جريحا", "62 جريحا", 62, "wounded", None),
    ("مقتل ما لا يقل عن ٥٠ شخصا", "ما لا يقل عن ٥٠ شخصا", 50, "people", "at_least"),
    ("أكثر من 100 قتيل", "أكثر من 100 قتيل", 100, "killed", "more_than"),
    ("قرابة ثلاثين قتيلا", "قرابة ثلاثين قتيلا", 30, "killed", "approximately"),
    ("حوالي 15 في المئة", "حوالي 15 في المئة", 15, "percent", "approximately"),
    ("ارتفع بنسبة 12,5%", "12,5%", 12.5, "percent", None),
    ("بلغت 2.5 مليون دولار", "2.5 مليون دولار", 2_500_000, "dollars", None),
    ("ألفان وخمسمائة جندي", "ألفان وخمسمائة جندي", 2500, "soldiers", None),
    ("ثلاثة آلاف نازح", "ثلاثة آلاف نازح", 3000, "displaced", None),
    ("مليونا لاجئ سوري", "مليونا لاجئ سوري", 1_000_000, "refugees", None),
    ("۱۲۰۰ مصاب", "۱۲۰۰ مصاب", 1200, "wounded", None),
    ("سقوط خمسة قتلى", "خمسة قتلى", 5, "killed", None),
    ("بلغ العدد ١٢٣٤٥", "١٢٣٤٥", 12345, None, None),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "qualifier"), CASES)
def test_find_quantities(text: str, span: str, value: float, unit: str | None, qualifier: str | None) -> None:
    found = [
        (text[s.start : s.end], s.attrs["value"], s.attrs["unit"], s.attrs.get("qualifier"))
        for s in find_quantities(text)
    ]
    assert (span, value, unit, qualifier) in found


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("قتل عشرات المدنيين", 10, "civilians"), ("أصيب العشرات", 10, None), ("مئات المتظاهرين", 100, "protesters")],
)
def test_vague_counts_follow_acled(text: str, value: int, unit: str | None) -> None:
    (span,) = find_quantities(text)
    assert (span.attrs["value"], span.attrs["unit"], span.attrs.get("vague")) == (value, unit, True)


@pytest.mark.parametrize(
    "text",
    [
        "في 26 تموز 2021",  # a date
        "منذ عام 2014",  # a year
        "انتخابات 2018 البرلمانية",  # a bare year is not a count
        "قبل ثلاثة أشهر",  # a duration belongs to the times layer
        "في لقائه الأول",  # an ordinal
        "قال إن ست دول",  # ست alone could be "lady"; no unit, no qualifier
        "فؤاد حسين",
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_number_span_and_stage() -> None:
    article = Article.build("عنوان", ["أسفر عن 36 قتيلا"])
    out = make_stage()(article)
    (span,) = out.quantities
    a, b = span.attrs["number_span"]
    assert out.text[a:b] == "36"
    assert make_stage().assigns == ("quantities",)


def test_seed_quantities(seed_dir: Path) -> None:
    expected = json.loads((seed_dir / "000_bdb0ef1f55d75d44.expected.json").read_text(encoding="utf-8"))
    raw = (seed_dir / "000_bdb0ef1f55d75d44.txt").read_text(encoding="utf-8")
    body = raw[raw.index(expected["page"]["body_first_paragraph_starts"]) :]
    found = sorted(
        (body[s.start : s.end], s.attrs["value"], s.attrs["unit"], s.attrs.get("qualifier"))
        for s in find_quantities(body)
        if s.end <= body.index("البوم الصور")
    )
    wanted = sorted((e["text"], e["value"], e["unit"], e.get("qualifier")) for e in expected["quantities"])
    assert found == wanted
