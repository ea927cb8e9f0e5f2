"""Arabic full-text search on PostgreSQL: ``tsvector`` over the search analyzer's terms.

The PostgreSQL twin of `rasd.storage.fts` (same analyzer, same query language, same `SearchResult`).
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
from datetime import timedelta
from typing import Any

import psycopg

from rasd.arabic.analyze import SearchAnalyzer, WordTerms, load_search_analyzer
from rasd.arabic.tokenize import tokenize_ar
from rasd.document import Article
from rasd.errors import QueryError
from rasd.search import Node, Not, Or, Phrase, SearchQuery, Term, is_plain_conjunction, positive_terms
from rasd.storage.fts import Hit, SearchResult
from rasd.storage.fts_snippets import Highlighter, choose_snippet, make_highlighter

__all__ = ["compile_tsquery", "document_vectors", "index_articles", "rebuild_index", "search_articles"]

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
    """Drop every index entry and index ``rows`` again (``rasd reindex``); returns the count."""
    conn.execute("DELETE FROM search_docs")
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
    return n


# -- query compilation (pure) -------------------------------------------------------------------
def _any_of(keys: Sequence[str], suffix: str = "") -> str:
    parts = [_quote(k) + suffix for k in dict.fromkeys(keys)]
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


def _word_clause(w: WordTerms, exact: bool) -> str:
    """As FTS5: the query's primary meets any key of a document word (primary or alternate); the
    query's alternates meet only document primaries (two guessed clitic splits do not meet)."""
    if exact:
        return _quote(w.exact)
    alternates = [k for k in dict.fromkeys(w.alternates) if k != w.primary]
    return "(" + " | ".join([_quote(w.primary), _quote(ALT_MARK + w.primary), *map(_quote, alternates)]) + ")"


def _term_clause(term: Term, analyzer: SearchAnalyzer, exact: bool) -> str | None:
    words = analyzer.analyze_text(term.text)
    clauses: list[str] = []
    if term.prefix:
        toks = [t for t in tokenize_ar(term.text) if t.kind != "punct"]
        if not toks:
            return None
        last = toks[-1]
        words = [w for w in words if w.end <= last.start]
        keys, exact_key = analyzer.prefix_keys(last.text)
        if len(exact_key) >= 2:
            if exact:
                clauses.append(_quote(exact_key) + ":*")
            elif any(len(k) >= 2 for k in keys):
                long_keys = [k for k in keys if len(k) >= 2]
                clauses.append(_any_of([*long_keys, *(ALT_MARK + k for k in long_keys)], ":*"))
    clauses = [_word_clause(w, exact) for w in words] + clauses
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else "(" + " & ".join(clauses) + ")"


def _phrase_clause(phrase: Phrase, analyzer: SearchAnalyzer, exact: bool) -> str | None:
    words = analyzer.analyze_text(" ".join(phrase.words))
    if not words:
        return None
    if len(words) == 1:
        return _word_clause(words[0], exact)
    if exact:
        return "(" + " <-> ".join(_quote(w.exact) for w in words) + ")"
    return "(" + " <-> ".join(_quote(w.primary) for w in words) + ")"


def compile_tsquery(
    expr: Node, analyzer: SearchAnalyzer, *, exact: bool = False, relaxed: bool = False
) -> str | None:
    """The ``tsquery`` literal for ``expr`` (``None`` when only stop words remain).

    Same rules as `rasd.storage.fts.compile_match`; ``relaxed`` turns the top-level AND into OR.

    >>> from rasd.search import parse_query
    >>> compile_tsquery(parse_query('لواشنطن -موسكو').expr, load_search_analyzer())
    "('لواشنطن' | '~لواشنطن' | 'واشنطن') & !('موسكو' | '~موسكو')"
    """
    if isinstance(expr, Term):
        return _term_clause(expr, analyzer, exact)
    if isinstance(expr, Phrase):
        return _phrase_clause(expr, analyzer, exact)
    if isinstance(expr, Not):
        raise QueryError("a query needs at least one word to find, not only words to exclude")
    if isinstance(expr, Or):
        parts: list[str] = []
        for child in expr.children:
            if isinstance(child, Not):
                raise QueryError("NOT cannot be one side of OR; write: word1 OR word2 -word3")
            sub = compile_tsquery(child, analyzer, exact=exact)
            if sub is not None:
                parts.append(sub)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"
    positives: list[str] = []
    negatives: list[str] = []
    for child in expr.children:
        target = negatives if isinstance(child, Not) else positives
        sub = compile_tsquery(child.child if isinstance(child, Not) else child, analyzer, exact=exact)
        if sub is not None:
            target.append(sub)
    if not positives:
        if negatives:
            raise QueryError("a query needs at least one word to find, not only words to exclude")
        return None
    joiner = " | " if relaxed else " & "
    out = positives[0] if len(positives) == 1 else "(" + joiner.join(positives) + ")"
    if negatives:
        excluded = negatives[0] if len(negatives) == 1 else "(" + " | ".join(negatives) + ")"
        out = f"{out} & !{excluded}"
    return out


# -- search ------------------------------------------------------------------------------------
def _filter_sql(query: SearchQuery) -> tuple[str, list[object]]:
    where: list[str] = []
    params: list[object] = []
    if query.date_from:
        where.append("a.published >= %s")
        params.append(query.date_from.isoformat())
    if query.date_to:
        where.append("a.published < %s")
        params.append((query.date_to + timedelta(days=1)).isoformat())
    if query.outlets:
        where.append("a.outlet = ANY(%s)")
        params.append(list(query.outlets))
    if query.categories:
        where.append("a.category = ANY(%s)")
        params.append(list(query.categories))
    for f in query.filters:
        raise QueryError(f"this archive cannot filter by {f.field!r} yet")
    return "".join(" AND " + w for w in where), params


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
    where, params = _filter_sql(query)
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
    """Run ``query``: AND, then (``auto``) OR-ranked hits appended when AND fills less than the page;
    ``total`` then still counts the articles with all the words (the relaxed hits are extras).

    The queries run in one read transaction with sequential scans discouraged: the planner does not
    see that ``@@`` on a scanned row means de-TOASTing its vector, and picks a full scan (about ten
    times slower than the GIN index) for words in a tenth of the archive.
    """
    with conn.transaction():
        conn.execute("SET LOCAL enable_seqscan = off")
        return _search(conn, query)


def _search(conn: psycopg.Connection[Any], query: SearchQuery) -> SearchResult:
    analyzer = load_search_analyzer()
    strict = compile_tsquery(query.expr, analyzer, exact=query.exact)
    if strict is None:
        return SearchResult(query, (), 0)
    need = query.offset + query.limit
    plain = is_plain_conjunction(query.expr) and len(positive_terms(query.expr)) > 1
    relaxed_q = compile_tsquery(query.expr, analyzer, exact=query.exact, relaxed=True) if plain else None
    relaxed = False
    if query.semantics == "or" and relaxed_q is not None:
        ranked, total = _rank_rows(conn, relaxed_q, query, need)
    else:
        ranked, total = _rank_rows(conn, strict, query, need)
        if query.semantics == "auto" and relaxed_q is not None and len(ranked) < need:
            seen = {pk for pk, _ in ranked}
            more, _ = _rank_rows(conn, relaxed_q, query, need - len(ranked), exclude=seen, count=False)
            if more:
                relaxed = True
                ranked.extend(more)
    page = ranked[query.offset : need]
    return SearchResult(query, _load_hits(conn, page, query, analyzer), total, relaxed)


def _load_hits(
    conn: psycopg.Connection[Any], page: list[tuple[int, float]], query: SearchQuery, analyzer: SearchAnalyzer
) -> tuple[Hit, ...]:
    if not page:
        return ()
    rows = conn.execute(
        "SELECT pk, id, title, published, outlet, category, text FROM articles WHERE pk = ANY(%s)",
        ([pk for pk, _ in page],),
    ).fetchall()
    by_pk = {int(r[0]): r for r in rows}
    highlighter = make_highlighter(query, analyzer)
    return tuple(_make_hit(by_pk[pk], score, highlighter) for pk, score in page if pk in by_pk)


def _make_hit(row: Sequence[Any], score: float, highlighter: Highlighter) -> Hit:
    """A hit with its snippet and highlights as offsets of the stored text (as `rasd.storage.fts`)."""
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
