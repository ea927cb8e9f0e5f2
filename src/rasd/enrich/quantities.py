"""Quantities: counts, money and percentages with their unit and qualifier, and the ``quantities`` stage.

One compiled pattern over the matching form (`normalize_with_offsets`) finds
``[qualifier] number [scale] [[من] unit [nationality]] [qualifier]``::

    نحو 2500 عسكري أميركي     2500      soldiers   approximately
    36 قتيلا على الأقل         36        killed     at_least
    ما لا يقل عن ٥٠ شخصا      50        people     at_least
    عشرات القتلى               10        killed     (vague: ACLED records "tens" as 10)
    2.5 مليون دولار            2500000   dollars
    ألفان وخمسمائة             2500      None
    ما بين 20 و30 قتيلا        20        killed     value_max 30 (a range: ACLED takes the lower)
    3 آلاف و500 شخص            3500      people
    مليون و200 ألف نسمة        1200000   people     (words up to a scale, then و and digits)

Counts spelled without a number come from `rasd.enrich.quantity_duals`: a dual of a countable noun
(``قتل شخصان`` 2 people, ``مقتل جنديين`` 2 soldiers, ``رقمان صالحان`` 2) and a singular person noun right
after a casualty word (``سقط قتيل`` 1 killed, ``قتيلان وجريح`` 2 killed and 1 wounded).

Numbers inside time expressions (``26 تموز 2021``، ``ثلاثة أشهر``، ``عام 2014``) are left to the
``times`` layer, and a bare year-like number (``انتخابات 2018``) is not a quantity.  Units and
qualifiers are data files under ``data/numbers/``.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any

from rasd.arabic.normalize import normalize_ar
from rasd.arabic.numbers import (
    DIGITS_PATTERN,
    NumberLexicon,
    find_number_phrases,
    load_number_lexicon,
    parse_digits,
    trie_pattern,
)
from rasd.arabic.time_patterns import Folded, fold_with_offsets, load_ordinals
from rasd.document import Article, Span
from rasd.enrich.quantity_duals import PERSON_UNITS, load_dual_counts
from rasd.enrich.times import TimeFinder

__all__ = ["QuantityFinder", "QuantityStage", "find_quantities", "make_stage"]

#: Units after which a nationality/descriptive adjective belongs to the phrase (عسكري أميركي).
_ADJECTIVE_UNITS = {"soldiers", "people", "civilians", "fighters", "children", "women", "refugees"}
#: Single number words too ambiguous to stand alone without a unit (ست "lady", خمس "a fifth"…).
_RISKY_ALONE = {normalize_ar(w) for w in ("ست", "سبع", "خمس", "عشر", "ثمان", "تسع", "صفر", "واحد", "واحدة",
                                          "ربع", "نصف", "ثلث", "ثمن", "ألف", "مية", "ميت")}  # fmt: skip
_WORD_RE = re.compile(r"\S+")
_ADDEND_RE = re.compile(r"و\s*(\S+(?:\s+(?!و)\S+)*)")
_RANGE_GAP_RE = re.compile(r"\s*(-|–|إلى|الى|حتى|و)\s*")
_RANGE_OPENER_RE = re.compile(r"(?<!\w)(?:من|بين|ما\s+بين|مابين)\s+$")
_LABEL_WORDS = {normalize_ar(w) for w in (
    "رقم", "الرقم", "برقم", "المادة", "مادة", "الفقرة", "فقرة", "البند", "بند", "القرار", "قرار", "الفصل",
    "الصفحة", "صفحة", "ص", "طراز", "موديل", "الجزء", "المرسوم", "القانون", "قانون", "الطريق", "الدائرة", "الإصدار",
)}  # fmt: skip
_LIST_ITEM_RE = re.compile(r"(?:^|\n)\s*$")  # a number at the start of a line…
_LIST_DASH_RE = re.compile(r"\d+\s*[-–.)]\s")  # …followed by a dash or a closing mark: "2 - يعاقب"
_DEFINITE_BEFORE_RE = re.compile(r"(?<!\S)ال\w+\s+$")
_TEENS = {normalize_ar(w) for w in ("عشر", "عشرة")}
_ONE = {normalize_ar(w) for w in ("واحد", "واحدة")}
_AND_DIGIT_RE = re.compile(r"\s+و\s*\d")
_PRONOUN_BEFORE_RE = re.compile(normalize_ar(r"(?<!\w)(?:أي|كل|لكل|بكل|ولكل|وكل)\s+$"))
_FRACTIONS = {normalize_ar(w) for w in ("نصف", "ثلث", "ربع")}
_NEXT_WORD_RE = re.compile(r"\s+(ال\w+)")  # a definite noun: the whole the fraction is of
_NOT_A_WHOLE = {normalize_ar(w) for w in ("النهائي", "النهائية", "النهائيات", "الساعة", "القرن", "الأول", "الثاني")}
_HUNDREDS = {normalize_ar(w) for w in ("مائة", "مئة")}  # ٣٢٢ مائة = 32200
#: Digit strings: grouped by spaces (1 234 567) or Arabic commas (١،٢٣٤،٥٦٧), decimal commas
#: (12,5 / 9,2321312 — a comma before exactly three digits stays a thousands separator), plain
#: digits, a leading decimal point (.08), then an optional exponent (1e10, 1.1^23).
_DIGIT_FORMS = (
    r"(?:\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)(?:[.\u066b]\d+)?"
    r"|\d{1,3}(?:\u060c\d{3})+(?!\d)(?:[.,\u066b]\d+)?"
    r"|\d+,(?:\d{1,2}|\d{4,})(?!\d)"
    rf"|{DIGITS_PATTERN}"
    r"|(?<![^\s])[.\u066b]\d+)"
    r"(?:[eE][+-]?\d+|\^[+-]?\d+)?"
)
_DIGIT_TOKEN_RE = re.compile(r"(-?)([^eE^]+)(?:[eE]([+-]?\d+)|\^([+-]?\d+))?")


def parse_digit_token(token: str) -> float:
    """Value of a digit string in the matching form, in any of the `_DIGIT_FORMS`.

    >>> [parse_digit_token(t) for t in ("1 234 567", "1\u060c234", "9,25", "2,500", ".5", "-3", "1e3")]
    [1234567.0, 1234.0, 9.25, 2500.0, 0.5, -3.0, 1000.0]
    """
    m = _DIGIT_TOKEN_RE.fullmatch(token)
    if m is None:
        raise ValueError(f"not a digit string: {token!r}")
    sign, body, exp, power = m.groups()
    body = re.sub(r"[ \u00a0\u202f\u2009\u060c]", "", body) if re.search(r"\d[ \u00a0\u202f\u2009\u060c]\d", body) else body
    if re.fullmatch(r"\d+,(?:\d{1,2}|\d{4,})", body):
        body = body.replace(",", ".")
    body = body.replace("\u066b", ".")
    value = float(parse_digits("0" + body if body.startswith(".") else body))
    if exp:
        value *= 10.0 ** int(exp)
    elif power:
        value **= int(power)
    return -value if sign else value


def _read_rows(path: str) -> list[list[str]]:
    raw = resources.files("rasd.data").joinpath(path).read_text(encoding="utf-8")
    return [line.split("\t") for line in raw.splitlines() if line.strip() and not line.startswith("#")]


def _alt(phrases: list[str]) -> str:
    return trie_pattern(phrases)


class QuantityFinder:
    """Loaded lexicons and the compiled pattern; `find` is a pure function of the text."""

    def __init__(self, times: TimeFinder | None = None) -> None:
        self.numbers: NumberLexicon = load_number_lexicon()
        self.units = {normalize_ar(w): u for w, u in _read_rows("numbers/units.tsv")}
        self.qualifiers = {normalize_ar(w): (q, pos) for w, q, pos in _read_rows("numbers/qualifiers.tsv")}
        self.times = times or TimeFinder()
        self.ordinals = frozenset(load_ordinals())
        self.duals = load_dual_counts(set(self.units))
        pre = _alt([w for w, (_, pos) in self.qualifiers.items() if pos == "pre"])
        post = _alt([w for w, (_, pos) in self.qualifiers.items() if pos == "post"])
        word = rf"(?:{self.numbers.word_pattern})(?!\w)"
        digits = rf"(?<![\d.,:/\-])(?:(?<![^\s(])(?<!\d\s)-)?(?:{_DIGIT_FORMS})(?![\d:/]|[.,]\d)"
        scale = _alt([w for w, (_, c) in self.numbers.words.items() if c in {"scale", "plural"} or w in _HUNDREDS])
        negative = _alt([normalize_ar(w) for w in ("سالب", "ناقص")])
        lone_scale = _alt([w for w, (_, c) in self.numbers.words.items() if c in {"scale", "dual"}])  # مليون، ألفين
        head = rf"(?<!\w)(?:(?!{word})[وب]\s*)?(?P<q1>{pre}\s+)?(?P<neg>{negative}\s+)?(?P<cur>(?:US)?[$€£]\s?)?"
        # 3 آلاف و500; ٤آلاف (glued); 3 آلاف مليار (a larger scale multiplies); 4 آلاف 300 مائة و21
        addend = (rf"\s+و\s*(?P<add>(?!0+(?![\d.,]))\d+(?:\s+{scale}(?!\w))?|{word}(?:\s+و?\s*{word})*)"  # و0 adds nothing
                  rf"|\s+(?P<bare>\d+\s+{scale}(?!\w))")
        self.addend_re = re.compile(addend)
        numbers = (rf"(?:ال)?(?P<digits>{digits})(?:\s*(?P<dscale>{scale})(?!\w)(?:\s+(?P<dscale2>{scale})(?!\w))?"
                   rf"(?P<more>(?:{addend.replace('?P<add>', '').replace('?P<bare>', '')})*))?"
                   rf"|(?:ال(?={word}\s+{scale}(?!\w)))?{word}(?:\s+و?\s*{word})*")  # الخمسة آلاف: 5000
        tail = (rf"(?:\s*(?:{normalize_ar('من')}\s+)?(?:ال)?(?P<unit>{_alt(list(self.units))})(?:(?<=[%٪$€£])|(?!\w))"
                rf"(?:\s+(?P<adj>(?:ال)?\w{{3,}}(?:ي|يا|يين|يون)(?!\w)))?)?"
                rf"(?P<q2>\s+{post}(?!\w))?")
        self.regex = re.compile(rf"{head}(?P<num>{numbers}|(?P<wmore>(?!)))" + tail)
        # ثلاثة آلاف و500, مليون و200 ألف: words up to a scale, then و and digits — tried (in `find`)
        # only where a run of number words is followed by و and a digit, so other words pay nothing
        self.words_then_digits = re.compile(
            rf"{head}(?P<num>(?:{word}(?:\s+و?\s*{word})*?\s+{scale}|{lone_scale})(?!\w)"
            rf"(?P<wmore>(?:\s+و\s*\d+(?![\d.,:/])(?:\s+{scale}(?!\w))?)+)|{numbers})" + tail
        )

    def find(self, text: str, times: Sequence[Span] | None = None, *, phrase: bool = False) -> list[Span]:
        """Quantities of ``text``; ``times`` (original offsets, e.g. the article's ``times`` layer)
        are excluded — when None the time expressions are found here first.

        ``phrase=True`` reads ``text`` as a number phrase rather than news (see `find_number_phrases`):
        numbers inside time expressions count, a lone ambiguous word (``واحد``، ``ست``) or a year-like
        ``2000`` is a number, and ratios and digit fractions are read."""
        norm = fold_with_offsets(text)
        if "\u064f" in text:  # a damma: vocalized fractions (خُمسَين) are no tens (خَمسين)
            norm = _mark_vocalized_fractions(text, norm)
        extra = [
            Span(*norm.to_original(a, b), "QUANTITY", {"value": _tidy(v), "unit": None, "number_span": norm.to_original(a, b)})
            for a, b, v in (find_number_phrases(norm.text) if phrase else [])
        ]
        if phrase:
            times = ()
        if times is None:
            taken = [norm.to_original(a, b) for a, b in self.times.find_ranges(norm.text)]
        else:
            taken = [(t.start, t.end) for t in times]
        taken.sort()
        starts = [a for a, _ in taken]
        spans: list[Span] = []
        skip_until = -1
        for m in self.regex.finditer(norm.text):
            if m.start() < skip_until:
                continue  # inside the words-then-digits number read just before
            if not m.group("digits") and _AND_DIGIT_RE.match(norm.text, m.end("num")):
                wide = self.words_then_digits.match(norm.text, m.start())
                if wide is not None and wide.group("wmore") and self._read(wide, phrase=phrase) is not None:
                    m, skip_until = wide, wide.end()
            a, b = m.start("num"), m.end("num")
            if norm.text.startswith("ال", a) and norm.text[a + 2 : a + 3].isdigit():
                a += 2
            elif norm.text.startswith("ال", a) and (first := _WORD_RE.match(norm.text, a)) is not None and (
                self.numbers.words.get(first.group()[2:], (0, "vague"))[1] not in {"vague", "plural", "scale"}
                and first.group() not in self.numbers.words
            ):  # الخمسة آلاف (not العشرات, الآلاف: the article belongs to a vague count)
                if _DEFINITE_BEFORE_RE.search(norm.text, max(0, a - 20), a):
                    # الدول الأربع آلاف الأبقار: the numeral qualifies the noun before it; read on from آلاف
                    retry = self.regex.match(norm.text, first.end() + 1)
                    if retry is None:
                        continue
                    m, a, b = retry, retry.start("num"), retry.end("num")
                else:
                    a += 2  # الخمسة آلاف تومان, الستة ملايين: the article does not belong to the number
            n_start, n_end = norm.to_original(a, b)
            k = bisect_left(starts, n_end)  # time spans starting before the number ends
            if any(te > n_start for _, te in taken[max(0, k - 3) : k]):
                continue
            if not m.group("unit") and self._after_label(norm.text, m.start("q1") if m.group("q1") else a):
                continue  # القرار رقم 2254, المادة 103: a label, not a count
            if any(e.start < n_end and n_start < e.end for e in extra):
                continue  # inside a ratio or fraction read as a whole
            found = self._read(m, phrase=phrase)
            tail = "dscale2" if m.group("dscale2") else "more" if m.group("more") else "wmore" if m.group("wmore") else None
            if found is None and tail:  # 3 آلاف و4 آلاف: two numbers, keep the first
                head = self.regex.match(norm.text, m.start(), m.start(tail))
                if head is not None:
                    m, found = head, self._read(head, phrase=phrase)
                    n_start, n_end = norm.to_original(a, m.end("num"))
            if found is None:
                spans.extend(self._split(m, norm, phrase=phrase))  # ثلاثمائة ومائتين: two numbers side by side
                continue
            start = m.start("q1") if m.group("q1") else m.start("neg") if m.group("neg") else a
            if m.group("cur") and not m.group("q1"):
                start = m.start("cur")
            end = m.end()
            if m.group("adj") and found.get("unit") not in _ADJECTIVE_UNITS:
                end = m.start("adj")
                while end > start and norm.text[end - 1].isspace():
                    end -= 1
            o_start, o_end = norm.to_original(start, end)
            while o_end < len(text) and "\u064b" <= text[o_end] <= "\u0652":  # 20 دولاراً: keep the tanwin
                o_end += 1
            found["number_span"] = (n_start, n_end)
            spans.append(Span(o_start, o_end, "QUANTITY", found))
        spans = self._add_duals(text, norm, taken, spans)
        spans = _join_ranges(spans, text)
        return sorted([*spans, *extra], key=lambda sp: (sp.start, sp.end)) if extra else spans

    def _add_duals(self, text: str, norm: Folded, taken: list[tuple[int, int]], spans: list[Span]) -> list[Span]:
        """``spans`` with the counts spelled without a number (`quantity_duals`): ``قتل شخصان`` (2 people),
        ``مقتل جنديين`` (2 soldiers), ``سقط قتيل`` (1 killed), ``3 قتلى وجريح`` (and 1 wounded), ``3 أشخاص وطفل``
        (and 1 child)."""
        ends = [s.end for s in spans if s.attrs.get("unit")]
        # 3 أشخاص وطفل: one more; but 39 امرأة وفتاة، 30 جنديا وعنصر أمن: after 11 and up the counted noun
        # is a singular, and what follows و shares the number
        persons = [s.end for s in spans if s.attrs.get("unit") in PERSON_UNITS and _small(s.attrs.get("value"))]
        found = self.duals.find(text, norm, [*taken, *((s.start, s.end) for s in spans)], ends, persons)
        if not found:
            return spans
        extra = [Span(a, b, "QUANTITY", {"value": v, "unit": u, "number_span": (a, b)}) for a, b, v, u in found]
        return sorted([*spans, *extra], key=lambda sp: (sp.start, sp.end))

    def _split(self, m: re.Match[str], norm: Folded, *, phrase: bool = False) -> list[Span]:
        """Number words that read as several numbers (``أربعة آلاف وثلاثمائة وصفر`` → 4300, 0): one
        span each; the unit stays with the last, the qualifier with the first."""
        if m.group("digits"):
            return []
        tokens = [t for t in _WORD_RE.finditer(m.group("num")) if t.group() != "و"]
        clean = [self._bare(t.group()) for t in tokens]
        parsed = self.numbers.evaluate_words(clean)
        if len(parsed) < 2 or parsed[0].first != 0 or parsed[-1].last != len(clean):
            return []
        if any(p.last != q.first for p, q in pairwise(parsed)):
            return []
        base = m.start("num")
        out = []
        for i, p in enumerate(parsed):
            if p.last - p.first == 1 and clean[p.first] in _RISKY_ALONE and not phrase:
                continue
            first = tokens[p.first]
            a = base + first.start() + (len(first.group()) - len(clean[p.first]))
            b = base + tokens[p.last - 1].end()
            last = i == len(parsed) - 1
            attrs: dict[str, Any] = {"value": p.value, "unit": self.units.get(m.group("unit")) if last and m.group("unit") else None}
            if p.vague:
                attrs["vague"] = True
            attrs["number_span"] = norm.to_original(a, b)
            o_start, o_end = norm.to_original(a, m.end() if last and m.group("unit") else b)
            out.append(Span(o_start, o_end, "QUANTITY", attrs))
        return out

    def _bare(self, word: str) -> str:
        """A number word without its و or ال (``وخمسمائة``, ``الخمسة``); other words without a و."""
        bare = self.numbers.bare_word(word)
        return bare if bare != word or word in self.numbers.words else word.removeprefix("و")

    def _after_ordinal(self, text: str, start: int) -> bool:
        words = _WORD_RE.findall(text[max(0, start - 14) : start])
        return bool(words) and words[-1] in self.ordinals

    @staticmethod
    def _after_label(text: str, start: int) -> bool:
        """Whether the number at ``start`` follows a label word (رقم، المادة، الفقرة…) or opens a list item."""
        before = text[max(0, start - 16) : start]
        if _LIST_ITEM_RE.search(before) and _LIST_DASH_RE.match(text, start):
            return True
        words = _WORD_RE.findall(before.replace("(", " "))
        return bool(words) and words[-1] in _LABEL_WORDS

    def _addend(self, text: str) -> float | None:
        """Value of one ``و``-joined part after a scale: ``500``, ``300 ألف``, ``خمسمائة``."""
        words = [w.removeprefix("و") if w not in self.numbers.words else w for w in _addend_words(text)]
        if not words:
            return None
        if words[0].isdigit():
            value = float(words[0])
            return value * self.numbers.words[words[1]][0] if len(words) > 1 else value
        parsed = self.numbers.evaluate_words(words)
        return float(parsed[0].value) if len(parsed) == 1 and parsed[0].last == len(words) else None

    def _read(self, m: re.Match[str], *, phrase: bool = False) -> dict[str, Any] | None:
        num = m.group("num")
        words = [w for w in _WORD_RE.findall(num) if w != "و"]
        unit = self.units.get(m.group("unit")) if m.group("unit") else None
        if unit is None and m.group("cur"):  # $10, € 20
            unit = self.units.get(m.group("cur").strip())
        attrs: dict[str, Any] = {}
        if m.group("digits"):
            value = parse_digit_token(m.group("digits"))
            if m.group("dscale"):
                scale_value = self.numbers.words[m.group("dscale")][0]
                if m.group("dscale2"):
                    larger = self.numbers.words[m.group("dscale2")][0]
                    if larger <= scale_value:
                        return None  # 5 ملايين ألف: not one number
                    scale_value *= larger
                value *= scale_value
                for item in self.addend_re.finditer(m.group("more") or ""):
                    part = self._addend(item.group("add") or item.group("bare"))
                    if part is None or part >= scale_value:
                        return None  # not one number: let the regex-free reading stand
                    value += part
            if not (unit or m.group("q1") or phrase) and 1900 <= abs(value) <= 2099 and float(value).is_integer():
                return None  # a year, not a count
        else:
            if m.group("wmore"):  # مليون و200 ألف: the words, then each addend below the last scale
                words = [w for w in _WORD_RE.findall(num[: m.start("wmore") - m.start("num")]) if w != "و"]
            clean = [self._bare(w) for w in words]
            parsed = self.numbers.evaluate_words(clean)
            if len(parsed) != 1 or parsed[0].last != len(clean):
                return None
            value = parsed[0].value
            if m.group("wmore"):
                if parsed[0].vague:
                    return None  # عشرات الآلاف و300: no sum of a vague count
                last_scale = self.numbers.words[clean[-1]][0]
                for addend in _ADDEND_RE.findall(m.group("wmore")):
                    part = self._addend(addend)
                    if part is None or part >= last_scale:
                        return None
                    value += part
            if parsed[0].vague or self.numbers.words[clean[0]][1] == "vague":
                attrs["vague"] = True
            if clean[0] in _TEENS and self._after_ordinal(m.string, m.start("num")):
                return None  # الدورة الثانية عشرة: the end of an ordinal
            if len(clean) == 1 and clean[0] in _ONE and not unit and _PRONOUN_BEFORE_RE.search(m.string, max(0, m.start("num") - 8), m.start("num")):
                return None  # أي واحد، كل واحدة منهم: a pronoun "one", not a count (also in phrase mode)
            if len(clean) == 1 and clean[0] in _RISKY_ALONE and not (unit or m.group("q1") or m.group("neg") or phrase):
                following = _NEXT_WORD_RE.match(m.string, m.end())
                if not (clean[0] in _FRACTIONS and following and following.group(1) not in _NOT_A_WHOLE):
                    return None  # نصف السكان is a half; نصف النهائي a semi-final, ست "lady"…
        if m.group("neg"):
            value = -value
        value = round(value, 9)
        if abs(value) >= 1000 and abs(value - round(value)) < 1e-3:  # 1.029 تريليون: float noise
            value = round(value)
        attrs["value"] = int(value) if float(value).is_integer() else value
        attrs["unit"] = unit
        qualifier = m.group("q1") or m.group("q2")
        if qualifier:
            attrs["qualifier"] = self.qualifiers[" ".join(qualifier.split())][0]
        return attrs


#: A dual fraction in the genitive, spelled like a ten (خمسين, سبعين), → its nominative (خمسان: 2/5, same
#: length); read so only when the original carries a damma on its first letter (خُمسَين, not خَمسين).
_DUAL_FRACTIONS = {normalize_ar(g): normalize_ar(nom) for g, nom in (
    ("خمسين", "خمسان"), ("سبعين", "سبعان"), ("تسعين", "تسعان"), ("عشرين", "عشران"),
)}  # fmt: skip
_DUAL_FRACTION_RE = re.compile(r"(?<!\w)و?(" + "|".join(_DUAL_FRACTIONS) + r")(?!\w)")


def _mark_vocalized_fractions(text: str, norm: Folded) -> Folded:
    """``مئة وثلاثون وخُمسَين`` = 130.4: the matching form with each vocalized dual fraction written in the
    nominative (same length, so the offset map stands); ``خَمسين`` and an unvocalized ``خمسين`` stay fifty."""
    out = norm.text
    for m in _DUAL_FRACTION_RE.finditer(norm.text):
        a, _ = norm.to_original(m.start(1), m.end(1))
        if text[a + 1 : a + 2] == "\u064f":  # خُ: a damma on the first letter
            out = out[: m.start(1)] + _DUAL_FRACTIONS[m.group(1)] + out[m.end(1) :]
    return dataclasses.replace(norm, text=out) if out != norm.text else norm


def _tidy(value: float) -> int | float:
    """``3.0`` → 3, ``0.3333333333333333`` → 0.333333333333 (twelve significant digits)."""
    value = float(f"{value:.12g}")
    return int(value) if float(value).is_integer() else value


def _join_ranges(spans: list[Span], text: str) -> list[Span]:
    """``بين 20 و30 قتيلا``, ``من 5 إلى 10``, ``20-30 شخصا``: one span from the opener, ``value`` the
    lower bound (ACLED records the lower figure) and ``value_max`` the upper; the unit of either."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and "value_max" not in prev.attrs and not prev.attrs.get("qualifier"):
            gap = _RANGE_GAP_RE.fullmatch(text, prev.end, span.start)
            opener = _RANGE_OPENER_RE.search(text, max(0, prev.start - 10), prev.start)
            low, high = prev.attrs["value"], span.attrs["value"]
            units = {prev.attrs.get("unit"), span.attrs.get("unit")} - {None}
            dash = gap is not None and gap.group(1) in {"-", "–"} and text[prev.start : prev.start + 1].isdigit()
            if gap and (opener or dash) and low < high and len(units) <= 1:
                start = opener.start() if opener else prev.start
                attrs = {**prev.attrs, "value_max": high, "unit": units.pop() if units else None}
                out[-1] = Span(start, span.end, "QUANTITY", attrs)
                continue
        out.append(span)
    return out


def _addend_words(text: str) -> list[str]:
    return [w for w in _WORD_RE.findall(text) if w != "و"]


def find_quantities(text: str, times: Sequence[Span] | None = None, *, phrase: bool = False) -> list[Span]:
    """QUANTITY spans of ``text``, outside the time expressions ``times`` (found here when None);
    ``phrase=True`` reads a number phrase instead of news (`QuantityFinder.find`).

    >>> [(s.slice(t), s.attrs["value"], s.attrs["unit"]) for t in ["أسفر عن 36 قتيلا"] for s in find_quantities(t)]
    [('36 قتيلا', 36, 'killed')]
    >>> [s.attrs["value"] for s in find_quantities("واحد على ثلاثة", phrase=True)]
    [0.333333333333]
    """
    return _default_finder().find(text, times, phrase=phrase)


@cache
def _default_finder() -> QuantityFinder:
    """Built lazily once; immutable after construction, so sharing it cannot change any output."""
    return QuantityFinder()


@dataclass(frozen=True)
class QuantityStage:
    """The ``quantities`` layer: counts, money and percentages with unit and qualifier; numbers
    inside the ``times`` layer's spans (dates, durations) are not quantities."""

    finder: QuantityFinder
    name: str = "quantities"
    requires: tuple[str, ...] = ("times",)
    assigns: tuple[str, ...] = ("quantities",)

    def __call__(self, article: Article) -> Article:
        times = article.layers.get("times")
        return article.with_layer("quantities", self.finder.find(article.text, times))


def make_stage() -> QuantityStage:
    return QuantityStage(QuantityFinder())


def _small(value: object) -> bool:
    """A count from 3 to 10, whose noun is a plural (``3 أشخاص``), not a singular (``39 امرأة``)."""
    return isinstance(value, int | float) and 3 <= value <= 10
