"""Document-level label consistency (`rasd.ner.consistency`, `Tagger.tag_document`)."""

from __future__ import annotations

import pytest

from rasd.ner.consistency import propagate_labels
from rasd.ner.tagger import default_tagger


def _split(line: str) -> list[str]:
    return line.split()


@pytest.mark.parametrize(
    ("stems", "tags", "expected"),
    [
        # a one-word name recurs untagged
        (["سلتيك فاز", "تعادل سلتيك"], ["B-ORG O", "O O"], ["B-ORG O", "O B-ORG"]),
        # a two-word name: longest key first, both words tagged
        (
            ["البنك التجاري اعلن", "ارباح البنك التجاري"],
            ["B-ORG I-ORG O", "O O O"],
            ["B-ORG I-ORG O", "O B-ORG I-ORG"],
        ),
        # majority type wins
        (["نيسان ربحت نيسان", "وقالت نيسان"], ["B-ORG O B-ORG", "O B-PERS"], ["B-ORG O B-ORG", "O B-PERS"]),
        (["نيسان ربحت نيسان", "وقالت نيسان"], ["B-ORG O B-ORG", "O O"], ["B-ORG O B-ORG", "O B-ORG"]),
        # a recurrence right before an I- tag is left alone (it would merge into that span)
        (["سلتيك قال", "سلتيك بارك"], ["B-ORG O", "O I-MISC"], ["B-ORG O", "O I-MISC"]),
        # tagged words are never retagged
        (["كوبل قال", "المدرب كوبل"], ["B-PERS O", "B-PERS I-PERS"], ["B-PERS O", "B-PERS I-PERS"]),
        # a word the predicate refuses is not copied on its own
        (["قال العربي", "العربي قال"], ["O B-ORG", "O O"], ["O B-ORG", "O O"]),
        # nothing tagged: nothing to copy
        (["فاز سلتيك"], ["O O"], ["O O"]),
    ],
)
def test_propagate_labels(stems: list[str], tags: list[str], expected: list[str]) -> None:
    out = propagate_labels([_split(t) for t in tags], [_split(s) for s in stems], lambda s: s != "العربي")
    assert out == [_split(t) for t in expected]


def test_tag_document_copies_names_and_keeps_sentence_tags() -> None:
    tagger = default_tagger()
    sentences = [
        _split("قال الرئيس الأميركي جو بايدن إن بلاده ستدعم أوكرانيا ."),
        _split("وأضاف بايدن أن الدعم سيستمر ."),
    ]
    single = tagger.tag_many(sentences)
    doc = tagger.tag_document(sentences)
    for s, d in zip(single, doc, strict=True):  # only O tags may change
        assert all(a == b for a, b in zip(s, d, strict=True) if a != "O")
    assert doc[1][1] == "B-PERS"


def test_is_name_like_refuses_common_words() -> None:
    tagger = default_tagger()
    assert not tagger.is_name_like("في")
    assert not tagger.is_name_like("2021")
    assert tagger.is_name_like("بايدن")
