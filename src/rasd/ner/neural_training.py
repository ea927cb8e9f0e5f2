"""Build time only: the CRF of `rasd.ner.training` with extra per-token features from the neural tagger.

The recipe is the shipped one (`rasd.ner.training.train_with_priors`: 2-fold jackknifed ANT tag
priors for the training sentences, full-data priors at run time, then the final CRF), with one
addition: every token also carries real-valued features computed outside `FeatureExtractor`
(the CNN's cross-fitted tag probabilities, `rasd.ner.neural.neural_features`).  The priors are
cached in a work directory because they cost three CRF trainings and three passes over ANT.
"""

from __future__ import annotations

import logging
import pickle
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

import pycrfsuite

from rasd.ner.conll import Sentence
from rasd.ner.features import FeatureExtractor
from rasd.ner.lexicon import load_lexicon
from rasd.ner.linear import export_weights
from rasd.ner.training import TrainConfig, count_tag_priors, train_model

__all__ = ["PriorSet", "jackknife_priors", "train_crf_with_extra"]

log = logging.getLogger(__name__)

Priors = Mapping[str, tuple[int, ...]]
# (priors of the first half's sentences, of the second half's, run-time priors)
PriorSet = tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]
ExtraFeatures = Sequence[Sequence[Mapping[str, float]]]


def jackknife_priors(
    sentences: Sequence[Sentence],
    corpus: Sequence[Sequence[str]],
    work_dir: Path,
    config: TrainConfig | None = None,
) -> PriorSet:
    """The priors of `train_with_priors` (same folds, same models), cached in ``work_dir/priors.pkl``."""
    config = config or TrainConfig()
    cache = work_dir / "priors.pkl"
    if cache.exists():
        with cache.open("rb") as fh:
            cached: PriorSet = pickle.load(fh)
        return cached
    work_dir.mkdir(parents=True, exist_ok=True)
    half = len(sentences) // 2
    folds = [list(sentences[:half]), list(sentences[half:])]
    fold_priors: list[dict[str, tuple[int, ...]]] = []
    for k in range(2):
        path = work_dir / f"fold{k}.npz"
        train_model(folds[1 - k], path, config)
        fold_priors.append(count_tag_priors(path, corpus))
    base = work_dir / "base.npz"
    train_model(sentences, base, config)
    result: PriorSet = (fold_priors[0], fold_priors[1], count_tag_priors(base, corpus))
    with cache.open("wb") as fh:
        pickle.dump(result, fh)
    return result


def train_crf_with_extra(
    sentences: Sequence[Sentence],
    priors: PriorSet,
    extra: ExtraFeatures,
    model_path: Path,
    config: TrainConfig | None = None,
) -> None:
    """The final CRF of the shipped recipe, each token's features plus ``extra[s][i]`` (name -> value)."""
    config = config or TrainConfig()
    lex = load_lexicon()
    half = len(sentences) // 2
    extractors = [FeatureExtractor(lex, priors[0]), FeatureExtractor(lex, priors[1])]
    trainer = pycrfsuite.Trainer(verbose=False)
    for i, (tokens, tags) in enumerate(sentences):
        feats = extractors[0 if i < half else 1].extract(tokens)
        items = []
        for f, x in zip(feats, extra[i], strict=True):
            item: dict[str, float] = {k: float(v) for k, v in Counter(f).items()}
            item.update(x)
            items.append(item)
        trainer.append(pycrfsuite.ItemSequence(items), list(tags))
    trainer.set_params(
        {
            "c1": config.c1,
            "c2": config.c2,
            "max_iterations": config.max_iterations,
            "feature.minfreq": config.min_freq,
            "feature.possible_transitions": True,
        }
    )
    t0 = time.perf_counter()
    model_path.parent.mkdir(parents=True, exist_ok=True)
    crf_path = model_path.with_suffix(".crfsuite")
    trainer.train(str(crf_path))
    export_weights(crf_path, model_path)
    crf_path.unlink()
    log.info("trained %s on %d sentences in %.1fs", model_path.name, len(sentences), time.perf_counter() - t0)
