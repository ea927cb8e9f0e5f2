"""Cross-validated choice of the CRF's regularisation, on the ANERcorp training split only (no dev).

    .venv/bin/python benchmarks/ner_cv.py                          # 0.05,0.05 vs 0.01,0.1, 5 folds (~40 min CPU)
    .venv/bin/python benchmarks/ner_cv.py --configs 0.05,0.05 0.01,0.1 0.1,0.01 --folds 2
    .venv/bin/python benchmarks/ner_cv.py --limit 400 --folds 2    # a quick smoke run

How the shipped ``TrainConfig`` (c1, c2) was chosen (``ner_experiments.json``, reg1): the training split
(ANERcorp train minus its last 10%, the dev split, which this never reads) is cut into ``--folds``
contiguous folds; each setting is trained on the other folds with the shipped recipe's final round
(jackknifed ANT tag priors: each half's priors come from a model trained on the other half, so no
sentence's priors were counted by a model that saw it) and tags the held-out fold.  Scores are conlleval
exact spans over every training sentence; the first two settings are compared with a paired bootstrap
over blocks of 10 consecutive sentences (2,000 resamples, seed 13).  Writes results/ner_cv.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "data"
sys.path.insert(0, str(HERE.parent / "src"))

from rasd.ner.conll import Sentence, read_conll, score_spans, spans_of, split_dev  # noqa: E402
from rasd.ner.training import (  # noqa: E402
    TrainConfig,
    ant_sample,
    count_tag_priors,
    evaluate_model,
    train_model,
)

Counts = tuple[int, int, int]  # (correct spans, predicted spans, gold spans)


def jackknifed_priors(train: Sequence[Sentence], work: Path) -> list[dict[str, tuple[int, ...]]]:
    """Per sentence: the ANT tag priors of a model trained on the other half of ``train``."""
    corpus = ant_sample(SHARED / "ant-corpus")
    half = len(train) // 2
    halves = [list(train[:half]), list(train[half:])]
    priors = []
    for k in range(2):
        path = work / f"half{k}.npz"
        train_model(halves[1 - k], path, TrainConfig())
        priors.append(count_tag_priors(path, corpus))
    return [priors[0]] * half + [priors[1]] * (len(train) - half)


def cross_validate(
    train: Sequence[Sentence],
    priors: Sequence[dict[str, tuple[int, ...]]],
    config: TrainConfig,
    folds: int,
    work: Path,
) -> list[list[str]]:
    """Held-out predictions for every sentence of ``train``."""
    n = len(train)
    preds: list[list[str]] = [[] for _ in range(n)]
    for k in range(folds):
        test = [i for i in range(n) if i * folds // n == k]
        fit = [i for i in range(n) if i * folds // n != k]
        path = work / f"cv_{config.c1}_{config.c2}_{k}.npz"
        train_model([train[i] for i in fit], path, config, [priors[i] for i in fit])
        by_priors: dict[int, list[int]] = {}
        for i in test:
            by_priors.setdefault(id(priors[i]), []).append(i)
        for idx in by_priors.values():
            result = evaluate_model(path, [train[i] for i in idx], priors[idx[0]])
            for i, tags in zip(idx, result["predictions"], strict=True):
                preds[i] = tags
        print(f"  {config.c1},{config.c2}: fold {k + 1}/{folds}", flush=True)
    return preds


def _counts(gold: Sequence[str], pred: Sequence[str]) -> Counts:
    g, p = set(spans_of(gold)), set(spans_of(pred))
    return len(g & p), len(p), len(g)


def _f1(rows: Sequence[Counts]) -> float:
    tp, npred, ngold = (sum(x) for x in zip(*rows, strict=True))
    return 2 * tp / (npred + ngold) if npred + ngold else 0.0


def paired_bootstrap(
    gold: Sequence[Sequence[str]], a: Sequence[Sequence[str]], b: Sequence[Sequence[str]], block: int = 10
) -> dict[str, float]:
    """F1(b) − F1(a) with a 95% interval and P(difference ≤ 0), resampling blocks of sentences."""

    def blocks(pred: Sequence[Sequence[str]]) -> list[Counts]:
        out = []
        for s in range(0, len(gold), block):
            rows = [_counts(gold[i], pred[i]) for i in range(s, min(s + block, len(gold)))]
            tp, npred, ngold = (sum(x) for x in zip(*rows, strict=True))
            out.append((tp, npred, ngold))
        return out

    ca, cb = blocks(a), blocks(b)
    rng = random.Random(13)
    diffs = []
    for _ in range(2000):
        idx = [rng.randrange(len(ca)) for _ in range(len(ca))]
        diffs.append(_f1([cb[i] for i in idx]) - _f1([ca[i] for i in idx]))
    diffs.sort()
    return {
        "f1_difference": round(_f1(cb) - _f1(ca), 4),
        "ci95": [round(diffs[50], 4), round(diffs[1949], 4)],
        "p_no_gain": round(sum(d <= 0 for d in diffs) / len(diffs), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--configs", nargs="+", default=["0.05,0.05", "0.01,0.1"], metavar="C1,C2")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=0, help="only the first N training sentences")
    parser.add_argument("--out", default=str(HERE / "results" / "ner_cv.json"))
    args = parser.parse_args()
    source = SHARED / "anercorp" / "ANERCorp_CamelLab_train.txt"
    if not source.exists():
        print(f"ANERcorp not found at {source}", file=sys.stderr)
        return 2
    configs = [TrainConfig(*(float(x) for x in c.split(","))) for c in args.configs]
    train, _dev = split_dev(read_conll(source))
    if args.limit:
        train = train[: args.limit]
    t0 = time.perf_counter()
    results: dict[str, Any] = {
        "benchmark": "NER regularisation by cross-validation on the ANERcorp training split",
        "sentences": len(train),
        "folds": args.folds,
        "settings": [],
    }
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print(f"{len(train)} training sentences; jackknifed priors ...", flush=True)
        priors = jackknifed_priors(train, work)
        preds = [cross_validate(train, priors, c, args.folds, work) for c in configs]
    gold = [tags for _, tags in train]
    for config, pred in zip(configs, preds, strict=True):
        scores = score_spans(gold, pred)
        row = {"c1": config.c1, "c2": config.c2, **scores}
        results["settings"].append(row)
        print(f"c1={config.c1} c2={config.c2}: F1 {scores['overall']['f1']:.4f}", flush=True)
    if len(preds) >= 2:
        results["paired_first_two"] = paired_bootstrap(gold, preds[0], preds[1])
        print("paired (second - first):", results["paired_first_two"])
    results["seconds"] = round(time.perf_counter() - t0, 1)
    Path(args.out).write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
