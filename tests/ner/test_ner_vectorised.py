"""The vectorised tagger equals a straightforward reference: sum the weights of every feature string
`FeatureExtractor.extract` gives a token, then Viterbi sentence by sentence."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from rasd.ner.linear import FloatArray
from rasd.ner.tagger import Tagger, default_tagger

SENTENCES = [
    line.split()
    for line in (
        "وقال الرئيس الأميركي جو بايدن في واشنطن إن الولايات المتحدة ستدعم العراق .",
        "أعلنت نقابة الصحفيين اليمنيين أن الجيش الإسرائيلي قصف مقر الدفاع المدني بغزة",
        "التقى وزير الخارجية سامح شكري نظيره الأردني أيمن الصفدي في عمان",
        "بغداد",
        "ذكرت وكالة الأنباء NRT عربية أن 36 شخصا قتلوا بمدينة الصدر",
        "a|b | وصل وزير | الدفاع a|b إلى ريف دمشق",
        "« تنظيم الدولة » و داعش و الحشد الشعبي في سوريا 2021 ؟",
        "زار أنتوني بلينكن لواشنطن وبالعراق ثم عاد إلى الولايات المتحدة الأمريكية",
        "« حكايات » برنامج على قناة \" المحور \" و ' ' يونيفل ' ' و « قال إنه لن يعود إلى بلاده أبدا »",
        'قال " إن " ثم « الناس وأنا » و " نور',
    )
]


def reference_emissions(tagger: Tagger, tokens: Sequence[str]) -> FloatArray:
    """State scores the slow, obvious way: every feature string of every token, looked up and summed."""
    model = tagger.model
    feats = tagger.features.extract(tokens)
    scores = np.stack([model.weights[model.ids(f)].sum(axis=0) for f in feats])
    o = model.labels.index("O")
    scores[:, o] -= tagger.o_bias
    return scores


@pytest.mark.parametrize("k", range(len(SENTENCES)))
def test_emissions_equal_reference(k: int) -> None:
    tagger = default_tagger()
    tokens = SENTENCES[k]
    np.testing.assert_allclose(
        tagger.emissions(tokens), reference_emissions(tagger, tokens), rtol=0, atol=1e-4
    )


def test_tags_equal_reference_for_every_cache_size() -> None:
    base = default_tagger()
    expected = [base.model.viterbi(reference_emissions(base, s)) for s in SENTENCES]
    for limit in (8, 60, 400_000):  # eviction after every batch, some, none
        tagger = Tagger(base.model, base.lexicon, row_limit=limit)
        for _ in range(2):  # cold, then warm cache
            assert tagger.tag_many(SENTENCES) == expected
            assert [tagger.tag(s) for s in SENTENCES] == expected


def test_viterbi_stacked_equals_viterbi() -> None:
    model = default_tagger().model
    rng = np.random.default_rng(5)
    seqs = [rng.normal(size=(n, len(model.labels))).astype(np.float32) for n in (3, 0, 1, 17, 2, 9)]
    stacked = np.concatenate(seqs)
    lengths = np.array([len(s) for s in seqs], dtype=np.intp)
    assert model.viterbi_stacked(stacked, lengths) == [model.viterbi(s) for s in seqs]
