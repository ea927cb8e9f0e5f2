"""Table tests for the clitic-aware light stemmer (rasd.arabic.stem)."""

from __future__ import annotations

import pytest

from rasd.arabic.stem import split_proclitics_ar, stem_ar, stem_candidates_ar, strip_suffixes_ar


@pytest.mark.parametrize(
    "word",
    ["بلينكن", "حسين", "وزير", "واشنطن", "بغداد", "فرنسا", "كوريا", "لبنان", "ايران", "عمان", "بيروت", "علي"],
)
def test_names_and_words_that_start_like_clitics_survive(word: str) -> None:
    assert stem_ar(word) == word


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("والحكومة", "حكوم"),
        ("الحكومة", "حكوم"),
        ("حكومات", "حكوم"),
        ("بالعراق", "عراق"),
        ("العراقية", "عراق"),
        ("وللحكومة", "حكوم"),
        ("للحكومة", "حكوم"),
        ("فبالانتخابات", "انتخاب"),
        ("الانتخابات", "انتخاب"),
        ("انتخابات", "انتخاب"),
        ("الأميركية", "اميرك"),
        ("أمريكي", "امريك"),
        ("المسلمين", "مسلم"),
        ("كالعادة", "عاد"),
        ("دَاعِش", "داعش"),
        ("مستشفى", "مستشف"),
        ("والد", "والد"),
    ],
)
def test_primary_stem(word: str, stem: str) -> None:
    assert stem_ar(word) == stem


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("لواشنطن", ("لواشنطن", "واشنطن")),
        ("واشنطن", ("واشنطن", "اشنطن")),
        ("وزير", ("وزير", "زير")),
        ("بلينكن", ("بلينكن", "لينكن")),
        ("للبنان", ("بنان", "لبنان")),
        ("بالعراق", ("عراق",)),
        ("قال", ("قال",)),
        ("ولد", ("ولد",)),  # one letter off would leave two: no alternate
    ],
)
def test_candidates(word: str, expected: tuple[str, ...]) -> None:
    assert stem_candidates_ar(word) == expected


@pytest.mark.parametrize(
    ("query_word", "doc_word"),
    [
        ("واشنطن", "لواشنطن"),
        ("لواشنطن", "واشنطن"),
        ("واشنطن", "وواشنطن"),
        ("بريطانيا", "وبريطانيا"),
        ("لبنان", "للبنان"),
        ("الحكومة", "والحكومة"),
        ("حكومة", "للحكومة"),
        ("انتخابات", "بالانتخابات"),
    ],
)
def test_clitic_forms_share_a_candidate(query_word: str, doc_word: str) -> None:
    assert set(stem_candidates_ar(query_word)) & set(stem_candidates_ar(doc_word))


@pytest.mark.parametrize(
    ("word", "stripped"),
    [("حسين", "حسين"), ("لاعبين", "لاعب"), ("قوات", "قوات"), ("بيانات", "بيان"), ("مسلمون", "مسلم")],
)
def test_suffix_length_guards(word: str, stripped: str) -> None:
    assert strip_suffixes_ar(word) == stripped


def test_split_keeps_whole_word_when_unsure() -> None:
    primary, alternates = split_proclitics_ar("وبريطانيا")
    assert primary == "وبريطانيا"
    assert alternates == ("بريطانيا", "ريطانيا")


def test_one_pass_of_suffixes_gives_the_same_stem_for_possessives() -> None:
    assert stem_ar("اتجاهها") == stem_ar("اتجاه") == stem_ar("الاتجاه")
