"""A small convolutional NER tagger in numpy whose tag probabilities are features of the CRF.

Trained with PyTorch at build time only (``scripts/train_neural_ner.py``); the weights ship as an
``.npz`` and tagging is plain numpy.  Per token the network reads three things about the word
alone — the word2vec vector (trained on ANT) of its normalized form, the vector of its clitic-free
stem (``وبواشنطن`` → ``واشنطن``), and a character CNN over the form — then three width-3 convolutions
over the sentence (dilations 1, 2, 1: ±4 words of context) and a softmax over the IOB2 labels.
Words never seen in ANERcorp still get a vector from the unlabeled news, which is the point.

>>> from rasd.ner.lexicon import data_path
>>> net = ConvTagger.load(data_path("ner", "dev", "neural.npz"))  # doctest: +SKIP
>>> net.probabilities_many([["قال", "الرئيس", "جو", "بايدن"]]).shape  # doctest: +SKIP
(4, 9)

The word part (vectors + char CNN) is cached per word type (bounded); convolutions run over all
sentences of a batch stacked with zero gaps between them, so they are a few matrix products.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from rasd.errors import ModelError

__all__ = [
    "CHAR_LEN",
    "DILATIONS",
    "ConvTagger",
    "WordLike",
    "char_ids",
    "encode_words",
    "read_network",
    "softmax",
]

FloatArray = np.ndarray[Any, np.dtype[np.float32]]
IntArray = np.ndarray[Any, np.dtype[np.intp]]

CHAR_LEN = 16  # characters of a form read by the char CNN (longer forms: first 8 + last 8)
DILATIONS = (1, 2, 1)
_GAP = max(DILATIONS)  # zero rows between stacked sentences (no context leaks across them)
_CACHE_LIMIT = 200_000


def char_ids(form: str, chars: dict[str, int]) -> list[int]:
    """Character ids of ``form`` (1 = unknown character, 0 = padding), ``CHAR_LEN`` long."""
    if len(form) > CHAR_LEN:
        form = form[: CHAR_LEN // 2] + form[-CHAR_LEN // 2 :]
    ids = [chars.get(c, 1) for c in form]
    return ids + [0] * (CHAR_LEN - len(ids))


class WordLike(Protocol):
    """What the network reads of a word (`rasd.ner.features.WordInfo` has it)."""

    @property
    def form(self) -> str: ...
    @property
    def stem(self) -> str: ...
    @property
    def cluster(self) -> tuple[str, ...]: ...


def encode_words(
    infos: Sequence[WordLike], vocab: dict[str, int], chars: dict[str, int]
) -> tuple[IntArray, IntArray]:
    """Per word type: ``(n, 5)`` ids (form vector, stem vector, clusters c64/c256/c1024 of the stem;
    0 = unknown) and ``(n, CHAR_LEN)`` char ids of the form."""
    ids = np.array(
        [
            (vocab.get(i.form, 0), vocab.get(i.stem, 0), *(0 if c == "x" else int(c) + 1 for c in i.cluster))
            for i in infos
        ],
        dtype=np.intp,
    ).reshape(len(infos), 5)
    cids = np.array([char_ids(i.form, chars) for i in infos], dtype=np.intp).reshape(len(infos), CHAR_LEN)
    return ids, cids


def _relu(x: FloatArray) -> FloatArray:
    out: FloatArray = np.maximum(x, 0.0)
    return out


class ConvTagger:
    """Weights of the trained network; `probabilities_many` gives per-token label probabilities."""

    def __init__(self, arrays: dict[str, Any], info_of: Callable[[str], WordLike]) -> None:
        try:
            self._setup(arrays)
        except KeyError as exc:
            raise ModelError(f"neural NER weights lack {exc}") from exc
        self.info_of = info_of
        self._reset()

    def _setup(self, arrays: dict[str, Any]) -> None:
        self.labels: list[str] = bytes(arrays["labels"]).decode("utf-8").split("\n")
        words = bytes(arrays["words"]).decode("utf-8").split("\n") if len(arrays["words"]) else []
        self.vocab = {w: i + 1 for i, w in enumerate(words)}
        self.chars = {c: i + 2 for i, c in enumerate(bytes(arrays["chars"]).decode("utf-8"))}
        scale = arrays["emb_scale"].astype(np.float32)
        emb = arrays["emb_q"].astype(np.float32) * scale[:, None]
        self.emb: FloatArray = np.vstack([np.zeros((1, emb.shape[1]), np.float32), emb])
        self.cluster_emb: list[FloatArray] = [arrays[f"cl{k}_emb"].astype(np.float32) for k in range(3)]
        self.char_emb: FloatArray = arrays["char_emb"].astype(np.float32)
        self.char_w: FloatArray = arrays["char_w"].astype(np.float32)  # (width, char_dim, filters)
        self.char_b: FloatArray = arrays["char_b"].astype(np.float32)
        self.conv_w: list[FloatArray] = [
            arrays[f"conv{k}_w"].astype(np.float32) for k in range(len(DILATIONS))
        ]
        self.conv_b: list[FloatArray] = [
            arrays[f"conv{k}_b"].astype(np.float32) for k in range(len(DILATIONS))
        ]
        self.out_w: FloatArray = arrays["out_w"].astype(np.float32)
        self.out_b: FloatArray = arrays["out_b"].astype(np.float32)
        self.word_dim = (
            2 * self.emb.shape[1] + 2 + sum(e.shape[1] for e in self.cluster_emb) + self.char_w.shape[2]
        )
        if self.char_w.shape[0] != 3:
            raise ModelError("the character convolution must have width 3")
        self._char_table: FloatArray = np.concatenate([self.char_emb @ w for w in self.char_w], axis=1)
        # the first convolution reads word vectors only: cache x @ [W_left | W_mid | W_right] per type
        self._first: FloatArray = np.concatenate(list(self.conv_w[0]), axis=1)
        self._hidden = self.conv_w[0].shape[2]

    def _reset(self) -> None:
        self._rows: dict[str, int] = {}
        self._table: FloatArray = np.zeros((1024, 3 * self._hidden), np.float32)

    @classmethod
    def load(cls, path: Path, info_of: Callable[[str], WordLike], vectors: Path | None = None) -> ConvTagger:
        """Network weights at ``path`` (word vectors from ``vectors``, see `read_network`)."""
        return cls(read_network(path, vectors), info_of)

    def word_vectors(self, ids: IntArray, cids: IntArray) -> FloatArray:
        """The per-word input of the sentence convolutions: ``(n, word_dim)``."""
        # width-3 char convolution as look-ups: row c of _char_table = char_emb[c] @ [W_left|W_mid|W_right]
        f = self.char_b.shape[0]
        t = self._char_table
        h = t[cids, f : 2 * f] + self.char_b
        h[:, 1:] += t[cids[:, :-1], :f]
        h[:, :-1] += t[cids[:, 1:], 2 * f :]
        h = _relu(h) * (cids > 0)[:, :, None]
        chars = h.max(axis=1)
        known = (ids[:, :2] > 0).astype(np.float32)
        parts = [self.emb[ids[:, 0]], self.emb[ids[:, 1]], known]
        parts += [e[ids[:, 2 + k]] for k, e in enumerate(self.cluster_emb)]
        return np.concatenate([*parts, chars], axis=1)

    def _type_rows(self, flat: Sequence[str]) -> IntArray:
        """Row of every token in the per-type cache of word vectors (adding new types first)."""
        new = sorted(set(flat).difference(self._rows))
        if new:
            if len(self._rows) + len(new) > _CACHE_LIMIT:
                self._reset()
                new = sorted(set(flat))
            x = self.word_vectors(*encode_words([self.info_of(t) for t in new], self.vocab, self.chars))
            vecs = self.first_layer(x)
            base = len(self._rows)
            need = base + len(new)
            if need > len(self._table):
                grown = np.zeros((max(need, 2 * len(self._table)), 3 * self._hidden), np.float32)
                grown[:base] = self._table[:base]
                self._table = grown
            self._table[base:need] = vecs
            self._rows.update(zip(new, range(base, need), strict=True))
        return np.fromiter(map(self._rows.__getitem__, flat), np.intp, len(flat))

    def logits_stacked(self, parts: FloatArray, lengths: IntArray) -> FloatArray:
        """Label scores of sentences stacked in order (``lengths``), from each word's first-layer
        products ``parts`` = word vector @ ``[W_left | W_mid | W_right]`` (``(tokens, 3 * hidden)``)."""
        hid = self._hidden
        if len(lengths) == 1:  # one sentence: zero padding at its edges is all the masking needed
            where: Any = slice(None)
            mask: Any = 1.0
            p = parts
        else:  # each sentence follows a gap of _GAP zero rows: no context crosses sentences
            total = int(lengths.sum())
            where = np.arange(total) + np.repeat(np.arange(len(lengths)) * _GAP, lengths) + _GAP
            size = total + (len(lengths) + 1) * _GAP
            mask = np.zeros((size, 1), np.float32)
            mask[where] = 1.0
            p = np.zeros((size, 3 * hid), np.float32)
            p[where] = parts
        d = DILATIONS[0]
        out = p[:, hid : 2 * hid] + self.conv_b[0]
        out[d:] += p[:-d, :hid]
        out[:-d] += p[d:, 2 * hid :]
        h = _relu(out) * mask
        for w, b, d in zip(self.conv_w[1:], self.conv_b[1:], DILATIONS[1:], strict=True):
            out = h @ w[1] + b
            out[d:] += h[:-d] @ w[0]
            out[:-d] += h[d:] @ w[2]
            h = _relu(out) * mask
        logits: FloatArray = h[where] @ self.out_w + self.out_b
        return logits

    def first_layer(self, x: FloatArray) -> FloatArray:
        """``x @ [W_left | W_mid | W_right]`` of the first convolution (what the type cache holds)."""
        out: FloatArray = x @ self._first
        return out

    def logits_many(self, sentences: Sequence[Sequence[str]]) -> tuple[FloatArray, IntArray]:
        lengths = np.fromiter((len(s) for s in sentences), np.intp, len(sentences))
        flat = [t for s in sentences for t in s]
        if not flat:
            return np.zeros((0, len(self.labels)), np.float32), lengths
        rows = self._type_rows(flat)
        return self.logits_stacked(self._table[rows], lengths), lengths

    def probabilities_many(self, sentences: Sequence[Sequence[str]]) -> FloatArray:
        """Softmax label probabilities of every token of ``sentences`` stacked: ``(tokens, labels)``."""
        logits, _ = self.logits_many(sentences)
        return softmax(logits)


def read_network(path: Path, vectors: Path | None = None) -> dict[str, Any]:
    """The arrays of a network file; the word vectors (``words``, ``emb_q``, ``emb_scale``) come from
    ``vectors`` when given (one file shared by the full and the dev model), else from ``path``."""
    arrays: dict[str, Any] = {}
    try:
        for p in (path, vectors) if vectors is not None else (path,):
            with np.load(p, allow_pickle=False) as data:
                arrays.update({k: data[k] for k in data.files})
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read neural NER weights {path}: {exc}") from exc
    return arrays


def softmax(logits: FloatArray) -> FloatArray:
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: FloatArray = e / e.sum(axis=1, keepdims=True)
    return out
