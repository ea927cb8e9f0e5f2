"""The shipped tagger: IOB2 output, clitic-free character spans."""

from __future__ import annotations

import pytest

from rasd.ner import tag_entities
from rasd.ner.mentions import find_mentions, tokenize_sentences
from rasd.ner.tagger import default_tagger

VALID = {"O"} | {f"{p}-{t}" for p in "BI" for t in ("PERS", "ORG", "LOC", "MISC")}


def test_tag_entities_iob2() -> None:
    tokens = [
        "وقال",
        "الرئيس",
        "الأميركي",
        "جو",
        "بايدن",
        "في",
        "واشنطن",
        "إن",
        "الولايات",
        "المتحدة",
        "ستدعم",
        "العراق",
        ".",
    ]
    tags = tag_entities(tokens)
    assert len(tags) == len(tokens)
    assert set(tags) <= VALID
    assert tags[3:5] == ["B-PERS", "I-PERS"]
    assert tags[6] == "B-LOC"
    assert tag_entities([]) == []


@pytest.mark.parametrize(
    ("text", "mention", "label"),
    [
        ("وصل الوفد لواشنطن أمس", "واشنطن", "LOC"),
        ("انفجار بالعراق يقتل عشرة", "العراق", "LOC"),
        ("قال المتحدث إن وبغداد سترد", "بغداد", "LOC"),
    ],
)
def test_mentions_exclude_proclitics(text: str, mention: str, label: str) -> None:
    sents = tokenize_sentences(text, [(0, len(text))])
    found = [(text[m.start : m.end], m.label) for m in find_mentions(sents, default_tagger())]
    assert (mention, label) in found


def test_tagging_is_deterministic_across_calls() -> None:
    tokens = ["التقى", "وزير", "الخارجية", "سامح", "شكري", "نظيره", "الأردني", "أيمن", "الصفدي", "في", "عمان"]
    first = tag_entities(tokens)
    tag_entities(["كلمات", "أخرى", "كثيرة", "جدا", "لا", "علاقة", "لها"])
    assert tag_entities(tokens) == first


def test_small_weight_cache_gives_the_same_tags() -> None:
    from rasd.ner.tagger import Tagger

    small = Tagger(default_tagger().model, default_tagger().lexicon, row_limit=60)
    sentences = [
        ["وقال", "الرئيس", "جو", "بايدن", "في", "واشنطن"],
        ["أعلن", "حزب", "الله", "في", "لبنان", "أن", "مقاتليه", "انسحبوا", "من", "سوريا"],
        ["وصل", "وزير", "الخارجية", "الروسي", "سيرغي", "لافروف", "إلى", "أنقرة"],
    ]
    for tokens in sentences * 3:
        assert small.tag(tokens) == default_tagger().tag(tokens)


def test_tag_many_equals_tag() -> None:
    tagger = default_tagger()
    sentences = [
        ["وقال", "الرئيس", "جو", "بايدن", "في", "واشنطن"],
        [],
        ["بغداد"],
        ["أعلن", "حزب", "الله", "في", "لبنان", "أن", "مقاتليه", "انسحبوا", "من", "سوريا"] * 30,
        ["وصل", "وزير", "الخارجية", "الروسي", "سيرغي", "لافروف", "إلى", "أنقرة"],
    ]
    assert tagger.tag_many(sentences) == [tagger.tag(s) for s in sentences]
