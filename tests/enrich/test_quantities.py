"""Quantities with unit and qualifier (rasd.enrich.quantities)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.document import Article, Span
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
    # number words up to a scale, then و and digits: one number
    ("عاد نحو أربعة آلاف و250 لاجئا", "نحو أربعة آلاف و250 لاجئا", 4250, "refugees", "approximately"),
    ("يسكن المدينة مليون و300 ألف نسمة", "مليون و300 ألف نسمة", 1_300_000, "people", None),
    ("تراجع المخزون بمليونين و 40 ألف برميل", "مليونين و 40 ألف برميل", 2_040_000, "barrels", None),
    ("سجلت سبعة ملايين و412 ألفا و96 زيارة", "سبعة ملايين و412 ألفا و96", 7_412_096, None, None),
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


# Digit forms and signs: (sentence, span text, value)
DIGIT_FORM_CASES = [
    ("يبلغ عدد السكان 1 414 021 100 نسمة", "1 414 021 100 نسمة", 1_414_021_100),  # space groups
    ("بلغ 40\u202f000 زائر", "40\u202f000", 40_000),  # narrow no-break space groups
    ("عدد السكان ١،٢٣٤،٥٦٧", "١،٢٣٤،٥٦٧", 1_234_567),  # Arabic-comma thousands
    ("النتيجة ٩,٢٣٢١٣١٢ بالضبط", "٩,٢٣٢١٣١٢", 9.2321312),  # a decimal comma before 4+ digits
    ("بلغت 2,500 دولار", "2,500 دولار", 2500),  # …but before exactly three it groups thousands
    ("النسبة .25 فقط", ".25", 0.25),  # a leading decimal point
    ("القيمة ٫٧٧ فقط", "٫٧٧", 0.77),
    ("القيمة 1e10 تقريبا", "1e10 تقريبا", 10_000_000_000),
    ("درجة الحرارة -5 ليلا", "-5", -5),  # a minus sign after a space
    ("درجة الحرارة سالب واحد", "سالب واحد", -1),  # a negative word (lets a risky single word stand)
    ("بلغت 322 مائة ريال", "322 مائة ريال", 32_200),  # digits × hundred
    ("نحو 1,5 مليون", "نحو 1,5 مليون", 1_500_000),
]


@pytest.mark.parametrize(("text", "span", "value"), DIGIT_FORM_CASES)
def test_digit_forms(text: str, span: str, value: float) -> None:
    found = [(text[s.start : s.end], s.attrs["value"]) for s in find_quantities(text)]
    assert any(f == span and v == pytest.approx(value) for f, v in found), found


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "qualifier"),
    [
        ("حصة المحدودة 23.5%منها", "23.5%", 23.5, "percent", None),  # % glued to the next word
        ("قرابة ثلاثة أخماس الناخبين", "قرابة ثلاثة أخماس", 0.6, None, "approximately"),
        ("أكثر من نصف الناس", "أكثر من نصف", 0.5, None, "more_than"),
        ("نصف مليون لاجئ", "نصف مليون لاجئ", 500_000, "refugees", None),
        ("صوت ثلث الناخبين", "ثلث", 0.333333333, None, None),  # a fraction of a definite whole
    ],
)
def test_fraction_quantities(text: str, span: str, value: float, unit: str | None, qualifier: str | None) -> None:
    found = [(text[s.start : s.end], s.attrs["value"], s.attrs["unit"], s.attrs.get("qualifier")) for s in find_quantities(text)]
    assert (span, pytest.approx(value), unit, qualifier) in found


@pytest.mark.parametrize(
    "text",
    [
        "المرصد السوري. -2014 إلى 2016",  # a dash before a year is no minus sign
        "الفترة 2010 -2015",  # nor after another number
        "تأهل إلى نصف النهائي",  # a semi-final, not a half
        "في القرن الثامن عشر",  # عشر closes an ordinal
    ],
)
def test_no_signed_or_fraction_noise(text: str) -> None:
    assert [s.attrs["value"] for s in find_quantities(text) if s.attrs["value"] < 0 or s.attrs["value"] in (0.5, 10)] == []


@pytest.mark.parametrize(
    "text",
    [
        "القرار رقم 2254 الصادر عن مجلس الأمن",  # a label after رقم
        "تنص المادة 103 منه",
        "حماس رقم ( 61 ) عام",
        "2 - يعاقب كل من",  # a list item number
    ],
)
def test_labels_are_no_counts(text: str) -> None:
    assert find_quantities(text) == []




def test_stage_reuses_the_times_layer() -> None:
    article = Article.build("عنوان", ["قتل 36 شخصا في 26 تموز 2021"], published=None)
    stage = make_stage()
    assert stage.requires == ("times",)
    alone = stage(article)  # no times layer: the date is found here and left out
    assert [_text(alone, s) for s in alone.quantities] == ["36 شخصا"]
    at = article.text.index("36")
    layered = stage(article.with_layer("times", [Span(at, at + 2, "TIMEX", {"type": "DATE", "value": "X"})]))
    assert [_text(layered, s) for s in layered.quantities] == ["26"]  # the given layer is used as is


def _text(article: Article, span: Span) -> str:
    return article.text[span.start : span.end]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("مقتل 3 آلاف و500 شخص", "3 آلاف و500 شخص", 3500, "people"),  # digits, scale and a smaller addend
        ("بلغ 2 مليون و300 ألف دولار", "2 مليون و300 ألف دولار", 2_300_000, "dollars"),
        ("نحو 4 آلاف وخمسمائة جندي", "نحو 4 آلاف وخمسمائة جندي", 4500, "soldiers"),
        ("قتل 3 آلاف و4 آلاف", "3 آلاف", 3000, None),  # an addend as large as the scale starts a new number
    ],
)
def test_digits_with_addends(text: str, span: str, value: int, unit: str | None) -> None:
    found = [(text[s.start : s.end], s.attrs["value"], s.attrs["unit"]) for s in find_quantities(text)]
    assert found[0] == (span, value, unit)
    a, b = find_quantities(text)[0].attrs["number_span"]
    assert text[a:b].startswith(span.removeprefix("نحو ").split(" ")[0])


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("ثلاثمائة ومائتين", [300, 200]),  # two hundreds never add up
        ("أربعة آلاف وثلاثمائة وصفر", [4300]),  # صفر never adds (and alone it may be the month Safar)
        ("قتل خمسة عشر ثلاثة جنود", [15, 3]),
    ],
)
def test_side_by_side_numbers_split(text: str, values: list[int]) -> None:
    assert [s.attrs["value"] for s in find_quantities(text)] == values


def test_scaled_decimals_are_whole() -> None:
    (span,) = find_quantities("ليبلغ 1.029 تريليون دولار")
    assert span.attrs["value"] == 1_029_000_000_000


def test_teen_after_an_ordinal_is_no_count() -> None:
    assert find_quantities("للدورة الثانية عشرة لمعهد العالم") == []
    assert [s.attrs["value"] for s in find_quantities("قتل عشرة أشخاص")] == [10]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("بلغ $10,000 أمس", "$10,000", 10_000, "dollars"),  # a currency sign before the number
        ("بسعر 20€ للقطعة", "20€", 20, "euros"),  # …or after it
        ("42 KWD", "42 KWD", 42, "dinars"),  # ISO codes
        ("غرامة 5 آلاف شيقل", "5 آلاف شيقل", 5000, "shekels"),
        ("ارتفع 10 سنتات", "10 سنتات", 10, "cents"),
    ],
)
def test_currency_signs_and_codes(text: str, span: str, value: int, unit: str) -> None:
    found = [(text[s.start : s.end], s.attrs["value"], s.attrs["unit"]) for s in find_quantities(text)]
    assert (span, value, unit) in found


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        ("قتل ما بين 20 و30 شخصا", "ما بين 20 و30 شخصا", 20, 30, "people"),
        ("من 5 إلى 10 قتلى", "من 5 إلى 10 قتلى", 5, 10, "killed"),
        ("بين عشرين وثلاثين قتيلا", "بين عشرين وثلاثين قتيلا", 20, 30, "killed"),
    ],
)
def test_ranges_of_counts(text: str, span: str, low: int, high: int, unit: str) -> None:
    (found,) = find_quantities(text)
    assert (text[found.start : found.end], found.attrs["value"], found.attrs["value_max"], found.attrs["unit"]) == (
        span, low, high, unit)  # fmt: skip


@pytest.mark.parametrize(
    "text",
    ["قتل 3 وأصيب 5", "من 100 دولار إلى 200 شخص", "أسفر عن 36 قتيلا على الأقل و62 جريحا"],
)
def test_no_range_without_opener_or_with_two_units(text: str) -> None:
    assert all("value_max" not in s.attrs for s in find_quantities(text))


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("جرح خمسة و4 آخرون", [5, 4]),  # a unit word is no scale: two numbers
        ("خرج آلاف و200 منهم عادوا", [1000, 200]),  # a bare plural scale is vague: no sum
        ("بلغ ثلاثة آلاف و5 آلاف", [3000, 5000]),  # a second scale as big: two numbers
    ],
)
def test_words_then_digits_not_summed(text: str, values: list[float]) -> None:
    assert [s.attrs["value"] for s in find_quantities(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("واحد", [1]),  # a lone ambiguous word is a number in a number phrase…
        ("2000", [2000]),  # …and so is a year-like number
        ("3/4", [0.75]),  # a fraction, not a date
        ("أريد أن أكسب 10000دولار في 3 سنوات", [10000, 3]),  # numbers inside durations count
        ("الجواب سالب واحد على 20", [-0.05]),
        ("رقم هاتفي هو +1-222-2222/2222", [1, 222, 2222, 2222]),  # a list is no range
        ("لكل واحد من الطلاب مقعد", []),  # the pronoun "one", not a count…
        ("أي واحدة منهن اخترت", []),
        ("أي واحد وثلاثين يوما", [31]),  # …but a compound after أي is
    ],
)
def test_phrase_mode(text: str, values: list[float]) -> None:
    assert [s.attrs["value"] for s in find_quantities(text, phrase=True)] == pytest.approx(values)


@pytest.mark.parametrize("text", ["واحد", "2000", "3/4", "واحد على ثلاثة"])
def test_news_mode_keeps_phrase_readings_out(text: str) -> None:
    assert [s.attrs["value"] for s in find_quantities(text) if s.attrs["value"] < 1 or s.attrs["value"] == 2000] == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("تجاوز سعر الصرف حاجز العشرة آلاف ليرة", "عشرة آلاف ليرة", 10_000),  # the article is not the number's
        ("نزح السبعة ملايين شخص", "سبعة ملايين شخص", 7_000_000),
        ("صادرت السلطات الشاحنات الثلاث آلاف الأطنان", "آلاف الأطنان", 1000),  # الثلاث qualifies الشاحنات
    ],
)
def test_definite_number_before_a_scale(text: str, span: str, value: int) -> None:
    assert (span, value) in [(text[s.start : s.end], s.attrs["value"]) for s in find_quantities(text)]


# Scales: glued to the digits, a larger scale after a smaller one (multiplies), an addend with a
# scale and no و. (sentence, span, value, unit)
SCALE_CASES = [
    ("قيمتها 200مليار دولار بعد", "200مليار دولار", 200_000_000_000, "dollars"),
    ("إلغاء 120ألف وظيفة", "120ألف", 120_000, None),
    ("انخفضت 1.3مليون برميل", "1.3مليون برميل", 1_300_000, "barrels"),
    ("المقدرة بألف مليار دولار", "ألف مليار دولار", 1_000_000_000_000, "dollars"),
    ("تناهز سبعة آلاف مليار دولار", "سبعة آلاف مليار دولار", 7_000_000_000_000, "dollars"),
    ("خسائر بقيمة 3 آلاف مليار سنتيم", "3 آلاف مليار", 3_000_000_000_000, None),
    ("بلغ 2 مليون 500 ألف شخص", "2 مليون 500 ألف شخص", 2_500_000, "people"),
    ("٤ آلاف ٣ مائة و ٢١ رقم", "٤ آلاف ٣ مائة و ٢١", 4321, None),
]


@pytest.mark.parametrize(("text", "span", "value", "unit"), SCALE_CASES)
def test_scales(text: str, span: str, value: float, unit: str | None) -> None:
    found = [(text[s.start : s.end], s.attrs["value"], s.attrs["unit"]) for s in find_quantities(text)]
    assert (span, value, unit) in found


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("5 ملايين ألف", [5_000_000]),  # a smaller scale after a larger one: not one number
        ("قتل 4 آلاف 300 منهم", [4000, 300]),  # an addend without و needs its own scale
        ("3 آلاف و4 آلاف", [3000]),
        ("٤آلاف و٣ مئة و٠", [4300, 0]),  # a zero adds nothing: its own number (as صفر)
        ("ثلاثة آلاف و4 آلاف", [3000, 4000]),
    ],
)
def test_scales_that_do_not_join(text: str, values: list[float]) -> None:
    assert [s.attrs["value"] for s in find_quantities(text)] == values


@pytest.mark.parametrize(("text", "value"), [("المائة", 100), ("الخمسة", 5), ("العشرين", 20)])
def test_definite_number_word_alone_in_phrase_mode(text: str, value: float) -> None:
    assert [s.attrs["value"] for s in find_quantities(text, phrase=True)] == [value]
    assert find_quantities(text) == []  # news: الخمسة alone refers back to something counted


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("لدي مئة وثلاثون وخُمسَين ريال", [130.4]),  # خُمسَين (damma): two fifths
        ("مائة و ثلاثون و خمسين", [130, 50]),  # unvocalized: fifty
        ("خَمسين رجلا", [50]),  # a fatha: fifty
        ("ثلاثة وتُسعين", [pytest.approx(3 + 2 / 9)]),
        ("ثلاثة وربعان", [3.5]),  # the nominative dual is a fraction without vowels
    ],
)
def test_vocalized_dual_fractions(text: str, values: list[float]) -> None:
    assert [s.attrs["value"] for s in find_quantities(text, phrase=True)] == values
