"""Highlights and snippets for search hits, as offsets of the ORIGINAL article text.

The index holds analyzed terms, not offsets, so highlights are recomputed per hit, cheaply: a regex
of *needles* (the query's stems and the spellings that fold onto them, each letter widened to every
form that normalizes to it, diacritics and tatweel allowed between letters) runs over the raw text,
and only the words around its hits are analyzed and checked against the query's keys.  Offsets are
therefore offsets of the original text, with no normalization map to build.  A word is highlighted when
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
from functools import lru_cache

from rasd.arabic import charsets
from rasd.arabic.analyze import SearchAnalyzer, normalize_search_ar
from rasd.search import Phrase, SearchQuery, Term, positive_terms

__all__ = ["Highlighter", "choose_snippet", "make_highlighter"]

_MARKS = charsets.DIACRITICS_AR | charsets.INVISIBLES | {charsets.TATWEEL}
SNIPPET_CHARS = 220
LEAD_CHARS = 50


class Highlighter:
    """Finds the words of a text that match a query; ``group`` numbers the query word matched.

    The text is folded with a *length-preserving* table (أ→ا, ة→ه, ى→ي, ؤ→و, Farsi yeh/kaf →
    Arabic, digits → ASCII, upper → lower case, every diacritic or invisible mark → tatweel), so
    offsets in the folded text are offsets in the original; needles allow tatweel between letters.
    """

    def __init__(
        self,
        keys: dict[str, int],
        prefixes: tuple[tuple[str, int], ...],
        exact: bool,
        needles: tuple[str, ...],
        analyzer: SearchAnalyzer,
    ) -> None:
        self.keys = keys
        self.prefixes = prefixes
        self.exact = exact
        self.needles = needles
        self.analyzer = analyzer
        gap = re.escape(charsets.TATWEEL) + "*"
        self._pattern = (
            re.compile("|".join(gap.join(map(re.escape, n)) for n in sorted(needles, key=len, reverse=True)))
            if needles
            else None
        )

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
        end = len(text) if end is None else end
        if self._pattern is None or start >= end:
            return []
        folded = text[start:end].translate(_fold_table())
        out: list[tuple[int, int, int]] = []
        last_end = -1
        n = len(folded)
        for m in self._pattern.finditer(folded):
            a = m.start()
            if a < last_end:
                continue
            while a > 0 and _is_word_char(folded[a - 1]):
                a -= 1
            b = m.end()
            while b < n and _is_word_char(folded[b]):
                b += 1
            last_end = b
            g = self.group_of(text[start + a : start + b])
            if g >= 0:
                out.append((start + a, start + b, g))
        return out


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == charsets.TATWEEL


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Length-preserving folding: one character in, one character out (see `Highlighter`)."""
    table: dict[int, str] = {}
    for cp in [*range(0x0600, 0x0700), *range(0x0750, 0x0780)]:
        ch = chr(cp)
        folded = normalize_search_ar(ch)
        if len(folded) == 1 and folded != ch:
            table[cp] = folded
    for mark in _MARKS:
        table[ord(mark)] = charsets.TATWEEL
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp + 32)
    return table


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
    return Highlighter(keys, tuple(prefixes), query.exact, tuple(sorted(n for n in needles if n)), analyzer)


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
