"""The ``auto`` fallback on queries that no article answers with every word, on an existing rasd archive.

    .venv/bin/python benchmarks/search_fallback.py --db rasd.db                 # an ANT archive (31.5k)
    .venv/bin/python benchmarks/search_fallback.py --db /work/search1m.db --queries 200

What a user does: types the words of a headline they remember plus one word that the article does not
hold.  Queries: the verbatim known-item queries of `search_bench.py` (seed 13), each with one content
word of another random headline appended, kept only when AND finds nothing in the archive (so ``auto``
relaxes).  The same queries are ranked two ways in one process, warm:

* ``auto`` as rasd answers them: the articles missing only one word first, then any word
  (`rasd.storage.search_backend._relaxations`);
* ``or``: the OR ranking alone, which is what ``auto`` returned before the first tier existed.

Reports MRR@10 and recall@10 of the remembered article and latency p50/p95 per way, and the ratios.
Writes results/search_fallback.json.  At 1M (ANT copied ~32 times) the copies of a target compete with
it, so MRR is lower there; latency is the figure to read.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ANT = HERE.parent.parent / "shared" / "data" / "ant-corpus"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from search.queries import content_words, load_corpus, make_queries  # noqa: E402
from search_bench import percentile  # noqa: E402

from rasd.search import parse_query  # noqa: E402
from rasd.storage import open_store  # noqa: E402


def pick_queries(store: Any, n: int, seed: int) -> list[tuple[str, str]]:
    """``(target id, query)`` pairs: a known-item query plus a stray word, with no AND match."""
    docs = load_corpus(ANT)
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for q in make_queries(docs, 20 * n, seed=13):
        words = content_words(rng.choice(docs).title)
        if not words:
            continue
        text = q.verbatim + " " + rng.choice(words)
        if store.search(parse_query(text, limit=10, semantics="and")).total == 0:
            out.append((q.target, text))
            if len(out) >= n:
                break
    return out


def score(store: Any, queries: list[tuple[str, str]], semantics: str) -> dict[str, Any]:
    rr: list[float] = []
    ms: list[float] = []
    for target, text in queries:
        t0 = time.perf_counter()
        ids = [h.id for h in store.search(parse_query(text, limit=10, semantics=semantics)).hits]
        ms.append((time.perf_counter() - t0) * 1000)
        rr.append(1 / (ids.index(target) + 1) if target in ids else 0.0)
    return {
        "mrr@10": round(statistics.fmean(rr), 4),
        "recall@10": round(sum(1 for x in rr if x) / len(rr), 4),
        "latency_ms_p50": round(percentile(ms, 50), 1),
        "latency_ms_p95": round(percentile(ms, 95), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="an archive holding the ANT corpus (search_bench builds one)")
    parser.add_argument("--queries", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7, help="seed of the stray words")
    parser.add_argument("--out", default=str(HERE / "results" / "search_fallback.json"))
    args = parser.parse_args()
    if not ANT.exists():
        print(f"ANT corpus not found at {ANT}", file=sys.stderr)
        return 2
    store = open_store(args.db)
    try:
        articles = store.stats().articles
        queries = pick_queries(store, args.queries, args.seed)
        if not queries:
            print("no query without an AND match: is the archive the ANT corpus?", file=sys.stderr)
            return 2
        score(store, queries[:20], "auto")  # warm the page cache and the analyzer
        auto = score(store, queries, "auto")
        or_only = score(store, queries, "or")
    finally:
        store.close()
    results = {
        "benchmark": "auto fallback on known-item queries with one stray word (no AND match)",
        "archive_articles": articles,
        "queries": len(queries),
        "auto_most_words_first": auto,
        "or_only_before": or_only,
        "ratios_auto_over_or": {
            k: round(auto[k] / or_only[k], 3) if or_only[k] else None
            for k in ("mrr@10", "recall@10", "latency_ms_p50", "latency_ms_p95")
        },
    }
    Path(args.out).write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("| ranking | MRR@10 | recall@10 | p50 ms | p95 ms |\n|---|---|---|---|---|")
    for name, row in (("auto (most words first)", auto), ("OR only (before)", or_only)):
        print(f"| {name} | {row['mrr@10']} | {row['recall@10']} | {row['latency_ms_p50']} | {row['latency_ms_p95']} |")
    print(f"{len(queries)} queries over {articles} articles; ratios auto/OR: {results['ratios_auto_over_or']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
