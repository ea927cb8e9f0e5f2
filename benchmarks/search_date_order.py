"""Latency of newest-first search (``sort=date``) beside relevance order, on an existing rasd archive.

    .venv/bin/python benchmarks/search_date_order.py --db /work/search1m.db     # the 1M archive of search_bench
    .venv/bin/python benchmarks/search_date_order.py --db rasd.db --queries 500

The typed query set of `search_bench.py` (seed 13), end to end through ``store.search`` (parse, rank,
count, hits, snippets), one warm process; each query is run in date order, then by relevance.  Writes
results/search_date_order.json (p50/p95/max per order).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANT = HERE.parent.parent / "shared" / "data" / "ant-corpus"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from search.queries import load_corpus, make_queries  # noqa: E402
from search_bench import percentile  # noqa: E402

from rasd.search import parse_query  # noqa: E402
from rasd.storage import open_store  # noqa: E402


def _summary(ms: list[float]) -> dict[str, float]:
    return {
        "p50": round(percentile(ms, 50), 1),
        "p95": round(percentile(ms, 95), 1),
        "max": round(max(ms), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", required=True, help="a rasd archive holding the ANT corpus (or replicas)")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--out", default=str(HERE / "results" / "search_date_order.json"))
    args = parser.parse_args()
    queries = make_queries(load_corpus(ANT), args.queries, 13)
    store = open_store(args.db, readonly=True)
    times: dict[str, list[float]] = {"date": [], "relevance": []}
    for q in queries:
        for order in times:
            t0 = time.perf_counter()
            store.search(parse_query(q.typed, limit=10, sort=order))
            times[order].append((time.perf_counter() - t0) * 1000)
    articles = store.stats().articles
    store.close()
    result = {
        "benchmark": "sort=date vs relevance latency, typed queries (seed 13), warm, end to end",
        "archive_articles": articles,
        "queries": len(queries),
        "ms": {order: _summary(ms) for order, ms in times.items()},
    }
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
