"""Build the neural NER add-on: ANT word vectors, k-fold CNN taggers (PyTorch, build time only), and
a CRF that reads the CNN's cross-fitted tag probabilities as features (`rasd.ner.combined`).

    # 0. once: a separate venv with the CPU build of torch (never a runtime dependency)
    python3 -m venv /work/torchenv && /work/torchenv/bin/pip install torch==2.13.0 numpy
    # 1. word2vec on ANT (gensim, as for the clusters; one worker: ~7 min CPU) -> W/vectors.npz
    .venv/bin/python scripts/train_neural_ner.py vectors --work W
    # 2. per split (add --dev everywhere for the dev model: first 90% of ANERcorp train, W/dev/)
    .venv/bin/python scripts/train_neural_ner.py prepare --work W --vectors 60000   # arrays -> W/full/data.npz
    .venv/bin/python scripts/train_neural_ner.py priors --work W     # jackknifed ANT priors (3 CRFs), cached
    /work/torchenv/bin/python scripts/train_neural_torch.py W/full   # 4 nets, 10 epochs: ~11 min CPU
    .venv/bin/python scripts/train_neural_ner.py model --work W --out src/rasd/data/ner
    #    writes model_nn.npz, neural.npz, word_vectors.npz (skipped when identical to the shipped one);
    #    never replaces priors.tsv.gz (the same recipe gives the same priors; a different file is
    #    written as priors_nn.tsv.gz).  With --dev the dev F1 is printed.

Deterministic: PYTHONHASHSEED pinned (re-exec), one word2vec worker with seed 13, torch seeded,
single-threaded, deterministic algorithms; crfsuite's L-BFGS has no randomness.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"

log = logging.getLogger("train_neural_ner")


def build_vectors(work: Path, *, dim: int = 100, min_count: int = 3, seed: int = 13, epochs: int = 5) -> None:
    """word2vec skip-gram on the normalized ANT tokens (the settings of the shipped clusters)."""
    from gensim.models import Word2Vec

    from rasd.ner.embeddings import _Corpus, iter_corpus_sentences

    paths = sorted((SHARED / "ant-corpus").glob("*.jsonl.gz"))
    sentences = list(iter_corpus_sentences(paths))
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
    words = list(model.wv.index_to_key)
    counts = np.array([int(model.wv.get_vecattr(w, "count")) for w in words], dtype=np.int64)
    work.mkdir(parents=True, exist_ok=True)
    np.savez(
        work / "vectors.npz",
        words=np.array(words),
        counts=counts,
        vectors=np.asarray(model.wv.vectors, dtype=np.float32),
    )
    log.info("wrote %d vectors to %s", len(words), work / "vectors.npz")


def training_sentences(dev: bool) -> list[tuple[list[str], list[str]]]:
    """ANERcorp train (all of it, or its first 90% with ``dev``)."""
    from rasd.ner.conll import read_conll, split_dev

    sentences = read_conll(SHARED / "anercorp" / "ANERCorp_CamelLab_train.txt")
    return split_dev(sentences)[0] if dev else sentences


def build_priors(work: Path, *, dev: bool) -> None:
    """The jackknifed ANT tag priors of the shipped recipe, cached in WORK/{dev,full}/priors.pkl."""
    from rasd.ner.neural_training import jackknife_priors
    from rasd.ner.training import ant_sample

    jackknife_priors(training_sentences(dev), ant_sample(SHARED / "ant-corpus"), work / _split(dev))


def dev_sentences() -> list[tuple[list[str], list[str]]]:
    from rasd.ner.conll import read_conll, split_dev

    return split_dev(read_conll(SHARED / "anercorp" / "ANERCorp_CamelLab_train.txt"))[1]


def prepare_data(work: Path, *, dev: bool, n_vectors: int) -> None:
    """Encode the training sentences for the torch trainer: WORK/SPLIT/data.npz."""
    from rasd.ner.features import FeatureExtractor
    from rasd.ner.lexicon import load_lexicon
    from rasd.ner.neural import encode_words

    sentences = training_sentences(dev)
    fx = FeatureExtractor(load_lexicon(), {})
    words: list[str] = []
    emb_q = np.zeros((0, 0), np.int8)
    scale = np.zeros(0, np.float16)
    if n_vectors:
        with np.load(work / "vectors.npz") as f:
            order = np.argsort(-f["counts"], kind="stable")[:n_vectors]
            words = [str(w) for w in f["words"][order]]
            vec = f["vectors"][order].astype(np.float32)
        scale = (np.abs(vec).max(axis=1) / 127.0).astype(np.float16)
        emb_q = np.round(vec / np.maximum(scale.astype(np.float32), 1e-8)[:, None]).astype(np.int8)
    vocab = {w: i + 1 for i, w in enumerate(words)}
    counts: dict[str, int] = {}
    for tokens, _ in sentences:
        for t in tokens:
            for c in fx.word_info(t).form:
                counts[c] = counts.get(c, 0) + 1
    chars = "".join(sorted(c for c, k in counts.items() if k >= 2))
    cmap = {c: i + 2 for i, c in enumerate(chars)}
    labels = sorted({t for _, tags in sentences for t in tags})
    lidx = {t: k for k, t in enumerate(labels)}
    flat = [t for tokens, _ in sentences for t in tokens]
    ids, cids = encode_words([fx.word_info(t) for t in flat], vocab, cmap)
    out = work / _split(dev)
    out.mkdir(parents=True, exist_ok=True)
    np.savez(
        out / "data.npz",
        ids=ids,
        cids=cids,
        tags=np.array([lidx[t] for _, tags in sentences for t in tags], dtype=np.int64),
        lengths=np.array([len(t) for t, _ in sentences], dtype=np.int64),
        labels=np.frombuffer("\n".join(labels).encode("utf-8"), dtype=np.uint8),
        words=np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8),
        chars=np.frombuffer(chars.encode("utf-8"), dtype=np.uint8),
        emb_q=emb_q,
        emb_scale=scale,
        n_chars=np.array(len(chars) + 2),
        n_labels=np.array(len(labels)),
    )
    log.info("wrote %s: %d tokens, %d vectors, %d chars", out / "data.npz", len(flat), len(words), len(chars))


def train_combined(work: Path, *, dev: bool, out_dir: Path | None, keep_crf: bool = False) -> None:
    """Cross-fitted network probabilities -> CRF with network features; copy the run-time files."""
    import shutil

    from rasd.ner.combined import neural_features
    from rasd.ner.features import FeatureExtractor
    from rasd.ner.lexicon import load_lexicon
    from rasd.ner.neural import ConvTagger
    from rasd.ner.neural_training import jackknife_priors, train_crf_with_extra
    from rasd.ner.training import ant_sample, write_priors

    split = work / _split(dev)
    sentences = training_sentences(dev)
    priors = jackknife_priors(sentences, ant_sample(SHARED / "ant-corpus"), split)
    info_of = FeatureExtractor(load_lexicon(), {}).word_info
    vectors = write_vectors(split)
    n_folds = len(list(split.glob("fold[0-9]*.npz")))
    n = len(sentences)
    bounds = [round(n * k / n_folds) for k in range(n_folds + 1)]
    extra: list[list[dict[str, float]]] = []
    for k in range(n_folds):
        net = ConvTagger.load(split / f"fold{k}.npz", info_of, vectors)
        held = [tokens for tokens, _ in sentences[bounds[k] : bounds[k + 1]]]
        logits, lengths = net.logits_many(held)
        ref = split / f"fold{k}_logits.npy"
        if ref.exists():
            log.info(
                "fold %d: numpy vs torch logits max |diff| %.4f",
                k,
                float(np.abs(np.load(ref) - logits).max()),
            )
        from rasd.ner.neural import softmax

        extra.extend(neural_features(softmax(logits), lengths.tolist(), net.labels))
    out_dir = out_dir or split / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    if not (keep_crf and (out_dir / "model_nn.npz").exists()):
        train_crf_with_extra(sentences, priors, extra, out_dir / "model_nn.npz")
    # the run-time priors are those of the shipped recipe (same data, same CRFs): the shipped
    # priors.tsv.gz is not replaced, a different one is written beside it and reported
    fresh = split / "priors.tsv.gz"
    write_priors(priors[2], fresh)
    shipped = out_dir / "priors.tsv.gz"
    if not shipped.exists():
        shutil.copyfile(fresh, shipped)
    elif shipped.read_bytes() != fresh.read_bytes():
        shutil.copyfile(fresh, out_dir / "priors_nn.tsv.gz")
        log.warning("%s differs from the priors of this run: wrote priors_nn.tsv.gz, use it", shipped)
    finish(split, out_dir, dev=dev)


def write_vectors(split: Path) -> Path:
    """The shipped word vectors (``words``, int8 ``emb_q``, ``emb_scale``) from the training arrays."""
    path = split / "word_vectors.npz"
    if not path.exists():
        with np.load(split / "data.npz") as f:
            vectors = {k: f[k] for k in ("words", "emb_q", "emb_scale")}
        np.savez_compressed(path, **vectors)
    return path


def finish(split: Path, out_dir: Path, *, dev: bool) -> None:
    """Copy the network trained on all sentences and the word vectors next to the CRF; score dev."""
    import shutil

    if not (split / "all.npz").exists():
        log.info("%s not trained yet: run the torch trainer, then this stage again", split / "all.npz")
        return
    shutil.copyfile(split / "all.npz", out_dir / "neural.npz")
    vectors = write_vectors(split)
    shared = REPO / "src" / "rasd" / "data" / "ner" / "word_vectors.npz"
    if shared.exists() and shared.read_bytes() == vectors.read_bytes() and shared.parent != out_dir:
        log.info("word vectors identical to %s: not copied", shared)
    else:
        shutil.copyfile(vectors, out_dir / "word_vectors.npz")
    log.info("wrote %s", out_dir)
    if dev:
        evaluate(out_dir)


def evaluate(model_dir: Path) -> None:
    """Dev F1 per type (speed: benchmarks/ner_neural_eval.py)."""
    import json

    from rasd.ner.combined import CombinedTagger
    from rasd.ner.conll import score_spans

    dev = dev_sentences()
    pred = CombinedTagger.from_dir(model_dir).tag_many([tokens for tokens, _ in dev])
    scores = score_spans([tags for _, tags in dev], pred)
    print(json.dumps({k: v["f1"] for k, v in scores.items()}))


def _split(dev: bool) -> str:
    return "dev" if dev else "full"


def main() -> None:
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    sys.path.insert(0, str(REPO / "src"))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stage", choices=["vectors", "priors", "prepare", "model"])
    ap.add_argument("--work", type=Path, default=Path("/tmp/rasd_nn"))
    ap.add_argument("--dev", action="store_true")
    ap.add_argument(
        "--keep-crf", action="store_true", help="model: reuse an existing CRF (only copy and score)"
    )
    ap.add_argument("--out", type=Path, default=None, help="model directory (default WORK/SPLIT/out)")
    ap.add_argument("--vectors", type=int, default=0, help="ship the N most frequent ANT word vectors")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.stage == "vectors":
        build_vectors(args.work)
        return
    if args.stage == "prepare":
        prepare_data(args.work, dev=args.dev, n_vectors=args.vectors)
        return
    if args.stage == "model":
        train_combined(args.work, dev=args.dev, out_dir=args.out, keep_crf=args.keep_crf)
        return
    if args.stage == "priors":
        build_priors(args.work, dev=args.dev)
        return


if __name__ == "__main__":
    main()
