"""The shipped tagger: tokens in, IOB2 tags (PERS/ORG/LOC/MISC) out.

>>> tag_entities(["وقال", "الرئيس", "جو", "بايدن", "في", "واشنطن"])
['O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from rasd.errors import ModelError
from rasd.ner.features import (
    OFFSETS,
    FeatureExtractor,
    WordInfo,
    match_gazetteer,
    neighbor_features,
    sequence_features,
)
from rasd.ner.lexicon import Lexicon, data_path, load_lexicon
from rasd.ner.linear import LinearChainModel

__all__ = ["MODEL_FILE", "Tagger", "default_tagger", "tag_entities"]

MODEL_FILE = "model.npz"
_SLOTS = 1 + len(OFFSETS)  # own features + one row per neighbour offset
_ROW_LIMIT = 400_000
_MAX_SEQ = 12
_BATCH_CELLS = 20_000  # sentences x positions per batched Viterbi (bounds memory on huge inputs)
# Subtracted from the O score of every token before Viterbi.  The CRF is conservative (dev precision
# 0.79, recall 0.67); calibrated on the ANERcorp dev split as one scalar: 0 -> F1 0.725, 0.25 -> 0.731,
# 0.5 -> 0.732, 0.75 -> 0.734, 1.0 -> 0.737, 1.5 -> 0.724.  We take 0.75, inside the plateau.
O_BIAS = 0.75


class Tagger:
    """Model weights plus feature extractor.  Output depends only on the input tokens.

    Word-level weight sums are memoized per word type (a speed cache; it never changes a result).
    """

    def __init__(
        self,
        model: LinearChainModel,
        lexicon: Lexicon,
        priors: Mapping[str, tuple[int, ...]] | None = None,
        *,
        row_limit: int = _ROW_LIMIT,
        o_bias: float = O_BIAS,
    ) -> None:
        self.model = model
        self.row_limit = row_limit
        self.o_bias = o_bias
        self._o = model.labels.index("O") if "O" in model.labels else -1
        self.lexicon = lexicon
        self.features = FeatureExtractor(lexicon, priors)
        self._labels = len(model.labels)
        self._index_pairs()
        self._reset_rows()

    def _index_pairs(self) -> None:
        """Pair features (``sp=a|b``, ``-1:c2|c2=a|b``…) keyed by tuples, so tagging needs no strings."""
        self._pairs: dict[str, dict[tuple[str, str], int]] = {
            "sp=": {},
            "sn=": {},
            "-1:c2|c2=": {},
            "1:c2|c2=": {},
        }
        for attr, i in self.model.attr_index.items():
            for prefix, table in self._pairs.items():
                if attr.startswith(prefix):
                    a, sep, b = attr[len(prefix) :].partition("|")
                    if sep and "|" not in a and "|" not in b:
                        table[(a, b)] = i
        get = self.model.attr_index.get
        unknown = self.model.unknown
        self._edge = {name: get(name, unknown) for name in ("-2:BOS", "-1:BOS", "1:EOS", "2:EOS")}

    def _reset_rows(self) -> None:
        self._rows: dict[str, int] = {}
        self._table: np.ndarray[Any, np.dtype[np.float32]] = np.zeros(
            (1 + 1024 * _SLOTS, self._labels), np.float32
        )
        self._used = 1  # row 0 is all zeros

    @classmethod
    def load(
        cls,
        path: Path | None = None,
        priors: Mapping[str, tuple[int, ...]] | None = None,
        *,
        o_bias: float = O_BIAS,
    ) -> Tagger:
        """Open the weights at ``path`` (default: the model shipped in ``rasd/data/ner/``).

        ``priors`` overrides the shipped ANT tag priors (training and evaluation use this);
        ``o_bias`` 0 gives the plain CRF decision (used when counting priors).
        """
        path = path or data_path("ner", MODEL_FILE)
        if not path.exists():
            raise ModelError(f"NER model not found at {path}; rebuild it with scripts/train_ner.py")
        return cls(LinearChainModel.load(path), load_lexicon(), priors, o_bias=o_bias)

    def _word_row(self, token: str, info: WordInfo) -> int:
        row = self._rows.get(token)
        if row is not None:
            return row
        if self._used + _SLOTS > len(self._table):
            grown = np.zeros((2 * len(self._table), self._labels), np.float32)
            grown[: len(self._table)] = self._table
            self._table = grown
        row = self._used
        model = self.model
        self._table[row] = model.sum_rows(model.ids(info.feats))
        for k, d in enumerate(OFFSETS, start=1):
            self._table[row + k] = model.sum_rows(model.ids(neighbor_features(info, d)))
        self._used += _SLOTS
        self._rows[token] = row
        return row

    def emissions(self, tokens: Sequence[str]) -> np.ndarray[Any, np.dtype[np.float32]]:
        """``(n, labels)`` state scores of a sentence."""
        fx = self.features
        infos = [fx.word_info(t) for t in tokens]
        n = len(infos)
        if self._used + _SLOTS * n > self.row_limit:
            self._reset_rows()  # never in the middle of a sentence: rows of this sentence stay valid
        rows = np.fromiter((self._word_row(t, i) for t, i in zip(tokens, infos, strict=True)), np.intp, n)
        idx = np.zeros((n, _SLOTS), dtype=np.intp)
        idx[:, 0] = rows
        for k, d in enumerate(OFFSETS, start=1):
            if d < 0 and n + d > 0:
                idx[-d:, k] = rows[: n + d] + k
            elif d > 0 and n - d > 0:
                idx[: n - d, k] = rows[d:] + k
        scores: np.ndarray[Any, np.dtype[np.float32]] = self._table[idx].sum(axis=1)
        gaz = match_gazetteer([i.form for i in infos], [i.stem for i in infos], self.lexicon)
        scores += self.model.weights[self._sequence_ids(infos, gaz)].sum(axis=1)
        if self._o >= 0 and self.o_bias:
            scores[:, self._o] -= self.o_bias
        return scores

    def _sequence_ids(
        self, infos: Sequence[WordInfo], gaz: Sequence[str]
    ) -> np.ndarray[Any, np.dtype[np.intp]]:
        """Attribute ids of `sequence_features` per token (``(n, _MAX_SEQ)``, padded with the zero row)."""
        n = len(infos)
        unknown = self.model.unknown
        seq = np.full((n, _MAX_SEQ), unknown, dtype=np.intp)
        stems = [i.stem for i in infos]
        if any("|" in st for st in stems):  # cannot be split back: use the strings
            ids = self.model.ids
            for i in range(n):
                feats = ids(sequence_features(i, infos, gaz))
                seq[i, : len(feats)] = feats[:_MAX_SEQ]
            return seq
        c2 = [i.cluster[1] for i in infos]
        sp, sn = self._pairs["sp="], self._pairs["sn="]
        cp, cn = self._pairs["-1:c2|c2="], self._pairs["1:c2|c2="]
        get = self.model.attr_index.get
        for i in range(n):
            row = seq[i]
            k = 0
            if i > 0:
                row[0] = sp.get((stems[i - 1], stems[i]), unknown)
                row[1] = cp.get((c2[i - 1], c2[i]), unknown)
            else:
                row[0] = self._edge["-1:BOS"]
                row[1] = self._edge["-2:BOS"]
            if i + 1 < n:
                row[2] = sn.get((stems[i], stems[i + 1]), unknown)
                row[3] = cn.get((c2[i + 1], c2[i]), unknown)
            else:
                row[2] = self._edge["1:EOS"]
                row[3] = self._edge["2:EOS"]
            k = 4
            if i == 1:
                row[k] = self._edge["-2:BOS"]
                k += 1
            if i == n - 2:
                row[k] = self._edge["2:EOS"]
                k += 1
            if gaz[i]:
                row[k] = get("g=" + gaz[i], unknown)
                k += 1
            if i > 0 and gaz[i - 1]:
                row[k] = get("-1:g=" + gaz[i - 1], unknown)
                k += 1
            if i + 1 < n and gaz[i + 1]:
                row[k] = get("1:g=" + gaz[i + 1], unknown)
        return seq

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """`tag` for several sentences: same result, batched Viterbi over sentences of similar length."""
        order = sorted(range(len(sentences)), key=lambda k: len(sentences[k]))
        out: list[list[str]] = [[] for _ in sentences]
        batch: list[int] = []
        for k in [*order, -1]:
            if batch and (k < 0 or (len(batch) + 1) * len(sentences[k]) > _BATCH_CELLS):
                tags = self.model.viterbi_batch([self.emissions(sentences[j]) for j in batch])
                for j, t in zip(batch, tags, strict=True):
                    out[j] = t
                batch = []
            if k >= 0:
                batch.append(k)
        return out

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags for one sentence (or any token run)."""
        if not tokens:
            return []
        return self.model.viterbi(self.emissions(tokens))


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    """The shipped tagger, loaded on first use and then shared (its output never depends on use)."""
    return Tagger.load()


def tag_entities(tokens: list[str]) -> list[str]:
    """IOB2 tags over PERS/ORG/LOC/MISC for ``tokens`` (for CoNLL-style evaluation)."""
    return default_tagger().tag(tokens)
