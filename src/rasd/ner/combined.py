"""The CRF tagger plus the convolutional network's tag probabilities as CRF features.

The CRF was trained with four extra feature groups per token, computed from the network's softmax
``p`` over the IOB2 labels (`neural_features`; cross-fitted on the training sentences):

* ``nn=LABEL`` with value ``p[LABEL]`` (real-valued),
* ``nnt=LABEL`` for the network's best label, ``nnt-1=`` / ``nnt+1=`` for the neighbours' best label.

`CombinedTagger` is a `Tagger` whose state scores also carry those features' weights (a few matrix
products per batch), so it drops in wherever a `Tagger` is used (``tag``, ``tag_many``,
``features``, ``lexicon``); the CRF's Viterbi decides.  Output depends only on the input tokens.

>>> tagger = CombinedTagger.from_dir(data_path("ner", "dev"))  # doctest: +SKIP
>>> tagger.tag(["وقال", "الرئيس", "جو", "بايدن", "في", "واشنطن"])  # doctest: +SKIP
['O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rasd.errors import ModelError
from rasd.ner.lexicon import Lexicon, data_path, load_lexicon, read_priors
from rasd.ner.linear import FloatArray, IntArray, LinearChainModel
from rasd.ner.neural import ConvTagger, read_network
from rasd.ner.tagger import O_BIAS, Tagger

__all__ = ["CRF_FILE", "NET_FILE", "VECTORS_FILE", "CombinedTagger", "neural_features"]

CRF_FILE = "model_nn.npz"  # CRF trained with the network features
NET_FILE = "neural.npz"  # network weights
VECTORS_FILE = "word_vectors.npz"  # ANT word vectors (int8), shared by the full and the dev model


def neural_features(
    probs: FloatArray, lengths: Sequence[int], labels: Sequence[str]
) -> list[list[dict[str, float]]]:
    """The CRF features of stacked network probabilities, per sentence and token (for training)."""
    out: list[list[dict[str, float]]] = []
    best = probs.argmax(axis=1).tolist()
    start = 0
    for n in lengths:
        sent: list[dict[str, float]] = []
        for i in range(n):
            row = probs[start + i]
            f = {"nn=" + lab: float(row[k]) for k, lab in enumerate(labels)}
            f["nnt=" + labels[best[start + i]]] = 1.0
            if i > 0:
                f["nnt-1=" + labels[best[start + i - 1]]] = 1.0
            if i + 1 < n:
                f["nnt+1=" + labels[best[start + i + 1]]] = 1.0
            sent.append(f)
        out.append(sent)
        start += n
    return out


class CombinedTagger(Tagger):
    """`Tagger` scores + the weights of the network features; Viterbi of the CRF."""

    def __init__(
        self,
        model: LinearChainModel,
        lexicon: Lexicon,
        network: Mapping[str, Any],
        priors: Mapping[str, tuple[int, ...]] | None = None,
        *,
        o_bias: float = O_BIAS,
    ) -> None:
        super().__init__(model, lexicon, priors, o_bias=o_bias)
        self.net = ConvTagger(dict(network), self.features.word_info)
        if sorted(self.net.labels) != sorted(model.labels):
            raise ModelError(f"network labels {self.net.labels} differ from the CRF's {model.labels}")

        def rows(prefix: str) -> FloatArray:
            out: FloatArray = model.weights[model.ids([prefix + lab for lab in self.net.labels])]
            return out

        self._w_prob = rows("nn=")
        self._w_best = rows("nnt=")
        self._w_prev = rows("nnt-1=")
        self._w_next = rows("nnt+1=")

    @classmethod
    def from_dir(
        cls,
        model_dir: Path | None = None,
        priors: Mapping[str, tuple[int, ...]] | None = None,
        *,
        vectors: Path | None = None,
        o_bias: float = O_BIAS,
    ) -> CombinedTagger:
        """``model_nn.npz`` + ``neural.npz`` (+ ``priors.tsv.gz``) of ``model_dir`` (default
        ``rasd/data/ner/``); word vectors from ``vectors``, else ``word_vectors.npz`` beside the
        model or in ``rasd/data/ner/``."""
        model_dir = model_dir or data_path("ner")
        if priors is None and (model_dir / "priors.tsv.gz").exists():
            priors = read_priors(model_dir / "priors.tsv.gz")
        if vectors is None:
            here = model_dir / VECTORS_FILE
            vectors = here if here.exists() else data_path("ner", VECTORS_FILE)
        if not (model_dir / CRF_FILE).exists():
            raise ModelError(f"no {CRF_FILE} in {model_dir}; rebuild with scripts/train_neural_ner.py")
        network = read_network(model_dir / NET_FILE, vectors)
        return cls(
            LinearChainModel.load(model_dir / CRF_FILE), load_lexicon(), network, priors, o_bias=o_bias
        )

    def emissions_many(self, sentences: Sequence[Sequence[str]]) -> tuple[FloatArray, IntArray]:
        scores, lengths = super().emissions_many(sentences)
        if not len(scores):
            return scores, lengths
        logits, _ = self.net.logits_many(sentences)
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        best = probs.argmax(axis=1)
        scores += probs @ self._w_prob + self._w_best[best]
        if len(best) > 1:
            ends = np.cumsum(lengths)
            # nxt[i] = 1 when token i has a right neighbour in its sentence (token i + 1 a left one)
            nxt = np.ones((len(best) - 1, 1), np.float32)
            nxt[ends[ends < len(best)] - 1] = 0.0
            scores[1:] += self._w_prev[best[:-1]] * nxt
            scores[:-1] += self._w_next[best[1:]] * nxt
        return scores, lengths
