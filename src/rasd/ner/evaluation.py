"""Development-split evaluation shared by ``benchmarks/ner_eval.py`` and the CI gate test.

The dev model is the shipped design trained on the first 90% of ANERcorp train (the last 10% is
the dev split).  It ships next to the full model, in ``rasd/data/ner/dev/`` (``model.npz`` +
``priors.tsv.gz``, rebuilt by ``scripts/train_ner.py --dev``), so the CI gate only tags 400
sentences instead of training for minutes.  When the features change, both models must be
retrained; a stale dev model no longer matches the feature strings and its F1 falls below the
gate's floors.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rasd.errors import ModelError
from rasd.ner.conll import Sentence, read_conll, score_spans, split_dev
from rasd.ner.lexicon import data_path, read_priors
from rasd.ner.tagger import MODEL_FILE, Tagger
from rasd.ner.training import TrainConfig, ant_sample, train_with_priors, write_priors

__all__ = [
    "ANERCORP_TRAIN",
    "DOCUMENT_SENTENCES",
    "PRIORS_FILE",
    "dev_model",
    "dev_model_dir",
    "evaluate_dev",
    "train_dev_model",
]

ANERCORP_TRAIN = ("anercorp", "ANERCorp_CamelLab_train.txt")
PRIORS_FILE = "priors.tsv.gz"
# ANERcorp marks no document boundaries: for document-level tagging (`Tagger.tag_document`) the dev
# split is cut into runs of this many consecutive sentences, the median length of an ANT article
# (11 sentences over 1,200 CNN/BBC/Sky News articles; ANERcorp sentences are about as long).
DOCUMENT_SENTENCES = 10


def dev_model_dir() -> Path:
    """Where the shipped dev-split model lives (``rasd/data/ner/dev/``)."""
    return data_path("ner", "dev")


def train_dev_model(
    shared_data: Path, out_dir: Path, config: TrainConfig | None = None, extra: Sequence[Sentence] = ()
) -> None:
    """Train the shipped design on the first 90% of ANERcorp train (plus ``extra`` sentences, for
    experiments); write model + priors to ``out_dir``."""
    config = config or TrainConfig()
    train, _ = split_dev(read_conll(shared_data.joinpath(*ANERCORP_TRAIN)))
    train = train + list(extra)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        priors = train_with_priors(
            train, ant_sample(shared_data / "ant-corpus"), work, work / MODEL_FILE, config
        )
        write_priors(priors, work / PRIORS_FILE)
        # write both files before either replaces the shipped pair
        for name in (MODEL_FILE, PRIORS_FILE):
            (work / name).replace(out_dir / name)


def dev_model(model_dir: Path | None = None) -> Tagger:
    """The dev-split tagger: weights and ANT priors of the model trained on 90% of ANERcorp train."""
    model_dir = model_dir or dev_model_dir()
    if not (model_dir / PRIORS_FILE).exists():
        raise ModelError(f"dev NER priors not found in {model_dir}; rebuild with scripts/train_ner.py --dev")
    return Tagger.load(model_dir / MODEL_FILE, read_priors(model_dir / PRIORS_FILE))


def evaluate_dev(shared_data: Path, model_dir: Path | None = None) -> dict[str, Any]:
    """conlleval exact-span scores on the dev split, and tagging speed per core (CPU time).

    ``document_scores``: `Tagger.tag_document` over runs of `DOCUMENT_SENTENCES` sentences, one
    run per call on a cold cache (``tokens_per_s_document_cold``).
    Speed: sentence by sentence (`Tagger.tag`, as ``tag_entities``) on a cold then a warm word-type
    cache, and all sentences in one `Tagger.tag_many` call on a cold cache.
    """
    tagger = dev_model(model_dir)
    _, dev = split_dev(read_conll(shared_data.joinpath(*ANERCORP_TRAIN)))
    n_tokens = sum(len(tokens) for tokens, _ in dev)
    t0 = time.process_time()
    pred = [tagger.tag(tokens) for tokens, _ in dev]
    cold = time.process_time() - t0
    t0 = time.process_time()
    for tokens, _ in dev:
        tagger.tag(tokens)
    warm = time.process_time() - t0
    batch = dev_model(model_dir)  # a fresh cache: all dev sentences in one call (as the entity stage tags)
    t0 = time.process_time()
    batch.tag_many([tokens for tokens, _ in dev])
    batch_cold = time.process_time() - t0
    documents = [
        [tokens for tokens, _ in dev[k : k + DOCUMENT_SENTENCES]]
        for k in range(0, len(dev), DOCUMENT_SENTENCES)
    ]
    by_document = dev_model(model_dir)  # a fresh cache again: one document per call
    t0 = time.process_time()
    doc_pred = [tags for document in documents for tags in by_document.tag_document(document)]
    document_cold = time.process_time() - t0
    return {
        "scores": score_spans([tags for _, tags in dev], pred),
        "document_scores": score_spans([tags for _, tags in dev], doc_pred),
        "dev_sentences": len(dev),
        "dev_tokens": n_tokens,
        "tokens_per_s_cold": round(n_tokens / max(cold, 1e-9)),
        "tokens_per_s_warm": round(n_tokens / max(warm, 1e-9)),
        "tokens_per_s_batch_cold": round(n_tokens / max(batch_cold, 1e-9)),
        "tokens_per_s_document_cold": round(n_tokens / max(document_cold, 1e-9)),
        "predictions": pred,
    }
