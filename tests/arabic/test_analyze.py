"""Table tests for the search analyzer: the normalizer as search uses it, stop words, variants."""

from __future__ import annotations

import pytest

from rasd.arabic.analyze import load_search_analyzer, normalize_search_ar


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("داعِش", "داعش"),  # a diacritic
        ("دَاعِشْ", "داعش"),
        ("امريكا", "أمريكا"),  # hamza on alef
        ("اسرائيل", "إسرائيل"),
        ("الحكومه", "الحكومة"),  # teh marbuta
        ("مستوي", "مستوى"),  # alef maqsura
        ("عناوین", "عناوين"),  # Farsi yeh
        ("کتاب", "كتاب"),  # Farsi kaf (keheh)
        ("الحكـــومة", "الحكومة"),  # tatweel
        ("مسئول", "مسؤول"),  # hamza seat (via the variant table)
        ("٢٠١٨", "2018"),  # Arabic-Indic digits
        ("۲۰۱۸", "2018"),  # Persian digits
        ("ﻻعب", "لاعب"),  # presentation form
        ("الأمريكية", "الأميركية"),  # spelling variant
        ("أوربا", "أوروبا"),
        ("الكونجرس", "الكونغرس"),
        ("لأميركا", "لأمريكا"),  # a variant behind an uncertain clitic
        ("وأوربا", "وأوروبا"),
        ("لترمب", "لترامب"),
        ("للأميركيين", "للأمريكيين"),
    ],
)
def test_typed_and_written_forms_get_the_same_key(typed: str, written: str) -> None:
    a = load_search_analyzer()
    assert a.analyze_text(typed)[0].keys[0] == a.analyze_text(written)[0].keys[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [("أمريكا", "أمريكي"), ("كتاب", "كاتب"), ("وزير", "زير"), ("علم", "عالم")],
)
def test_different_words_stay_apart(a: str, b: str) -> None:
    an = load_search_analyzer()
    assert an.analyze_text(a)[0].primary != an.analyze_text(b)[0].primary


@pytest.mark.parametrize(
    ("stem", "folded"),
    [
        ("اميركا", "امريكا"),
        ("لاميركا", "لامريكا"),
        ("ولاميركا", "ولامريكا"),
        ("لبنان", "لبنان"),
        ("بوتن", "بوتين"),
    ],
)
def test_fold_variant_looks_behind_kept_clitics(stem: str, folded: str) -> None:
    assert load_search_analyzer().fold_variant(stem) == folded


def test_alternates_of_clitic_variants_meet() -> None:
    an = load_search_analyzer()
    assert set(an.analyze_text("للأميركيين")[0].keys) == set(an.analyze_text("للأمريكيين")[0].keys)


@pytest.mark.parametrize("word", ["في", "من", "على", "وفي", "التي", "هذه", "فإن", "إلى"])
def test_stop_words_are_dropped(word: str) -> None:
    assert load_search_analyzer().analyze_text(word) == []


def test_offsets_point_into_the_original_text() -> None:
    text = "قال «الرئيسُ» لواشنطن، ٢٠١٨"
    words = load_search_analyzer().analyze_text(text)
    assert [text[w.start : w.end] for w in words] == ["قال", "الرئيسُ", "لواشنطن", "٢٠١٨"]
    assert [w.primary for w in words] == ["قال", "رييس", "لواشنطن", "2018"]


def test_index_strings_align_primary_and_exact() -> None:
    primary, alternates, exact = load_search_analyzer().index_strings("وصل بلينكن لواشنطن، في زيارة")
    assert len(primary.split()) == len(exact.split()) == 4
    assert "واشنطن" in alternates.split()


def test_latin_and_numbers() -> None:
    a = load_search_analyzer()
    assert [w.primary for w in a.analyze_text("NATO و Al-Qaeda 2.5")] == ["nato", "alqaeda", "2d5"]


def test_normalize_search_folds_hamza_seats() -> None:
    assert normalize_search_ar("مسؤول") == "مسوول"
    assert normalize_search_ar("رئيس") == "رييس"
