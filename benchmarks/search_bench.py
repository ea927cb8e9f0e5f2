"""Arabic known-item search on the ANT corpus: rasd vs FTS5 unicode61, PostgreSQL ``arabic``, tantivy.

    .venv/bin/python benchmarks/search_bench.py                    # all engines, 31.5k articles
    .venv/bin/python benchmarks/search_bench.py --scale 1000000    # also rasd latency at 1M articles

Two query sets of 2,000 queries (fixed seed), each 2–4 content words of one headline, target = that
article (see benchmarks/search/queries.py): *verbatim* and *as people type*.  For each engine and
semantics: MRR@10, recall@10, zero-result queries, latency p50/p95 over the first 1,000 queries of
each set (one process, warm, end to end: rasd's figure includes parsing, count, hit loading and
snippets).  Index build time and size per engine.  Writes benchmarks/results/search_bench.json.
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
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ANT = HERE.parent.parent / "shared" / "data" / "ant-corpus"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from search.ceiling import measure_ceiling  # noqa: E402
from search.duplicates import content_key, copy_stats, find_copies, first_relevant_rank  # noqa: E402
from search.engines import (  # noqa: E402
    Fts5PlainEngine,
    PostgresEngine,
    RasdEngine,
    TantivyEngine,
    iter_replicas,
    to_article,
)
from search.queries import Query, load_corpus, make_queries  # noqa: E402

ENGINES = {"rasd": RasdEngine, "fts5": Fts5PlainEngine, "postgres": PostgresEngine, "tantivy": TantivyEngine}
SEMANTICS = {
    "rasd": ("auto", "and", "or"),
    "fts5": ("and", "or"),
    "postgres": ("and", "or"),
    "tantivy": ("and", "or"),
}


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    k = min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))
    return s[k]


def evaluate(
    engine: Any,
    semantics: str,
    queries: list[Query],
    field: str,
    latency_n: int,
    copies: dict[str, frozenset[str]],
) -> dict[str, Any]:
    """MRR@10, recall@10 and zero-result queries, strict (the target's id) and duplicate-aware (the
    target or an exact copy of it, `search.duplicates`), and latency over the first ``latency_n``."""
    rr: list[float] = []
    rr_dup: list[float] = []
    found = 0
    zero = 0
    times: list[float] = []
    for q in queries:
        text = getattr(q, field)
        t0 = time.perf_counter()
        ids = engine.search(text, semantics)
        times.append((time.perf_counter() - t0) * 1000)
        if not ids:
            zero += 1
        if q.target in ids:
            rank = ids.index(q.target) + 1
            rr.append(1.0 / rank)
            found += 1
        else:
            rr.append(0.0)
        dup_rank = first_relevant_rank(ids, q.target, copies.get(q.target, frozenset()))
        rr_dup.append(1.0 / dup_rank if dup_rank else 0.0)
    lat = times[:latency_n]
    return {
        "mrr@10": round(statistics.fmean(rr), 4),
        "recall@10": round(found / len(queries), 4),
        "mrr@10_dup_aware": round(statistics.fmean(rr_dup), 4),
        "recall@10_dup_aware": round(sum(1 for x in rr_dup if x) / len(queries), 4),
        "zero_results": zero,
        "queries": len(queries),
        "latency_ms_p50": round(percentile(lat, 50), 2),
        "latency_ms_p95": round(percentile(lat, 95), 2),
    }


DUPLICATE_SCORING = (
    "Strict: a query is answered when the target's own id is in the top 10 (rank of that id). "
    "Duplicate-aware (the *_dup_aware figures): an article whose headline and text are identical to the "
    "target's after whitespace normalization only (an exact copy, benchmarks/search/duplicates.py) counts "
    "as the target, and the first of the target and its copies to come up gives the rank, as TREC's "
    "known-item and web tracks treat exact duplicates of the relevant document; for the ceiling's oracles, "
    "the copies share the target's key, so the expected reciprocal rank is that of the first of the group "
    "placed at random among the ties. Same seed and queries as the strict figures. Queries are drawn only "
    "among articles whose headline occurs once, so a target has no copy unless a copy's headline differs "
    "in whitespace: queries_whose_target_has_a_copy counts them. "
    "ceiling_competitor_copies_collapsed is a diagnostic, not a score: the strict oracles on the corpus "
    "with every group of copies reduced to one article (how much duplicated competitors cost)."
)


def duplicates_summary(
    docs: list[Any], queries: list[Query], copies: dict[str, frozenset[str]]
) -> dict[str, Any]:
    """Exact copies in the corpus and among the query targets, and the ceiling without them."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for d in docs:
        key = content_key(d)
        if key not in seen:
            seen.add(key)
            unique.append(d)
    collapsed = measure_ceiling(unique, queries)
    return {
        **copy_stats(docs, copies),
        "queries_whose_target_has_a_copy": sum(1 for q in queries if q.target in copies),
        "ceiling_competitor_copies_collapsed": {
            field: {k: v for k, v in r.items() if k.startswith("oracle_mrr") and "dup_aware" not in k}
            for field, r in collapsed.items()
        },
        "scoring": DUPLICATE_SCORING,
    }


def run_scale(
    docs: list[Any],
    queries: list[Query],
    total: int,
    workdir: Path,
    latency_n: int,
    *,
    db: Path | None = None,
    build_only: bool = False,
    cold: bool = False,
) -> dict[str, Any]:
    """rasd at ``total`` articles: the corpus, then copies with new ids indexed by index_articles.

    With ``db`` the archive is kept there, and a later run that finds it complete (its sidecar
    ``.build.json`` says so) measures latency without building again: the long build can run while
    the machine is busy and the latencies later on a quiet machine.
    """
    from rasd.storage import open_store

    path = db or workdir / "rasd-scale.db"
    sidecar = path.with_name(path.name + ".build.json")
    if path.exists() and sidecar.exists():
        built = json.loads(sidecar.read_text(encoding="utf-8"))
        if built.get("articles") == total:
            print(f"  scale: reusing {path} ({built})", flush=True)
            store = open_store(str(path))
            out = dict(built, reused_build=True)
            out.update(_scale_latency(store, queries, latency_n, cold=cold))
            store.close()
            return out
    path.unlink(missing_ok=True)
    store = open_store(str(path))
    out = _build_scale(store, docs, total)
    sidecar.write_text(json.dumps(out) + "\n", encoding="utf-8")
    if not build_only:
        out.update(_scale_latency(store, queries, latency_n, cold=cold))
    store.close()
    return out


def copy_index_rows(conn: Any, pairs: list[tuple[int, int]]) -> None:
    """Index ``new_pk`` as a copy of ``src_pk``'s index rows, for each ``(new_pk, src_pk)``."""
    cols = "title, body, title_alt, body_alt, title_exact, body_exact"
    conn.executemany(
        f"INSERT INTO articles_fts(rowid, {cols}) SELECT ?, {cols} FROM articles_fts WHERE rowid = ?", pairs
    )
    conn.executemany(
        "INSERT INTO search_headlines(pk, title) SELECT ?, title FROM search_headlines WHERE pk = ?", pairs
    )
    hcols = "title, title_alt, title_exact"
    conn.executemany(
        f"INSERT INTO headlines_fts(rowid, {hcols}) SELECT ?, {hcols} FROM articles_fts WHERE rowid = ?",
        pairs,
    )


def _build_scale(store: Any, docs: list[Any], total: int) -> dict[str, Any]:
    conn = store.connection
    t0 = time.perf_counter()
    base = [(to_article(d), None) for d in docs]
    for i in range(0, len(base), 1000):
        store.put_articles(base[i : i + 1000])
    pk_of = dict(conn.execute("SELECT id, pk FROM articles").fetchall())
    n = len(docs)
    batch: list[tuple[int, str, str]] = []

    def flush() -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO articles (id, url, title, outlet, published, category, content_hash, text, doc) "
            "SELECT ?, url, title, outlet, published, category, content_hash, text, '{}' "
            "FROM articles WHERE pk = ?",
            [(new_id, pk_of[src_id]) for _, src_id, new_id in batch],
        )
        rows = conn.execute(
            "SELECT pk, id FROM articles WHERE id IN (" + ",".join("?" * len(batch)) + ")",
            [new_id for _, _, new_id in batch],
        ).fetchall()
        src_of = {new_id: src_id for _, src_id, new_id in batch}
        # A replica's text is its source's, so its index row is the source's row under the new pk:
        # copied inside SQLite rather than analyzed again (analysis cost is linear and measured by the
        # 31.5k reindex; this build measures FTS5 insertion and merging at 1M rows).
        copy_index_rows(conn, [(int(pk), pk_of[src_of[aid]]) for pk, aid in rows])
        conn.execute("COMMIT")
        batch.clear()

    for k, d, new_id in iter_replicas(docs, total):
        if k == 0:
            continue
        batch.append((k, d.id, new_id))
        n += 1
        if len(batch) >= 2000:
            flush()
            if n % 100_000 < 2000:
                print(f"  scale: {n} articles, {time.perf_counter() - t0:.0f} s", flush=True)
    if batch:
        flush()
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    conn.execute("INSERT INTO headlines_fts(headlines_fts) VALUES ('optimize')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    build_s = time.perf_counter() - t0
    size = conn.execute(
        "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'articles_fts%' OR name LIKE 'headlines_fts%'"
        " OR name = 'search_headlines'"
    ).fetchone()[0]
    count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    return {
        "articles": count,
        "build_s": round(build_s, 1),
        "index_bytes": int(size),
        "build_load_avg_1m": round(os.getloadavg()[0], 2),
    }


def drop_page_cache() -> bool:
    """Flush and drop the OS page cache (needs root); False when not permitted."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n", encoding="ascii")
    except OSError:
        return False
    return True


def _time_queries(store: Any, texts: list[str]) -> dict[str, Any]:
    from rasd.search import parse_query

    load = os.getloadavg()[0]
    times: list[float] = []
    for text in texts:
        t1 = time.perf_counter()
        store.search(parse_query(text, limit=10))
        times.append((time.perf_counter() - t1) * 1000)
    return {
        "latency_ms_p50": round(percentile(times, 50), 2),
        "latency_ms_p95": round(percentile(times, 95), 2),
        "latency_ms_max": round(max(times), 2),
        "load_avg_1m": round(max(load, os.getloadavg()[0]), 2),
    }


def _scale_latency(store: Any, queries: list[Query], latency_n: int, *, cold: bool = False) -> dict[str, Any]:
    """Latency over the first ``latency_n`` queries of each set.  With ``cold``, for each set: drop the
    OS page cache and reopen the archive, time the set (``cold``: the first run on a cold cache), then
    time it again (``warm``)."""
    from rasd.storage import open_store

    out: dict[str, Any] = {"latency_load_avg_1m": round(os.getloadavg()[0], 2)}
    for field in ("verbatim", "typed"):
        texts = [getattr(q, field) for q in queries[:latency_n]]
        if not cold:
            out[field] = _time_queries(store, texts)
            continue
        path = store.path
        store.close()
        dropped = drop_page_cache()
        t0 = time.perf_counter()
        store = open_store(path)
        open_ms = round((time.perf_counter() - t0) * 1000, 1)
        first = _time_queries(store, texts)
        out[field] = {
            "cold": {**first, "page_cache_dropped": dropped, "open_ms": open_ms},
            "warm": _time_queries(store, texts),
        }
    if cold:
        store.close()
    return out


def markdown(results: dict[str, Any]) -> str:
    lines = [
        "| engine | semantics | verbatim MRR@10 | R@10 | zero | typed MRR@10 | R@10 | zero | p50 ms | p95 ms |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, eng in results["engines"].items():
        for sem, r in eng["runs"].items():
            v, t = r["verbatim"], r["typed"]
            lines.append(
                f"| {name} | {sem} | {v['mrr@10']:.3f} | {v['recall@10']:.3f} | {v['zero_results']} | "
                f"{t['mrr@10']:.3f} | {t['recall@10']:.3f} | {t['zero_results']} | "
                f"{t['latency_ms_p50']:.1f} | {t['latency_ms_p95']:.1f} |"
            )
    lines += ["", "| engine | build s | index MB |", "|---|---|---|"]
    for name, eng in results["engines"].items():
        b = eng["build"]
        lines.append(f"| {name} | {b['index_build_s']} | {b['index_bytes'] / 1e6:.0f} |")
    if "scale" in results:
        s = results["scale"]
        lines += [
            "",
            f"rasd at {s['articles']:,} articles: build {s['build_s']} s, index {s['index_bytes'] / 1e9:.2f} GB",
        ]
        for field in ("typed", "verbatim"):
            runs = s[field] if "cold" in s[field] else {"warm": s[field]}
            for kind, r in runs.items():
                lines.append(
                    f"- {field} {kind}: p50 {r['latency_ms_p50']} ms / p95 {r['latency_ms_p95']} ms"
                    f" (load {r.get('load_avg_1m', s.get('latency_load_avg_1m'))})"
                )
    return "\n".join(lines)


def _read_previous(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _carry_over(results: dict[str, Any], previous: dict[str, Any], label: str) -> None:
    """Keep what this run did not measure: other engines' rows (flagged ``carried_over``), the 1M
    scale figures, the build log and notes.  With ``label``, log rasd's run in
    ``earlier_rasd_builds``."""
    for name, eng in previous.get("engines", {}).items():
        if name not in results["engines"]:
            results["engines"][name] = {**eng, "carried_over": True}
    for key in ("scale", "earlier_rasd_builds", "notes"):
        if key in previous and key not in results:
            results[key] = previous[key]
    if "scale" in results and "scale" in previous:
        results["scale"]["carried_over"] = True
    if label and "rasd" in results["engines"] and not results["engines"]["rasd"].get("carried_over"):
        log = results.setdefault("earlier_rasd_builds", {})
        runs = results["engines"]["rasd"]["runs"]
        log[label] = {
            "mrr@10": {f: runs["auto"][f]["mrr@10"] for f in ("verbatim", "typed")},
            "recall@10": {f: runs["auto"][f]["recall@10"] for f in ("verbatim", "typed")},
            "zero_results": {f: runs["auto"][f]["zero_results"] for f in ("verbatim", "typed")},
            "latency_ms_p95_typed": runs["auto"]["typed"]["latency_ms_p95"],
            "load_avg_1m": round(os.getloadavg()[0], 2),
            "engine": results["engines"]["rasd"],
        }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--queries", type=int, default=2000, help="queries per set")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--latency-queries", type=int, default=1000)
    parser.add_argument("--engines", default="rasd,fts5,postgres,tantivy")
    parser.add_argument("--scale", type=int, default=0, help="also measure rasd at this many articles")
    parser.add_argument(
        "--scale-db",
        default="",
        help="keep the scale archive at this path and reuse it when a finished build is there",
    )
    parser.add_argument(
        "--scale-build-only", action="store_true", help="build the scale archive, measure nothing"
    )
    parser.add_argument(
        "--scale-cold",
        action="store_true",
        help="time each scale query set first on a dropped page cache (root), then warm",
    )
    parser.add_argument("--out", default=str(HERE / "results" / "search_bench.json"))
    parser.add_argument(
        "--label",
        default="",
        help="also log this rasd run under earlier_rasd_builds[LABEL] (the change-by-change record)",
    )
    args = parser.parse_args()
    if not ANT.is_dir():
        print(f"ANT corpus not found at {ANT}", file=sys.stderr)
        return 2
    docs = load_corpus(ANT)
    queries = make_queries(docs, args.queries, args.seed)
    copies = find_copies(docs)
    print(f"{len(docs)} articles, {len(queries)} queries per set", flush=True)
    results: dict[str, Any] = {
        "corpus": {"articles": len(docs), "source": "ANT v2.1 (../shared/data/ant-corpus)"},
        "queries": {
            "per_set": len(queries),
            "seed": args.seed,
            # ANT's words stay out of the results file: the queries are regenerated from the seed
            "examples": [{"target": q.target, "words": len(q.verbatim.split())} for q in queries[:10]],
        },
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "duplicates": duplicates_summary(docs, queries, copies),
        "ceiling": measure_ceiling(docs, queries, copies),
        "engines": {},
    }
    print(f"ceiling: {json.dumps(results['ceiling'])}", flush=True)
    out = Path(args.out)
    previous = _read_previous(out)
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        for name in [e for e in args.engines.split(",") if e]:
            workdir = Path(tmp) / name
            workdir.mkdir()
            engine = ENGINES[name](workdir)
            try:
                build = engine.build(docs)
                print(f"{name}: built {build}", flush=True)
                runs: dict[str, Any] = {}
                for sem in SEMANTICS[name]:
                    runs[sem] = {
                        field: evaluate(engine, sem, queries, field, args.latency_queries, copies)
                        for field in ("verbatim", "typed")
                    }
                    print(f"  {sem}: {json.dumps(runs[sem])}", flush=True)
                results["engines"][engine.name] = {"build": build, "runs": runs}
            finally:
                engine.close()
        _carry_over(results, previous, args.label)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if args.scale:
            results["scale"] = run_scale(
                docs,
                queries,
                args.scale,
                Path(tmp),
                args.latency_queries,
                db=Path(args.scale_db) if args.scale_db else None,
                build_only=args.scale_build_only,
                cold=args.scale_cold,
            )
            if args.scale_build_only:
                print(f"scale archive built: {json.dumps(results['scale'])}", flush=True)
                return 0
            print(f"scale: {json.dumps(results['scale'])}", flush=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
