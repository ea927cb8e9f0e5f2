"""Table tests for rasd.enrich.events.triggers: what fires (third round, 2026-11-29).

Each row: paragraphs, title, entities, times, quantities, expected [(trigger, type)].  Articles are written
for these tests; every rule is general news usage (ACLED-aligned), not a copy of an evaluated article.
"""

from __future__ import annotations

from typing import Any

import pytest

KEYS = ("type",)
LOC = "LOC"
CASES = [
    # -- arrests: a person is taken, not work stopped, a ceasefire or a tally
    pytest.param(["أوقفت الشركة أعمال الحفر في حقل الرميلة أمس."], "", {"الرميلة": (LOC, "الرميلة")},
                 {"أمس": ("DATE", "2022-03-09")}, {}, [], id="stopped-work-is-no-arrest"),
    pytest.param(["وأوقف الطرفان إطلاق النار في مدينة الحديدة أمس."], "", {"الحديدة": (LOC, "الحديدة")},
                 {"أمس": ("DATE", "2022-03-09")}, {}, [], id="ceasefire-is-no-arrest"),
    pytest.param(["أوقفت الشرطة ثلاثة مشتبه بهم في مدينة ليون أمس."], "", {"ليون": (LOC, "ليون")},
                 {"أمس": ("DATE", "2022-03-09")}, {}, [("أوقفت", "arrest")], id="awqafat-a-person-is-an-arrest"),
    pytest.param(["وألقت السلطات القبض على نحو 160 ألف شخص منذ محاولة الانقلاب."], "", {}, {},
                 {"نحو 160 ألف شخص": (160000, "people")}, [], id="arrests-since-an-event-are-a-tally"),
    pytest.param(["وكشفت الأرقام أن السلطات احتجزت 2305 أشخاص على مدى ستة أشهر."], "", {}, {},
                 {"2305 أشخاص": (2305, "people")}, [], id="arrests-over-months-are-a-tally"),
    pytest.param(["اعتقلت الشرطة شابين في عمان منذ يومين."], "", {"عمان": (LOC, "عمان")},
                 {"منذ يومين": ("DATE", "2022-03-08")}, {}, [("اعتقلت", "arrest")],
                 id="mundhu-two-days-is-a-date-not-a-tally"),
    pytest.param(["وبعد ساعات جرى احتجاز مشتبه به ثان."], "", {}, {}, {}, [("احتجاز", "arrest")],
                 id="passive-auxiliary-makes-the-noun-report"),
    pytest.param(["كانت الحكومة تريد احتجاز المتهم في السجن لكنه أفرج عنه بكفالة في ميامي أمس."], "",
                 {"ميامي": (LOC, "ميامي")}, {"أمس": ("DATE", "2022-03-09")}, {}, [], id="wanted-to-detain"),
    pytest.param(["ووقع الرئيس أمرا بشأن مراكز لاحتجاز المهاجرين في تكساس أمس."], "", {"تكساس": (LOC, "تكساس")},
                 {"أمس": ("DATE", "2022-03-09")}, {}, [], id="detention-centres-are-no-arrest"),
    # -- protests: people in the street, not a government's objection
    pytest.param(["واحتج الأردن على مرور سفينتين حربيتين قرب سواحله الأحد."], "", {"الأردن": (LOC, "الأردن")},
                 {"الأحد": ("DATE", "2022-03-06")}, {}, [], id="a-country-protesting-is-diplomacy"),
    pytest.param(["واحتج آلاف الطلاب في جامعة الأردن على رفع الرسوم الأحد."], "", {"الأردن": (LOC, "الأردن")},
                 {"الأحد": ("DATE", "2022-03-06")}, {}, [("واحتج", "protest")], id="people-protesting-in-a-country"),
    pytest.param(["واحتج وزير الخارجية على تصريحات نظيره الأحد."], "", {}, {"الأحد": ("DATE", "2022-03-06")}, {}, [],
                 id="a-ministry-protesting-is-diplomacy"),
    pytest.param(["وأثار ذلك احتجاجات من الولايات المتحدة والفلبين في اليوم نفسه."], "",
                 {"الولايات المتحدة": (LOC, "الولايات المتحدة"), "الفلبين": (LOC, "الفلبين")}, {}, {}, [],
                 id="protests-from-countries-are-diplomacy"),
    pytest.param(["واستدعت الوزارة السفير احتجاجا على تصريحاته في الرباط."], "", {"الرباط": (LOC, "الرباط")}, {}, {},
                 [], id="summoning-an-ambassador-in-protest"),
    pytest.param(["نزل عشرات الآلاف إلى الشوارع في مسيرات حاشدة في مدينة ريو."], "", {"ريو": (LOC, "ريو")}, {}, {},
                 [("مسيرات حاشدة", "protest")], id="protest-noun-with-a-crowd-in-the-street"),
    pytest.param(["وتناول التقرير الاحتجاجات في البلاد."], "", {}, {}, {}, [], id="protest-noun-without-a-crowd"),
    pytest.param(["واحتج المحامون بأن موكلهم يواجه موقفا صعبا في نيويورك أمس."], "", {"نيويورك": (LOC, "نيويورك")},
                 {"أمس": ("DATE", "2022-03-09")}, {}, [], id="ihtajja-bi-is-argued"),
    pytest.param(["وقتل 48 فلسطينيا منذ بدء مسيرات احتجاجية في 30 آذار قرب حدود غزة."], "", {"غزة": (LOC, "غزة")},
                 {"30 آذار": ("DATE", "2022-03-30")}, {"48 فلسطينيا": (48, "people")}, [],
                 id="since-the-start-of-marches-is-a-tally"),
    pytest.param(["أضرب آلاف العمال في مصانع مدينة طنجة اليوم للمطالبة برفع الأجور."], "", {"طنجة": (LOC, "طنجة")},
                 {"اليوم": ("DATE", "2022-03-10")}, {}, [("أضرب", "protest")], id="labour-strike-is-a-protest"),
    pytest.param(["وشارك موظفو الشركة في سلسلة من الإضرابات في الأسابيع الأخيرة."], "", {}, {}, {}, [],
                 id="strikes-over-weeks-are-a-tally"),
    pytest.param(["أضرب 500 عامل في السنغال عن العمل احتجاجا على تأخر الرواتب."], "", {"السنغال": (LOC, "السنغال")},
                 {}, {"500 عامل": (500, "people")}, [("أضرب", "protest")], id="strike-from-work"),
    pytest.param(["وقال له: فاضرب رجله وقل له قف."], "", {}, {}, {}, [], id="idrib-hit-is-no-strike"),
    pytest.param(["وقتل 53 فلسطينيا حتى الآن من المشاركين في هذه الاحتجاجات في غزة."], "", {"غزة": (LOC, "غزة")}, {},
                 {"53 فلسطينيا": (53, "people")}, [], id="toll-so-far-of-a-protest-series"),
    pytest.param(["وكتب مئات الموظفين في الشركة خطابا للاحتجاج على المشروع في لندن."], "", {"لندن": (LOC, "لندن")},
                 {}, {}, [], id="protest-as-the-purpose-of-a-letter"),
    pytest.param(["ووعد الجيش بمعاقبة السكان إذا شاركوا في التظاهرات قرب السياج."], "", {}, {}, {}, [],
                 id="conditional-protest"),
    # -- violence carried out by a verb of doing; headlines tell the news in the present
    pytest.param(["شنت القوات الجوية العراقية الخميس ضربات جوية ضد مواقع للتنظيم داخل الأراضي السورية."], "", {},
                 {"الخميس": ("DATE", "2022-03-10")}, {}, [("ضربات جوية", "air_strike")], id="plural-strikes-carried-out"),
    pytest.param([], "الجيش العراقي يشن غارات جوية على مواقع التنظيم في سوريا", {"سوريا": (LOC, "سوريا")}, {}, {},
                 [("غارات جوية", "air_strike")], id="headline-present-carries-out"),
    pytest.param(["وتشن الطائرات غارات على مواقع التنظيم في سوريا."], "", {"سوريا": (LOC, "سوريا")}, {}, {}, [],
                 id="body-present-is-habitual"),
    pytest.param(["وقال إن القراصنة شنوا هجوما معقدا على موقع الشركة في لندن."], "", {"لندن": (LOC, "لندن")}, {}, {},
                 [], id="hackers-attack-is-no-violence"),
    pytest.param(["ورصدت الكاميرا لحظات دخول الإعصار وضربه السواحل الجنوبية في سلطنة عمان عصر الجمعة."], "",
                 {"عمان": (LOC, "عمان")}, {"عصر الجمعة": ("TIME", "2022-03-04TAF")}, {}, [], id="cyclone-strike"),
    pytest.param(["وتجنب النظام بذلك ضربات هددت الإدارة الأمريكية بتنفيذها على مواقعه في دمشق."], "",
                 {"دمشق": (LOC, "دمشق")}, {}, {}, [], id="threatened-strikes"),
    pytest.param(["ومن المتوقع خروج مظاهرة حاشدة قبالة مقر الحكومة في لندن حيث يجتمع الوزير سامي نور مع عمر زيدان."],
                 "", {"لندن": (LOC, "لندن"), "سامي نور": ("PER", "سامي نور"), "عمر زيدان": ("PER", "عمر زيدان")}, {}, {},
                 [], id="a-sentence-of-what-is-expected"),
    pytest.param(["قتل ما لا يقل عن 64 شخصا الاثنين في حريق في مركز تسوق بمدينة كيميروفو."], "",
                 {"كيميروفو": (LOC, "كيميروفو")}, {"الاثنين": ("DATE", "2022-03-07")}, {"64 شخصا": (64, "people")}, [],
                 id="killed-in-a-fire"),
    pytest.param(["ويلتقي فريق المدينة منافسه في نهائي الكأس في باريس الثلاثاء."], "", {"باريس": (LOC, "باريس")},
                 {"الثلاثاء": ("DATE", "2022-03-08")}, {}, [], id="teams-meeting-in-a-final"),
    pytest.param(["وحصيلة قتلى تفجيرات الأحد في سورابايا هي الأكبر منذ اعتداءات 2009."], "",
                 {"سورابايا": (LOC, "سورابايا")}, {"الأحد": ("DATE", "2022-03-06"), "2009": ("DATE", "2009")},
                 {"قتلى": (13, "killed")}, [("تفجيرات", "explosion")], id="the-largest-since-compares"),
    pytest.param(["وانفجر رجل الأعمال باكيا خلال جلسة المحكمة في نيويورك أمس."], "", {"نيويورك": (LOC, "نيويورك")},
                 {"أمس": ("DATE", "2022-03-09")}, {}, [], id="burst-into-tears"),
    pytest.param(["وقتل أكثر من 240 شخصا في هجمات إرهابية في فرنسا منذ 2015."], "", {"فرنسا": (LOC, "فرنسا")},
                 {"منذ 2015": ("DATE", "2015")}, {"240 شخصا": (240, "people")}, [], id="a-toll-since-a-year"),
    pytest.param(["وارتفعت حصيلة قتلى الهجوم الانتحاري على مسجد في كابول أمس إلى 20 شخصا."], "",
                 {"كابول": (LOC, "كابول")}, {"أمس": ("DATE", "2022-03-09")}, {"20 شخصا": (20, "killed")},
                 [("الهجوم الانتحاري", "suicide_bomb")], id="the-toll-of-one-attack"),
    # -- meetings named by nouns
    pytest.param(["وعقد المبعوث الأممي مارتن غريفيث محادثات في صنعاء مع قادة الحوثيين أمس."], "",
                 {"مارتن غريفيث": ("PER", "مارتن غريفيث"), "صنعاء": (LOC, "صنعاء"), "الحوثيين": ("ORG", "الحوثيون")},
                 {"أمس": ("DATE", "2022-03-09")}, {}, [("محادثات", "meeting")], id="talks-with-a-place-in-between"),
    pytest.param(["وقال أردوغان خلال لقاء مع وكالة بلومبرغ إنه يخطط لفرض سيطرة أكبر على الاقتصاد."], "",
                 {"أردوغان": ("PER", "رجب طيب أردوغان"), "بلومبرغ": ("ORG", "بلومبرغ")}, {}, {}, [],
                 id="interview-is-no-meeting"),
    pytest.param(["وأدلى الوزير بتصريحه بعد لقاء بين وزيري الخارجية مراد أوغلو ومايك بومبيو."], "",
                 {"مراد أوغلو": ("PER", "مراد أوغلو"), "مايك بومبيو": ("PER", "مايك بومبيو")}, {}, {},
                 [("لقاء", "meeting")], id="meeting-held-before-the-statement"),
    pytest.param(["وتجرى مباحثات لتنظيم لقاء بين الرئيسين سامي نور وعمر زيدان."], "",
                 {"سامي نور": ("PER", "سامي نور"), "عمر زيدان": ("PER", "عمر زيدان")}, {}, {}, [],
                 id="meeting-being-arranged"),
    pytest.param(["وألغت كوريا الشمالية لقاء رفيع المستوى مع كوريا الجنوبية أمس."], "",
                 {"كوريا الشمالية": (LOC, "كوريا الشمالية"), "كوريا الجنوبية": (LOC, "كوريا الجنوبية")},
                 {"أمس": ("DATE", "2022-03-09")}, {}, [], id="meeting-called-off"),
    pytest.param(["وقال الرئيس إن القمة فرصة للقاء مع قادة الدول الحليفة."], "", {}, {}, {}, [],
                 id="meeting-noun-as-a-purpose"),
    pytest.param([], "لقاء مع المخرج المصري سامي نور", {"سامي نور": ("PER", "سامي نور")}, {}, {}, [],
                 id="an-interview-with-a-director"),
    pytest.param(["وقالت إنها عندما تلتقي الأمهات يشكرنها على الدور في بيروت."], "",
                 {"بيروت": (LOC, "بيروت")}, {}, {}, [], id="when-she-meets-is-a-habit"),
    pytest.param(["واعترف الممثل بأنه لم يتوجه لزيارة الفيوم قبل التصوير."], "", {"الفيوم": (LOC, "الفيوم")}, {},
                 {}, [], id="to-visit-is-a-purpose"),
    pytest.param(["واجتمع اللاجئ أحمد سامي مع عائلته في أثينا أمس."], "",
                 {"أحمد سامي": ("PER", "أحمد سامي"), "أثينا": (LOC, "أثينا")}, {"أمس": ("DATE", "2022-03-09")}, {}, [],
                 id="meeting-a-family-is-private"),
    pytest.param(["والتقت الهيئة العليا للإغاثة مع منظمات إنسانية دولية في عدن ليل الخميس."], "",
                 {"الهيئة العليا للإغاثة": ("ORG", "الهيئة العليا للإغاثة"), "عدن": (LOC, "عدن")},
                 {"ليل الخميس": ("TIME", "2022-03-10TNI")}, {}, [("والتقت", "meeting")],
                 id="meeting-verb-with-one-named-party-and-ma"),
    # -- agreements: reached with words in between, by two parties in one word; not business deals
    pytest.param(["توصلت الكوريتان، الخميس، إلى اتفاق على تحديث الطريق البري."], "", {},
                 {"الخميس": ("DATE", "2022-03-10")}, {}, [("توصلت", "agreement")], id="agreement-reached-by-a-dual"),
    pytest.param(["وتوصلت التحقيقات إلى أن المتهم كان في المدينة."], "", {}, {}, {}, [],
                 id="reaching-a-finding-is-no-agreement"),
    pytest.param(["توصلت شركة النفط الوطنية لاتفاق يقضي باستحواذها على حصة شركة ألمانية في هولندا."], "",
                 {"هولندا": (LOC, "هولندا")}, {}, {}, [], id="a-business-deal"),
    pytest.param(["ويتساءل المراقبون عما إذا كان البلدان قد توصلا إلى اتفاق سري."], "", {}, {}, {}, [],
                 id="a-question-asserts-nothing"),
    # -- evidence: intensity and places hit
    pytest.param(["ونزح الآلاف بسبب القصف العنيف على بلدة حمورية أمس."], "", {"حمورية": (LOC, "حمورية")},
                 {"أمس": ("DATE", "2022-03-09")}, {}, [("القصف", "shelling")], id="an-intense-bombardment"),
    pytest.param(["ونزح الآلاف بسبب القصف على بلدة حمورية أمس."], "", {"حمورية": (LOC, "حمورية")},
                 {"أمس": ("DATE", "2022-03-09")}, {}, [], id="a-bombardment-without-more-evidence"),
    pytest.param(["وأكد القائد أن دبابة تمركزت وقصفت المطار من منزل مدني."], "", {}, {}, {},
                 [("وقصفت", "shelling")], id="a-verb-with-a-place-hit"),
    # -- clashes with a crowd are a protest met by force
    pytest.param(["وأسفرت المواجهات بين الشبان والجيش على حدود غزة عن 7 قتلى."], "مواجهات مسيرة العودة على حدود غزة",
                 {"غزة": (LOC, "غزة")}, {}, {"7 قتلى": (7, "killed")}, [("المواجهات", "protest")],
                 id="clashes-at-a-march-are-a-protest"),
    pytest.param(["واندلعت مواجهات عنيفة بين الجيش والمسلحين في درعا بعد سقوط طائرة مسيرة أمس."], "",
                 {"درعا": (LOC, "درعا")}, {"أمس": ("DATE", "2022-03-09")}, {}, [("مواجهات عنيفة", "armed_clash")],
                 id="clashes-near-a-drone-stay-a-battle"),
]


@pytest.mark.parametrize(("paragraphs", "title", "entities", "times", "quantities", "expected"), CASES)
def test_what_fires(event_rows: Any, paragraphs: list[str], title: str, entities: dict[str, tuple[str, str]],
                    times: dict[str, tuple[str, str]], quantities: dict[str, tuple[int, str]],
                    expected: list[tuple[str, str]]) -> None:
    rows = event_rows(paragraphs, KEYS, title=title, entities=entities, times=times, quantities=quantities)
    assert [(r["trigger"], r["type"]) for r in rows] == expected


def test_clash_at_a_march_keeps_its_toll_and_force(event_rows: Any) -> None:
    [row] = event_rows(["وأسفرت المواجهات بين الشبان والجيش على حدود غزة عن 7 قتلى."],
                       ("type", "acled_event_type", "acled_sub_event_type", "killed", "locations"),
                       title="مواجهات مسيرة العودة على حدود غزة", entities={"غزة": (LOC, "غزة")},
                       quantities={"7 قتلى": (7, "killed")})
    assert row == {"trigger": "المواجهات", "type": "protest", "acled_event_type": "Protests",
                   "acled_sub_event_type": "Excessive force against protesters", "killed": 7, "locations": ["غزة"]}
