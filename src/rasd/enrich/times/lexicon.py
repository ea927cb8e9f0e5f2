"""Shared vocabulary of the time resolvers: the lexicons, and readers of spoken numbers, ordinals and years."""

from __future__ import annotations

import re
from datetime import date
from importlib import resources

from rasd.arabic.dates import gregorian_from_hijri, load_calendar_lexicon
from rasd.arabic.normalize import normalize_ar
from rasd.arabic.numbers import DIGITS_PATTERN, load_number_lexicon, parse_digits
from rasd.arabic.time_patterns import DECADES, load_ordinals

_n = normalize_ar
_WORD_RE = re.compile(r"[^\s,،/()\-]+")
_DIGITS_RE = re.compile(DIGITS_PATTERN)
_YEAR_RE = re.compile(r"(?<!\d)(1[3-4]\d\d|19\d\d|20\d\d)(?!\d)")
DECADES_BY_STEM = {_n(w): v for w, v in DECADES.items()}
_RANGE_MONTH_RE = re.compile(_n(r"\s*(?:-|–|إلى|الى|حتى|و)\s*(?:\S+\s*[,،]?\s*)?\d{1,2}\s*(?:من\s+)?(?:شهر\s+)?"))
_WHOLE_WORDS = {_n(w) for w in ("كامل", "كاملة", "كاملا")}
_YEAR_WORDS_RE = re.compile(_n(r"(?<!\w)(?:ألف|ألفا|ألفين|ألفان)(?!\w).*"))
_SPOKEN_YEAR_RE = re.compile(_n(
    r"(?<!\w)(?:عام|العام|سنة|السنة)\s+((?:\w+\s+عشرة?|عشرين))\s+(\w+(?:\s+و\s*\w+)*)"
))  # fmt: skip
_OLD_YEAR_RE = re.compile(r"(?<!\d)(?:1[0-8]\d\d|[1-9]\d\d)(?!\d)")
_YEAR_WORDS = {_n(w) for w in ("عام", "العام", "سنة", "السنة", "عامي")}
_BC_ERA_RE = re.compile(_n(r"(?<![^\W\d])(?:قبل\s+الميلاد|ق\s?\.\s?م)"))
_HIJRI_ERA_RE = re.compile(_n(r"(?<![^\W\d])(?:هـ|ه|هجري|هجرية|للهجرة)(?!\w)"))  # 276هـ: glued to the digits
_FUTURE_CUE_RE = re.compile(_n(
    r"(?<!\w)(?:سوف|من المقرر|من المنتظر|من المتوقع|يعتزم|تعتزم|المقبل|القادم|غدا"
    r"|س[يتنأ](?:عقد|لتقي|جري|بدأ|زور|توجه|شارك|قوم|كون|صل|ستقبل|نطلق|تم|عود|لقي|عقدان|خرج|رحل|غادر|سافر)\w*)(?!\w)"
))  # fmt: skip
_MERGE_GAP_RE = re.compile(_n(r"\s*(?:[,،]\s*)?(?:(?:من|في|يوم)\s+)?"))
_WEEK_VALUE_RE = re.compile(r"\d{4}-W\d\d")
_WEEK_GAP_RE = re.compile(_n(r"\s*(?:[,،]\s*)?(?:(?:من|في|يوم|بين|ما\s+بين)\s+)?"))
_RANGE_GAP_RE = re.compile(_n(r"\s*(-|–|و?إلى|و?حتى|و?لغاية|و)\s*"))
_RANGE_OPENER_RE = re.compile(_n(r"(?<!\w)(?:من|بين|ما\s+بين)\s+$"))
_DUAL_DIRECTIONS = {_n(w): d for w, d in (("الماضيين", -1), ("المنصرمين", -1), ("الأخيرين", -1), ("السابقين", -1),
                                          ("الماضيتين", -1), ("الأخيرتين", -1), ("المقبلين", 1), ("القادمين", 1),
                                          ("المقبلتين", 1), ("القادمتين", 1))}  # fmt: skip
_DURATION_GAP_RE = re.compile(r"\s*(?:[,،]\s*)?(?:و\s*)?")
_CONTINUES_RE = re.compile(_n(r"\s+(?:من|في|ل\w+)(?!\w)"))
_AGE_RE = re.compile(_n(r"\s+من\s+(?:عمر|العمر)"))
_OFFSET_NOISE = {_n(w) for w in ("نحو", "حوالي", "قرابة", "من", "الآن", "زهاء", "أكثر", "أقل", "ما", "يزيد", "يربو",
                                  "على", "عن", "لا", "يقل", "يقرب", "يقارب")}  # fmt: skip
#: The qualifier of an offset → (TIMEX3 mod of a past offset, of a future one): منذ أكثر من عام is before
#: the day a year back, قبل أقل من شهر after the day a month back.
_OFFSET_QUALIFIERS = (
    (re.compile(_n(r"(?:أكثر\s+من|ما\s+(?:يزيد|يربو))(?!\w)")), ("BEFORE", "AFTER")),
    (re.compile(_n(r"أقل\s+من(?!\w)")), ("AFTER", "BEFORE")),
    (re.compile(_n(r"ما\s+لا\s+يقل(?!\w)")), ("ON_OR_BEFORE", "ON_OR_AFTER")),
    (re.compile(_n(r"(?:نحو|حوالي|قرابة|زهاء|ما\s+(?:يقرب|يقارب))(?!\w)")), ("APPROX", "APPROX")),
)
_TRIM_PREFIXES = {_n(w) for w in ("في", "حتى", "قبل", "بعد", "خلال", "لمدة", "مدة", "طيلة", "طوال")}
_MODS = {_n(w): m for w, m in (("مطلع", "START"), ("أوائل", "START"), ("بداية", "START"), ("أول", "START"),
                               ("أواسط", "MID"),
                               ("أواخر", "END"), ("نهاية", "END"), ("آخر", "END"), ("منتصف", "MID"),
                               ("نحو", "APPROX"), ("حوالي", "APPROX"), ("قرابة", "APPROX"))}  # fmt: skip
_RELDAY = {_n(w): d for w, d in (("اليوم", 0), ("أمس", -1), ("الأمس", -1), ("البارحة", -1), ("غدا", 1),
                                 ("غد", 1), ("الغد", 1), ("بكرة", 1), ("بكرا", 1), ("الليلة", 0), ("امبارح", -1))}  # fmt: skip
_PERIOD_UNITS = {_n(w): u for w, u in (("الأسبوع", "W"), ("الاسبوع", "W"), ("الشهر", "M"), ("العام", "Y"),
                                       ("السنة", "Y"), ("العقد", "DE"))}  # fmt: skip
_SET_UNITS = {_n(w): u for w, u in (("يوم", "P1D"), ("يوميا", "P1D"), ("أسبوع", "P1W"), ("أسبوعيا", "P1W"),
                                    ("شهر", "P1M"), ("شهريا", "P1M"), ("عام", "P1Y"), ("سنة", "P1Y"),
                                    ("سنويا", "P1Y"), ("ساعة", "PT1H"))}  # fmt: skip


def _data_rows(path: str) -> list[list[str]]:
    raw = resources.files("rasd.data").joinpath(path).read_text(encoding="utf-8")
    return [line.split("\t") for line in raw.splitlines() if line.strip() and not line.startswith("#")]



class TimeLexicon:
    """Loaded lexicons, plus readers of the numbers, ordinals and years written in a matched text
    (``ألفين وثمانية عشر`` → 2018, ``الحادي والعشرين`` → 21); the resolvers build on it."""

    def __init__(self) -> None:
        self.calendar = load_calendar_lexicon()
        self.numbers = load_number_lexicon()
        self.ordinals = load_ordinals()
        #: Words after a number that make it a count (units, scales, في المئة), and words before it that
        #: make it a count or a label (qualifiers, القرار، رقم): a bare 2014 next to them is no year.
        self.count_words = frozenset(
            {_n(r[0]) for r in _data_rows("numbers/units.tsv")} | set(self.numbers.words) | {_n("في"), _n("بالمئة")}
        )
        self.label_words = frozenset(
            {_n(r[0]) for r in _data_rows("numbers/qualifiers.tsv") if r[2] == "pre"}
            | {_n(w) for w in ("القرار", "قرار", "رقم", "الرقم", "المادة", "مادة", "الفقرة", "البند", "بند", "طراز",
                               "موديل", "العدد", "عدد", "أكثر من", "أقل من", "من أصل", "بين")}
        )  # fmt: skip
        months = sorted(self.calendar.months, key=len, reverse=True)
        self.month_re = re.compile(
            "(?<!\\w)(?:" + "|".join(r"\s*".join(map(re.escape, m.split(" "))) for m in months) + ")(?![^\\W\\d])"
        )

    def _duration_parts(self, words: list[str]) -> list[list[str]]:
        """Split the words of a compound duration after each unit word (and its واحد):
        ``عام واحد و شهر و 21 يوما`` → [عام واحد] [شهر] [21 يوما]; a lone ``و`` is dropped."""
        parts: list[list[str]] = [[]]
        for w in words:
            bare = w[1:] if w.startswith("و") and w[1:] in self.calendar.units else w
            if w == "و":
                continue
            if (w in {_n("واحد"), _n("واحدة")} or w in _WHOLE_WORDS) and parts[-1] == [] and len(parts) > 1:
                parts[-2].append(w)
                continue
            parts[-1].append(bare)
            if bare in self.calendar.units or bare.removeprefix("ال") in self.calendar.units:
                parts.append([])
        parts = [p for p in parts if p]
        # a single unit with its fraction word (ساعة ونصف) stays one part
        if len(parts) > 1 and all(self._fraction(w) for w in parts[-1]):
            parts[-2].extend(parts.pop())
        return parts

    def _unit_count(self, s: str, words: list[str]) -> tuple[str | None, float | None]:
        unit_word = next((w.removeprefix("ال") if w not in self.calendar.units else w
                          for w in words if w in self.calendar.units or w.removeprefix("ال") in self.calendar.units),
                         None)  # fmt: skip
        if unit_word is None:
            return None, None
        unit, count = self.calendar.units[unit_word]
        number = self._number_in(s)
        if number is not None:
            return unit, number
        return unit, float(count) if count else None

    def _fraction(self, word: str) -> float:
        """Value of a fraction word (``نصف``, ``ونصف``, ``ربع``, ``ثلث``), else 0."""
        entry = self.numbers.words.get(word) or self.numbers.words.get(word.removeprefix("و"))
        return entry[0] if entry and entry[1] == "fraction" else 0.0

    def _bare_year(self, text: str, start: int, end: int) -> bool:
        """Whether a bare 19xx/20xx number is a year: not a count (``2014 شخصا``, ``نحو 2000``,
        ``2000 دولار``) nor a label (``القرار 1973``، ``رقم 2010``)."""
        following = _WORD_RE.match(text, end + 1) if text[end : end + 1] == " " else None
        if text[end : end + 1] in {"%", "٪"} or text[max(0, start - 1) : start] in {"+", "$", "#"}:
            return False
        if following is not None:
            word = following.group()
            if word in self.count_words or word.removeprefix("ال") in self.count_words:
                return False
        before = _WORD_RE.findall(text[max(0, start - 30) : start])[-3:]
        return not any(" ".join(before[i:]) in self.label_words for i in range(len(before)))

    def _after_unit_word(self, text: str, start: int) -> bool:
        """Whether the word before ``start`` is a time unit (``الأسبوع`` in ``الأسبوع الأول من …``)."""
        before = _WORD_RE.findall(text[max(0, start - 12) : start])
        if not before:
            return False
        unit = self.calendar.units.get(before[-1]) or self.calendar.units.get(before[-1].removeprefix("ال"))
        return unit is not None and unit[0] not in {"D", "H", "MIN", "S"}  # يوم 5 جانفي is a date

    def _bare_number(self, word: str) -> str:
        """``وثلاثة``/``الثلاثة`` → ``ثلاثة`` when that is a number word."""
        return self.numbers.bare_word(word)

    def _number_in(self, s: str) -> float | None:
        dm = _DIGITS_RE.search(s)
        if dm:
            return float(parse_digits(dm.group()))
        words = [self._bare_number(w) for w in _WORD_RE.findall(s) if w != "و"]
        for i, w in enumerate(words):
            if w in self.numbers.words and self.numbers.words[w][1] != "fraction":
                parsed = self.numbers.evaluate_words(words[i:])
                if parsed and parsed[0].first == 0:
                    return float(parsed[0].value)
        return None

    def _year_in_words(self, s: str, pos: int) -> int | None:
        """A year written in words from ``pos`` on: ``ألفين وثمانية عشر`` → 2018, ``ألف وتسعمائة
        وواحد`` → 1901 (only 1000-2199; the pattern lets only ألف/ألفين open one)."""
        m = _YEAR_WORDS_RE.search(s, pos)
        if m is None:
            return self._spoken_year(s, pos)
        if m.group().split()[0] == _n("ألف") and len(m.group().split()) == 1:
            return None  # 5 مايو ألف شخص: a lone ألف is a count
        value = self._number_in(m.group())
        return int(value) if value is not None and 1000 <= value < 2200 and float(value).is_integer() else None

    def _spoken_year(self, s: str, pos: int) -> int | None:
        """A year spoken in two halves after a year word: ``عام تسعة عشر تسعة وتسعون`` → 1999,
        ``سنة عشرين واثنين`` → 2002 (the pattern admits it only after عام/سنة)."""
        m = _SPOKEN_YEAR_RE.search(s, pos)
        if m is None:
            return None
        words = [self._bare_number(w) for w in m.group(2).split() if w != "و"]
        century = 20 if m.group(1) == _n("عشرين") else self._number_in(m.group(1))
        parsed = self.numbers.evaluate_words(words)
        if century is None or len(parsed) != 1 or not 0 < parsed[0].value < 100:
            return None
        value = century * 100 + parsed[0].value
        return int(value) if float(value).is_integer() and 1000 <= value < 2200 else None

    def _ordinal_prefix(self, s: str) -> bool:
        after = s.split(None, 1)[1] if " " in s else s
        return after.split(None, 1)[0] in self.ordinals

    def _ordinal_value(self, s: str, *, hours: bool = False) -> int | None:
        return self._ordinal_prefix_value(s)[0]

    def _ordinal_prefix_value(self, s: str) -> tuple[int | None, int]:
        """Value of the ordinal words that open ``s`` (``الحادي والعشرين``, ``الثالث عشر``) and the
        offset where they end."""
        total, end = 0, 0
        for m in _WORD_RE.finditer(s):
            w = m.group().removeprefix("و")
            if not total and w.startswith("ل") and "ا" + w in self.ordinals:  # للحادي: ل + الحادي
                w = "ا" + w
            if w in self.ordinals:
                total += self.ordinals[w]
            elif w.startswith(_n("عشر")) and total:
                total += 10
            elif total:
                break
            else:
                continue
            end = m.end()
        return total or None, end

    @staticmethod
    def _nearest_hijri(ref: date, month: int, day: int) -> date:
        guess = round((ref.year - 622) * 365.2425 / 354.367)
        candidates = [gregorian_from_hijri(y, month, day) for y in (guess - 1, guess, guess + 1, guess + 2)]
        return min(candidates, key=lambda c: abs((c - ref).days - 30))
