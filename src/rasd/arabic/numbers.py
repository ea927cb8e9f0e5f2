"""Arabic numbers, written in digits or in words, to values.

Works on the *matching form* of `rasd.arabic.normalize.normalize_ar` (hamza-alef, alef maqsura and
teh marbuta folded, Arabic-Indic and Persian digits already ASCII), so callers normalize once and
map spans back with `normalize_with_offsets`.

==========================================  ==============  ===================================
text                                        value           how
==========================================  ==============  ===================================
``2,500`` / ``٢٬٥٠٠`` / ``۲۵۰۰``            2500            digits with separators
``2.5 مليون`` / ``٢٫٥ مليون``               2500000         digits times a scale word
``ثلاثة آلاف``                              3000            unit times a (plural) scale
``ألفان وخمسمائة``                          2500            dual scale plus hundreds
``خمسة وعشرون``                             25              units before tens, joined by و
``ثلاثة عشر``                               13              teen
``مليون ونصف``                              1500000         fraction of the last scale
``عشرات`` / ``مئات الآلاف``                 10 / 100000     vague counts (ACLED), ``vague=True``
==========================================  ==============  ===================================

`NumberLexicon` is loaded once (`load_number_lexicon`) and offers a compiled regex fragment for
number words (`word_pattern`) plus `evaluate_words`, which turns the words of one matched phrase
into one or more numbers — ``ثلاثة أربعة`` stays two numbers because two units never join.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any, NamedTuple

from rasd.arabic.normalize import normalize_ar

__all__ = [
    "DIGITS_PATTERN",
    "NumberLexicon",
    "ParsedNumber",
    "find_number_phrases",
    "load_number_lexicon",
    "parse_digits",
    "parse_number",
    "trie_pattern",
]

#: Digits in the matching form (already ASCII) with thousands and decimal separators.
DIGITS_PATTERN = r"\d{1,3}(?:[,\u066c]\d{3})+(?:[.\u066b]\d+)?|\d+(?:[.\u066b]\d+)?"

_CLASSES = ("unit", "bound", "teen", "ten", "hundred", "scale", "plural", "dual", "fraction", "part", "vague")


class ParsedNumber(NamedTuple):
    """One number found among the words of a phrase: word indexes ``[first, last)`` and its value."""

    first: int
    last: int
    value: int | float
    vague: bool


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` built as a character trie (longest match first).

    Python's ``re`` tries alternatives one by one; factoring common prefixes makes a position that
    starts no word fail after one character test instead of hundreds.

    >>> trie_pattern(["عشر", "عشرة", "عشرين"])
    '(?:عشر(?:ة|ين)?)'
    """
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return (body if len(branches) > 1 else "(?:" + body + ")") + "?"
        return body

    return "(?:" + build(trie) + ")"


def parse_digits(text: str) -> int | float:
    """Value of a digit string in the matching form (separators allowed).

    >>> parse_digits("2,500"), parse_digits("2.5"), parse_digits("1٬000٫5")
    (2500, 2.5, 1000.5)
    """
    clean = text.replace(",", "").replace("\u066c", "").replace("\u066b", ".")
    if "." in clean:
        value = float(clean)
        return int(value) if value.is_integer() and not clean.endswith(".0") else value
    return int(clean)


@dataclass(frozen=True)
class NumberLexicon:
    """Number words in the matching form, with their value and grammatical class."""

    words: dict[str, tuple[float, str]]

    @property
    def word_pattern(self) -> str:
        """Regex matching every number word, as a trie so a failing position costs one test."""
        return trie_pattern(self.words)

    def bare_word(self, word: str) -> str:
        """A number word without its و or ال prefix; any other word unchanged.

        >>> lex = load_number_lexicon()
        >>> lex.bare_word("وثلاثه"), lex.bare_word("الخمسه"), lex.bare_word("الف"), lex.bare_word("الوفد")
        ('ثلاثه', 'خمسه', 'الف', 'الوفد')
        """
        if word in self.words:
            return word
        for prefix in ("و", "ال"):
            if word.startswith(prefix) and word[len(prefix) :] in self.words:
                return word[len(prefix) :]
        return word

    def evaluate_words(self, words: list[str]) -> list[ParsedNumber]:
        """Split ``words`` (matching form, a leading و already removed) into numbers.

        >>> lex = load_number_lexicon()
        >>> [n.value for n in lex.evaluate_words(["الفان", "خمسمائه"])]
        [2500]
        >>> [n.value for n in lex.evaluate_words(["ثلاثه", "اربعه"])]
        [3, 4]
        """
        out: list[ParsedNumber] = []
        i = 0
        while i < len(words):
            parsed = self._evaluate_from(words, i)
            if parsed is None:
                i += 1
                continue
            out.append(parsed)
            i = parsed.last
        return out

    def _evaluate_from(self, words: list[str], first: int) -> ParsedNumber | None:
        total = 0.0
        group = 0.0  # the part below the current scale
        last_class = ""
        last_scale = float("inf")
        vague = False
        last_unit = 0.0  # the last unit word's value (numerator of a following plural denominator)
        i = first
        while i < len(words):
            entry = self.words.get(words[i])
            if entry is None:
                break
            value, cls = entry
            if cls == "unit":
                last_unit = value
            if last_class == "":
                if cls == "fraction":  # نصف مليون → 500000; ثلثي → 2/3 alone
                    after = self.words.get(words[i + 1]) if i + 1 < len(words) else None
                    if after is not None and after[1] in {"scale", "dual", "plural"}:
                        total, last_scale, last_class = value * after[0], value * after[0], "fraction"
                        i += 2
                        continue
                    group, last_class = value, "fraction"
                    i += 1
                    continue
                if cls in {"bound", "part"}:
                    if cls == "bound" and i + 1 < len(words) and self._class(words[i + 1]) == "teen":
                        group = value + 10
                        i += 2
                        last_class = "ten"
                        continue
                    return None
                if cls == "teen":
                    group, last_class = value, "ten"
                elif cls in {"scale", "plural", "dual"}:
                    total, last_scale, last_class = value, value, cls
                    vague = cls == "plural"
                else:
                    group, last_class = value, cls
                    vague = cls == "vague"
                i += 1
                continue
            if cls == "teen" and last_class == "unit" and group % 100 < 10:
                group += 10  # ثلاثة عشر, مائة وستة عشر
                last_class = "ten"
            elif cls == "part" and last_class in {"unit", "ten", "hundred"}:
                # ثلاثة أخماس = 3/5; عشرون وثلاثة أخماس = 20 + 3/5; مائة وثلاثون أخماس = 130/5
                numerator = last_unit if last_class == "unit" else group
                group = group - numerator + numerator * value
                last_class = "fraction"
            elif cls == "fraction" and last_class in {"unit", "ten", "hundred"}:
                group += value  # واحد ونصف, مائة وثلثان
                last_class = "fraction"
            elif cls == "hundred" and value == 100 and last_class == "unit" and group < 10:
                group *= 100  # ثلاث مائة
                last_class = "hundred"
            elif cls == "hundred" and value == 100 and last_class == "ten" and 10 < group < 100 and total == 0:
                group *= 100  # خمسة وتسعون مائة = 9500: a singular tamyiz after 11-99 counts hundreds
                last_class = "hundred"
            elif cls in {"scale", "plural"} and last_class in {"scale", "plural"} and group == 0 and value > total:
                # ألف مليار = 10^12, سبعة آلاف مليار, مئة ألف تريليون: a larger scale after a scale multiplies
                # (additive parts only ever descend)
                total *= value
                last_scale = value
                last_class = "scale"
            elif cls == "dual" and last_class == "hundred" and value < 100 and group % 100 == 0:
                group += value  # ثلاثمائة ودزينتين = 324: a dual below a hundred adds like a ten
                last_class = "ten"
            elif cls in {"scale", "plural"} and last_class in {"unit", "ten", "hundred", "vague"}:
                if group * value >= last_scale:
                    break
                total += group * value
                last_scale = value
                group = 0.0
                last_class = "scale"
            elif cls == "dual" and last_class in {"scale", "dual", "plural"} and value < last_scale:
                total += value
                last_scale = value / 2
                last_class = "dual"
            elif cls == "fraction" and last_class in {"scale", "dual", "plural"}:
                total += value * min(last_scale, total)
                last_class = "fraction"
            elif cls == "vague" and last_class == "vague" and group < 10:
                group *= value  # بضع مئات = 300, بضع عشرات = 30 (still vague)
                last_class = "vague"
            elif cls == "teen" and last_class in {"scale", "dual", "plural", "hundred"} and group % 100 == 0:
                group += value  # ألفين وعشرة = 2010, مائة وعشرة = 110
                last_class = "ten"
            elif cls in {"unit", "ten", "hundred"} and self._joins(last_class, cls, group, value, last_scale):
                group += value
                last_class = cls
            else:
                break
            i += 1
        if i == first:
            return None
        result = round(total + group, 9)
        number: int | float = int(result) if float(result).is_integer() else result
        return ParsedNumber(first, i, number, vague)

    def _class(self, word: str) -> str:
        entry = self.words.get(word)
        return entry[1] if entry else ""

    @staticmethod
    def _joins(last_class: str, cls: str, group: float, value: float, last_scale: float) -> bool:
        if cls == last_class or value >= last_scale or value == 0:  # صفر never adds to a number
            return False
        if last_class in {"scale", "dual", "plural"}:
            return True
        if last_class == "hundred":
            return cls in {"unit", "ten"}
        if last_class == "unit":
            return cls == "ten"  # خمسة وعشرون
        if last_class == "ten":  # عشرون وخمسة (rare order); never عشرة + unit (الثامن عشر ثلاثة نصوص)
            return cls == "unit" and group % 10 == 0 and group % 100 != 10
        return False


@cache
def load_number_lexicon() -> NumberLexicon:
    """Read ``data/numbers/cardinals.tsv`` once (an immutable value: safe to share)."""
    words: dict[str, tuple[float, str]] = {}
    raw = resources.files("rasd.data").joinpath("numbers/cardinals.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, value, cls = line.split("\t")
        if cls not in _CLASSES:
            raise ValueError(f"unknown number class {cls!r} in cardinals.tsv")
        words[normalize_ar(word)] = (float(value), cls)
    return NumberLexicon(words)


_SPLIT_RE = re.compile(r"\s+")


def parse_number(text: str) -> int | float | None:
    """Value of one number phrase in any spelling, or None when it is not (only) a number.

    >>> parse_number("ألفان وخمسمائة"), parse_number("٣٦"), parse_number("ثلاثة آلاف")
    (2500, 36, 3000)
    >>> parse_number("2.5 مليون"), parse_number("مليونا"), parse_number("الأول")
    (2500000, 1000000, None)
    """
    norm = normalize_ar(text.strip())
    lex = load_number_lexicon()
    words = [w for w in _SPLIT_RE.split(norm) if w and w != "و"]
    if not words:
        return None
    head: float | None = None
    if re.fullmatch(DIGITS_PATTERN, words[0]):
        head = parse_digits(words[0])
        words = words[1:]
        if not words:
            return head
    cleaned = [w[1:] if i and w.startswith("و") and w[1:] in lex.words else w for i, w in enumerate(words)]
    if head is not None:
        if len(cleaned) == 1 and lex.words.get(cleaned[0], (0, ""))[1] in {"scale", "plural"}:
            value = head * lex.words[cleaned[0]][0]
            return int(value) if float(value).is_integer() else value
        return None
    parsed = lex.evaluate_words(cleaned)
    if len(parsed) == 1 and parsed[0].first == 0 and parsed[0].last == len(cleaned):
        return parsed[0].value
    return None


# -- number phrases: ratios, fractions, decimals -------------------------------------------------------
#: A singular denominator after a number: ``ثلاثة وعشرون خمس`` = 23/5, ``ثلاثة وخمس`` = 3 + 1/5.
_DENOMINATORS = {normalize_ar(w): d for w, d in (("ثلث", 3), ("ربع", 4), ("خمس", 5), ("سدس", 6), ("سبع", 7),
                                                 ("ثمن", 8), ("تسع", 9), ("عشر", 10))}  # fmt: skip


@cache
def _phrase_regex() -> re.Pattern[str]:
    n = normalize_ar
    word = rf"(?:{load_number_lexicon().word_pattern})(?!\w)"
    chain = rf"{word}(?:\s+و?\s*{word})*"
    sign = n(r"(?:(?P<{0}>سالب|ناقص)\s+|(?P<{0}d>-)\s?)?")
    num = r"(?:\d+(?:[.,\u066b]\d+)?(?![\d/])|" + chain + ")"
    part = n(r"(?:جزء|أجزاء|اجزاء)")
    dens = trie_pattern(_DENOMINATORS) + r"(?!\w)"
    return re.compile(
        r"(?<![\w.,/\-+])(?P<list>\+?\d+(?:[./\-]\d+){2,})(?![\d.,/\-]?\d)"
        r"|(?<![\w.,/\-])(?P<fneg>-\s?)?(?:(?P<whole>\d+)\s+)?(?P<fa>\d+)/(?P<fb>\d+)(?![\d/])"
        rf"|(?<!\w){sign.format('rneg')}(?:(?P<ra>{num})\s+(?P<rpart>{part}\s+)?|(?P<rpart1>{part}\s+))"
        rf"{n('(?:على|من|في)')}\s+(?P<rb>{num})"
        # خمس الفطيرة, ثمن الوزن, خمس خمس العشرون: a fraction of a definite whole (or of a number)
        rf"|(?<!\w)(?P<dens>{dens}(?:\s+{dens})*)\s+(?P<of>ال\w+)"
        rf"|(?<!\w){sign.format('dneg')}(?P<da>{num})\s+{n('فاصلة')}\s+(?P<db>\d+|{chain})"
        rf"(?:\s+{n('(?:على|من)')}\s+(?P<dden>{num}))?"
        rf"|(?<!\w){sign.format('cneg')}(?P<chain>{chain})"
        # المائة, الخمسة: a number word with the article, alone (الخمسة آلاف is read as a count)
        rf"|(?<!\w)(?<!{n('في')}\s)ال(?P<defn>{word})(?!\s+و?\s*{word})"  # not في المائة (per cent)
    )


def find_number_phrases(text: str) -> list[tuple[int, int, float]]:
    """Numbers that only a number phrase spells this way, in ``text`` (matching form): ratios
    (``واحد على ثلاثة`` 1/3, ``جزء من مئة`` 1/100, ``مئتان وواحد وسبعون جزء من مئة`` 200 + 71/100),
    digit fractions (``3/4``, ``2 1/4``), decimals in words (``واحد فاصلة خمسة`` 1.5), singular
    denominators (``ثلاثة وعشرون خمس`` 23/5, ``ثلاثة وخمس`` 3.2), a lone definite number word
    (``المائة`` 100) and lists of three or more digit
    groups (``192.168.1.2``: one number per group).  News text reads ``3/4`` as a date and ``واحد من
    ثلاثة`` as "one of three", so only the standalone phrase mode of the quantity finder uses this.

    >>> [round(v, 4) for _, _, v in find_number_phrases(normalize_ar("واحد على ثلاثة"))]
    [0.3333]
    >>> [v for _, _, v in find_number_phrases("2 1/4")], [v for _, _, v in find_number_phrases("192.168.1.2")]
    ([2.25], [192.0, 168.0, 1.0, 2.0])
    """
    lex = load_number_lexicon()
    out: list[tuple[int, int, float]] = []
    for m in _phrase_regex().finditer(text):
        if m.group("list"):
            for g in re.finditer(r"\d+", m.group("list")):
                out.append((m.start("list") + g.start(), m.start("list") + g.end(), float(g.group())))
            continue
        if m.group("fa"):
            den = float(m.group("fb"))
            if den == 0:
                continue
            value = float(m.group("whole") or 0) + float(m.group("fa")) / den
            out.append((m.start(), m.end(), -value if m.group("fneg") else value))
            continue
        if m.group("dens"):
            value_d = 1.0
            for den_word in m.group("dens").split():
                value_d /= _DENOMINATORS[den_word]
            of = lex.words.get(m.group("of")[2:])
            out.append((m.start(), m.end(), value_d * of[0] if of and of[1] in {"unit", "ten", "hundred"} else value_d))
            continue
        if m.group("rb") is not None:
            value_r = _ratio(lex, m.group("ra"), m.group("rb"), bool(m.group("rpart") or m.group("rpart1")))
            if value_r is not None:
                out.append((m.start(), m.end(), -value_r if m.group("rneg") or m.group("rnegd") else value_r))
                continue
            if m.group("ra") is None:
                continue
            m2 = _phrase_regex().match(text, m.start("ra"), m.end("ra"))  # the numerator alone
            if m2 is None or m2.group("chain") is None:
                continue
            m = m2
        if m.group("da"):
            whole, decimals = _phrase_value(lex, m.group("da")), _phrase_value(lex, m.group("db"))
            if whole is None or decimals is None:
                continue
            if m.group("dden"):
                den_v = _phrase_value(lex, m.group("dden"))
                frac = decimals / den_v if den_v else None
            else:
                frac = decimals / 10 ** len(str(int(decimals))) if float(decimals).is_integer() else None
            if frac is None:
                continue
            value = whole + frac
            out.append((m.start(), m.end(), -value if m.group("dneg") or m.group("dnegd") else value))
            continue
        if m.group("defn"):
            entry = lex.words[m.group("defn")]
            if entry[1] in {"unit", "teen", "ten", "hundred", "scale"}:
                out.append((m.start(), m.end(), entry[0]))
            continue
        if m.group("chain"):
            words, joined = _chain_words(lex, m.group("chain"))
            parsed = _evaluate_segments(lex, words, joined)
            merged = _merge_fractions(words, joined, parsed)
            if len(parsed) > 1 and merged is not None:
                out.append((m.start(), m.end(), -merged if m.group("cneg") or m.group("cnegd") else merged))
    return out


def _chain_words(lex: NumberLexicon, chain: str) -> tuple[list[str], list[bool]]:
    """The number words of ``chain`` without their و, and whether each was joined by و."""
    words: list[str] = []
    joined: list[bool] = []
    after_and = False
    for w in _SPLIT_RE.split(chain):
        if not w or w == "و":
            after_and = after_and or w == "و"
            continue
        glued = w.startswith("و") and w not in lex.words and w[1:] in lex.words
        words.append(w[1:] if glued else w)
        joined.append(after_and or glued)
        after_and = False
    return words, joined


def _evaluate_segments(lex: NumberLexicon, words: list[str], joined: list[bool]) -> list[ParsedNumber]:
    """`NumberLexicon.evaluate_words` over the runs of a chain that و holds together: an addend after
    the first word always takes و, so a unit or ten without it starts a new number (``مائة وثلاثون
    خمس`` = 130, then خمس); a teen, a scale or ``ثلاث مائة`` need no و."""
    out: list[ParsedNumber] = []
    first = 0
    for i in range(1, len(words) + 1):
        if i < len(words) and (joined[i] or lex.words[words[i]][1] not in {"unit", "ten"}):
            continue
        out.extend(p._replace(first=p.first + first, last=p.last + first) for p in lex.evaluate_words(words[first:i]))
        first = i
    return out


def _merge_fractions(words: list[str], joined: list[bool], parsed: list[ParsedNumber]) -> float | None:
    """One value for numbers side by side that a fraction joins: ``ثلاثة وعشرون وثلاثة أخماس`` 23.6,
    ``ثلاثة وعشرون خمس`` 23/5, ``ثلاثة وخمس`` 3.2; None when they stay separate numbers."""
    if not parsed or parsed[0].first != 0 or parsed[-1].last != len(words):
        return None
    value = float(parsed[0].value)
    for prev, cur in pairwise(parsed):
        if prev.last != cur.first:
            return None
        word, with_and = words[cur.first], joined[cur.first]
        if cur.last - cur.first == 1 and word in _DENOMINATORS:
            value = value + 1 / _DENOMINATORS[word] if with_and else value / _DENOMINATORS[word]
        elif with_and and 0 < cur.value < 1:
            value += float(cur.value)
        else:
            return None
    return value


def _phrase_value(lex: NumberLexicon, phrase: str) -> float | None:
    """Value of digits or of one chain of number words (fractions joined, `_merge_fractions`)."""
    if phrase[:1].isdigit():
        return float(phrase.replace(",", ".").replace("\u066b", "."))
    words, joined = _chain_words(lex, phrase)
    parsed = lex.evaluate_words(words)
    if len(parsed) == 1 and parsed[0].first == 0 and parsed[0].last == len(words):
        return float(parsed[0].value)
    return _merge_fractions(words, joined, parsed) if len(parsed) > 1 else None


def _ratio(lex: NumberLexicon, top: str | None, bottom: str, part: bool) -> float | None:
    """``a على b`` = a/b; ``جزء من b`` = 1/b; with جزء a whole number may lead the numerator:
    ``مئتان وواحد وسبعون جزء من مئة`` = 200 + 71/100 (a proper fraction's numerator is below b)."""
    den = _phrase_value(lex, bottom)
    if not den:
        return None
    if top is None:
        return 1 / den if part else None
    if part and not top[:1].isdigit():
        parts = [_phrase_value(lex, p) for p in re.split(r"\s+و\s*", top)]
        if all(p is not None for p in parts) and len(parts) > 1:
            values = [float(p) for p in parts if p is not None]
            for i in range(len(values)):
                if sum(values[i:]) < den:
                    return sum(values[:i]) + sum(values[i:]) / den
    num = _phrase_value(lex, top)
    return None if num is None else num / den
