"""Word-level analysis, gazetteer matching and prior features."""

from __future__ import annotations

import pytest

from rasd.ner.features import FeatureExtractor, choose_stem_offset, match_gazetteer, prior_features
from rasd.ner.lexicon import load_lexicon
from rasd.ner.normal import form_of


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("لواشنطن", "واشنطن"),
        ("بالعراق", "العراق"),
        ("وبغداد", "بغداد"),
        ("بغداد", "بغداد"),
        ("واشنطن", "واشنطن"),
        ("فرنسا", "فرنسا"),
        ("ولبنان", "لبنان"),
        ("وزير", "وزير"),
    ],
)
def test_choose_stem_offset(word: str, stem: str) -> None:
    form = form_of(word)
    assert form[choose_stem_offset(form, load_lexicon()) :] == form_of(stem)


def test_word_info_cut_maps_to_original_characters() -> None:
    fx = FeatureExtractor(load_lexicon(), {})
    token = "بِالعِراق"  # diacritics change the length of the normalized form
    info = fx.word_info(token)
    assert token[info.cut :].startswith("ال")


@pytest.mark.parametrize(
    ("tokens", "tags"),
    [
        (["في", "الولايات", "المتحدة"], ["", "B-LOC", "I-LOC"]),
        (["مع", "تنظيم", "الدولة"], ["", "B-ORG", "I-ORG"]),
        (["بيان", "من", "الدولة"], ["", "", ""]),  # common words never match alone
    ],
)
def test_match_gazetteer(tokens: list[str], tags: list[str]) -> None:
    lex = load_lexicon()
    fx = FeatureExtractor(lex, {})
    infos = [fx.word_info(t) for t in tokens]
    assert match_gazetteer([i.form for i in infos], [i.stem for i in infos], lex) == tags


def test_prior_features_levels() -> None:
    feats: list[str] = []
    assert prior_features((20, 0, 19, 1, 0), feats) == "LOC"
    assert "pr=LOC:4" in feats
    feats = []
    assert prior_features((40, 0, 0, 0, 0), feats) == "O" and feats == ["pr=O"]
    assert prior_features((1, 1, 0, 0, 0), []) == ""  # too rare to say


def test_extract_has_context_and_trigger_features() -> None:
    fx = FeatureExtractor(load_lexicon(), {})
    feats = fx.extract(["وأكد", "وزير", "الخارجية", "أنتوني", "بلينكن"])
    assert len(feats) == 5
    assert "t=PER_TITLE" in feats[1]
    assert "-2:t=PER_TITLE" in feats[3]
    assert "-1:BOS" in feats[0] and "1:EOS" in feats[4]
