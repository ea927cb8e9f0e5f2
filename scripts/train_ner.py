"""Rebuild the shipped NER model (and optionally the word clusters it reads).

    # 1. word clusters from the unlabeled ANT corpus (needs `pip install gensim`; ~5 min, 1 core)
    .venv/bin/python scripts/train_ner.py --clusters
    # 2. the dev-split model (first 90% of ANERcorp train), shipped in src/rasd/data/ner/dev/ for the
    #    CI gate; prints its scores on the last 10%.  Model selection: --dev --out /tmp/somewhere
    .venv/bin/python scripts/train_ner.py --dev
    # 3. the shipped model, trained on all of ANERcorp train (CC BY-SA 4.0)
    .venv/bin/python scripts/train_ner.py

Deterministic: fixed seeds, one word2vec worker, PYTHONHASHSEED pinned (the script re-executes
itself with PYTHONHASHSEED=0 when it is not), crfsuite's L-BFGS has no randomness.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
ANERCORP = SHARED / "anercorp" / "ANERCorp_CamelLab_train.txt"


def main() -> None:
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    sys.path.insert(0, str(REPO / "src"))
    from rasd.ner.conll import read_conll
    from rasd.ner.evaluation import dev_model_dir, evaluate_dev, train_dev_model
    from rasd.ner.lexicon import data_path
    from rasd.ner.tagger import MODEL_FILE
    from rasd.ner.training import TrainConfig, ant_sample, train_with_priors, write_priors

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clusters", action="store_true", help="rebuild data/ner/clusters.tsv.gz from ANT")
    ap.add_argument("--dev", action="store_true", help="train on 90%%, report F1 on the last 10%%")
    ap.add_argument(
        "--wojood",
        action="store_true",
        help="with --dev: add the Wojood sample (experiment; it lowered dev F1)",
    )
    ap.add_argument(
        "--wojood-aug",
        action="store_true",
        help="add the Wojood sample by feature augmentation (Daume III 2007; benchmarks/ner_cv.py wojood-aug)",
    )
    ap.add_argument("--c1", type=float, default=TrainConfig.c1)
    ap.add_argument("--c2", type=float, default=TrainConfig.c2)
    ap.add_argument("--iterations", type=int, default=TrainConfig.max_iterations)
    ap.add_argument(
        "--out",
        type=Path,
        default=None,
        help="model path (default: the shipped one); with --dev a directory (default: data/ner/dev/)",
    )
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    if args.clusters:
        from rasd.ner.embeddings import build_clusters, write_clusters

        paths = sorted((SHARED / "ant-corpus").glob("*.jsonl.gz"))
        write_clusters(build_clusters(paths), data_path("ner", "clusters.tsv.gz"))
        # the lexicon cache holds the old clusters; later steps run in a fresh process
        os.execv(sys.executable, [sys.executable, *[a for a in sys.argv if a != "--clusters"]])

    config = TrainConfig(c1=args.c1, c2=args.c2, max_iterations=args.iterations)
    if args.dev:
        out_dir = args.out or dev_model_dir()
        extra = []
        if args.wojood:
            extra = wojood_sample()
        if args.wojood_aug:
            train_dev_augmented(out_dir, config, wojood_sample())
        else:
            train_dev_model(SHARED, out_dir, config, extra)
        result = evaluate_dev(SHARED, out_dir)
        result.pop("predictions")
        print(json.dumps(result, indent=1))
        return
    sentences = read_conll(ANERCORP)
    corpus = ant_sample(SHARED / "ant-corpus")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        out = args.out or data_path("ner", MODEL_FILE)
        other = wojood_sample() if args.wojood_aug else []
        priors = train_with_priors(sentences, corpus, work, out, config, other)
        write_priors(priors, out.parent / "priors.tsv.gz")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB) and priors.tsv.gz")


def wojood_sample() -> list[tuple[list[str], list[str]]]:
    """The Wojood sample (MIT licence), all three files, mapped to flat ANERcorp types."""
    from rasd.ner.wojood import read_wojood

    return [s for f in ("train", "val", "test") for s in read_wojood(SHARED / "wojood-sample" / f"{f}.txt")]


def train_dev_augmented(out_dir: Path, config: object, other: list[tuple[list[str], list[str]]]) -> None:
    """`rasd.ner.evaluation.train_dev_model` with ``other`` added by feature augmentation."""
    from rasd.ner.conll import read_conll, split_dev
    from rasd.ner.evaluation import PRIORS_FILE
    from rasd.ner.tagger import MODEL_FILE
    from rasd.ner.training import TrainConfig, ant_sample, train_with_priors, write_priors

    assert isinstance(config, TrainConfig)
    train, _ = split_dev(read_conll(ANERCORP))
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = ant_sample(SHARED / "ant-corpus")
        priors = train_with_priors(train, corpus, work, work / MODEL_FILE, config, other)
        write_priors(priors, work / PRIORS_FILE)
        for name in (MODEL_FILE, PRIORS_FILE):
            (work / name).replace(out_dir / name)


if __name__ == "__main__":
    main()
