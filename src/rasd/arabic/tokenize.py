"""Offset-keeping tokenization of Arabic news text: Arabic words, Latin words, numbers, punctuation.

Every token carries ``start``/``end`` into the string it came from, so ``text[t.start:t.end] == t.text``.

>>> [t.text for t in tokenize_ar('قال "إن" ٣٠٨٤ NRT، 2.5%؟')]
['قال', '"', 'إن', '"', '٣٠٨٤', 'NRT', '،', '2.5', '%', '؟']
>>> [t.kind for t in tokenize_ar('بـ«دعم» 12,500')]
['ar', 'punct', 'ar', 'punct', 'num']
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rasd.arabic import charsets as cs

__all__ = ["Token", "split_sentences", "tokenize_ar", "tokenize_span"]

_AR_LETTERS = "".join(f"{lo}-{hi}" for lo, hi in cs.ARABIC_LETTER_RANGES + cs.PRESENTATION_FORM_RANGES)
_AR_MARKS = "".join(sorted(cs.DIACRITICS_AR)) + cs.TATWEEL + "\u200c\u200d"
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"

_TOKEN_RE = re.compile(
    rf"(?P<num>[{_DIGITS}]+(?:[.,\u066b\u066c][{_DIGITS}]+)*)"
    rf"|(?P<ar>[{_AR_LETTERS}][{_AR_LETTERS}{_AR_MARKS}]*)"
    r"|(?P<latin>[A-Za-z\u00c0-\u024f]+(?:['’\-][A-Za-z\u00c0-\u024f]+)*)"
    rf"|(?P<punct>[^\s{_AR_MARKS}])"
)


class Token(NamedTuple):
    start: int
    end: int
    text: str
    kind: str  # "ar" | "latin" | "num" | "punct"


def tokenize_ar(text: str) -> list[Token]:
    """Split ``text`` into tokens with offsets.  A leading tatweel-only mark is not a token.

    >>> [(t.text, t.start) for t in tokenize_ar("لواشنطن،")]
    [('لواشنطن', 0), ('،', 7)]
    """
    return [Token(m.start(), m.end(), m.group(), m.lastgroup or "punct") for m in _TOKEN_RE.finditer(text)]


def tokenize_span(text: str, start: int, end: int) -> list[Token]:
    """`tokenize_ar` of ``text[start:end]`` with offsets into ``text`` (no slice, no shifted copies).

    >>> [(t.text, t.start) for t in tokenize_span("قال: لواشنطن", 5, 12)]
    [('لواشنطن', 5)]
    """
    return [
        Token(m.start(), m.end(), m.group(), m.lastgroup or "punct")
        for m in _TOKEN_RE.finditer(text, start, end)
    ]


_SENTENCE_END = re.compile(r"(?<![0-9\u0660-\u0669])[.!?؟\u06d4]+(?![0-9\u0660-\u0669])[\"'»”)]*|\n+")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence ranges ``(start, end)`` of ``text[start:end]``, trimmed of whitespace.

    Splits after ``.``, ``!``, ``?``, ``؟`` (not inside a number such as ``2.5``) and at line breaks.

    >>> t = "قال إن النمو بلغ 2.5 بالمئة. وأضاف أن الوضع جيد؟\\nسطر آخر"
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['قال إن النمو بلغ 2.5 بالمئة.', 'وأضاف أن الوضع جيد؟', 'سطر آخر']
    """
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        _append_trimmed(text, pos, m.end(), out)
        pos = m.end()
    _append_trimmed(text, pos, end, out)
    return out


def _append_trimmed(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b))
