"""The tagger's cached weight rows are bit-identical to summing the feature strings' weights.

`Tagger._add_types` finds attribute ids through value tables (`_NeighborIds`) and sums them with
`sum_segments`; the reference builds every feature string (`Tagger._segment_names`), looks it up and
sums with ``np.add.reduceat`` over the weight rows.  Bit-identical float32 rows keep the tags (and
every tie between labels) exactly as before.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from rasd.ner.linear import FloatArray, IntArray
from rasd.ner.tagger import _SLOTS, Tagger, default_tagger, sum_segments

# Clitics, the article, triggers (الوزير: a trigger only without the article), names with priors,
# Latin, digits, punctuation, a stem holding "|", diacritics and tatweel, a one-letter word.
_TEXT = (
    "وقال الرئيس الأميركي جو بايدن لواشنطن وبالعراق الوزير وزير الخارجية الأمريكية أنتوني بلينكن "
    "NRT CNN Reuters 2021 ٣٠٨٤ 2.5 ، . « » a|b |x| الأميـــركيّة و ب بغداد ريف دمشق الشرقي "
    "تنظيم الدولة داعش الحشد الشعبي مدينة الصدر كوفيد-19 السيدة الدكتور معتادان جميل"
)
WORDS = _TEXT.split()


def reference_rows(tagger: Tagger, tokens: list[str]) -> np.ndarray:
    """Rows the obvious way: feature strings, ``model.ids``, ``np.add.reduceat`` over weight rows."""
    names: list[str] = []
    starts: list[int] = []
    for tok in tokens:
        for segment in tagger._segment_names(tagger.features.word_info(tok)):
            starts.append(len(names))
            names.extend(segment)
    model = tagger.model
    return np.add.reduceat(model.weights[model.ids(names)], starts, axis=0)


def test_cached_rows_bit_identical_to_feature_strings() -> None:
    base = default_tagger()
    tagger = Tagger(base.model, base.lexicon, row_limit=1 << 20)
    tokens = sorted(set(WORDS))
    tagger._add_types(tokens)
    got = tagger._table[1 : 1 + len(tokens) * _SLOTS]
    want = reference_rows(tagger, tokens)
    assert got.shape == want.shape
    assert np.array_equal(got.view(np.uint32), want.view(np.uint32))


def test_neighbour_ids_equal_string_lookups() -> None:
    tagger = default_tagger()
    model = tagger.model
    for tok in WORDS:
        info = tagger.features.word_info(tok)
        ids: list[int] = []
        lengths: list[int] = []
        tagger._neighbors.segments(info, ids, lengths)
        expected = [model.ids(seg) for seg in tagger._segment_names(info)[1:]]
        assert lengths == [len(seg) for seg in expected], tok
        assert ids == [i for seg in expected for i in seg], tok


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_sum_segments_equals_reduceat(seed: int) -> None:
    """Segments of 1 to 300 ids: numpy's pairwise blocks (8 and 128) are crossed."""
    rng = np.random.default_rng(seed)
    weights = rng.normal(size=(500, 9)).astype(np.float32)
    lengths = rng.integers(1, 300, size=40).tolist()
    ids = rng.integers(0, 500, size=sum(lengths)).tolist()
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    want = np.add.reduceat(weights[ids], starts, axis=0)
    got = sum_segments(np.ascontiguousarray(weights.T), ids, lengths)
    assert np.array_equal(got.view(np.uint32), want.view(np.uint32))
    assert sum_segments(np.ascontiguousarray(weights.T), [], []).shape == (0, 9)


@pytest.mark.parametrize("limit", [8, 1 << 20])
def test_tag_many_with_infos_equals_word_infos(monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    """Several batches (small batch size) and evictions between them (small cache) keep the infos right."""
    import rasd.ner.tagger as tagger_module

    monkeypatch.setattr(tagger_module, "_BATCH_CELLS", 12)
    base = default_tagger()
    tagger = Tagger(base.model, base.lexicon, row_limit=limit)
    sentences = [WORDS[k : k + n] for k, n in ((0, 7), (7, 3), (10, 12), (22, 1), (23, 9), (32, 12))]
    tags, infos = tagger.tag_many_with_infos(sentences)
    assert tags == base.tag_many(sentences)
    assert infos == [base.features.word_infos(s) for s in sentences]


def test_infos_when_a_subclass_scores_without_the_type_cache() -> None:
    base = default_tagger()

    class Scorer(Tagger):
        def emissions_many(self, sentences: Sequence[Sequence[str]]) -> tuple[FloatArray, IntArray]:
            out = super().emissions_many(sentences)
            self._last_types = None  # as a scorer that never fills the type cache
            return out

    sentences = [WORDS[:9], WORDS[9:20]]
    tags, infos = Scorer(base.model, base.lexicon).tag_many_with_infos(sentences)
    assert tags == base.tag_many(sentences)
    assert infos == [base.features.word_infos(s) for s in sentences]
