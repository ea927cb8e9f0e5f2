"""Train and evaluate the CRF tagger (python-crfsuite, L-BFGS with elastic-net regularisation).

Training has two rounds (`train_with_priors`):

1. *Priors.*  A CRF without prior features tags a fixed sample of the unlabeled ANT corpus; for
   every word we count how often it was tagged PERS/LOC/ORG/MISC ("tag priors").  A name seen in
   many ANT contexts gets a reliable prior even when ANERcorp never saw it.  To keep the final
   model from over-trusting priors of words it memorised, training sentences get priors from a
   model trained on the *other* half of the data (2-fold jackknife); run-time priors come from a
   model trained on all of it.
2. *Final model* with the prior features.

Deterministic: crfsuite's L-BFGS has no randomness, the ANT sample is fixed, features depend only
on the data files.  Used by ``scripts/train_ner.py`` and ``benchmarks/ner_eval.py``.
"""

from __future__ import annotations

import gzip
import logging
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pycrfsuite

from rasd.ner.conll import Sentence, score_spans
from rasd.ner.features import PRIOR_TYPES, FeatureExtractor
from rasd.ner.lexicon import load_lexicon
from rasd.ner.linear import export_weights

if TYPE_CHECKING:  # the tagger imports this module's neighbours; at run time it is imported where used
    from rasd.ner.tagger import Tagger

__all__ = [
    "ANT_SAMPLE_EVERY",
    "ANT_SAMPLE_SENTENCES",
    "TagCounts",
    "TrainConfig",
    "ant_sample",
    "augment_domain",
    "count_tag_priors",
    "evaluate_model",
    "fold_domain",
    "train_features",
    "train_model",
    "train_with_priors",
    "write_priors",
]

log = logging.getLogger(__name__)

Priors = Mapping[str, tuple[int, ...]]

# The fixed ANT sample tagged for priors: every 3rd sentence, the first 60,000 of those (~1.5M tokens).
ANT_SAMPLE_EVERY = 3
ANT_SAMPLE_SENTENCES = 60_000


def ant_sample(ant_dir: Path) -> list[list[str]]:
    """The deterministic ANT sentence sample used for tag priors."""
    from rasd.ner.embeddings import iter_corpus_sentences

    out: list[list[str]] = []
    for i, sent in enumerate(iter_corpus_sentences(sorted(ant_dir.glob("*.jsonl.gz")))):
        if i % ANT_SAMPLE_EVERY == 0:
            out.append(sent)
            if len(out) >= ANT_SAMPLE_SENTENCES:
                break
    return out


@dataclass(frozen=True)
class TrainConfig:
    # chosen by 2-fold cross-validation on the training split (benchmarks/ner_experiments.json, reg1)
    c1: float = 0.01
    c2: float = 0.1
    max_iterations: int = 100
    min_freq: int = 1


def train_model(
    sentences: Sequence[Sentence],
    model_path: Path,
    config: TrainConfig = TrainConfig(),
    priors: Sequence[Priors] | Priors | None = None,
) -> None:
    """Fit a CRF on ``(tokens, tags)`` and write it to ``model_path``.

    ``priors``: one mapping for all sentences, a sequence of one mapping per sentence (jackknife),
    or ``None`` for no prior features.
    """
    lex = load_lexicon()
    extractors: dict[int, FeatureExtractor] = {}

    def extractor_for(i: int) -> FeatureExtractor:
        p: Priors
        if priors is None:
            p = {}
        elif isinstance(priors, Mapping):
            p = priors
        else:
            p = priors[i]
        fx = extractors.get(id(p))
        if fx is None:
            fx = extractors[id(p)] = FeatureExtractor(lex, p)
        return fx

    items = [(extractor_for(i).extract(tokens), list(tags)) for i, (tokens, tags) in enumerate(sentences)]
    train_features(items, model_path, config)


def train_features(
    items: Iterable[tuple[Sequence[Sequence[str]], Sequence[str]]],
    model_path: Path,
    config: TrainConfig = TrainConfig(),
) -> None:
    """Fit a CRF on precomputed ``(feature lists, tags)`` pairs and export it to ``model_path``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for feats, tags in items:
        trainer.append(pycrfsuite.ItemSequence([list(f) for f in feats]), list(tags))
        n += 1
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
    log.info("trained %s on %d sentences in %.1fs", model_path.name, n, time.perf_counter() - t0)


DOMAIN_MARK = "#"


def augment_domain(features: Sequence[Sequence[str]], domain: str) -> list[list[str]]:
    """Feature augmentation (Daumé III 2007): every feature once shared and once marked by its corpus.

    >>> augment_domain([["w=بغداد", "sh=ar"]], "A")
    [['w=بغداد', 'sh=ar', 'A#w=بغداد', 'A#sh=ar']]
    """
    mark = domain + DOMAIN_MARK
    return [[*f, *(mark + x for x in f)] for f in features]


def fold_domain(model_path: Path, keep: str) -> None:
    """Rewrite an exported domain-augmented model for tagging in domain ``keep``: the weights of each
    ``keep#x`` attribute are added to the shared ``x``, every other domain's copy is dropped, so the
    model reads the plain feature strings of `FeatureExtractor` (same size as an unaugmented model)."""
    import io

    import numpy as np

    with np.load(model_path, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    attrs = bytes(arrays["attrs"]).decode("utf-8").split("\n")
    weights = arrays["weights"]
    mark = keep + DOMAIN_MARK
    index: dict[str, int] = {}
    rows: list[Any] = []
    for name, row in zip(attrs, weights, strict=True):
        if name.startswith(mark):
            name = name[len(mark) :]
        elif DOMAIN_MARK in name.partition("=")[0]:
            continue  # another domain's copy
        k = index.get(name)
        if k is None:
            index[name] = len(rows)
            rows.append(row.copy())
        else:
            rows[k] = rows[k] + row
    arrays["attrs"] = np.frombuffer("\n".join(index).encode("utf-8"), dtype=np.uint8)
    arrays["weights"] = np.array(rows, dtype=np.float32).reshape(len(rows), weights.shape[1])
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    model_path.write_bytes(buf.getvalue())


def count_tag_priors(
    model_path: Path, corpus: Iterable[Sequence[str]], priors: Priors | None = None
) -> dict[str, tuple[int, ...]]:
    """Tag ``corpus`` with the model and count, per word stem, occurrences and entity tags by type."""
    from rasd.ner.tagger import Tagger

    tagger = Tagger.load(model_path, priors=priors or {}, o_bias=0.0)
    counts = TagCounts(tagger)
    chunk: list[Sequence[str]] = []
    for tokens in corpus:
        chunk.append(tokens)
        if len(chunk) >= _PRIOR_CHUNK:
            counts.add(chunk, tagger.tag_many(chunk))
            chunk = []
    counts.add(chunk, tagger.tag_many(chunk))
    return counts.priors()


class TagCounts:
    """Per word stem: occurrences and tags by type (`PRIOR_TYPES`), as the priors table counts them."""

    def __init__(self, tagger: Tagger) -> None:
        self.tagger = tagger
        self.index = {t: k for k, t in enumerate(PRIOR_TYPES)}
        self.counts: dict[str, list[int]] = {}

    def add(self, sentences: Sequence[Sequence[str]], tagged: Sequence[Sequence[str]]) -> None:
        for tokens, tags in zip(sentences, tagged, strict=True):
            for tok, tag in zip(tokens, tags, strict=True):
                stem = self.tagger.features.word_info(tok).stem
                row = self.counts.get(stem)
                if row is None:
                    row = self.counts[stem] = [0] * (1 + len(PRIOR_TYPES))
                row[0] += 1
                k = self.index.get(tag[2:]) if tag != "O" else None
                if k is not None:
                    row[1 + k] += 1

    def priors(self) -> dict[str, tuple[int, ...]]:
        """The counts of stems seen at least twice."""
        return {w: tuple(r) for w, r in self.counts.items() if r[0] >= 2}


_PRIOR_CHUNK = 200  # sentences tagged per batch when counting priors (tag_many gives the same tags)


def write_priors(priors: Priors, path: Path, *, min_tagged: int = 1) -> None:
    """Write the gzipped TSV read by `rasd.ner.lexicon.read_priors`; keeps words tagged at least once
    plus frequent never-tagged words (they carry the ``pr=O`` feature)."""
    with gzip.GzipFile(path, "wb", mtime=0) as raw:
        for word in sorted(priors):
            row = priors[word]
            if sum(row[1:]) >= min_tagged or row[0] >= 5:
                raw.write(("\t".join([word, *map(str, row)]) + "\n").encode("utf-8"))


def train_with_priors(
    sentences: Sequence[Sentence],
    corpus: Sequence[Sequence[str]],
    work_dir: Path,
    model_path: Path,
    config: TrainConfig = TrainConfig(),
    other_domain: Sequence[Sentence] = (),
) -> dict[str, tuple[int, ...]]:
    """The two-round training described in the module docstring; returns the run-time priors.

    ``other_domain``: sentences of another corpus (the Wojood sample) added to the final round by
    feature augmentation (`augment_domain`; ``A`` = ANERcorp, ``W`` = the other corpus; their priors
    are the run-time ones, from models that never saw them), folded for ANERcorp (`fold_domain`).
    The prior rounds see ANERcorp only."""
    half = len(sentences) // 2
    folds = [list(sentences[:half]), list(sentences[half:])]
    fold_priors: list[dict[str, tuple[int, ...]]] = []
    for k in range(2):
        path = work_dir / f"fold{k}.npz"
        train_model(folds[1 - k], path, config)
        fold_priors.append(count_tag_priors(path, corpus))
    base = work_dir / "base.npz"
    train_model(sentences, base, config)
    priors = count_tag_priors(base, corpus)
    per_sentence = [fold_priors[0]] * half + [fold_priors[1]] * (len(sentences) - half)
    if not other_domain:
        train_model(sentences, model_path, config, per_sentence)
        return priors
    lex = load_lexicon()
    by_priors = {id(p): FeatureExtractor(lex, p) for p in (*fold_priors, priors)}
    items = [
        (augment_domain(by_priors[id(p)].extract(tokens), "A"), list(tags))
        for (tokens, tags), p in zip(sentences, per_sentence, strict=True)
    ]
    items += [(augment_domain(by_priors[id(priors)].extract(t), "W"), list(tags)) for t, tags in other_domain]
    train_features(items, model_path, config)
    fold_domain(model_path, "A")
    return priors


def evaluate_model(
    model_path: Path, sentences: Sequence[Sentence], priors: Priors | None = None
) -> dict[str, Any]:
    """Exact-span scores of the model at ``model_path`` on ``sentences`` plus tagging speed."""
    from rasd.ner.tagger import Tagger

    tagger = Tagger.load(model_path, priors=priors)
    t0 = time.perf_counter()
    pred = [tagger.tag(tokens) for tokens, _ in sentences]
    elapsed = time.perf_counter() - t0
    n_tokens = sum(len(t) for t, _ in sentences)
    return {
        "scores": score_spans([tags for _, tags in sentences], pred),
        "tokens": n_tokens,
        "seconds": round(elapsed, 3),
        "predictions": pred,
    }
