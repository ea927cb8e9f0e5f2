"""SQLite vs PostgreSQL store on the ANT corpus: ingest (read + store), re-ingest, streaming, search.

    export RASD_TEST_PG_URL="$(scripts/pg_test_server.sh start)"
    .venv/bin/python benchmarks/bench_store_pg.py [--limit-files N]

The same pages go through `rasd.batch.local.ingest_paths` (no enrichment, batches of 200) into a
SQLite file and into a fresh schema of the PostgreSQL database (dropped afterwards).  Then: a second
ingest of the same pages (everything UNCHANGED), one pass of ``iter_articles``, and the median of
each search query (5 runs).  The throwaway server runs with fsync off, so PostgreSQL write figures
are an upper bound for a durable server.

The annotated part (``--annotated N``, default 2000; 0 skips it) times the annotation write path that
the plain ingest hardly touches: N pages spread over the corpus files are read and enriched once
(untimed), then stored in batches of 200 into a fresh store of each backend (every one INSERTED:
annotation rows, entity aggregates, search index), then stored again as re-fetches with new content
and every other entity dropped (every one UPDATED: old rows and aggregate contributions subtracted).
On a shared machine wall-clock rates mostly measure the other users: the ``*_cpu_ms_per_article``
figures (CPU of this process plus, when the server runs on this machine, of its PostgreSQL backend,
read from /proc) are the ones to compare between runs.  ``load_average`` is recorded.
Writes benchmarks/results/bench_store_pg.json.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import pickle
import platform
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
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
    t, cpu, server = time.perf_counter(), time.process_time(), server_cpu_seconds(store)
    summary = ingest_paths(store, files, enrich=False)
    wall = time.perf_counter() - t
    server_after = server_cpu_seconds(store)
    stored = summary.ingested + summary.updated + summary.unchanged
    out["ingest_seconds"] = round(wall, 2)
    out["ingest_articles_per_second"] = round(stored / wall, 1)
    if server is not None and server_after is not None:  # read + extract + store, both processes
        used = time.process_time() - cpu + server_after - server
        out["ingest_cpu_ms_per_article"] = round(used * 1000 / stored, 2)
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


def annotated_articles(files: list[str], n: int) -> list[Any]:
    """About ``n`` enriched articles, the same share from each corpus file (first pages of each)."""
    from rasd.errors import RejectedPage
    from rasd.extract import extract_article
    from rasd.ingest.sources import Rejected, iter_raw_pages
    from rasd.pipeline import Pipeline

    pipeline = Pipeline.default()
    out: list[Any] = []
    share = -(-n // len(files))
    for f in files:
        taken = 0
        for item in iter_raw_pages([f]):
            if isinstance(item, Rejected):
                continue
            try:
                article = extract_article(item)
            except RejectedPage:
                continue
            out.append(pipeline(article))
            taken += 1
            if taken >= share:
                break
    return out[:n]


def refetched(article: Any) -> Any:
    """The article as a new fetch would bring it: other content, every other entity kept."""
    changed = dataclasses.replace(article, content_hash=article.content_hash[::-1])
    return changed.with_layer("entities", article.entities[::2])


def server_cpu_seconds(store: Any) -> float | None:
    """CPU time of the PostgreSQL backend serving ``store`` (a server on this machine), else None."""
    if not hasattr(store, "_dsn"):
        return 0.0  # SQLite works in this process
    try:
        pid = store.connection.execute("SELECT pg_backend_pid()").fetchone()[0]
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure_annotated(store: Any, articles: list[Any], batch: int = 200) -> dict[str, Any]:
    """Insert then update rates; CPU ms per article (this process + the PostgreSQL backend) is the
    figure to compare on a busy machine, where wall time mostly measures the other users."""
    out: dict[str, Any] = {"articles": len(articles)}
    for name, items in (("store", articles), ("update", [refetched(a) for a in articles])):
        t, cpu, server = time.perf_counter(), time.process_time(), server_cpu_seconds(store)
        outcomes: list[Any] = []
        for i in range(0, len(items), batch):
            outcomes += store.put_articles([(a, None) for a in items[i : i + batch]])
        wall = time.perf_counter() - t
        server_after = server_cpu_seconds(store)
        used = time.process_time() - cpu
        if server is not None and server_after is not None:
            used += server_after - server
            out[f"{name}_cpu_ms_per_article"] = round(used * 1000 / len(items), 2)
        out[f"{name}_articles_per_second"] = round(len(items) / wall, 1)
        out[f"{name}_outcomes"] = sorted({o.value for o in outcomes})
    stats = store.stats()
    out["entities"], out["events"], out["quotes"] = stats.entities, stats.events, stats.quotes
    return out


@contextlib.contextmanager
def sqlite_store(name: str) -> Iterator[Any]:
    from rasd.storage import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(os.path.join(tmp, name))
        try:
            yield store
        finally:
            store.close()


@contextlib.contextmanager
def pg_store(url: str) -> Iterator[tuple[Any, Any, str]]:
    """A store in a fresh schema (dropped afterwards), an admin connection, the schema's name."""
    import psycopg

    from rasd.storage import open_store

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        try:
            store = open_store(f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}")
            try:
                yield store, admin, schema
            finally:
                store.close()
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pg-url", default=os.environ.get("RASD_TEST_PG_URL", ""))
    parser.add_argument("--limit-files", type=int, default=0, help="only the first N corpus files")
    parser.add_argument("--annotated", type=int, default=2000, help="enriched articles to store (0: skip)")
    parser.add_argument("--annotated-only", action="store_true", help="skip the plain ingest (results not saved)")
    parser.add_argument(
        "--cache", help="pickle of the enriched articles: read when it exists, else written (repeat runs)"
    )
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
    files = sorted(str(p) for p in ANT.glob("*.jsonl.gz"))
    if args.limit_files:
        files = files[: args.limit_files]
    result: dict[str, Any] = {
        "benchmark": "store backends on the ANT corpus (read + store, no enrichment)",
        "files": [Path(f).name for f in files],
    }
    if not args.annotated_only:
        with sqlite_store("ant.db") as store:
            result["sqlite"] = measure(store, files)
        with pg_store(args.pg_url) as (store, admin, schema):
            result["postgres"] = measure(store, files)
            row = admin.execute(
                "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n"
                " ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relkind = 'r'",
                (schema,),
            ).fetchone()
            result["postgres"]["db_megabytes"] = round(int(row[0] or 0) / 1e6, 1) if row else None
            result["postgres"]["server"] = admin.execute("SHOW server_version").fetchone()[0]
    if args.annotated:
        t = time.perf_counter()
        if args.cache and os.path.exists(args.cache):
            articles = pickle.loads(Path(args.cache).read_bytes())[: args.annotated]
        else:
            articles = annotated_articles(files, args.annotated)
            if args.cache:
                Path(args.cache).write_bytes(pickle.dumps(articles))
        result["annotated"] = {"enrich_seconds": round(time.perf_counter() - t, 1)}
        with sqlite_store("annotated.db") as store:
            result["annotated"]["sqlite"] = measure_annotated(store, articles)
        with pg_store(args.pg_url) as (store, _, _):
            result["annotated"]["postgres"] = measure_annotated(store, articles)
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    result["machine"] = {"python": platform.python_version(), "cpus": os.cpu_count()}
    if args.annotated_only:  # a partial run does not replace the saved results
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
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
        "ingest_cpu_ms_per_article",
        "reingest_articles_per_second",
        "iter_articles_per_second",
        "list_plus_stats_ms",
    ):
        print(f"| {key} | {result['sqlite'].get(key)} | {result['postgres'].get(key)} |")
    if "annotated" in result:
        ann = result["annotated"]
        for key in ("store_articles_per_second", "store_cpu_ms_per_article", "update_articles_per_second",
                    "update_cpu_ms_per_article", "entities"):
            print(f"| annotated {key} | {ann['sqlite'].get(key)} | {ann['postgres'].get(key)} |")
    for q in QUERIES:
        s, p = result["sqlite"]["search"][q], result["postgres"]["search"][q]
        print(
            f"| search `{q}` ms (hits) | {s['median_ms']} ({s['total']}) | {p['median_ms']} ({p['total']}) |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
