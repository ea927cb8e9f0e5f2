from __future__ import annotations

import pytest

from rasd.arabic.clitics import proclitic_candidates, strip_proclitics
from rasd.arabic.tokenize import split_sentences, tokenize_ar


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("قال «إن» الوضع؛ جيد؟", ["قال", "«", "إن", "»", "الوضع", "؛", "جيد", "؟"]),
        ("“بيان” رسمي", ["“", "بيان", "”", "رسمي"]),
        ("بـ\"دعم القوات\"", ["بـ", '"', "دعم", "القوات", '"']),
        ("نحو 2,500 عسكري و٣٦ قتيلا", ["نحو", "2,500", "عسكري", "و", "٣٦", "قتيلا"]),
        ("NRT عربية، CNN's", ["NRT", "عربية", "،", "CNN's"]),
        ("PM:12:36:26/07/2021", ["PM", ":", "12", ":", "36", ":", "26", "/", "07", "/", "2021"]),
        ("الْعِرَاقُ", ["الْعِرَاقُ"]),
    ],
)
def test_tokenize_table(text: str, tokens: list[str]) -> None:
    got = tokenize_ar(text)
    assert [t.text for t in got] == tokens
    assert all(text[t.start : t.end] == t.text for t in got)


def test_sentences_keep_numbers_and_quotes_whole() -> None:
    text = "بلغ النمو 2.5 بالمئة. وقال: \"سنواصل العمل.\" ثم غادر!\nسطر"
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == ["بلغ النمو 2.5 بالمئة.", 'وقال: "سنواصل العمل."', "ثم غادر!", "سطر"]


@pytest.mark.parametrize(
    ("word", "keep_article", "stems"),
    [
        ("لواشنطن", True, ["واشنطن", "لواشنطن"]),
        ("بالعراق", True, ["العراق", "بالعراق"]),
        ("والحكومة", False, ["حكومة", "الحكومة", "والحكومة"]),
        ("بغداد", True, ["غداد", "بغداد"]),  # candidates only: the caller's lexicon chooses
        ("في", True, ["في"]),
    ],
)
def test_proclitic_candidates(word: str, keep_article: bool, stems: list[str]) -> None:
    assert [word[i:] for i in proclitic_candidates(word, keep_article=keep_article)] == stems


def test_strip_proclitics_length_guard() -> None:
    assert strip_proclitics("ولد") == "ولد"
    assert strip_proclitics("فيه") == "فيه"
    assert strip_proclitics("وللحكومة") == "حكومة"
