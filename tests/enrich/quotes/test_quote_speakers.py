"""Table tests for the third quotes round (rasd.enrich.quotes.speakers, cues, attribution): who said it
and where the words end, over hand-written articles with hand-made entity layers."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from support.marks import mark_spans

from rasd.document import Article, Span
from rasd.enrich.quotes import find_quotes, load_quote_lexicon
from rasd.enrich.quotes.speakers import merge_split_names, title_words_before
from rasd.enrich.sentences import make_stage as make_sentence_stage

LEX = load_quote_lexicon()
SENTENCES = make_sentence_stage()
PER, ORG = "PER", "ORG"


def build(paragraphs: Sequence[str], entities: dict[str, tuple[str, str]], title: str = "") -> Article:
    """An article with sentences and an entity layer: mention text → (label, canonical); every
    occurrence of a mention is tagged, longer mentions first."""
    article = SENTENCES(Article.build(title, paragraphs))
    marks = {k: (label, {"canonical": canonical}) for k, (label, canonical) in entities.items()}
    return article.with_layer("entities", mark_spans(article.text, marks))


def who(article: Article) -> list[tuple[str | None, str, str]]:
    """(speaker, or speaker_text in brackets, kind, words) of each quote."""
    out = []
    for q in find_quotes(article, LEX):
        name = q.attrs["speaker"] or (f"[{q.attrs['speaker_text']}]" if q.attrs["speaker_text"] else None)
        out.append((name, q.attrs["kind"], article.text[q.start : q.end]))
    return out


CASES = [
    pytest.param(
        ['وجاء في البيان الختامي للاجتماع "نلتزم بدعم التجارة الحرة بين الدول الأعضاء".'],
        {},
        [("[البيان الختامي للاجتماع]", "direct", "نلتزم بدعم التجارة الحرة بين الدول الأعضاء")],
        id="jaa-fi-document-speaks",
    ),
    pytest.param(
        ["وعلقت إدارة المدرسة تنويها جاء فيه: \"نطلب من الطلاب الالتزام بالزي المدرسي في كل الأوقات\"."],
        {},
        [("[وعلقت إدارة المدرسة تنويها]", "direct", "نطلب من الطلاب الالتزام بالزي المدرسي في كل الأوقات")],
        id="jaa-fihi-the-notice-before-it",
    ),
    pytest.param(
        ["وجاء في المرتبة الثانية فريق الجامعة بعد أن خسر مباراته الأخيرة."],
        {},
        [],
        id="jaa-fi-a-rank-is-no-cue",
    ),
    pytest.param(
        ["وقال سامي حداد إن الوزارة لم تتلق أي طلب، والذي قيل إن الحكومة رفضته قبل أسبوع."],
        {"سامي حداد": (PER, "سامي حداد")},
        [("سامي حداد", "indirect", "الوزارة لم تتلق أي طلب، والذي"),
         (None, "indirect", "الحكومة رفضته قبل أسبوع")],
        id="passive-qila-has-no-speaker-and-cuts",
    ),
    pytest.param(
        ["وتفيد وزارة العدل بأن المتهمين اخترقوا آلاف الحسابات.", "ورجحت الشرطة أن يكون الهجوم مدبرا."],
        {"وزارة العدل": (ORG, "وزارة العدل")},
        [("وزارة العدل", "indirect", "المتهمين اخترقوا آلاف الحسابات"),
         ("[الشرطة]", "indirect", "يكون الهجوم مدبرا")],
        id="present-tufid-and-rajjaha",
    ),
    pytest.param(
        ["ووصفت طهران العقوبات بأنها غير شرعية، فيما قال المتحدث باسم الخارجية علي رضا إن الإجراءات لن تؤثر."],
        {"طهران": ("LOC", "طهران"), "الخارجية": (ORG, "وزارة الخارجية"), "علي رضا": (PER, "علي رضا")},
        [("طهران", "indirect", "غير شرعية"), ("علي رضا", "indirect", "الإجراءات لن تؤثر")],
        id="fima-qala-starts-another-speaker",
    ),
    pytest.param(
        ["وتأتي الخطوة وسط تغييرات يجريها ترامب في إدارته، والذي قال في تصريح إنه يحاول إصلاح النظام."],
        {"ترامب": (PER, "دونالد ترامب")},
        [("دونالد ترامب", "indirect", "يحاول إصلاح النظام")],
        id="relative-pronoun-subject-takes-the-name-before",
    ),
    pytest.param(
        ["قال ترامب إنه اتصل بالملك سلمان الذي نفى علمه بما حدث.", "وأضاف أنه سيرسل وزير الخارجية إلى الرياض."],
        {"ترامب": (PER, "دونالد ترامب"), "الملك سلمان": (PER, "سلمان بن عبد العزيز")},
        [("دونالد ترامب", "indirect", "اتصل بالملك سلمان الذي نفى علمه بما حدث"),
         ("دونالد ترامب", "indirect", "سيرسل وزير الخارجية إلى الرياض")],
        id="relative-clause-subject-is-not-the-last-agent",
    ),
    pytest.param(
        ["كشف قائد مركز العمليات، اللواء فادي منصور، أن الدفاعات أسقطت طائرتين مسيرتين."],
        {"فادي منصور": (PER, "فادي منصور")},
        [("فادي منصور", "indirect", "الدفاعات أسقطت طائرتين مسيرتين")],
        id="title-after-comma-then-name",
    ),
    pytest.param(
        ["من جانبه، قال رئيس الوزراء السابق، الإسباني الأصل، مانويل فالس إن \"أوروبا تحتاج إلى إسبانيا موحدة\"."],
        {"مانويل فالس": (PER, "مانويل فالس")},
        [("مانويل فالس", "direct", "أوروبا تحتاج إلى إسبانيا موحدة")],
        id="two-definite-words-after-comma",
    ),
    pytest.param(
        ["وقال المتحدث باسم الشرطة، الذي طلب عدم ذكر اسمه، إن التحقيق مستمر مع سامي حداد."],
        {"سامي حداد": (PER, "سامي حداد")},
        [("[المتحدث باسم الشرطة]", "indirect", "التحقيق مستمر مع سامي حداد")],
        id="relative-clause-after-comma-is-no-title",
    ),
    pytest.param(
        ["وقال محامي الرئيس، مايكل كوهين، الذي يخضع للتحقيق حاليا في الولايات المتحدة، لصحيفة نيويورك تايمز إنه "
         "دفع المبلغ من ماله الخاص."],
        {"محامي الرئيس": (PER, "محامي الرئيس"), "مايكل كوهين": (PER, "مايكل كوهين"),
         "الولايات المتحدة": ("LOC", "الولايات المتحدة"), "نيويورك تايمز": (ORG, "نيويورك تايمز")},
        [("مايكل كوهين", "indirect", "دفع المبلغ من ماله الخاص")],
        id="relational-mention-then-name-and-long-gap-to-a-newspaper",
    ),
    pytest.param(
        ["وقال القائد الميداني خالد عمر قائد القوات في الساحل الغربي في مقابلة مع قناة محلية، الثلاثاء، إن "
         "القوات سيطرت على المطار."],
        {"خالد عمر": (PER, "خالد عمر")},
        [("خالد عمر", "indirect", "القوات سيطرت على المطار")],
        id="long-gap-around-an-interview",
    ),
    pytest.param(
        ["وقال خالد عمر قائد القوات في الساحل الغربي بعد سلسلة طويلة من المعارك العنيفة مع المسلحين في الأحياء "
         "الشرقية للمدينة الساحلية، إن القوات سيطرت على المطار."],
        {"خالد عمر": (PER, "خالد عمر")},
        [],
        id="long-gap-without-a-setting-stays-out",
    ),
    pytest.param(
        ['ونشرت بكين صواريخ في الجزر الجنوبية، على ما أوردت شبكة "سي إن بي سي" الأميركية.'],
        {"بكين": ("LOC", "بكين"), "سي إن بي سي": (ORG, "سي إن بي سي")},
        [("سي إن بي سي", "indirect", "ونشرت بكين صواريخ في الجزر الجنوبية")],
        id="trailing-ala-ma-and-in-inside-a-quoted-name",
    ),
    pytest.param(
        ["في المقابل، يؤيد الطالب كيلليون فيري قرار الجامعة، وقال لإذاعة محلية: \"القرار في مصلحة الجميع\"."],
        {"كيلليون فيري": (PER, "كيلليون فيري")},
        [("كيلليون فيري", "direct", "القرار في مصلحة الجميع")],
        id="fronted-adjunct-subject-and-a-name-that-reads-as-fa-yara",
    ),
    pytest.param(
        ["ويبدو من المعقول توقع أن تتراجع الأسعار.", "وتوقع البنك المركزي أن يتباطأ النمو."],
        {"البنك المركزي": (ORG, "البنك المركزي")},
        [("البنك المركزي", "indirect", "يتباطأ النمو")],
        id="tawaqqu-the-noun-is-no-cue",
    ),
    pytest.param(
        ["وقال موقع فيس بوك إنه سيطلق الخدمة الجديدة خلال أسابيع."],
        {"فيس بوك": (ORG, "فيسبوك")},
        [("فيسبوك", "indirect", "سيطلق الخدمة الجديدة خلال أسابيع")],
        id="label-word-then-organisation",
    ),
    pytest.param(
        ["ونقلت رويترز عن سامي حداد قوله، إن القطاع بحاجة إلى استثمارات كبيرة، مضيفا أن الطلب سيرتفع."],
        {"رويترز": (ORG, "رويترز"), "سامي حداد": (PER, "سامي حداد")},
        [("سامي حداد", "indirect", "القطاع بحاجة إلى استثمارات كبيرة"),
         ("سامي حداد", "indirect", "الطلب سيرتفع")],
        id="naql-an-qawlahu-then-a-participle",
    ),
    pytest.param(
        ['وقال الوزير سامي حداد في مقابلة مع شبكة "سي إن بي سي" إن الأسواق تميل إلى المبالغة.'],
        {"سامي حداد": (PER, "سامي حداد"), "سي إن بي سي": (ORG, "سي إن بي سي")},
        [("سامي حداد", "indirect", "الأسواق تميل إلى المبالغة")],
        id="the-inna-after-a-quoted-name",
    ),
    pytest.param(
        ["أما الفنان سامي حداد فقال إنه شارك في العمل لأنه جديد.", "وتحدث ماكرون مع ترامب وقال له إن القرار غير قانوني."],
        {"سامي حداد": (PER, "سامي حداد"), "ماكرون": (PER, "إيمانويل ماكرون"), "ترامب": (PER, "دونالد ترامب")},
        [("سامي حداد", "indirect", "شارك في العمل لأنه جديد"), ("إيمانويل ماكرون", "indirect", "القرار غير قانوني")],
        id="fa-qala-and-wa-qala-right-after-a-name-are-cues",
    ),
    pytest.param(
        ['أما الفيلم الثالث "بيت الأحلام" فتؤكد المخرجة نادين حداد أنه يعكس واقع المنطقة.'],
        {"بيت الأحلام": ("LOC", "بيت الأحلام"), "نادين حداد": (PER, "نادين حداد")},
        [("نادين حداد", "indirect", "يعكس واقع المنطقة")],
        id="fa-tu-akkid-after-a-tagged-title-is-a-cue",
    ),
    pytest.param(
        ["ونقل بيان عن الرئاسة السورية أن القرار يأتي ردا على المشاركة في الهجوم."],
        {"الرئاسة السورية": (ORG, "الرئاسة السورية")},
        [("الرئاسة السورية", "indirect", "القرار يأتي ردا على المشاركة في الهجوم")],
        id="naql-an-x-anna-without-qawlahu",
    ),
    pytest.param(
        ["وقال الطبيب سامي حداد إن الرضيع يعاني من إصابات داخلية، لافتا على أن حالته مستقرة."],
        {"سامي حداد": (PER, "سامي حداد")},
        [("سامي حداد", "indirect", "الرضيع يعاني من إصابات داخلية"), ("سامي حداد", "indirect", "حالته مستقرة")],
        id="lafitan-ala-anna",
    ),
    pytest.param(
        ["وقالت الفنانة سلمى حداد إنها ستلجأ للقضاء، مشيرة إلى كونها تتابع الخطوات مع محاميها، على أن يحكم القضاء بينها."],
        {"سلمى حداد": (PER, "سلمى حداد")},
        [("سلمى حداد", "indirect", "ستلجأ للقضاء")],
        id="a-distant-ala-anna-is-a-proviso",
    ),
    pytest.param(
        ['وقال عنه رئيس الحزب سامي حداد "إنه رجل عصامي وصلب".'],
        {"سامي حداد": (PER, "سامي حداد")},
        [("سامي حداد", "indirect", "رجل عصامي وصلب")],
        id="short-quoted-words-opening-with-inna-are-words",
    ),
    pytest.param(
        ["وتتركز القروض على الشركات التي يهدد انهيار العملة مراكزها المالية، خاصة أن معظمها بالدولار."],
        {},
        [],
        id="yuhaddid-a-collapse-and-khassatan-anna-are-no-speech",
    ),
    pytest.param(
        ["ومنح المجلس لدانيلز مفتاح المدينة.", "وقال المجلس المحلي إن دانيلز أثبتت شجاعتها."],
        {"دانيلز": (PER, "ستورمي دانيلز")},
        [("[المجلس المحلي]", "indirect", "دانيلز أثبتت شجاعتها")],
        id="a-word-before-a-glued-object-is-no-title",
    ),
    # a name closing the subject after a prepositional phrase is in apposition to the title
    pytest.param(
        ["وقال الباحث في قسم الشرق الأوسط بالمنظمة سليم الحداد إن القصف استهدف مدرسة."],
        {"سليم الحداد": (PER, "سليم الحداد")},
        [("سليم الحداد", "indirect", "القصف استهدف مدرسة")],
        id="title-adjunct-name",
    ),
    pytest.param(
        ["وقال المسؤول في حزب الأمة هشام الخطيب لوكالة الأنباء إن الحزب سيقاطع الانتخابات."],
        {"حزب الأمة": (ORG, "حزب الأمة")},
        [("[هشام الخطيب]", "indirect", "الحزب سيقاطع الانتخابات")],
        id="title-adjunct-untagged-name",
    ),
    pytest.param(
        ["وقال فريق الدفاع عن سليم الحداد إن موكله بريء."],
        {"سليم الحداد": (PER, "سليم الحداد")},
        [("[فريق الدفاع]", "indirect", "موكله بريء")],
        id="a-name-after-a-preposition-is-its-object",
    ),
    pytest.param(
        ["وقال مسؤول في إدارة الرئيس سليم الحداد إن القرار نهائي."],
        {"سليم الحداد": (PER, "سليم الحداد")},
        [("[مسؤول]", "indirect", "القرار نهائي")],
        id="a-name-after-a-title-inside-the-phrase",
    ),
    pytest.param(
        ["وأعلن آنذاك سليم الحداد أن الحكومة لن تستقيل."],
        {"سليم الحداد": (PER, "سليم الحداد")},
        [("سليم الحداد", "indirect", "الحكومة لن تستقيل")],
        id="a-time-adverb-before-the-subject",
    ),
    pytest.param(
        ["وقال مصدر قريب من المغنية سليمة الحداد إنها بخير."],
        {"سليمة الحداد": (PER, "سليمة الحداد")},
        [("[مصدر قريب]", "indirect", "بخير")],
        id="an-unnamed-source-close-to-a-name",
    ),
]


@pytest.mark.parametrize(("paragraphs", "entities", "expected"), CASES)
def test_speakers_round3(paragraphs: list[str], entities: dict[str, tuple[str, str]],
                         expected: list[tuple[str | None, str, str]]) -> None:
    assert who(build(paragraphs, entities)) == expected


def test_split_person_mentions_are_merged_under_the_full_name() -> None:
    text = "قال كارلس بيغديمونت أمس. وأضاف الرئيس الفار كارلس بيغديمونت"
    full, split = text.find("كارلس"), text.find("الفار")
    spans = [Span(full, full + 15, PER, {"canonical": "كارلس بيغديمونت"}),
             Span(split, split + 11, PER, {"canonical": "الفار كارلس"}),
             Span(split + 12, len(text), PER, {"canonical": "بيغديمونت"})]
    assert [text[s.start : s.end] for s in spans] == ["كارلس بيغديمونت", "الفار كارلس", "بيغديمونت"]
    merged = merge_split_names(text, spans)
    assert [(s.start, s.end, s.attrs["canonical"]) for s in merged] == [
        (full, full + 15, "كارلس بيغديمونت"), (split, len(text), "كارلس بيغديمونت")]


@pytest.mark.parametrize(("text", "expected"), [
    ("وقال وزير الخارجية الأميركي أنتوني بلينكن", ["وقال", "وزير", "الخارجية", "الأميركي"]),
    ("وقال وزير الأمن العام، راؤول جونغمان", ["وقال", "وزير", "الأمن", "العام"]),
    ("وقال المتحدث باسم الخارجية الإيرانية بهرام قاسمي", ["وقال", "المتحدث", "باسم", "الخارجية", "الإيرانية"]),
    ("منح المجلس لدانيلز", []),
])
def test_title_words_before(text: str, expected: list[str]) -> None:
    names = {"أنتوني بلينكن", "راؤول جونغمان", "بهرام قاسمي", "دانيلز"}
    pos = max(text.rfind(n) for n in names)
    assert title_words_before(text, pos) == expected


def test_two_full_names_side_by_side_are_not_merged() -> None:
    text = "وقال المدير يحيى عثمان علي نصر إن البنك سلم المصارف احتياجها"
    a, b = text.find("يحيى"), text.find("علي")
    spans = [Span(a, a + 10, PER, {"canonical": "يحيى عثمان"}), Span(b, b + 7, PER, {"canonical": "علي نصر"})]
    assert [text[s.start : s.end] for s in spans] == ["يحيى عثمان", "علي نصر"]
    assert merge_split_names(text, spans) == spans


HEADLINES = [
    pytest.param("أنقرة تهدد: سنلاحق المسلحين في أي وقت", {"أنقرة": ("LOC", "أنقرة")}, ("أنقرة", "سنلاحق المسلحين في أي وقت"),
                 id="place-then-speech-verb"),
    pytest.param("بريطانيا: تسميم الجاسوس اعتداء على أرضنا", {"بريطانيا": ("LOC", "بريطانيا")},
                 ("بريطانيا", "تسميم الجاسوس اعتداء على أرضنا"), id="place-and-first-person-words"),
    pytest.param("الخطوط السعودية: سنصبح طيران خمس نجوم", {"السعودية": ("LOC", "السعودية")}, None,
                 id="a-place-inside-the-head-is-no-speaker"),
    pytest.param("سوريا: مقتل 14 شخصا في قصف على إدلب", {"سوريا": ("LOC", "سوريا")}, None, id="place-as-topic"),
    pytest.param("المتحدث باسم الخارجية الإيرانية عن اختفاء الصحفي: ننتظر ظهور الحقائق",
                 {"الخارجية الإيرانية": (ORG, "وزارة الخارجية الإيرانية")},
                 ("وزارة الخارجية الإيرانية", "ننتظر ظهور الحقائق"), id="speaker-then-topic"),
]


@pytest.mark.parametrize(("title", "entities", "expected"), HEADLINES)
def test_headline_quotes(title: str, entities: dict[str, tuple[str, str]],
                         expected: tuple[str, str] | None) -> None:
    article = build(["نص الخبر هنا بلا اقتباس."], entities, title)
    got = [(q.attrs["speaker"], article.text[q.start : q.end]) for q in find_quotes(article, LEX)]
    assert got == ([expected] if expected else [])
