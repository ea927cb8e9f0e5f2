"""The event stage's word lists (``rasd/data/events/``), type families and tuned constants."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from rasd.enrich.lexmatch import compile_forms, fold_ar, read_data_lines, read_data_rows

FAMILIES = {
    "attack": "violence", "armed_clash": "violence", "air_strike": "violence", "shelling": "violence",
    "explosion": "violence", "suicide_bomb": "violence", "grenade": "violence",
    "violence_against_civilians": "violence", "abduction": "violence", "territory": "violence",
    "protest": "protest", "riot": "protest", "arrest": "arrest",
    "meeting": "meeting", "visit": "visit", "agreement": "agreement",
}  # fmt: skip
#: Most specific first: the type an event of several triggers takes.
PRIORITY = ("suicide_bomb", "air_strike", "shelling", "grenade", "explosion", "abduction",
            "violence_against_civilians", "territory", "armed_clash", "attack", "riot", "protest", "arrest",
            "agreement", "meeting", "visit")  # fmt: skip
#: Words naming a state's forces (the side that "regains" territory in ACLED's terms), folded.
GOVERNMENT_WORDS = tuple(fold_ar(w) for w in (
    "الجيش", "الحكومية", "النظام", "القوات العراقية", "القوات الأفغانية", "القوات السورية", "القوات الحكومية",
    "الشرعية", "القوات المسلحة"))
DIPLOMACY = frozenset({"meeting", "visit", "agreement"})
REFINABLE = frozenset({"attack", "explosion", "shelling"})
AGENTS = ("PER", "ORG")
NOUN_THRESHOLD = 3
ATTACK_VERB_THRESHOLD = 2
VIOLENT_VERB_THRESHOLD = 1
INCIDENT_NEAR_WORDS = 3
MAX_EVENT_AGE_DAYS = 365
NOTES_MAX_CHARS = 400
PUNCT = "،,.:؛;!؟?()[]\"“”«»'‘’-–—"
WORD_RE = re.compile(r"\S+")
SOURCE_WORDS = frozenset(fold_ar(w) for w in (
    "بحسب", "حسب", "حسبما", "وفق", "وفقا", "عن", "لـ", "مصادر", "مصدر", "نقلا", "حصيلة", "لحصيلة", "بيان", "تقرير"))
#: Words that make a count a running tally of arrests (``ألقت القبض على 160 ألفا منذ محاولة الانقلاب``).
TALLY_WORDS = frozenset(fold_ar(w) for w in (
    "حصيلة", "إجمالي", "الإجمالي", "مجموع", "مجمل", "مدى", "طوال", "الأسابيع", "الأشهر", "الشهور", "السنوات", "الأعوام",
    "أسابيع", "أشهر"))
#: Words after مع that make a meeting noun an interview (لقاء مع وكالة بلومبرغ، لقاء مع الصحفيين).
MEDIA_WORDS = frozenset(fold_ar(w) for w in (
    "وكالة", "صحيفة", "قناة", "تلفزيون", "التلفزيون", "شبكة", "مجلة", "موقع", "إذاعة", "برنامج", "الصحفيين",
    "الصحافيين", "صحفيين", "صحافيين", "وسائل", "الإعلام", "إعلاميين", "الإعلاميين", "إعلاميون", "الإعلاميون",
    "الصحفيون", "الصحافيون"))
#: Words opening a sentence that tell what is expected, not what happened (ومن المتوقع، ومن المقرر، ويتوقع).
PLANNED_OPENERS = frozenset(fold_ar(w) for w in ("المتوقع", "المقرر", "المنتظر", "المرتقب", "يتوقع", "يرتقب", "المزمع"))
#: Adjectives of intensity right after a violent noun: an actual bombardment or fight (القصف العنيف).
INTENSITY_WORDS = frozenset(fold_ar(w) for w in (
    "عنيف", "العنيف", "عنيفة", "العنيفة", "عنيفا", "كثيف", "الكثيف", "كثيفة", "الكثيفة", "كثيفا", "مكثف", "المكثف",
    "مكثفة", "المكثفة", "مكثفا"))
#: Objects of a violent verb that are places hit (قصفت المطار، استهدفت مستشفى).
HIT_PLACES = frozenset(fold_ar(w) for w in (
    "مطار", "ميناء", "قاعدة", "معسكر", "مستشفى", "مدرسة", "سوق", "منزل", "منازل", "مسجد", "كنيسة", "حاجز", "مقر",
    "موقع", "مواقع", "مبنى", "سيارة", "حافلة", "قافلة", "موكب", "دورية", "ثكنة"))
#: Reaching an agreement with words in between (توصلت الكوريتان، الخميس، إلى اتفاق): the verb, folded.
REACH_VERBS = frozenset(fold_ar(w) for w in ("توصل", "توصلت", "توصلا", "توصلتا", "توصلوا"))
#: Dual or collective subjects naming both parties (الجانبان، الكوريتان، البلدان).
DUAL_PARTIES = frozenset(fold_ar(w) for w in (
    "الجانبان", "الجانبين", "الطرفان", "الطرفين", "البلدان", "البلدين", "الدولتان", "الدولتين", "الكوريتان",
    "الكوريتين", "الحكومتان", "الحكومتين"))
#: Verbs of wanting or intending right before a noun: the event is aimed at, not done (تريد احتجاز).
WANT_WORDS = frozenset(fold_ar(w) for w in (
    "يريد", "تريد", "يريدون", "يرغب", "ترغب", "يعتزم", "تعتزم", "ينوي", "تنوي", "يسعى", "تسعى", "يأمل", "تأمل"))
#: Strike verbs, folded: أضرب (went on strike) is also اضرب (hit!); a strike is أضرب عن العمل/الطعام.
STRIKE_VERBS = frozenset(fold_ar(w) for w in ("أضرب", "أضربوا"))
#: Of the tally words, those that also total one incident's toll (ارتفعت حصيلة قتلى الهجوم): a toll
#: with a count is a tally only by its period words (منذ، على مدى، الأسابيع).
TOTAL_WORDS = frozenset(fold_ar(w) for w in ("حصيلة", "إجمالي", "الإجمالي", "مجموع", "مجمل"))
#: Sports words: a meeting verb in their sentence is a match (ويلتقي الفريق … في نهائي الكأس).
SPORT_WORDS = frozenset(fold_ar(w) for w in (
    "مباراة", "المباراة", "الشوط", "الملعب", "ملعب", "مرمى", "الدوري", "منتخب", "المنتخب", "البطولة", "نهائي", "النهائي",
    "كأس", "الكلاسيكو", "بالتعادل", "الفريقين"))
#: Superlatives before منذ: a comparison (الأكبر منذ 2009), not a running count.
SUPERLATIVES = frozenset(fold_ar(w) for w in (
    "الأكبر", "الأعنف", "الأسوأ", "الأكثر", "الأشد", "الأعلى", "الأدنى", "الأول", "الأولى", "أكبر", "أعنف", "أسوأ",
    "أكثر", "أشد", "أعلى", "أدنى"))
#: Accidents and disasters: a killing verb in their sentence is no conflict event (قتل 64 في حريق).
ACCIDENT_WORDS = frozenset(fold_ar(w) for w in (
    "حادث", "حادثة", "الحادث", "الحادثة", "حريق", "الحريق", "حرائق", "انهيار", "غرق", "زلزال", "الزلزال", "فيضانات",
    "الفيضانات", "سيول", "تصادم", "اصطدام", "تحطم", "إعصار", "الإعصار", "عاصفة", "انزلاق", "تسمم"))
#: Auxiliaries that make a following noun a past passive (تم اعتقال، جرى احتجاز): it reports like a verb.
PASSIVE_AUX = frozenset(fold_ar(w) for w in ("تم", "جرى", "وتم", "وجرى", "فتم"))
#: Words after a trigger that say it is another incident than the one told before (وفي هجوم آخر).
FRESH_WORDS = frozenset(fold_ar(w) for w in ("آخر", "أخرى", "منفصل", "منفصلة", "جديد", "جديدة"))
#: Verbs that carry out a violent noun (شنت غارات، نفذ هجوما): past forms anywhere, present ones in a headline.
DOING_PAST = frozenset(fold_ar(w) for w in ("شن", "شنت", "شنوا", "نفذ", "نفذت", "نفذوا"))
DOING_PRESENT = frozenset(fold_ar(w) for w in ("يشن", "تشن", "يشنون", "ينفذ", "تنفذ", "ينفذون"))
#: A crowd in the street: with one of these in the sentence or the headline, ``مواجهات`` are a protest met by force.
CROWD_WORDS = frozenset(fold_ar(w) for w in (
    "مسيرة", "مسيرات", "المسيرة", "المسيرات", "متظاهرين", "المتظاهرين", "متظاهرون", "المتظاهرون", "محتجين",
    "المحتجين", "محتجون", "المحتجون"))
#: Frame words that, before a meeting noun, say it was held (بعد لقاء بين، أثناء مباحثات، على هامش القمة):
#: unlike a visit noun there (the frame of a trip told elsewhere), the meeting itself is an event.
MEETING_HELD = frozenset(fold_ar(w) for w in (
    "بعد", "عقب", "إثر", "خلال", "أثناء", "اثناء", "تزامنا", "بالتزامن", "تزامن", "هامش", "بمناسبة"))
#: Words that open another clause between a name and a later violent trigger (وعقد المجلس اجتماعا غداة
#: يوم قتل فيه …، افتتح قمة للتنديد بمقتل …): the name belongs to that other clause.
CLAUSE_BREAKS = frozenset(fold_ar(w) for w in (
    "بعد", "بعدما", "غداة", "بينما", "حيث", "إثر", "عقب", "أعقاب", "عندما", "حين", "منذ", "للتنديد", "لبحث", "لمناقشة",
    "وسط", "خلفية", "بسبب", "جراء", "إزاء"))
#: Complementisers that end a reporting verb's subject (قالت الشرطة إن …).
COMPLEMENTISERS = frozenset(fold_ar(w) for w in ("إن", "أن", "بأن", "لأن"))
LOCATIVE_WORDS = frozenset(fold_ar(w) for w in ("في", "إلى", "الى", "داخل", "قرب", "بمدينة", "بمحافظة"))
#: str.translate table deleting the short vowels and shadda news sites put on passives (قُتل، أُصيب).
HARAKAT = {c: None for c in range(0x064B, 0x0653)}
HARAKAT_RE = re.compile("[\u064B-\u0652]")
#: Words after a unit-less count that make it a count of people (``6 آخرين``، ``8 من الحوثيين``).
BARE_COUNT_FOLLOWERS = frozenset(fold_ar(w) for w in ("آخرين", "آخرون", "من", "منهم", "أشخاص", "شخصا"))
#: Words that make a count a running toll (``منذ بدء الحملة قتل …``، ``حصيلة``): no weak trigger fires with them.
CUMULATIVE_WORDS = frozenset(fold_ar(w) for w in (
    "منذ", "حصيلة", "إجمالي", "الإجمالي", "مجموع", "الأسابيع", "الأشهر", "الشهور", "السنوات", "الأعوام"))
#: Before a control noun: gaining it (تمكن من السيطرة، استعادة السيطرة، غداة سيطرة أنقرة على).
CONTROL_GAINS = frozenset(fold_ar(w) for w in (
    "استعادة", "استعادت", "استعاد", "تمكن", "تمكنت", "تمكنوا", "من", "أحكمت", "أحكم", "إحكام", "بسط", "بسطت", "غداة",
    "إثر", "عقب", "بعد", "أعلن", "أعلنت", "عبر"))
#: Before تحرير: a newspaper's editor, an organisation's name, a plan or a purpose, not a liberation.
NOT_LIBERATION_BEFORE = frozenset(fold_ar(w) for w in (
    "رئيس", "مدير", "سكرتير", "هيئة", "حركة", "جبهة", "منظمة", "جيش", "خطة", "بهدف", "محاولة", "معركة", "عملية"))
#: Words after تحرير naming a place (a place noun, or a target: مطار الحديدة، ميناء، قاعدة).
PLACE_TARGETS = frozenset(fold_ar(w) for w in ("مطار", "ميناء", "قاعدة", "معسكر", "جبل", "جبال", "سلسلة", "مدينة"))
#: Words after على that are places one takes (مواقع، بلدات، قرى، مناطق…), folded without ال.
CONTROL_OBJECTS = frozenset(fold_ar(w) for w in (
    "مواقع", "موقع", "بلدات", "بلدة", "قرى", "قرية", "مناطق", "منطقة", "مدن", "مدينة", "أحياء", "حي", "تلال", "تلة",
    "مرتفعات", "طريق", "جميع", "كامل", "معظم", "أجزاء", "عدد"))
#: Stems of verbs that conclude an agreement right after اتفاق (أبرمته، وقعه، توصلت إليه، عقد).
CONCLUDING_STEMS = tuple(fold_ar(w) for w in ("أبرم", "وقع", "توصل", "عقد"))
#: Words that open another clause (a relative clause, a subordinate one): a time after them dates that clause.
CLAUSE_WORDS = frozenset(fold_ar(w) for w in (
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "بعدما", "عندما", "حين", "حيث", "بينما"))
#: A place named after these is where a party comes from or whom it deals with, not where it happened.
NOT_PLACE_WORDS = frozenset(fold_ar(w) for w in ("من", "مع", "ضد", "عن", "بين", "نحو", "باتجاه", "إلى", "الى"))
#: Compass words: after a comma they place the event relative to another city (شمال غربي صنعاء).
COMPASS_WORDS = frozenset(fold_ar(w) for w in (
    "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "شمال غربي", "جنوب شرقي"))
#: Nouns that head a place name (محافظة البيضاء، مديرية الملاجم، شمال أفغانستان).
PLACE_NOUNS = frozenset(fold_ar(w) for w in (
    "مدينة", "محافظة", "مديرية", "منطقة", "بلدة", "قرية", "حي", "مخيم", "إقليم", "ولاية", "ريف", "شمال", "جنوب",
    "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "قرب", "بالقرب", "أطراف", "ضواحي", "مقاطعة", "عاصمة"))
#: Nouns that name the place after them (``بقرية الهدنة بانمونغوم``، ``مديريتي الجراحي``): a name the entity
#: layer calls ORG or MISC after one of them is a place (folded, without ال).
PLACE_NOUN_BARE = frozenset(fold_ar(w) for w in (
    "مدينة", "مدينتي", "محافظة", "محافظتي", "مديرية", "مديريتي", "منطقة", "منطقتي", "بلدة", "بلدتي", "قرية", "قريتي",
    "حي", "مخيم", "إقليم", "ولاية", "مقاطعة", "عاصمة", "جزيرة", "ميناء", "مطار"))
#: في/ب + a place noun + the place's name (one word, not a function word): the name the entities missed.
PLACE_NOUN_RE = re.compile(fold_ar(
    r"(?<!\S)(?:في\s+|ب)(?:ال)?(?:مدينة|محافظة|مديرية|منطقة|بلدة|قرية|مديريتي|بلدتي|قريتي|مدينتي|حي|مخيم|إقليم|ولاية|مقاطعة)\s+"
    r"(?P<name>(?!(?:التي|الذي|في|من|على|إلى|قرب)(?!\S))[^\s،,.:؛()\"«»]{3,})"))
#: A headline opening with a place as its label: ``فرنسا: …``، ``تركيا.. …``، ``العراق - …`` (one or two words).
HEADLINE_LABEL_RE = re.compile(r"\s*(?P<label>[\u0621-\u064A]+(?: [\u0621-\u064A]+)?)\s*(?::|\.\.|\s[-–—]\s)")
#: Bare place nouns the entity layer may tag (``السيطرة على المدينة``): they point back, they name no place.
GENERIC_PLACES = frozenset(fold_ar(w) for w in (
    "المدينة", "البلدة", "القرية", "العاصمة", "المنطقة", "المحافظة", "الولاية", "المخيم", "الحي", "البلاد", "الدولة"))
#: Regions wider than a country: ranked with countries, after a town (``التقى … في إطار جولة في الشرق الأوسط``).
REGIONS = frozenset(fold_ar(w) for w in (
    "الشرق الأوسط", "منطقة الشرق الأوسط", "الخليج", "منطقة الخليج", "أوروبا", "آسيا", "أفريقيا", "إفريقيا",
    "أمريكا اللاتينية", "أميركا اللاتينية", "شبه الجزيرة الكورية", "المنطقة العربية", "الشرق الأدنى"))
#: Verbs whose subject is the place an event happened at (``تشهد محافظة تعز معارك``).
WITNESS_VERBS = frozenset(fold_ar(w) for w in ("شهد", "شهدت", "يشهد", "تشهد", "شهدته", "شهدتها"))
#: Nouns of holding a meeting after على/إلى (``اتفقا على عقد قمة``، ``دعا إلى إجراء محادثات``): arranged.
HOLDING_NOUNS = frozenset(fold_ar(w) for w in ("عقد", "إجراء", "تنظيم", "استضافة", "ترتيب", "إطلاق"))
#: Of those, the ones that say "arrange" on their own (طلب تنظيم لقاء، ترتيب اجتماع).
ORGANISING_NOUNS = frozenset(fold_ar(w) for w in ("تنظيم", "ترتيب"))
#: Present verbs of holding talks: after a glued ل a purpose (ليجري محادثات، ليعقد اجتماعا).
LIGHT_VERBS_PRESENT = frozenset(fold_ar(w) for w in (
    "يجري", "تجري", "يعقد", "تعقد", "يبحث", "تبحث", "يلتقي", "تلتقي", "يجتمع", "تجتمع", "يشارك", "تشارك", "يحضر", "تحضر"))
#: Words right after a meeting noun that make it a process, not one meeting (محادثات السلام، مفاوضات التسوية).
PROCESS_WORDS = frozenset(fold_ar(w) for w in ("السلام", "التسوية", "المصالحة", "الانضمام", "التجارة", "التجارية"))
#: Adjectives right after a meeting noun that make it an interview or a press event (لقاء صحافي، مقابلة تلفزيونية).
INTERVIEW_WORDS = frozenset(fold_ar(w) for w in (
    "صحافي", "صحفي", "الصحافي", "الصحفي", "صحافية", "صحفية", "تلفزيوني", "التلفزيوني", "تلفزيونية", "إعلامي",
    "الإعلامي", "متلفز", "المتلفز", "إذاعي", "الإذاعي"))
#: Words after مع that stand for the people met (لقاء مع ممثلين عن وسائل الإعلام، مع بعض الإعلاميين): the
#: word after them says who they are.
GROUP_WORDS = frozenset(fold_ar(w) for w in (
    "بعض", "عدد", "عدد من", "مجموعة", "عشرات", "مئات", "ممثلين", "ممثلي", "ممثلون", "من", "عن"))
#: Words between a meeting trigger and a place before it that put the place in another clause
#: (تعهد بالرد على الهجوم في دوما بعد أن أجرى محادثات).
MEETING_CLAUSE_BREAKS = frozenset(fold_ar(w) for w in (
    "بعد", "بعدما", "عقب", "إثر", "غداة", "قبل", "قبيل", "إن", "أن", "بأن", "ردا", "الذي", "التي"))
#: Verb stems opening a relative clause that tells where a meeting was held (التي عقدت في، الذي جرى في).
HELD_STEMS = tuple(fold_ar(w) for w in ("عقد", "انعقد", "جرى", "جرت", "استمر", "دام", "دامت", "تم", "أقيم"))
#: Words naming a state's civil authority: a nationality adjective after them (within two words: السلطات
#: التركية، الشرطة الكندية) gives the country an arrest was made in.  Armies and forces are not among them:
#: they act abroad (برصاص الجيش الإسرائيلي في غزة، القوات التركية في عفرين).
AUTHORITY_WORDS = frozenset(fold_ar(w) for w in (
    "السلطات", "الشرطة", "الأمن", "النظام", "الحكومة", "الأجهزة", "الدرك", "السلطة", "الجهات", "النيابة", "القضاء",
    "المحكمة", "المحاكم", "لسلطات", "للسلطات", "للنظام", "للشرطة", "للحكومة"))
#: Land itself and a regime's own sites, for any event: قصف أراض إسرائيلية، على الأراضي البريطانية، في
#: المياه الإقليمية الإيرانية، مواقع للنظام السوري.
LAND_WORDS = frozenset(fold_ar(w) for w in (
    "أراض", "أراضي", "الأراضي", "أرض", "الأرض", "الأجواء", "أجواء", "المياه", "السواحل", "النظام", "للنظام"))
#: Nouns right before an arrest noun that make it a place of detention (مركز احتجاز، مراكز الاعتقال، سجن).
DETENTION_PLACES = frozenset(fold_ar(w) for w in (
    "مركز", "مراكز", "مرفق", "مرافق", "معسكر", "معسكرات", "سجن", "سجون", "مقر", "زنزانة", "أماكن", "مكان"))
#: Complementisers that open what was said (أن، إن، أنه، إنها): a date after them is the saying's content's.
REPORTED_OPENERS = frozenset(fold_ar(w) for w in (
    "أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها", "بأنه", "بأنها", "أنهم", "إنهم"))
#: Relative pronouns: a meeting noun in their clause is background to another report.
RELATIVE_WORDS = frozenset(fold_ar(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"))
THERE_WORDS = frozenset(fold_ar(w) for w in ("هناك", "هنالك"))
GOVERNING_VERBS = frozenset(fold_ar(w) for w in (
    "شن", "شنت", "شنوا", "يشن", "تشن", "نفذ", "نفذت", "نفذوا", "ينفذ", "تنفذ", "تبنى", "تبنت", "أطلق", "أطلقت"))
GOVERNING_VERB_STEMS_WITH_OBJECT = frozenset(fold_ar(w) for w in ("شنه", "شنت", "نفذ", "تبن"))
TARGET_WORDS = frozenset(fold_ar(w) for w in ("على", "ضد", "استهدف", "استهدفت", "يستهدف", "تستهدف", "مستهدفا", "مستهدفة"))
REFERENCE_WORDS = frozenset(fold_ar(w) for w in ("ردا", "رد", "بعد", "إثر", "عقب", "أعقاب", "منذ", "بعيد"))
DELEGATION_RE = re.compile(fold_ar("(?:وفد|وفدا|نظير|نظيره|نظيرته|نظيرها)"))
RETALIATION_WORDS = frozenset(fold_ar(w) for w in ("ردا", "رد", "ردًا", "انتقاما", "ثأرا"))
DATE_RE = re.compile(r"^(\d{4})(?:-(W\d\d|\d\d)(?:-(\d\d))?)?")


@dataclass(frozen=True)
class EventLexicon:
    triggers: re.Pattern[str]
    trigger_info: Mapping[str, tuple[str, str, str]]  # folded form -> (type, pos, number)
    trigger_thresholds: Mapping[str, int]  # folded form -> evidence score it needs (overrides)
    weak_triggers: frozenset[str]  # folded forms that name an event only when nothing else does (قتل)
    acled: Mapping[str, tuple[str | None, str | None]]
    refinements: re.Pattern[str]
    refinement_info: Mapping[str, tuple[str, str, str]]
    modifiers: frozenset[str]
    incident: frozenset[str]
    generic: frozenset[str]
    civilian: frozenset[str]
    claims: re.Pattern[str]
    claim_sides: Mapping[str, str]
    visits: re.Pattern[str]
    casualty_words: Mapping[str, str]
    anaphors: frozenset[str]
    countries: frozenset[str]
    topic_words: frozenset[str]
    visit_frames: frozenset[str]
    visit_doing: frozenset[str]
    not_detained: frozenset[str] = frozenset()
    diplomatic_protest: frozenset[str] = frozenset()
    protest_words: frozenset[str] = frozenset()
    reporting: frozenset[str] = frozenset()
    reporter_orgs: tuple[str, ...] = ()
    private_partners: frozenset[str] = frozenset()
    demonyms: Mapping[str, str] = field(default_factory=dict)  # folded nationality adjective stem -> country
    arranged: frozenset[str] = frozenset()  # future verbs, calling off (arranged_words.txt)
    cities: frozenset[str] = frozenset()  # folded city names of the shared gazetteer (rasd/data/gazetteers)


def load_event_lexicon() -> EventLexicon:
    """Read ``rasd/data/events/`` once (called by `make_stage`)."""
    rows = read_data_rows("events", "triggers.tsv")
    trig = {fold_ar(r[0]): (r[1], r[2], r[3]) for r in rows}
    acled = {r[0]: (r[1] or None if len(r) > 1 else None, r[2] or None if len(r) > 2 else None)
             for r in read_data_rows("events", "acled.tsv")}
    refine = {fold_ar(r[0]): (r[1], r[2], r[3]) for r in read_data_rows("events", "refinements.tsv")}
    claim_sides = {fold_ar(r[0]): r[1] for r in read_data_rows("events", "claim_verbs.txt")}

    def words(name: str) -> frozenset[str]:
        return frozenset(fold_ar(w) for w in read_data_lines("events", name))

    return EventLexicon(
        triggers=compile_forms(trig, prefix="(?:[وف])?(?:[بك]|لل?)?"),
        trigger_info=trig,
        trigger_thresholds={fold_ar(r[0]): int(r[4]) for r in rows if len(r) > 4 and r[4]},
        weak_triggers=frozenset(fold_ar(r[0]) for r in rows if len(r) > 5 and r[5] == "weak"),
        acled=acled,
        refinements=compile_forms(refine, prefix="(?:[وف])?(?:[بلك])?(?:ال)?"),
        refinement_info=refine,
        modifiers=words("modifiers.txt"),
        incident=words("incident_words.txt"),
        generic=words("generic_words.txt"),
        civilian=words("civilian_words.txt"),
        claims=compile_forms(claim_sides),
        claim_sides=claim_sides,
        visits=compile_forms(read_data_lines("events", "visit_words.txt"), prefix="(?:[وف])?(?:[بل])?(?:ال)?"),
        casualty_words={fold_ar(r[0]): r[1] for r in read_data_rows("events", "casualty_words.tsv")},
        anaphors=frozenset(fold_ar(w) for w in read_data_lines("quotes", "anaphors.txt")),
        countries=load_country_names(),
        topic_words=words("topic_words.txt"),
        visit_frames=words("visit_frame_words.txt"),
        visit_doing=words("visit_doing_words.txt"),
        not_detained=words("not_detained_words.txt"),
        diplomatic_protest=words("diplomatic_protest_words.txt"),
        protest_words=words("protest_words.txt"),
        reporting=words("reporting_words.txt"),
        reporter_orgs=tuple(fold_ar(w) for w in read_data_lines("events", "reporter_orgs.txt")),
        private_partners=words("private_partners.txt"),
        arranged=words("arranged_words.txt"),
        demonyms=MappingProxyType({fold_ar(r[0]): r[1] for r in read_data_rows("events", "demonyms.tsv")}),
        cities=frozenset([*(fold_ar(r[k]) for r in read_data_rows("gazetteers", "cities.tsv") for k in (0, 1) if len(r) > k),
                          *(fold_ar(r[0]) for r in read_data_rows("gazetteers", "aliases.tsv") if r[-1] == "LOC")]),
    )


def load_country_names() -> frozenset[str]:
    """Folded Arabic country names from CLDR (babel), with and without the article."""
    from babel import Locale

    names: set[str] = set()
    for code, name in Locale("ar").territories.items():
        if code.isalpha() and code not in ("UN", "EU", "EZ", "QO"):  # (الأمم المتحدة، الاتحاد الأوروبي: no countries)
            f = fold_ar(name)
            names.add(f)
            names.add(f[2:] if f.startswith("ال") else "ال" + f)
    return frozenset(names)
