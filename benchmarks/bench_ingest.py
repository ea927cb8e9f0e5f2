"""Ingest of the whole ANT corpus (31.5k articles): articles/s per core and memory as the corpus grows.

    .venv/bin/python benchmarks/bench_ingest.py            # read + store (extraction, raw bytes, search index)
    .venv/bin/python benchmarks/bench_ingest.py --enrich   # also entities, times, quantities, quotes, events

One process = one core: the figure is articles/s per core.  Resident memory is sampled every 1,000
pages; "flat" means the last sample is close to the one at 25% of the corpus (the corpus streams).
Writes benchmarks/results/bench_ingest[_enrich].json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANT = HERE.parent.parent / "shared" / "data" / "ant-corpus"


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--enrich", action="store_true", help="run the full enrichment pipeline too")
    parser.add_argument("--limit-files", type=int, default=0, help="only the first N corpus files")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    if not ANT.is_dir():
        print(f"ANT corpus not found at {ANT}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(HERE.parent / "src"))
    from rasd.batch.local import ingest_paths
    from rasd.storage import open_store

    files = sorted(str(p) for p in ANT.glob("*.jsonl.gz"))
    if args.limit_files:
        files = files[: args.limit_files]
    samples: list[tuple[int, float]] = []
    seen = [0]

    def progress(n: int) -> None:
        seen[0] += n
        if seen[0] % 1000 == 0:
            samples.append((seen[0], round(rss_mb(), 1)))

    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "ant.db")
        store = open_store(db)
        if args.enrich:  # load models before the clock starts, as a long-running ingest would
            from rasd.pipeline import Pipeline

            Pipeline.default()
        started = time.perf_counter()
        cpu0 = time.process_time()
        summary = ingest_paths(store, files, workers=args.workers, enrich=args.enrich, progress=progress)
        wall = time.perf_counter() - started
        cpu = time.process_time() - cpu0
        stats = store.stats()
        store.close()
        db_bytes = sum(os.path.getsize(os.path.join(tmp, f)) for f in os.listdir(tmp))
    stored = summary.ingested + summary.updated + summary.unchanged
    quarter = samples[len(samples) // 4][1] if samples else None
    result = {
        "benchmark": "ingest ANT corpus" + (" with enrichment" if args.enrich else " (read + store)"),
        "files": [Path(f).name for f in files],
        "summary": summary.to_dict(),
        "articles_stored": stats.articles,
        "wall_seconds": round(wall, 2),
        "workers": args.workers,
        "articles_per_second": round(stored / wall, 1),
        "articles_per_second_per_core": round(stored / wall / max(1, args.workers), 1),
        "parent_cpu_seconds": round(cpu, 2),
        # CPU time is what a busy machine distorts least (one process: articles/s of one core's CPU)
        "articles_per_cpu_second": round(stored / cpu, 1) if args.workers <= 1 and cpu else None,
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_at_25pct_mb": quarter,
        "rss_at_end_mb": samples[-1][1] if samples else None,
        "rss_samples_mb": samples[:: max(1, len(samples) // 16)],
        "db_megabytes": round(db_bytes / 1e6, 1),
        "goal": ">= 500 articles/s per core for read+store; memory flat as the corpus grows"
        if not args.enrich else ">= 100 articles/s per core with the whole enrichment",
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
    }
    out = HERE / "results" / ("bench_ingest_enrich.json" if args.enrich else "bench_ingest.json")
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps({k: v for k, v in result.items() if k != "rss_samples_mb"}, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
