"""The CRF tagger plus the convolutional network's tag probabilities as CRF features.

The CRF (`rasd.ner.tagger.Tagger`) was trained with four extra feature groups per token, computed
from the network's softmax `p` over the IOB2 labels (`neural_features`, cross-fitted at training):

* ``nn=LABEL`` with value ``p[LABEL]`` (real-valued),
* ``nnt=LABEL`` for the network's best label, ``nnt-1=`` / ``nnt+1=`` for the neighbours' best label.

At tagging time their weights are added to the CRF's state scores as a few matrix products, then
the CRF's Viterbi decides.  The same sentence gives the same tags alone or in a batch.

>>> tagger = CombinedTagger.load(model_dir)  # doctest: +SKIP
>>> tagger.tag(["وقال", "الرئيس", "جو", "بايدن", "في", "واشنطن"])  # doctest: +SKIP
['O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from rasd.ner.lexicon import read_priors
from rasd.ner.linear import FloatArray, IntArray
from rasd.ner.neural import ConvTagger
from rasd.ner.tagger import Tagger

__all__ = ["CombinedTagger", "neural_features"]

_BATCH_CELLS = 20_000


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


class CombinedTagger:
    """`Tagger` scores + the weights of the network features; Viterbi of the CRF."""

    def __init__(self, tagger: Tagger, net: ConvTagger) -> None:
        self.tagger = tagger
        self.net = net
        model = tagger.model

        def rows(prefix: str) -> FloatArray:
            ids = model.ids([prefix + lab for lab in net.labels])
            out: FloatArray = model.weights[ids]
            return out

        self._w_prob = rows("nn=")
        self._w_best = rows("nnt=")
        self._w_prev = rows("nnt-1=")
        self._w_next = rows("nnt+1=")

    @classmethod
    def load(
        cls,
        model_dir: Path,
        priors: Mapping[str, tuple[int, ...]] | None = None,
        *,
        net_file: str = "neural.npz",
        crf_file: str = "model_nn.npz",
        vectors: Path | None = None,
        priors_file: str = "priors.tsv.gz",
    ) -> CombinedTagger:
        if priors is None:
            priors = read_priors(model_dir / priors_file)
        tagger = Tagger.load(model_dir / crf_file, priors)
        if vectors is None and (model_dir / "word_vectors.npz").exists():
            vectors = model_dir / "word_vectors.npz"
        net = ConvTagger.load(model_dir / net_file, tagger.features.word_info, vectors)
        return cls(tagger, net)

    def emissions_many(self, sentences: Sequence[Sequence[str]]) -> tuple[FloatArray, IntArray]:
        scores, lengths = self.tagger.emissions_many(sentences)
        if not len(scores):
            return scores, lengths
        logits, _ = self.net.logits_many(sentences)
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        best = probs.argmax(axis=1)
        scores += probs @ self._w_prob + self._w_best[best]
        if len(best) > 1:
            ends = np.cumsum(lengths)
            # next[i]: token i has a right neighbour in its sentence; prev is next shifted by one
            nxt = np.ones((len(best) - 1, 1), np.float32)
            nxt[ends[ends < len(best)] - 1] = 0.0
            scores[1:] += self._w_prev[best[:-1]] * nxt
            scores[:-1] += self._w_next[best[1:]] * nxt
        return scores, lengths

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        order = sorted(range(len(sentences)), key=lambda k: len(sentences[k]))
        out: list[list[str]] = [[] for _ in sentences]
        batch: list[int] = []
        for k in [*order, -1]:
            if batch and (k < 0 or (len(batch) + 1) * len(sentences[k]) > _BATCH_CELLS):
                scores, lengths = self.emissions_many([sentences[j] for j in batch])
                tags = self.tagger.model.viterbi_stacked(scores, lengths)
                for j, t in zip(batch, tags, strict=True):
                    out[j] = t
                batch = []
            if k >= 0:
                batch.append(k)
        return out

    def tag(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        scores, _ = self.emissions_many([tokens])
        return self.tagger.model.viterbi(scores)
