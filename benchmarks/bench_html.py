"""HTML extraction time: rasd's full HTML reader vs bare ``trafilatura.extract`` on the same 8 pages.

Run:  .venv/bin/python benchmarks/bench_html.py [--rounds N]
Writes benchmarks/results/bench_html.json and prints a markdown table.  Goal: ratio <= 1.3.

rasd does more than trafilatura.extract (decoding, meta/JSON-LD, publish date with time of day, views,
outlet, boilerplate filter, Article assembly) but parses the HTML once and hands the same lxml tree to
trafilatura, and only calls htmldate when meta tags and JSON-LD have no date.  Both sides run
interleaved, page by page, after one warm-up pass; the figure per page is the median over the rounds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "htmldate-arabic"
OUT = ROOT / "benchmarks" / "results" / "bench_html.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is not present", file=sys.stderr)
        return 0
    from trafilatura import extract

    from rasd.extract import extract_article
    from rasd.ingest import RawPage

    gold = json.loads((DATA / "gold_dates.json").read_text(encoding="utf-8"))
    pages = [(url, (DATA / "html" / e["file"]).read_bytes(), e["file"]) for url, e in gold.items()]

    def run_rasd(url: str, html: bytes) -> None:
        extract_article(RawPage(html, url, url=url, media_type="text/html"))

    def run_trafilatura(url: str, html: bytes) -> None:
        extract(html, url=url)

    def run_trafilatura_nocomments(url: str, html: bytes) -> None:
        extract(html, url=url, include_comments=False)  # the setting rasd uses

    cold: dict[str, dict[str, float]] = {}
    for url, html, name in pages:  # first call per page: nothing cached yet for either side
        cold[name] = {}
        for side, fn in (("trafilatura", run_trafilatura), ("rasd", run_rasd)):
            start = time.perf_counter()
            fn(url, html)
            cold[name][side] = time.perf_counter() - start
    sides = ("rasd", "trafilatura", "trafilatura_nocomments")
    times: dict[str, dict[str, list[float]]] = {name: {s: [] for s in sides} for _, _, name in pages}
    for r in range(args.rounds):
        order = (("rasd", run_rasd), ("trafilatura", run_trafilatura),
                 ("trafilatura_nocomments", run_trafilatura_nocomments))
        for url, html, name in pages:
            for side, fn in order if r % 2 else order[::-1]:
                start = time.perf_counter()
                fn(url, html)
                times[name][side].append(time.perf_counter() - start)
    rows = []
    for _, html, name in pages:
        med = {side: statistics.median(v) for side, v in times[name].items()}
        rows.append({"file": name, "bytes": len(html), "rasd_ms": round(med["rasd"] * 1000, 2),
                     "trafilatura_ms": round(med["trafilatura"] * 1000, 2),
                     "ratio": round(med["rasd"] / med["trafilatura"], 3),
                     "trafilatura_nocomments_ms": round(med["trafilatura_nocomments"] * 1000, 2),
                     "ratio_nocomments": round(med["rasd"] / med["trafilatura_nocomments"], 3),
                     "cold_rasd_ms": round(cold[name]["rasd"] * 1000, 2),
                     "cold_trafilatura_ms": round(cold[name]["trafilatura"] * 1000, 2)})
    total_r = sum(r["rasd_ms"] for r in rows)
    total_t = sum(r["trafilatura_ms"] for r in rows)
    total_n = sum(r["trafilatura_nocomments_ms"] for r in rows)
    cold_r = sum(r["cold_rasd_ms"] for r in rows)
    cold_t = sum(r["cold_trafilatura_ms"] for r in rows)
    summary = {"rounds": args.rounds, "rasd_ms_total": round(total_r, 2), "trafilatura_ms_total": round(total_t, 2),
               "ratio": round(total_r / total_t, 3), "cold_ratio": round(cold_r / cold_t, 3),
               "trafilatura_nocomments_ms_total": round(total_n, 2),
               "ratio_nocomments": round(total_r / total_n, 3),
               "goal": "ratio <= 1.3"}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"summary": summary, "rows": rows}, indent=1), encoding="utf-8")
    print("| page | bytes | rasd ms | trafilatura.extract ms | ratio | extract(include_comments=False) ms | ratio |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['file']} | {r['bytes']} | {r['rasd_ms']} | {r['trafilatura_ms']} | {r['ratio']} "
              f"| {r['trafilatura_nocomments_ms']} | {r['ratio_nocomments']} |")
    print(f"| **total (median of {args.rounds})** | | {summary['rasd_ms_total']} | {summary['trafilatura_ms_total']} "
          f"| **{summary['ratio']}** | {summary['trafilatura_nocomments_ms_total']} | **{summary['ratio_nocomments']}** |")
    print(f"\nfirst-call (cold) ratio: {summary['cold_ratio']}")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
