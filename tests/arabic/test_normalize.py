from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.arabic.normalize import dediac_ar, normalize_ar, normalize_with_offsets


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("عناوین", "عناوين"),  # Farsi yeh
        ("کتاب", "كتاب"),  # keheh
        ("الأميركيّة", "الاميركيه"),  # hamza alef, shadda, teh marbuta
        ("إيران وآخر وٱلله", "ايران واخر والله"),
        ("مستوى", "مستوي"),
        ("دَاعِشٌ", "داعش"),
        ("بـ\"دعم", "ب\"دعم"),  # tatweel between clitic and quote
        ("٣٠٨٤ ۲۵", "3084 25"),
        ("ﻻ ﷲ", "لا الله"),  # presentation forms via NFKC
        ("واشنطن\u200f", "واشنطن"),  # RLM
        ("NRT عربية", "NRT عربيه"),
    ],
)
def test_normalize_ar_table(raw: str, expected: str) -> None:
    assert normalize_ar(raw) == expected


def test_options_switch_folds_off() -> None:
    assert normalize_ar("الحكومة", teh=False) == "الحكومة"
    assert normalize_ar("أمريكا", alef=False) == "أمريكا"
    assert normalize_ar("مسؤول", hamza=True) == "مسوول"
    assert dediac_ar("مُحَمَّد") == "محمد"


@pytest.mark.parametrize("raw", ["بـ\"دعم", "دَاعِشٌ في بغداد", "ﻻ ﷲ", "نص بلا تشكيل", ""])
def test_offsets_map_every_character_back(raw: str) -> None:
    n = normalize_with_offsets(raw)
    assert n.text == normalize_ar(raw)
    assert len(n.starts) == len(n.ends) == len(n.text)
    for i in range(len(n.text)):
        a, b = n.to_original(i, i + 1)
        assert n.text[i] in normalize_ar(raw[a:b])


def test_offsets_find_a_match_in_the_original() -> None:
    text = "زار الرئيسُ الأميركيّ بغدادَ"
    n = normalize_with_offsets(text)
    i = n.text.index("الاميركي")
    a, b = n.to_original(i, i + len("الاميركي"))
    assert text[a:b] == "الأميركي"  # the shadda after the match is not part of it


@given(st.text(alphabet=st.characters(min_codepoint=0x600, max_codepoint=0x6FF) | st.sampled_from(" ـ\u200fﻻa1")))
def test_offsets_are_monotonic_and_in_range(raw: str) -> None:
    n = normalize_with_offsets(raw)
    assert list(n.starts) == sorted(n.starts)
    assert all(0 <= s < e <= len(raw) for s, e in zip(n.starts, n.ends, strict=True))
