"""Feature augmentation (Daumé III 2007): a model trained on two corpora, folded for one of them,
scores the plain feature strings exactly as the augmented model scores ``shared + own-corpus`` copies."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pycrfsuite

from rasd.ner.features import FeatureExtractor
from rasd.ner.lexicon import load_lexicon
from rasd.ner.linear import LinearChainModel, export_weights
from rasd.ner.training import DOMAIN_MARK, TrainConfig, augment_domain, fold_domain, train_features

CORPUS_A = [
    ("وقال الرئيس جو بايدن في واشنطن", "O O B-PERS I-PERS O B-LOC"),
    ("أعلن حزب الله في لبنان", "O B-ORG I-ORG O B-LOC"),
    ("التقى فؤاد حسين نظيره في باريس", "O B-PERS I-PERS O O B-LOC"),
]
# a second corpus whose conventions differ: the title is part of the name
CORPUS_B = [
    ("وقال الرئيس جو بايدن في واشنطن", "O B-PERS I-PERS I-PERS O B-LOC"),
    ("وزار وزير الخارجية أنتوني بلينكن بغداد", "O B-PERS I-PERS I-PERS I-PERS B-LOC"),
]
TEST = ["وقال الرئيس ماكرون في باريس", "أعلن حزب الله أن بايدن في لبنان"]


def _scores(model: LinearChainModel, feats: list[list[str]]) -> np.ndarray:
    return np.stack([model.sum_rows(model.ids(f)) for f in feats])


def test_folded_model_equals_augmented_model(tmp_path: Path) -> None:
    fx = FeatureExtractor(load_lexicon(), {})
    items = [(augment_domain(fx.extract(t.split()), "A"), tags.split()) for t, tags in CORPUS_A]
    items += [(augment_domain(fx.extract(t.split()), "B"), tags.split()) for t, tags in CORPUS_B]
    path = tmp_path / "m.npz"
    train_features(items, path, TrainConfig(c1=0.0, c2=0.01, max_iterations=30))
    augmented = LinearChainModel.load(path)
    assert any(a.startswith("B" + DOMAIN_MARK) for a in augmented.attr_index)
    fold_domain(path, "A")
    folded = LinearChainModel.load(path)
    assert not any(DOMAIN_MARK in a.partition("=")[0] for a in folded.attr_index)
    assert len(folded.attr_index) < len(augmented.attr_index)
    for text in TEST:
        plain = fx.extract(text.split())
        want = _scores(augmented, augment_domain(plain, "A"))
        got = _scores(folded, plain)
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)
        assert folded.viterbi(got) == augmented.viterbi(want)


def test_train_features_matches_crfsuite(tmp_path: Path) -> None:
    fx = FeatureExtractor(load_lexicon(), {})
    items = [(fx.extract(t.split()), tags.split()) for t, tags in CORPUS_A]
    config = TrainConfig(c1=0.0, c2=0.01, max_iterations=30)
    train_features(items, tmp_path / "a.npz", config)
    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, tags in items:
        trainer.append(pycrfsuite.ItemSequence(feats), tags)
    trainer.set_params(
        {"c1": 0.0, "c2": 0.01, "max_iterations": 30, "feature.minfreq": 1, "feature.possible_transitions": True}
    )
    trainer.train(str(tmp_path / "b.crfsuite"))
    export_weights(tmp_path / "b.crfsuite", tmp_path / "b.npz")
    a, b = LinearChainModel.load(tmp_path / "a.npz"), LinearChainModel.load(tmp_path / "b.npz")
    assert a.attr_index == b.attr_index
    np.testing.assert_array_equal(a.weights, b.weights)
