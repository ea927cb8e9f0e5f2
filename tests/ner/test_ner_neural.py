"""The numpy convolutional tagger: stacked batches equal a per-sentence loop reference, and the
combined tagger tags a sentence the same alone or in a batch."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest

from rasd.ner.combined import neural_features
from rasd.ner.neural import CHAR_LEN, DILATIONS, ConvTagger, char_ids, encode_words, softmax
from rasd.ner.tagger import Tagger


@dataclass(frozen=True)
class _Info:
    form: str
    stem: str
    cluster: tuple[str, ...]


def _info(tok: str) -> _Info:
    stem = tok[1:] if tok.startswith("و") and len(tok) > 3 else tok
    return _Info(tok, stem, (str(len(tok) % 64), "x", str(len(stem) % 1024)))


def _random_net(seed: int = 0) -> ConvTagger:
    return ConvTagger(_random_arrays(seed), _info)


def _random_arrays(seed: int) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    words = ["قال", "الرئيس", "واشنطن", "بايدن"]
    chars = "ابتثجحخدذرزسشصضطظعغفقكلمنهويى"
    hidden, dim_e, n_labels, filters = 7, 4, 5, 3
    arrays: dict[str, Any] = {
        "labels": np.frombuffer(
            "\n".join(["B-LOC", "B-PERS", "I-LOC", "I-PERS", "O"]).encode(), dtype=np.uint8
        ),
        "words": np.frombuffer("\n".join(words).encode(), dtype=np.uint8),
        "chars": np.frombuffer(chars.encode(), dtype=np.uint8),
        "emb_q": rng.integers(-127, 128, (len(words), dim_e)).astype(np.int8),
        "emb_scale": np.full(len(words), 0.01, np.float16),
        "char_emb": np.vstack([np.zeros((1, 2)), rng.normal(size=(len(chars) + 1, 2))]).astype(np.float16),
        "char_w": rng.normal(size=(3, 2, filters)).astype(np.float16),
        "char_b": rng.normal(size=filters).astype(np.float16),
        "out_w": rng.normal(size=(hidden, n_labels)).astype(np.float16),
        "out_b": rng.normal(size=n_labels).astype(np.float16),
    }
    for k, d in enumerate((2, 3, 4)):
        arrays[f"cl{k}_emb"] = rng.normal(size=((64, 256, 1024)[k] + 1, d)).astype(np.float16)
    dim = 2 * dim_e + 2 + 2 + 3 + 4 + filters
    for k in range(len(DILATIONS)):
        arrays[f"conv{k}_w"] = rng.normal(size=(3, dim, hidden)).astype(np.float16)
        arrays[f"conv{k}_b"] = rng.normal(size=hidden).astype(np.float16)
        dim = hidden
    return arrays


def _reference_logits(net: ConvTagger, tokens: list[str]) -> np.ndarray[Any, Any]:
    """One sentence, zero padding at its edges, explicit loops over positions."""
    x = net.word_vectors(*encode_words([_info(t) for t in tokens], net.vocab, net.chars))
    n = len(tokens)
    for w, b, d in zip(net.conv_w, net.conv_b, DILATIONS, strict=True):
        out = np.zeros((n, w.shape[2]), np.float32)
        for i in range(n):
            acc = b.copy()
            for k, off in enumerate((-d, 0, d)):
                if 0 <= i + off < n:
                    acc = acc + x[i + off] @ w[k]
            out[i] = np.maximum(acc, 0)
        x = out
    result: np.ndarray[Any, Any] = x @ net.out_w + net.out_b
    return result


SENTENCES = [
    ["قال", "الرئيس", "بايدن", "في", "واشنطن", "اليوم"],
    ["وواشنطن"],
    ["بايدن", "قال"],
    ["كلمة", "طويلةجداجداجداجداجدا", "ثم", "الرئيس", "بايدن", "و", "قال", "شيئا", "اخر"],
]


def test_stacked_logits_equal_per_sentence_reference() -> None:
    net = _random_net()
    logits, lengths = net.logits_many(SENTENCES)
    assert lengths.tolist() == [len(s) for s in SENTENCES]
    start = 0
    for s in SENTENCES:
        np.testing.assert_allclose(
            logits[start : start + len(s)], _reference_logits(net, s), rtol=1e-4, atol=1e-4
        )
        start += len(s)


def test_batch_does_not_change_a_sentence() -> None:
    net = _random_net(1)
    alone = net.logits_many([SENTENCES[0]])[0]
    fresh = _random_net(1)
    batch = fresh.logits_many(SENTENCES)[0][: len(SENTENCES[0])]
    np.testing.assert_allclose(alone, batch, rtol=1e-5, atol=1e-5)


def test_char_ids_pad_and_keep_both_ends() -> None:
    chars = {"ب": 2, "ا": 3}
    assert char_ids("باب", chars) == [2, 3, 2] + [0] * (CHAR_LEN - 3)
    long = "ب" * 10 + "ج" + "ا" * 10
    ids = char_ids(long, chars)
    assert len(ids) == CHAR_LEN and ids[0] == 2 and ids[-1] == 3 and 1 not in ids


def test_neural_features_per_token() -> None:
    probs = softmax(np.array([[2.0, 0, 0], [0, 3.0, 0], [0, 0, 1.0]], np.float32))
    feats = neural_features(probs, [2, 1], ["B-LOC", "I-LOC", "O"])
    assert [len(s) for s in feats] == [2, 1]
    assert feats[0][0]["nnt=B-LOC"] == 1.0 and feats[0][0]["nnt+1=I-LOC"] == 1.0
    assert "nnt-1=B-LOC" in feats[0][1] and not any(k.startswith("nnt+1") for k in feats[0][1])
    assert not any(k.startswith("nnt") and k != "nnt=O" for k in feats[1][0])
    assert abs(sum(v for k, v in feats[1][0].items() if k.startswith("nn=")) - 1.0) < 1e-5


def test_shipped_combined_dev_model_batch_equals_single() -> None:
    from rasd.ner.combined import CombinedTagger
    from rasd.ner.lexicon import data_path

    model_dir = data_path("ner", "dev")
    if not (model_dir / "model_nn.npz").exists():
        pytest.skip("no neural dev model")
    tagger = CombinedTagger.from_dir(model_dir)
    sents = [["وقال", "الرئيس", "جو", "بايدن", "في", "واشنطن"], ["اعلنت", "شركة", "ارامكو", "السعودية"]]
    assert tagger.tag_many(sents) == [tagger.tag(s) for s in sents]


def _combined_with_random_crf() -> Any:
    from rasd.ner.combined import CombinedTagger
    from rasd.ner.lexicon import load_lexicon
    from rasd.ner.linear import LinearChainModel

    arrays = _random_arrays(2)
    net = ConvTagger(arrays, _info)
    rng = np.random.default_rng(3)
    attrs = ["w=قال", "s=الرئيس", "-1:t=PER_TITLE"]
    attrs += [p + lab for p in ("nn=", "nnt=", "nnt-1=", "nnt+1=") for lab in net.labels]
    n = len(net.labels)
    model = LinearChainModel(
        list(net.labels),
        attrs,
        rng.normal(size=(len(attrs), n)).astype(np.float32),
        rng.normal(size=(n, n)).astype(np.float32),
    )
    return CombinedTagger(model, load_lexicon(), arrays, {}, o_bias=0.0)


def test_combined_emissions_are_the_trained_feature_weights() -> None:
    """Run-time scores = CRF scores + sum of weight x value of `neural_features` (what training saw)."""
    tagger = _combined_with_random_crf()
    scores, lengths = tagger.emissions_many(SENTENCES)
    base, _ = Tagger.emissions_many(tagger, SENTENCES)
    logits, _ = tagger.net.logits_many(SENTENCES)
    feats = neural_features(softmax(logits), lengths.tolist(), tagger.net.labels)
    model = tagger.model
    want = base.copy()
    k = 0
    for sent in feats:
        for f in sent:
            for name, value in f.items():
                want[k] += value * model.weights[model.attr_index[name]]
            k += 1
    np.testing.assert_allclose(scores, want, rtol=1e-4, atol=1e-4)
    assert tagger.tag_many(SENTENCES) == [tagger.tag(s) for s in SENTENCES]
