"""Arabic numbers in digits and words → values (rasd.arabic.numbers)."""

from __future__ import annotations

import pytest

from rasd.arabic.normalize import normalize_ar
from rasd.arabic.numbers import find_number_phrases, load_number_lexicon, parse_digits, parse_number

NUMBER_CASES = [
    ("36", 36),
    ("٣٦", 36),
    ("۲۵۰۰", 2500),
    ("2,500", 2500),
    ("٢٬٥٠٠", 2500),
    ("2.5", 2.5),
    ("٢٫٥", 2.5),
    ("ثلاثة", 3),
    ("ثلاثه", 3),
    ("ثلاثة عشر", 13),
    ("أحد عشر", 11),
    ("اثنا عشر", 12),
    ("خمسة وعشرون", 25),
    ("واحدة و عشرون", 21),
    ("ثلاثمائة وخمسة وستون", 365),
    ("ثلاث مائة", 300),
    ("مائة ألف", 100_000),
    ("ثلاثة آلاف", 3000),
    ("ألفان وخمسمائة", 2500),
    ("ألف وتسعمائة وثمانية وتسعون", 1998),
    ("عشرين ألفا", 20_000),
    ("مليونا", 1_000_000),
    ("مليونين", 2_000_000),
    ("مليون ونصف", 1_500_000),
    ("ثلاثة ملايين وخمسمائة ألف", 3_500_000),
    ("2.5 مليون", 2_500_000),
    ("3 آلاف", 3000),
    ("عشرات", 10),
    ("مئات الآلاف", 100_000),
    ("تلتاشر", 13),
]


@pytest.mark.parametrize(("text", "value"), NUMBER_CASES)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["الأول", "ثلاثة أربعة", "حسين", "", "أحد"])
def test_not_one_number(text: str) -> None:
    assert parse_number(text) is None


def test_two_units_stay_two_numbers() -> None:
    lex = load_number_lexicon()
    assert [n.value for n in lex.evaluate_words(["ثلاثه", "اربعه"])] == [3, 4]


def test_vague_flag() -> None:
    lex = load_number_lexicon()
    (parsed,) = lex.evaluate_words(["عشرات"])
    assert parsed.vague and parsed.value == 10


@pytest.mark.parametrize(("text", "value"), [("1,000", 1000), ("1٬000٫5", 1000.5), ("0.25", 0.25)])
def test_parse_digits(text: str, value: float) -> None:
    assert parse_digits(text) == value


# Fractions, dozens and scale spellings (each row one rule).
FRACTION_CASES = [
    ("ثلاثة أخماس", 0.6),  # numerator × plural denominator
    ("عشرون وثلاثة أخماس", 20.6),  # whole + (last unit × denominator)
    ("مائة وثلاثون أخماس", 26),  # a ten before the denominator: the whole group is the numerator
    ("واحد ونصف", 1.5),  # whole + fraction word
    ("مائة وثلاثة أرباع", 100.75),
    ("مائة وثلاثة وثلثان", 103.666666667),
    ("نصف مليون", 500_000),  # fraction × following scale
    ("ربع مليار", 250_000_000),
    ("ثلثي", 0.666666667),  # a dual fraction alone
    ("نصف دزينة", 6),
    ("ثلاث دزينات", 36),
    ("ترليون", 1_000_000_000_000),
    ("مائة وستة عشر", 116),  # a teen after hundreds
    ("ألف وخمسة عشر", 1015),
]


@pytest.mark.parametrize(("text", "value"), FRACTION_CASES)
def test_fractions_and_scales(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_ten_then_unit_is_not_one_number() -> None:
    # القرن الثامن عشر ثلاثة نصوص: عشر closes an ordinal, ثلاثة starts a count
    lex = load_number_lexicon()
    assert [n.value for n in lex.evaluate_words(["عشر", "ثلاثه"])] == [10, 3]


# Number phrases read only in the standalone phrase mode: (phrase, values)
PHRASE_CASES = [
    ("واحد على ثلاثة", [1 / 3]),  # a ratio
    ("1 على 20", [0.05]),
    ("كان الناتج واحد جزء من مئة", [0.01]),  # an explicit fraction
    ("جزء من مئة وخمسة", [1 / 105]),  # جزء alone: one part
    ("مئتان وواحد وسبعون جزء من مئة", [200.71]),  # a whole number, then a proper fraction
    ("2 1/4", [2.25]),  # a mixed digit fraction
    ("-4/5", [-0.8]),
    ("واحد فاصلة خمسة", [1.5]),  # a decimal point in words
    ("سالب خمس فاصلة خمسة", [-5.5]),
    ("ثلاثة وعشرون خمس", [4.6]),  # 23 fifths
    ("ثلاثة وخمس", [3.2]),  # three and a fifth
    ("ثلاثة وعشرون وثلاثة أخماس", [23.6]),
    ("192.168.1.2", [192, 168, 1, 2]),  # three or more digit groups: a list
    ("سالب واحد على 20", [-0.05]),
    ("أكلت خمس الفطيرة", [0.2]),  # a fraction of a definite whole
    ("خمس العشرون", [4]),  # …or of a number
    ("مائة وثلاثون خمس", [26]),  # an addend takes و: خمس without it is the denominator
    ("انتهيت من ثلاث وخمس", [3.2]),  # من without a numerator is no ratio
]


@pytest.mark.parametrize(("text", "values"), PHRASE_CASES)
def test_find_number_phrases(text: str, values: list[float]) -> None:
    found = [v for _, _, v in find_number_phrases(normalize_ar(text))]
    assert found == pytest.approx(values)


@pytest.mark.parametrize("text", ["خمسة وعشرون رجلا", "ثلاثة آلاف", "3 أشخاص", "مائة"])
def test_plain_numbers_are_no_phrases(text: str) -> None:
    assert find_number_phrases(normalize_ar(text)) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("ألفين وعشرة", 2010), ("مائة وعشرة", 110), ("ثلاثة آلاف وعشرة", 3010), ("مائة وثلاثة عشر", 113),
     ("بضع مئات", 300), ("بضعة", 3)],
)  # fmt: skip
def test_teens_after_scales_and_a_few(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("words", "values"),
    [
        ("ألف مليار", [1_000_000_000_000]),  # a larger scale after a scale multiplies
        ("سبعة آلاف مليار", [7_000_000_000_000]),
        ("مئة ألف تريليون", [100_000_000_000_000_000]),
        ("مليون ألف", [1_000_000, 1000]),  # descending scales stay two numbers
        ("ألف خمسمائة مليار", [1500, 1_000_000_000]),  # only a bare scale multiplies (و already removed)
        ("ثلاث مائة دزينتين", [324]),  # a dual below a hundred adds like a ten
        ("ثلاث مائة مائتين", [300, 200]),
    ],
)
def test_scale_products_and_small_duals(words: str, values: list[float]) -> None:
    lex = load_number_lexicon()
    assert [n.value for n in lex.evaluate_words(normalize_ar(words).split())] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [("المائة", [100.0]), ("الخمسة", [5.0]), ("الخمسة آلاف", []), ("العشرات", []), ("النصف", [])],
)
def test_definite_number_word_phrase(text: str, values: list[float]) -> None:
    assert [v for _, _, v in find_number_phrases(normalize_ar(text))] == values


def test_ratio_of_a_scale_product() -> None:
    # جزء من مئة ألف تريليون: one part in 10^17
    assert [v for _, _, v in find_number_phrases(normalize_ar("جزء من مئة ألف تريليون"))] == [pytest.approx(1e-17)]
