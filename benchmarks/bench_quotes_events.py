"""Quotes and events stages on the ANT corpus: speed, yield, and the seed page's expected reading.

Run:  .venv/bin/python benchmarks/bench_quotes_events.py [--per-outlet N] [--rounds R]
Writes benchmarks/results/bench_quotes_events.json and prints a markdown table.

* Articles: the first N of each of the five ANT outlets (../shared/data/ant-corpus; Chouigui et al. 2017),
  built with `Article.build(title, paragraphs, published=<RFC 822 time>)`.
* Upstream layers come from the real stages (sentences, entities, times, quantities).  When the entity
  stage is not in the tree yet, an empty entity layer stands in and the JSON says so: speed is still
  meaningful, speaker/location figures are not.
* Speed: each of our two stages runs R times over the same enriched articles; the figure is the best
  round's mean per article (the machine is shared, the minimum is the least disturbed).
* Seed: quotes and events of ../shared/seeds/000_bdb0ef1f55d75d44 through `Pipeline.default()` against
  the expected JSON (speaker, kind, cue, start of each quote; every listed key of each event).
* Judged samples (benchmarks/judgments/*.tsv, offsets only, no text): events and quotes the stages
  produced on ANT middleEast articles, judged by hand by the stages' author (so biased).  Reported:
  precision over the judged outputs still produced, speaker accuracy against the gold speaker
  (same person = folded names equal, contained in one another, or sharing the last word), judged
  true items no longer produced (lost), and outputs nobody judged yet.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, os.environ.get("RASD_SRC", str(ROOT / "src")))  # RASD_SRC: score another checkout
sys.path.insert(0, str(ROOT / "benchmarks"))

from rasd.document import Article  # noqa: E402
from rasd.pipeline import Stage, load_stage  # noqa: E402

SHARED = ROOT.parent / "shared"
ANT = SHARED / "data" / "ant-corpus"
OUTLETS = ("alarabia", "bbc", "cnn", "france24", "skynews")
SEED = "000_bdb0ef1f55d75d44"
OUT = ROOT / "benchmarks" / "results" / "bench_quotes_events.json"


class _EmptyEntities:
    name = "entities"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("entities",)

    def __call__(self, article: Article) -> Article:
        return article.with_layer("entities", [])


def load_articles(per_outlet: int) -> list[Article]:
    from qe_recall import read_ant_articles

    return [article for _, article in read_ant_articles(per_outlet=per_outlet)]


def upstream_stages() -> tuple[list[Stage], bool]:
    try:
        entities: Stage = load_stage("rasd.enrich.entities:make_stage")
        real = True
    except ModuleNotFoundError:
        entities, real = _EmptyEntities(), False
    refs = ("rasd.enrich.sentences:make_stage", "rasd.enrich.times:make_stage", "rasd.enrich.quantities:make_stage")
    sentences, times, quantities = (load_stage(r) for r in refs)
    return [sentences, entities, times, quantities], real


def time_stage(stage: Stage, articles: list[Article], rounds: int) -> tuple[float, list[Article], float]:
    """(best wall ms/article, output, best CPU ms/article): CPU time is less disturbed on a shared machine."""
    best = best_cpu = float("inf")
    out: list[Article] = []
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        out = [stage(a) for a in articles]
        best = min(best, (time.perf_counter() - t0) / len(articles))
        best_cpu = min(best_cpu, (time.process_time() - c0) / len(articles))
    return best * 1000, out, best_cpu * 1000


def check_seed() -> dict[str, Any]:
    try:
        load_stage("rasd.enrich.entities:make_stage")
    except ModuleNotFoundError:
        return {"status": "skipped: no entity stage"}
    from rasd.extract import extract_article
    from rasd.ingest import iter_raw_pages
    from rasd.ingest.rawpage import RawPage
    from rasd.pipeline import Pipeline

    [raw] = list(iter_raw_pages([str(SHARED / "seeds" / f"{SEED}.txt")]))
    assert isinstance(raw, RawPage), raw
    article = Pipeline.default()(extract_article(raw))
    expected = json.loads((SHARED / "seeds" / f"{SEED}.expected.json").read_text(encoding="utf-8"))
    quote_rows = []
    for q in article.quotes:
        cue = q.attrs["cue"]
        quote_rows.append((q.attrs["speaker"], q.attrs["kind"], article.text[cue[0]:cue[1]] if cue else None,
                           article.text[q.start:q.end]))
    want_q = expected["quotes"]
    quotes_ok = len(quote_rows) == len(want_q) and all(
        (g[0], g[1], g[2]) == (w["speaker"], w["kind"], w["cue"]) and g[3].startswith(w["starts"])
        for g, w in zip(quote_rows, want_q, strict=False))
    got_e = {article.text[e.start:e.end]: dict(e.attrs) for e in article.events}
    diffs = []
    for w in expected["events"]:
        g = got_e.get(w["trigger"])
        if g is None:
            diffs.append(f"missing {w['trigger']}")
            continue
        diffs += [f"{w['trigger']}.{k}: {g.get(k)!r} != {v!r}" for k, v in w.items()
                  if k != "trigger" and g.get(k) != v]
    extra = sorted(set(got_e) - {w["trigger"] for w in expected["events"]})
    diffs += [f"extra {t}" for t in extra]
    # the seed's words stay out of the results file: speaker, kind, cue and quote as offsets
    got_rows = [(q.attrs["speaker"], q.attrs["kind"], q.attrs["cue"], [q.start, q.end]) for q in article.quotes]
    return {"quotes": "pass" if quotes_ok else "fail", "quotes_got": got_rows,
            "events": "pass" if not diffs else "fail", "event_diffs": diffs}


JUDGMENTS = ROOT / "benchmarks" / "judgments"


def _read_judgments(name: str) -> dict[tuple[str, int, int], list[str]]:
    rows = {}
    for line in (JUDGMENTS / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        f = line.split("\t")
        rows[(f[0], int(f[1]), int(f[2]))] = f[3:]
    return rows


def _same_speaker(got: str | None, gold: str) -> bool:
    from rasd.enrich.lexmatch import fold_ar

    if gold == "-":
        return got is None
    if got is None:
        return False
    g = fold_ar(got).replace("ـ", "")
    for option in gold.split("|"):
        o = fold_ar(option)
        if g == o or g in o or o in g or g.split()[-1] == o.split()[-1]:
            return True
    return False


JUDGED_SETS = (("events", "events.tsv"), ("events", "events_heldout.tsv"),
               ("quotes", "quotes.tsv"), ("quotes", "quotes_heldout.tsv"))


def check_judged() -> dict[str, Any]:
    judged_sets = {name: (layer, _read_judgments(name)) for layer, name in JUDGED_SETS}
    docnos = {k[0] for _, rows in judged_sets.values() for k in rows}
    from rasd.pipeline import Pipeline

    pipeline = Pipeline.default()
    from qe_recall import read_ant_articles

    found: dict[str, Article] = {doc: pipeline(a) for doc, a in read_ant_articles(docnos)}
    out: dict[str, Any] = {}
    for name, (layer, judged) in judged_sets.items():
        docs = {k[0] for k in judged}
        produced = {(doc, s.start, s.end): s for doc, a in found.items() if doc in docs for s in a.layer(layer)}
        hits = [k for k in produced if k in judged]
        true_hits = [k for k in hits if judged[k][1] == "1"]
        lost = [k for k, v in judged.items() if v[1] == "1" and k not in produced]
        res: dict[str, Any] = {
            "judged": len(judged), "judged_still_produced": len(hits),
            "precision": round(len(true_hits) / max(1, len(hits)), 3),
            "true_items_lost": len(lost), "false_items_removed": sum(
                1 for k, v in judged.items() if v[1] == "0" and k not in produced),
            "unjudged_outputs": len(produced) - len(hits),
        }
        if layer == "quotes":
            scored = [k for k in true_hits if judged[k][2] not in ("", "?")]
            ok = [k for k in scored if _same_speaker(produced[k].attrs.get("speaker"), judged[k][2])]
            res["speaker_scored"] = len(scored)
            res["speaker_accuracy"] = round(len(ok) / max(1, len(scored)), 3)
            res["speaker_wrong"] = [f"{k[0]}:{k[1]} got {produced[k].attrs.get('speaker')!r} want {judged[k][2]!r}"
                                    for k in scored if k not in ok]
        out[name] = res
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--per-outlet", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--recall-only", action="store_true",
                        help="only score the recall gold (judgments/recall_*.tsv); print JSON, write nothing")
    args = parser.parse_args()
    if not ANT.is_dir():
        print("../shared/data/ant-corpus is not present", file=sys.stderr)
        return 1
    from qe_recall import recall_table, score_recall

    if args.recall_only:
        from rasd.pipeline import Pipeline

        recall = score_recall(Pipeline.default())
        print(json.dumps(recall, ensure_ascii=False, indent=1))
        print("\n".join(recall_table(recall)))
        return 0
    articles = load_articles(args.per_outlet)
    stages, real_entities = upstream_stages()
    upstream_ms: dict[str, float] = {}
    for stage in stages:
        ms, articles, _ = time_stage(stage, articles, 1)
        upstream_ms[stage.name] = round(ms, 3)
    quotes_stage, events_stage = load_stage("rasd.enrich.quotes:make_stage"), load_stage("rasd.enrich.events:make_stage")
    quotes_ms, with_quotes, quotes_cpu = time_stage(quotes_stage, articles, args.rounds)
    events_ms, with_events, events_cpu = time_stage(events_stage, articles, args.rounds)

    quotes = [q for a in with_quotes for q in a.quotes]
    events = [e for a in with_events for e in a.events]
    n = len(articles)
    result: dict[str, Any] = {
        "articles": n,
        "mean_chars": round(sum(len(a.text) for a in articles) / n),
        "entity_stage": "real" if real_entities else "missing (empty layer)",
        "upstream_ms_per_article": upstream_ms,
        "quotes_ms_per_article": round(quotes_ms, 3),
        "events_ms_per_article": round(events_ms, 3),
        "quotes_cpu_ms_per_article": round(quotes_cpu, 3),
        "events_cpu_ms_per_article": round(events_cpu, 3),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "quotes_articles_per_s": round(1000 / quotes_ms),
        "events_articles_per_s": round(1000 / events_ms),
        "quotes_per_article": round(len(quotes) / n, 2),
        "quotes_direct_share": round(sum(q.attrs["kind"] == "direct" for q in quotes) / max(1, len(quotes)), 3),
        "quotes_with_speaker_share": round(sum(q.attrs["speaker"] is not None for q in quotes) / max(1, len(quotes)), 3),
        "events_per_article": round(len(events) / n, 3),
        "events_by_type": dict(collections.Counter(e.label for e in events).most_common()),
        "events_dated_by_expression_share": round(
            sum(e.attrs["date_precision"] not in (None, "publication") for e in events) / max(1, len(events)), 3),
        "events_with_location_share": round(sum(bool(e.attrs["locations"]) for e in events) / max(1, len(events)), 3),
        "events_with_casualties": sum(e.attrs["killed"] is not None or e.attrs["wounded"] is not None for e in events),
        "seed": check_seed(),
        "judged": check_judged(),
    }
    from rasd.pipeline import Pipeline

    result["recall_gold"] = score_recall(Pipeline.default())
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"| ANT articles | {n} (mean {result['mean_chars']} chars), entities: {result['entity_stage']} |")
    print("|---|---|")
    print(f"| quotes stage | {result['quotes_ms_per_article']} ms/article wall ({result['quotes_articles_per_s']}/s), "
          f"{result['quotes_cpu_ms_per_article']} ms CPU; load average {result['load_average_1min']} |")
    print(f"| events stage | {result['events_ms_per_article']} ms/article wall ({result['events_articles_per_s']}/s), "
          f"{result['events_cpu_ms_per_article']} ms CPU |")
    print(f"| quotes/article | {result['quotes_per_article']} (direct {result['quotes_direct_share']}, "
          f"with speaker {result['quotes_with_speaker_share']}) |")
    print(f"| events/article | {result['events_per_article']} (dated by expression "
          f"{result['events_dated_by_expression_share']}, with location {result['events_with_location_share']}) |")
    print(f"| events by type | {result['events_by_type']} |")
    for name, j in result["judged"].items():
        extra = f", speaker accuracy {j['speaker_accuracy']} over {j['speaker_scored']}" if "speaker_accuracy" in j else ""
        print(f"| judged {name} | precision {j['precision']} over {j['judged_still_produced']}{extra} "
              f"(true lost {j['true_items_lost']}, false removed {j['false_items_removed']}, "
              f"unjudged {j['unjudged_outputs']}) |")
    print()
    print("\n".join(recall_table(result["recall_gold"])))
    seed = result["seed"]
    print(f"| seed quotes / events | {seed.get('quotes', seed.get('status'))} / {seed.get('events', '')} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
