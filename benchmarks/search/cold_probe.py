"""Cold-cache probe of the SQL behind relevance ranking at scale (diagnostic, not a score).

For the first N queries of each set (seed 13, as `search_bench.py`), with the OS page cache dropped
(root) before each set, times one of:

* ``whole``: the whole index ranked by bm25 to the re-rank depth, plus the count (the ranking before
  the headline tier);
* ``tier``: the headline-only index ranked to the depth, plus the whole index's count (the headline
  tier when it fills the page);
* ``headline-count``: only counting the headline-tier matches.

    .venv/bin/python benchmarks/search/cold_probe.py /work/search1m.db tier [--mmap BYTES] [--cache PAGES]

Prints p50/p95 per set; no results file (the figures are quoted in benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent.parent / "src"))

from search.queries import load_corpus, make_queries  # noqa: E402

ANT = HERE.parent.parent.parent / "shared" / "data" / "ant-corpus"


def _pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))] if s else 0.0


def main() -> int:
    from rasd.arabic.analyze import load_search_analyzer
    from rasd.search import parse_query
    from rasd.storage.fts import BM25_WEIGHTS, HEADLINE_BM25_WEIGHTS, RERANK_DEPTH, compile_match

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db")
    parser.add_argument("mode", choices=("whole", "tier", "headline-count"))
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--mmap", type=int, default=0, help="PRAGMA mmap_size")
    parser.add_argument("--cache", type=int, default=0, help="PRAGMA cache_size")
    args = parser.parse_args()
    queries = make_queries(load_corpus(ANT), 2000, 13)[: args.queries]
    analyzer = load_search_analyzer()
    whole_w = ", ".join(map(str, BM25_WEIGHTS))
    head_w = ", ".join(map(str, HEADLINE_BM25_WEIGHTS))
    count_sql = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    for field in ("verbatim", "typed"):
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n", encoding="ascii")
        conn = sqlite3.connect(Path(args.db).resolve().as_uri() + "?mode=ro", uri=True)
        if args.mmap:
            conn.execute(f"PRAGMA mmap_size = {int(args.mmap)}")
        if args.cache:
            conn.execute(f"PRAGMA cache_size = {int(args.cache)}")
        times: list[float] = []
        for q in queries:
            expr = parse_query(getattr(q, field), limit=10).expr
            strict = compile_match(expr, analyzer)
            lean = compile_match(expr, analyzer, bonus=False)
            tier = compile_match(expr, analyzer, headline=True)
            if strict is None or tier is None:
                continue
            t0 = time.perf_counter()
            if args.mode == "whole":
                rows = conn.execute(
                    f"SELECT rowid, bm25(articles_fts, {whole_w}) s FROM articles_fts WHERE articles_fts MATCH ?"
                    " ORDER BY s LIMIT ?",
                    [strict, RERANK_DEPTH],
                ).fetchall()
                if len(rows) >= RERANK_DEPTH:
                    conn.execute(count_sql, [lean]).fetchone()
            elif args.mode == "tier":
                conn.execute(
                    f"SELECT rowid, bm25(headlines_fts, {head_w}) s FROM headlines_fts WHERE headlines_fts MATCH ?"
                    " ORDER BY s LIMIT ?",
                    [tier, RERANK_DEPTH],
                ).fetchall()
                conn.execute(count_sql, [lean]).fetchone()
            else:
                conn.execute(
                    "SELECT count(*) FROM headlines_fts WHERE headlines_fts MATCH ?", [tier]
                ).fetchone()
            times.append((time.perf_counter() - t0) * 1000)
        conn.close()
        load = os.getloadavg()[0]
        print(
            f"{field}: p50 {_pct(times, 50):.1f} ms, p95 {_pct(times, 95):.1f} ms (load {load:.2f})",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
