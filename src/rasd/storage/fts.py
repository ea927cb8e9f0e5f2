"""Arabic full-text search in SQLite FTS5 over analyzed shadow text.

Python's ``sqlite3`` cannot register an FTS5 tokenizer, so each article is indexed as *shadow text*:
the output of `rasd.arabic.analyze.SearchAnalyzer` (normalized, clitic-split, stemmed, variants
folded) joined by spaces, which FTS5's ``unicode61`` tokenizer splits back into exactly those terms.
One FTS5 row per article (``rowid`` = ``articles.pk``), six columns:

=================  ===============================================  ==========================
column             content                                          used by
=================  ===============================================  ==========================
title, body        one primary stem per word (positions kept)       words, phrases, prefixes
title_alt, body_…  alternate stems of ambiguous clitics             words
title_exact, …     matching form, unstemmed                         ``--exact`` mode
=================  ===============================================  ==========================

Beside it, ``search_headlines`` (``pk`` → headline): what the headline re-rank reads, a small table
read by rowid, so that re-ranking 50 hits does not touch the ``articles`` rows (a page or more
each, scattered over a file of gigabytes at a million articles: on a cold page cache the re-rank
read ~130 KB per query from ``articles``).  It is written with the index and filled from ``articles``
when an archive made before it is opened for writing (`ensure_index_current`); a read-only archive
without it re-ranks from ``articles``.

Beside it too, ``headlines_fts``: the headline columns (title, title_alt, title_exact) indexed again on
their own, contentless (a few percent of the index: 79 MB at a million articles beside 7.25 GB).
Relevance ranking reads it first (`rasd.storage.search_backend.run_search`): the articles with every
query word in the headline are ranked there, where doclists are short, and the whole index is ranked
only when they cannot fill the page — FTS5's ``bm25()`` reads the whole doclist of every query term and
a row-size record per match, which at a million articles cost up to ~450 ms per query on a cold page
cache.  Migration 5 (`create_headline_index`) builds it for an existing archive from the shadow text
already indexed (no article is analyzed again).

A query word matches when its keys (primary + alternates) meet a document word's keys, so
``واشنطن`` finds ``لواشنطن`` and the reverse.  BM25 weighs the headline above the body, the
spelling the user typed earns a bonus (exact columns), and the top 50 hits are re-ranked in Python by
their headlines as a field of their own (`rasd.storage.search_rank`: FTS5's bm25 normalizes by the
length of the whole row, so it cannot tell a headline that is *about* the query words from one that
mentions them among twenty others).

Default semantics (``auto``): AND of the words; when that finds nothing (fewer than `RELAX_BELOW`),
the closest matches are returned instead, flagged ``SearchResult.relaxed``: the articles missing only
one word first (queries of 3–8 words), then the OR-ranked rest.  Query-tree compilation,
filters, semantics, re-ranking and hits are shared with PostgreSQL (`rasd.storage.search_backend`);
this module writes FTS5 syntax and ranks with ``bm25()``.  The user's text never
reaches SQL: the FTS5 expression is built from analyzed terms, each double-quoted, and passed as a
bound parameter, like every filter value.

Snippets are recomputed from the original ``articles.text``: the analyzer keeps token offsets, so
highlights are character ranges of the original text (diacritics, tatweel and all).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rasd.arabic.analyze import SearchAnalyzer, WordTerms, load_search_analyzer
from rasd.document import Article
from rasd.errors import QueryError
from rasd.search import Node, SearchQuery
from rasd.storage.search_backend import (
    RELAX_BELOW,
    RERANK_DEPTH,
    SQLITE,
    MatchSyntax,
    check_index_version,
    compile_expr,
    filter_sql,
    rebuild_in_batches,
    record_index_version,
    run_search,
    stored_articles,
)
from rasd.storage.search_types import Hit, SearchResult

__all__ = [
    "FTS_SCHEMA",
    "FTS_TABLE",
    "HEADLINE_FTS_TABLE",
    "HEADLINE_TABLE",
    "RELAX_BELOW",
    "RERANK_DEPTH",
    "SEARCH_SCHEMA",
    "Hit",
    "SearchResult",
    "compile_match",
    "create_headline_index",
    "delete_articles",
    "ensure_index_current",
    "index_articles",
    "rebuild_index",
    "search_articles",
]

log = logging.getLogger(__name__)

FTS_TABLE = "articles_fts"
#: ``pk`` → headline, for the re-rank (see the module docstring).
HEADLINE_TABLE = "search_headlines"
_HEADLINE_DDL = f"CREATE TABLE IF NOT EXISTS {HEADLINE_TABLE} (pk INTEGER PRIMARY KEY, title TEXT NOT NULL)"
#: The headline tier's index (see the module docstring): the headline columns of `FTS_TABLE` again,
#: contentless (the shadow text stays in `FTS_TABLE` only; a row is deleted with its indexed values,
#: read back from there).  Created by migration 5 (`create_headline_index`).
HEADLINE_FTS_TABLE = "headlines_fts"
_HEADLINE_FTS_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {HEADLINE_FTS_TABLE} USING fts5("
    "title, title_alt, title_exact, content = '', tokenize = 'unicode61 remove_diacritics 0')"
)
_HEADLINE_COLS = "title, title_alt, title_exact"
FTS_SCHEMA: tuple[str, ...] = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "title, body, title_alt, body_alt, title_exact, body_exact, "
    "tokenize = 'unicode61 remove_diacritics 0')",
    _HEADLINE_DDL,
)
#: Every search table's DDL, for a database made outside the store's migrations (3 and 5).
SEARCH_SCHEMA: tuple[str, ...] = (*FTS_SCHEMA, _HEADLINE_FTS_DDL)
#: BM25 column weights, in column order.  The headline outweighs the body 10:1 (a headline word says
#: what the article is about); an alternate stem (a guessed clitic split) counts a little less than a
#: primary; the exact columns add a bonus for the spelling the user typed.  Chosen on queries drawn with
#: another seed than the benchmark's (benchmarks/README.md); 5:1 and 15:1 headline weights score within
#: 0.01 MRR of 10:1.
BM25_WEIGHTS = (10.0, 1.0, 8.0, 0.8, 3.0, 0.3)
#: The same weights for the headline columns, in `HEADLINE_FTS_TABLE`'s column order.
HEADLINE_BM25_WEIGHTS = (10.0, 8.0, 3.0)


@dataclass(frozen=True)
class _Columns:
    """The column filters a match expression names: stems (words, prefixes), phrases, exact forms."""

    stem: str
    phrase: str
    exact: str


_ALL_COLS = _Columns("{title body title_alt body_alt}", "{title body}", "{title_exact body_exact}")
_HEADLINE_ONLY = _Columns("{title title_alt}", "{title}", "{title_exact}")
_BATCH = 500


# -- indexing ---------------------------------------------------------------------------------
def _shadow_row(analyzer: SearchAnalyzer, pk: int, article: Article) -> tuple[object, ...]:
    title = article.text[article.title_span.start : article.title_span.end]
    body = article.text[article.title_span.end :]
    t_primary, t_alt, t_exact = analyzer.index_strings(title)
    b_primary, b_alt, b_exact = analyzer.index_strings(body)
    return (pk, t_primary, b_primary, t_alt, b_alt, t_exact, b_exact)


def index_articles(conn: sqlite3.Connection, rows: Sequence[tuple[int, Article]]) -> None:
    """(Re)index articles under their ``articles.pk``; call inside the store's write transaction.

    Any previous entry for the same pk is replaced.
    """
    analyzer = load_search_analyzer()
    for i in range(0, len(rows), _BATCH):
        chunk = rows[i : i + _BATCH]
        delete_articles(conn, [pk for pk, _ in chunk])
        shadow = [_shadow_row(analyzer, pk, art) for pk, art in chunk]
        conn.executemany(
            f"INSERT INTO {FTS_TABLE}(rowid, title, body, title_alt, body_alt, title_exact, body_exact) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            shadow,
        )
        conn.executemany(
            f"INSERT INTO {HEADLINE_FTS_TABLE}(rowid, {_HEADLINE_COLS}) VALUES (?, ?, ?, ?)",
            [(r[0], r[1], r[3], r[5]) for r in shadow],
        )
        conn.executemany(
            f"INSERT INTO {HEADLINE_TABLE}(pk, title) VALUES (?, ?)",
            [(pk, art.text[art.title_span.start : art.title_span.end]) for pk, art in chunk],
        )


def delete_articles(conn: sqlite3.Connection, pks: Sequence[int]) -> None:
    """Remove articles from the index (unknown pks are ignored)."""
    for i in range(0, len(pks), _BATCH):
        chunk = [int(pk) for pk in pks[i : i + _BATCH]]
        marks = ",".join("?" * len(chunk))
        # A contentless FTS5 row is deleted by its indexed values: the same as FTS_TABLE's headline columns.
        conn.execute(
            f"INSERT INTO {HEADLINE_FTS_TABLE}({HEADLINE_FTS_TABLE}, rowid, {_HEADLINE_COLS}) "
            f"SELECT 'delete', rowid, {_HEADLINE_COLS} FROM {FTS_TABLE} WHERE rowid IN ({marks})",
            chunk,
        )
        conn.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", chunk)
        conn.execute(f"DELETE FROM {HEADLINE_TABLE} WHERE pk IN ({marks})", chunk)


def rebuild_index(conn: sqlite3.Connection, rows: Iterable[tuple[int, Article]]) -> int:
    """Drop every index entry and index ``rows`` again (``rasd reindex``); returns the count.

    Call inside a write transaction; records the analyzer the index is now built with."""
    conn.execute(f"DELETE FROM {FTS_TABLE}")
    conn.execute(f"DELETE FROM {HEADLINE_TABLE}")
    conn.execute(f"INSERT INTO {HEADLINE_FTS_TABLE}({HEADLINE_FTS_TABLE}) VALUES ('delete-all')")
    n = rebuild_in_batches(rows, lambda chunk: index_articles(conn, chunk), _BATCH)
    conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
    conn.execute(f"INSERT INTO {HEADLINE_FTS_TABLE}({HEADLINE_FTS_TABLE}) VALUES ('optimize')")
    record_index_version(conn, SQLITE)
    return n


def ensure_index_current(conn: sqlite3.Connection, *, writable: bool = True) -> bool:
    """Reindex (from the ``articles`` table, in one transaction, with a log line) when the index was
    built by another analyzer than this rasd's; see `rasd.storage.search_backend.check_index_version`.
    """

    def reindex() -> int:
        conn.execute("BEGIN IMMEDIATE")
        try:
            n = rebuild_index(conn, stored_articles(conn))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return n

    if writable:
        conn.execute(_HEADLINE_DDL)
    done = check_index_version(conn, SQLITE, writable=writable, reindex=reindex)
    if writable and not done:
        fill_headlines(conn)
    return done


def fill_headlines(conn: sqlite3.Connection) -> int:
    """Fill an empty headline table from ``articles.title`` (an archive indexed before the table
    existed); returns the number of rows written (0 when it was not empty or there are no articles)."""
    if conn.execute(f"SELECT 1 FROM {HEADLINE_TABLE} LIMIT 1").fetchone() is not None:
        return 0
    if conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None:
        return 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        cur = conn.execute(
            f"INSERT INTO {HEADLINE_TABLE}(pk, title) SELECT pk, coalesce(title, '') FROM articles"
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    log.warning("filled the search headline table (%d headlines)", cur.rowcount)
    return int(cur.rowcount)


def create_headline_index(conn: sqlite3.Connection) -> None:
    """Migration 5: create `HEADLINE_FTS_TABLE` and fill it from `FTS_TABLE`'s headline columns (the
    shadow text already indexed there, so no article is analyzed again; ~1 minute at a million
    articles).  Runs inside the migration's transaction; a table left by an earlier try is replaced."""
    conn.execute(f"DROP TABLE IF EXISTS {HEADLINE_FTS_TABLE}")
    conn.execute(_HEADLINE_FTS_DDL)
    n = conn.execute(f"SELECT count(*) FROM {FTS_TABLE}_content").fetchone()[0]
    if n:
        log.warning("building the headline search index for %d articles (once, on upgrade)", n)
    conn.execute(
        f"INSERT INTO {HEADLINE_FTS_TABLE}(rowid, {_HEADLINE_COLS}) SELECT id, c0, c2, c4 FROM {FTS_TABLE}_content"
    )
    if n:
        conn.execute(f"INSERT INTO {HEADLINE_FTS_TABLE}({HEADLINE_FTS_TABLE}) VALUES ('optimize')")
        log.warning("built the headline search index")


# -- query compilation (pure) -------------------------------------------------------------------
def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _word_clause(w: WordTerms, exact: bool, bonus: bool = True, cols: _Columns = _ALL_COLS) -> str:
    if exact:
        return f"{cols.exact} : {_quote(w.exact)}"
    # Keys meet when the query's primary is among the document word's keys or the document's primary
    # is among the query's alternates (two guessed splits meeting, ``بقاء``/``لقاء`` → ``قاء``, do not).
    # The exact form is OR-ed in: it matches nothing the stems do not (same word, same keys), but
    # BM25 then ranks the spelling the user typed above other forms of the stem.
    inner = f"{cols.stem} : {_quote(w.primary)}"
    if w.alternates:
        inner += f" OR {cols.phrase} : (" + " OR ".join(_quote(k) for k in w.alternates) + ")"
    if not bonus:
        return f"({inner})"
    return f"({inner} OR {cols.exact} : {_quote(w.exact)})"


def _prefix_clause(
    keys: tuple[str, ...], exact_key: str, exact: bool, cols: _Columns = _ALL_COLS
) -> str | None:
    if exact:
        return f"{cols.exact} : {_quote(exact_key)} *"
    inner = " OR ".join(f"{_quote(k)} *" for k in keys)
    return f"{cols.stem} : ({inner})" if inner else None


def _phrase_clause(words: list[WordTerms], exact: bool, cols: _Columns = _ALL_COLS) -> str:
    if exact:
        return f"{cols.exact} : " + _quote(" ".join(w.exact for w in words))
    return f"{cols.phrase} : " + _quote(" ".join(w.primary for w in words))


def _syntax(bonus: bool, cols: _Columns) -> MatchSyntax:
    return MatchSyntax(
        word=lambda w, exact: _word_clause(w, exact, bonus, cols),
        prefix=lambda keys, exact_key, exact: _prefix_clause(keys, exact_key, exact, cols),
        phrase=lambda words, exact: _phrase_clause(words, exact, cols),
        and_=" AND ",
        or_=" OR ",
        exclude=lambda out, negatives: f"{out} NOT (" + " OR ".join(negatives) + ")",
    )


_BONUS, _LEAN = _syntax(True, _ALL_COLS), _syntax(False, _ALL_COLS)
_HEADLINE_BONUS = _syntax(True, _HEADLINE_ONLY)


def compile_match(
    expr: Node,
    analyzer: SearchAnalyzer,
    *,
    exact: bool = False,
    relaxed: bool = False,
    bonus: bool = True,
    headline: bool = False,
    missing: int = 0,
) -> str | None:
    """The FTS5 MATCH expression for ``expr`` (``None`` when only stop words remain).

    ``relaxed`` turns the top-level AND into OR and ``missing`` lets that many of its parts be absent
    (for the fallback, `rasd.storage.search_backend.compile_expr`); ``bonus=False`` leaves out the
    exact-form alternatives, which change the ranking but not the set of matches (used for counting);
    ``headline=True`` names the headline columns only (for `HEADLINE_FTS_TABLE`; its matches are
    matches of the full expression as long as ``expr`` has no NOT, which the caller checks).
    Pure: testable without SQLite.

    >>> from rasd.search import parse_query
    >>> compile_match(parse_query("لواشنطن").expr, load_search_analyzer())
    '({title body title_alt body_alt} : "لواشنطن" OR {title body} : ("واشنطن") OR {title_exact body_exact} : "لواشنطن")'
    """
    syntax = _HEADLINE_BONUS if headline else _BONUS if bonus else _LEAN
    return compile_expr(expr, analyzer, syntax, exact=exact, relaxed=relaxed, missing=missing)


# -- search ------------------------------------------------------------------------------------
def _rank_rows(
    conn: sqlite3.Connection,
    match: str,
    query: SearchQuery,
    n: int,
    *,
    exclude: set[int] | None = None,
    count_match: str | None = None,
    table: str = FTS_TABLE,
    weights: tuple[float, ...] = BM25_WEIGHTS,
) -> tuple[list[tuple[int, float]], int]:
    """Top ``n`` (pk, score) for ``match`` in ``table`` and, given ``count_match`` (an expression with
    the same matches, cheaper to evaluate), the number of matches (else -1).  ``n = 0`` only counts.

    Everything reaches SQLite as bound parameters."""
    if query.sort == "date":
        return _rank_by_date(conn, match, query, n, exclude=exclude, count_match=count_match, table=table)
    where, params = filter_sql(query, SQLITE)
    weight_list = ", ".join(str(w) for w in weights)
    join = f"JOIN articles a ON a.pk = {table}.rowid" if where else ""
    extra = len(exclude) if exclude else 0
    sql = (
        f"SELECT {table}.rowid, bm25({table}, {weight_list}) AS score FROM {table} {join} "
        f"WHERE {table} MATCH ?{where} ORDER BY score LIMIT ?"
    )
    try:
        rows = conn.execute(sql, [match, *params, n + extra]).fetchall() if n > 0 else []
        total = -1
        if count_match is not None and not exclude and len(rows) < n:
            total = len(rows)  # everything that matches is already here
        elif count_match is not None:
            count_sql = f"SELECT count(*) FROM {table} {join} WHERE {table} MATCH ?{where}"
            total = int(conn.execute(count_sql, [count_match, *params]).fetchone()[0])
    except sqlite3.OperationalError as exc:  # a bug in compilation, never the user's text
        log.error("FTS5 rejected %r: %s", match, exc)
        raise QueryError("the search index could not run this query") from exc
    out = [(int(pk), -float(score)) for pk, score in rows if not exclude or int(pk) not in exclude]
    return out[:n], total


#: Date order walks the ``published`` index newest first when the matches are dense enough:
#: ``count² × DATE_SCAN_RATIO ≥ rows wanted × archive size``.  Walking costs one small index entry per
#: article passed, looking matches up one table row per match (rows of kilobytes, scattered); at
#: 1M articles the two cross near 600 matches for a page of 10 (benchmarks/README.md, date order).
DATE_SCAN_RATIO = 30


def _rank_by_date(
    conn: sqlite3.Connection,
    match: str,
    query: SearchQuery,
    n: int,
    *,
    exclude: set[int] | None,
    count_match: str | None,
    table: str = FTS_TABLE,
) -> tuple[list[tuple[int, float]], int]:
    """`_rank_rows` for newest-first order (ties: the later stored first), without ranking every match.

    ``bm25()`` over all matches read the whole doclist of every term and a size record per match
    (p95 0.13–0.6 s at 1M articles); here the matches are only looked up for their dates, or — when they
    are many — the ``published`` index is walked until the page is full.  Hits in date order carry
    no relevance score (0.0), as in Elasticsearch's field sorts: FTS5's ``bm25()`` counts every
    phrase's documents over its whole doclist even for one row, which is the cost avoided here."""
    where, params = filter_sql(query, SQLITE)
    match = count_match or match  # the exact-form alternatives only rank; here nothing is ranked
    extra = len(exclude) if exclude else 0
    want = n + extra
    matches = f"a.pk IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)"
    order = "ORDER BY a.published DESC, a.pk DESC LIMIT ?"
    try:
        total = -1
        if count_match is not None:
            count_sql = (
                f"SELECT count(*) FROM articles a WHERE {matches}{where}"
                if where  # the filters need the articles' columns; else the index alone counts
                else f"SELECT count(*) FROM {table} WHERE {table} MATCH ?"
            )
            total = int(conn.execute(count_sql, [count_match, *params]).fetchone()[0])
        rows: list[tuple[int]] = []
        if n > 0 and total != 0:
            size = conn.execute("SELECT max(pk) FROM articles").fetchone()[0] or 0
            dense = total > 0 and total * total * DATE_SCAN_RATIO >= want * size
            if (
                dense
                and conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'articles_published'"
                ).fetchone()
            ):
                # newest first along the index; articles without a date come last, so a short
                # walk falls through to the lookup below
                rows = conn.execute(
                    f"SELECT a.pk FROM articles a INDEXED BY articles_published "
                    f"WHERE a.published IS NOT NULL AND {matches}{where} {order}",
                    [match, *params, want],
                ).fetchall()
            if len(rows) < want:
                rows = conn.execute(
                    f"SELECT a.pk FROM articles a WHERE {matches}{where} {order}", [match, *params, want]
                ).fetchall()
        pks = [int(r[0]) for r in rows if not exclude or int(r[0]) not in exclude][:n]
    except sqlite3.OperationalError as exc:  # a bug in compilation, never the user's text
        log.error("FTS5 rejected %r: %s", match, exc)
        raise QueryError("the search index could not run this query") from exc
    return [(pk, 0.0) for pk in pks], total


def search_articles(conn: sqlite3.Connection, query: SearchQuery) -> SearchResult:
    """Run ``query`` against the index and the ``articles`` table (see
    `rasd.storage.search_backend.run_search` for the semantics)."""

    def rank(
        match: str, n: int, exclude: set[int] | None, count_match: str | None
    ) -> tuple[list[tuple[int, float]], int]:
        return _rank_rows(conn, match, query, n, exclude=exclude, count_match=count_match)

    def rank_headlines(
        match: str, n: int, exclude: set[int] | None, count_match: str | None
    ) -> tuple[list[tuple[int, float]], int]:
        return _rank_rows(
            conn,
            match,
            query,
            n,
            exclude=exclude,
            count_match=count_match,
            table=HEADLINE_FTS_TABLE,
            weights=HEADLINE_BM25_WEIGHTS,
        )

    tables = {
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)",
            [HEADLINE_TABLE, HEADLINE_FTS_TABLE],
        )
    }
    return run_search(
        conn,
        query,
        SQLITE,
        compile_match,
        rank,
        HEADLINE_TABLE if HEADLINE_TABLE in tables else "articles",
        rank_headlines if HEADLINE_FTS_TABLE in tables else None,
    )
