"""Organisations named by head words (entity stage only): patterns and their limits."""

from __future__ import annotations

import pytest

from rasd.ner.mentions import tokenize_sentences
from rasd.ner.orgheads import find_org_heads
from rasd.ner.tagger import default_tagger


def org_heads(text: str) -> list[str]:
    tagger = default_tagger()
    sents = tokenize_sentences(text, [(0, len(text))])
    infos = [tagger.features.word_infos([t.text for t in s.tokens]) for s in sents]
    return [text[m.start : m.end] for m in find_org_heads(sents, infos, [], tagger.lexicon)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أدانت نقابة الصحفيين اليمنيين اعتقال المراسل", ["نقابة الصحفيين اليمنيين"]),
        ("قال الجيش الإسرائيلي إنه قصف موقعا", ["الجيش الإسرائيلي"]),
        ("وانتشلت فرق الدفاع المدني جثث الضحايا", ["الدفاع المدني"]),
        ("أعلنت وزارة الصحة الفلسطينية ارتفاع عدد القتلى", ["وزارة الصحة الفلسطينية"]),
        ("وقالت وزارة الصحة والتعليم إن المدارس ستغلق", ["وزارة الصحة"]),  # a proclitic ends the name
        ("وافق مجلس الوزراء الأسبوع الماضي على الخطة", ["مجلس الوزراء"]),  # time words end it
        ("واجتمع مجلس الأمن الدولي اليوم", ["مجلس الأمن الدولي"]),
        ("ولجامعة الدول العربية موقف واضح", ["جامعة الدول العربية"]),  # the clitic stays outside
        ("وصلت القوات العراقية إلى المدينة", []),  # a description, not a name
        ("اشترت شركة ألمانية المصنع", []),  # an indefinite adjective is no complement
        ("قالت الحكومة إن الشرطة اعتقلت ثلاثة", []),  # a bare definite head names nothing
    ],
)
def test_org_heads(text: str, expected: list[str]) -> None:
    assert org_heads(text) == expected


def test_org_heads_leave_tagged_mentions_alone() -> None:
    from rasd.ner.mentions import find_mentions

    tagger = default_tagger()
    text = "قال المتحدث باسم الجيش الإسرائيلي إن وزارة الخارجية الأمريكية أبلغت بغداد"
    sents = tokenize_sentences(text, [(0, len(text))])
    infos = [tagger.features.word_infos([t.text for t in s.tokens]) for s in sents]
    tagged = find_mentions(sents, tagger)
    found = find_org_heads(sents, infos, tagged, tagger.lexicon)
    taken = {(m.first, k) for m in tagged for k in range(m.first, m.last)}
    assert all(k not in {t for _, t in taken} for m in found for k in range(m.first, m.last))
