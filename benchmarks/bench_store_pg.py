"""SQLite vs PostgreSQL store on the ANT corpus: ingest (read + store), re-ingest, streaming, search.

    export RASD_TEST_PG_URL="$(scripts/pg_test_server.sh start)"
    .venv/bin/python benchmarks/bench_store_pg.py [--limit-files N]

The same pages go through `rasd.batch.local.ingest_paths` (no enrichment, batches of 200) into a
SQLite file and into a fresh schema of the PostgreSQL database (dropped afterwards).  Then: a second
ingest of the same pages (everything UNCHANGED), one pass of ``iter_articles``, and the median of
each search query (5 runs).  The throwaway server runs with fsync off, so PostgreSQL write figures
are an upper bound for a durable server.  Writes benchmarks/results/bench_store_pg.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ANT = HERE.parent.parent / "shared" / "data" / "ant-corpus"
QUERIES = [
    "واشنطن",
    "الأمريكية",
    '"البيت الأبيض"',
    "انتخ*",
    "طهران OR موسكو",
    "الاقتصاد -النفط",
    "كورونا لقاح",
]


def measure(store: Any, files: list[str]) -> dict[str, Any]:
    from rasd.batch.local import ingest_paths
    from rasd.search import parse_query

    out: dict[str, Any] = {}
    t = time.perf_counter()
    summary = ingest_paths(store, files, enrich=False)
    wall = time.perf_counter() - t
    stored = summary.ingested + summary.updated + summary.unchanged
    out["ingest_seconds"] = round(wall, 2)
    out["ingest_articles_per_second"] = round(stored / wall, 1)
    out["articles"] = store.stats().articles
    t = time.perf_counter()
    again = ingest_paths(store, files, enrich=False)
    wall = time.perf_counter() - t
    out["reingest_unchanged"] = again.unchanged
    out["reingest_articles_per_second"] = round((again.unchanged + again.updated + again.ingested) / wall, 1)
    t = time.perf_counter()
    n = sum(1 for _ in store.iter_articles())
    out["iter_articles_per_second"] = round(n / (time.perf_counter() - t), 1)
    searches: dict[str, Any] = {}
    for q in QUERIES:
        query = parse_query(q, limit=10)
        times = []
        total = 0
        for _ in range(5):
            t = time.perf_counter()
            total = store.search(query).total
            times.append(time.perf_counter() - t)
        searches[q] = {"total": total, "median_ms": round(statistics.median(times) * 1000, 1)}
    out["search"] = searches
    t = time.perf_counter()
    store.list_articles(limit=20, offset=1000)
    store.stats()
    out["list_plus_stats_ms"] = round((time.perf_counter() - t) * 1000, 1)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pg-url", default=os.environ.get("RASD_TEST_PG_URL", ""))
    parser.add_argument("--limit-files", type=int, default=0, help="only the first N corpus files")
    args = parser.parse_args()
    if not ANT.is_dir():
        print(f"ANT corpus not found at {ANT}", file=sys.stderr)
        return 2
    if not args.pg_url:
        print(
            "no PostgreSQL: pass --pg-url or set RASD_TEST_PG_URL (scripts/pg_test_server.sh start)",
            file=sys.stderr,
        )
        return 2
    sys.path.insert(0, str(HERE.parent / "src"))
    import psycopg

    from rasd.storage import open_store

    files = sorted(str(p) for p in ANT.glob("*.jsonl.gz"))
    if args.limit_files:
        files = files[: args.limit_files]
    result: dict[str, Any] = {
        "benchmark": "store backends on the ANT corpus (read + store, no enrichment)",
        "files": [Path(f).name for f in files],
    }
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(os.path.join(tmp, "ant.db"))
        try:
            result["sqlite"] = measure(store, files)
        finally:
            store.close()
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(args.pg_url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in args.pg_url else "?"
    try:
        store = open_store(f"{args.pg_url}{sep}options=-csearch_path%3D{schema}")
        try:
            result["postgres"] = measure(store, files)
        finally:
            store.close()
        with psycopg.connect(args.pg_url, autocommit=True) as admin:
            row = admin.execute(
                "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n"
                " ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relkind = 'r'",
                (schema,),
            ).fetchone()
            result["postgres"]["db_megabytes"] = round(int(row[0] or 0) / 1e6, 1) if row else None
            result["postgres"]["server"] = admin.execute("SHOW server_version").fetchone()[0]  # type: ignore[index]
    finally:
        with psycopg.connect(args.pg_url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")
    result["machine"] = {"python": platform.python_version(), "cpus": os.cpu_count()}
    out = HERE / "results" / "bench_store_pg.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps(result, ensure_ascii=False, indent=2))
    print()
    print("| figure | SQLite | PostgreSQL |")
    print("|---|---|---|")
    for key in (
        "articles",
        "ingest_articles_per_second",
        "reingest_articles_per_second",
        "iter_articles_per_second",
        "list_plus_stats_ms",
    ):
        print(f"| {key} | {result['sqlite'][key]} | {result['postgres'][key]} |")
    for q in QUERIES:
        s, p = result["sqlite"]["search"][q], result["postgres"]["search"][q]
        print(
            f"| search `{q}` ms (hits) | {s['median_ms']} ({s['total']}) | {p['median_ms']} ({p['total']}) |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
