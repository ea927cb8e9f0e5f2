"""Highlights and snippets for search hits, as offsets of the ORIGINAL article text.

The index holds analyzed terms, not offsets, so highlights are recomputed per hit, cheaply: the
text is normalized once with an offset map (`normalize_with_offsets`), a regex of *needles* (the
query's stems and the spellings that fold onto them) finds candidate places, and only the words
around those places are analyzed and checked against the query's keys.  A word is highlighted when
it would have matched the query in the index, so ``لواشنطن`` lights up for ``واشنطن`` and
``الأميركية`` for ``الأمريكية``.

>>> from rasd.arabic.analyze import load_search_analyzer
>>> from rasd.search import parse_query
>>> h = make_highlighter(parse_query("واشنطن الأمريكية"), load_search_analyzer())
>>> text = "وصلت الوفود لواشنطن، وقالت الخارجيّة الأميركيّة"
>>> [text[a:b] for a, b, _ in h.find(text)]
['لواشنطن', 'الأميركيّة']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.arabic import charsets
from rasd.arabic.analyze import SearchAnalyzer
from rasd.arabic.normalize import normalize_with_offsets
from rasd.search import Phrase, SearchQuery, Term, positive_terms

__all__ = ["Highlighter", "choose_snippet", "make_highlighter"]

_MARKS = charsets.DIACRITICS_AR | {charsets.TATWEEL}
SNIPPET_CHARS = 220
LEAD_CHARS = 50


@dataclass(frozen=True)
class Highlighter:
    """Finds the words of a text that match a query; ``group`` numbers the query word matched."""

    keys: dict[str, int]
    prefixes: tuple[tuple[str, int], ...]
    exact: bool
    needles: re.Pattern[str] | None
    analyzer: SearchAnalyzer

    def group_of(self, word: str) -> int:
        kind = "num" if word.isdigit() else ("latin" if word.isascii() else "ar")
        res = self.analyzer.analyze_word(word, kind)
        if res is None:
            return -1
        cands = (res[2],) if self.exact else (res[0], *res[1])
        for k in cands:
            g = self.keys.get(k)
            if g is not None:
                return g
        for p, g in self.prefixes:
            if any(k.startswith(p) for k in cands):
                return g
        return -1

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
        """``(start, end, group)`` of matching words in ``text[start:end]``, offsets into ``text``."""
        if self.needles is None:
            return []
        end = len(text) if end is None else end
        norm = normalize_with_offsets(text[start:end], hamza=True)
        ntext = norm.text
        out: list[tuple[int, int, int]] = []
        last_end = -1
        for m in self.needles.finditer(ntext):
            a = m.start()
            if a < last_end:
                continue
            while a > 0 and ntext[a - 1].isalnum():
                a -= 1
            b = m.end()
            while b < len(ntext) and ntext[b].isalnum():
                b += 1
            last_end = b
            g = self.group_of(ntext[a:b])
            if g >= 0:
                oa, ob = norm.to_original(a, b)
                ob += start
                while ob < end and text[ob] in _MARKS:  # a final haraka belongs to the word
                    ob += 1
                out.append((start + oa, ob, g))
        return out


def make_highlighter(query: SearchQuery, analyzer: SearchAnalyzer) -> Highlighter:
    """Keys, prefixes and the needle regex of ``query``'s positive words."""
    keys: dict[str, int] = {}
    prefixes: list[tuple[str, int]] = []
    needles: set[str] = set()
    reverse: dict[str, set[str]] = {}
    for src, dst in analyzer.variants.items():
        reverse.setdefault(dst, set()).add(src)
    group = 0
    for node in positive_terms(query.expr):
        texts = node.words if isinstance(node, Phrase) else (node.text,)
        prefix_node = isinstance(node, Term) and node.prefix
        words = analyzer.analyze_text(" ".join(texts))
        for w in words:
            for k in (w.exact,) if query.exact else w.keys:
                keys.setdefault(k, group)
                needles.add(k)
                needles.update(reverse.get(k, ()))
            group += 1
        if prefix_node:
            last = texts[0].split()[-1] if texts[0].split() else ""
            pkeys, exact_key = analyzer.prefix_keys(last)
            for p in (exact_key,) if query.exact else pkeys:
                if len(p) >= 2:
                    prefixes.append((p, group))
                    needles.add(p)
            group += 1
    needles = {n for n in needles if n}
    pattern = (
        re.compile("|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True)), re.IGNORECASE)
        if needles
        else None
    )
    return Highlighter(keys, tuple(prefixes), query.exact, pattern, analyzer)


def choose_snippet(text: str, start: int, matches: list[tuple[int, int, int]]) -> tuple[int, int]:
    """The ``(start, end)`` of a ~220-character window of ``text[start:]`` with the most distinct
    query words (the earliest such window), cut at spaces.

    >>> choose_snippet("عنوان\\n\\nنص أول. ثم واشنطن هنا", 7, [(19, 25, 0)])
    (7, 28)
    """
    n = len(text)
    if not matches:
        a = start
    else:
        best = (-1, 0)
        for i, (ma, _, _) in enumerate(matches):
            groups = {g for (xa, _, g) in matches[i:] if xa < ma + SNIPPET_CHARS - LEAD_CHARS}
            if len(groups) > best[0]:
                best = (len(groups), ma)
        a = max(start, best[1] - LEAD_CHARS)
    b = min(n, a + SNIPPET_CHARS)
    if a > start:
        while a < b and not text[a - 1].isspace():
            a += 1
    if b < n:
        while b > a and not text[b].isspace():
            b -= 1
    return a, b
