"""Arabic full-text search on PostgreSQL: ``tsvector`` over the search analyzer's terms.

The PostgreSQL twin of `rasd.storage.fts` (same analyzer, same query language, same `SearchResult`;
query-tree compilation, filters, semantics, headline re-ranking and hits are shared code in
`rasd.storage.search_backend`).
PostgreSQL's own parsers and dictionaries are not used at all: each article's terms come from
`rasd.arabic.analyze.SearchAnalyzer` and are written as a ``tsvector`` literal; queries are compiled
from the parsed `rasd.search` tree into a ``tsquery`` literal (every term quoted, passed as a bound
parameter and cast with ``::tsquery``, so no dictionary or parser touches it).

One ``search_docs`` row per article, two vectors:

=========  ==========================================================  =========================
column     lexemes (weight)                                            used by
=========  ==========================================================  =========================
stems      primary stems: title (A), body (D);                         words, phrases, prefixes
           ``~`` + alternate stems: title (B), body (C)
exact      matching forms, unstemmed: title (A), body (D)              ``--exact`` mode
=========  ==========================================================  =========================

Alternate stems (guessed clitic splits) are separate lexemes marked ``~``, so every match is decided
by the GIN index alone (no weight rechecks): a query word's primary meets a document word's primary
or alternate (``'واشنطن' | '~واشنطن'``, so ``واشنطن`` finds ``لواشنطن``), its alternates meet
primaries only, phrases use primaries only (``'a' <-> 'b'``), as in FTS5.  Body positions start
after a gap so a phrase never spans headline and body.  Ranking is ``ts_rank`` with the FTS5 column weights
(headline 5, alternates 4/0.8, body 1), so scores differ in scale from SQLite's BM25 but order hits
in the same spirit.  PostgreSQL keeps positions up to 16,383: words after that are not indexed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import psycopg

from rasd.arabic.analyze import SearchAnalyzer, WordTerms, load_search_analyzer
from rasd.arabic.tokenize import tokenize_ar
from rasd.document import Article
from rasd.errors import QueryError
from rasd.search import Node, SearchQuery
from rasd.storage.search_backend import (
    POSTGRES,
    MatchSyntax,
    check_index_version,
    compile_expr,
    filter_sql,
    rebuild_in_batches,
    record_index_version,
    run_search,
    stored_articles,
)
from rasd.storage.search_types import SearchResult

__all__ = [
    "compile_tsquery",
    "document_vectors",
    "ensure_index_current",
    "index_articles",
    "rebuild_index",
    "search_articles",
]

ALT_MARK = "~"  # prefix of alternate-stem lexemes (the analyzer never yields it)
MAX_POSITION = 16383  # PostgreSQL's limit for tsvector positions
MAX_POSITIONS_PER_LEXEME = 255
MAX_LEXEME_CHARS = 250  # PostgreSQL refuses lexemes over 2047 bytes
_BODY_GAP = 2
#: ts_rank weights in PostgreSQL's order {D, C, B, A}: body, body alternates, title alternates, title
#: (FTS5's 1, 0.8, 4, 5 scaled into PostgreSQL's 0..1 range)
RANK_WEIGHTS = "{0.2, 0.16, 0.8, 1.0}"
_UPSERT = (
    "INSERT INTO search_docs (article_pk, stems, exact) VALUES (%s, %s::tsvector, %s::tsvector)"
    " ON CONFLICT (article_pk) DO UPDATE SET stems = EXCLUDED.stems, exact = EXCLUDED.exact"
)
_BATCH = 500


# -- indexing ---------------------------------------------------------------------------------
def _quote(term: str) -> str:
    """A lexeme in ``tsvector``/``tsquery`` literal syntax.

    >>> _quote("it's")
    "'it''s'"
    """
    if "'" in term or "\\" in term:
        term = term.replace("\\", "\\\\").replace("'", "''")
    return "'" + term + "'"


def _literal(lexemes: dict[str, list[str]]) -> str:
    return " ".join(
        f"{_quote(t)}:{','.join(p[:MAX_POSITIONS_PER_LEXEME])}"
        for t, p in lexemes.items()
        if 0 < len(t) <= MAX_LEXEME_CHARS
    )


def document_vectors(analyzer: SearchAnalyzer, article: Article) -> tuple[str, str]:
    """``(stems, exact)`` tsvector literals for one article.

    >>> a = Article.build("لواشنطن", ["الحكومة"])
    >>> document_vectors(load_search_analyzer(), a)
    ("'لواشنطن':1A '~واشنطن':1B 'حكوم':3D", "'لواشنطن':1A 'الحكومه':3D")
    """
    text = article.text
    title_end = article.title_span.end
    stems: dict[str, list[str]] = {}
    exact: dict[str, list[str]] = {}
    analyze = analyzer.analyze_word
    position = 0
    segments = ((text[article.title_span.start : title_end], "A", "B"), (text[title_end:], "D", "C"))
    for segment, weight, alt_weight in segments:
        for tok in tokenize_ar(segment):
            if tok.kind == "punct":
                continue
            res = analyze(tok.text, tok.kind)
            if res is None:
                continue
            position += 1
            if position > MAX_POSITION:
                break
            at = str(position)
            stems.setdefault(res[0], []).append(at + weight)
            for alt in res[1]:
                stems.setdefault(ALT_MARK + alt, []).append(at + alt_weight)
            exact.setdefault(res[2], []).append(at + weight)
        position += _BODY_GAP - 1
    return _literal(stems), _literal(exact)


def index_articles(conn: psycopg.Connection[Any], rows: Sequence[tuple[int, Article]]) -> None:
    """(Re)index articles under their ``articles.pk``; call inside the store's write transaction."""
    analyzer = load_search_analyzer()
    with conn.cursor() as cur:
        for i in range(0, len(rows), _BATCH):
            chunk = rows[i : i + _BATCH]
            cur.executemany(_UPSERT, [(pk, *document_vectors(analyzer, art)) for pk, art in chunk])


def rebuild_index(conn: psycopg.Connection[Any], rows: Iterable[tuple[int, Article]]) -> int:
    """Drop every index entry and index ``rows`` again (``rasd reindex``); returns the count.

    Call inside a transaction; records the analyzer the index is now built with."""
    conn.execute("DELETE FROM search_docs")
    n = rebuild_in_batches(rows, lambda chunk: index_articles(conn, chunk), _BATCH)
    record_index_version(conn, POSTGRES)
    return n


def ensure_index_current(conn: psycopg.Connection[Any], *, writable: bool = True) -> bool:
    """Reindex (from the ``articles`` table, in one transaction, with a log line) when the index was
    built by another analyzer than this rasd's; see `rasd.storage.search_backend.check_index_version`.
    """

    def reindex() -> int:
        with conn.transaction():
            return rebuild_index(conn, stored_articles(conn))

    return check_index_version(conn, POSTGRES, writable=writable, reindex=reindex)


# -- query compilation (pure) -------------------------------------------------------------------
def _word_clause(w: WordTerms, exact: bool) -> str:
    """As FTS5: the query's primary meets any key of a document word (primary or alternate); the
    query's alternates meet only document primaries (two guessed clitic splits do not meet)."""
    if exact:
        return _quote(w.exact)
    alternates = [k for k in dict.fromkeys(w.alternates) if k != w.primary]
    return "(" + " | ".join([_quote(w.primary), _quote(ALT_MARK + w.primary), *map(_quote, alternates)]) + ")"


def _prefix_clause(keys: tuple[str, ...], exact_key: str, exact: bool) -> str | None:
    if exact:
        return _quote(exact_key) + ":*"
    if not keys:
        return None
    parts = [_quote(k) + ":*" for k in dict.fromkeys([*keys, *(ALT_MARK + k for k in keys)])]
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


def _phrase_clause(words: list[WordTerms], exact: bool) -> str:
    if exact:
        return "(" + " <-> ".join(_quote(w.exact) for w in words) + ")"
    return "(" + " <-> ".join(_quote(w.primary) for w in words) + ")"


def _exclude(out: str, negatives: list[str]) -> str:
    excluded = negatives[0] if len(negatives) == 1 else "(" + " | ".join(negatives) + ")"
    return f"{out} & !{excluded}"


_SYNTAX = MatchSyntax(
    word=_word_clause, prefix=_prefix_clause, phrase=_phrase_clause, and_=" & ", or_=" | ", exclude=_exclude
)


def compile_tsquery(
    expr: Node,
    analyzer: SearchAnalyzer,
    *,
    exact: bool = False,
    relaxed: bool = False,
    bonus: bool = True,
    missing: int = 0,
) -> str | None:
    """The ``tsquery`` literal for ``expr`` (``None`` when only stop words remain).

    Same rules as `rasd.storage.fts.compile_match`; ``relaxed`` turns the top-level AND into OR;
    ``bonus`` is accepted for the shared driver and changes nothing (``ts_rank`` has no exact bonus).

    >>> from rasd.search import parse_query
    >>> compile_tsquery(parse_query('لواشنطن -موسكو').expr, load_search_analyzer())
    "('لواشنطن' | '~لواشنطن' | 'واشنطن') & !('موسكو' | '~موسكو')"
    """
    return compile_expr(expr, analyzer, _SYNTAX, exact=exact, relaxed=relaxed, missing=missing)


# -- search ------------------------------------------------------------------------------------
def _rank_rows(
    conn: psycopg.Connection[Any],
    tsquery: str,
    query: SearchQuery,
    n: int,
    *,
    exclude: set[int] | None = None,
    count: bool = True,
) -> tuple[list[tuple[int, float]], int]:
    """Top ``n`` (pk, score) for ``tsquery`` and, with ``count``, the number of matches (else -1)."""
    where, params = filter_sql(query, POSTGRES)
    column = "exact" if query.exact else "stems"
    order = (
        "a.published DESC NULLS LAST, score DESC, s.article_pk"
        if query.sort == "date"
        else "score DESC, s.article_pk"
    )
    extra = len(exclude) if exclude else 0
    join = " JOIN articles a ON a.pk = s.article_pk" if where or query.sort == "date" else ""
    base = f"FROM search_docs s{join} WHERE s.{column} @@ %s::tsquery{where}"
    try:
        rows = conn.execute(
            f"SELECT s.article_pk, ts_rank('{RANK_WEIGHTS}', s.{column}, %s::tsquery, 1) AS score"
            f" {base} ORDER BY {order} LIMIT %s",
            [tsquery, tsquery, *params, n + extra],
        ).fetchall()
        total_row = conn.execute(f"SELECT count(*) {base}", [tsquery, *params]).fetchone() if count else None
    except psycopg.errors.SyntaxError as exc:  # a bug in compilation, never the user's text
        raise QueryError("the search index could not run this query") from exc
    total = int(total_row[0]) if total_row else -1
    out = [(int(pk), float(score)) for pk, score in rows if not exclude or int(pk) not in exclude]
    return out[:n], total


def search_articles(conn: psycopg.Connection[Any], query: SearchQuery) -> SearchResult:
    """Run ``query`` (semantics: `rasd.storage.search_backend.run_search`, as in SQLite).

    The queries run in one read transaction with sequential scans discouraged: the planner does not
    see that ``@@`` on a scanned row means de-TOASTing its vector, and picks a full scan (about ten
    times slower than the GIN index) for words in a tenth of the archive.
    """
    with conn.transaction():
        conn.execute("SET LOCAL enable_seqscan = off")
        return _search(conn, query)


def _search(conn: psycopg.Connection[Any], query: SearchQuery) -> SearchResult:
    def rank(
        match: str, n: int, exclude: set[int] | None, count_match: str | None
    ) -> tuple[list[tuple[int, float]], int]:
        return _rank_rows(conn, match, query, n, exclude=exclude, count=count_match is not None)

    return run_search(conn, query, POSTGRES, compile_tsquery, rank)
