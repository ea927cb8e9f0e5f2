"""The shipped tagger: tokens in, IOB2 tags (PERS/ORG/LOC/MISC) out.

>>> tag_entities(["وقال", "الرئيس", "جو", "بايدن", "في", "واشنطن"])
['O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC']

Emissions are computed for many sentences at once (an article's worth).  Per word *type* the
summed weights of its own features and of its features as a neighbour at each offset are cached
as rows of one matrix (`_TypeRows`); a batch of sentences is then a few gathers and adds over all
its tokens.  The features that depend on two words (stem pairs, cluster pairs, sentence edges,
gazetteer matches) are looked up per position through integer tables.  The result is exactly the
sum of the weights of `FeatureExtractor.extract`'s features (checked in tests).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from rasd.errors import ModelError
from rasd.ner.consistency import propagate_labels
from rasd.ner.features import (
    OFFSETS,
    FeatureExtractor,
    WordInfo,
    neighbor_features,
)
from rasd.ner.lexicon import Lexicon, data_path, is_common_word, load_lexicon
from rasd.ner.linear import FloatArray, IntArray, LinearChainModel

__all__ = ["MODEL_FILE", "Tagger", "default_tagger", "sum_segments", "tag_entities"]

MODEL_FILE = "model.npz"

_SLOTS = 1 + len(OFFSETS)  # own features + one row per neighbour offset
_ROW_LIMIT = 400_000
_TYPE_COLS = 5  # see _reset_rows
_SEQ_COLS = 9  # sp|-1:BOS, cp|-2:BOS, sn|1:EOS, cn|2:EOS, -2:BOS (i=1), 2:EOS (i=n-2), g, -1:g, 1:g
_BATCH_CELLS = 20_000  # sentences x positions per batched Viterbi (bounds memory on huge inputs)
# Subtracted from the O score of every token before Viterbi.  The CRF is conservative (dev precision
# 0.79, recall 0.67); calibrated on the ANERcorp dev split as one scalar: 0 -> F1 0.725, 0.25 -> 0.731,
# 0.5 -> 0.732, 0.75 -> 0.734, 1.0 -> 0.737, 1.5 -> 0.724.  We take 0.75, inside the plateau.
O_BIAS = 0.75


class _PairTable:
    """``prefix + a|b`` attributes as integer look-ups: word ids per side, sorted combined keys."""

    def __init__(self, model: LinearChainModel, prefixes: Sequence[str]) -> None:
        self.vocab: dict[str, int] = {}
        found: list[dict[int, int]] = [{} for _ in prefixes]
        for attr, i in model.attr_index.items():
            for p, prefix in enumerate(prefixes):
                if attr.startswith(prefix):
                    a, sep, b = attr[len(prefix) :].partition("|")
                    if sep and "|" not in b:
                        ia = self.vocab.setdefault(a, len(self.vocab))
                        ib = self.vocab.setdefault(b, len(self.vocab))
                        found[p][ia * _KEY_SPAN + ib] = i
        self.keys: list[IntArray] = []
        self.ids: list[IntArray] = []
        for table in found:
            keys = np.array(sorted(table), dtype=np.int64)
            self.keys.append(keys)
            self.ids.append(np.array([table[k] for k in keys.tolist()], dtype=np.intp))

    def lookup(self, p: int, left: IntArray, right: IntArray, unknown: int) -> IntArray:
        """Attribute ids of pairs ``(left[i], right[i])`` (word ids; -1 = not in any pair)."""
        keys, ids = self.keys[p], self.ids[p]
        out = np.full(len(left), unknown, dtype=np.intp)
        if not len(keys) or not len(left):
            return out
        want = left.astype(np.int64) * _KEY_SPAN + right
        pos = np.minimum(np.searchsorted(keys, want), len(keys) - 1)
        hit = (keys[pos] == want) & (left >= 0) & (right >= 0)
        out[hit] = ids[pos[hit]]
        return out


_KEY_SPAN = 1 << 31


def sum_segments(weights_t: FloatArray, ids: Sequence[int], lengths: Sequence[int]) -> FloatArray:
    """``(len(lengths), labels)``: the summed weight rows of consecutive id segments.

    Bit-identical to ``np.add.reduceat(weights[ids], starts, axis=0)`` (numpy adds each segment in
    the same order either way) but reduces along contiguous memory: ``weights_t`` is ``weights.T``.
    """
    if not lengths:
        return np.zeros((0, weights_t.shape[0]), np.float32)
    starts = np.zeros(len(lengths), dtype=np.intp)
    np.cumsum(lengths[:-1], out=starts[1:])
    idx = np.fromiter(ids, np.intp, len(ids))
    sums: FloatArray = np.add.reduceat(weights_t[:, idx], starts, axis=1).T
    return sums


class _NeighborIds:
    """Attribute ids of the features a word contributes as a neighbour (`neighbor_features`), by the
    word's stem, cluster, form, ending, prior and trigger: a few dict look-ups per new word type
    instead of building and hashing ~30 feature strings.

    Values the model has no attribute for get the unknown id (the zero row), exactly as a look-up of
    the feature string would, so the id sequence equals ``model.ids(neighbor_features(info, d))``.
    """

    NEAR = (-2, -1, 1, 2)
    NEXT = (-1, 1)

    def __init__(self, model: LinearChainModel) -> None:
        unknown = model.unknown
        self.unknown = unknown
        self.end = model.attr_index.get("", unknown)
        families: dict[str, dict[str, int]] = {}
        for attr, i in model.attr_index.items():
            fam, sep, value = attr.partition("=")
            if sep:
                families.setdefault(fam, {})[value] = i

        def table(name: str, offsets: Sequence[int]) -> dict[str, tuple[int, ...]]:
            fams = [families.get(f"{d}:{name}", {}) for d in offsets]
            values = set().union(*fams)
            return {v: tuple(f.get(v, unknown) for f in fams) for v in values}

        self.trigger = table("t", OFFSETS)
        self.stem = table("s", self.NEAR)
        self.c1 = table("c1", self.NEAR)
        self.c2 = table("c2", self.NEAR)
        self.c3 = table("c3", self.NEAR)
        self.form = table("w", self.NEXT)
        self.ending = table("e2", self.NEXT)
        self.prior = table("pr", self.NEXT)
        self._near_unknown = (unknown,) * len(self.NEAR)
        self._next_unknown = (unknown,) * len(self.NEXT)
        self._all_unknown = (unknown,) * len(OFFSETS)

    def segments(self, info: WordInfo, ids: list[int], lengths: list[int]) -> None:
        """Append the ids of ``info``'s six neighbour segments (offsets -3..3, each closed by the zero
        row) to ``ids`` and their lengths to ``lengths``."""
        end, nu, xu = self.end, self._near_unknown, self._next_unknown
        t = self.trigger.get(info.trigger, self._all_unknown) if info.trigger else ()
        s = self.stem.get(info.stem, nu)
        c = info.cluster
        c1, c2, c3 = self.c1.get(c[0], nu), self.c2.get(c[1], nu), self.c3.get(c[2], nu)
        w, e2 = self.form.get(info.form, xu), self.ending.get(info.ending, xu)
        pr = self.prior.get(info.prior, xu) if info.prior else ()
        has_t = 1 if t else 0
        has_pr = 1 if pr else 0
        # -3
        if t:
            ids.append(t[0])
        ids.append(end)
        # -2, -1, 1, 2
        for k, near in enumerate(self.NEAR):
            if t:
                ids.append(t[k + 1])
            ids += (s[k], c1[k], c2[k], c3[k])
            if near in (-1, 1):
                x = k - 1 if near == 1 else 0
                ids += (w[x], e2[x])
                if pr:
                    ids.append(pr[x])
            ids.append(end)
        # 3
        if t:
            ids.append(t[5])
        ids.append(end)
        lengths += (
            1 + has_t,
            5 + has_t,
            7 + has_t + has_pr,
            7 + has_t + has_pr,
            5 + has_t,
            1 + has_t,
        )


class Tagger:
    """Model weights plus feature extractor.  Output depends only on the input tokens.

    Word-level weight sums are memoized per word type (a bounded speed cache; it never changes a
    result: ``row_limit`` rows, then it starts over between batches).
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
        get = model.attr_index.get
        unknown = model.unknown
        self._edge = {name: get(name, unknown) for name in ("-2:BOS", "-1:BOS", "1:EOS", "2:EOS")}
        self._stems = _PairTable(model, ("sp=", "sn="))
        clusters = _PairTable(model, ("-1:c2|c2=", "1:c2|c2="))
        self._clusters = clusters
        self._gaz_codes: dict[str, int] = {"": 0}
        self._gaz_ids: list[tuple[int, int, int]] = [(unknown, unknown, unknown)]
        self._neighbors = _NeighborIds(model)
        self._last_types: IntArray | None = None  # type index of each token of the last batch scored
        # weights by label, one contiguous row per label: `sum_segments` reduces along rows
        self._weights_t: FloatArray = np.ascontiguousarray(model.weights.T)
        self._reset_rows()

    def _reset_rows(self) -> None:
        self._types: dict[str, int] = {}
        self._tokens: list[str] = []
        self._infos: list[WordInfo] = []
        self._table: FloatArray = np.zeros((1 + 1024 * _SLOTS, self._labels), np.float32)
        # per type: ids in the stem-pair and cluster-pair vocabularies (-1: none), may start a
        # gazetteer match, stem holds "|" (its pair features need the strings), tokens seen
        self._type_cols: IntArray = np.zeros((1024, _TYPE_COLS), dtype=np.intp)

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

    def _add_types(self, tokens: Sequence[str]) -> None:
        """Cache rows for new word types: all their weight sums in one ``reduceat``.

        The attribute ids of each type's segments are exactly those of `_segment_names` (the same
        ids in the same order, so the float32 sums are bit-identical), found through `_NeighborIds`
        instead of building the neighbour feature strings.
        """
        fx = self.features
        ids: list[int] = []
        lengths: list[int] = []
        gaz_first = self.lexicon.gazetteer_first
        stem_vocab, c2_vocab = self._stems.vocab, self._clusters.vocab
        cols: list[tuple[int, int, int, int, int]] = []
        first_type = len(self._infos)
        segments = self._neighbors.segments
        get, unknown, end = self.model.attr_index.get, self.model.unknown, self._neighbors.end
        for tok in tokens:
            info = fx.word_info(tok)
            self._types[tok] = len(self._infos)
            self._tokens.append(tok)
            self._infos.append(info)
            cols.append(
                (
                    stem_vocab.get(info.stem, -1),
                    c2_vocab.get(info.cluster[1], -1),
                    info.stem in gaz_first or info.form in gaz_first,
                    "|" in info.stem,
                    0,
                )
            )
            own = [get(f, unknown) for f in info.feats]
            own.append(end)
            ids += own
            lengths.append(len(own))
            segments(info, ids, lengths)
        n_types = len(self._infos)
        need = 1 + n_types * _SLOTS
        if need > len(self._table):
            grown = np.zeros((max(need, 2 * len(self._table)), self._labels), np.float32)
            grown[: len(self._table)] = self._table
            self._table = grown
        if n_types > len(self._type_cols):
            grown_cols = np.zeros((max(n_types, 2 * len(self._type_cols)), _TYPE_COLS), dtype=np.intp)
            grown_cols[: len(self._type_cols)] = self._type_cols
            self._type_cols = grown_cols
        self._type_cols[first_type:n_types] = cols
        first = 1 + first_type * _SLOTS
        self._table[first : first + len(lengths)] = sum_segments(self._weights_t, ids, lengths)

    def _segment_names(self, info: WordInfo) -> list[list[str]]:
        """The feature strings behind a type's cached rows: its own, then as a neighbour at each offset,
        each closed by the empty name (the zero row).  The reference for `_add_types`."""
        out = [[*info.feats, ""]]
        out += [[*neighbor_features(info, d), ""] for d in OFFSETS]
        return out

    def _evict(self, incoming: int) -> None:
        """Make room: keep the most often seen half of the cached types (or none)."""
        n = len(self._infos)
        keep_n = (self.row_limit // _SLOTS) // 2 - incoming
        if keep_n <= 0:
            self._reset_rows()
            return
        hits = self._type_cols[:n, 4]
        keep = np.sort(np.argsort(-hits, kind="stable")[:keep_n])
        rows = (1 + keep[:, None] * _SLOTS + np.arange(_SLOTS)).ravel()
        table = np.zeros_like(self._table)
        table[1 : 1 + len(rows)] = self._table[rows]
        cols = np.zeros_like(self._type_cols)
        cols[: len(keep)] = self._type_cols[keep]
        cols[:, 4] //= 2
        tokens = [self._tokens[t] for t in keep.tolist()]
        self._infos = [self._infos[t] for t in keep.tolist()]
        self._tokens = tokens
        self._types = {tok: k for k, tok in enumerate(tokens)}
        self._table, self._type_cols = table, cols

    def _type_ids(self, sentences: Sequence[Sequence[str]], total: int) -> IntArray:
        """Type index of every token (caching new types first)."""
        flat = [t for s in sentences for t in s]
        new_tokens = set(flat).difference(self._types)
        if new_tokens:
            if (len(self._infos) + len(new_tokens)) * _SLOTS > self.row_limit and self._infos:
                self._evict(len(new_tokens))
                new_tokens = set(flat).difference(self._types)
            self._add_types(sorted(new_tokens))
        tid = np.fromiter(map(self._types.__getitem__, flat), np.intp, total)
        np.add.at(self._type_cols[:, 4], tid, 1)
        return tid

    def emissions_many(self, sentences: Sequence[Sequence[str]]) -> tuple[FloatArray, IntArray]:
        """State scores of all tokens of ``sentences`` stacked (``(tokens, labels)``), and the lengths."""
        lengths = np.fromiter((len(s) for s in sentences), np.intp, len(sentences))
        total = int(lengths.sum())
        scores: FloatArray
        if total == 0:
            scores = np.zeros((0, self._labels), np.float32)
            self._last_types = np.zeros(0, dtype=np.intp)
            return scores, lengths
        tid = self._type_ids(sentences, total)
        self._last_types = tid
        starts = np.cumsum(lengths) - lengths
        pos = np.arange(total) - np.repeat(starts, lengths)
        size = np.repeat(lengths, lengths)
        rows = 1 + tid * _SLOTS
        idx = np.zeros((total, _SLOTS), dtype=np.intp)
        idx[:, 0] = rows
        for k, d in enumerate(OFFSETS, start=1):
            ok = (pos + d >= 0) & (pos + d < size)
            src = np.flatnonzero(ok)
            idx[src, k] = rows[src + d] + k
        scores = self._table[idx].sum(axis=1)
        seq = self._sequence_ids(tid, pos, size)
        scores += self.model.weights[seq].sum(axis=1)
        if self._o >= 0 and self.o_bias:
            scores[:, self._o] -= self.o_bias
        return scores, lengths

    def _sequence_ids(self, tid: IntArray, pos: IntArray, size: IntArray) -> IntArray:
        """Attribute ids of the features that depend on two positions, ``(tokens, _SEQ_COLS)``."""
        total = len(tid)
        unknown = self.model.unknown
        edge = self._edge
        seq = np.full((total, _SEQ_COLS), unknown, dtype=np.intp)
        has_prev = pos > 0
        has_next = pos + 1 < size
        prev = np.flatnonzero(has_prev)
        nxt = np.flatnonzero(has_next)
        cols = self._type_cols[tid]
        stem = cols[:, 0]
        c2 = cols[:, 1]
        seq[prev, 0] = self._stems.lookup(0, stem[prev - 1], stem[prev], unknown)
        seq[prev, 1] = self._clusters.lookup(0, c2[prev - 1], c2[prev], unknown)
        seq[nxt, 2] = self._stems.lookup(1, stem[nxt], stem[nxt + 1], unknown)
        seq[nxt, 3] = self._clusters.lookup(1, c2[nxt + 1], c2[nxt], unknown)
        seq[~has_prev, 0] = edge["-1:BOS"]
        seq[~has_prev, 1] = edge["-2:BOS"]
        seq[~has_next, 2] = edge["1:EOS"]
        seq[~has_next, 3] = edge["2:EOS"]
        seq[pos == 1, 4] = edge["-2:BOS"]
        seq[pos == size - 2, 5] = edge["2:EOS"]
        bar = cols[:, 3].astype(bool)
        if bar.any():
            self._pair_strings(seq, bar, has_prev, has_next, tid)
        self._gazetteer_ids(tid, cols[:, 2].astype(bool), pos, size, seq)
        return seq

    def _pair_strings(
        self,
        seq: IntArray,
        bar: np.ndarray[Any, np.dtype[np.bool_]],
        has_prev: Any,
        has_next: Any,
        tid: IntArray,
    ) -> None:
        """Stem pairs around a stem holding ``|``: look the feature string up as it was trained."""
        get, unknown, infos = self.model.attr_index.get, self.model.unknown, self._infos
        for i in np.flatnonzero(bar | np.roll(bar, 1) | np.roll(bar, -1)).tolist():
            stem = infos[tid[i]].stem
            if has_prev[i]:
                seq[i, 0] = get("sp=" + infos[tid[i - 1]].stem + "|" + stem, unknown)
            if has_next[i]:
                seq[i, 2] = get("sn=" + stem + "|" + infos[tid[i + 1]].stem, unknown)

    def _gazetteer_ids(
        self,
        tid: IntArray,
        first: np.ndarray[Any, np.dtype[np.bool_]],
        pos: IntArray,
        size: IntArray,
        seq: IntArray,
    ) -> None:
        """Gazetteer features (``g=``, ``-1:g=``, ``1:g=``): `match_gazetteer` run only where a match
        can start (the stem or form begins a gazetteer entry)."""
        cands = np.flatnonzero(first)
        if not len(cands):
            return
        infos, lex = self._infos, self.lexicon
        gaz_first, gazetteer = lex.gazetteer_first, lex.gazetteer
        tids = tid.tolist()
        sent_end = (cands - pos[cands] + size[cands]).tolist()
        code = np.zeros(len(tid), dtype=np.intp)
        free = 0
        for i, end in zip(cands.tolist(), sent_end, strict=True):
            if i < free:
                continue
            info = infos[tids[i]]
            best, typ = 0, ""
            for word in (info.stem, info.form) if info.stem != info.form else (info.form,):
                for length in range(min(gaz_first.get(word, 0), end - i), 0, -1):
                    if length <= best:
                        break
                    hit = gazetteer.get((word, *[infos[t].form for t in tids[i + 1 : i + length]]))
                    if hit:
                        best, typ = length, hit[0]
                        break
            if best:
                code[i] = self._gaz_code("B-" + typ)
                code[i + 1 : i + best] = self._gaz_code("I-" + typ)
                free = i + best
        table = np.array(self._gaz_ids, dtype=np.intp)
        seq[:, 6] = table[code, 0]
        prev = np.flatnonzero(pos > 0)
        seq[prev, 7] = table[code[prev - 1], 1]
        nxt = np.flatnonzero(pos + 1 < size)
        seq[nxt, 8] = table[code[nxt + 1], 2]

    def _gaz_code(self, tag: str) -> int:
        code = self._gaz_codes.get(tag)
        return self._add_gaz_code(tag) if code is None else code

    def _add_gaz_code(self, tag: str) -> int:
        get, unknown = self.model.attr_index.get, self.model.unknown
        self._gaz_codes[tag] = len(self._gaz_ids)
        self._gaz_ids.append(
            (get("g=" + tag, unknown), get("-1:g=" + tag, unknown), get("1:g=" + tag, unknown))
        )
        return len(self._gaz_ids) - 1

    def emissions(self, tokens: Sequence[str]) -> FloatArray:
        """``(n, labels)`` state scores of a sentence."""
        return self.emissions_many([tokens])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """`tag` for several sentences: same result, batched over sentences of similar length."""
        return self._tag_many(sentences, None)

    def tag_many_with_infos(
        self, sentences: Sequence[Sequence[str]]
    ) -> tuple[list[list[str]], list[list[WordInfo]]]:
        """`tag_many`, and the `FeatureExtractor.word_info` of every token (taken from the tagger's
        cache instead of looked up again)."""
        infos: list[list[WordInfo]] = [[] for _ in sentences]
        return self._tag_many(sentences, infos), infos

    def _tag_many(
        self, sentences: Sequence[Sequence[str]], infos: list[list[WordInfo]] | None
    ) -> list[list[str]]:
        order = sorted(range(len(sentences)), key=lambda k: len(sentences[k]))
        out: list[list[str]] = [[] for _ in sentences]
        batch: list[int] = []
        for k in [*order, -1]:
            if batch and (k < 0 or (len(batch) + 1) * len(sentences[k]) > _BATCH_CELLS):
                self._last_types = None
                scores, lengths = self.emissions_many([sentences[j] for j in batch])
                if infos is not None:  # now: the next batch may evict these types
                    self._take_infos([sentences[j] for j in batch], batch, infos)
                tags = self.model.viterbi_stacked(scores, lengths)
                for j, t in zip(batch, tags, strict=True):
                    out[j] = t
                batch = []
            if k >= 0:
                batch.append(k)
        return out

    def _take_infos(
        self, sentences: Sequence[Sequence[str]], batch: Sequence[int], infos: list[list[WordInfo]]
    ) -> None:
        """Word infos of the batch just scored, from the types `emissions_many` cached (looked up
        again if a subclass scored the batch without them)."""
        if self._last_types is None:
            for j, tokens in zip(batch, sentences, strict=True):
                infos[j] = self.features.word_infos(tokens)
            return
        cached, pos = self._infos, 0
        type_list = self._last_types.tolist()
        for j, tokens in zip(batch, sentences, strict=True):
            infos[j] = [cached[t] for t in type_list[pos : pos + len(tokens)]]
            pos += len(tokens)

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """`tag_many` over the sentences of one document, then document-level label consistency
        (`rasd.ner.consistency.propagate_labels`): a name tagged in one sentence is tagged where it
        recurs untagged."""
        tags, infos = self.tag_many_with_infos(sentences)
        stems = [[w.stem for w in ws] for ws in infos]
        return propagate_labels(tags, stems, self.is_name_like)

    def is_name_like(self, stem: str) -> bool:
        """Whether a one-word name may be copied to its recurrences: a word, not a stop word, and
        not a word that tagging ANT almost never called a name (`rasd.ner.lexicon.is_common_word`)."""
        if len(stem) < 2 or not stem[0].isalpha() or stem in self.lexicon.stop:
            return False
        return not is_common_word(self.features.priors.get(stem))

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
