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

A query word matches when its keys (primary + alternates) meet a document word's keys, so
``واشنطن`` finds ``لواشنطن`` and the reverse.  BM25 weighs the headline above the body, the
spelling the user typed earns a bonus (exact columns), and the top 50 hits are re-ranked in Python by
their headlines as a field of their own (`rasd.storage.search_rank`: FTS5's bm25 normalizes by the
length of the whole row, so it cannot tell a headline that is *about* the query words from one that
mentions them among twenty others).

Default semantics (``auto``): AND of the words; when that finds nothing (fewer than `RELAX_BELOW`),
the OR-ranked hits are returned instead, flagged ``SearchResult.relaxed``.  The user's text never
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
from datetime import timedelta

from rasd.arabic.analyze import SearchAnalyzer, WordTerms, load_search_analyzer
from rasd.document import Article
from rasd.errors import QueryError
from rasd.search import (
    Node,
    Not,
    Or,
    Phrase,
    SearchQuery,
    Term,
    is_plain_conjunction,
    positive_terms,
)
from rasd.storage.fts_snippets import Highlighter, choose_snippet, make_highlighter
from rasd.storage.search_rank import analyze_query_words, rerank_hits

__all__ = [
    "FTS_SCHEMA",
    "FTS_TABLE",
    "Hit",
    "SearchResult",
    "compile_match",
    "delete_articles",
    "index_articles",
    "rebuild_index",
    "search_articles",
]

log = logging.getLogger(__name__)

FTS_TABLE = "articles_fts"
FTS_SCHEMA: tuple[str, ...] = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "title, body, title_alt, body_alt, title_exact, body_exact, "
    "tokenize = 'unicode61 remove_diacritics 0')",
)
#: BM25 column weights, in column order.  The headline outweighs the body 10:1 (a headline word says
#: what the article is about); an alternate stem (a guessed clitic split) counts a little less than a
#: primary; the exact columns add a bonus for the spelling the user typed.  Chosen on queries drawn with
#: another seed than the benchmark's (benchmarks/README.md); 5:1 and 15:1 headline weights score within
#: 0.01 MRR of 10:1.
BM25_WEIGHTS = (10.0, 1.0, 8.0, 0.8, 3.0, 0.3)
#: ``auto`` semantics relax AND to OR-ranked only when AND finds fewer articles than this.  1 = only
#: when AND finds nothing: the OR query ranks every article with any of the words, which doubles the
#: latency, and on the benchmark relaxing below 3 or below a full page gained no MRR (see
#: benchmarks/README.md).
RELAX_BELOW = 1
#: Relevance ranking re-scores the top `RERANK_DEPTH` BM25 hits by their headlines (coverage, typed
#: form, word order: `rasd.storage.search_rank`).  It costs the same at any archive size (unlike an
#: FTS5 NEAR clause, which tripled the ranking cost); depth 100 scores within 0.0003 MRR of 50.
RERANK_DEPTH = 50
_STEM_COLS = "{title body title_alt body_alt}"
_PHRASE_COLS = "{title body}"
_EXACT_COLS = "{title_exact body_exact}"
_BATCH = 500


@dataclass(frozen=True)
class Hit:
    """One search hit.  ``snippet`` = ``text[snippet_start:snippet_end]`` of the stored article;
    ``highlights`` and ``title_highlights`` are ``(start, end)`` ranges of that same text."""

    pk: int
    id: str
    title: str
    published: str | None
    outlet: str | None
    category: str | None
    score: float
    snippet: str
    snippet_start: int
    snippet_end: int
    highlights: tuple[tuple[int, int], ...]
    title_highlights: tuple[tuple[int, int], ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "category": self.category,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "snippet_start": self.snippet_start,
            "snippet_end": self.snippet_end,
            "highlights": [list(h) for h in self.highlights],
            "title_highlights": [list(h) for h in self.title_highlights],
        }


@dataclass(frozen=True)
class SearchResult:
    """A page of hits, the total number of matching articles, and whether OR relaxation was used."""

    query: SearchQuery
    hits: tuple[Hit, ...]
    total: int
    relaxed: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "query": self.query.text,
            "total": self.total,
            "relaxed": self.relaxed,
            "offset": self.query.offset,
            "limit": self.query.limit,
            "hits": [h.to_dict() for h in self.hits],
        }


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
        conn.executemany(
            f"INSERT INTO {FTS_TABLE}(rowid, title, body, title_alt, body_alt, title_exact, body_exact) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [_shadow_row(analyzer, pk, art) for pk, art in chunk],
        )


def delete_articles(conn: sqlite3.Connection, pks: Sequence[int]) -> None:
    """Remove articles from the index (unknown pks are ignored)."""
    for i in range(0, len(pks), _BATCH):
        chunk = [int(pk) for pk in pks[i : i + _BATCH]]
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", chunk)


def rebuild_index(conn: sqlite3.Connection, rows: Iterable[tuple[int, Article]]) -> int:
    """Drop every index entry and index ``rows`` again (``rasd reindex``); returns the count."""
    conn.execute(f"DELETE FROM {FTS_TABLE}")
    n = 0
    batch: list[tuple[int, Article]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _BATCH:
            index_articles(conn, batch)
            n += len(batch)
            batch = []
    if batch:
        index_articles(conn, batch)
        n += len(batch)
    conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
    return n


# -- query compilation (pure) -------------------------------------------------------------------
def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _word_clause(w: WordTerms, exact: bool, bonus: bool = True) -> str:
    if exact:
        return f"{_EXACT_COLS} : {_quote(w.exact)}"
    # Keys meet when the query's primary is among the document word's keys or the document's primary
    # is among the query's alternates (two guessed splits meeting, ``بقاء``/``لقاء`` → ``قاء``, do not).
    # The exact form is OR-ed in: it matches nothing the stems do not (same word, same keys), but
    # BM25 then ranks the spelling the user typed above other forms of the stem.
    inner = f"{_STEM_COLS} : {_quote(w.primary)}"
    if w.alternates:
        inner += f" OR {_PHRASE_COLS} : (" + " OR ".join(_quote(k) for k in w.alternates) + ")"
    if not bonus:
        return f"({inner})"
    return f"({inner} OR {_EXACT_COLS} : {_quote(w.exact)})"


def _term_clause(term: Term, analyzer: SearchAnalyzer, exact: bool, bonus: bool = True) -> str | None:
    words = analyzer.analyze_text(term.text)
    clauses: list[str] = []
    if term.prefix:
        # The last word is the prefix; stop words are not dropped from a prefix.
        from rasd.arabic.tokenize import tokenize_ar

        toks = [t for t in tokenize_ar(term.text) if t.kind != "punct"]
        if not toks:
            return None
        last = toks[-1]
        words = [w for w in words if w.end <= last.start]
        keys, exact_key = analyzer.prefix_keys(last.text)
        if len(exact_key) >= 2:
            if exact:
                clauses.append(f"{_EXACT_COLS} : {_quote(exact_key)} *")
            else:
                inner = " OR ".join(f"{_quote(k)} *" for k in keys if len(k) >= 2)
                if inner:
                    clauses.append(f"{_STEM_COLS} : ({inner})")
    clauses = [_word_clause(w, exact, bonus) for w in words] + clauses
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else "(" + " AND ".join(clauses) + ")"


def _phrase_clause(phrase: Phrase, analyzer: SearchAnalyzer, exact: bool, bonus: bool = True) -> str | None:
    words = analyzer.analyze_text(" ".join(phrase.words))
    if not words:
        return None
    if len(words) == 1:
        return _word_clause(words[0], exact, bonus)
    if exact:
        return f"{_EXACT_COLS} : " + _quote(" ".join(w.exact for w in words))
    return f"{_PHRASE_COLS} : " + _quote(" ".join(w.primary for w in words))


def compile_match(
    expr: Node, analyzer: SearchAnalyzer, *, exact: bool = False, relaxed: bool = False, bonus: bool = True
) -> str | None:
    """The FTS5 MATCH expression for ``expr`` (``None`` when only stop words remain).

    ``relaxed`` turns the top-level AND into OR (for the fallback); ``bonus=False`` leaves out the
    exact-form alternatives, which change the ranking but not the set of matches (used for counting).
    Pure: testable without SQLite.

    >>> from rasd.search import parse_query
    >>> compile_match(parse_query("لواشنطن").expr, load_search_analyzer())
    '({title body title_alt body_alt} : "لواشنطن" OR {title body} : ("واشنطن") OR {title_exact body_exact} : "لواشنطن")'
    """
    if isinstance(expr, Term):
        return _term_clause(expr, analyzer, exact, bonus)
    if isinstance(expr, Phrase):
        return _phrase_clause(expr, analyzer, exact, bonus)
    if isinstance(expr, Not):
        raise QueryError("a query needs at least one word to find, not only words to exclude")
    if isinstance(expr, Or):
        parts: list[str] = []
        for child in expr.children:
            if isinstance(child, Not):
                raise QueryError("NOT cannot be one side of OR; write: word1 OR word2 -word3")
            sub = compile_match(child, analyzer, exact=exact, bonus=bonus)
            if sub is not None:
                parts.append(sub)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"
    positives: list[str] = []
    negatives: list[str] = []
    for child in expr.children:
        if isinstance(child, Not):
            sub = compile_match(child.child, analyzer, exact=exact, bonus=bonus)
            if sub is not None:
                negatives.append(sub)
        else:
            sub = compile_match(child, analyzer, exact=exact, bonus=bonus)
            if sub is not None:
                positives.append(sub)
    if not positives:
        if negatives:
            raise QueryError("a query needs at least one word to find, not only words to exclude")
        return None
    joiner = " OR " if relaxed else " AND "
    out = positives[0] if len(positives) == 1 else "(" + joiner.join(positives) + ")"
    if negatives:
        out = f"{out} NOT (" + " OR ".join(negatives) + ")"
    return out


# -- search ------------------------------------------------------------------------------------
def _filter_sql(query: SearchQuery) -> tuple[str, list[object]]:
    where: list[str] = []
    params: list[object] = []
    if query.date_from:
        where.append("a.published >= ?")
        params.append(query.date_from.isoformat())
    if query.date_to:
        where.append("a.published < ?")
        params.append((query.date_to + timedelta(days=1)).isoformat())
    if query.outlets:
        where.append("a.outlet IN (" + ",".join("?" * len(query.outlets)) + ")")
        params.extend(query.outlets)
    if query.categories:
        where.append("a.category IN (" + ",".join("?" * len(query.categories)) + ")")
        params.extend(query.categories)
    for f in query.filters:
        raise QueryError(f"this archive cannot filter by {f.field!r} yet")
    return "".join(" AND " + w for w in where), params


def _rank_rows(
    conn: sqlite3.Connection,
    match: str,
    query: SearchQuery,
    n: int,
    *,
    exclude: set[int] | None = None,
    count_match: str | None = None,
) -> tuple[list[tuple[int, float]], int]:
    """Top ``n`` (pk, score) for ``match`` and, given ``count_match`` (an expression with the same
    matches, cheaper to evaluate), the number of matches (else -1).

    Everything reaches SQLite as bound parameters."""
    where, params = _filter_sql(query)
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    join = f"JOIN articles a ON a.pk = {FTS_TABLE}.rowid" if where or query.sort == "date" else ""
    order = "a.published DESC, score" if query.sort == "date" else "score"
    extra = len(exclude) if exclude else 0
    sql = (
        f"SELECT {FTS_TABLE}.rowid, bm25({FTS_TABLE}, {weights}) AS score FROM {FTS_TABLE} {join} "
        f"WHERE {FTS_TABLE} MATCH ?{where} ORDER BY {order} LIMIT ?"
    )
    try:
        rows = conn.execute(sql, [match, *params, n + extra]).fetchall()
        total = -1
        if count_match is not None and not exclude and len(rows) < n:
            total = len(rows)  # everything that matches is already here
        elif count_match is not None:
            count_sql = f"SELECT count(*) FROM {FTS_TABLE} {join} WHERE {FTS_TABLE} MATCH ?{where}"
            total = int(conn.execute(count_sql, [count_match, *params]).fetchone()[0])
    except sqlite3.OperationalError as exc:  # a bug in compilation, never the user's text
        log.error("FTS5 rejected %r: %s", match, exc)
        raise QueryError("the search index could not run this query") from exc
    out = [(int(pk), -float(score)) for pk, score in rows if not exclude or int(pk) not in exclude]
    return out[:n], total


def search_articles(conn: sqlite3.Connection, query: SearchQuery) -> SearchResult:
    """Run ``query`` against the index and the ``articles`` table.

    ``auto`` semantics: AND, then OR-ranked hits when AND finds fewer than `RELAX_BELOW` articles;
    ``total`` still counts the articles with all the words (the relaxed hits are extras).
    """
    analyzer = load_search_analyzer()
    strict = compile_match(query.expr, analyzer, exact=query.exact)
    if strict is None:
        return SearchResult(query, (), 0)
    highlighter = make_highlighter(query, analyzer)
    need = query.offset + query.limit
    plain = is_plain_conjunction(query.expr) and len(positive_terms(query.expr)) > 1
    relaxed_match = compile_match(query.expr, analyzer, exact=query.exact, relaxed=True) if plain else None
    relaxed = False
    if query.semantics == "or" and relaxed_match is not None:
        lean = compile_match(query.expr, analyzer, exact=query.exact, relaxed=True, bonus=False)
        ranked, total = _rank_rows(conn, relaxed_match, query, need, count_match=lean)
    else:
        lean = compile_match(query.expr, analyzer, exact=query.exact, bonus=False)
        depth = max(need, RERANK_DEPTH) if query.sort == "relevance" else need
        ranked, total = _rank_rows(conn, strict, query, depth, count_match=lean)
        if query.sort == "relevance":
            ranked = _rerank_by_headline(conn, ranked, query, analyzer)
        if query.semantics == "auto" and relaxed_match is not None and total < min(need, RELAX_BELOW):
            seen = {pk for pk, _ in ranked}
            more, _ = _rank_rows(conn, relaxed_match, query, need - len(ranked), exclude=seen)
            if more:
                relaxed = True
                ranked.extend(more)
    page = ranked[query.offset : need]
    hits = _load_hits(conn, page, highlighter)
    return SearchResult(query, hits, total, relaxed)


def _rerank_by_headline(
    conn: sqlite3.Connection, ranked: list[tuple[int, float]], query: SearchQuery, analyzer: SearchAnalyzer
) -> list[tuple[int, float]]:
    """Re-score the top hits by their headlines (`rasd.storage.search_rank`)."""
    qw = analyze_query_words(query, analyzer)
    if not qw.words or len(ranked) < 2:
        return ranked
    pks = [pk for pk, _ in ranked]
    marks = ",".join("?" * len(pks))
    titles = dict(conn.execute(f"SELECT pk, title FROM articles WHERE pk IN ({marks})", pks).fetchall())
    return rerank_hits(ranked, titles, qw, analyzer)


# -- hits and snippets -------------------------------------------------------------------------
def _load_hits(
    conn: sqlite3.Connection, page: list[tuple[int, float]], highlighter: Highlighter
) -> tuple[Hit, ...]:
    if not page:
        return ()
    pks = [pk for pk, _ in page]
    marks = ",".join("?" * len(pks))
    rows = conn.execute(
        f"SELECT pk, id, title, published, outlet, category, text FROM articles WHERE pk IN ({marks})", pks
    ).fetchall()
    by_pk = {int(r[0]): r for r in rows}
    hits: list[Hit] = []
    for pk, score in page:
        row = by_pk.get(pk)
        if row is None:  # an index entry without its article: skip it (``rasd reindex`` repairs)
            log.warning("search index has pk %d but articles does not", pk)
            continue
        _, art_id, title, published, outlet, category, text = row
        title, text = title or "", text or ""
        title_end = len(title) if title and text.startswith(title) else 0
        title_hl = tuple((a, b) for a, b, _ in highlighter.find(text, 0, title_end))
        matches = highlighter.find(text, title_end)
        body_start = title_end
        while body_start < len(text) and text[body_start].isspace():
            body_start += 1
        s, e = choose_snippet(text, body_start, matches)
        highlights = tuple((a, b) for a, b, _ in matches if s <= a and b <= e)
        hits.append(
            Hit(pk, art_id, title, published, outlet, category, score, text[s:e], s, e, highlights, title_hl)
        )
    return tuple(hits)
