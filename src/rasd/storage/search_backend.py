"""The half of search that does not depend on the database: one implementation for SQLite and PostgreSQL.

`rasd.storage.fts` (FTS5) and `rasd.storage.pg_search` (``tsvector``) differ in how a match is
written and ranked; everything else is here, parameterised by a `MatchSyntax` (how an engine writes
words, prefixes, phrases and boolean operators) and a `SqlDialect` (bound-parameter marks, lists):

* `compile_expr` — the parsed query tree → the engine's match expression;
* `filter_sql` — date, outlet and category filters as SQL with bound parameters;
* `run_search` — ``auto``/``and``/``or`` semantics, headline re-ranking, paging;
* `load_hits` / `make_hit` — hits with snippets and highlights as offsets of the stored text;
* `rebuild_in_batches` and `check_index_version` — ``rasd reindex`` and the automatic reindex when
  an archive was indexed by another analyzer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from itertools import combinations
from typing import Any, Protocol

from rasd.arabic.analyze import SearchAnalyzer, WordTerms, load_search_analyzer
from rasd.arabic.tokenize import tokenize_ar
from rasd.document import Article, Span
from rasd.errors import QueryError
from rasd.search import And, Node, Not, Or, Phrase, SearchQuery, Term, is_plain_conjunction, positive_terms
from rasd.storage.fts_snippets import Highlighter, choose_snippet, make_highlighter
from rasd.storage.search_rank import analyze_query_words, rerank_hits
from rasd.storage.search_types import Hit, SearchResult

__all__ = [
    "INDEX_META_TABLE",
    "RELAX_BELOW",
    "RERANK_DEPTH",
    "MatchSyntax",
    "SqlDialect",
    "check_index_version",
    "compile_expr",
    "filter_sql",
    "load_hits",
    "make_hit",
    "rebuild_in_batches",
    "run_search",
]

log = logging.getLogger(__name__)

#: ``auto`` semantics relax AND to OR-ranked only when AND finds fewer articles than this.  1 = only
#: when AND finds nothing: the OR query ranks every article with any of the words, which doubles the
#: latency, and on the benchmark relaxing below 3 or below a full page gained no MRR (see
#: benchmarks/README.md).
RELAX_BELOW = 1
#: Relevance ranking re-scores the top `RERANK_DEPTH` hits by their headlines (coverage, typed form,
#: word order: `rasd.storage.search_rank`).  It costs the same at any archive size (unlike an FTS5
#: NEAR clause, which tripled the ranking cost); depth 100 scores within 0.0003 MRR of 50.
RERANK_DEPTH = 50
#: Key/value table holding the analyzer fingerprint the index was built with.
INDEX_META_TABLE = "search_index_meta"


class _Rows(Protocol):
    def fetchall(self) -> Sequence[Sequence[Any]]: ...
    def fetchone(self) -> Sequence[Any] | None: ...


class Connection(Protocol):
    """What both ``sqlite3.Connection`` and ``psycopg.Connection`` offer."""

    def execute(self, sql: Any, params: Any = ..., /) -> Any: ...


# -- query compilation ---------------------------------------------------------------------------
@dataclass(frozen=True)
class MatchSyntax:
    """How one engine writes a match expression.

    ``word(w, exact)`` is one analyzed word; ``prefix(keys, exact_key, exact)`` the last word of a
    ``word*`` term (``None`` when nothing is left); ``phrase(words, exact)`` two or more adjacent words;
    ``and_``/``or_`` join clauses; ``exclude(positive, negatives)`` writes ``positive`` minus any of
    ``negatives``.
    """

    word: Callable[[WordTerms, bool], str]
    prefix: Callable[[tuple[str, ...], str, bool], str | None]
    phrase: Callable[[list[WordTerms], bool], str]
    and_: str
    or_: str
    exclude: Callable[[str, list[str]], str]

    def join(self, parts: list[str], op: str) -> str:
        return parts[0] if len(parts) == 1 else "(" + op.join(parts) + ")"


def _term_clause(term: Term, analyzer: SearchAnalyzer, syntax: MatchSyntax, exact: bool) -> str | None:
    words = analyzer.analyze_text(term.text)
    clauses: list[str] = []
    if term.prefix:
        # The last word is the prefix; stop words are not dropped from a prefix.
        toks = [t for t in tokenize_ar(term.text) if t.kind != "punct"]
        if not toks:
            return None
        last = toks[-1]
        words = [w for w in words if w.end <= last.start]
        keys, exact_key = analyzer.prefix_keys(last.text)
        if len(exact_key) >= 2:
            clause = syntax.prefix(tuple(k for k in keys if len(k) >= 2), exact_key, exact)
            if clause:
                clauses.append(clause)
    clauses = [syntax.word(w, exact) for w in words] + clauses
    return syntax.join(clauses, syntax.and_) if clauses else None


def _phrase_clause(phrase: Phrase, analyzer: SearchAnalyzer, syntax: MatchSyntax, exact: bool) -> str | None:
    words = analyzer.analyze_text(" ".join(phrase.words))
    if not words:
        return None
    if len(words) == 1:
        return syntax.word(words[0], exact)
    return syntax.phrase(words, exact)


def compile_expr(
    expr: Node,
    analyzer: SearchAnalyzer,
    syntax: MatchSyntax,
    *,
    exact: bool = False,
    relaxed: bool = False,
    missing: int = 0,
) -> str | None:
    """The match expression for ``expr`` (``None`` when only stop words remain); ``relaxed`` turns the
    top-level AND into OR; ``missing`` lets up to that many of its parts be absent (every part but one
    missing is OR), as a disjunction of the ANDs of the remaining parts.  Raises `QueryError` for a
    query of exclusions only or NOT inside OR."""
    if isinstance(expr, Term):
        return _term_clause(expr, analyzer, syntax, exact)
    if isinstance(expr, Phrase):
        return _phrase_clause(expr, analyzer, syntax, exact)
    if isinstance(expr, Not):
        raise QueryError("a query needs at least one word to find, not only words to exclude")
    if isinstance(expr, Or):
        parts: list[str] = []
        for child in expr.children:
            if isinstance(child, Not):
                raise QueryError("NOT cannot be one side of OR; write: word1 OR word2 -word3")
            sub = compile_expr(child, analyzer, syntax, exact=exact)
            if sub is not None:
                parts.append(sub)
        return syntax.join(parts, syntax.or_) if parts else None
    positives: list[str] = []
    negatives: list[str] = []
    for child in expr.children:
        target = negatives if isinstance(child, Not) else positives
        sub = compile_expr(child.child if isinstance(child, Not) else child, analyzer, syntax, exact=exact)
        if sub is not None:
            target.append(sub)
    if not positives:
        if negatives:
            raise QueryError("a query needs at least one word to find, not only words to exclude")
        return None
    keep = 1 if relaxed else max(len(positives) - missing, 1)  # parts an article must hold
    if keep == len(positives):
        out = syntax.join(positives, syntax.and_)
    elif keep == 1:
        out = syntax.join(positives, syntax.or_)
    else:
        out = syntax.join([syntax.join(list(kept), syntax.and_) for kept in combinations(positives, keep)], syntax.or_)
    return syntax.exclude(out, negatives) if negatives else out


# -- SQL -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SqlDialect:
    """Bound-parameter style: ``?`` and one mark per list item (SQLite), or ``%s`` and ``= ANY(%s)``
    with the list as one parameter (PostgreSQL)."""

    mark: str
    array_params: bool

    def in_list(self, column: str, values: Sequence[object]) -> tuple[str, list[object]]:
        """``column`` is one of ``values``, as SQL and parameters.

        >>> SqlDialect("?", False).in_list("a.outlet", ["x", "y"])
        ('a.outlet IN (?,?)', ['x', 'y'])
        >>> SqlDialect("%s", True).in_list("a.outlet", ["x", "y"])
        ('a.outlet = ANY(%s)', [['x', 'y']])
        """
        if self.array_params:
            return f"{column} = ANY({self.mark})", [list(values)]
        return f"{column} IN (" + ",".join(self.mark * len(values)) + ")", list(values)


SQLITE = SqlDialect("?", array_params=False)
POSTGRES = SqlDialect("%s", array_params=True)


def filter_sql(query: SearchQuery, dialect: SqlDialect) -> tuple[str, list[object]]:
    """``" AND …"`` conditions on ``articles a`` for the query's filters, and their parameters.

    >>> from rasd.search import parse_query
    >>> filter_sql(parse_query("x", date_to="2018-02-03", outlet="BBC"), SQLITE)
    (' AND a.published < ? AND a.outlet IN (?)', ['2018-02-04', 'BBC'])
    """
    where: list[str] = []
    params: list[object] = []
    if query.date_from:
        where.append(f"a.published >= {dialect.mark}")
        params.append(query.date_from.isoformat())
    if query.date_to:
        where.append(f"a.published < {dialect.mark}")
        params.append((query.date_to + timedelta(days=1)).isoformat())
    for column, values in (("a.outlet", query.outlets), ("a.category", query.categories)):
        if values:
            sql, more = dialect.in_list(column, values)
            where.append(sql)
            params.extend(more)
    for f in query.filters:
        raise QueryError(f"this archive cannot filter by {f.field!r} yet")
    return "".join(" AND " + w for w in where), params


# -- search --------------------------------------------------------------------------------------
#: ``rank(match, n, exclude, count_match)`` → top ``n`` (pk, score; higher is better) not in
#: ``exclude``, and the number of matches of ``count_match`` (-1 when it is ``None``).
RankFn = Callable[[str, int, "set[int] | None", "str | None"], tuple[list[tuple[int, float]], int]]


def run_search(
    conn: Connection,
    query: SearchQuery,
    dialect: SqlDialect,
    compile_match: Callable[..., str | None],
    rank: RankFn,
    headline_table: str = "articles",
    rank_headlines: RankFn | None = None,
) -> SearchResult:
    """Run ``query`` with an engine's compiler and ranker.

    ``compile_match(expr, analyzer, exact=, relaxed=, bonus=)`` writes the match (``bonus=False``: an
    expression with the same matches, cheaper to count).  ``auto`` semantics: AND, then, when AND finds
    fewer than `RELAX_BELOW` articles, the articles missing one word and then OR-ranked hits
    (`_relaxations`); ``total`` still counts the articles with all the words (the relaxed hits are
    extras).  Relevance order re-ranks the top `RERANK_DEPTH` by headline, read from ``headline_table``
    (``pk``, ``title``: ``articles`` or a compact copy of its headlines).  With ``rank_headlines`` (a
    ranker over a headline-only index, matched by ``compile_match(..., headline=True)``), relevance order
    puts the articles with every word in the headline first (`_Tiers`); PostgreSQL passes none.
    """
    analyzer = load_search_analyzer()
    strict = compile_match(query.expr, analyzer, exact=query.exact)
    if strict is None:
        return SearchResult(query, (), 0)
    need = query.offset + query.limit
    plain = is_plain_conjunction(query.expr) and len(positive_terms(query.expr)) > 1
    relaxed_match = compile_match(query.expr, analyzer, exact=query.exact, relaxed=True) if plain else None
    relaxed = False
    if query.semantics == "or" and relaxed_match is not None:
        lean = compile_match(query.expr, analyzer, exact=query.exact, relaxed=True, bonus=False)
        ranked, total = rank(relaxed_match, need, None, lean)
    else:
        lean = compile_match(query.expr, analyzer, exact=query.exact, bonus=False)
        if query.sort != "relevance":
            ranked, total = rank(strict, need, None, lean)
        else:

            def rerank(hits: list[tuple[int, float]]) -> list[tuple[int, float]]:
                return _rerank_by_headline(conn, dialect, hits, query, analyzer, headline_table)

            tier: str | None = None
            if rank_headlines is not None and not _has_not(query.expr):
                tier = compile_match(query.expr, analyzer, exact=query.exact, headline=True)
            if tier is None or rank_headlines is None:
                ranked, total = rank(strict, max(need, RERANK_DEPTH), None, lean)
                ranked = rerank(ranked)
            else:
                tiers = _Tiers(rank_headlines, rank, rerank)
                ranked, total = tiers.rank(tier, strict, lean, need)
        if query.semantics == "auto" and relaxed_match is not None and total < min(need, RELAX_BELOW):
            seen = {pk for pk, _ in ranked}
            for match in _relaxations(compile_match, query, analyzer, relaxed_match):
                more, _ = rank(match, need - len(ranked), seen, None)
                if more:
                    relaxed = True
                    ranked.extend(more)
                    seen.update(pk for pk, _ in more)
                if len(ranked) >= need:
                    break
    page = ranked[query.offset : need]
    return SearchResult(
        query, load_hits(conn, dialect, page, make_highlighter(query, analyzer)), total, relaxed
    )


#: The ``auto`` fallback first ranks the articles missing only one word, when the query has at least
#: this many words and no more than `MOST_WORDS_MAX` (the expression has one AND per word left out).
MOST_WORDS_MIN, MOST_WORDS_MAX = 3, 8


def _relaxations(
    compile_match: Callable[..., str | None], query: SearchQuery, analyzer: SearchAnalyzer, relaxed_match: str
) -> list[str]:
    """The fallback's matches, best first: every word but one (``بلينكن الموصل كرة`` → the articles
    with two of the three words), then any word.  The first ranks far fewer articles than OR
    (which ranks every article with any of the words, at a million articles up to a second), and
    puts the closest matches first instead of letting one rare word outrank the rest."""
    words = len(positive_terms(query.expr))
    if not MOST_WORDS_MIN <= words <= MOST_WORDS_MAX:
        return [relaxed_match]
    most = compile_match(query.expr, analyzer, exact=query.exact, missing=1)
    return [relaxed_match] if most is None or most == relaxed_match else [most, relaxed_match]


def _has_not(expr: Node) -> bool:
    if isinstance(expr, Not):
        return True
    return isinstance(expr, (And, Or)) and any(_has_not(c) for c in expr.children)


@dataclass(frozen=True)
class _Tiers:
    """Relevance ranking in two tiers: articles with every query word in the headline first, ranked
    in a headline-only index (``headlines``: small doclists), then the other matches, ranked in the
    whole index (``whole``) only when the first tier cannot fill the page.

    Why: the whole index's ``bm25()`` reads the full doclist of every query term and a row-size
    record for every match; at a million articles a query with common words spent ~100–450 ms in
    it on a cold page cache, and a headline-only index answers the same query in a few ms.  The
    order changes little: the headline re-rank already put all-words headlines first almost always
    (their multiplier is at least twice a body match's), and on the known-item benchmark the
    two-tier order scores as well as one ranking (benchmarks/README.md).  Matches and ``total`` are
    the same: the first tier's matches are matches of the whole expression (no NOT; the caller
    checks), the count is of the whole index, and a page past the first tier takes the other
    matches, so pages join up.
    """

    headlines: RankFn
    whole: RankFn
    rerank: Callable[[list[tuple[int, float]]], list[tuple[int, float]]]

    def rank(
        self, tier: str, strict: str, lean: str | None, need: int
    ) -> tuple[list[tuple[int, float]], int]:
        """The first ``need`` or more (pk, score) for ``strict`` (headline match ``tier``) and the
        count of ``lean``."""
        depth = max(need, RERANK_DEPTH)
        top = self.rerank(self.headlines(tier, depth, None, None)[0])
        if len(top) >= need:
            return top, self.whole(strict, 0, None, lean)[1]  # only counts
        rest, total = self.whole(strict, depth, {pk for pk, _ in top}, lean)
        rest = self.rerank(rest)
        if top and rest and rest[0][1] >= top[-1][1]:
            # scores stay descending across the tiers (the order is the tiers', not bm25's)
            factor = 0.5 * top[-1][1] / rest[0][1]
            rest = [(pk, score * factor) for pk, score in rest]
        return top + rest, total


def _rerank_by_headline(
    conn: Connection,
    dialect: SqlDialect,
    ranked: list[tuple[int, float]],
    query: SearchQuery,
    analyzer: SearchAnalyzer,
    headline_table: str,
) -> list[tuple[int, float]]:
    qw = analyze_query_words(query, analyzer)
    if not qw.words or len(ranked) < 2:
        return ranked
    where, params = dialect.in_list("pk", [pk for pk, _ in ranked])
    sql = f"SELECT pk, title FROM {headline_table} WHERE {where}"
    titles = {int(pk): t for pk, t in conn.execute(sql, params)}
    return rerank_hits(ranked, titles, qw, analyzer)


# -- hits and snippets ---------------------------------------------------------------------------
def load_hits(
    conn: Connection, dialect: SqlDialect, page: list[tuple[int, float]], highlighter: Highlighter
) -> tuple[Hit, ...]:
    """The page's hits in page order (an index entry without its article is skipped and logged)."""
    if not page:
        return ()
    where, params = dialect.in_list("pk", [pk for pk, _ in page])
    rows = conn.execute(
        f"SELECT pk, id, title, published, outlet, category, text FROM articles WHERE {where}", params
    ).fetchall()
    by_pk = {int(r[0]): r for r in rows}
    hits: list[Hit] = []
    for pk, score in page:
        row = by_pk.get(pk)
        if row is None:  # ``rasd reindex`` repairs
            log.warning("search index has pk %d but articles does not", pk)
            continue
        hits.append(make_hit(row, score, highlighter))
    return tuple(hits)


def make_hit(row: Sequence[Any], score: float, highlighter: Highlighter) -> Hit:
    """A hit from an ``articles`` row ``(pk, id, title, published, outlet, category, text)``: the
    snippet and highlights are offsets of the stored text."""
    pk, art_id, title, published, outlet, category, text = row
    title, text = title or "", text or ""
    title_end = len(title) if title and text.startswith(title) else 0
    title_hl = tuple((a, b) for a, b, _ in highlighter.find(text, 0, title_end))
    matches = highlighter.find(text, title_end)
    body_start = title_end
    while body_start < len(text) and text[body_start].isspace():
        body_start += 1
    s, e = choose_snippet(text, body_start, matches)
    highlights = tuple((a, b) for a, b, _ in matches if s <= a and b <= e)
    return Hit(
        int(pk), art_id, title, published, outlet, category, score, text[s:e], s, e, highlights, title_hl
    )


# -- (re)indexing --------------------------------------------------------------------------------
def rebuild_in_batches(
    rows: Iterable[tuple[int, Article]], index: Callable[[Sequence[tuple[int, Article]]], None], batch: int
) -> int:
    """Feed ``rows`` to ``index`` in batches; returns the count."""
    n = 0
    chunk: list[tuple[int, Article]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= batch:
            index(chunk)
            n += len(chunk)
            chunk = []
    if chunk:
        index(chunk)
        n += len(chunk)
    return n


def stored_articles(conn: Connection) -> Iterable[tuple[int, Article]]:
    """``(pk, Article)`` from the ``articles`` table's title and text: what the index reads (the
    headline is the text's first ``len(title)`` characters, as `rasd.document.Article.build` writes)."""
    for pk, title, text in conn.execute("SELECT pk, title, text FROM articles ORDER BY pk").fetchall():
        title, text = title or "", text or ""
        if not text.startswith(title):
            title = ""
        yield int(pk), Article(id=str(pk), text=text, title_span=Span(0, len(title), "title"))


def check_index_version(
    conn: Connection,
    dialect: SqlDialect,
    *,
    writable: bool,
    reindex: Callable[[], int],
) -> bool:
    """Compare the analyzer the index was built with to this rasd's; reindex when they differ.

    A new archive (no articles) just records the fingerprint.  An archive indexed by another analyzer
    (or before fingerprints were recorded) is reindexed with ``reindex()`` and a log line; opened
    read-only, it is left alone with a warning to run ``rasd reindex``.  Returns True when it reindexed.
    """
    current = load_search_analyzer().fingerprint
    m = dialect.mark
    stored = None
    if writable:
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {INDEX_META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
        )
    try:
        row = conn.execute(f"SELECT value FROM {INDEX_META_TABLE} WHERE key = {m}", ["analyzer"]).fetchone()
        stored = row[0] if row else None
    except Exception:  # read-only archive from before fingerprints: no table
        if writable:
            raise
    if stored == current:
        return False
    has_articles = conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None
    if stored is None and not has_articles:
        if writable:
            record_index_version(conn, dialect)
        return False
    if not writable:
        log.warning(
            "the search index was built by another analyzer (%s, this rasd: %s): run `rasd reindex`",
            stored or "unrecorded",
            current,
        )
        return False
    log.warning(
        "the search index was built by another analyzer (%s, this rasd: %s): reindexing the archive",
        stored or "unrecorded",
        current,
    )
    n = reindex()
    log.warning("reindexed %d articles", n)
    return True


def record_index_version(conn: Connection, dialect: SqlDialect) -> None:
    """Record this rasd's analyzer fingerprint as the index's (after a full rebuild)."""
    m = dialect.mark
    conn.execute(f"CREATE TABLE IF NOT EXISTS {INDEX_META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute(f"DELETE FROM {INDEX_META_TABLE} WHERE key = {m}", ["analyzer"])
    conn.execute(
        f"INSERT INTO {INDEX_META_TABLE} (key, value) VALUES ({m}, {m})",
        ["analyzer", load_search_analyzer().fingerprint],
    )
