"""Lexicon matching helpers shared by the quote and event stages.

Matching runs on a *same-length* folded copy of ``Article.text`` (alef/hamza forms → ا, ى → ي,
ة → ه, Farsi yeh/kaf, Arabic-Indic digits), so a regex match's offsets are offsets of the original
text with no offset map to build.  Diacritics and tatweel are kept as they are (they are rare inside
the function words and triggers these stages look for).

>>> fold_ar("وأشار بلينكن إلى أن")
'واشار بلينكن الي ان'
>>> len(fold_ar("الحكومة")) == len("الحكومة")
True
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any

from rasd.arabic import charsets as cs
from rasd.document import Span

__all__ = [
    "AR_LETTER_CLASS",
    "DATELINE_RE",
    "EntityIndex",
    "canonical_of",
    "compile_forms",
    "fold_ar",
    "read_data_lines",
    "read_data_rows",
]

_FOLD: dict[int, str] = {ord(c): cs.ALEF_PLAIN for c in cs.ALEF_FORMS}
_FOLD[ord(cs.ALEF_MAQSURA)] = cs.YEH
_FOLD[ord(cs.TEH_MARBUTA)] = cs.HEH
_FOLD.update({ord(c): cs.YEH for c in cs.YEH_FORMS})
_FOLD.update({ord(c): cs.KAF for c in cs.KAF_FORMS})
_FOLD.update({ord(c): cs.HEH for c in cs.HEH_FORMS})
_FOLD.update({ord(a): w for a, w in zip(cs.DIGITS_ARABIC_INDIC, cs.DIGITS_WESTERN, strict=True)})
_FOLD.update({ord(a): w for a, w in zip(cs.DIGITS_PERSIAN, cs.DIGITS_WESTERN, strict=True)})

#: A regex character class of Arabic letters plus the marks that can sit inside a word.
AR_LETTER_CLASS = (
    "["
    + "".join(f"{lo}-{hi}" for lo, hi in cs.ARABIC_LETTER_RANGES)
    + "".join(sorted(cs.DIACRITICS_AR))
    + cs.TATWEEL
    + "A-Za-z0-9]"
)


_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD.items())


#: A wire dateline opening a paragraph: ``دبي، الإمارات العربية المتحدة (CNN) --`` / ``بيروت (رويترز) -``.
DATELINE_RE = re.compile(r"[^.\n]{0,80}?\)\s*[-–—]{1,2}\s*")


def fold_ar(text: str) -> str:
    """Same-length matching form (see module docstring).

    A chain of ``str.replace`` over the few characters that change: about 30x faster than
    ``str.translate`` with a dict table on news text (0.03 ms vs 1.1 ms for 7,000 characters).
    """
    for a, b in _FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


def read_data_lines(area: str, name: str) -> list[str]:
    """Non-empty, non-comment lines of ``rasd/data/<area>/<name>``."""
    raw = resources.files("rasd").joinpath("data", area, name).read_text(encoding="utf-8")
    return [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def read_data_rows(area: str, name: str) -> list[list[str]]:
    """Tab-separated rows of a data file (comment lines skipped, trailing fields kept even if empty)."""
    raw = resources.files("rasd").joinpath("data", area, name).read_text(encoding="utf-8")
    rows = []
    for ln in raw.splitlines():
        if not ln.strip() or ln.lstrip().startswith("#"):
            continue
        rows.append([f.strip() for f in ln.split("\t")])
    return rows


def compile_forms(forms: Iterable[str], prefix: str = "(?:[وف])?") -> re.Pattern[str]:
    """One regex matching any of ``forms`` (folded, spaces as any run of spaces) as whole words.

    The forms are compiled as a trie (``قال|قالت|قالوا`` → ``قال(?:ت|وا)?``): Python's ``re`` tries
    the branches of a flat alternation one by one at every position, which is about 6x slower on
    news text.  Group ``form`` holds the form proper; the match as a whole includes the prefix.

    >>> rx = compile_forms(["قال", "قالت", "أشار", "عبوة ناسفة"])
    >>> [m.group() for m in rx.finditer(fold_ar("وقال إنه… فأشار، قالت عبوة  ناسفة"))]
    ['وقال', 'فاشار', 'قالت', 'عبوه  ناسفه']
    """
    trie: dict[str, Any] = {}
    for form in {fold_ar(f) for f in forms if f}:
        node = trie
        for ch in " ".join(form.split()):
            node = node.setdefault(ch, {})
        node[""] = {}
    body = _trie_regex(trie)
    return re.compile(rf"(?<!{AR_LETTER_CLASS}){prefix}(?P<form>{body})(?!{AR_LETTER_CLASS})")


def _trie_regex(node: dict[str, Any]) -> str:
    alts = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
            for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    group = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:
        return "(?:" + "|".join(alts) + ")?"
    return group


class EntityIndex:
    """Entity spans sorted by start, with range look-ups.

    >>> idx = EntityIndex([Span(10, 15, "PER"), Span(0, 4, "LOC")])
    >>> [s.start for s in idx.within(0, 20)]
    [0, 10]
    """

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans = sorted(spans, key=lambda s: (s.start, s.end))
        self.starts = [s.start for s in self.spans]

    def within(self, start: int, end: int, labels: Iterable[str] | None = None) -> list[Span]:
        """Spans lying inside ``[start, end)`` (optionally only with these labels), in text order."""
        wanted = set(labels) if labels is not None else None
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.spans) and self.spans[i].start < end:
            s = self.spans[i]
            if s.end <= end and (wanted is None or s.label in wanted):
                out.append(s)
            i += 1
        return out

    def before(self, pos: int, labels: Iterable[str]) -> Span | None:
        """The last span with one of ``labels`` ending at or before ``pos``."""
        wanted = set(labels)
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0:
            s = self.spans[i]
            if s.end <= pos and s.label in wanted:
                return s
            i -= 1
        return None


def canonical_of(span: Span, text: str) -> str:
    """An entity span's canonical name (its text when the entity stage gave none)."""
    value = span.attrs.get("canonical")
    return str(value) if value else text[span.start : span.end]
