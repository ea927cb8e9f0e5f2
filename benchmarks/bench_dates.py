"""Publish dates on the 8 Arabic pages of ../shared/data/htmldate-arabic: rasd vs htmldate vs trafilatura.

Run:  .venv/bin/python benchmarks/bench_dates.py
Writes benchmarks/results/bench_dates.json and prints a markdown table.

* days right: the local publication day equals the gold day of ``gold_dates.json`` (htmldate's test set).
* time right: the local time of day (HH:MM) equals the one the page states.  Every one of the 8 pages
  states a publication time (in a meta tag, JSON-LD or visible text); the expected local times below
  were read by hand from each page's markup by the rasd team (they are not part of the upstream gold).
* htmldate alone: ``find_date(html, url=..., original_date=True, outputformat=...)`` with time format,
  default (extensive) search; trafilatura alone: ``bare_extraction(..., with_metadata=True).date``.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "htmldate-arabic"
OUT = ROOT / "benchmarks" / "results" / "bench_dates.json"
STATED_LOCAL_TIME = {  # file -> HH:MM the page states for its publication (local to the page's zone)
    "1691196862.html": "09:23",  # youm7: meta 09:23:13Z, visible "09:23 ص"
    "1784190729.html": "02:00",  # alyaum: JSON-LD 02:00:00+03:00
    "1623715966.html": "03:01",  # albayan: 03:01+0400
    "1731695567.html": "12:09",  # akhbarelyom: "12:09 م"
    "1588107198.html": "21:22",  # almadenahnews: visible "09:22 مساءً"
    "1550981615.html": "17:27",  # sputnik: 17:27:41Z / visible "17:27"
    "1806793639.html": "01:59",  # elbaladtv: JSON-LD 01:59:50+02:00 / visible "1:59 صباحًا"
    "1764731404.html": "18:34",  # beirutobserver: 18:34:47+00:00
}
FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def _parse(value: str | None) -> tuple[str | None, str | None]:
    """(day, HH:MM or None) of a date string from any of the three tools."""
    if not value:
        return None, None
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        return value[:10], None
    has_time = len(value) > 10 and not (dt.tzinfo is None and dt.strftime("%H:%M:%S") == "00:00:00")
    return dt.date().isoformat(), dt.strftime("%H:%M") if has_time else None


def run_rasd(html: bytes, url: str) -> str | None:
    from rasd.extract import extract_article
    from rasd.ingest import RawPage

    article = extract_article(RawPage(html, url, url=url, media_type="text/html"))
    return article.published.isoformat() if article.published else None


def run_htmldate(html: bytes, url: str) -> str | None:
    from htmldate import find_date

    value = find_date(html, url=url, original_date=True, outputformat=FORMAT)
    return str(value) if value else None


def run_trafilatura(html: bytes, url: str) -> str | None:
    from trafilatura import bare_extraction

    doc = bare_extraction(html, url=url, with_metadata=True)
    return getattr(doc, "date", None) if doc is not None else None


TOOLS = {"rasd": run_rasd, "htmldate": run_htmldate, "trafilatura": run_trafilatura}


def main() -> int:
    if not DATA.is_dir():
        print(f"skipped: {DATA} is not present", file=sys.stderr)
        return 0
    gold = json.loads((DATA / "gold_dates.json").read_text(encoding="utf-8"))
    import htmldate  # noqa: F401  - imports are not timed
    import trafilatura  # noqa: F401

    import rasd.extract  # noqa: F401
    rows = []
    totals = {name: {"days_right": 0, "times_right": 0, "seconds": 0.0} for name in TOOLS}
    for url, entry in gold.items():
        html = (DATA / "html" / entry["file"]).read_bytes()
        row: dict[str, object] = {"file": entry["file"], "gold_day": entry["date"],
                                  "stated_time": STATED_LOCAL_TIME.get(entry["file"])}
        for name, tool in TOOLS.items():
            start = time.perf_counter()
            value = tool(html, url)
            totals[name]["seconds"] += time.perf_counter() - start
            day, hhmm = _parse(value)
            day_ok = day == entry["date"]
            time_ok = day_ok and hhmm is not None and hhmm == row["stated_time"]
            totals[name]["days_right"] += day_ok
            totals[name]["times_right"] += time_ok
            row[name] = {"value": value, "day_right": day_ok, "time_right": time_ok}
        rows.append(row)
    n = len(rows)
    summary = {name: {"days_right": f"{t['days_right']}/{n}", "times_right": f"{t['times_right']}/{n}",
                      "seconds": round(t["seconds"], 3)} for name, t in totals.items()}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"pages": n, "summary": summary, "rows": rows}, ensure_ascii=False, indent=1),
                   encoding="utf-8")
    print("| tool | days right | time of day right | seconds (8 pages, one cold pass each) |")
    print("|---|---|---|---|")
    for name, s in summary.items():
        print(f"| {name} | {s['days_right']} | {s['times_right']} | {s['seconds']} |")
    print()
    print("| page | gold day | stated time | rasd | htmldate | trafilatura |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        cells = [str(row[name]["value"]) for name in TOOLS]  # type: ignore[index]
        print(f"| {row['file']} | {row['gold_day']} | {row['stated_time']} | " + " | ".join(cells) + " |")
    print(f"\nwrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
