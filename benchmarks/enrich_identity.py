"""Enrichment output identity and CPU cost per stage, on a fixed ANT sample.

    .venv/bin/python benchmarks/enrich_identity.py --out /tmp/new.dump             # dump + timings
    .venv/bin/python benchmarks/enrich_identity.py --src /tmp/old/src --out /tmp/old.dump
    .venv/bin/python benchmarks/enrich_identity.py --out /tmp/new.dump --compare /tmp/old.dump

The sample is the first ``--per-file`` pages of each ANT corpus file (default 600 x 5 = 3,000).
Each page is extracted and run through the default pipeline one stage at a time (CPU time per stage,
``time.process_time``); the articles are then stored in a fresh SQLite archive in batches of 200.
The dump holds every layer of every article (spans with attrs, as JSON) and the stored rows of
``articles`` (without the clock columns), ``annotations``, ``entities`` and ``entity_names``; two
dumps of the same code are byte-identical, so ``--compare`` checks that an optimisation changed no
output.  ``--src`` runs another checkout's code (e.g. a git worktree of the commit before).
Writes benchmarks/results/enrich_identity.json (per-stage ms/article, articles/s of CPU time).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import os
import resource
import sqlite3
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ANT = HERE.parent.parent / "shared" / "data" / "ant-corpus"
_TABLES = {
    "articles": "SELECT * FROM articles ORDER BY pk",
    "annotations": "SELECT * FROM annotations ORDER BY rowid",
    "entities": "SELECT * FROM entities ORDER BY canonical, type",
    "entity_names": "SELECT * FROM entity_names ORDER BY folded, canonical, type, is_alias",
}
_CLOCK_COLUMNS = {"created_at", "updated_at"}


def layer_lines(article: Any) -> list[str]:
    """One JSON line per layer of ``article``: name, then ``[start, end, label, attrs]`` per span."""
    out = []
    for name in sorted(article.layers):
        spans = [[s.start, s.end, s.label, dict(s.attrs)] for s in article.layers[name]]
        out.append(json.dumps([article.id, name, spans], ensure_ascii=False, sort_keys=True, default=str))
    return out


def table_lines(db: str) -> list[str]:
    conn = sqlite3.connect(db)
    out = []
    try:
        for table, sql in _TABLES.items():
            cur = conn.execute(sql)
            cols = [d[0] for d in cur.description]
            keep = [i for i, c in enumerate(cols) if c not in _CLOCK_COLUMNS]
            for row in cur:
                out.append(json.dumps([table, [row[i] for i in keep]], ensure_ascii=False, default=str))
    finally:
        conn.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--src", default=str(HERE.parent / "src"), help="the rasd source tree to run")
    parser.add_argument("--per-file", type=int, default=600, help="pages from each ANT file")
    parser.add_argument("--out", required=True, help="dump file to write (gzip if it ends in .gz)")
    parser.add_argument("--compare", help="a reference dump: exit 1 unless identical")
    parser.add_argument("--chunk", type=int, default=16, help="articles enriched together (1: one by one)")
    parser.add_argument("--no-store", action="store_true", help="layers only (no SQLite rows)")
    parser.add_argument("--profile", help="write cProfile stats of the enrichment to this file")
    args = parser.parse_args()
    sys.path.insert(0, args.src)
    import rasd
    from rasd.errors import RejectedPage
    from rasd.extract import extract_article
    from rasd.ingest.rawpage import RawPage
    from rasd.ingest.sources import iter_raw_pages
    from rasd.pipeline import Pipeline
    from rasd.storage import open_store

    pipeline = Pipeline.default()
    files = sorted(str(p) for p in ANT.glob("*.jsonl.gz"))
    raws = [r for f in files for r in islice(iter_raw_pages([f]), args.per_file) if isinstance(r, RawPage)]
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stage_cpu = {s.name: 0.0 for s in pipeline.stages}
    articles = []
    extract_cpu = 0.0
    prof = None
    if args.profile:
        import cProfile

        prof = cProfile.Profile()
    try:  # as ingest does (`rasd.batch.local.long_run_gc`), where the code has it
        from rasd.batch.local import long_run_gc

        gc_context: Any = long_run_gc()
    except ImportError:
        gc_context = contextlib.nullcontext()
    gc_context.__enter__()
    cpu0 = time.process_time()
    for k in range(0, len(raws), args.chunk):
        chunk = []
        for raw in raws[k : k + args.chunk]:
            t = time.process_time()
            try:
                chunk.append((extract_article(raw), raw))
            except RejectedPage:
                continue
            finally:
                extract_cpu += time.process_time() - t
        batch = [a for a, _ in chunk]
        if prof:
            prof.enable()
        for stage in pipeline.stages:  # as Pipeline.run_batch, timed per stage
            t = time.process_time()
            many = getattr(stage, "call_many", None)
            batch = list(many(batch)) if many is not None and args.chunk > 1 else [stage(a) for a in batch]
            stage_cpu[stage.name] += time.process_time() - t
        if prof:
            prof.disable()
        articles += [(a, raw) for a, (_, raw) in zip(batch, chunk, strict=True)]
    enrich_cpu = time.process_time() - cpu0 - extract_cpu
    gc_context.__exit__(None, None, None)
    if prof:
        prof.dump_stats(args.profile)
    lines = [line for a, _ in articles for line in layer_lines(a)]
    store_cpu = 0.0
    if not args.no_store:
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "sample.db")
            store = open_store(db)
            t = time.process_time()
            for k in range(0, len(articles), 200):
                store.put_articles(articles[k : k + 200])
            store_cpu = time.process_time() - t
            store.close()
            lines += table_lines(db)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    opener = gzip.open if args.out.endswith(".gz") else open
    with opener(args.out, "wb") as f:
        f.write(data)
    n = len(articles)
    result = {
        "src": os.path.dirname(os.path.dirname(rasd.__file__)),
        "articles": n,
        "chunk": args.chunk,
        "extract_ms_per_article": round(1000 * extract_cpu / n, 3),
        "stage_ms_per_article": {k: round(1000 * v / n, 3) for k, v in stage_cpu.items()},
        "store_ms_per_article": round(1000 * store_cpu / n, 3),
        "enrich_cpu_seconds": round(enrich_cpu, 2),
        "enrich_plus_store_articles_per_cpu_second": round(n / (enrich_cpu + store_cpu), 1),
        "dump_sha256": hashlib.sha256(data).hexdigest(),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_after_reading_mb": round(rss0, 1),
        "load_average": os.getloadavg(),
    }
    print(json.dumps(result, indent=2))
    out = HERE / "results" / "enrich_identity.json"
    if result["src"] == str(HERE.parent / "src"):
        out.write_text(json.dumps(result, indent=2) + "\n")
    if args.compare:
        opener = gzip.open if args.compare.endswith(".gz") else open
        with opener(args.compare, "rb") as f:
            ref = f.read()
        if ref == data:
            print("IDENTICAL to", args.compare)
            return 0
        old, new = ref.decode("utf-8").split("\n"), data.decode("utf-8").split("\n")
        diffs = [k for k in range(max(len(old), len(new))) if k >= len(old) or k >= len(new) or old[k] != new[k]]
        print(f"DIFFERENT: {len(diffs)} of {len(old)} lines differ; first:", file=sys.stderr)
        for k in diffs[:3]:
            print("- " + (old[k] if k < len(old) else "")[:600], file=sys.stderr)
            print("+ " + (new[k] if k < len(new) else "")[:600], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
