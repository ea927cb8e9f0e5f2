"""Counts spelled without a number: duals (two) and singulars after a casualty word (one).

Sentences written for these tests (general news usage), with negatives: names in -ان/-ين, duals with
the article, sound plurals, adjectives in -ية, a singular before a time or in a construct.
"""

from __future__ import annotations

import pytest

from rasd.arabic.time_patterns import fold_with_offsets
from rasd.enrich.quantities import find_quantities
from rasd.enrich.quantity_duals import load_dual_counts

# (text, [(span text, value, unit)]) — every quantity of the text, in order
CASES = [
    # duals of lexicon nouns, alone
    ("قتل شخصان في انفجار قرب الميناء", [("شخصان", 2, "people")]),
    ("أسفر الهجوم عن مقتل جنديين وإصابة ثلاثة آخرين", [("جنديين", 2, "soldiers"), ("ثلاثة", 3, None)]),
    ("قتلت القوات امرأتين عند الحاجز", [("امرأتين", 2, "women")]),
    ("انفجرت سيارتين مفخختين وسط السوق", [("سيارتين مفخختين", 2, "vehicles")]),
    ("وأصيب جنديان إسرائيليان بجروح", [("جنديان إسرائيليان", 2, "soldiers")]),
    ("قتل جنديا الاحتلال في كمين", [("جنديا", 2, "soldiers")]),  # construct: no nun before a definite noun
    ("ترك طفليه في السيارة", [("طفليه", 2, "children")]),
    ("وللمتوفى ابنتان تقيمان في الخارج", [("ابنتان", 2, None)]),
    ("أطلق الجيش صاروخين على الموقع", [("صاروخين", 2, "rockets")]),
    ("زار المدينة مرتين هذا الشهر", [("مرتين", 2, None)]),
    ("ويزيد حجمه مرتين ونصف عن القديم", [("مرتين ونصف", 2.5, None)]),
    ("وأصيب مدنيان في القصف", [("مدنيان", 2, "civilians")]),
    ("قتل جنديان وشرطيان في الهجوم", [("جنديان", 2, "soldiers"), ("شرطيان", 2, "soldiers")]),  # و: a conjunct
    # common nouns count only with an agreeing dual adjective
    ("سجلت البورصة رقمين قياسيين", [("رقمين قياسيين", 2, None)]),
    ("رقمان صالحان", [("رقمان صالحان", 2, None)]),
    ("فرضت عقوبات على وزيرين تركيين", [("وزيرين تركيين", 2, None)]),
    ("شاهدت طفلين صغيرين يلعبان", [("طفلين صغيرين", 2, "children")]),
    # singular after a casualty word: one
    ("سقط قتيل في الاشتباكات", [("قتيل", 1, "killed")]),
    ("أسفر عن مقتل جندي إسرائيلي وإصابة آخر", [("جندي", 1, "soldiers"), ("آخر", 1, "people")]),
    ("سقط قتيلان وجريح في قصف", [("قتيلان", 2, "killed"), ("جريح", 1, "wounded")]),
    ("قتل 3 أشخاص وجريح", [("3 أشخاص", 3, "people"), ("جريح", 1, "wounded")]),
    ("أعلنت الشرطة مقتل شخص واحد", [("شخص واحد", 1, "people")]),
    # a person noun joined by و to a count of people: one more each
    ("قتل رجل ومراهق برصاص الجيش", [("رجل", 1, "people"), ("مراهق", 1, "people")]),
    ("أسفر الانفجار عن مقتل رجل وامرأة وطفل", [("رجل", 1, "people"), ("امرأة", 1, "women"), ("طفل", 1, "children")]),
    ("أسفر الهجوم عن مقتل جنديين وشرطي", [("جنديين", 2, "soldiers"), ("شرطي", 1, "soldiers")]),
    ("قتل 3 أشخاص وطفل في القصف", [("3 أشخاص", 3, "people"), ("طفل", 1, "children")]),
    ("قتل خمسة وطفل", [("خمسة", 5, None)]),  # a bare number: not known to count people
    ("أنقذت الشرطة 39 امرأة وفتاة", [("39 امرأة", 39, "women")]),  # after 11+: و shares the number
    ("قتل 30 جنديا وعنصر أمن", [("30 جنديا", 30, "soldiers")]),
    ("وصل 20 طالبا ومعلم إلى المدرسة", [("20", 20, None)]),
    ("استقبل الرئيس رجلا وامرأة في القصر", []),  # no casualty word, no count
    ("مصرع جندي وضابط الشرطة", [("جندي", 1, "soldiers")]),  # a construct: the named officer
    # negatives: names, references, plurals, adjectives, other words
    ("زار سلمان وعثمان لبنان وإيران في رمضان", []),
    ("استقبل عدنان وحسان وفدا من عمان والسودان", []),
    ("التقى حسين وأمين في جنين", []),
    ("العلاقات بين البلدين الشقيقين", []),  # article: two already mentioned
    ("واعتقلت الشرطة الرجلين", []),
    ("نقل المصابين إلى المستشفى وطالب المدنيين بالابتعاد", []),  # sound plurals
    ("وحذر موظفيها ومواطنيه", []),  # a plural with a pronoun
    ("شخصية بارزة في الحركة العنصرية", []),  # -ية adjectives fold like a pronoun
    ("بحث الطرفين الوضع", []),  # a common noun alone
    ("وكالتان تعملان في الميدان", []),  # a common noun with a dual verb
    ("مصرع رجل الأعمال في حادث", []),  # a construct: one named person
    ("قتلت القوات جنديا الأحد", []),  # an accusative singular before a time
    ("أرسل جنديا إلى الحدود", []),
    ("الشعب الجريح", []),
    ("حين قتل رجل أحد المارة بسكين", []),  # the singular is the killer: أحد is the object
    ("عاد بعد يومين من الغياب", []),  # a duration belongs to the times layer
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_dual_and_single_counts(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    found = [(text[s.start : s.end], s.attrs["value"], s.attrs["unit"]) for s in find_quantities(text)]
    assert found == expected


def test_number_span_covers_the_noun() -> None:
    text = "قتل شخصان في انفجار"
    (span,) = find_quantities(text)
    assert text[slice(*span.attrs["number_span"])] == "شخصان"


def test_taken_ranges_are_left_alone() -> None:
    text = "قتل شخصان في انفجار"
    counts = load_dual_counts()
    assert counts.find(text, fold_with_offsets(text), [(4, 9)]) == []
    assert counts.find(text, fold_with_offsets(text), []) == [(4, 9, 2, "people")]


def test_every_listed_singular_has_a_dual_not_a_plural_unit() -> None:
    """No dual spelling of the lexicon is a plural of ``units.tsv`` (مدنيين, مسلحين stay plurals)."""
    counts = load_dual_counts()
    plurals = {"مدنيين", "مسلحين", "مقاتلين", "مصابين", "عسكريين", "مواطنين"}
    assert not plurals & set(counts.forms)
    assert {"مدنيان", "مسلحان", "جنديين", "سيارتين", "امراتين"} <= set(counts.forms)
