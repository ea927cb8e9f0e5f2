"""A first-order linear-chain CRF scorer in numpy, equivalent to crfsuite's Viterbi.

crfsuite trains the model; `export_weights` turns its state and transition weights into a compact
``.npz`` (attribute strings, a weight matrix, a transition matrix), which is what ships.  Tagging
then never builds per-token feature strings for crfsuite: the summed weights of everything a word
type contributes (its own features and its features as a neighbour at each offset) are cached per
word type, and only the few features that depend on word pairs are looked up per token.  The result
is identical to ``pycrfsuite.Tagger.tag`` (checked in tests) and several times faster.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np

from rasd.errors import ModelError

__all__ = ["FloatArray", "IntArray", "LinearChainModel", "export_weights"]

FloatArray = np.ndarray[Any, np.dtype[np.float32]]
IntArray = np.ndarray[Any, np.dtype[np.intp]]


def export_weights(crfsuite_model: Path, out: Path, *, min_abs: float = 1e-4) -> None:
    """Write the weights of a trained crfsuite model as a compressed ``.npz``."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(crfsuite_model))
    info = tagger.info()
    labels = sorted(info.labels.keys(), key=lambda x: info.labels[x])
    lidx = {lab: k for k, lab in enumerate(labels)}
    attrs: dict[str, int] = {}
    rows: list[tuple[int, int, float]] = []
    for (attr, label), w in sorted(info.state_features.items()):
        if abs(w) < min_abs:
            continue
        a = attrs.setdefault(attr, len(attrs))
        rows.append((a, lidx[label], w))
    weights = np.zeros((len(attrs), len(labels)), dtype=np.float32)
    for a, k, w in rows:
        weights[a, k] = w
    trans = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (src, dst), w in info.transitions.items():
        trans[lidx[src], lidx[dst]] = w
    names = "\n".join(attrs).encode("utf-8")
    buf = io.BytesIO()
    np.savez_compressed(
        buf,
        labels=np.frombuffer("\n".join(labels).encode("utf-8"), dtype=np.uint8),
        attrs=np.frombuffer(names, dtype=np.uint8),
        weights=weights,
        transitions=trans,
    )
    out.write_bytes(buf.getvalue())


class LinearChainModel:
    """Weights of a trained model: ``score(attribute ids)`` and `viterbi`."""

    def __init__(
        self, labels: list[str], attrs: list[str], weights: FloatArray, transitions: FloatArray
    ) -> None:
        self.labels = labels
        self.attr_index = {a: i for i, a in enumerate(attrs)}
        # one extra all-zero row for unknown attributes
        self.weights = np.vstack([weights, np.zeros((1, len(labels)), dtype=np.float32)])
        self.unknown = len(attrs)
        self.transitions = transitions

    @classmethod
    def load(cls, path: Path) -> LinearChainModel:
        try:
            with np.load(path, allow_pickle=False) as data:
                labels = bytes(data["labels"]).decode("utf-8").split("\n")
                attrs = bytes(data["attrs"]).decode("utf-8").split("\n")
                return cls(labels, attrs, data["weights"], data["transitions"])
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"cannot read NER weights {path}: {exc}") from exc

    def ids(self, attrs: Sequence[str]) -> list[int]:
        """Attribute ids (the zero row for unknown attributes)."""
        return list(map(self.attr_index.get, attrs, repeat(self.unknown, len(attrs))))

    def sum_rows(self, ids: Sequence[int]) -> FloatArray:
        vec: FloatArray = self.weights[list(ids)].sum(axis=0)
        return vec

    def viterbi(self, emissions: FloatArray) -> list[str]:
        """Best label sequence for an ``(n, labels)`` emission matrix."""
        n = emissions.shape[0]
        if n == 0:
            return []
        trans = self.transitions
        score = emissions[0]
        back = []
        for i in range(1, n):
            cand = score[:, None] + trans
            back.append(cand.argmax(axis=0))
            score = cand.max(axis=0) + emissions[i]
        best = int(score.argmax())
        path = [best]
        for step in reversed(back):
            best = int(step[best])
            path.append(best)
        labels = self.labels
        return [labels[k] for k in reversed(path)]

    def viterbi_batch(self, emissions: Sequence[FloatArray]) -> list[list[str]]:
        """`viterbi` for many sequences at once (one numpy step per position, not per token)."""
        if not emissions:
            return []
        lengths = np.array([e.shape[0] for e in emissions], dtype=np.intp)
        stacked = (
            np.concatenate(emissions) if int(lengths.sum()) else np.zeros((0, len(self.labels)), np.float32)
        )
        return self.viterbi_stacked(stacked, lengths)

    def viterbi_stacked(self, emissions: FloatArray, lengths: IntArray) -> list[list[str]]:
        """`viterbi` for sequences stacked in one ``(sum(lengths), labels)`` matrix, in that order."""
        n_seq = len(lengths)
        if n_seq == 0:
            return []
        n_labels = len(self.labels)
        steps = int(lengths.max())
        if steps == 0:
            return [[] for _ in range(n_seq)]
        # sequences sorted by length: at step t the ones still running are a suffix of the batch
        order = np.argsort(lengths, kind="stable")
        rank = np.empty(n_seq, dtype=np.intp)
        rank[order] = np.arange(n_seq)
        sorted_lengths = lengths[order]
        seq_of = np.repeat(rank, lengths)
        pos = np.arange(len(seq_of)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        padded = np.zeros((n_seq, steps, n_labels), dtype=emissions.dtype)
        padded[seq_of, pos] = emissions
        trans = self.transitions[None, :, :]
        score = padded[:, 0, :].copy()
        back = np.zeros((steps, n_seq, n_labels), dtype=np.intp)
        first_running = np.searchsorted(sorted_lengths, np.arange(steps), side="right").tolist()
        for t in range(1, steps):
            lo = first_running[t]
            cand = score[lo:, :, None] + trans
            back[t, lo:] = cand.argmax(axis=1)
            score[lo:] = cand.max(axis=1) + padded[lo:, t, :]
        # backtrack all sequences together: path[b, t] for t < length of b
        path = np.zeros((n_seq, steps), dtype=np.intp)
        best = score.argmax(axis=1)
        rows = np.arange(n_seq)
        last = sorted_lengths - 1
        path[rows, np.maximum(last, 0)] = best
        for t in range(steps - 1, 0, -1):
            lo = first_running[t]
            best[lo:] = back[t, rows[lo:], best[lo:]]
            path[lo:, t - 1] = best[lo:]
        names = np.array(self.labels, dtype=object)
        flat = names[path[seq_of, pos]].tolist()
        out: list[list[str]] = []
        start = 0
        for n in lengths.tolist():
            out.append(flat[start : start + n])
            start += n
        return out
