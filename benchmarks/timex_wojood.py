"""DATE / TIME / CARDINAL span F1 of rasd's times and quantities layers on the Wojood NER sample.

Run:  .venv/bin/python benchmarks/timex_wojood.py
Data: ../shared/data/wojood-sample/{train,val,test}.txt (MIT, SinaLab/ArabicNER), CoNLL ``token TAG``.
Nothing is trained on Wojood, so all three files are scored.  Each sentence's tokens are joined with
spaces; rasd's spans are mapped to the tokens they overlap.  Mapping: TIMEX DATE/DURATION/SET → DATE,
TIMEX TIME, durations in hours, minutes or seconds (``PT…``, Wojood tags ``30 دقيقة`` TIME) and
``PRESENT_REF`` (``الآن``) → TIME, QUANTITY whose unit is not money/percent → CARDINAL over its number only
(``number_span``).  Reports exact-span and overlap (lenient) precision/recall/F1 per label.
Writes benchmarks/results/timex_wojood.json.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "wojood-sample"
RESULTS = ROOT / "benchmarks" / "results" / "timex_wojood.json"
LABELS = ("DATE", "TIME", "CARDINAL")
REFERENCE = datetime(2022, 1, 1)  # Wojood has no publication dates; values are not scored
MONEY_UNITS = {"dollars", "euros", "pounds", "dinars", "riyals", "dirhams", "liras", "shekels", "cents", "percent"}

Span = tuple[int, int, str]  # first token, last token + 1, label


def read_sentences(path: Path) -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if current:
                sentences.append(current)
            current = []
            continue
        current.append((parts[0], parts[-1] if len(parts) > 1 else "O"))
    if current:
        sentences.append(current)
    return sentences


def gold_spans(tags: list[str]) -> set[Span]:
    spans, start, label = set(), -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == label):
            if label in LABELS:
                spans.add((start, i, label))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = i, tag[2:]
    return spans


def predicted_spans(tokens: list[str]) -> set[Span]:
    from rasd.enrich.quantities import find_quantities
    from rasd.enrich.times import find_times

    text, offsets, pos = "", [], 0
    for tok in tokens:
        offsets.append((pos, pos + len(tok)))
        text += tok + " "
        pos += len(tok) + 1
    raw: list[tuple[int, int, str]] = []
    for s in find_times(text, REFERENCE):
        clock_duration = s.attrs["type"] == "DURATION" and str(s.attrs["value"]).startswith("PT")
        clock_duration = clock_duration or s.attrs["value"] == "PRESENT_REF"  # الآن، حاليا: Wojood TIME
        raw.append((s.start, s.end, "TIME" if s.attrs["type"] == "TIME" or clock_duration else "DATE"))
    for q in find_quantities(text):
        if q.attrs.get("unit") not in MONEY_UNITS:
            a, b = q.attrs["number_span"]
            raw.append((a, b, "CARDINAL"))
    out = set()
    for a, b, label in raw:
        idx = [i for i, (ta, tb) in enumerate(offsets) if ta < b and a < tb]
        if idx:
            out.add((idx[0], idx[-1] + 1, label))
    return out


def score(gold: list[set[Span]], pred: list[set[Span]], label: str, lenient: bool) -> dict[str, float]:
    tp_p = tp_g = n_p = n_g = 0
    for g, p in zip(gold, pred, strict=True):
        gs = [s for s in g if s[2] == label]
        ps = [s for s in p if s[2] == label]
        n_g += len(gs)
        n_p += len(ps)
        if lenient:
            tp_p += sum(any(x[0] < y[1] and y[0] < x[1] for y in gs) for x in ps)
            tp_g += sum(any(x[0] < y[1] and y[0] < x[1] for y in ps) for x in gs)
        else:
            tp_p += len(set(gs) & set(ps))
            tp_g = tp_p
    precision = tp_p / n_p if n_p else 0.0
    recall = tp_g / n_g if n_g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "gold": n_g, "predicted": n_p}


def main() -> int:
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found", file=sys.stderr)
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    sentences = [s for name in ("train", "val", "test") for s in read_sentences(DATA / f"{name}.txt")]
    gold = [gold_spans([t for _, t in s]) for s in sentences]
    predicted_spans(["تجربة"])  # build the lexicons and patterns before timing
    t0 = time.perf_counter()
    pred = [predicted_spans([w for w, _ in s]) for s in sentences]
    seconds = time.perf_counter() - t0
    exact = {label: score(gold, pred, label, False) for label in LABELS}
    overlap = {label: score(gold, pred, label, True) for label in LABELS}
    report: dict[str, object] = {
        "sentences": len(sentences),
        "tokens": sum(map(len, sentences)),
        "sentences_per_second": round(len(sentences) / seconds, 1),
        "exact": exact,
        "overlap": overlap,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print("| label | gold | exact P | exact R | exact F1 | overlap F1 |")
    print("|---|---|---|---|---|---|")
    for label in LABELS:
        e, o = exact[label], overlap[label]
        print(f"| {label} | {e['gold']} | {e['precision']:.2f} | {e['recall']:.2f} | {e['f1']:.2f} | {o['f1']:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
