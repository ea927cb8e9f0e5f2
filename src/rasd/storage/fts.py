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
``واشنطن`` finds ``لواشنطن`` and the reverse.  BM25 weighs the headline above the body.

Default semantics (``auto``): AND of the words; when that finds fewer hits than the page needs,
OR-ranked hits are appended after the AND hits (``SearchResult.relaxed``).  The user's text never
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
#: BM25 column weights, in column order.  The headline outweighs the body (a headline word says what
#: the article is about); an alternate stem (a guessed clitic split) counts a little less than a primary.
BM25_WEIGHTS = (5.0, 1.0, 4.0, 0.8, 5.0, 1.0)
_STEM_COLS = "{title body title_alt body_alt}"
_PHRASE_COLS = "{title body}"
_EXACT_COLS = "{title_exact body_exact}"
_BATCH = 500
SNIPPET_WORDS = 24


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


def _word_clause(w: WordTerms, exact: bool) -> str:
    if exact:
        return f"{_EXACT_COLS} : {_quote(w.exact)}"
    keys = w.keys
    inner = _quote(keys[0]) if len(keys) == 1 else "(" + " OR ".join(_quote(k) for k in keys) + ")"
    return f"{_STEM_COLS} : {inner}"


def _term_clause(term: Term, analyzer: SearchAnalyzer, exact: bool) -> str | None:
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
    clauses = [_word_clause(w, exact) for w in words] + clauses
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else "(" + " AND ".join(clauses) + ")"


def _phrase_clause(phrase: Phrase, analyzer: SearchAnalyzer, exact: bool) -> str | None:
    words = analyzer.analyze_text(" ".join(phrase.words))
    if not words:
        return None
    if len(words) == 1:
        return _word_clause(words[0], exact)
    if exact:
        return f"{_EXACT_COLS} : " + _quote(" ".join(w.exact for w in words))
    return f"{_PHRASE_COLS} : " + _quote(" ".join(w.primary for w in words))


def compile_match(
    expr: Node, analyzer: SearchAnalyzer, *, exact: bool = False, relaxed: bool = False
) -> str | None:
    """The FTS5 MATCH expression for ``expr`` (``None`` when only stop words remain).

    ``relaxed`` turns the top-level AND into OR (for the fallback).  Pure: testable without SQLite.

    >>> from rasd.search import parse_query
    >>> compile_match(parse_query("لواشنطن").expr, load_search_analyzer())
    '{title body title_alt body_alt} : ("لواشنطن" OR "واشنطن")'
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
            sub = compile_match(child, analyzer, exact=exact)
            if sub is not None:
                parts.append(sub)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"
    positives: list[str] = []
    negatives: list[str] = []
    for child in expr.children:
        if isinstance(child, Not):
            sub = compile_match(child.child, analyzer, exact=exact)
            if sub is not None:
                negatives.append(sub)
        else:
            sub = compile_match(child, analyzer, exact=exact)
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
    conn: sqlite3.Connection, match: str, query: SearchQuery, n: int, exclude: set[int] | None = None
) -> tuple[list[tuple[int, float]], int]:
    """Top ``n`` (pk, score) for ``match`` plus the total count (all via bound parameters)."""
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
        count_sql = f"SELECT count(*) FROM {FTS_TABLE} {join} WHERE {FTS_TABLE} MATCH ?{where}"
        total = int(conn.execute(count_sql, [match, *params]).fetchone()[0])
    except sqlite3.OperationalError as exc:  # a bug in compilation, never the user's text
        log.error("FTS5 rejected %r: %s", match, exc)
        raise QueryError("the search index could not run this query") from exc
    out = [(int(pk), -float(score)) for pk, score in rows if not exclude or int(pk) not in exclude]
    return out[:n], total


def search_articles(conn: sqlite3.Connection, query: SearchQuery) -> SearchResult:
    """Run ``query`` against the index and the ``articles`` table.

    ``auto`` semantics: AND, then OR-ranked hits appended when AND fills less than the page.
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
        ranked, total = _rank_rows(conn, relaxed_match, query, need)
    else:
        ranked, total = _rank_rows(conn, strict, query, need)
        if query.semantics == "auto" and relaxed_match is not None and len(ranked) < need:
            seen = {pk for pk, _ in ranked}
            more, total_or = _rank_rows(conn, relaxed_match, query, need - len(ranked), exclude=seen)
            if more:
                relaxed = True
                ranked.extend(more)
                total = max(total, total_or)
    page = ranked[query.offset : need]
    hits = _load_hits(conn, page, query, analyzer)
    return SearchResult(query, hits, total, relaxed)


# -- hits and snippets -------------------------------------------------------------------------
@dataclass(frozen=True)
class _Matcher:
    keys: dict[str, int]
    prefixes: tuple[tuple[str, int], ...]
    exact: bool

    def group(self, w: WordTerms) -> int:
        cands = (w.exact,) if self.exact else w.keys
        for k in cands:
            g = self.keys.get(k)
            if g is not None:
                return g
        for p, g in self.prefixes:
            if any(k.startswith(p) for k in cands):
                return g
        return -1


def _make_matcher(query: SearchQuery, analyzer: SearchAnalyzer) -> _Matcher:
    keys: dict[str, int] = {}
    prefixes: list[tuple[str, int]] = []
    group = 0
    for node in positive_terms(query.expr):
        texts = node.words if isinstance(node, Phrase) else (node.text,)
        for w in analyzer.analyze_text(" ".join(texts)):
            for k in (w.exact,) if query.exact else w.keys:
                keys.setdefault(k, group)
            group += 1
        if isinstance(node, Term) and node.prefix:
            pkeys, exact_key = analyzer.prefix_keys(node.text.split()[-1] if node.text.split() else "")
            for p in (exact_key,) if query.exact else pkeys:
                if len(p) >= 2:
                    prefixes.append((p, group))
            group += 1
    return _Matcher(keys, tuple(prefixes), query.exact)


def _load_hits(
    conn: sqlite3.Connection, page: list[tuple[int, float]], query: SearchQuery, analyzer: SearchAnalyzer
) -> tuple[Hit, ...]:
    if not page:
        return ()
    pks = [pk for pk, _ in page]
    marks = ",".join("?" * len(pks))
    rows = conn.execute(
        f"SELECT pk, id, title, published, outlet, category, text FROM articles WHERE pk IN ({marks})", pks
    ).fetchall()
    by_pk = {int(r[0]): r for r in rows}
    matcher = _make_matcher(query, analyzer)
    hits: list[Hit] = []
    for pk, score in page:
        row = by_pk.get(pk)
        if row is None:  # index entry without an article: skip, the store will reindex
            log.warning("search index has pk %d but articles does not", pk)
            continue
        _, art_id, title, published, outlet, category, text = row
        title = title or ""
        hits.append(
            _make_hit(pk, art_id, title, published, outlet, category, text or "", score, matcher, analyzer)
        )
    return tuple(hits)


def _make_hit(
    pk: int,
    art_id: str,
    title: str,
    published: str | None,
    outlet: str | None,
    category: str | None,
    text: str,
    score: float,
    matcher: _Matcher,
    analyzer: SearchAnalyzer,
) -> Hit:
    title_end = len(title) if title and text.startswith(title) else 0
    title_hl = tuple(
        (w.start, w.end) for w in analyzer.analyze_text(text[:title_end]) if matcher.group(w) >= 0
    )
    body_start = title_end
    body_words = analyzer.analyze_text(text[body_start:])
    groups = [matcher.group(w) for w in body_words]
    a, b = _best_window(groups, SNIPPET_WORDS)
    if body_words:
        s_start = body_start + body_words[a].start
        s_end = body_start + body_words[b - 1].end
        # Extend to the original text around the words (punctuation, closing quotes).
        s_start = _extend_left(text, s_start, body_start)
        s_end = _extend_right(text, s_end)
    else:
        s_start = s_end = body_start
    highlights = tuple(
        (body_start + w.start, body_start + w.end)
        for w, g in zip(body_words[a:b], groups[a:b], strict=True)
        if g >= 0
    )
    return Hit(
        pk,
        art_id,
        title,
        published,
        outlet,
        category,
        score,
        text[s_start:s_end],
        s_start,
        s_end,
        highlights,
        title_hl,
    )


def _best_window(groups: list[int], size: int) -> tuple[int, int]:
    """The word window with the most distinct matched groups (then most matches, then earliest)."""
    n = len(groups)
    if n <= size:
        return 0, n
    best = (-1, -1, 0)
    for i, g in enumerate(groups):
        if g < 0 and i > 0:
            continue
        window = groups[i : i + size]
        matched = [x for x in window if x >= 0]
        key = (len(set(matched)), len(matched), -i)
        if key > best:
            best = key
    start = min(-best[2], n - size)
    # Start a little before the first match so it has context.
    if start > 0 and groups[start] >= 0:
        start = max(0, start - 3)
    return start, min(n, start + size)


def _extend_left(text: str, pos: int, floor: int) -> int:
    while pos > floor and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _extend_right(text: str, pos: int) -> int:
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos
