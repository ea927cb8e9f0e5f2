"""Development-split evaluation shared by ``benchmarks/ner_eval.py`` and the CI gate test.

The dev model is the shipped design trained on the first 90% of ANERcorp train (the last 10% is
the dev split).  Training takes a few minutes, so the model is cached under
``~/.cache/rasd/ner-dev/<key>/`` where the key hashes everything the model depends on (data
files, gazetteers, clusters, feature and training code, configuration).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from rasd.ner.conll import read_conll, score_spans, split_dev
from rasd.ner.lexicon import data_path, read_priors
from rasd.ner.tagger import MODEL_FILE, Tagger
from rasd.ner.training import TrainConfig, ant_sample, train_with_priors, write_priors

__all__ = ["cache_key", "dev_model", "evaluate_dev"]

ANERCORP_TRAIN = ("anercorp", "ANERCorp_CamelLab_train.txt")
_CODE = ("features.py", "training.py", "lexicon.py", "linear.py", "normal.py", "embeddings.py")


def cache_key(shared_data: Path, config: TrainConfig) -> str:
    """Hash of every input of the dev model."""
    h = hashlib.blake2b(digest_size=10)
    h.update(repr(config).encode())
    files = [shared_data.joinpath(*ANERCORP_TRAIN), data_path("ner", "clusters.tsv.gz")]
    files += sorted(data_path("gazetteers").glob("*"))
    files += [Path(__file__).with_name(name) for name in _CODE]
    for path in files:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def dev_model(shared_data: Path, cache_dir: Path | None = None, config: TrainConfig | None = None) -> Tagger:
    """The dev-split tagger (trained on 90% of ANERcorp train), from cache or trained now."""
    config = config or TrainConfig()
    cache_dir = (
        cache_dir or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "rasd" / "ner-dev"
    )
    target = cache_dir / cache_key(shared_data, config)
    model, priors_file = target / MODEL_FILE, target / "priors.tsv.gz"
    if not (model.exists() and priors_file.exists()):
        train, _ = split_dev(read_conll(shared_data.joinpath(*ANERCORP_TRAIN)))
        target.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target) as tmp:
            work = Path(tmp)
            priors = train_with_priors(
                train, ant_sample(shared_data / "ant-corpus"), work, work / MODEL_FILE, config
            )
            write_priors(priors, work / "priors.tsv.gz")
            (work / MODEL_FILE).replace(model)
            (work / "priors.tsv.gz").replace(priors_file)
    return Tagger.load(model, read_priors(priors_file))


def evaluate_dev(shared_data: Path, cache_dir: Path | None = None) -> dict[str, Any]:
    """conlleval exact-span scores on the dev split, and tagging speed per core (CPU time)."""
    tagger = dev_model(shared_data, cache_dir)
    _, dev = split_dev(read_conll(shared_data.joinpath(*ANERCORP_TRAIN)))
    n_tokens = sum(len(tokens) for tokens, _ in dev)
    t0 = time.process_time()
    pred = [tagger.tag(tokens) for tokens, _ in dev]
    cold = time.process_time() - t0
    t0 = time.process_time()
    for tokens, _ in dev:
        tagger.tag(tokens)
    warm = time.process_time() - t0
    return {
        "scores": score_spans([tags for _, tags in dev], pred),
        "dev_sentences": len(dev),
        "dev_tokens": n_tokens,
        "tokens_per_s_cold": round(n_tokens / max(cold, 1e-9)),
        "tokens_per_s_warm": round(n_tokens / max(warm, 1e-9)),
        "predictions": pred,
    }
