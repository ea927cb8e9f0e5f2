"""Search queries: user text → a `SearchQuery` (pure; no database, no SQL).

Query language (Arabic operators work too)::

    واشنطن طهران            both words (AND is implicit)
    واشنطن AND طهران        the same; also ``و`` standing alone, or ``&``
    واشنطن OR طهران         either; also ``أو`` or ``|``
    NOT طهران  -طهران       exclude (``ليس`` is a word, not an operator: it is one of the most
                            frequent words of Arabic headlines, and a query pasted from text
                            must not silently exclude the word after it)
    "البيت الأبيض"          a phrase (words adjacent, after analysis)
    انتخ*                   prefix
    (ترامب OR بوتين) قمة    grouping

Precedence: NOT binds tightest, then OR, then AND.  Words go through the search analyzer later, so
``الأمريكية`` and ``الأميركية`` are the same term.  Everything the user types is data: nothing is
passed to SQL or FTS5 unquoted, and input that cannot be parsed raises `rasd.errors.QueryError` with
the position and the reason.

>>> q = parse_query('"البيت الأبيض" ترامب OR بوتين -موسكو')
>>> q.expr
And(children=(Phrase(words=('البيت', 'الأبيض')), Or(children=(Term(text='ترامب', prefix=False), Term(text='بوتين', prefix=False))), Not(child=Term(text='موسكو', prefix=False))))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal, Union

from rasd.errors import QueryError

__all__ = [
    "And",
    "FieldFilter",
    "Node",
    "Not",
    "Or",
    "Phrase",
    "SearchQuery",
    "Term",
    "is_plain_conjunction",
    "parse_query",
    "positive_terms",
]

MAX_QUERY_CHARS = 1000
MAX_TERMS = 64
MAX_LIMIT = 1000
Sort = Literal["relevance", "date"]
Semantics = Literal["auto", "and", "or"]


@dataclass(frozen=True)
class Term:
    """One word as typed; ``prefix`` for ``word*``."""

    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    """Words that must be adjacent (after stop words are dropped)."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Union[Term, Phrase, Not, And, Or]  # noqa: UP007 (a runtime alias used in isinstance-free code)


@dataclass(frozen=True)
class FieldFilter:
    """A structured filter beside the text: ``FieldFilter("entity", "واشنطن")``.

    Only the fields a backend knows are accepted there (today: none beyond the named arguments of
    `SearchQuery`); entity and event filters join here without changing the query type.
    """

    field: str
    value: str


@dataclass(frozen=True)
class SearchQuery:
    """A parsed search: the text expression plus filters, sort and paging."""

    text: str
    expr: Node
    exact: bool = False
    date_from: date | None = None
    date_to: date | None = None
    outlets: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    filters: tuple[FieldFilter, ...] = field(default_factory=tuple)
    sort: Sort = "relevance"
    limit: int = 10
    offset: int = 0
    semantics: Semantics = "auto"


_OR_WORDS = frozenset({"OR", "أو", "او", "|"})
_AND_WORDS = frozenset({"AND", "و", "&"})
_NOT_WORDS = frozenset({"NOT"})
_LEX_RE = re.compile(r'\s+|(?P<quote>["“”«»])|(?P<open>[(])|(?P<close>[)])|(?P<word>[^\s"“”«»()]+)')
_QUOTE_CLOSERS = {'"': '"', "“": "”", "”": "”", "«": "»", "»": "«"}


@dataclass(frozen=True)
class _Tok:
    kind: str  # word | phrase | open | close | or | and | not
    value: str
    pos: int
    words: tuple[str, ...] = ()


def _lex(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    while pos < len(text):
        m = _LEX_RE.match(text, pos)
        if m is None:  # pragma: no cover - the pattern matches any character
            raise QueryError(f"cannot read the query at character {pos + 1}")
        if m.group("quote"):
            closer = _QUOTE_CLOSERS[m.group("quote")]
            end = _find_closer(text, m.end(), closer)
            if end < 0:
                raise QueryError(f"unclosed quote {m.group('quote')} at character {pos + 1}")
            words = tuple(text[m.end() : end].split())
            toks.append(_Tok("phrase", text[m.end() : end], pos, words))
            pos = end + 1
            continue
        if m.group("open"):
            toks.append(_Tok("open", "(", pos))
        elif m.group("close"):
            toks.append(_Tok("close", ")", pos))
        elif m.group("word"):
            toks.append(_word_token(m.group("word"), pos))
        pos = m.end()
    return toks


def _find_closer(text: str, start: int, closer: str) -> int:
    for i in range(start, len(text)):
        if text[i] == closer or (closer in "”»«" and text[i] == '"'):
            return i
    return -1


def _word_token(word: str, pos: int) -> _Tok:
    if word in _OR_WORDS:
        return _Tok("or", word, pos)
    if word in _AND_WORDS:
        return _Tok("and", word, pos)
    if word in _NOT_WORDS:
        return _Tok("not", word, pos)
    return _Tok("word", word, pos)


class _Parser:
    """Recursive descent: query := or_expr ((AND)? or_expr)* ; or_expr := unary (OR unary)* ."""

    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.i = 0
        self.terms = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def parse(self) -> Node:
        node = self.parse_and(top=True)
        if self.peek() is not None:
            tok = self.toks[self.i]
            raise QueryError(f"unexpected {tok.value!r} at character {tok.pos + 1}")
        return node

    def parse_and(self, *, top: bool = False) -> Node:
        children: list[Node] = []
        while True:
            tok = self.peek()
            if tok is None or tok.kind == "close":
                break
            if tok.kind == "and":
                if not children:
                    raise QueryError(f"{tok.value!r} at character {tok.pos + 1} needs a word before it")
                self.i += 1
                nxt = self.peek()
                if nxt is None or nxt.kind in ("close", "and", "or"):
                    raise QueryError(f"{tok.value!r} at character {tok.pos + 1} needs a word after it")
                continue
            children.append(self.parse_or())
        if not children:
            raise QueryError("the query is empty" if top else "empty parentheses")
        return children[0] if len(children) == 1 else And(tuple(children))

    def parse_or(self) -> Node:
        first = self.parse_unary()
        children = [first]
        while (tok := self.peek()) is not None and tok.kind == "or":
            self.i += 1
            nxt = self.peek()
            if nxt is None or nxt.kind in ("close", "and", "or"):
                raise QueryError(f"{tok.value!r} at character {tok.pos + 1} needs a word after it")
            children.append(self.parse_unary())
        return first if len(children) == 1 else Or(tuple(children))

    def parse_unary(self) -> Node:
        tok = self.peek()
        if tok is None:  # pragma: no cover - callers check
            raise QueryError("the query ends too early")
        if tok.kind == "not":
            self.i += 1
            if self.peek() is None or self.peek().kind in ("close", "and", "or", "not"):  # type: ignore[union-attr]
                raise QueryError(f"{tok.value!r} at character {tok.pos + 1} needs a word after it")
            return Not(self.parse_unary())
        if tok.kind == "or":
            raise QueryError(f"{tok.value!r} at character {tok.pos + 1} needs a word before it")
        if tok.kind == "open":
            self.i += 1
            inner = self.parse_and()
            close = self.peek()
            if close is None or close.kind != "close":
                raise QueryError(f"unclosed parenthesis at character {tok.pos + 1}")
            self.i += 1
            return inner
        if tok.kind == "close":
            raise QueryError(f"unmatched ')' at character {tok.pos + 1}")
        self.i += 1
        if tok.kind == "phrase":
            if not tok.words:
                raise QueryError(f"empty quotes at character {tok.pos + 1}")
            self.count(len(tok.words))
            return Phrase(tok.words)
        return self.word(tok)

    def word(self, tok: _Tok) -> Node:
        text = tok.value
        if text.startswith("-") and len(text) > 1:
            return Not(self.word(_Tok("word", text[1:], tok.pos + 1)))
        prefix = text.endswith("*")
        core = text.rstrip("*")
        if "*" in core:
            raise QueryError(f"'*' may only end a word (character {tok.pos + 1})")
        if prefix and len(core.strip("-")) < 2:
            raise QueryError(f"a prefix needs at least two letters before '*' (character {tok.pos + 1})")
        self.count(1)
        return Term(core, prefix)

    def count(self, n: int) -> None:
        self.terms += n
        if self.terms > MAX_TERMS:
            raise QueryError(f"too many words (more than {MAX_TERMS})")


def _parse_date(value: str | date | None, name: str, *, end: bool = False) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return date(int(text), 12, 31) if end else date(int(text), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            y, m = int(text[:4]), int(text[5:])
            first = date(y, m, 1)
            if not end:
                return first
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return nxt - timedelta(days=1)
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise QueryError(f"{name}: {text!r} is not a date (use YYYY-MM-DD)") from None


def _as_tuple(value: str | Sequence[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    return tuple(v for v in value if v and v.strip())


def parse_query(
    text: str,
    *,
    exact: bool = False,
    date_from: str | date | None = None,
    date_to: str | date | None = None,
    outlet: str | Sequence[str] | None = None,
    category: str | Sequence[str] | None = None,
    filters: Sequence[FieldFilter] = (),
    sort: str = "relevance",
    limit: int = 10,
    offset: int = 0,
    semantics: str = "auto",
) -> SearchQuery:
    """Parse ``text`` and check the options; raise `QueryError` on anything unusable.

    >>> parse_query("واشنطن", date_from="2018-02", limit=5).date_from
    datetime.date(2018, 2, 1)
    >>> parse_query('"غير مغلق')
    Traceback (most recent call last):
    ...
    rasd.errors.QueryError: unclosed quote " at character 1
    """
    if not isinstance(text, str):
        raise QueryError("the query must be text")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is too long ({len(text)} characters; at most {MAX_QUERY_CHARS})")
    if "\x00" in text:
        raise QueryError("the query contains a NUL character")
    if not text.strip():
        raise QueryError("the query is empty")
    expr = _Parser(_lex(text)).parse()
    if sort not in ("relevance", "date"):
        raise QueryError(f"sort must be 'relevance' or 'date', not {sort!r}")
    if semantics not in ("auto", "and", "or"):
        raise QueryError(f"semantics must be 'auto', 'and' or 'or', not {semantics!r}")
    if not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
    if not isinstance(offset, int) or offset < 0:
        raise QueryError("offset must be 0 or more")
    d_from = _parse_date(date_from, "from")
    d_to = _parse_date(date_to, "to", end=True)
    if d_from and d_to and d_from > d_to:
        raise QueryError(f"from ({d_from}) is after to ({d_to})")
    return SearchQuery(
        text=text,
        expr=expr,
        exact=exact,
        date_from=d_from,
        date_to=d_to,
        outlets=_as_tuple(outlet),
        categories=_as_tuple(category),
        filters=tuple(filters),
        sort=sort,  # type: ignore[arg-type]
        limit=limit,
        offset=offset,
        semantics=semantics,  # type: ignore[arg-type]
    )


def is_plain_conjunction(expr: Node) -> bool:
    """True for words and phrases joined by (implicit) AND, optionally with NOTs: OR-relaxable.

    >>> is_plain_conjunction(parse_query("ترامب بوتين -موسكو").expr)
    True
    >>> is_plain_conjunction(parse_query("ترامب OR بوتين").expr)
    False
    """
    if isinstance(expr, Term | Phrase):
        return True
    if isinstance(expr, And):
        return all(isinstance(c, Term | Phrase | Not) for c in expr.children)
    return False


def positive_terms(expr: Node) -> list[Term | Phrase]:
    """The words and phrases not under a NOT (for highlighting).

    >>> [t.text for t in positive_terms(parse_query("ترامب -بوتين").expr) if isinstance(t, Term)]
    ['ترامب']
    """
    if isinstance(expr, Term | Phrase):
        return [expr]
    if isinstance(expr, Not):
        return []
    out: list[Term | Phrase] = []
    for child in expr.children:
        out.extend(positive_terms(child))
    return out
