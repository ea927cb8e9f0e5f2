"""NER with the convolutional network's probabilities as CRF features: dev F1, speed, sizes.

    .venv/bin/python benchmarks/ner_neural_eval.py [--model-dir DIR]   # -> benchmarks/results/ner_neural_eval.json

Same dev split and scorer as ``benchmarks/ner_eval.py`` (the last 10% of ANERcorp train through
`rasd.ner.evaluation`, conlleval exact span by `rasd.ner.conll.score_spans`).  The model directory
(default ``src/rasd/data/ner/dev/``) holds the files written by
``scripts/train_neural_ner.py model --dev --out DIR``: ``model_nn.npz`` (CRF with network features),
``neural.npz`` (network) and ``priors.tsv.gz``.  Speed is CPU time in one process (= per core):
sentence by sentence on a cold then a warm cache, and all dev sentences in one ``tag_many`` call
on a cold cache, for the combined tagger and, beside it, the shipped CRF dev model alone.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO / "src"))

from rasd.ner.combined import CombinedTagger  # noqa: E402
from rasd.ner.conll import read_conll, score_spans, split_dev  # noqa: E402
from rasd.ner.evaluation import ANERCORP_TRAIN, dev_model  # noqa: E402
from rasd.ner.lexicon import data_path  # noqa: E402

Tagged = Callable[[Sequence[str]], list[str]]


def speed(make: Callable[[], Any], dev: Sequence[Sequence[str]]) -> dict[str, int]:
    """Tokens per CPU-second: sentence by sentence cold and warm, one batch cold."""
    n_tokens = sum(len(s) for s in dev)
    tagger = make()
    t0 = time.process_time()
    for s in dev:
        tagger.tag(s)
    cold = time.process_time() - t0
    t0 = time.process_time()
    for s in dev:
        tagger.tag(s)
    warm = time.process_time() - t0
    batch = make()
    t0 = time.process_time()
    batch.tag_many(list(dev))
    batch_cold = time.process_time() - t0
    return {
        "tokens_per_s_cold": round(n_tokens / cold),
        "tokens_per_s_warm": round(n_tokens / warm),
        "tokens_per_s_batch_cold": round(n_tokens / batch_cold),
    }


def net_alone_scores(tagger: CombinedTagger, dev: Sequence[tuple[list[str], list[str]]]) -> dict[str, float]:
    """F1 of the network's own best label per token (no CRF), for comparison."""
    logits, lengths = tagger.net.logits_many([t for t, _ in dev])
    best = logits.argmax(axis=1).tolist()
    pred, start = [], 0
    for n in lengths.tolist():
        pred.append([tagger.net.labels[k] for k in best[start : start + n]])
        start += n
    return {k: v["f1"] for k, v in score_spans([tags for _, tags in dev], pred).items()}


def stage_speed(make: Callable[[], Any], n_articles: int) -> dict[str, float]:
    """Articles and tokens per CPU-second of the entity stage with this tagger (ANT CNN articles, as
    ``benchmarks/ner_eval.py``; first pass, cold caches)."""
    import gzip

    from rasd.arabic.tokenize import tokenize_ar
    from rasd.document import Article
    from rasd.enrich.entities import EntityStage

    articles = []
    with gzip.open(SHARED / "ant-corpus" / "ant-cnn.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            articles.append(Article.build(rec["title"], rec["text"].split("\n")))
            if len(articles) >= n_articles:
                break
    stage = EntityStage(make())
    t0 = time.process_time()
    for a in articles:
        stage(a)
    elapsed = time.process_time() - t0
    tokens = sum(len(tokenize_ar(a.text)) for a in articles)
    return {
        "articles": len(articles),
        "articles_per_s": round(len(articles) / elapsed, 1),
        "tokens_per_s": round(tokens / elapsed),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model-dir", type=Path, default=data_path("ner", "dev"))
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "ner_neural_eval.json")
    ap.add_argument("--articles", type=int, default=300, help="ANT articles for the entity-stage speed")
    args = ap.parse_args()
    _, dev = split_dev(read_conll(SHARED.joinpath(*ANERCORP_TRAIN)))
    tokens = [t for t, _ in dev]
    tagger = CombinedTagger.from_dir(args.model_dir)
    pred = tagger.tag_many(tokens)
    single = [tagger.tag(t) for t in tokens]
    result: dict[str, Any] = {
        "model_dir": str(
            args.model_dir.relative_to(REPO) if args.model_dir.is_relative_to(REPO) else args.model_dir
        ),
        "dev_sentences": len(dev),
        "dev_tokens": sum(map(len, tokens)),
        "scores": score_spans([tags for _, tags in dev], pred),
        "batch_equals_single": pred == single,
        "network_alone": net_alone_scores(tagger, dev),
        "combined": speed(lambda: CombinedTagger.from_dir(args.model_dir), tokens),
        "crf_alone": speed(dev_model, tokens),
        "stage_combined": stage_speed(lambda: CombinedTagger.from_dir(args.model_dir), args.articles),
        "stage_crf_alone": stage_speed(dev_model, args.articles),
        "files_bytes": {
            p.name: p.stat().st_size
            for p in sorted(args.model_dir.glob("*"))
            if p.name in {"model_nn.npz", "neural.npz", "word_vectors.npz"}
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print("| type | P | R | F1 | support |\n|---|---|---|---|---|")
    for typ, s in result["scores"].items():
        print(f"| {typ} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {int(s['support'])} |")
    for name in ("combined", "crf_alone"):
        sp = result[name]
        print(
            f"{name}: {sp['tokens_per_s_cold']:,} tok/s cold, {sp['tokens_per_s_warm']:,} warm, "
            f"{sp['tokens_per_s_batch_cold']:,} batch cold (per core)"
        )
    for name in ("stage_combined", "stage_crf_alone"):
        st = result[name]
        print(
            f"{name}: {st['articles_per_s']} articles/s, {st['tokens_per_s']:,} tok/s (entity stage, per core)"
        )
    print("network alone F1:", result["network_alone"])
    print("files:", result["files_bytes"], "batch == single:", result["batch_equals_single"])


if __name__ == "__main__":
    main()
