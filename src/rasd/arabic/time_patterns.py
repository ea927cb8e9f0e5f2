"""The compiled regex that finds Arabic time expressions in the matching form of `normalize_ar`.

One pattern, one pass: an alternation of named branches, most specific first (at one position the
first branch that matches wins)::

    range     [من|بين] d-d|d إلى d month [year]; [من|بين] [عامي] year-year     من 4 إلى 22 يناير 1995
    quarter   الربع|النصف ordinal [من] [عام] year|العام direction          الربع الثالث من عام 2016
    decade    [ال]سبعينيات [من القرن ordinal|الماضي]                        ثمانينيات القرن الماضي
    season    هذا الصيف, الربيع المقبل, صيف 2016
    weekend   [عطلة] نهاية [هذا] الأسبوع [direction]
    nthweekday أول|آخر [يوم] weekday|weekday الأول|آخر يوم من month|الشهر  أول جمعة من رمضان
    holiday   [nth weekday بعد|قبل] [ثاني أيام] holiday [year|direction]      عيد الأضحى المبارك
    date      [weekday] day|ordinal [من] [شهر] month[/month] [[عام] year [هـ|م]]   الاثنين 26 تموز 2021
    numdate   [بتاريخ] [(]26/07/2021[)], 2021-07-26, 16/04/21, 3/2015
    clock     الساعة العاشرة صباحا, الساعة 10:30 مساء, 22:30, الثامنة مساء, 7 صباحا, منتصف الليل
    year      [منذ] عام 2014, منذ 2003, في 2014, 1443 هـ, a bare 2018 (checked: not a count)
    offset    منذ|قبل|بعد [number] unit [و unit…] [من الآن]               منذ شهر و21 يوما
    window    [خلال] الساعات الـ24 الماضية, العامين الماضيين
    monthday  day [من] الشهر direction | day الجاري                        15 الجاري
    monthyear [منذ|منتصف] [شهر] month [عام] year|direction, شهر 3, تموز    أيلول الماضي
    period    [مطلع] الأسبوع|الشهر|العام الماضي|المقبل|بعد القادم, هذا العام
    rest      بقية|باقي|ما تبقى من الأسبوع|الشهر|العام
    daypart   صباح|مساء|ليلة اليوم|أمس|غد|weekday                          مساء أمس
    relday    اليوم [weekday], أول أمس, بعد غد, أمس, غدا, الليلة
    now       [حتى] الآن, حاليا, في الوقت الراهن                           (PRESENT_REF)
    weekday   [يوم] weekday [الماضي|المقبل], احد (before الأسبوع الماضي)
    set       كل يوم اثنين, كل أسبوع, يوميا
    duration  [لمدة] number unit [و number unit…] | dual unit            ثلاثة أشهر, سنة وثلاثة أشهر

A lookahead for the words an expression can start with (`first_words`) fronts the branches, so an
ordinary word costs one trie test; `fold_with_offsets` gives the matching form with a sparse offset map.
Branch texts are re-read by `rasd.enrich.times`, which resolves them against a reference date.
All literals are written in ordinary spelling and folded with `normalize_ar` when the regex is built.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from rasd.arabic.dates import load_calendar_lexicon
from rasd.arabic.normalize import normalize_ar
from rasd.arabic.numbers import DIGITS_PATTERN, load_number_lexicon, trie_pattern

__all__ = [
    "BRANCHES",
    "DAYPART_WORDS",
    "DECADES",
    "DIRECTION_WORDS",
    "NTH_WORDS",
    "SEASONS",
    "Folded",
    "fold_with_offsets",
    "load_holidays",
    "load_ordinals",
    "time_regex",
]

BRANCHES = (
    "range", "quarter", "decade", "season", "weekend", "yearweek", "nthweekday", "holiday", "date", "numdate", "clock", "year", "offset", "window",
    "monthday", "dayof", "monthyear",
    "period", "rest", "daypart", "relday", "now", "weekday", "set", "duration",
)  # fmt: skip

#: Words after a weekday, week, month or year that give the direction from the reference.
DIRECTION_WORDS = {
    normalize_ar(w): d
    for w, d in (
        ("الماضي", -1), ("الماضية", -1), ("المنصرم", -1), ("المنصرمة", -1), ("الفائت", -1),
        ("الفائتة", -1), ("السابق", -1), ("السابقة", -1), ("الأخيرة", -1), ("الأخير", -1),
        ("المقبل", 1), ("المقبلة", 1), ("القادم", 1), ("القادمة", 1), ("التالي", 1), ("الجاي", 1),
        ("الجاية", 1), ("الماض", -1), ("اللي فات", -1), ("اللي جاي", 1),
        ("الحالي", 0), ("الحالية", 0), ("الجاري", 0), ("الجارية", 0), ("الراهن", 0), ("هذا", 0), ("هذه", 0),
    )
}  # fmt: skip

#: Parts of the day → TIMEX3 part-of-day code and the clock-hour shift they imply.
DAYPART_WORDS = {
    normalize_ar(w): code
    for w, code in (
        ("صباح", "MO"), ("صباحا", "MO"), ("فجر", "MO"), ("فجرا", "MO"), ("الفجر", "MO"), ("ص", "MO"),
        ("الصبح", "MO"), ("الليل", "NI"), ("الصباح", "MO"), ("المساء", "EV"), ("المغرب", "EV"), ("العشاء", "EV"),
        ("ظهر", "AF"), ("ظهرا", "AF"), ("الظهر", "AF"), ("بعد الظهر", "AF"), ("عصر", "AF"),
        ("عصرا", "AF"), ("العصر", "AF"), ("ظهيرة", "AF"),
        ("مساء", "EV"), ("مساءا", "EV"), ("مساءً", "EV"), ("م", "EV"),
        ("ليل", "NI"), ("ليلا", "NI"), ("ليلة", "NI"), ("الليلة", "NI"), ("منتصف ليل", "NI"),
    )
}  # fmt: skip


def _alt(words: Iterable[str], *, spaces: bool = True) -> str:
    """Alternation of literal phrases as a trie; inner spaces match any run of whitespace."""
    return trie_pattern(words)


@cache
def load_holidays() -> dict[str, tuple[str, int, int, str]]:
    """Holidays on a fixed day (``data/time/holidays.tsv``) in the matching form: name → (calendar,
    month, day, use), use ``any`` or ``year`` (the name is the holiday only before a year)."""
    from importlib import resources

    raw = resources.files("rasd.data").joinpath("time/holidays.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in raw.splitlines() if line.strip() and not line.startswith("#")]
    return {normalize_ar(w): (cal, int(m), int(d), use) for w, cal, m, d, use in rows}


@cache
def load_ordinals() -> dict[str, int]:
    """Ordinal words (``data/time/ordinals.tsv``) in the matching form."""
    from importlib import resources

    raw = resources.files("rasd.data").joinpath("time/ordinals.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in raw.splitlines() if line.strip() and not line.startswith("#")]
    return {normalize_ar(w): int(v) for w, v in rows}


#: Month names that are also ordinary words or first names: only taken with a day, a year or شهر.
_AMBIGUOUS_MONTHS = {normalize_ar(w) for w in ("مارس", "آب", "ماي", "صفر", "رجب", "شعبان", "رمضان", "محرم", "شوال",
                                              "أيار", "نيسان", "تموز")}  # fmt: skip


@cache
def time_regex(*, guard: bool = True) -> re.Pattern[str]:
    """Compile the time-expression pattern once (an immutable value: safe to share).

    ``guard`` puts a lookahead for the words an expression can start with (`first_words`) in front
    of the branches, so an ordinary word fails after one trie test instead of one per branch; the
    matches are the same (``guard=False`` is kept to test that)."""
    cal = load_calendar_lexicon()
    nums = load_number_lexicon()
    n = normalize_ar
    ordinal_months = [m for m in cal.months if m.startswith(normalize_ar("الشهر "))]
    month = _alt(m for m in cal.months if m not in ordinal_months)
    # الشهر التاسع من عام 2014, الشهر الثالث من العام الماضي: a month by its ordinal, only with its year
    ordinal_month = _alt(ordinal_months)
    # أيار/مايو, يونيو حزيران 2017; never glued to a following letter (اكتوبرعام)
    month_x = rf"{month}(?![^\W\d])(?:\s*[/(\-]\s*{month}\s*\)?|\s+{month}(?=\s+\d))?"
    safe_month = _alt(
        m for m in cal.months
        if (m not in _AMBIGUOUS_MONTHS and m not in ordinal_months and len(m) >= 4 and not m[-1].isdigit()) or m.startswith(normalize_ar("شهر "))
    )
    weekday = _alt(cal.weekdays)
    holiday = _alt(w for w, (_, _, _, use) in load_holidays().items() if use == "any")
    holiday_with_year = _alt(w for w, (_, _, _, use) in load_holidays().items() if use == "year")
    # one trie test where no holiday can start (most positions): its first words and the nth words
    holiday_start = _alt({w.split()[0] for w in load_holidays()} | {w for w in NTH_WORDS if not w.startswith("ال")})
    ordinal = _alt(load_ordinals())
    # للحادي عشر من سبتمبر: ل + ال contracts to لل, so after the ل prefix the ordinal reads لحادي
    contracted = _alt("ل" + w[2:] for w in load_ordinals() if w.startswith("ال"))
    ord_day = rf"(?:{ordinal}|(?<=ل){contracted})(?:\s+{n('عشر')}ه?|\s+و\s*{ordinal})?"
    day = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?!\d)|{ord_day})"
    year = r"(?:1[3-4]\d\d|19\d\d|20\d\d)(?!\d)"
    era = n(r"(?:\s*(?:هـ|ه|هجري|هجرية|للهجرة|م|ميلادي|ميلادية|للميلاد)(?!\w))?")
    # after a year word, also before Christ (عام 590 قبل الميلاد, سنة 30 ق.م) and ميلاديا
    era_year = n(r"(?:\s*(?:قبل\s+الميلاد|ق\s?\.\s?م(?:\s?\.)?)(?![^\W\d])"
                 r"|\s*(?:هـ|ه|هجري|هجرية|للهجرة|م|ميلادي|ميلادية|ميلاديا|للميلاد)(?!\w))?")
    year_words = n(r"(?:(?:(?:من|في)\s+)?ل?(?:عام|العام|سنة|السنة)\s+)?")
    # a year in words: ألفين وثمانية عشر, ألف وتسعمائة وثمانية وسبعون (resolved in rasd.enrich.times)
    # (a lone ألفين only before a pause: في 5 مايو ألفين شخص is a count)
    year_in_words = (rf"{n('(?:ألف|ألفين|ألفان)')}(?:(?:\s+و\s*(?:{nums.word_pattern})(?!\w))"
                     rf"(?:\s+(?:{nums.word_pattern})(?!\w))?)+|{n('(?:ألفين|ألفان)')}(?=\s*(?:[^\w\s]|$))")
    year_any = rf"(?:{year}|{year_in_words})"
    hundred_word = _alt(w for w, (_, c) in nums.words.items() if c == "hundred")
    hundreds_in_words = rf"{hundred_word}(?!\w)(?:\s+و\s*(?:{nums.word_pattern})(?!\w))*"
    # a year spoken in two halves, only after عام/سنة: (عام) تسعة عشر تسعة وتسعون, سنة عشرين وعشرين
    century = n(r"(?:(?:أحد|إحدى|اثنا|اثني|إثنا|إثني|ثلاثة|ثلاث|أربعة|أربع|خمسة|خمس|ستة|ست|سبعة|سبع|ثمانية|ثماني"
                r"|ثمان|تسعة|تسع)\s+عشر|عشرين)")
    year_word_opt = n(r"(?:ل?(?:عام|العام|سنة|السنة)\s+)?")
    of_year_word = n(r"(?:(?:من|في)\s+)?(?:عام|العام|سنة)")
    spoken_year = rf"{century}\s+(?:و\s*)?(?:{nums.word_pattern})(?!\w)(?:\s+و\s*(?:{nums.word_pattern})(?!\w))?"
    year_words_any = n(r"(?:(?:(?:من|في)\s+)?(?:ل?(?:عام|العام|سنة|السنة)\s+)?)")
    number_word = rf"(?:{nums.word_pattern})(?!\w)"
    number = rf"(?:(?:ال)?(?:{DIGITS_PATTERN})|{number_word}(?:\s+و?\s*{number_word})*)"
    unit = rf"{_alt(cal.units)}(?!\w)"
    direction = _alt(DIRECTION_WORDS)
    plural_unit = rf"{_alt(w for w, (_, c) in cal.units.items() if c == 0)}(?!\w)"
    al_plural = _alt(w if w.startswith("ال") else "ال" + w for w, (_, c) in cal.units.items() if c == 0)
    dual_unit = _alt(w for w, (_, c) in cal.units.items() if c == 2 and w.endswith("ين"))
    dual_direction = _alt(normalize_ar(w) for w in (
        "الماضيين", "المنصرمين", "الأخيرين", "السابقين", "المقبلين", "القادمين", "الماضيتين", "الأخيرتين",
        "المقبلتين", "القادمتين"))  # fmt: skip
    decade = _alt(normalize_ar(w) + suffix for w in DECADES for suffix in ("يات", "ات"))
    season = _alt(SEASONS)
    season_year = n(r"(?:(?:من\s+)?(?:عام|العام|سنة)\s+)?")
    season_mod = n(r"(?:(?:مطلع|أوائل|أواخر|منتصف|نهاية|بداية|أواسط)\s+)?")
    season_bare = (n(r"(?<!أبو )(?<!أبي )(?<!أبا )(?<!عبد )(?<!ابن )") + rf"ال{season}(?!\w)(?![\"»”)])"
                   + n(r"(?!\s+(?:ال\w+(?:ي|ية)|العمر|الأول|الثاني|الآخر|من\s+(?:العمر|عمر))(?!\w))"))
    nth_bare = _alt(w for w in NTH_WORDS if not w.startswith("ال"))
    nth_article = _alt(w for w in NTH_WORDS if w.startswith("ال"))
    nth_masculine = _alt(normalize_ar(w) for w in ("الأول", "الثاني", "الثالث", "الرابع", "الخامس"))
    weekday_not_friday = _alt(w for w, iso in cal.weekdays.items() if iso != 5 and w.startswith("ال"))
    bare_weekday = _alt(w[2:] for w in cal.weekdays)
    any_weekday = _alt([*cal.weekdays, *(w[2:] for w in cal.weekdays)])
    one = n(r"(?:\s+(?:واحد|واحدة))?")
    after_next = n(r"(?:بعد\s+(?:القادم|المقبل|التالي|القادمة|المقبلة))")  # الأسبوع بعد القادم
    before_last = n(r"(?:قبل\s+(?:الماضي|الماضية|الفائت|المنصرم))")  # العام قبل الماضي
    counted_unit = rf"{_alt(w for w, (_, c) in cal.units.items() if c)}(?!\w)"  # شهر, عامين: no number needed
    duration_chain = rf"(?:\s*[,،]?\s*و?\s*(?:{number}\s+{unit}|{counted_unit}){one}(?!\w))*"
    month_mod = n(r"(?:(?:منذ|مطلع|أوائل|أواخر|منتصف|نهاية|بداية|أواسط|نصف|نص)\s+)?")  # نصف شهر مارس: mid-March
    direction_no_this = _alt(w for w in DIRECTION_WORDS if not w.startswith("ه"))  # الجاري yes, هذا no
    direction_only = _alt(w for w, d in DIRECTION_WORDS.items() if d and not w.startswith("ه"))
    mod = n(r"(?:(?:مطلع|أوائل|أواخر|منتصف|نهاية|بداية|أول|آخر)\s+)?")
    relday_core = n(r"(?:اليوم|أمس|الأمس|غد|الغد|البارحة)")
    daypart = _alt(w for w in DAYPART_WORDS if len(w) > 1 and not w.startswith("ال"))
    hour_word = rf"{ordinal}(?:\s+{n('عشر')}ه?)?"
    unit_words = _alt(w for w, (v, c) in nums.words.items() if c == "unit" and 1 <= v <= 9)
    bound_words = _alt(w for w, (_, c) in nums.words.items() if c == "bound")
    cardinal_hour = rf"(?:{bound_words}\s+{n('عشر')}ه?|{n('عشر')}ه?|{unit_words})(?!\w)"  # الساعة ثلاثة
    clock_digits = r"(?:[01]?\d|2[0-3])(?:[:.][0-5]\d(?::[0-5]\d)?)?"
    minutes = n(rf"(?:\s+و\s*(?:النصف|نصف|الربع|ربع|الثلث|ثلث|{number}\s+(?:دقيقة|دقائق)))?"
                rf"(?:\s+إلا\s+(?:ربعا|ربع|الربع|ثلثا|ثلث|الثلث|{number}\s+(?:دقيقة|دقائق)))?")  # fmt: skip
    clock_tail = n(rf"(?:\s+(?:من\s+|في\s+)?(?:{daypart}|ال(?:صبح|صباح|فجر|ظهر|عصر|مساء|ليل)|(?:بعد|قبل)\s+"
                   r"(?:الظهر|العصر|المغرب)|المغرب|العشاء|(?:هذا|هذه)\s+(?:الصباح|المساء|الليلة)|AM|PM|am|pm)(?!\w))?")
    # a required part of the day after a bare hour; صباح/مساء only as adverbs (not مساء الجمعة: a day)
    clock_tail_req = n(r"\s+(?:(?:من\s+|في\s+)?(?:صباحا|مساء|مساءا|فجرا|ليلا|ظهرا|عصرا|الصبح|الفجر|الظهر|العصر"
                       r"|الليل|AM|PM|am|pm)(?!\w)(?!\s+(?:يوم|أمس|اليوم|الغد|غد|ال(?:سبت|أحد|اثنين|إثنين|ثلاثاء"
                       r"|أربعاء|خميس|جمعة))(?!\w)))")
    minutes_req = n(rf"(?:\s+و\s*(?:النصف|نصف|الربع|ربع|الثلث|ثلث|{number}\s+(?:دقيقة|دقائق))"
                    rf"|\s+إلا\s+(?:ربعا|ربع|الربع|ثلثا|ثلث|الثلث|{number}\s+(?:دقيقة|دقائق)))")
    noon = n(r"(?:(?:بعد\s+)?الظهر\s+)")
    opener = n(r"(?:(?:من|بين|ما\s+بين)\s+)")
    connector = n(r"\s*(?:-|–|و?إلى|و?حتى|و?لغاية|و)\s*")  # من 13 وحتى 15
    day_digits = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)"
    this_month = n(r"(?:(?:من|في)\s+)?(?:(?:هذا|هذه)\s+)?الشهر") + rf"(?:\s+{direction})?"
    year_word = n(r"(?:(?:عام|العام|عامي|سنة|سنتي|الأعوام|السنوات|الفترة)\s+)")
    not_fraction = n(r"(?!(?:ربع|نصف|ثلث)(?!\w))")
    not_of = n(r"(?!\s+من\s)")
    pause_or_preposition = n(r"(?=\s*(?:[^\w\s%٪]|$)|\s+(?:في|من|إلى|الى|حتى|على)(?!\w))")
    branches = {
        "range": rf"{opener}?{day_digits}{connector}{day_digits}(?:\s*-\s*|\s+(?:{n('من')}\s+)?)(?:{n('شهر')}\s+)?"
                 rf"{month_x}(?!\w)(?:\s*[,،]?\s*{year_words_any}{year_any}{era})?"
                 rf"|{opener}{day_digits}{connector}{day_digits}\s+{this_month}"
                 rf"|{opener}?{year_word}?{year}\s*[-–/]\s*{year}"
                 rf"|{opener}{year_word}?{year}{connector}{year_word}?{year}"
                 # من ألفين إلى ألفين وأربعة عشر: years in words (checked: 1900-2100, not a count)
                 rf"|{opener}{year_word}?(?:{year_in_words}|{n('(?:ألفين|ألفان)')}){connector}{year_word}?{year_in_words}"
                 # نوفمبر بين 19 و20: the month first, then its days (before a pause: not 19 و20 شخصا)
                 rf"|(?:{n('شهر')}\s+)?{month_x}\s+{opener}{day_digits}{connector}{day_digits}(?=\s*(?:[^\w\s%٪]|$))",
        # الأسبوع الثالث من عام 2027, الأسبوع الأول من هذا العام, الأسبوع الأخير من العام المقبل: an ISO week
        "yearweek": rf"(?:{nth_bare}\s+{n('(?:ال)?أسبوع')}|{n('الأسبوع')}\s+{nth_article})\s+(?:{n('(?:من|في)')}\s+)?"
                    rf"(?:{n('(?:هذا|هذه)')}\s+{n('(?:العام|السنة)')}|{n('(?:العام|السنة)')}\s+{direction}"
                    rf"|{year_word_opt}(?:{year}|{year_in_words}))(?!\w)",
        "nthweekday": rf"(?:{nth_bare}\s+(?:{n('يوم')}\s+)?{any_weekday}|{weekday}\s+{nth_article}"
                      rf"|{nth_bare}\s+{n('يوم')}|{n('اليوم')}\s+{nth_article}"  # آخر يوم من أيلول
                      rf"|{nth_bare}\s+{n('(?:ال)?أسبوع')}|{n('الأسبوع')}\s+{nth_article})\s+"  # الأسبوع الأول من
                      rf"(?:{n('(?:من|في)')}\s+|[بل])(?:{n('شهر')}\s+)?"
                      rf"(?:(?:{month_x}|(?:{n('(?:هذا|هذه)')})\s+{n('الشهر')}|{n('الشهر')}\s+{direction})(?!\w)"
                      rf"(?:\s*[,،]?\s*(?:{n('(?:من|في)')}\s+|[بل])?(?:{n('(?:عام|سنة|العام|السنة)')}\s+)?{year}"
                      rf"|\s+{n('(?:العام|السنة)')}\s+{direction})?"
                      rf"|{ordinal_month}\s+(?:(?:{n('(?:من|في)')}\s+|[بل])?(?:{n('(?:عام|سنة|العام|السنة)')}\s+)?{year}"
                      rf"|(?:{n('(?:من|في)')}\s+)?{n('(?:العام|السنة)')}\s+{direction}))"
                      # الأحد الثاني, الثلاثاء الثالث: of the reference's month (not الجمعة الثانية, a
                      # numbered Friday of protests; not الأحد الأخير, the last Sunday)
                      rf"|(?:{n('يوم')}\s+)?{weekday_not_friday}\s+{nth_masculine}(?!\s+{n('(?:من|في)')}(?!\w))",
        # عيد الفطر, عيد الأضحى المبارك 2013, كريسماس 2014, ثاني أيام عيد الفطر, ثالث ثلاثاء بعد كريسماس 2014
        "holiday": rf"(?={holiday_start}(?!\w))(?:{nth_bare}\s+(?:{n('يوم')}\s+)?{any_weekday}\s+{n('(?:بعد|قبل)')}\s+)?"
                   rf"(?:{n('(?:أول|ثاني|ثالث|رابع)')}\s+{n('أيام')}\s+)?"
                   rf"(?:{holiday}(?!\w)(?:\s+{n('(?:المبارك|السعيد|المجيد)')}(?!\w))?"
                   rf"(?:\s*[,،]?\s*{year_words_any}{year}{era}|\s+{direction_only})?"
                   rf"|{holiday_with_year}\s*[,،]?\s*{year_words_any}{year}{era})",
        "date": rf"(?:(?:{n('يوم')}\s+)?{weekday}\s*[,،]?\s*|{n('يوم')}\s+(?=\d))?(?:{day}(?:\s*[-./]\s*|\s+{n('من')}\s+|\s+)(?:{n('شهر')}\s+)?{month_x}(?!\w)"
                # يناير الحادي والعشرين; سبتمبر 10، 1901 (a month first: digits only before a year)
                # واحد وعشرين مايو: a day in cardinal words (only before an unambiguous month)
                rf"|{number_word}(?:\s+و?\s*{number_word})?\s+(?:{n('من')}\s+)?(?:{n('شهر')}\s+)?{safe_month}(?![^\W\d])"
                rf"|{safe_month}(?![^\W\d])(?:\s+{ord_day}|\s*{day_digits}(?=\s*[,،]?\s*{year_words_any}{year_any})"
                # يناير-1, مارس-15: a month, a hyphen, a day (not يناير-2017, nor a list مارس - 3 نقاط)
                rf"|-\s?{day_digits}(?![\d.,/:%\-]){pause_or_preposition}))"
                rf"(?:\s*[,،]?\s*{year_words_any}{year_any}{era})?",
        "numdate": n(r"(?:بتاريخ\s*)?") + r"(?P<paren>\(\s?)?(?<![\d/.:\-])(?:(?:[12]\d|3[01]|0?[1-9])\s?(?P<s1>[/.\-])\s?(?:1[0-2]|0?[1-9])\s?(?P=s1)\s?"
                   r"(?:19|20)\d\d"
                   # month/day/year only when the day cannot be a month: 12/23/1948 (not 08/12/2015)
                   r"|(?:1[0-2]|0?[1-9])\s?(?P<s4>[/.\-])\s?(?:1[3-9]|2\d|3[01])\s?(?P=s4)\s?(?:19|20)\d\d"
                   r"|(?:19|20)\d\d\s?(?P<s2>[/.\-])\s?(?:1[0-2]|0?[1-9])\s?(?P=s2)\s?(?:[12]\d|3[01]|0?[1-9])"
                   r"|(?:[12]\d|3[01]|0?[1-9])(?P<s3>[/.\-])(?:1[0-2]|0?[1-9])(?P=s3)\d\d(?!\d)"
                   r"|(?:1[0-2]|0?[1-9])\s?[/\-]\s?(?:19|20)\d\d|(?:19|20)\d\d/(?:1[0-2]|0?[1-9])(?!\d)"
                   r"|(?:[12]\d|3[01]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9])(?!\s*%))(?![\d/.\-]\d)(?(paren)\s?\))",
        "clock": rf"{noon}?" + n(r"(?:الساعة\s+)") + rf"(?:{clock_digits}|{hour_word}|{cardinal_hour}){minutes}{clock_tail}"
                 rf"|{noon}?(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:]){clock_tail}"
                 # without الساعة an hour needs minutes or a part of the day: الثامنة مساء، السابعة والنصف
                 rf"|{hour_word}(?:{minutes_req}{clock_tail}|{minutes}{clock_tail_req})"
                 rf"|(?<![\d:.,\-])(?:[01]?\d|2[0-3])(?![\d:.,%]){minutes}{clock_tail_req}"
                 + n(r"|منتصف\s+(?:الليل|النهار)|الظهيرة"),
        "year": n(r"(?:(?:منذ|مطلع|أوائل|أواخر|منتصف|نهاية|بداية|أواسط)\s+)?"  # نهاية العام 2015
                  r"(?:عام|العام|سنة|السنة|عامي|(?<=ل)لعام|(?<=ل)لسنة)\s+")  # للعام 2009
                + rf"(?:\(\s?(?:{year}|1[0-8]\d\d(?!\d))\s?\)|{year}|1[0-8]\d\d(?!\d)|{year_in_words}|{spoken_year}"
                # سنة 276 هـ, عام 750 للميلاد, عام ثلاثمائة وعشرين: an early year, only after a year word
                + rf"|[1-9]\d\d(?![\d.,:/%\-])|{hundreds_in_words}){era_year}"
                + n(r"|(?:منذ|في|حتى|قبل|بعد|خلال|مطلع|أوائل|أواخر|منتصف|نهاية|بداية)\s+")
                + rf"{year}(?!\s?[/\-.]\s?\d){era}"
                + n(r"|(?:منذ|في|حتى|قبل|بعد|خلال|مطلع|أوائل|أواخر|منتصف|نهاية|بداية)\s+") + year_in_words
                + r"(?=\s*(?:[^\w\s%\u066a]|$))"  # في ألف وسبعمائة وتسعة وثمانين. (before a pause: no count)
                + n(r"|1[34]\d\d\s*(?:هـ|ه|هجري|هجرية|للهجرة)(?!\w)")
                + r"|(?<![\d.,:/\-])(?:19|20)\d\d(?![\d.,:/%\-])",  # a bare year: checked in rasd.enrich.times
        # منذ أكثر من عام, قبل أقل من شهر, منذ ما يزيد على 20 عاما: a qualified offset (TIMEX3 mod)
        "offset": n(r"(?:منذ|قبل|بعد)\s+(?:(?:نحو|حوالي|قرابة|زهاء|(?:أكثر|أقل)\s+من|ما\s+(?:يزيد|يربو)\s+(?:على|عن)"
                    r"|ما\s+لا\s+يقل\s+عن|ما\s+(?:يقرب|يقارب)(?:\s+من)?)\s+)?") + rf"(?:{number}\s+|{n('عدة')}\s+(?={plural_unit}))?{unit}"
                  + n(r"(?:\s+(?:ونصف|وربع|وثلث))?") + rf"{one}{duration_chain}"  # منذ شهر و21 يوما
                  + n(r"(?:\s+من\s+الآن|(?!\s+(?:من|على|أن|ان|أمس)(?!\w)))"),
        "window": n(r"(?:(?:خلال|في|طيلة|طوال|على\s+(?:مدى|مدار))\s+)?") + rf"(?:ال)?{plural_unit}\s+(?:ال)?{number}\s+{direction}"
                  # الثلاثة عقود القادمة, خلال الخمسين عاما الماضية: the number may take the article
                  # (not السبع سنوات الأخيرة من حياته: the last years of something else; not الربع قرن)
                  + n(r"|(?:(?:خلال|في|طيلة|طوال|على\s+(?:مدى|مدار))\s+)?") + rf"(?:ال{not_fraction})?{number}\s+{plural_unit}\s+{direction_only}{not_of}"
                  + n(r"|(?:(?:خلال|في|طيلة|طوال|على\s+(?:مدى|مدار))\s+)?") + rf"ال{not_fraction}{number_word}(?:\s+و?\s*{number_word})*\s+{unit}\s+{direction_only}{not_of}"
                  + n(r"|(?:(?:خلال|في|طيلة|طوال|على\s+(?:مدى|مدار))\s+)") + rf"{number}\s+{unit}\s+{direction}"
                  + n(r"|(?:(?:خلال|في|طيلة|طوال|على\s+(?:مدى|مدار))\s+)?آخر\s+") + rf"{number}\s+{unit}"  # آخر 3 سنوات (not أول: the first months of a year)
                  + n(r"|(?:(?:خلال|في|طيلة|طوال|على\s+(?:مدى|مدار))\s+)?ال") + rf"{dual_unit}\s+{dual_direction}"
                  # الأيام المقبلة, السنوات الأخيرة, الأيام القليلة الماضية: a window of unstated length
                  + n(r"|(?:(?:خلال|في|طيلة|طوال|على\s+(?:مدى|مدار))\s+)?") + rf"{al_plural}\s+(?:{n('القليلة')}\s+)?{direction_only}",
        "quarter": n(r"(?:(?:خلال|في)\s+)?(?:الربع|النصف)\s+") + rf"(?:{ordinal}|{n('الأخير')})"
                   + n(r"(?:\s+(?:من|في))?(?:\s+(?:هذا|هذه)\s+(?:العام|السنة)|(?:\s+(?:عام|العام|السنة|سنة))?")
                   + rf"(?:\s+{direction_no_this}|\s+{year}|\s+{year_in_words})?)",
        "decade": rf"{season_mod}(?:ال)?{decade}(?:\s+(?:{n('من')}\s+)?{n('القرن')}\s+(?:{direction_only}|{ordinal}"
                  rf"(?:\s+{n('عشر')}|\s+و\s*{ordinal})?))?",
        "season": rf"{season_mod}(?:(?:{n('(?:هذا|هذه)')}\s+)?(?:ال)?{season}\s+{season_year}{year}"
                  rf"|(?:ال)?{season}\s+{of_year_word}\s+(?:{spoken_year}|{year_in_words})"
                  rf"|(?:{n('(?:هذا|هذه)')})\s+(?:ال){season}(?!\w)|(?:ال){season}\s+{direction}"
                  # في الصيف, منتصف الشتاء, فصل الخريف: a season of no stated year (TIMEX3 XXXX-SU); not
                  # الربيع العربي (nor any adjective after it), ربيع العمر, أبو الربيع (a name), فيلم "الصيف"
                  rf"|{season_bare}"
                  # سأرحل صيف، في شتاء.: a season without the article before a pause (the resolver
                  # keeps it only after a preposition or a future verb, or alone: not قال ربيع.)
                  rf"|(?:{n('كل')}\s+)?{season}(?=\s*(?:[^\w\s%٪]|$)))",  # كل صيف: every summer (a SET)
        "weekend": n(r"(?:عطلة\s+)?(?:نهاية|عطلة)\s+(?:(?:هذا|هذه)\s+)?(?:الأسبوع|الاسبوع)")
                   + rf"(?:\s+{after_next}|\s+{direction})?(?!\w)",
        "monthday": rf"{day}\s+(?:{n('من')}\s+)?(?:(?:{n('هذا|هذه')})\s+{n('الشهر')}|{n('الشهر')}(?!\s+{ordinal})(?:\s+{direction})?"
                    rf"|{n('(?:الجاري|الحالي)')})(?!\w)",
        # يوم 27، يوم الجمعة 15، الجمعة 15، يوم الجمعة في خمسة عشر: a day of a month near the reference,
        # only before a pause or a preposition (الجمعة 15 شخصا is a count)
        "dayof": rf"(?:{n('يوم')}\s+(?:{weekday}\s*[,،]?\s*(?:{n('في')}\s+)?)?|{weekday}\s*[,،]?\s*)"
                 rf"(?:{day_digits}|(?<={n('في')}\s){number_word}(?:\s+{number_word})?)"
                 + n(r"(?=\s*(?:[^\w\s%٪.,،/:\-]|[.,،](?!\d)|$)|\s+(?:في|إلى|الى|حيث|حين|عندما|على|بعد|قبل|حتى)(?!\w))"),
        "monthyear": rf"{month_mod}(?:{n('شهر')}\s+)?{month_x}\s*[,،/]?\s*{year_words}(?:\(\s?{year}\s?\)|{year}){era}"
                     rf"|{month_mod}{ordinal_month}\s+{year_words}{year}{era}"
                     rf"|{month_mod}{ordinal_month}\s+(?:{n('(?:من|في)')}\s+)?{n('(?:العام|السنة)')}\s+{direction}(?!\w)"
                     rf"|{month_mod}(?:{n('شهر')}\s+)?{month_x}\s*[,،]?\s*{year_words_any}{year_in_words}"
                     rf"|{month_mod}(?:{n('شهر')}\s+)?{month_x}\s+{of_year_word}\s+{spoken_year}"
                     rf"|{month_mod}(?:{n('شهر')}\s+)?{month_x}\s+(?:{n('(?:من|في)')}\s+)?"
                     rf"(?:{n('(?:هذا|هذه)')}\s+{n('(?:العام|السنة)')}|{n('(?:العام|السنة)')}\s+{direction})(?!\w)"
                     rf"|{month_mod}(?:{n('شهر')}\s+)?{month_x}\s+{direction_only}"
                     rf"|{month_mod}{n('شهر')}\s+{month_x}(?!\w)|{month}\s*/\s*{month}(?!\w)"
                     rf"|{month_mod}{safe_month}(?:\s*[/(\-]\s*{month}\s*\)?)?(?!\w)",
        "period": mod + n(r"(?:الأسبوع|الاسبوع|الشهر|العام|السنة)\s+") + rf"(?:{after_next}|{before_last}|{direction})"
                  + n(r"|(?:هذا|هذه)\s+(?:الأسبوع|الشهر|العام|السنة)")
                  # نهاية العام, منتصف الشهر: the current one (not نهاية العام الدراسي, منتصف الشهر 3)
                  + n(r"|(?:مطلع|أوائل|أواخر|منتصف|نهاية|بداية|أواسط)\s+(?:الأسبوع|الاسبوع|الشهر|العام|السنة)"
                      r"(?!\s*(?:ال\w|\d|\(|من\s+(?:عمر|العمر)))")
                  # العقد الماضي/المقبل: a decade (not هذا العقد/العقد الحالي "this contract", nor the last
                  # decade of a century: العقد الأخير من القرن)
                  + "|" + mod + n(r"العقد\s+(?:الماضي|المنصرم|الفائت|السابق|الأخير|المقبل|القادم)(?!\s+من(?!\w))"),
        "rest": n(r"(?:بقية|باقي|ما\s+تبقى\s+من|ما\s+بقي\s+من)\s+(?:(?:هذا|هذه)\s+)?(?:الأسبوع|الاسبوع|الشهر|العام|السنة"
                  r"|(?:أسبوع|اسبوع|شهر|عام)(?:ي|نا)(?!\w))")  # بقية أسبوعي/عامنا: the speaker's, this one
                + rf"(?:\s+{direction})?",
        "daypart": n(r"(?:صباح|مساء|ظهر|فجر|ليل|ليلة|عصر|ظهيرة)\s+(?:يوم\s+)?")
                   + rf"(?:{relday_core}|{weekday})(?:\s+{weekday})?(?:\s+{direction})?",
        "relday": n(r"اليوم\s+") + weekday + n(r"|(?:أول\s+(?:من\s+)?|قبل\s+(?:يوم\s+)?)(?:أمس|امبارح)|أمس\s+الأول|بعد\s+غد"
                  # اليوم الذي بعد الغد, اليوم اللي قبل امبارح: the same two days, spelt out
                  r"|اليوم\s+(?:(?:الذي|الذى|الي|اللي)\s+)?(?:ال)?(?:بعد\s+(?:غد|الغد|بكرة|بكرا)"
                  r"|قبل\s+(?:أمس|الأمس|البارحة|امبارح))(?!\w)"
                  # اليوم التالي/السابق: the day after or before the narrative's day (not اليوم التالي للهجوم)
                  r"|اليوم\s+(?:التالي|السابق|الماضي|المنصرم|الموالي|اللاحق)(?!\s+(?:ل|على\s|من\s|عل))"
                  r"|اليوم(?!\s+(?:التالي|العالمي|الوطني|السابع|الأول|الثاني|الثالث|الذي|الذى|نفسه|ذاته|من|السابق"
                  r"|الماضي|المنصرم|الأخير|الموالي|اللاحق))"
                  r"|(?:يوم\s+)?(?:أمس|غد)|الأمس|البارحة|امبارح|غدا|الغد|الليلة|بكرة|بكرا"),
        "now": n(r"(?:حتى\s+)?(?:الآن|حاليا|في\s+الوقت\s+(?:الحالي|الراهن))"),
        "weekday": n(r"(?:يوم\s+)?") + rf"{weekday}(?:\s+{direction})?"
                   rf"|{bare_weekday}(?=\s+(?:{n('من')}\s+)?{n('(?:الأسبوع|الاسبوع)')}\s+{direction})",
        "set": n(r"كل\s+") + rf"(?:{n('يوم')}\s+{any_weekday}|{weekday})"
               + n(r"|(?:كل|في كل)\s+(?:يوم|أسبوع|شهر|عام|سنة|ساعة)|يوميا|أسبوعيا|شهريا|سنويا"),
        "duration": n(r"(?:(?:لمدة|مدة|طيلة|طوال|نحو|حوالي)\s+)?(?:نصف\s+)?") + rf"(?:{number}\s+)?{unit}"
                    + n(r"(?!(?<=عام|سنة)\s*\(?\s*1?\d{3}\d(?!\d))")  # not 9 عام (1921): عام names the year
                    + n(r"(?:\s+(?:ونصف|وربع|وثلث))?(?:\s+(?:واحد|واحدة|كامل|كاملة|كاملا)(?!\w))?")
                    + duration_chain  # عام واحد وشهر و21 يوما; يوم كامل, أسبوع كامل
                    + n(r"|(?:طيلة|طوال)\s+ال") + unit
                    # لعدة أيام, خلال عدة أشهر: several units, a count not stated (TIMEX3 PXD)
                    + n(r"|(?:(?:لمدة|مدة|طيلة|طوال|خلال)\s+)?عدة\s+") + plural_unit,
    }
    body = "|".join(f"(?P<{name}>{branches[name]})" for name in BRANCHES)
    lookahead = rf"(?=(?:ال)?\d|{trie_pattern(sorted(first_words()))}(?![^\W\d]))" if guard else ""
    return re.compile(rf"(?<!\w)(?P<pre>[وف]?[بل]?){lookahead}(?:{body})(?!\w)")


@cache
def first_words() -> frozenset[str]:
    """Every word a branch of `time_regex` can start with (after the و/ف/ب/ل prefixes), digits aside."""
    cal = load_calendar_lexicon()
    numbers = load_number_lexicon().words
    literal = [
        "من", "بين", "ما", "عام", "العام", "عامي", "سنة", "السنة", "سنتي", "الأعوام", "السنوات", "الفترة", "لعام", "لسنة",
        "خلال", "في", "الربع", "النصف", "هذا", "هذه", "عطلة", "نهاية", "أول", "ثاني", "ثان", "ثالث", "رابع",
        "خامس", "آخر", "الساعة", "منذ", "حتى", "قبل", "بعد", "مطلع", "أوائل", "أواخر", "منتصف", "بداية",
        "أواسط", "طيلة", "طوال", "على", "شهر", "صباح", "مساء", "ظهر", "فجر", "ليل", "ليلة", "عصر", "ظهيرة",
        "اليوم", "أمس", "يوم", "الأمس", "البارحة", "غدا", "الغد", "غد", "الليلة", "بكرة", "بكرا", "امبارح", "كل",
        "يوميا", "أسبوعيا", "شهريا", "سنويا", "لمدة", "مدة", "نحو", "حوالي", "قرابة", "الأسبوع", "الاسبوع", "عدة",
        "الشهر", "الظهر", "الظهيرة", "بقية", "باقي", "بتاريخ", "الآن", "حاليا", "نصف", "نص",
    ]
    words = {normalize_ar(w) for w in literal}
    words |= set(cal.months) | set(cal.weekdays) | {w[2:] for w in cal.weekdays} | set(load_ordinals())
    words |= {"ل" + w[2:] for w in load_ordinals() if w.startswith("ال")}  # للحادي عشر (ل + الحادي)
    words |= set(numbers) | set(NTH_WORDS)
    words |= set(load_holidays())
    for w in (*cal.units, *(normalize_ar(d) + s for d in DECADES for s in ("يات", "ات")), *SEASONS):
        words |= {w, "ال" + w}
    return frozenset(w.split()[0] for w in words)


# -- matching form with a sparse offset map ---------------------------------------------------------
@cache
def _length_changing_chars() -> re.Pattern[str]:
    """Characters that `normalize_ar` removes or expands (marks, tatweel, ligatures), found once."""
    chars = [chr(c) for c in range(0x80, 0x10000) if not 0xD800 <= c < 0xE000]
    changing = [c for c in chars if len(normalize_ar(c)) != 1]
    return re.compile("[" + "".join(re.escape(c) for c in changing) + "]")


@dataclass(frozen=True)
class Folded:
    """The matching form of a text plus a sparse map back to it: one entry per run of unchanged
    length instead of one per character (news text has few marks, so usually a single run).

    >>> f = fold_with_offsets("عامِ ٢٠١٤")
    >>> f.text, f.to_original(4, 8)
    ('عام 2014', (5, 9))
    """

    text: str
    norm_starts: tuple[int, ...]  # where each run starts in `text`
    orig_starts: tuple[int, ...]  # where it starts in the original
    expanded: tuple[bool, ...]  # a run that is one original character expanded (ﻻ → لا)
    original_length: int

    def _orig(self, pos: int) -> int:
        k = bisect_right(self.norm_starts, pos) - 1
        return self.orig_starts[k] + (0 if self.expanded[k] else pos - self.norm_starts[k])

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` of the matching form to the smallest covering original range."""
        if start >= end:
            pos = self._orig(start) if start < len(self.text) else self.original_length
            return pos, pos
        return self._orig(start), self._orig(end - 1) + 1


@lru_cache(maxsize=8)
def fold_with_offsets(text: str) -> Folded:
    """`normalize_ar` of ``text`` with a `Folded` offset map (same offsets as `normalize_with_offsets`).

    A pure function of ``text`` returning an immutable value; the small cache lets the ``times`` and
    ``quantities`` stages fold an article once."""
    norm_starts: list[int] = [0]
    orig_starts: list[int] = [0]
    expanded: list[bool] = [False]
    out: list[str] = []
    pos = 0
    length = 0
    for m in _length_changing_chars().finditer(text):
        i = m.start()
        if i > pos:
            piece = normalize_ar(text[pos:i])
            out.append(piece)
            length += len(piece)
        repl = normalize_ar(text[i])
        if repl:
            norm_starts.append(length)
            orig_starts.append(i)
            expanded.append(True)
            out.append(repl)
            length += len(repl)
        pos = i + 1
        norm_starts.append(length)
        orig_starts.append(pos)
        expanded.append(False)
    out.append(normalize_ar(text[pos:]))
    return Folded("".join(out), tuple(norm_starts), tuple(orig_starts), tuple(expanded), len(text))


# -- vocabulary of the newer branches -------------------------------------------------------------
#: Ordinals that pick a weekday in a month (أول جمعة من رمضان، الثلاثاء الأخير من آذار): -1 = last.
NTH_WORDS = {normalize_ar(w): v for w, v in (
    ("أول", 1), ("ثاني", 2), ("ثان", 2), ("ثالث", 3), ("رابع", 4), ("خامس", 5), ("آخر", -1),
    ("الأول", 1), ("الأولى", 1), ("الثاني", 2), ("الثانية", 2), ("الثالث", 3), ("الثالثة", 3), ("الرابع", 4),
    ("الرابعة", 4), ("الخامس", 5), ("الخامسة", 5), ("الأخير", -1), ("الأخيرة", -1),
)}  # fmt: skip
#: Decade stems (السبعينيات، الثمانينات) and season words (TIMEX3 codes), as the regex spells them.
DECADES = {"عشرين": 20, "ثلاثين": 30, "أربعين": 40, "خمسين": 50, "ستين": 60, "سبعين": 70, "ثمانين": 80, "تسعين": 90}
SEASONS = {normalize_ar(w): c for w, c in (("صيف", "SU"), ("شتاء", "WI"), ("ربيع", "SP"), ("خريف", "FA"))}
