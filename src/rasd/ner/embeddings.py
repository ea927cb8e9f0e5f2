"""Build-time only: word clusters from the unlabeled ANT news corpus (needs ``gensim``).

The tagger never loads vectors.  We train word2vec on the normalized tokens of ANT
(~9.7M words), then k-means the vectors of frequent words at three granularities and ship only
``word -> (count, c64, c256, c1024)`` as a small TSV.  Names never seen in ANERcorp (``بلينكن``)
still share a cluster with names that were, which is what lets the CRF generalise.

Determinism: one worker thread, fixed seeds, and ``PYTHONHASHSEED`` fixed by the calling script.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from rasd.arabic.tokenize import split_sentences, tokenize_ar
from rasd.ner.normal import form_of

__all__ = ["build_clusters", "iter_corpus_sentences", "kmeans_labels", "write_clusters"]

log = logging.getLogger(__name__)

CLUSTER_SIZES = (64, 256, 1024)


def iter_corpus_sentences(paths: list[Path]) -> Iterator[list[str]]:
    """Normalized token lists, one per sentence, of every title and text in the JSONL.gz files."""
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                for field in ("title", "text"):
                    text = rec.get(field) or ""
                    for a, b in split_sentences(text):
                        toks = [form_of(t.text) for t in tokenize_ar(text[a:b])]
                        if toks:
                            yield toks


class _Corpus:
    """Re-iterable corpus for gensim (materialised once; ~10M tokens fit in memory)."""

    def __init__(self, sentences: list[list[str]]) -> None:
        self.sentences = sentences

    def __iter__(self) -> Iterator[list[str]]:
        return iter(self.sentences)


def kmeans_labels(
    x: np.ndarray[Any, Any], k: int, *, seed: int = 13, iters: int = 20
) -> np.ndarray[Any, Any]:
    """Spherical k-means (cosine) with a fixed seed; returns a cluster id per row."""
    rng = np.random.default_rng(seed)
    xn = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    centers = xn[rng.choice(len(xn), size=k, replace=False)].copy()
    labels = np.zeros(len(xn), dtype=np.int64)
    for _ in range(iters):
        labels = np.empty(len(xn), dtype=np.int64)
        for lo in range(0, len(xn), 20000):
            labels[lo : lo + 20000] = np.argmax(xn[lo : lo + 20000] @ centers.T, axis=1)
        for c in range(k):
            members = xn[labels == c]
            if len(members):
                v = members.sum(axis=0)
                centers[c] = v / max(float(np.linalg.norm(v)), 1e-9)
    return labels


def build_clusters(
    corpus_paths: list[Path],
    *,
    min_count: int = 3,
    dim: int = 100,
    seed: int = 13,
    epochs: int = 5,
    save_vectors: Path | None = None,
) -> list[tuple[str, int, tuple[int, ...]]]:
    """Train word2vec on the corpus and cluster the vocabulary: ``(word, count, cluster ids)``."""
    from gensim.models import Word2Vec  # build-time dependency only

    sentences = list(iter_corpus_sentences(corpus_paths))
    log.info("corpus: %d sentences, %d tokens", len(sentences), sum(map(len, sentences)))
    model = Word2Vec(
        _Corpus(sentences),
        vector_size=dim,
        window=5,
        min_count=min_count,
        sg=1,
        negative=5,
        epochs=epochs,
        workers=1,
        seed=seed,
    )
    if save_vectors is not None:
        model.wv.save(str(save_vectors))
    words: list[str] = list(model.wv.index_to_key)
    vectors = np.asarray(model.wv.vectors, dtype=np.float64)
    ids = [kmeans_labels(vectors, k, seed=seed) for k in CLUSTER_SIZES]
    counts = [int(model.wv.get_vecattr(w, "count")) for w in words]
    return [(w, counts[i], tuple(int(lab[i]) for lab in ids)) for i, w in enumerate(words)]


def write_clusters(rows: list[tuple[str, int, tuple[int, ...]]], path: Path) -> None:
    """Write the gzipped TSV ``word<TAB>count<TAB>c64<TAB>c256<TAB>c1024``, sorted by word."""
    with gzip.GzipFile(path, "wb", mtime=0) as raw:
        for word, count, cl in sorted(rows):
            raw.write(("\t".join([word, str(count), *map(str, cl)]) + "\n").encode("utf-8"))
