"""How much the known-item MRR depends on which 2,000 queries are drawn: rasd and the headline ceiling
over several query seeds (a diagnostic beside `search_bench.py`, whose headline figure stays seed 13).

    .venv/bin/python benchmarks/search_seeds.py                 # seeds 1-10, builds rasd at 31.5k (~3 min)
    .venv/bin/python benchmarks/search_seeds.py --db /tmp/s/rasd.db --seeds 1-20

For each seed: the same generator as the benchmark (benchmarks/search/queries.py), rasd's MRR@10 with
its default semantics on the verbatim and typed sets, and the headline oracle "all words, then exact
form, then word order, then the shorter headline" (benchmarks/search/ceiling.py).  Writes
benchmarks/results/search_seeds.json with every seed's figures and their mean, standard deviation,
minimum and maximum.
"""

from __future__ import annotations

import argparse
import json
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
from search.engines import RasdEngine  # noqa: E402
from search.queries import load_corpus, make_queries  # noqa: E402
from search_bench import evaluate  # noqa: E402

FIELDS = ("verbatim", "typed")


def parse_seeds(text: str) -> list[int]:
    """``"1-3,7"`` → ``[1, 2, 3, 7]``."""
    out: list[int] = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return out


def spread(values: list[float]) -> dict[str, float]:
    return {
        "mean": round(statistics.fmean(values), 4),
        "stdev": round(statistics.stdev(values), 4) if len(values) > 1 else 0.0,
        "min": round(min(values), 4),
        "max": round(max(values), 4),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seeds", default="1-10")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--db", help="an existing rasd archive of the ANT corpus (else one is built)")
    parser.add_argument("--out", default=str(HERE / "results" / "search_seeds.json"))
    args = parser.parse_args()
    if not ANT.is_dir():
        print(f"ANT corpus not found at {ANT}", file=sys.stderr)
        return 2
    docs = load_corpus(ANT)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(args.db).parent if args.db else Path(tmp)
        engine = RasdEngine(workdir)
        if not args.db:
            print("building rasd ...", flush=True)
            engine.build(docs)
        rows: list[dict[str, Any]] = []
        for seed in parse_seeds(args.seeds):
            t0 = time.perf_counter()
            queries = make_queries(docs, args.queries, seed)
            ceiling = measure_ceiling(docs, queries)
            row: dict[str, Any] = {"seed": seed}
            for field in FIELDS:
                row[f"rasd_{field}"] = evaluate(engine, "auto", queries, field, 0, {})["mrr@10"]
                row[f"ceiling_{field}"] = ceiling[field]["oracle_mrr@10_order_length"]
            rows.append(row)
            print(row, f"{time.perf_counter() - t0:.0f} s", flush=True)
        engine.close()
    keys = [k for k in rows[0] if k != "seed"]
    result = {
        "benchmark": "known-item MRR@10 over query seeds (ANT, rasd default semantics; headline ceiling)",
        "queries_per_set": args.queries,
        "seeds": rows,
        "summary": {k: spread([r[k] for r in rows]) for k in keys},
        "goals": {"verbatim": 0.96, "typed": 0.95},
    }
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for k, v in result["summary"].items():
        print(f"{k:18s} mean {v['mean']:.4f}  sd {v['stdev']:.4f}  [{v['min']:.4f}, {v['max']:.4f}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
