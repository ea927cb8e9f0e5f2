"""Counts spelled without a number: dual nouns (two) and singular casualty nouns after a casualty word (one).

A dual of a countable noun in ``data/numbers/countable_nouns.tsv`` is a count of two::

    قتل شخصان في انفجار                2   people
    أسفر عن مقتل جنديين                 2   soldiers      (accusative/genitive -ين)
    سيارتين مفخختين، امرأتين            2   vehicles / women  (a final ة is ت in the dual)
    جنديا الاحتلال                      2   soldiers      (construct state: the nun drops before a definite noun)
    قتل طفليه                           2   children      (with a pronoun: the nun drops too)
    رقمان صالحان، طفلين صغيرين          2              (common nouns need an agreeing dual adjective)

Only listed singulars make duals, so names in -ان/-ين (سلمان، عدنان، لبنان، عمان، حسين) are never read
as duals; a noun with a sound plural (مدني → مدنيين) counts only in -ان, its -ين being the plural too.  A
dual with the article (``الرجلين``، ``البلدين الشقيقين``) names two already mentioned: no count.

After a casualty word (``data/numbers/singular_count_cues.txt``) an indefinite singular person noun is a
count of one (``سقط قتيل``، ``مقتل جندي``، ``وإصابة آخر``), and so is a casualty noun joined by و to a
count (``قتيلان وجريح`` → 2 killed, 1 wounded) and a person noun joined by و to a count of people
(``مقتل رجل وامرأة`` → 1 and 1, ``جنديان وشرطي`` → 2 and 1).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from rasd.arabic.normalize import normalize_ar
from rasd.arabic.numbers import trie_pattern
from rasd.arabic.time_patterns import Folded

__all__ = ["PERSON_UNITS", "DualCounts", "load_dual_counts"]

#: Units whose singular after a casualty word is a count of one (مقتل جندي، إصابة طفل).
PERSON_UNITS = frozenset({"killed", "wounded", "people", "civilians", "children", "women", "soldiers", "fighters"})
#: Casualty nouns that join a count with و (قتيلان وجريح، 3 قتلى وجريح).
_CASUALTY_UNITS = frozenset({"killed", "wounded"})
#: Definite-looking words that are not a genitive noun after a construct dual (إلى، التي، الآن…).
_NOT_GENITIVE = frozenset(normalize_ar(w) for w in (
    "إلى", "إلا", "التي", "الذي", "الذين", "اللذين", "اللذان", "اللتين", "اللتان", "اللواتي", "اللاتي", "الآن",
    "الله", "أي", "الى",
))  # fmt: skip
_PROCLITICS = r"(?P<pre>[وف]?[بكل]?)"  # no article: الرجلين، البلدين are references, not counts
_NEXT_WORD_RE = re.compile(r"\s+(\w+)")
_HALVES = {normalize_ar(w): v for w, v in (("ونصف", 0.5), ("وربع", 0.25))}
_ONE = frozenset(normalize_ar(w) for w in ("واحد", "واحدة"))
#: Words after a singular that make it no plain count of one (مقتل شخص من بين…، قتل شخص أو اثنين؛
#: قتل رجل أحد المارة: the man is the killer, أحد the object).
_NOT_ONE_AFTER = frozenset(normalize_ar(w) for w in ("من", "أو", "يدعى", "اسمه", "أحد", "إحدى"))
_TANWIN_FATH = "\u064b"


def _word_start(text: str, at: int) -> bool:
    """Whether ``at`` starts a word, or follows a و/ف that does (``ومقتل``، ``فقتل``)."""
    if at == 0 or not text[at - 1].isalnum():
        return True
    return text[at - 1] in "وف" and (at == 1 or not text[at - 2].isalnum())


@dataclass(frozen=True)
class _Form:
    """One spelling of a dual: its singular's unit, whether it counts alone, and its kind."""

    unit: str | None
    alone: bool
    kind: str  # "an" / "in" (with nun), "construct" (no nun, before a definite noun), "possessed" (+ pronoun)


def _read(path: str) -> list[list[str]]:
    raw = resources.files("rasd.data").joinpath(path).read_text(encoding="utf-8")
    return [line.split("\t") for line in raw.splitlines() if line.strip() and not line.startswith("#")]


def _dual_stem(singular: str) -> str:
    """``سيارة`` → ``سيارت``، ``مستشفى`` → ``مستشفي``، ``جندي`` → ``جندي``."""
    if singular.endswith("ة"):
        return singular[:-1] + "ت"
    if singular.endswith("ى"):
        return singular[:-1] + "ي"
    return singular


class DualCounts:
    """The dual and count-of-one readings; `find` is a pure function of the folded text."""

    def __init__(self, plural_units: set[str]) -> None:
        """``plural_units``: folded unit words of ``units.tsv`` (مدنيين، مسلحين), never read as duals."""
        self.forms: dict[str, _Form] = {}
        self.singulars: dict[str, str | None] = {}
        for row in _read("numbers/countable_nouns.tsv"):
            singular, unit_name, reading = row[0], row[1], row[2]
            sound = len(row) > 3 and row[3] == "sound"
            unit = None if unit_name == "-" else unit_name
            alone = reading == "alone"
            stem = _dual_stem(singular)
            spellings: list[tuple[str, str]] = [(stem + "ان", "an")]
            if not sound:
                spellings.append((stem + "ين", "in"))
            if alone and not sound:  # موظفيها، مواطنيه: the plural with a pronoun, not a dual
                spellings += [(stem + "ا", "construct"), *((stem + p, "possessed") for p in ("يه", "يها", "يهما", "اه", "اها"))]
            if alone and unit in PERSON_UNITS:
                self.singulars[normalize_ar(singular)] = unit
                if not singular.endswith(("ة", "ى")):
                    self.singulars[normalize_ar(singular + "ا")] = unit  # قتلت جنديا
            for spelled, kind in spellings:
                folded = normalize_ar(spelled)
                if kind == "construct" or folded not in plural_units:  # جنديا: also an accusative singular
                    self.forms.setdefault(folded, _Form(unit, alone, kind))
        self.singulars[normalize_ar("آخر")] = "people"  # وإصابة آخر: one more
        self.cues = frozenset(normalize_ar(w[0]) for w in _read("numbers/singular_count_cues.txt"))
        self.regex = re.compile(rf"(?<!\w){_PROCLITICS}(?P<w>{trie_pattern(self.forms)})(?!\w)")
        # the cue's own start is checked in `find` (a word start, or after و/ف): a leading lookbehind
        # would cost the regex engine its fast first-character scan
        self.one_regex = re.compile(rf"(?:{trie_pattern(self.cues)})\s+(?P<w>{trie_pattern(self.singulars)})(?!\w)")
        joined = trie_pattern(w for w, u in self.singulars.items() if u is not None)
        self.joined_regex = re.compile(rf"و(?<=\sو)\s*(?P<w>{joined})(?!\w)")

    def find(self, text: str, norm: Folded, taken: Sequence[tuple[int, int]],
             count_ends: Sequence[int] = (), person_ends: Sequence[int] = ()) -> list[tuple[int, int, float, str | None]]:
        """``(start, end, value, unit)`` in original offsets of the duals and counts of one in ``norm``
        (the folded ``text``) that overlap none of the ``taken`` original ranges (times, other counts);
        ``count_ends``: original ends of the other counts, which a joined casualty noun may follow;
        ``person_ends``: those of them counting people, which a joined person noun may follow too.

        >>> from rasd.arabic.time_patterns import fold_with_offsets
        >>> d = load_dual_counts()
        >>> t = "سقط قتيلان وجريح في حلب"
        >>> [(t[a:b], v, u) for a, b, v, u in d.find(t, fold_with_offsets(t), [])]
        [('قتيلان', 2, 'killed'), ('جريح', 1, 'wounded')]
        >>> t = "زار سلمان لبنان وعمان"
        >>> d.find(t, fold_with_offsets(t), [])
        []
        """
        out: list[tuple[int, int, float, str | None]] = []
        spans = sorted(taken)
        ends = set(count_ends)

        def free(a: int, b: int) -> bool:
            return not any(s < b and a < e for s, e in spans) and not any(s < b and a < e for s, e, _, _ in out)

        folded = norm.text
        for m in self.regex.finditer(folded):
            form = self.forms[m.group("w")]
            a, b = norm.to_original(m.start("w"), m.end("w"))
            end = b
            nxt = _NEXT_WORD_RE.match(folded, m.end())
            if form.kind in {"an", "in"}:
                adjective = nxt is not None and self._agrees(m.group("w"), nxt.group(1))
                if nxt is not None and nxt.group(1).removeprefix("ال").startswith("اثن"):
                    continue  # طفلين اثنين: the number word says it
                if not form.alone and not adjective:
                    continue  # رقمين: a bare common noun, not a count
                if not m.group("pre") and self._after_dual(folded, m.start(), m.group("w")):
                    continue  # بلدين شقيقين: an adjective of the dual before it (not جنديان وشرطيان)
                if adjective and nxt is not None:
                    end = norm.to_original(nxt.start(1), nxt.end(1))[1]
            elif form.kind == "construct":
                if nxt is None or not self._genitive(nxt.group(1)):
                    continue
                if _TANWIN_FATH in text[a : b + 1]:
                    continue  # جنديًا: an accusative singular
                if not free(*norm.to_original(nxt.start(1), nxt.end(1))):
                    continue  # قتلت جنديا الأحد: a singular before a time
            elif m.group("w").endswith("يه") and text[b - 1 : b] != "ه":
                continue  # شخصية، عنصرية (ة folds to ه): an adjective, not طفليه
            value: float = 2
            if nxt is not None and nxt.group(1) in _HALVES:  # مرتين ونصف: 2.5
                value += _HALVES[nxt.group(1)]
                end = norm.to_original(nxt.start(1), nxt.end(1))[1]
            if free(a, end):
                out.append((a, end, value, form.unit))
                ends.add(end)
        for m in self.one_regex.finditer(folded):
            if not _word_start(folded, m.start()):
                continue  # بمقتل… is fine (و/ف only), نقتل is another word
            a, b = norm.to_original(m.start("w"), m.end("w"))
            nxt = _NEXT_WORD_RE.match(folded, m.end())
            if nxt is not None and nxt.group(1) in _NOT_ONE_AFTER:
                continue  # مقتل شخص من بين…, قتل شخص أو اثنين: not a plain count
            if nxt is not None and self._genitive(nxt.group(1)) and free(*norm.to_original(nxt.start(1), nxt.end(1))):
                continue  # مصرع رجل الأعمال: a construct, one named person rather than a count
            end = b
            if nxt is not None and nxt.group(1) in _ONE:
                end = norm.to_original(nxt.start(1), nxt.end(1))[1]  # مقتل شخص واحد
            if free(a, end):
                out.append((a, end, 1, self.singulars[m.group("w")]))
                ends.add(end)
        persons = {*person_ends, *(e for _, e, _, u in out if u in PERSON_UNITS)}
        for j in self.joined_regex.finditer(folded) if ends else ():
            before = norm.to_original(j.start() - 1, j.start() - 1)[0]
            if before not in ends:
                continue  # وجريح after no count
            if self.singulars[j.group("w")] not in _CASUALTY_UNITS and before not in persons:
                continue  # وامرأة joins a count of people (مقتل رجل وامرأة), not any number
            if (nxt := _NEXT_WORD_RE.match(folded, j.end())) is not None and nxt.group(1).startswith("ال"):
                continue  # قتيلان وجريح (not وجريح الحرب)
            a, b = norm.to_original(j.start("w"), j.end("w"))
            if free(a, b):
                out.append((a, b, 1, self.singulars[j.group("w")]))
                ends.add(b)
                if self.singulars[j.group("w")] in PERSON_UNITS:
                    persons.add(b)  # رجل وامرأة وطفل: a chain
        return sorted(out)

    def _agrees(self, noun: str, word: str) -> bool:
        """Whether ``word`` is an indefinite dual adjective agreeing with the dual ``noun`` (رقمان صالحان،
        طفلين صغيرين، سيارتين مفخختين)."""
        if word.startswith("ال") or (word[:1] in "وف" and word[1:] in self.forms):
            return False  # not جنديان وشرطيان: a second counted noun
        ending = noun[-2:]
        if ending == "ان" and word[0] in "يت" and not word.endswith(("يان", "تان")):
            return False  # وكالتان تعملان: a dual verb, not an adjective
        return len(word) >= 5 and word.endswith(ending) and word not in self.forms

    @staticmethod
    def _after_dual(text: str, start: int, noun: str) -> bool:
        """Whether the word before ``start`` is a dual the word at ``start`` agrees with, as an adjective
        (``بلدين شقيقين``)."""
        before = text[max(0, start - 20) : start].split()
        if not before:
            return False
        prev = before[-1]
        return not prev.startswith("ال") and prev.endswith(noun[-2:]) and len(prev) >= 5

    @staticmethod
    def _genitive(word: str) -> bool:
        return word.startswith("ال") and len(word) >= 4 and word not in _NOT_GENITIVE


def load_dual_counts(plural_units: set[str] | None = None) -> DualCounts:
    """The dual and count-of-one readings over the number data files."""
    if plural_units is None:
        plural_units = {normalize_ar(r[0]) for r in _read("numbers/units.tsv")}
    return DualCounts(plural_units)
