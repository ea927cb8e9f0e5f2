"""The numpy scorer reproduces crfsuite's Viterbi exactly on a small trained model."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite

from rasd.ner.features import FeatureExtractor
from rasd.ner.lexicon import load_lexicon
from rasd.ner.linear import LinearChainModel, export_weights
from rasd.ner.tagger import Tagger

TRAIN = [
    ("وقال الرئيس جو بايدن في واشنطن", "O O B-PERS I-PERS O B-LOC"),
    ("وزار وزير الخارجية أنتوني بلينكن بغداد", "O O O B-PERS I-PERS B-LOC"),
    ("أعلن حزب الله في لبنان", "O B-ORG I-ORG O B-LOC"),
    ("التقى فؤاد حسين نظيره في باريس", "O B-PERS I-PERS O O B-LOC"),
    ("وقالت الأمم المتحدة إن الوضع في سوريا صعب", "O B-ORG I-ORG O O O B-LOC O"),
    ("ذكرت وكالة رويترز أن ماكرون وصل إلى برلين", "O B-ORG I-ORG O B-PERS O O B-LOC"),
]
TEST = [
    "وقال وزير الخارجية فؤاد حسين في باريس",
    "أعلنت الأمم المتحدة أن بايدن سيزور لبنان",
    "رويترز بغداد واشنطن حزب",
]


def test_numpy_viterbi_matches_crfsuite(tmp_path: Path) -> None:
    fx = FeatureExtractor(load_lexicon(), {})
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, tags in TRAIN:
        trainer.append(pycrfsuite.ItemSequence(fx.extract(text.split())), tags.split())
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 50, "feature.possible_transitions": True})
    crf_path = tmp_path / "m.crfsuite"
    trainer.train(str(crf_path))
    export_weights(crf_path, tmp_path / "m.npz", min_abs=0.0)

    crf = pycrfsuite.Tagger()
    crf.open(str(crf_path))
    ours = Tagger(LinearChainModel.load(tmp_path / "m.npz"), load_lexicon(), {}, o_bias=0.0)
    for text in [t for t, _ in TRAIN] + TEST:
        tokens = text.split()
        assert ours.tag(tokens) == crf.tag(pycrfsuite.ItemSequence(fx.extract(tokens))), text
        assert ours.tag(tokens) == ours.tag(tokens)  # the per-type cache never changes a result
