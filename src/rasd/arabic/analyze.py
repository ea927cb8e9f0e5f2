"""The search analyzer: text → index terms, identical for documents and queries.

For each word (`rasd.arabic.tokenize.tokenize_ar`, offsets kept):

1. matching form: `normalize_ar(word, hamza=True)` — diacritics, tatweel, hamza, ة/ه, ى/ي, Farsi
   yeh/kaf, digits and presentation forms folded; Latin lower-cased;
2. stop words (``src/rasd/data/search/stopwords.txt``) dropped;
3. stems: `rasd.arabic.stem.stem_candidates_ar` gives a primary stem and alternates for ambiguous
   clitics (``لواشنطن`` → ``لواشنطن`` + ``واشنطن``);
4. spelling variants (``src/rasd/data/search/variants.tsv``) folded onto one spelling:
   ``أميركي``/``أمريكي`` give the same key, and so do ``لأميركا``/``لأمريكا`` (`SearchAnalyzer.fold_variant`
   looks behind the clitic letters the stemmer keeps when a split is uncertain).

Each word yields `WordTerms`: ``primary`` (one per word, so phrases keep positions), ``alternates``
and ``exact`` (the matching form, unstemmed, for exact mode).

>>> a = load_search_analyzer()
>>> [(w.primary, w.alternates, w.exact) for w in a.analyze_text("لواشنطن والأمريكية في")]
[('لواشنطن', ('واشنطن',), 'لواشنطن'), ('امريك', (), 'والامريكيه')]
>>> a.analyze_text("الأميركية")[0].primary == a.analyze_text("الامريكيه")[0].primary
True
>>> a.analyze_word("لأميركا")[0] == a.analyze_word("لامريكا")[0] == "لامريكا"
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasd.arabic.normalize import normalize_ar
from rasd.arabic.stem import split_proclitics_ar, stem_candidates_ar
from rasd.arabic.tokenize import tokenize_ar

__all__ = [
    "ANALYZER_VERSION",
    "SearchAnalyzer",
    "TermTuple",
    "WordTerms",
    "load_search_analyzer",
    "normalize_search_ar",
]

#: Bump whenever analysis (normalization, stemming, folding) changes the terms it produces for the same
#: text: archives indexed by another version are reindexed.  The stop-word and variant data are part of
#: the fingerprint by content.  2: variants folded behind uncertain clitics (``لأميركا``).
ANALYZER_VERSION = 2
_DATA = Path(__file__).resolve().parents[1] / "data" / "search"
_MEMO_LIMIT = 200_000  # entries per memo (~50 MB at most); cleared when full
_NUM_FOLD = str.maketrans({",": "", "\u066c": "", ".": "d", "\u066b": "d"})
_LATIN_FOLD = str.maketrans({"'": "", "’": "", "-": ""})
_PROCLITIC_LETTERS = frozenset("وفبكل")


#: ``(primary, alternates, exact)`` of one word.
TermTuple = tuple[str, tuple[str, ...], str]


@dataclass(frozen=True)
class WordTerms:
    """The index terms of one word, with the word's offsets in the analyzed text."""

    start: int
    end: int
    primary: str
    alternates: tuple[str, ...]
    exact: str

    @property
    def keys(self) -> tuple[str, ...]:
        """Primary then alternates: the keys a query word is matched with."""
        return (self.primary, *self.alternates)


def normalize_search_ar(word: str) -> str:
    """The matching form used by search (hamza on waw/yeh folded too).

    >>> normalize_search_ar("مسؤولٌ"), normalize_search_ar("داعِش")
    ('مسوول', 'داعش')
    """
    return normalize_ar(word, hamza=True)


class SearchAnalyzer:
    """Analysis with loaded stop words and variants.  Build with `load_search_analyzer`.

    Keeps memos of analyzed words and chunks; they only save time, never change a result.
    ``fingerprint`` names what the analyzer produces (`ANALYZER_VERSION` and the data): an index
    built with another fingerprint is rebuilt (`rasd.storage.search_backend.check_index_version`).
    """

    def __init__(self, stopwords: Iterable[str], variants: dict[str, str]) -> None:
        self.stopwords = frozenset(stopwords)
        self.variants = dict(variants)
        data = "\n".join([*sorted(self.stopwords), *(f"{k}\t{v}" for k, v in sorted(self.variants.items()))])
        digest = hashlib.sha256(data.encode("utf-8")).hexdigest()[:12]
        self.fingerprint = f"{ANALYZER_VERSION}-{digest}"
        self._memo: dict[tuple[str, str], tuple[str, tuple[str, ...], str] | None] = {}
        self._chunks: dict[str, tuple[str, str, str]] = {}
        self._chunk_terms: dict[str, tuple[tuple[TermTuple, ...], tuple[str, ...]]] = {}

    # -- words --------------------------------------------------------------------------
    def analyze_word(self, word: str, kind: str = "ar") -> tuple[str, tuple[str, ...], str] | None:
        """``(primary, alternates, exact)`` for one token, or ``None`` for a stop word/punctuation.

        >>> load_search_analyzer().analyze_word("وللحكومة")
        ('حكوم', ('لحكوم',), 'وللحكومه')
        >>> load_search_analyzer().analyze_word("وفي") is None
        True
        """
        memo_key = (word, kind)
        hit = self._memo.get(memo_key, self)
        if hit is not self:
            return hit  # type: ignore[return-value]
        result = self._analyze_uncached(word, kind)
        if len(self._memo) >= _MEMO_LIMIT:
            self._memo.clear()
        self._memo[memo_key] = result
        return result

    def _analyze_uncached(self, word: str, kind: str) -> tuple[str, tuple[str, ...], str] | None:
        if kind == "punct":
            return None
        norm = normalize_search_ar(word)
        if kind == "num":
            key = norm.translate(_NUM_FOLD)
            return (key, (), key) if key else None
        if kind == "latin":
            key = norm.lower().translate(_LATIN_FOLD)
            return (key, (), key) if key else None
        if len(norm) < 2 or norm in self.stopwords:
            return None
        stems = [self.fold_variant(s) for s in stem_candidates_ar(norm)]
        primary = stems[0]
        alternates = tuple(dict.fromkeys(s for s in stems[1:] if s != primary))
        return primary, alternates, norm

    def fold_variant(self, stem: str) -> str:
        """The canonical spelling of a stem, also behind one or two proclitic letters that stemming
        kept (it keeps them when the split is uncertain: ``لأميركا`` is ل + أميركا, ``لبنان`` is not).

        >>> a = load_search_analyzer()
        >>> a.fold_variant("اميركا"), a.fold_variant("لاميركا"), a.fold_variant("لبنان")
        ('امريكا', 'لامريكا', 'لبنان')
        """
        canonical = self.variants.get(stem)
        if canonical is not None:
            return canonical
        for k in (1, 2):
            if len(stem) - k >= 3 and all(c in _PROCLITIC_LETTERS for c in stem[:k]):
                canonical = self.variants.get(stem[k:])
                if canonical is not None:
                    return stem[:k] + canonical
        return stem

    def prefix_keys(self, word: str) -> tuple[tuple[str, ...], str]:
        """Keys for a prefix query (``انتخ*``): clitic splits without suffix stripping, and exact.

        >>> load_search_analyzer().prefix_keys("الانتخ")
        (('انتخ',), 'الانتخ')
        """
        norm = normalize_search_ar(word)
        if not any("\u0600" <= c <= "\u06ff" for c in norm):
            low = norm.lower().translate(_LATIN_FOLD).translate(_NUM_FOLD)
            return (low,), low
        primary, alternates = split_proclitics_ar(norm)
        return tuple(dict.fromkeys((primary, *alternates))), norm

    # -- text ---------------------------------------------------------------------------
    def analyze_text(self, text: str, stops: list[str] | None = None) -> list[WordTerms]:
        """All indexable words of ``text`` with their offsets in ``text``; the Arabic words that are
        not indexed (stop words), normalized, are appended to ``stops`` when it is given.

        >>> [(w.start, w.end, w.primary) for w in load_search_analyzer().analyze_text("بـ«الحكومة»")]
        [(3, 10, 'حكوم')]
        >>> stops: list[str] = []
        >>> [w.exact for w in load_search_analyzer().analyze_text("أنها الحكومة", stops)], stops
        (['الحكومه'], ['انها'])
        """
        out: list[WordTerms] = []
        for tok in tokenize_ar(text):
            if tok.kind == "punct":
                continue
            res = self.analyze_word(tok.text, tok.kind)
            if res is not None:
                out.append(WordTerms(tok.start, tok.end, res[0], res[1], res[2]))
            elif stops is not None and tok.kind == "ar":
                stops.append(normalize_search_ar(tok.text))
        return out

    def index_strings(self, text: str) -> tuple[str, str, str]:
        """Shadow strings ``(primary, alternates, exact)`` for an FTS5 ``unicode61`` column.

        No token spans whitespace, so the text is split on whitespace and each chunk's analysis is
        memoized (news text repeats its chunks: ``الحكومة``, ``لواشنطن،``...).

        >>> load_search_analyzer().index_strings("لواشنطن، والحكومة")
        ('لواشنطن حكوم', 'واشنطن', 'لواشنطن والحكومه')
        """
        primary: list[str] = []
        alternates: list[str] = []
        exact: list[str] = []
        memo = self._chunks
        for chunk in text.split():
            res = memo.get(chunk)
            if res is None:
                res = self._index_chunk(chunk)
                if len(memo) >= _MEMO_LIMIT:
                    memo.clear()
                memo[chunk] = res
            if res[0]:
                primary.append(res[0])
                exact.append(res[2])
                if res[1]:
                    alternates.append(res[1])
        return " ".join(primary), " ".join(alternates), " ".join(exact)

    def analyze_words(self, text: str) -> tuple[list[TermTuple], list[str]]:
        """``(terms, forms)``: ``(primary, alternates, exact)`` of each indexable word of ``text`` in
        order, and the matching form of every Arabic word, stop words included (no offsets; memoized
        by whitespace chunk, for re-ranking many short texts such as headlines).

        >>> load_search_analyzer().analyze_words("لواشنطن، أين الحكومة")
        ([('لواشنطن', ('واشنطن',), 'لواشنطن'), ('حكوم', (), 'الحكومه')], ['لواشنطن', 'اين', 'الحكومه'])
        """
        terms: list[TermTuple] = []
        forms: list[str] = []
        memo = self._chunk_terms
        for chunk in text.split():
            res = memo.get(chunk)
            if res is None:
                res = (
                    tuple((w.primary, w.alternates, w.exact) for w in self.analyze_text(chunk)),
                    tuple(normalize_search_ar(t.text) for t in tokenize_ar(chunk) if t.kind == "ar"),
                )
                if len(memo) >= _MEMO_LIMIT:
                    memo.clear()
                memo[chunk] = res
            terms.extend(res[0])
            forms.extend(res[1])
        return terms, forms

    def _index_chunk(self, chunk: str) -> tuple[str, str, str]:
        words = self.analyze_text(chunk)
        return (
            " ".join(w.primary for w in words),
            " ".join(a for w in words for a in w.alternates),
            " ".join(w.exact for w in words),
        )


def _read_lines(name: str) -> list[str]:
    raw = (_DATA / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _load_stopwords() -> frozenset[str]:
    words: set[str] = set()
    for line in _read_lines("stopwords.txt"):
        w = normalize_search_ar(line)
        words.update((w, "و" + w, "ف" + w))
    return frozenset(words)


def _load_variants() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _read_lines("variants.tsv"):
        parts = line.split("\t")
        if len(parts) != 2:
            continue
        variant = stem_candidates_ar(normalize_search_ar(parts[0].strip()))[0]
        canonical = stem_candidates_ar(normalize_search_ar(parts[1].strip()))[0]
        if variant != canonical:
            table[variant] = canonical
    return table


@lru_cache(maxsize=1)
def load_search_analyzer() -> SearchAnalyzer:
    """The analyzer with the shipped stop words and variants (loaded once)."""
    return SearchAnalyzer(_load_stopwords(), _load_variants())
