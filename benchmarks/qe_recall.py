"""Recall gold for quotes and events (benchmarks/judgments/recall_*.tsv): precision and recall per split.

Used by bench_quotes_events.py (``--recall-only`` runs just this part).  The gold lists every incident
and every quote of 40 ANT articles read in full (recall_articles.tsv), so an output that matches no
gold item is a false positive.

Matching
* events: an output matches a gold incident of the same family (violence / protest / arrest /
  meeting / visit / agreement) when one of the incident's mentions starts inside the output's
  sentence or overlaps its trigger (of several, the one of the same type, then the one whose first
  mention is in the sentence).  A second output for an incident already matched is a duplicate
  (it counts against precision: an analyst would count the incident twice).  Attributes are scored
  over the matched pairs: type (exact), date (the output's date starts with a gold alternative: a
  month in the gold accepts any day of it; a week counts from its Monday), location (an output location equal to, or containing, a
  gold alternative, folded), location_one (the output's one ``location`` contains a gold alternative;
  ``-`` in the gold wants None), killed/wounded (equal to a gold alternative; ``-`` = none given = None).
* quotes: an output matches a gold quote when they overlap by at least half of the shorter one;
  span exact = both ends within 2 characters; speaker right = the output's ``speaker`` or, when it
  has none, its ``speaker_text`` names the gold speaker (same rule as the judged samples).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Collection
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
JUDGMENTS = ROOT / "benchmarks" / "judgments"
ANT = ROOT.parent / "shared" / "data" / "ant-corpus"
OUTLETS = ("alarabia", "bbc", "cnn", "france24", "skynews")
FAMILY = {
    "attack": "violence", "armed_clash": "violence", "air_strike": "violence", "shelling": "violence",
    "explosion": "violence", "suicide_bomb": "violence", "grenade": "violence", "drone_strike": "violence",
    "violence_against_civilians": "violence", "abduction": "violence", "assassination": "violence",
    "missile_attack": "violence", "territory": "violence",
    "protest": "protest", "riot": "protest", "arrest": "arrest",
    "meeting": "meeting", "visit": "visit", "agreement": "agreement",
}  # fmt: skip


def _rows(name: str) -> list[list[str]]:
    lines = (JUDGMENTS / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def read_ant_articles(
    docnos: Collection[str] | None = None, per_outlet: int | None = None
) -> list[tuple[str, Any]]:
    """``(docno, Article)`` pairs of ANT in corpus order, not enriched: those in ``docnos`` (all when
    None), among the first ``per_outlet`` lines of each outlet (all when None)."""
    from rasd.document import Article

    out: list[tuple[str, Any]] = []
    for outlet in OUTLETS:
        with gzip.open(ANT / f"ant-{outlet}.jsonl.gz", "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if per_outlet is not None and i >= per_outlet:
                    break
                d = json.loads(line)
                if docnos is None or d["docno"] in docnos:
                    published = parsedate_to_datetime(d["time"]).replace(tzinfo=None) if d.get("time") else None
                    article = Article.build(d["title"], d["text"].split("\n"), url=d["url"], outlet=d["src"],
                                            published=published)
                    out.append((d["docno"], article))
    return out


def load_split_articles(pipeline: Any) -> dict[str, dict[str, Any]]:
    """docno -> enriched Article for every article of recall_articles.tsv, grouped by split."""
    split_of = {r[0]: r[1] for r in _rows("recall_articles.tsv")}
    out: dict[str, dict[str, Any]] = {split: {} for split in dict.fromkeys(split_of.values())}
    for docno, article in read_ant_articles(split_of):
        out[split_of[docno]][docno] = pipeline(article)
    return out


def _fold(s: str) -> str:
    from rasd.enrich.lexmatch import fold_ar

    return fold_ar(s).replace("ـ", "").replace("#", "").replace("_", " ").strip()


def same_name(got: str | None, gold: str) -> bool:
    """Folded names equal, contained in one another, or sharing the last word."""
    if gold == "-":
        return got is None
    if not got:
        return False
    g = _fold(got)
    for option in gold.split("|"):
        o = _fold(option)
        if g == o or g in o or o in g or g.split()[-1] == o.split()[-1]:
            return True
    return False


def _week_start(value: str) -> str:
    """``2018-W32`` → ``2018-08-06`` (its Monday), so a week compares with a gold month or day."""
    if len(value) == 8 and value[5] == "W":
        from datetime import date

        return date.fromisocalendar(int(value[:4]), int(value[6:8]), 1).isoformat()
    return value


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def score_events(articles: dict[str, Any], split: str) -> dict[str, Any]:
    gold: list[dict[str, Any]] = []
    for r in _rows(f"recall_events_{split}.tsv"):
        mentions = [(int(r[1]), int(r[2]))] + [
            (int(a), int(b)) for a, b in (m.split(":") for m in r[8].split(",") if m)] if len(r) > 8 else [
            (int(r[1]), int(r[2]))]
        gold.append({"doc": r[0], "mentions": mentions, "type": r[3], "date": r[4], "loc": r[5],
                     "killed": r[6], "wounded": r[7]})
    outputs = [(doc, e) for doc, a in sorted(articles.items()) for e in sorted(a.events, key=lambda s: s.start)]
    pairs = []  # (preference, output index, gold index): same type first, then the first mention's sentence
    for n, (doc, e) in enumerate(outputs):
        s0, s1 = e.attrs.get("sentence") or [e.start, e.end]
        fam = FAMILY.get(e.label, e.label)
        for k, g in enumerate(gold):
            if g["doc"] == doc and FAMILY.get(g["type"]) == fam and any(
                    s0 <= m0 < s1 or (m0 < e.end and e.start < m1) for m0, m1 in g["mentions"]):
                pairs.append(((g["type"] != e.label, not s0 <= g["mentions"][0][0] < s1, n), n, k))
    matched: dict[int, Any] = {}
    used: set[int] = set()
    for _, n, k in sorted(pairs):
        if n not in used and k not in matched:
            matched[k] = outputs[n][1]
            used.add(n)
    told = {n for _, n, _ in pairs}
    duplicates = len(told - used)
    wrong = [f"{doc}:{e.start} {e.label}" for n, (doc, e) in enumerate(outputs) if n not in told]
    false_pos = len(wrong)
    attrs = {"type": 0, "date": 0, "location": 0, "location_one": 0, "killed": 0, "wounded": 0}
    misses, attr_errors = [], []
    for k, e in matched.items():
        g, a = gold[k], e.attrs
        date = _week_start(str(a.get("date") or ""))
        locs = a.get("locations") or []
        one = a.get("location")
        ok = {
            "type": e.label == g["type"],
            "date": any(date.startswith(alt) for alt in g["date"].split("|")),
            "location": (not locs) if g["loc"] == "-" else any(
                _fold(alt) in _fold(x) for x in locs for alt in g["loc"].split("/")),
            "location_one": (one is None) if g["loc"] == "-" else bool(one) and any(
                _fold(alt) in _fold(one) for alt in g["loc"].split("/")),
        }
        for key in ("killed", "wounded"):
            ok[key] = a.get(key) in [None if x == "-" else int(x) for x in g[key].split("|")]
        for key, good in ok.items():
            attrs[key] += good
        got = {"type": e.label, "date": date, "location": locs, "location_one": one, "killed": a.get("killed"), "wounded": a.get("wounded")}
        want = {"type": g["type"], "date": g["date"], "location": g["loc"], "location_one": g["loc"], "killed": g["killed"], "wounded": g["wounded"]}
        attr_errors += [f"{g['doc']}:{g['mentions'][0][0]} {key} got {got[key]!r} want {want[key]!r}"
                        for key, good in ok.items() if not good]
    for k, g in enumerate(gold):
        if k not in matched:
            misses.append(f"{g['doc']}:{g['mentions'][0][0]} {g['type']}")
    n = len(matched)
    return {
        "gold": len(gold), "outputs": len(outputs), "matched": n,
        "precision": _ratio(n, len(outputs)), "recall": _ratio(n, len(gold)),
        "duplicates": duplicates, "false_positives": false_pos,
        "attribute_accuracy": {k: _ratio(v, n) for k, v in attrs.items()},
        "missed": misses, "false": wrong, "attribute_errors": attr_errors,
    }


def score_quotes(articles: dict[str, Any], split: str) -> dict[str, Any]:
    gold: list[dict[str, Any]] = [{"doc": r[0], "start": int(r[1]), "end": int(r[2]), "kind": r[3], "speaker": r[4]}
                                  for r in _rows(f"recall_quotes_{split}.tsv")]
    outputs = [(doc, q) for doc, a in sorted(articles.items()) for q in sorted(a.quotes, key=lambda s: s.start)]
    matched: dict[int, Any] = {}
    false_pos = []
    for doc, q in outputs:
        best, best_overlap = None, 0
        for k, g in enumerate(gold):
            if g["doc"] != doc or k in matched:
                continue
            overlap = min(q.end, g["end"]) - max(q.start, g["start"])
            if overlap >= 0.5 * min(q.end - q.start, g["end"] - g["start"]) and overlap > best_overlap:
                best, best_overlap = k, overlap
        if best is None:
            false_pos.append(f"{doc}:{q.start}")
        else:
            matched[best] = q
    exact = sum(abs(q.start - gold[k]["start"]) <= 2 and abs(q.end - gold[k]["end"]) <= 2 for k, q in matched.items())
    right, wrong = 0, []
    with_speaker = 0
    for k, q in matched.items():
        got = q.attrs.get("speaker") or q.attrs.get("speaker_text")
        with_speaker += got is not None
        if same_name(got, gold[k]["speaker"]):
            right += 1
        else:
            wrong.append(f"{gold[k]['doc']}:{gold[k]['start']} got {got!r} want {gold[k]['speaker']!r}")
    n = len(matched)
    return {
        "gold": len(gold), "outputs": len(outputs), "matched": n,
        "precision": _ratio(n, len(outputs)), "recall": _ratio(n, len(gold)),
        "span_exact": _ratio(exact, n), "speaker_accuracy": _ratio(right, n),
        "with_speaker_or_text": _ratio(with_speaker, n),
        "speaker_right_of_gold": _ratio(right, len(gold)),
        "missed": [f"{g['doc']}:{g['start']}" for k, g in enumerate(gold) if k not in matched],
        "false": false_pos, "speaker_wrong": wrong,
    }


def score_recall(pipeline: Any) -> dict[str, Any]:
    by_split = load_split_articles(pipeline)
    out: dict[str, Any] = {}
    for split, arts in by_split.items():
        out[split] = {"events": score_events(arts, split)}
        if (JUDGMENTS / f"recall_quotes_{split}.tsv").exists():  # dev2 has events only
            out[split]["quotes"] = score_quotes(arts, split)
    return out


def recall_table(result: dict[str, Any]) -> list[str]:
    lines = ["| recall gold | events P / R (dup) | type / date / locations / location / killed / wounded | "
             "quotes P / R | span exact | speaker right (of matched) |", "|---|---|---|---|---|---|"]
    for split, r in result.items():
        e, q = r["events"], r.get("quotes")
        a = e["attribute_accuracy"]
        quotes = (f"{q['precision']} / {q['recall']} ({q['matched']}/{q['gold']}) | {q['span_exact']} | "
                  f"{q['speaker_accuracy']}" if q else "– | – | –")
        lines.append(
            f"| {split} | {e['precision']} / {e['recall']} ({e['matched']}/{e['gold']}, dup {e['duplicates']}) | "
            f"{a['type']} / {a['date']} / {a['location']} / {a.get('location_one', '–')} / {a['killed']} / {a['wounded']} | {quotes} |")
    return lines
