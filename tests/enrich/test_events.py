"""Table tests for rasd.enrich.events over hand-written articles with hand-made layers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from support.marks import mark_spans

from rasd.document import Article
from rasd.enrich.events import find_events, load_event_lexicon, make_stage
from rasd.enrich.sentences import make_stage as make_sentence_stage

LEX = load_event_lexicon()
SENTENCES = make_sentence_stage()
PUBLISHED = datetime(2022, 3, 10, 9, 0)

Layer = dict[str, tuple[str, dict[str, Any]]]


def build(paragraphs: Sequence[str], *, entities: dict[str, tuple[str, str]] | None = None,
          times: dict[str, tuple[str, str]] | None = None,
          quantities: dict[str, tuple[int, str, str | None]] | None = None, title: str = "") -> Article:
    article = SENTENCES(Article.build(title, paragraphs, published=PUBLISHED))
    text = article.text
    ents: Layer = {k: (lab, {"canonical": can}) for k, (lab, can) in (entities or {}).items()}
    tims: Layer = {k: ("TIMEX", {"type": typ, "value": val}) for k, (typ, val) in (times or {}).items()}
    qts: Layer = {k: ("QUANTITY", {"value": v, "unit": u, "qualifier": q}) for k, (v, u, q) in (quantities or {}).items()}
    return (article.with_layer("entities", mark_spans(text, ents)).with_layer("times", mark_spans(text, tims))
            .with_layer("quantities", mark_spans(text, qts)))


KEYS = ("type", "acled_sub_event_type", "date", "date_precision", "locations", "actors", "participants",
        "claimed_by", "killed", "killed_qualifier", "wounded")


def summary(article: Article, keys: Sequence[str] = KEYS) -> list[dict[str, Any]]:
    out = []
    for e in find_events(article, LEX):
        row = {"trigger": article.text[e.start:e.end]}
        row.update({k: e.attrs[k] for k in keys})
        out.append(row)
    return out


def test_ied_explosion_with_casualty_words() -> None:
    a = build(["قتل 5 أشخاص وأصيب 12 آخرين بانفجار عبوة ناسفة في سوق بمدينة الموصل صباح اليوم."],
              entities={"الموصل": ("LOC", "الموصل")},
              times={"صباح اليوم": ("TIME", "2022-03-10TMO")},
              quantities={"5 أشخاص": (5, "people", None), "12 آخرين": (12, "people", None)})
    assert summary(a) == [{
        "trigger": "بانفجار", "type": "explosion", "acled_sub_event_type": "Remote explosive/landmine/IED",
        "date": "2022-03-10", "date_precision": "day", "locations": ["الموصل"], "actors": [], "participants": [],
        "claimed_by": None, "killed": 5, "killed_qualifier": None, "wounded": 12,
    }]


@pytest.mark.parametrize("sentence", [
    "وتواجه القوات هجمات متكررة من خلايا التنظيم في المناطق الصحراوية.",
    "ويخشى المراقبون من أن يؤدي أي هجوم إلى تصعيد خطير.",
    "وبحث الجانبان سبل مكافحة الهجمات الإرهابية في العراق.",
    "وتحدث التقرير عن الاشتباكات والتفجيرات.",
    "وصل عدد المشاركين في المؤتمر إلى 300 شخص.",
    "واستقبل الوزير سعيد خالد أمس.",
])
def test_no_event_without_a_concrete_incident(sentence: str) -> None:
    a = build([sentence], entities={"العراق": ("LOC", "العراق"), "سعيد خالد": ("PER", "سعيد خالد")},
              times={"أمس": ("DATE", "2022-03-09")}, quantities={"300 شخص": (300, "people", None)})
    assert summary(a) == []


def test_air_strike_noun_with_date_and_place() -> None:
    a = build(["وشنت طائرات التحالف غارة جوية على مواقع التنظيم في ريف دير الزور أمس."],
              entities={"التحالف": ("ORG", "التحالف الدولي"), "دير الزور": ("LOC", "دير الزور")},
              times={"أمس": ("DATE", "2022-03-09")})
    [row] = summary(a)
    assert (row["trigger"], row["type"], row["acled_sub_event_type"]) == ("غارة جوية", "air_strike", "Air/drone strike")
    assert (row["date"], row["locations"], row["actors"]) == ("2022-03-09", ["دير الزور"], ["التحالف الدولي"])


def test_drone_cue_refines_attack() -> None:
    a = build(["واستهدف هجوم بطائرة مسيرة قاعدة عين الأسد غرب العراق فجر اليوم."],
              entities={"عين الأسد": ("LOC", "عين الأسد"), "العراق": ("LOC", "العراق")},
              times={"فجر اليوم": ("TIME", "2022-03-10TNI")})
    [row] = summary(a)
    assert (row["trigger"], row["type"], row["acled_sub_event_type"]) == ("هجوم", "air_strike", "Air/drone strike")
    assert row["locations"] == ["عين الأسد", "العراق"]


def test_suicide_attack_trigger_takes_adjective_and_countries_go_last() -> None:
    a = build(["وقتل 10 جنود في سيناء المصرية بهجوم انتحاري استهدف نقطة تفتيش في مدينة العريش."],
              entities={"سيناء": ("LOC", "سيناء"), "مصر": ("LOC", "مصر"), "العريش": ("LOC", "العريش")},
              quantities={"10 جنود": (10, "soldiers", None)})
    [row] = summary(a)
    assert (row["trigger"], row["type"], row["killed"]) == ("بهجوم انتحاري", "suicide_bomb", 10)
    assert row["date"] == "2022-03-10" and row["date_precision"] == "publication"


def test_definite_noun_in_next_sentence_adds_to_the_event() -> None:
    a = build(["انفجرت سيارة مفخخة في حي الكرادة ببغداد مساء الخميس. وأسفر الانفجار عن مقتل 7 أشخاص وإصابة 20 آخرين.",
               "وأعلن تنظيم داعش مسؤوليته عن الهجوم في بيان."],
              entities={"الكرادة": ("LOC", "الكرادة"), "بغداد": ("LOC", "بغداد"), "داعش": ("ORG", "داعش")},
              times={"مساء الخميس": ("TIME", "2022-03-03TEV")},
              quantities={"7 أشخاص": (7, "people", None), "20 آخرين": (20, "people", None)})
    rows = summary(a, (*KEYS, "claim_evidence"))
    assert len(rows) == 1
    row = rows[0]
    assert (row["trigger"], row["type"], row["date"]) == ("انفجرت", "explosion", "2022-03-03")
    assert (row["killed"], row["wounded"], row["locations"]) == (7, 20, ["الكرادة", "بغداد"])
    assert (row["claimed_by"], row["claim_evidence"]) == ("داعش", "وأعلن تنظيم داعش مسؤوليته")


def test_claim_by_anaphor_refers_to_last_org() -> None:
    a = build(["ويواصل الجيش ملاحقة خلايا حركة الشباب في الجنوب.",
               "وتبنت الأخيرة هجوما على قاعدة عسكرية في بلدة بلعد الخميس أسفر عن 4 قتلى على الأقل."],
              entities={"الجيش": ("ORG", "الجيش الصومالي"), "حركة الشباب": ("ORG", "حركة الشباب"),
                        "بلعد": ("LOC", "بلعد")},
              times={"الخميس": ("DATE", "2022-03-03")},
              quantities={"4 قتلى على الأقل": (4, "killed", "at_least")})
    rows = summary(a, (*KEYS, "claim_evidence"))
    assert [(r["trigger"], r["claimed_by"], r["claim_evidence"], r["killed"], r["killed_qualifier"]) for r in rows] == [
        ("هجوما", "حركة الشباب", "وتبنت الأخيرة", 4, "at_least")]
    assert rows[0]["acled_sub_event_type"] == "Armed clash"  # military target: not violence against civilians


def test_protest_and_arrest_and_riot() -> None:
    a = build(["وتظاهر آلاف في ساحة التحرير وسط بغداد يوم الجمعة للمطالبة بإصلاحات.",
               "واعتقلت قوات الأمن 12 شخصا في البصرة.",
               "واندلعت أعمال شغب في الناصرية بعد أن أحرق محتجون مبنى المحافظة."],
              entities={"بغداد": ("LOC", "بغداد"), "البصرة": ("LOC", "البصرة"), "الناصرية": ("LOC", "الناصرية")},
              times={"يوم الجمعة": ("DATE", "2022-03-04")},
              quantities={"12 شخصا": (12, "people", None)})
    assert [(r["trigger"], r["type"], r["acled_sub_event_type"], r["locations"]) for r in summary(a)] == [
        ("وتظاهر", "protest", "Peaceful protest", ["بغداد"]),
        ("واعتقلت", "arrest", "Arrests", ["البصرة"]),
        ("أعمال شغب", "riot", "Violent demonstration", ["الناصرية"]),
    ]


def test_meeting_location_from_visit_of_a_participant() -> None:
    a = build(["والتقى الرئيس الفرنسي إيمانويل ماكرون رئيس الوزراء عمر زيدان اليوم لبحث الملفات الاقتصادية."],
              title="زيارة رئيس الوزراء عمر زيدان إلى باريس تبحث الاستثمار",
              entities={"إيمانويل ماكرون": ("PER", "إيمانويل ماكرون"), "عمر زيدان": ("PER", "عمر زيدان"),
                        "باريس": ("LOC", "باريس")},
              times={"اليوم": ("DATE", "2022-03-10")})
    assert summary(a) == [{
        "trigger": "والتقى", "type": "meeting", "acled_sub_event_type": None, "date": "2022-03-10",
        "date_precision": "day", "locations": ["باريس"], "actors": ["إيمانويل ماكرون", "عمر زيدان"],
        "participants": ["إيمانويل ماكرون", "عمر زيدان"], "claimed_by": None, "killed": None,
        "killed_qualifier": None, "wounded": None,
    }]


def test_meeting_location_not_taken_from_someone_elses_visit() -> None:
    a = build(["والتقى الرئيس الفرنسي إيمانويل ماكرون رئيس الوزراء عمر زيدان اليوم.",
               "ويأتي ذلك بعد زيارة وزير الخارجية سامي نور إلى برلين."],
              entities={"إيمانويل ماكرون": ("PER", "إيمانويل ماكرون"), "عمر زيدان": ("PER", "عمر زيدان"),
                        "سامي نور": ("PER", "سامي نور"), "برلين": ("LOC", "برلين")})
    [row] = summary(a)
    assert row["locations"] == []


def test_visit_verb_needs_a_destination() -> None:
    a = build(["وزار وزير الخارجية أحمد يوسف العاصمة دمشق الأحد."],
              entities={"أحمد يوسف": ("PER", "أحمد يوسف"), "دمشق": ("LOC", "دمشق")},
              times={"الأحد": ("DATE", "2022-03-06")})
    assert [(r["trigger"], r["type"], r["locations"], r["participants"]) for r in summary(a)] == [
        ("وزار", "visit", ["دمشق"], ["أحمد يوسف"])]


def test_source_is_not_an_actor_and_events_are_spans_over_trigger() -> None:
    a = build(["وقتل 3 مدنيين في قصف مدفعي على بلدة كفرنبل بحسب المرصد السوري لحقوق الإنسان."],
              entities={"كفرنبل": ("LOC", "كفرنبل"), "المرصد السوري لحقوق الإنسان": ("ORG", "المرصد السوري")},
              quantities={"3 مدنيين": (3, "civilians", None)})
    [event] = find_events(a, LEX)
    assert a.text[event.start:event.end] == "قصف مدفعي"
    assert event.label == "shelling" and event.attrs["actors"] == [] and event.attrs["killed"] == 3
    s0, s1 = event.attrs["sentence"]
    assert a.text[s0:s1].startswith("وقتل 3")


def test_stage_declares_requirements() -> None:
    stage = make_stage()
    assert stage.requires == ("sentences", "entities", "times", "quantities")
    assert stage.assigns == ("events",)
    a = build(["واعتقلت الشرطة 3 أشخاص في عمان."], entities={"عمان": ("LOC", "عمان")},
              quantities={"3 أشخاص": (3, "people", None)})
    assert [e.label for e in stage(a).events] == ["arrest"]


# -- seed acceptance through the real pipeline (skips without ../shared or the entity stage) -----
SEED = "000_bdb0ef1f55d75d44"


def test_seed_events_match_expected(seed_dir: Path) -> None:
    pytest.importorskip("rasd.enrich.entities")
    from rasd.extract import extract_article
    from rasd.ingest import iter_raw_pages
    from rasd.ingest.rawpage import RawPage
    from rasd.pipeline import Pipeline

    [raw] = list(iter_raw_pages([str(seed_dir / f"{SEED}.txt")]))
    assert isinstance(raw, RawPage)
    article = Pipeline.default()(extract_article(raw))
    want = json.loads((seed_dir / f"{SEED}.expected.json").read_text(encoding="utf-8"))["events"]
    got = {article.text[e.start:e.end]: {"trigger": article.text[e.start:e.end], **dict(e.attrs)}
           for e in article.events}
    assert sorted((g["type"], t) for t, g in got.items()) == sorted((w["type"], w["trigger"]) for w in want)
    for w in want:
        g = got[w["trigger"]]
        for key, value in w.items():
            assert g.get(key) == value, (w["trigger"], key, g.get(key), value)


def test_headline_and_lead_are_one_incident_and_dateline_is_not_a_place() -> None:
    a = build(["دبي، الإمارات العربية المتحدة (CNN) -- انفجرت سيارة مفخخة يقودها انتحاري الثلاثاء في مدينة عدن."],
              title="قتلى في هجوم انتحاري في عدن",
              entities={"دبي": ("LOC", "دبي"), "الإمارات العربية المتحدة": ("LOC", "الإمارات"), "عدن": ("LOC", "عدن")},
              times={"الثلاثاء": ("DATE", "2022-03-08")})
    rows = summary(a)
    assert [(r["trigger"], r["type"], r["date"], r["locations"]) for r in rows] == [
        ("هجوم انتحاري", "suicide_bomb", "2022-03-08", ["عدن"])]


def test_protesters_killed_is_excessive_force() -> None:
    a = build(["مقتل 7 فلسطينيين وإصابة 250 في احتجاجات على حدود غزة"],
              entities={"غزة": ("LOC", "غزة")},
              quantities={"7 فلسطينيين": (7, "people", None), "250": (250, "people", None)})
    [row] = summary(a)
    assert (row["type"], row["acled_sub_event_type"], row["killed"], row["wounded"]) == (
        "protest", "Excessive force against protesters", 7, 250)


def test_blame_is_not_a_claim_and_stopping_a_programme_is_not_an_arrest() -> None:
    a = build(["وقتل 12 شخصا في غارة جوية على بلدة سراقب أمس، وحمّلت المعارضة الحكومة مسؤوليتها.",
               "وأعلنت الوزارة أن بلاده أوقفت جميع برامج التعاون في كندا."],
              entities={"سراقب": ("LOC", "سراقب"), "الحكومة": ("ORG", "الحكومة"), "كندا": ("LOC", "كندا")},
              times={"أمس": ("DATE", "2022-03-09")},
              quantities={"12 شخصا": (12, "people", None)})
    assert [(r["type"], r["claimed_by"], r["killed"]) for r in summary(a)] == [("air_strike", None, 12)]


def test_background_event_more_than_a_year_old_is_dropped() -> None:
    a = build(["وشهدت العاصمة باريس احتجاجات طلابية واسعة في عام 1968 أسفرت عن إصابة 300 شخص."],
              entities={"باريس": ("LOC", "باريس")}, times={"عام 1968": ("DATE", "1968")},
              quantities={"300 شخص": (300, "people", None)})
    assert summary(a) == []


def test_perpetrator_and_target() -> None:
    a = build(["وشنت القوات التركية هجوما واسعا على وحدات حماية الشعب في عفرين الأحد.",
               "وهاجمت حركة الشباب قاعدة للجيش الصومالي في بلدة بلعد فجر اليوم."],
              entities={"القوات التركية": ("ORG", "الجيش التركي"), "وحدات حماية الشعب": ("ORG", "وحدات حماية الشعب"),
                        "عفرين": ("LOC", "عفرين"), "حركة الشباب": ("ORG", "حركة الشباب"),
                        "الجيش الصومالي": ("ORG", "الجيش الصومالي"), "بلعد": ("LOC", "بلعد")},
              times={"الأحد": ("DATE", "2022-03-06"), "فجر اليوم": ("TIME", "2022-03-10TNI")})
    rows = summary(a, (*KEYS, "perpetrator", "target"))
    assert [(r["trigger"], r["perpetrator"], r["target"], r["actors"][0]) for r in rows] == [
        ("هجوما", "الجيش التركي", "وحدات حماية الشعب", "الجيش التركي"),
        ("وهاجمت", "حركة الشباب", None, "حركة الشباب"),
    ]


# -- robustness -----------------------------------------------------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = ["هجوم", "هجوما", "داميا", "انفجرت", "سيارة", "مفخخة", "قصف", "غارة", "جوية", "اعتقلت", "التقى",
           "استقبل", "زار", "وتبنت", "الأخيرة", "مسؤوليته", "وأعلن", "في", "إلى", "بغداد", "داعش", "سامي",
           "نور", "3 قتلى", "أمس", "،", ".", "وقع", "متكررة"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25), min_size=1, max_size=4))
def test_event_spans_are_valid_on_any_text(paragraphs: list[list[str]]) -> None:
    a = build([" ".join(p) for p in paragraphs],
              entities={"بغداد": ("LOC", "بغداد"), "داعش": ("ORG", "داعش"), "سامي نور": ("PER", "سامي نور")},
              times={"أمس": ("DATE", "2022-03-09")}, quantities={"3 قتلى": (3, "killed", None)})
    for e in find_events(a, LEX):
        assert 0 <= e.start < e.end <= len(a.text)
        assert e.label == e.attrs["type"]
        s0, s1 = e.attrs["sentence"]
        assert s0 <= e.start and e.end <= s1
        assert e.attrs["date"] in ("2022-03-09", PUBLISHED.date().isoformat())


def test_reference_to_an_earlier_attack_is_not_dated_by_the_main_clause() -> None:
    a = build(["وشنت الولايات المتحدة ضربات عسكرية على مواقع في سوريا فجر السبت ردا على هجوم كيماوي في دوما."],
              entities={"الولايات المتحدة": ("LOC", "الولايات المتحدة"), "سوريا": ("LOC", "سوريا"),
                        "دوما": ("LOC", "دوما")},
              times={"فجر السبت": ("TIME", "2022-03-05TNI")})
    rows = summary(a, (*KEYS, "reference"))
    assert [(r["trigger"], r["type"], r["date"], r["date_precision"], r["reference"]) for r in rows] == [
        ("ضربات عسكرية", "air_strike", "2022-03-05", "day", False)]


def test_through_the_real_pipeline() -> None:
    """Our own short article through every default stage (entities, times, quantities included)."""
    pytest.importorskip("rasd.enrich.entities")
    from rasd.pipeline import Pipeline

    article = Article.build(
        "مقتل 12 شخصا في انفجار سيارة مفخخة في بغداد",
        ["قتل 12 شخصا على الأقل وأصيب 30 آخرون في انفجار سيارة مفخخة استهدف سوقا شعبيا في بغداد أمس.",
         "وقال المتحدث باسم وزارة الداخلية إن التحقيقات جارية."],
        published=PUBLISHED,
    )
    out = Pipeline.default()(article)
    assert [e.label for e in out.events] == ["explosion"]
    event = out.events[0].attrs
    assert event["acled_sub_event_type"] == "Remote explosive/landmine/IED"
    assert "بغداد" in event["locations"]
    assert (event["killed"], event["killed_qualifier"]) == (12, "at_least")
    assert event["date"] == "2022-03-09" and event["date_precision"] == "day"
    assert [(q.attrs["kind"], out.text[q.start:q.end]) for q in out.quotes] == [("indirect", "التحقيقات جارية")]


def test_shooting_with_casualties_is_an_attack_and_bare_gunfire_word_is_not() -> None:
    a = build(["قتل شاب فلسطيني برصاص الجيش الإسرائيلي قرب مدينة نابلس مساء الجمعة.",
               "ويتدرب الجنود على إطلاق النار في معسكرات خاصة."],
              entities={"نابلس": ("LOC", "نابلس"), "الجيش الإسرائيلي": ("ORG", "الجيش الإسرائيلي")},
              times={"مساء الجمعة": ("TIME", "2022-03-04TEV")})
    rows = summary(a)
    assert [(r["trigger"], r["type"], r["locations"], r["date"]) for r in rows] == [
        ("برصاص", "attack", ["نابلس"], "2022-03-04")]


def test_shooting_at_a_protest_is_one_protest_event_with_excessive_force() -> None:
    a = build(["قتل شاب فلسطيني برصاص الجيش الإسرائيلي خلال احتجاجات قرب الحدود مع قطاع غزة مساء الجمعة."],
              entities={"قطاع غزة": ("LOC", "قطاع غزة"), "الجيش الإسرائيلي": ("ORG", "الجيش الإسرائيلي")},
              times={"مساء الجمعة": ("TIME", "2022-03-04TEV")})
    assert [(r["trigger"], r["type"], r["acled_sub_event_type"]) for r in summary(a)] == [
        ("احتجاجات", "protest", "Excessive force against protesters")]


def test_own_clause_dates_the_event_and_a_governing_verb_may_stand_apart() -> None:
    a = build(["ودخلت لجنة التحقيق مدينة دوما الثلاثاء للتحقيق في هجوم يعتقد أنه كيماوي وقع قبل عشرة أيام.",
               "وشنت قوات أميركية وبريطانية وفرنسية ضربات جوية على سوريا يوم السبت الماضي."],
              entities={"دوما": ("LOC", "دوما"), "سوريا": ("LOC", "سوريا")},
              times={"الثلاثاء": ("DATE", "2022-03-08"), "قبل عشرة أيام": ("DATE", "2022-02-28"),
                     "يوم السبت الماضي": ("DATE", "2022-03-05")})
    assert [(r["trigger"], r["type"], r["date"]) for r in summary(a)] == [
        ("هجوم", "attack", "2022-02-28"), ("ضربات جوية", "air_strike", "2022-03-05")]


def test_missile_launch_and_interception_are_missile_attacks() -> None:
    a = build(["واعترضت قوات الدفاع الجوي صاروخا باليستيا فوق مدينة جازان مساء الأحد.",
               "وقالت الجماعة إنها أطلقت صواريخ على مطار أبها."],
              entities={"جازان": ("LOC", "جازان"), "أبها": ("LOC", "أبها")},
              times={"مساء الأحد": ("TIME", "2022-03-06TEV")})
    assert [(r["trigger"], r["type"], r["acled_sub_event_type"], r["locations"]) for r in summary(a)] == [
        ("صاروخا", "shelling", "Shelling/artillery/missile attack", ["جازان"]),
        ("صواريخ", "shelling", "Shelling/artillery/missile attack", ["أبها"]),
    ]


def test_the_attack_after_a_missile_strike_is_another_event() -> None:
    a = build(["وأطلقت الولايات المتحدة 110 صواريخ على أهداف في دمشق فجر السبت.",
               "وقتل في الهجوم الكيماوي على دوما الأسبوع الماضي 60 شخصا على الأقل."],
              entities={"الولايات المتحدة": ("LOC", "الولايات المتحدة"), "دمشق": ("LOC", "دمشق"), "دوما": ("LOC", "دوما")},
              times={"فجر السبت": ("TIME", "2022-03-05TNI"), "الأسبوع الماضي": ("DATE", "2022-W09")},
              quantities={"60 شخصا على الأقل": (60, "people", "at_least")})
    assert [(r["trigger"], r["type"], r["killed"]) for r in summary(a)] == [
        ("صواريخ", "shelling", None), ("الهجوم", "attack", 60)]


def test_meeting_in_headline_and_lead_is_one_event_but_other_meetings_stay_apart() -> None:
    ents = {"سمير داود": ("PER", "سمير داود"), "البنك الدولي": ("ORG", "البنك الدولي"),
            "ليلى حداد": ("PER", "ليلى حداد"), "الاتحاد الأوروبي": ("ORG", "الاتحاد الأوروبي"),
            "عمان": ("LOC", "عمان")}
    one = build(["التقى وزير المالية سمير داود اليوم وفدا من البنك الدولي في عمان لبحث تمويل مشاريع المياه."],
                title="وزير المالية سمير داود يلتقي وفدا من البنك الدولي", entities=ents,
                times={"اليوم": ("DATE", "2022-03-10")})
    got = summary(one)
    assert [e["type"] for e in got] == ["meeting"]
    assert set(got[0]["participants"]) == {"سمير داود", "البنك الدولي"} and got[0]["locations"] == ["عمان"]
    two = build(["التقى وزير المالية سمير داود اليوم وفدا من البنك الدولي في عمان.",
                 "كما التقت وزيرة التخطيط ليلى حداد اليوم وفدا من الاتحاد الأوروبي في عمان."],
                entities=ents, times={"اليوم": ("DATE", "2022-03-10")})
    assert [e["type"] for e in summary(two)] == ["meeting", "meeting"]


# -- triggers and arguments of the recall round (2026-11-29) ----------------------------------------
# Each row: paragraphs, entities, times, quantities, expected [(trigger, type, date, locations, killed, wounded)].
def rows(article: Article) -> list[tuple[str, str, str, list[str], int | None, int | None]]:
    return [(r["trigger"], r["type"], r["date"], r["locations"], r["killed"], r["wounded"])
            for r in summary(article, ("type", "date", "locations", "killed", "wounded"))]


PUB = "2022-03-10"
RECALL_CASES = [
    pytest.param(["قُتل 7 أشخاص في مدينة الموصل أمس."], {"الموصل": ("LOC", "الموصل")},
                 {"أمس": ("DATE", "2022-03-09")}, {"7 أشخاص": (7, "people", None)},
                 [("قُتل", "attack", "2022-03-09", ["الموصل"], 7, None)], id="passive-qutila-with-a-count"),
    pytest.param(["قتل الصحفي يثير موجة من الانتقادات."], {}, {}, {}, [], id="qatl-noun-in-a-title-without-count"),
    pytest.param(["وقتل 5 أشخاص في انفجار عبوة ناسفة في سوق بغداد."], {"بغداد": ("LOC", "بغداد")}, {},
                 {"5 أشخاص": (5, "people", None)},
                 [("انفجار", "explosion", PUB, ["بغداد"], 5, None)], id="killing-verb-yields-to-the-naming-noun"),
    pytest.param(["وشن مهاجم الفريق هجوما خطيرا على مرمى الخصم في الشوط الثاني من المباراة في مدريد."],
                 {"مدريد": ("LOC", "مدريد")}, {}, {}, [], id="hujum-in-a-sports-report"),
    pytest.param(["عقد مجلس إدارة نادي الزمالك اجتماعا طارئا اليوم في القاهرة."], {"القاهرة": ("LOC", "القاهرة")},
                 {"اليوم": ("DATE", PUB)}, {}, [], id="ijtima-of-a-football-club"),
    pytest.param(["واستهدفت طائرات التحالف تعزيزات للمسلحين في مديرية عبس اليوم."], {}, {"اليوم": ("DATE", PUB)}, {},
                 [("واستهدفت", "air_strike", PUB, ["عبس"], None, None)],
                 id="targeted-by-aircraft-is-an-air-strike-place-after-a-place-noun"),
    pytest.param(["سيطرت قوات النظام السوري على بلدة حمورية اليوم."], {"حمورية": ("LOC", "حمورية")},
                 {"اليوم": ("DATE", PUB)}, {}, [("سيطرت", "territory", PUB, ["حمورية"], None, None)],
                 id="territory-regained"),
    pytest.param(["أمرت السلطات باعتقال 20 جنديا في عملية استهدفت أنصار الداعية، الذي تتهمه الحكومة بتدبير "
                  "محاولة انقلاب قبل عامين."], {}, {"قبل عامين": ("DATE", "2020")}, {"20 جنديا": (20, "soldiers", None)},
                 [("باعتقال", "arrest", PUB, [], None, None)], id="relative-clause-date-is-not-the-events"),
    pytest.param(["بدأ الرئيس سامي نور زيارة رسمية إلى باريس تستمر ثلاثة أيام."],
                 {"سامي نور": ("PER", "سامي نور"), "باريس": ("LOC", "باريس")}, {}, {},
                 [("زيارة", "visit", PUB, ["باريس"], None, None)], id="visit-noun-begun"),
    pytest.param(["بيان من الحكومة تزامنا مع زيارة الرئيس سامي نور لباريس."],
                 {"سامي نور": ("PER", "سامي نور"), "باريس": ("LOC", "باريس")}, {}, {}, [], id="visit-noun-as-a-frame"),
    pytest.param(["وتستعد العاصمة لزيارة الرئيس سامي نور المرتقبة إلى باريس."],
                 {"سامي نور": ("PER", "سامي نور"), "باريس": ("LOC", "باريس")}, {}, {}, [], id="visit-noun-planned"),
    pytest.param(["ومن المقرر أن يلتقي الرئيس سامي نور نظيره عمر زيدان في باريس."],
                 {"سامي نور": ("PER", "سامي نور"), "عمر زيدان": ("PER", "عمر زيدان"), "باريس": ("LOC", "باريس")},
                 {}, {}, [], id="subjunctive-meeting-has-not-happened"),
    pytest.param(["ومنذ بدء الحملة قتل أكثر من 600 مدني في الغوطة."], {"الغوطة": ("LOC", "الغوطة")}, {},
                 {"600 مدني": (600, "civilians", "more_than")}, [], id="running-toll-is-no-incident"),
    pytest.param(["قتل 10 أشخاص في حادث تصادم قطارين في محافظة البحيرة أمس."], {"البحيرة": ("LOC", "البحيرة")},
                 {"أمس": ("DATE", "2022-03-09")}, {"10 أشخاص": (10, "people", None)}, [], id="accident-is-no-attack"),
    pytest.param(["وقصفت مدفعية الجيش مواقع المسلحين في منطقة فضحة، ما أسفر عن مقتل 5 من عناصرهم وإصابة 6 آخرين."],
                 {}, {}, {"5 من عناصرهم": (5, "fighters", None), "6": (6, None, None)},
                 [("وقصفت", "shelling", PUB, ["فضحة"], 5, 6)], id="bare-count-after-a-casualty-word"),
    pytest.param(["أعلنت الأطراف التوصل إلى اتفاق الأحد في الدوحة لوقف إطلاق النار."], {"الدوحة": ("LOC", "الدوحة")},
                 {"الأحد": ("DATE", "2022-03-06")}, {},
                 [("التوصل إلى اتفاق", "agreement", "2022-03-06", ["الدوحة"], None, None)], id="agreement-reached"),
    pytest.param(["وتظاهر الآلاف في بغداد الجمعة احتجاجا على انقطاع الكهرباء."], {"بغداد": ("LOC", "بغداد")},
                 {"الجمعة": ("DATE", "2022-03-04")}, {},
                 [("وتظاهر الآلاف", "protest", "2022-03-04", ["بغداد"], None, None)], id="protest-verb-form"),
    pytest.param(["اعتُقل ثلاثة ناشطين في القاهرة أمس."], {"القاهرة": ("LOC", "القاهرة")},
                 {"أمس": ("DATE", "2022-03-09")}, {"ثلاثة ناشطين": (3, "people", None)},
                 [("اعتُقل", "arrest", "2022-03-09", ["القاهرة"], None, None)], id="passive-arrest-with-damma"),
    pytest.param(["شنت طائرات التحالف غارات على مواقع في حجة وصعدة اليوم.",
                  "واستهدفت طائرات التحالف تعزيزات للمسلحين في حجة."],
                 {"حجة": ("LOC", "حجة"), "صعدة": ("LOC", "صعدة")}, {"اليوم": ("DATE", PUB)}, {},
                 [("غارات", "air_strike", PUB, ["حجة", "صعدة"], None, None),
                  ("واستهدفت", "air_strike", PUB, ["حجة"], None, None)], id="one-place-of-a-summary-is-its-own-incident"),
    pytest.param(["واندلعت اشتباكات عنيفة في مدينة تعز، شمال غربي عدن، اليوم."],
                 {"تعز": ("LOC", "تعز"), "عدن": ("LOC", "عدن")}, {"اليوم": ("DATE", PUB)}, {},
                 [("اشتباكات عنيفة", "armed_clash", PUB, ["تعز"], None, None)],
                 id="compass-reference-city-is-not-the-place"),
]


@pytest.mark.parametrize(("paragraphs", "entities", "times", "quantities", "expected"), RECALL_CASES)
def test_recall_round_rules(paragraphs: list[str], entities: dict[str, tuple[str, str]],
                            times: dict[str, tuple[str, str]], quantities: dict[str, tuple[int, str, str | None]],
                            expected: list[tuple[str, str, str, list[str], int | None, int | None]]) -> None:
    assert rows(build(paragraphs, entities=entities, times=times, quantities=quantities)) == expected


def test_two_meetings_of_one_visitor_with_different_hosts_stay_apart() -> None:
    a = build(["استقبلت الملكة إليزابيث ولي العهد سامي نور اليوم في لندن.",
               "كما التقى ولي العهد سامي نور مع رئيسة الوزراء تيريزا ماي."],
              entities={"الملكة إليزابيث": ("PER", "الملكة إليزابيث"), "سامي نور": ("PER", "سامي نور"),
                        "تيريزا ماي": ("PER", "تيريزا ماي"), "لندن": ("LOC", "لندن")},
              times={"اليوم": ("DATE", PUB)})
    assert [(r["trigger"], r["participants"]) for r in summary(a)] == [
        ("استقبلت", ["الملكة إليزابيث", "سامي نور"]), ("التقى", ["سامي نور", "تيريزا ماي"])]


FRAMED_NOUN_CASES = [
    pytest.param(["عقد لقاء بين وزيري الخارجية سامي نور وعمر زيدان في أنقرة اليوم."], "meeting",
                 id="meeting-noun-with-bayna"),
    pytest.param(["ومن المقرر أن يعقد الرئيس سامي نور محادثات مع عمر زيدان في أنقرة."], None,
                 id="planned-talks-noun"),
    pytest.param(["عقد مجلس إدارة النادي اجتماعا مع اللاعبين في أنقرة اليوم بعد المباراة."], None,
                 id="club-meeting-with-players-is-sports"),
    pytest.param(["ويأتي ذلك غداة تمكن القوات من السيطرة على مدينة أنقرة."], "territory", id="control-noun-gained"),
    pytest.param(["وتقع البلدة في مناطق سيطرة القوات على الحدود قرب أنقرة."], None, id="control-noun-held-not-gained"),
    pytest.param(["أعلن القائد تحرير مطار أنقرة بالكامل اليوم."], "territory", id="liberation-of-an-airport"),
    pytest.param(["قال رئيس تحرير الصحيفة في أنقرة اليوم إن العدد سيصدر."], None, id="editor-in-chief"),
    pytest.param(["بموجب اتفاق أبرمته روسيا وتركيا الثلاثاء في أنقرة."], "agreement", id="agreement-concluded-by-two-states"),
    pytest.param(["وناقش البرلمان في أنقرة اليوم بنود اتفاق التجارة الحرة."], None, id="agreement-only-discussed"),
]


@pytest.mark.parametrize(("paragraphs", "expected"), FRAMED_NOUN_CASES)
def test_nouns_that_name_an_event_only_in_their_frame(paragraphs: list[str], expected: str | None) -> None:
    a = build(paragraphs, entities={"سامي نور": ("PER", "سامي نور"), "عمر زيدان": ("PER", "عمر زيدان"),
                                    "أنقرة": ("LOC", "أنقرة"), "روسيا": ("LOC", "روسيا"), "تركيا": ("LOC", "تركيا")},
              times={"اليوم": ("DATE", PUB), "الثلاثاء": ("DATE", "2022-03-08")})
    assert [r["type"] for r in summary(a)] == ([expected] if expected else [])


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("سيطرت قوات النظام على عدد من البلدات المهمة في درعا اليوم.", ["territory"]),
    ("ويمتدح تخفيف التشدد الديني الذي سيطر على المجتمع في أنقرة لعقود.", []),
    ('وأبرز الفصائل في أنقرة هي "جيش الإسلام" و"جبهة تحرير سوريا" اليوم.', []),
    ('ونقلت الوكالة عن الرئيس قوله "سأزور أنقرة وألتقي مع الزعيم سامي نور".', []),
    ("وقتل 719 شخصا على الأقل خلال الأسابيع الماضية في أنقرة.", []),
])
def test_recall_round_precision_guards(paragraph: str, expected: list[str]) -> None:
    a = build([paragraph], entities={"درعا": ("LOC", "درعا"), "أنقرة": ("LOC", "أنقرة"), "سامي نور": ("PER", "سامي نور")},
              times={"اليوم": ("DATE", PUB)}, quantities={"719 شخصا": (719, "people", "at_least")})
    assert [r["type"] for r in summary(a)] == expected


def test_a_summary_whose_places_are_all_told_again_is_dropped() -> None:
    a = build(["شنت طائرات التحالف غارات على مواقع في حجة وصعدة اليوم.",
               "وشنت طائرات التحالف سلسلة غارات على مواقع في صعدة اليوم.",
               "واستهدفت طائرات التحالف تعزيزات للمسلحين في حجة."],
              entities={"حجة": ("LOC", "حجة"), "صعدة": ("LOC", "صعدة")}, times={"اليوم": ("DATE", PUB)})
    assert [(r["trigger"], r["locations"]) for r in summary(a)] == [("غارات", ["صعدة"]), ("واستهدفت", ["حجة"])]


def test_two_mentions_of_one_arrest_without_a_place_are_one_event() -> None:
    a = build(["واعتُقل عدد من الناشطات في مجال حقوق المرأة.", "يذكر أن الناشطات الثلاث قد اعتقلن مؤخرا."])
    assert [r["type"] for r in summary(a)] == ["arrest"]


def test_frame_words_with_tanween_still_frame() -> None:
    a = build(["يأتي هذا الخطاب تزامناً مع زيارة الرئيس سامي نور لأنقرة."],
              entities={"سامي نور": ("PER", "سامي نور"), "أنقرة": ("LOC", "أنقرة")})
    assert summary(a) == []
