"""Commands ``search`` and ``reindex``: parse arguments, call the store, print.

::

    rasd search 'واشنطن طهران' --from 2018-02-01 --to 2018-03-31 --outlet BBC --limit 5
    rasd search '"البيت الأبيض" -ترامب' --json
    rasd reindex
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rasd.search import parse_query
from rasd.settings import load_settings

__all__ = ["cmd_reindex", "format_hit", "register", "run"]

_BOLD = "\x1b[1;33m"
_RESET = "\x1b[0m"


def register(sub: Any) -> None:
    """Add ``search`` and ``reindex`` to the ``rasd`` sub-command parsers."""
    db = load_settings().db
    db_help = f"archive path or URL (default: {db}; env RASD_DB)"
    p = sub.add_parser(
        "search",
        help="search the archive (Arabic-aware: hamza, ة/ه, ى/ي, diacritics, clitics, spellings)",
        description='Words are ANDed; OR/أو, NOT/-word, "phrases", prefix* and (groups) work too. '
        "When no article has every word, the closest ones are listed after a note.",
    )
    p.add_argument("query", metavar="QUERY", help="the search text, e.g. 'الانتخابات العراقية'")
    p.add_argument("--db", default=db, help=db_help)
    p.add_argument("--from", dest="date_from", metavar="DATE", help="published on or after (YYYY[-MM[-DD]])")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="published on or before (YYYY[-MM[-DD]])")
    p.add_argument("--outlet", action="append", help="only this outlet (repeatable)")
    p.add_argument("--category", action="append", help="only this category (repeatable)")
    p.add_argument("--limit", type=int, default=10, help="hits per page (default 10)")
    p.add_argument("--offset", type=int, default=0, help="skip this many hits (paging)")
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    p.add_argument("--exact", action="store_true", help="match word forms as typed (no stemming)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=run)

    r = sub.add_parser("reindex", help="rebuild the search index from the stored articles")
    r.add_argument("--db", default=db, help=db_help)
    r.set_defaults(func=cmd_reindex)


def run(args: argparse.Namespace) -> int:
    """``rasd search``: 0 with hits or none, 2 for a bad query (raised as QueryError to the CLI)."""
    from rasd.storage import open_store

    query = parse_query(
        args.query,
        exact=args.exact,
        date_from=args.date_from,
        date_to=args.date_to,
        outlet=args.outlet,
        category=args.category,
        sort=args.sort,
        limit=args.limit,
        offset=args.offset,
    )
    store = open_store(args.db, readonly=True)
    try:
        result = store.search(query)
    finally:
        store.close()
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return 0
    color = sys.stdout.isatty()
    hits = result.hits
    if not hits:
        print(f"no results for «{args.query}»")
        return 0
    first = query.offset + 1
    if result.relaxed:
        print(f"{result.total} articles have every word; closest matches {first}–{query.offset + len(hits)}:")
    else:
        noun = "result" if result.total == 1 else "results"
        print(f"{result.total} {noun} for «{args.query}», {first}–{query.offset + len(hits)}:")
    for i, hit in enumerate(hits, first):
        print()
        print(format_hit(i, hit, color=color))
    return 0


def format_hit(rank: int, hit: Any, *, color: bool = False) -> str:
    """Headline, a date · outlet line and the snippet, highlights marked (bold on a terminal).

    >>> from rasd.storage.fts import Hit
    >>> text = "عنوان\\n\\nوصل الوفد لواشنطن أمس"
    >>> h = Hit(1, "abc", "عنوان", "2018-02-26T10:00:00", "BBC", None, 1.0, text[7:], 7, len(text), ((15, 22),), ())
    >>> print(format_hit(1, h))
    1. عنوان
       2018-02-26 · BBC
       وصل الوفد لواشنطن أمس
    """
    title = _mark(hit.title, 0, hit.title_highlights, color)
    snippet = _mark(hit.snippet, hit.snippet_start, hit.highlights, color).replace("\n", " ")
    meta = " · ".join(x for x in ((hit.published or "")[:10], hit.outlet or "", hit.category or "") if x)
    lead = "…" if hit.snippet_start > len(hit.title) + 2 else ""
    return f"{rank}. {title}\n   {meta}\n   {lead}{snippet}"


def _mark(text: str, base: int, spans: tuple[tuple[int, int], ...], color: bool) -> str:
    if not color or not spans:
        return text
    out: list[str] = []
    pos = 0
    for a, b in sorted(spans):
        a, b = a - base, b - base
        if a < pos or b > len(text):
            continue
        out.append(text[pos:a] + _BOLD + text[a:b] + _RESET)
        pos = b
    out.append(text[pos:])
    return "".join(out)


def cmd_reindex(args: argparse.Namespace) -> int:
    """``rasd reindex``: rebuild the search index of the archive."""
    from rasd.storage import open_store

    store = open_store(args.db)
    try:
        n = store.reindex()
    finally:
        store.close()
    print(f"search index rebuilt: {n} articles")
    return 0
