"""Headline evidence for re-ranking search hits (shared by the SQLite and PostgreSQL backends).

BM25 as the index computes it is blind to three things a reader sees at once in a headline:

* **coverage** — FTS5's ``bm25()`` normalizes by the length of the *whole row* (headline and body),
  so a headline that says exactly what was asked ranks no higher than one that mentions the words in
  passing, and a long article is penalized even when its headline matches perfectly.  Here the
  headline is scored as a field of its own: how many query words it holds, and how much of the
  headline those words are (``الانتخابات التركية: أرقام وحقائق`` is *about* الانتخابات أرقام more than
  a twenty-word headline holding both words is);
* **the spelling typed** — ``المستوطنون`` and ``مستوطنون`` are one stem, but a headline with the very
  form the user typed (after orthographic normalization) is the better match;
* **word order** — people type a headline's words in the headline's order;
* **stop words** — they are not indexed and never restrict a match, but a headline that also holds
  the ``ليس`` or ``أين`` the user typed is the better match.

`match_headline` measures these on the stored headline; `headline_score` folds them into one
number that multiplies the BM25 score of the hit (so body evidence still orders hits whose headlines
are equally good).

>>> from rasd.arabic.analyze import load_search_analyzer
>>> from rasd.search import parse_query
>>> a = load_search_analyzer()
>>> qw = analyze_query_words(parse_query("المستوطنون يحرقون"), a)
>>> m1 = match_headline(qw, "المستوطنون يحرقون مسجداً في الضفة", a)
>>> m2 = match_headline(qw, "مستوطنون يحرقون محاصيل زراعية فلسطينية بالخليل", a)
>>> (m1.matched, m1.exact, m1.in_order), (m2.matched, m2.exact)
((2, 2, True), (2, 1))
>>> headline_score(m1) > headline_score(m2)
True
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from rasd.arabic.analyze import SearchAnalyzer, TermTuple, WordTerms
from rasd.search import Phrase, SearchQuery, Term, positive_terms

__all__ = [
    "HeadlineMatch",
    "QueryWords",
    "analyze_query_words",
    "headline_score",
    "match_headline",
    "rerank_hits",
]

#: Weights of the headline evidence (see `headline_score`).  Each is a multiplier on BM25 per unit of
#: evidence; chosen on queries drawn with another seed than the benchmark's (benchmarks/README.md).
#: Coverage and order dominate: on the seed-7 queries a grid over these weights is flat within 0.002
#: MRR around this point, and bm25 alone (all weights 0) scores 0.02–0.05 lower.
ALL_WORDS_BONUS = 0.5
WORD_WEIGHT = 0.5
STOP_WEIGHT = 0.3
EXACT_WEIGHT = 0.1
ORDER_WEIGHT = 1.0
COVERAGE_WEIGHT = 5.0
#: More when the headline holds every word typed, stop words included (``تركيا أنها خاشقجي`` →
#: ``تركيا تكشف أنها فتحت تحقيقاً باختفاء خاشقجي`` over a shorter headline without ``أنها``).  Chosen
#: on query seeds 1–10 (benchmarks/search_seeds.py): +0.001 MRR on average, 9 of 10 seeds better and
#: none worse verbatim, 9 better and 1 worse typed.
ALL_TYPED_BONUS = 1.0


@dataclass(frozen=True)
class QueryWords:
    """The positive words of a query, as the re-ranker matches them: analyzed content words in query
    order, and the stop words typed (matching form; the index drops them)."""

    words: tuple[WordTerms, ...]
    stops: tuple[str, ...]

    @property
    def size(self) -> int:
        return len(self.words) + len(self.stops)


@dataclass(frozen=True)
class HeadlineMatch:
    """What a headline holds of a query: content words matched (by stem, as the index matches), stop
    words matched, words in the exact form typed, whether the matched words come in query order, and
    the headline's length in content words."""

    query_words: int
    query_stops: int
    matched: int
    stops: int
    exact: int
    in_order: bool
    length: int


def analyze_query_words(query: SearchQuery, analyzer: SearchAnalyzer) -> QueryWords:
    """Content words and stop words of ``query``'s positive terms (prefix terms are left out).

    >>> from rasd.arabic.analyze import load_search_analyzer
    >>> from rasd.search import parse_query
    >>> qw = analyze_query_words(parse_query("تركيا أنها خاشقجي"), load_search_analyzer())
    >>> [w.exact for w in qw.words], qw.stops
    (['تركيا', 'خاشقجي'], ('انها',))
    """
    words: list[WordTerms] = []
    stops: list[str] = []
    for node in positive_terms(query.expr):
        if isinstance(node, Term) and node.prefix:
            continue
        text = " ".join(node.words) if isinstance(node, Phrase) else node.text
        words += analyzer.analyze_text(text, stops)
    return QueryWords(tuple(words), tuple(stops))


def _meets(q: WordTerms, d: TermTuple) -> bool:
    # The index's rule: the query's primary among the document word's keys, or the document's primary
    # among the query's alternates (two guessed clitic splits do not meet).
    return q.primary == d[0] or q.primary in d[1] or d[0] in q.alternates


def match_headline(qw: QueryWords, title: str, analyzer: SearchAnalyzer) -> HeadlineMatch:
    """Measure ``title`` against the query words (see `HeadlineMatch`).

    >>> from rasd.arabic.analyze import load_search_analyzer
    >>> from rasd.search import parse_query
    >>> a = load_search_analyzer()
    >>> qw = analyze_query_words(parse_query("واشنطن طهران أين"), a)
    >>> match_headline(qw, "طهران: أين واشنطن", a)
    HeadlineMatch(query_words=2, query_stops=1, matched=2, stops=1, exact=2, in_order=False, length=2)
    """
    doc, forms = analyzer.analyze_words(title)
    positions: list[int] = []
    matched = exact = 0
    for q in qw.words:
        hit = next((i for i, d in enumerate(doc) if _meets(q, d)), -1)
        if hit < 0:
            continue
        matched += 1
        positions.append(hit)
        if any(d[2] == q.exact for d in doc):
            exact += 1
    stops = sum(1 for s in qw.stops if s in forms) if qw.stops else 0
    in_order = len(positions) >= 2 and all(a < b for a, b in pairwise(positions))
    return HeadlineMatch(len(qw.words), len(qw.stops), matched, stops, exact, in_order, len(doc))


def headline_score(m: HeadlineMatch) -> float:
    """The multiplier a headline earns: ``1 +`` weighted evidence (1.0 for a headline with none).

    Every content word found adds `WORD_WEIGHT` (all of them, `ALL_WORDS_BONUS` more), a stop word
    `STOP_WEIGHT` (every word typed, stop words too, `ALL_TYPED_BONUS` more), a word in the typed form
    `EXACT_WEIGHT`; words in query order add `ORDER_WEIGHT`;
    and the share of the headline the query words make up adds up to `COVERAGE_WEIGHT` (the
    headline field's own length normalization).

    >>> headline_score(HeadlineMatch(2, 0, 0, 0, 0, False, 9))
    1.0
    """
    if m.query_words == 0 or m.matched == 0:
        return 1.0
    score = 1.0 + WORD_WEIGHT * m.matched / m.query_words
    if m.matched == m.query_words:
        score += ALL_WORDS_BONUS
    score += EXACT_WEIGHT * m.exact / m.query_words
    if m.query_stops:
        score += STOP_WEIGHT * m.stops / m.query_stops
        if m.stops == m.query_stops and m.matched == m.query_words:
            score += ALL_TYPED_BONUS
    if m.in_order:
        score += ORDER_WEIGHT
    if m.length:
        score += COVERAGE_WEIGHT * min(1.0, m.matched / m.length)
    return score


def rerank_hits(
    ranked: list[tuple[int, float]], titles: dict[int, str], qw: QueryWords, analyzer: SearchAnalyzer
) -> list[tuple[int, float]]:
    """``ranked`` (pk, score; higher is better) with each score multiplied by its headline's
    `headline_score`, sorted again (stable: equal scores keep the index's order)."""
    if not qw.words or len(ranked) < 2:
        return ranked
    out = [
        (pk, score * headline_score(match_headline(qw, titles.get(pk) or "", analyzer)))
        for pk, score in ranked
    ]
    out.sort(key=lambda x: -x[1])
    return out
