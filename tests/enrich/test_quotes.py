"""Table tests for rasd.enrich.quotes over hand-written articles with hand-made entity layers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from support.marks import mark_spans

from rasd.document import Article, Span
from rasd.enrich.quotes import find_quotes, load_quote_lexicon, make_stage
from rasd.enrich.sentences import make_stage as make_sentence_stage

LEX = load_quote_lexicon()
SENTENCES = make_sentence_stage()


def build(paragraphs: Sequence[str], entities: dict[str, tuple[str, str]], title: str = "") -> Article:
    """An article with sentences and an entity layer: mention text → (label, canonical)."""
    article = SENTENCES(Article.build(title, paragraphs))
    marks = {k: (label, {"canonical": canonical}) for k, (label, canonical) in entities.items()}
    return article.with_layer("entities", mark_spans(article.text, marks))


def summary(article: Article) -> list[tuple[str | None, str, str | None, str]]:
    out = []
    for q in find_quotes(article, LEX):
        cue = q.attrs["cue"]
        out.append((q.attrs["speaker"], q.attrs["kind"], article.text[cue[0]:cue[1]] if cue else None,
                    article.text[q.start:q.end]))
    return out


PER = "PER"
ORG = "ORG"

CASES = [
    pytest.param(
        ['وقال وزير الداخلية سامي الربيعي للصحفيين، "سنلاحق المتورطين في الحادث أينما كانوا".'],
        {"سامي الربيعي": (PER, "سامي الربيعي")},
        [("سامي الربيعي", "direct", "وقال وزير الداخلية سامي الربيعي", "سنلاحق المتورطين في الحادث أينما كانوا")],
        id="direct-title-and-name",
    ),
    pytest.param(
        ["وأعلنت وزارة الصحة أنها سجلت 120 إصابة جديدة خلال اليوم."],
        {"وزارة الصحة": (ORG, "وزارة الصحة")},
        [("وزارة الصحة", "indirect", "وأعلنت وزارة الصحة أنها", "سجلت 120 إصابة جديدة خلال اليوم")],
        id="indirect-feminine-pronoun-complementizer",
    ),
    pytest.param(
        ["قالت اللجنة الانتخابية إن النتائج ستعلن غدا.", "وأضافت أن نسبة المشاركة بلغت 40 بالمئة."],
        {"اللجنة الانتخابية": (ORG, "المفوضية العليا للانتخابات")},
        [
            ("المفوضية العليا للانتخابات", "indirect", "قالت اللجنة الانتخابية إن", "النتائج ستعلن غدا"),
            ("المفوضية العليا للانتخابات", "indirect", "وأضافت أن", "نسبة المشاركة بلغت 40 بالمئة"),
        ],
        id="bare-cue-takes-last-speaker-canonical",
    ),
    pytest.param(
        ["وقالت المتحدثة باسم المفوضية ليلى حداد: «لن نسمح بتكرار ما حدث»."],
        {"المفوضية": (ORG, "المفوضية"), "ليلى حداد": (PER, "ليلى حداد")},
        [("ليلى حداد", "direct", "وقالت المتحدثة باسم المفوضية ليلى حداد", "لن نسمح بتكرار ما حدث")],
        id="guillemets-spokesman-of-org",
    ),
    pytest.param(
        ['وأعلن الجيش إطلاق عملية "الفجر الجديد" في المنطقة، وجدد التزامه بـ"حماية المدنيين".'],
        {"الجيش": (ORG, "الجيش")},
        [],
        id="quoted-terms-are-not-quotes",
    ),
    pytest.param(
        ["وأكد الرئيس سليم داود على أهمية الحوار بين الأطراف.", "وقال مصدر أمني في وزارة الداخلية إن الهجوم استهدف دورية."],
        {"سليم داود": (PER, "سليم داود"), "وزارة الداخلية": (ORG, "وزارة الداخلية")},
        [(None, "indirect", "وقال مصدر أمني في وزارة الداخلية إن", "الهجوم استهدف دورية")],
        id="unnamed-source-has-no-speaker",
    ),
    pytest.param(
        ["وأكد الرئيس سليم داود على أهمية الحوار بين الأطراف. وقال إن الحكومة منفتحة على الجميع."],
        {"سليم داود": (PER, "سليم داود")},
        [("سليم داود", "indirect", "وقال إن", "الحكومة منفتحة على الجميع")],
        id="bare-cue-takes-subject-of-earlier-speech-verb",
    ),
    pytest.param(
        ['وقال رئيس البرلمان خالد العلي في كلمته: "إن المرحلة المقبلة تتطلب تكاتف الجميع',
         '"ونحن مستعدون للحوار مع كل الأطراف".'],
        {"خالد العلي": (PER, "خالد العلي")},
        [("خالد العلي", "direct", "وقال رئيس البرلمان خالد العلي",
          'إن المرحلة المقبلة تتطلب تكاتف الجميع\n\n"ونحن مستعدون للحوار مع كل الأطراف')],
        id="quote-spans-paragraphs-reopened",
    ),
    pytest.param(
        ["وقال رئيس البرلمان خالد العلي: «إن المرحلة المقبلة تتطلب تكاتف الجميع",
         "ونحن مستعدون للحوار مع كل الأطراف»."],
        {"خالد العلي": (PER, "خالد العلي")},
        [("خالد العلي", "direct", "وقال رئيس البرلمان خالد العلي",
          "إن المرحلة المقبلة تتطلب تكاتف الجميع\n\nونحن مستعدون للحوار مع كل الأطراف")],
        id="quote-spans-paragraphs-closed-later",
    ),
    pytest.param(
        ['"لن نتراجع عن مطالبنا حتى النهاية"، قال المتحدث باسم المحتجين علي حسن.'],
        {"علي حسن": (PER, "علي حسن")},
        [("علي حسن", "direct", "قال المتحدث باسم المحتجين علي حسن", "لن نتراجع عن مطالبنا حتى النهاية")],
        id="cue-after-quote",
    ),
    pytest.param(
        ["وانتقد النائب كريم الجبوري القرار، مؤكدا أن الحكومة تجاهلت مطالب السكان."],
        {"كريم الجبوري": (PER, "كريم الجبوري")},
        [("كريم الجبوري", "indirect", "مؤكدا أن", "الحكومة تجاهلت مطالب السكان")],
        id="participle-takes-sentence-subject",
    ),
    pytest.param(
        ["التقى الوزير ماهر سعيد نظيره التركي.", "وقال الأخير إن بلاده تدعم الاتفاق."],
        {"ماهر سعيد": (PER, "ماهر سعيد")},
        [("ماهر سعيد", "indirect", "وقال الأخير إن", "بلاده تدعم الاتفاق")],
        id="anaphor-subject",
    ),
    pytest.param(
        ["صرح المحافظ نبيل يوسف أمس.", "وقال لوكالة الأنباء الوطنية إن المياه عادت إلى الأحياء."],
        {"نبيل يوسف": (PER, "نبيل يوسف"), "وكالة الأنباء الوطنية": (ORG, "وكالة الأنباء الوطنية")},
        [("نبيل يوسف", "indirect", "وقال لوكالة الأنباء الوطنية إن", "المياه عادت إلى الأحياء")],
        id="recipient-is-not-speaker",
    ),
    pytest.param(
        ["وقالت الشركة ”نتوقع زيادة الإنتاج في الربع المقبل“."],
        {"الشركة": (ORG, "الشركة")},
        [("الشركة", "direct", "وقالت الشركة", "نتوقع زيادة الإنتاج في الربع المقبل")],
        id="reversed-curly-quotes",
    ),
    pytest.param(
        ["وقال المحافظ نبيل يوسف إن الوضع مستقر، مضيفا أن القوات تسيطر على المدينة."],
        {"نبيل يوسف": (PER, "نبيل يوسف")},
        [
            ("نبيل يوسف", "indirect", "وقال المحافظ نبيل يوسف إن", "الوضع مستقر"),
            ("نبيل يوسف", "indirect", "مضيفا أن", "القوات تسيطر على المدينة"),
        ],
        id="two-cues-one-sentence",
    ),
    pytest.param(
        ["وأشارت الوزارة إلى أهمية التعاون.", "وقال بعد أن انتهى الاجتماع بساعة إنه متفائل."],
        {"الوزارة": (ORG, "الوزارة")},
        [("الوزارة", "indirect", "وقال بعد أن انتهى الاجتماع بساعة إنه", "متفائل")],
        id="subordinating-an-is-not-complementizer",
    ),
    pytest.param(
        ['"الوضع الأمني في المدينة مستقر تماما ولا داعي للقلق"، بحسب المحافظ نبيل يوسف.'],
        {"نبيل يوسف": (PER, "نبيل يوسف")},
        [("نبيل يوسف", "direct", "بحسب المحافظ نبيل يوسف", "الوضع الأمني في المدينة مستقر تماما ولا داعي للقلق")],
        id="source-cue-after-quote",
    ),
    pytest.param(
        ["وغنت الفنانة في الحفل، مشيرة إلى كونها تتمنى أن يحضر أقاربها عرضها المقبل."],
        {},
        [],
        id="ila-verb-needs-ila-an",
    ),
    pytest.param(
        ['وأوضحت الشركة تفاصيل الخطأ في مدونة بعنوان "ابقوا على حساباتكم آمنة دائما".'],
        {"الشركة": (ORG, "الشركة")},
        [],
        id="quoted-title-after-label-word",
    ),
    pytest.param(
        ["أعلنت وزارة الصحة حصيلة جديدة.", 'وقالت الوزارة في بيان، "الوضع تحت السيطرة في كل المستشفيات".'],
        {"وزارة الصحة": (ORG, "وزارة الصحة")},
        [("وزارة الصحة", "direct", "وقالت الوزارة", "الوضع تحت السيطرة في كل المستشفيات")],
        id="short-org-mention-resolves-to-earlier-full-name",
    ),
    pytest.param(
        ["ونشر النائب كريم الجبوري رسالة قال فيها إن الحكومة فشلت.",
         'وقال لبرنامج "حديث الساعة" الأسبوعي: "هذا الرجل يجب أن يرحل فورا".'],
        {"كريم الجبوري": (PER, "كريم الجبوري")},
        [("كريم الجبوري", "indirect", "قال فيها إن", "الحكومة فشلت"),
         ("كريم الجبوري", "direct", 'وقال لبرنامج "حديث الساعة" الأسبوعي: ', "هذا الرجل يجب أن يرحل فورا")],
        id="pronoun-preposition-and-recipient-are-not-subjects",
    ),
    pytest.param(
        ["وقال المتحدث باسم الرئاسة، سامي نور، في مؤتمر صحفي إن الزيارة ناجحة."],
        {"سامي نور": (PER, "سامي نور")},
        [("سامي نور", "indirect", "وقال المتحدث باسم الرئاسة، سامي نور، في مؤتمر صحفي إن", "الزيارة ناجحة")],
        id="name-in-apposition-after-comma",
    ),
    pytest.param(
        ["وقال الوزير عادل كامل إن الميزانية جاهزة.",
         "وكانت السفارة في العاصمة قد قالت في وقت سابق إن التقارير خاطئة."],
        {"عادل كامل": (PER, "عادل كامل")},
        [("عادل كامل", "indirect", "وقال الوزير عادل كامل إن", "الميزانية جاهزة"),
         (None, "indirect", "قالت في وقت سابق إن", "التقارير خاطئة")],
        id="svo-unnamed-subject-does-not-inherit",
    ),
    pytest.param(
        ["وكانت الحكومة الأردنية قد أعلنت أنها ستخفض الضرائب."],
        {"الحكومة الأردنية": (ORG, "الحكومة الأردنية")},
        [("الحكومة الأردنية", "indirect", "أعلنت أنها", "ستخفض الضرائب")],
        id="svo-entity-subject",
    ),
    pytest.param(
        ["أعلنت موسكو أنها قد تزود دمشق بأنظمة دفاع جوي."],
        {"موسكو": ("LOC", "موسكو"), "دمشق": ("LOC", "دمشق")},
        [("موسكو", "indirect", "أعلنت موسكو أنها", "قد تزود دمشق بأنظمة دفاع جوي")],
        id="capital-speaks-right-after-the-verb",
    ),
    pytest.param(
        ['وقال تيلرسون، "نساند لبنان الحر ولا نقبل بنفوذ إيران".', 'ولكنه أضاف، "علينا الاعتراف بالواقع السياسي".'],
        {"تيلرسون": (PER, "ريكس تيلرسون"), "إيران": ("LOC", "إيران")},
        [("ريكس تيلرسون", "direct", "وقال تيلرسون", "نساند لبنان الحر ولا نقبل بنفوذ إيران"),
         ("ريكس تيلرسون", "direct", "أضاف، ", "علينا الاعتراف بالواقع السياسي")],
        id="but-he-added",
    ),
    pytest.param(
        ['وقال النائب كريم الجبوري: "قال لي الوزير سامي نور إن الأمر محسوم، وهذا غير صحيح".',
         "وأضاف أن اللجنة ستجتمع غدا."],
        {"كريم الجبوري": (PER, "كريم الجبوري"), "سامي نور": (PER, "سامي نور")},
        [("كريم الجبوري", "direct", "وقال النائب كريم الجبوري", "قال لي الوزير سامي نور إن الأمر محسوم، وهذا غير صحيح"),
         ("كريم الجبوري", "indirect", "وأضاف أن", "اللجنة ستجتمع غدا")],
        id="names-inside-a-quote-are-not-agents",
    ),
    pytest.param(
        ["وقال أحد مساعدي الرئيس سليم داود إن الاجتماع تأجل."],
        {"سليم داود": (PER, "سليم داود")},
        [(None, "indirect", "وقال أحد مساعدي الرئيس سليم داود إن", "الاجتماع تأجل")],
        id="name-in-a-genitive-is-not-the-speaker",
    ),
    pytest.param(
        ["قال مبعوث الأمم المتحدة، نيكولاي ميلادينوف، إن الحل السياسي ممكن."],
        {"الأمم المتحدة": (ORG, "الأمم المتحدة"), "نيكولاي ميلادينوف": (PER, "نيكولاي ميلادينوف")},
        [("نيكولاي ميلادينوف", "indirect", "قال مبعوث الأمم المتحدة، نيكولاي ميلادينوف، إن", "الحل السياسي ممكن")],
        id="envoy-of-org-named-after-comma",
    ),
    pytest.param(
        ["وقال وزير خارجية إيران محمد جواد ظريف إن بلاده ملتزمة بالاتفاق."],
        {"إيران": ("LOC", "إيران"), "محمد جواد ظريف": (PER, "محمد جواد ظريف")},
        [("محمد جواد ظريف", "indirect", "وقال وزير خارجية إيران محمد جواد ظريف إن", "بلاده ملتزمة بالاتفاق")],
        id="name-after-a-genitive-place",
    ),
    pytest.param(
        ["وقال عباس إن المفاوضات متوقفة.", "وقال إن إدارة الرئيس جو بايدن تجاهلت المطالب."],
        {"عباس": (PER, "محمود عباس"), "جو بايدن": (PER, "جو بايدن")},
        [("محمود عباس", "indirect", "وقال عباس إن", "المفاوضات متوقفة"),
         ("محمود عباس", "indirect", "وقال إن", "إدارة الرئيس جو بايدن تجاهلت المطالب")],
        id="names-in-reported-words-are-not-subjects",
    ),
    pytest.param(
        ["قال مبعوث الأمم المتحدة للسلام في الشرق الأوسط، نيكولاي ميلادينوف، إن الحل ممكن.",
         "وقال مصدر في وزارة الداخلية، رفض الكشف عن اسمه، إن التحقيق مستمر."],
        {"الأمم المتحدة": (ORG, "الأمم المتحدة"), "نيكولاي ميلادينوف": (PER, "نيكولاي ميلادينوف"),
         "الشرق الأوسط": ("LOC", "الشرق الأوسط"), "وزارة الداخلية": (ORG, "وزارة الداخلية")},
        [("نيكولاي ميلادينوف", "indirect",
          "قال مبعوث الأمم المتحدة للسلام في الشرق الأوسط، نيكولاي ميلادينوف، إن", "الحل ممكن"),
         (None, "indirect", "وقال مصدر في وزارة الداخلية، رفض الكشف عن اسمه، إن", "التحقيق مستمر")],
        id="name-after-an-adjunct-and-a-comma",
    ),
    pytest.param(
        ["وتقع المدينة بين النهرين على بعد 40 كيلومترا من العاصمة."],
        {},
        [],
        id="bayna-between-is-not-a-cue",
    ),
]


@pytest.mark.parametrize(("paragraphs", "entities", "expected"), CASES)
def test_find_quotes(paragraphs: list[str], entities: dict[str, tuple[str, str]],
                     expected: list[tuple[str | None, str, str | None, str]]) -> None:
    assert summary(build(paragraphs, entities)) == expected


def test_speaker_span_points_at_mention() -> None:
    article = build(["قال الوزير عادل كامل إن الميزانية جاهزة.", "وأضاف أن التصويت سيجري الأسبوع المقبل."],
                    {"عادل كامل": (PER, "عادل كامل")})
    quotes = find_quotes(article, LEX)
    assert len(quotes) == 2
    for q in quotes:
        a, b = q.attrs["speaker_span"]
        assert article.text[a:b] == "عادل كامل"
        assert q.label == "QUOTE"


def test_stage_assigns_layer_and_declares_needs() -> None:
    stage = make_stage()
    assert stage.requires == ("sentences", "entities")
    assert stage.assigns == ("quotes",)
    article = build(["وقال الوزير عادل كامل إن الميزانية جاهزة."], {"عادل كامل": (PER, "عادل كامل")})
    out = stage(article)
    assert [out.text[q.start:q.end] for q in out.quotes] == ["الميزانية جاهزة"]
    assert article.quotes == ()


def test_quotes_without_entity_layer_still_found() -> None:
    article = SENTENCES(Article.build("", ['وقال مسؤول: "الوضع تحت السيطرة".']))
    assert [(q.attrs["kind"], q.attrs["speaker"]) for q in find_quotes(article, LEX)] == [("direct", None)]


# -- seed acceptance through the real pipeline (skips without ../shared or the entity stage) -----
SEED = "000_bdb0ef1f55d75d44"


def _read_seed(seed_dir: Path) -> tuple[Article, dict[str, Any]]:
    pytest.importorskip("rasd.enrich.entities")
    from rasd.extract import extract_article
    from rasd.ingest import iter_raw_pages
    from rasd.ingest.rawpage import RawPage
    from rasd.pipeline import Pipeline

    [raw] = list(iter_raw_pages([str(seed_dir / f"{SEED}.txt")]))
    assert isinstance(raw, RawPage)
    article = Pipeline.default()(extract_article(raw))
    expected = json.loads((seed_dir / f"{SEED}.expected.json").read_text(encoding="utf-8"))
    return article, expected


def test_seed_quotes_match_expected(seed_dir: Path) -> None:
    article, expected = _read_seed(seed_dir)
    got = []
    for q in article.quotes:
        cue = q.attrs["cue"]
        got.append({"speaker": q.attrs["speaker"], "kind": q.attrs["kind"],
                    "cue": article.text[cue[0]:cue[1]] if cue else None, "text": article.text[q.start:q.end]})
    want = expected["quotes"]
    assert len(got) == len(want), got
    for g, w in zip(got, want, strict=True):
        assert (g["speaker"], g["kind"], g["cue"]) == (w["speaker"], w["kind"], w["cue"])
        assert g["text"].startswith(w["starts"]), (g["text"], w["starts"])


def test_bare_title_refers_to_the_earlier_holder_of_that_role() -> None:
    article = SENTENCES(Article.build("", [
        "استقبل وزير الخارجية سامي نور السفير البريطاني أمس.",
        "وقال الوزير إن العلاقات بين البلدين متينة.",
        "وقال مصدر دبلوماسي إن الزيارة ستتكرر.",
    ]))
    i = article.text.index("سامي نور")
    article = article.with_layer("entities", [Span(i, i + 8, "PER", {"canonical": "سامي نور", "role": "وزير الخارجية"})])
    got = [(q.attrs["speaker"], q.attrs["speaker_span"]) for q in find_quotes(article, LEX)]
    assert got == [("سامي نور", [i, i + 8]), (None, None)]


# -- robustness: any mix of cue words, quote marks and names gives valid spans ----------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = ["وقال", "قالت", "وأضاف", "إن", "أن", "إلى", "الوزير", "سامي", "نور", '"', "«", "»", "“", "”", "'",
           "،", ":", ".", "في", "بيان", "مؤكدا", "الأخير", "\n", "بـ", "هجوم", "اليوم"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25), min_size=1, max_size=4))
def test_quote_spans_are_valid_on_any_text(paragraphs: list[list[str]]) -> None:
    article = build([" ".join(p) for p in paragraphs], {"سامي نور": (PER, "سامي نور")})
    for q in find_quotes(article, LEX):
        assert 0 <= q.start < q.end <= len(article.text)
        assert q.attrs["kind"] in ("direct", "indirect")
        cue = q.attrs["cue"]
        assert cue is None or 0 <= cue[0] < cue[1] <= len(article.text)
        assert article.text[q.start:q.end].strip() == article.text[q.start:q.end]


@pytest.mark.parametrize(("title", "entities", "expected"), [
    ("تيلرسون: حزب الله جزء من العملية السياسية في لبنان", {"تيلرسون": (PER, "ريكس تيلرسون"), "لبنان": ("LOC", "لبنان")},
     [("ريكس تيلرسون", "تيلرسون:", "حزب الله جزء من العملية السياسية في لبنان")]),
    ("سوريا: مقتل 14 شخصا في قصف على الغوطة", {"سوريا": ("LOC", "سوريا")}, []),
    ("الجيش الإسرائيلي: لا نسعى إلى التصعيد في غزة", {"الجيش الإسرائيلي": (ORG, "الجيش الإسرائيلي")},
     [("الجيش الإسرائيلي", "الجيش الإسرائيلي:", "لا نسعى إلى التصعيد في غزة")]),
])
def test_headline_speaker_colon(title: str, entities: dict[str, tuple[str, str]],
                                expected: list[tuple[str, str, str]]) -> None:
    article = build(["فقرة أولى من المتن."], entities, title=title)
    got = []
    for q in find_quotes(article, LEX):
        cue = q.attrs["cue"]
        got.append((q.attrs["speaker"], article.text[cue[0]:cue[1]], article.text[q.start:q.end]))
    assert got == expected


def test_speaker_text_names_an_unnamed_or_untagged_source() -> None:
    article = build(["وقالت وزارة الخارجية البريطانية في بيان إن البلاد باقية في الاتفاق.",
                     "وقال الوزير عادل كامل إن الميزانية جاهزة."], {"عادل كامل": (PER, "عادل كامل")})
    got = [(q.attrs["speaker"], q.attrs["speaker_text"]) for q in find_quotes(article, LEX)]
    assert got == [(None, "وزارة الخارجية البريطانية"), ("عادل كامل", None)]


# -- speakers and attributions of the recall round (2026-11-29) -------------------------------------
# Each row: paragraphs, entities, expected [(speaker or speaker text, kind, start of the quoted words)].
# A speaker text (no entity) is written as "~words".
def who_said(article: Article) -> list[tuple[str | None, str, str]]:
    out = []
    for q in find_quotes(article, LEX):
        name = q.attrs["speaker"] or (f"~{q.attrs['speaker_text']}" if q.attrs["speaker_text"] else None)
        out.append((name, q.attrs["kind"], article.text[q.start:q.end].split()[0]))
    return out


SPEAKER_CASES = [
    pytest.param(["وقال مصدر عسكري إن الاشتباكات اندلعت فجرا.", "وأضاف أن القوات صدت الهجوم."], {},
                 [("~مصدر عسكري", "indirect", "الاشتباكات"), ("~مصدر عسكري", "indirect", "القوات")],
                 id="bare-wadaf-inherits-an-unnamed-source"),
    pytest.param(["وقالت مصادر ميدانية إن الغارات استهدفت مخازن.", "وأضافت المصادر أن الغارات دمرت عربات."], {},
                 [("~مصادر ميدانية", "indirect", "الغارات"), ("~مصادر ميدانية", "indirect", "الغارات")],
                 id="definite-noun-takes-the-earlier-source-of-its-head"),
    pytest.param(["قالت نقابة الصحفيين اليمنيين إن ثلاثة صحفيين اعتقلوا."], {},
                 [("~نقابة الصحفيين اليمنيين", "indirect", "ثلاثة")], id="speaker-the-ner-missed-kept-as-text"),
    pytest.param(["قال رئيس الحكومة #سامي_نور، اليوم الاثنين، إن الحكومة باقية."], {},
                 [("~سامي_نور", "indirect", "الحكومة")], id="hashtag-name-after-a-title"),
    pytest.param(['وذكرت صحيفة "الأيام" أن الوزير سيستقيل.'], {"الأيام": (ORG, "صحيفة الأيام")},
                 [("صحيفة الأيام", "indirect", "الوزير")], id="quoted-name-after-a-label-word"),
    pytest.param(["وأعلن الرئيس سامي نور الخطة أمس.", "وتابع بالقول إن الخطة ستنفذ فورا."],
                 {"سامي نور": (PER, "سامي نور")}, [("سامي نور", "indirect", "الخطة")],
                 id="bil-qawl-is-no-subject"),
    pytest.param(['وأكد الوزير سامي نور أن الحوار مستمر، مضيفاً "لن نتراجع عن مطالبنا أبدا".'],
                 {"سامي نور": (PER, "سامي نور")},
                 [("سامي نور", "indirect", "الحوار"), ("سامي نور", "direct", "لن")], id="tanween-participle"),
    pytest.param(["إيران تصف نتنياهو بأنه كاذب ومخادع."],
                 {"إيران": ("LOC", "إيران"), "نتنياهو": (PER, "بنيامين نتنياهو")},
                 [("إيران", "indirect", "كاذب")], id="svo-subject-before-an-object-verb"),
    pytest.param(['وذكر الوزير سامي نور خلال كلمة له: "سنواصل العمل مع شركائنا في المنطقة".'],
                 {"سامي نور": (PER, "سامي نور")}, [("سامي نور", "direct", "سنواصل")],
                 id="reporting-verb-with-a-colon-takes-a-direct-quote"),
    pytest.param(["التقى الرئيس رئيسة الوزراء تيريزا ماي أمس.", "ودافعت ماي عن القرار، قائلة إن بلادها لن تتراجع."],
                 {"تيريزا ماي": (PER, "تيريزا ماي")}, [("تيريزا ماي", "indirect", "بلادها")],
                 id="bare-surname-of-a-person-named-in-full"),
    pytest.param(["ونقلت الوكالة عن مسؤول عسكري قوله إن القوات تقدمت مسافة كيلومترين."], {},
                 [("~مسؤول عسكري", "indirect", "القوات")], id="naql-an-x-qawlahu"),
    pytest.param(["خرج آلاف المدنيين من البلدة عبر ممر آمن، كما أفاد المرصد السوري لحقوق الإنسان."],
                 {"المرصد السوري لحقوق الإنسان": (ORG, "المرصد السوري لحقوق الإنسان")},
                 [("المرصد السوري لحقوق الإنسان", "indirect", "خرج")], id="trailing-attribution-with-a-verb"),
    pytest.param(["قتل 11 شخصا في الانفجار بحسب مصادر طبية."], {}, [], id="bare-bihasab-attributes-a-figure-only"),
    pytest.param(["ووفق الأمم المتحدة فإن 22 مليون يمني بحاجة إلى مساعدات."],
                 {"الأمم المتحدة": (ORG, "الأمم المتحدة")}, [("الأمم المتحدة", "indirect", "22")],
                 id="leading-wifq-x-fa-inna"),
    pytest.param(["ووفقا للاتفاق، فإنه يجب على الطرفين خفض التخصيب."], {}, [], id="according-to-a-text-is-no-speaker"),
    pytest.param(["وأضاف الحريري أن تياره انتصر في الانتخابات.", "وأنه كان يراهن على تمثيل أوسع."],
                 {"الحريري": (PER, "سعد الحريري")},
                 [("سعد الحريري", "indirect", "تياره"), ("سعد الحريري", "indirect", "كان")],
                 id="wa-annahu-continues-an-indirect-quote"),
    pytest.param(["وقال الحريري إن الحكومة ستتشكل قريبا.", "أما بخصوص التحالفات المقبلة أكد أنه سيحسمها بالمشاورات."],
                 {"الحريري": (PER, "سعد الحريري")},
                 [("سعد الحريري", "indirect", "الحكومة"), ("سعد الحريري", "indirect", "سيحسمها")],
                 id="fronted-topic-is-no-subject"),
    pytest.param(['وقال المتحدث باسم الجيش علي حسن: "القوات تقدمت في المحور الشمالي',
                  '"ونحن نواصل العمليات حتى تحرير آخر قرية".'],
                 {"علي حسن": (PER, "علي حسن")},
                 [("علي حسن", "direct", "القوات")], id="quote-spanning-paragraphs-is-one-quote"),
    pytest.param(['وقالت المتحدثة باسم #الخارجية_الروسية ماريا زاخاروفا إن "هذه مهزلة".'],
                 {"ماريا زاخاروفا": (PER, "ماريا زاخاروفا")}, [("ماريا زاخاروفا", "direct", "هذه")],
                 id="hashtag-after-bism-is-the-organisation"),
    pytest.param(["أعلن العميد سامي نور قائد القوات تحرير المطار.", "وقال قائد القوات إن العملية انتهت."],
                 {"سامي نور": (PER, "سامي نور")}, [("سامي نور", "indirect", "العملية")],
                 id="title-after-the-name"),
    pytest.param(["من جهته رد الوزير سامي نور على الانتقادات، حيث قال: \"لا توجد أزمة بيننا\"."],
                 {"سامي نور": (PER, "سامي نور")}, [("سامي نور", "direct", "لا")], id="min-jihatihi-then-the-verb"),
    pytest.param(["وفي وقت سابق أعلن الإليزيه أنه سيسحب الوسام."], {"الإليزيه": (ORG, "الإليزيه")},
                 [("الإليزيه", "indirect", "سيسحب")], id="fronted-time-adjunct-is-no-subject"),
    pytest.param(["وأكد الرئيس سامي نور الخطة.", 'وقال مخاطبا الحكومة العراقية "إذا أردتم الحوار فنحن مستعدون له".'],
                 {"سامي نور": (PER, "سامي نور")}, [("سامي نور", "direct", "إذا")], id="participle-addressee-is-no-subject"),
    pytest.param(["كشفت مصادر قضائية عن إحالة الملف إلى النيابة.", "وأفادت أن الجلسة الأولى ستعقد الأحد."], {},
                 [("~مصادر قضائية", "indirect", "الجلسة")], id="a-source-without-a-quote-is-still-the-last-agent"),
]


@pytest.mark.parametrize(("paragraphs", "entities", "expected"), SPEAKER_CASES)
def test_speakers_and_attributions(paragraphs: list[str], entities: dict[str, tuple[str, str]],
                                   expected: list[tuple[str | None, str, str]]) -> None:
    assert who_said(build(paragraphs, entities)) == expected


def test_quote_spanning_paragraphs_ends_in_the_second() -> None:
    article = build(['وقال المتحدث باسم الجيش علي حسن: "القوات تقدمت في المحور الشمالي',
                     '"ونحن نواصل العمليات حتى تحرير آخر قرية".'], {"علي حسن": (PER, "علي حسن")})
    [q] = find_quotes(article, LEX)
    assert article.text[q.start:q.end].endswith("آخر قرية") and "\n\n" in article.text[q.start:q.end]
