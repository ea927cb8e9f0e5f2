"""Cross-validated model selection on the ANERcorp training split only (no dev): regularisation
settings, or the shipped recipe against a variant recipe.

    .venv/bin/python benchmarks/ner_cv.py                          # 0.05,0.05 vs 0.01,0.1, 5 folds (~40 min CPU)
    .venv/bin/python benchmarks/ner_cv.py --configs 0.05,0.05 0.01,0.1 0.1,0.01 --folds 2
    .venv/bin/python benchmarks/ner_cv.py --limit 400 --folds 2    # a quick smoke run
    .venv/bin/python benchmarks/ner_cv.py --variant wojood-aug --folds 2   # shipped recipe vs a variant
    .venv/bin/python benchmarks/ner_cv.py --list-variants
    .venv/bin/python benchmarks/ner_cv.py --variant wojood-aug --dev-report   # + dev figures (report only)
    .venv/bin/python benchmarks/ner_cv.py --bias-sweep --folds 2           # tagging-time O / type biases

With ``--variant NAME`` the shipped recipe (``TrainConfig()``) and the variant (`VARIANTS`) are trained on
the same folds; held-out sentences are tagged through the feature strings (``rasd.ner.linear`` weights,
the tagger's O bias: the path the vectorised tagger reproduces; the shipped recipe's 5-fold F1 is the
same 0.7469 as through ``Tagger``), the same path for both, and compared by the paired bootstrap below.
The jackknifed priors and the shipped recipe's held-out predictions are cached in
``$TMPDIR/rasd_ner_cv/`` (keyed by sentence count, folds and a hash of the feature code and data), so a
second variant only trains itself.  Results go to ``results/ner_cv_<variant>.json``; ``--dev-report``
adds the dev-split scores of both recipes trained on the whole split (recorded, never used to choose).
Variants that change features are defined here (feature-extractor subclasses, extra feature lists), so
the shipped feature code stays untouched until a variant wins.

How the shipped ``TrainConfig`` (c1, c2) was chosen (``ner_experiments.json``, reg1): the training split
(ANERcorp train minus its last 10%, the dev split, which this never reads) is cut into ``--folds``
contiguous folds; each setting is trained on the other folds with the shipped recipe's final round
(jackknifed ANT tag priors: each half's priors come from a model trained on the other half, so no
sentence's priors were counted by a model that saw it) and tags the held-out fold.  Scores are conlleval
exact spans over every training sentence; the first two settings are compared with a paired bootstrap
over blocks of 10 consecutive sentences (2,000 resamples, seed 13).  Writes results/ner_cv.json.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import random
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "data"
sys.path.insert(0, str(HERE.parent / "src"))

from rasd.ner.conll import Sentence, read_conll, score_spans, spans_of, split_dev  # noqa: E402
from rasd.ner.features import FeatureExtractor, WordInfo, _article_ratio, prior_features  # noqa: E402
from rasd.ner.lexicon import Lexicon, load_lexicon  # noqa: E402
from rasd.ner.linear import LinearChainModel  # noqa: E402
from rasd.ner.tagger import O_BIAS  # noqa: E402
from rasd.ner.training import (  # noqa: E402
    Priors,
    TrainConfig,
    ant_sample,
    augment_domain,
    count_tag_priors,
    evaluate_model,
    fold_domain,
    train_features,
    train_model,
)
from rasd.ner.wojood import read_wojood  # noqa: E402

Counts = tuple[int, int, int]  # (correct spans, predicted spans, gold spans)
Features = list[list[str]]  # one feature list per token
CACHE = Path(tempfile.gettempdir()) / "rasd_ner_cv"
WOJOOD = SHARED / "wojood-sample"


_FEATURE_CODE = ("features.py", "lexicon.py", "normal.py", "linear.py", "conll.py")


def code_key() -> str:
    """Hash of the feature code and the data it reads (cache key; the training and tagging code are
    left out: clear the cache by hand when a change to them alters results)."""
    src = HERE.parent / "src" / "rasd"
    h = hashlib.sha1()
    ner = src / "ner"
    for path in sorted([*(ner / n for n in _FEATURE_CODE), *(src / "data" / "ner").glob("*.gz")]):
        h.update(path.read_bytes())
    for path in sorted((src / "data" / "gazetteers").glob("*")):
        if path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


def tag_features(
    model_path: Path,
    sentences: Sequence[Features],
    o_bias: float = O_BIAS,
    type_bias: Mapping[str, float] = {},
) -> list[list[str]]:
    """Viterbi tags from feature strings (the reference path the vectorised tagger reproduces).
    ``type_bias``: added to the B- and I- scores of an entity type (experiments)."""
    return tag_settings(model_path, sentences, [(o_bias, type_bias)])[0]


def tag_settings(
    model_path: Path, sentences: Sequence[Features], settings: Sequence[tuple[float, Mapping[str, float]]]
) -> list[list[list[str]]]:
    """`tag_features` under several (O bias, type bias) settings, scoring the features once."""
    model = LinearChainModel.load(model_path)
    o = model.labels.index("O")
    offsets = []
    for o_bias, type_bias in settings:
        vec = np.zeros(len(model.labels), dtype=np.float32)
        vec[o] -= o_bias
        for k, label in enumerate(model.labels):
            vec[k] += type_bias.get(label[2:], 0.0) if label != "O" else 0.0
        offsets.append(vec)
    out: list[list[list[str]]] = [[] for _ in settings]
    for feats in sentences:
        if not feats:
            for tags in out:
                tags.append([])
            continue
        em = np.stack([model.sum_rows(model.ids(f)) for f in feats])
        for tags, vec in zip(out, offsets, strict=True):
            tags.append(model.viterbi(em + vec))
    return out


# (name, O bias, per-type bias) settings compared with the shipped O bias by --bias-sweep
BIAS_SETTINGS: list[tuple[str, float, dict[str, float]]] = [
    ("o=0.5", 0.5, {}),
    ("o=1.0", 1.0, {}),
    ("o=1.25", 1.25, {}),
    ("o=1.5", 1.5, {}),
    ("ORG+0.25", O_BIAS, {"ORG": 0.25}),
    ("MISC+0.25", O_BIAS, {"MISC": 0.25}),
    ("PERS+0.25", O_BIAS, {"PERS": 0.25}),
    ("LOC+0.25", O_BIAS, {"LOC": 0.25}),
    ("ORG-0.25", O_BIAS, {"ORG": -0.25}),
    ("MISC-0.25", O_BIAS, {"MISC": -0.25}),
]


# ---------------------------------------------------------------------------------------------- variants


class BoundaryExtractor(FeatureExtractor):
    """Word-level boundary features from ANT statistics (experiment ``bnd``).

    * ``vp=`` first letter of the article-less stem × its ANT article ratio × article present: an
      imperfective verb (يتقمص، تقوم) never takes the article and starts with ي/ت/ن/ا, which a linear
      model sees only as the conjunction;
    * ``ss=`` how often ANT starts a sentence with the word (Arabic verb-first clauses: أناب، قال);
    * ``fg=`` how often the word follows a known given name in ANT (a surname often, a verb sometimes,
      a common noun rarely), combined with whether it is itself a given name.
    """

    def __init__(self, lex: Lexicon, priors: Priors | None, stats: AntContext, kinds: frozenset[str]) -> None:
        super().__init__(lex, priors)
        self.stats = stats
        self.kinds = kinds

    def _word_info(self, token: str) -> WordInfo:
        info = super()._word_info(token)
        stem = info.stem
        if not stem or not stem[0].isalpha() or "a" <= stem[0].lower() <= "z":
            return info
        bare = stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
        alr = _article_ratio(bare, self.lex) if len(bare) >= 3 else "s"
        extra = ["vp=" + bare[:1] + alr + str(stem != bare)] if "vp" in self.kinds else []
        count = self.stats.seen.get(stem, 0)
        if count >= 5:
            if "ss" in self.kinds:
                extra.append("ss=" + _level(self.stats.starts.get(stem, 0) / count))
            if "fg" in self.kinds:
                level = _level(self.stats.after_given.get(stem, 0) / count)
                extra.append("fg=" + level + str(stem in self.lex.person_parts))
        return replace(info, feats=info.feats + tuple(extra)) if extra else info


def _level(r: float) -> str:
    return "0" if r < 0.01 else "1" if r < 0.05 else "2" if r < 0.2 else "3"


@dataclass
class AntContext:
    seen: dict[str, int]
    starts: dict[str, int]
    after_given: dict[str, int]


def ant_context_counts(lex: Lexicon) -> AntContext:
    """Per clitic-free stem of the fixed ANT sample: occurrences, how often it starts a sentence, and
    how often it follows a known given name."""
    fx = FeatureExtractor(lex, {})
    stats = AntContext({}, {}, {})
    seen, starts, after = stats.seen, stats.starts, stats.after_given
    names = lex.person_parts
    for sent in ant_sample(SHARED / "ant-corpus"):
        stems = [fx.word_info(t).stem for t in sent]
        starts[stems[0]] = starts.get(stems[0], 0) + 1
        for stem in stems:
            seen[stem] = seen.get(stem, 0) + 1
        for prev, stem in itertools.pairwise(stems):
            if prev in names:
                after[stem] = after.get(stem, 0) + 1
    return stats


def wojood_sentences(drop: frozenset[str] = frozenset()) -> list[Sentence]:
    """The Wojood sample mapped as in `rasd.ner.wojood`, without the sentences holding an entity of a
    type in ``drop`` (a type whose conventions clash with ANERcorp's)."""
    out = [s for f in ("train", "val", "test") for s in read_wojood(WOJOOD / f"{f}.txt")]
    return [s for s in out if not any(t[2:] in drop for t in s[1])]


@dataclass
class Variant:
    name: str
    change: str
    wojood: str = ""  # "", "append", "augment"
    wojood_drop: frozenset[str] = frozenset()  # drop Wojood sentences with an entity of these types
    stacked: bool = False
    boundary: frozenset[str] = frozenset()  # BoundaryExtractor feature kinds
    name_like: bool = False  # neighbour name-likeness features (would need rasd.ner.tagger support)
    iterations: int = 0  # L-BFGS iterations of the final round (0: the shipped TrainConfig's)
    wojood_priors: bool = False  # ANT tag priors counted by a CRF trained on the Wojood sample alone
    doc_priors: str = ""  # ANT tag priors from an article sample: "document" (tag_document) or "sentence"


VARIANTS = {
    v.name: v
    for v in (
        Variant(
            "wojood-append", "Wojood sample appended as training data (mapped as rasd.ner.wojood)", "append"
        ),
        Variant(
            "wojood-aug",
            "Daume III feature augmentation: shared + corpus-marked copy of every feature; ANERcorp and "
            "the mapped Wojood sample both train; tagging uses shared + ANERcorp copies (folded)",
            "augment",
        ),
        Variant(
            "wojood-aug-core",
            "as wojood-aug, without the Wojood sentences holding an EVENT (-> MISC) entity",
            "augment",
            frozenset({"MISC"}),
        ),
        Variant(
            "wojood-aug-pl",
            "as wojood-aug, only the Wojood sentences without ORG or EVENT (-> MISC) entities: Wojood's "
            "organisation conventions (nested, wider spans) clash with ANERcorp's",
            "augment",
            frozenset({"MISC", "ORG"}),
        ),
        Variant(
            "wojood-stack",
            "stacked feature: a CRF trained on the Wojood sample alone tags each sentence; its tag at "
            "-1/0/+1 is a feature of the ANERcorp CRF",
            stacked=True,
        ),
        Variant(
            "bnd",
            "boundary features: verb-prefix shape x ANT article ratio, ANT sentence-start ratio, ANT after-given-name ratio",
            boundary=frozenset({"vp", "ss", "fg"}),
        ),
        Variant(
            "bnd-nl",
            "next-word name-likeness: class of a word = given-name part x ANT prior type x ANT article ratio; "
            "features 1:nl=<class of the next word>, -1:nl=<previous>, nl|nl=<own>|<next>",
            name_like=True,
        ),
        Variant(
            "wojood-priors",
            "a CRF trained on the Wojood sample alone (no priors) tags the fixed ANT sample; per stem its "
            "tag shares are word-level features wpr=<type>:<level> (as the ANERcorp priors' pr=), no "
            "run-time model: a second priors table",
            wojood_priors=True,
        ),
        Variant(
            "doc-priors",
            "tag priors counted over whole ANT articles with Tagger.tag_document (a name tagged once in an "
            "article counts at its untagged recurrences: lone surnames get PERS priors); every 3rd article "
            "up to 60,000 sentences instead of every 3rd sentence; jackknifed as the shipped priors",
            doc_priors="document",
        ),
        Variant(
            "article-priors",
            "control for doc-priors: the same ANT article sample, tagged sentence by sentence (no consistency)",
            doc_priors="sentence",
        ),
        Variant(
            "combo",
            "wojood-aug-core + bnd + iter200 together (the three small positive 2-fold differences)",
            "augment",
            frozenset({"MISC"}),
            boundary=frozenset({"vp", "ss", "fg"}),
            iterations=200,
        ),
        Variant("iter200", "final round: 200 L-BFGS iterations instead of 100", iterations=200),
        Variant("iter400", "final round: 400 L-BFGS iterations instead of 100", iterations=400),
        Variant(
            "bnd-vp",
            "boundary features: verb-prefix shape x ANT article ratio only",
            boundary=frozenset({"vp"}),
        ),
        Variant("bnd-fg", "boundary features: ANT after-given-name ratio only", boundary=frozenset({"fg"})),
        Variant("bnd-ss", "boundary features: ANT sentence-start ratio only", boundary=frozenset({"ss"})),
    )
}


class Recipe:
    """Features and training of the shipped recipe (``variant`` None) or a variant, for the CV."""

    def __init__(self, variant: Variant | None, lex: Lexicon, work: Path) -> None:
        self.variant = variant or Variant("shipped", "the shipped recipe")
        self.lex = lex
        self.work = work
        self.ant_context = ant_context_counts(lex) if self.variant.boundary else AntContext({}, {}, {})
        self._extractors: dict[int, FeatureExtractor] = {}
        self._stack_model: Path | None = None
        self._wojood_priors: dict[str, tuple[int, ...]] | None = None

    def extractor(self, priors: Priors) -> FeatureExtractor:
        fx = self._extractors.get(id(priors))
        if fx is None:
            if self.variant.boundary:
                fx = BoundaryExtractor(self.lex, priors, self.ant_context, self.variant.boundary)
            else:
                fx = FeatureExtractor(self.lex, priors)
            self._extractors[id(priors)] = fx
        return fx

    def features(self, sentences: Sequence[Sentence], priors: Sequence[Priors]) -> list[Features]:
        feats = [self.extractor(p).extract(tokens) for (tokens, _), p in zip(sentences, priors, strict=True)]
        if self.variant.stacked:
            self._add_stacked(sentences, feats)
        if self.variant.wojood_priors:
            table = self._wojood_prior_table()
            for (tokens, _), p, f in zip(sentences, priors, feats, strict=True):
                for info, tf in zip(self.extractor(p).word_infos(tokens), f, strict=True):
                    row = table.get(info.stem)
                    if row is not None:
                        extra: list[str] = []
                        prior_features(row, extra)
                        tf.extend("w" + x for x in extra)
        if self.variant.name_like:
            for (tokens, _), p, f in zip(sentences, priors, feats, strict=True):
                self._add_name_like(self.extractor(p).word_infos(tokens), f)
        return feats

    def _add_name_like(self, infos: Sequence[WordInfo], feats: Features) -> None:
        classes = []
        for info in infos:
            bare = info.stem[2:] if info.stem.startswith("ال") and len(info.stem) > 4 else info.stem
            alr = _article_ratio(bare, self.lex) if len(bare) >= 3 and info.stem[:1].isalpha() else "s"
            classes.append(("g" if info.stem in self.lex.person_parts else "") + (info.prior or "-") + alr)
        n = len(infos)
        for i, f in enumerate(feats):
            if i + 1 < n:
                f.append("1:nl=" + classes[i + 1])
                f.append("nl|nl=" + classes[i] + "|" + classes[i + 1])
            if i > 0:
                f.append("-1:nl=" + classes[i - 1])

    def _wojood_model(self) -> Path:
        if self._stack_model is None:
            self._stack_model = self.work / "wojood_alone.npz"
            fx = FeatureExtractor(self.lex, {})
            woj = wojood_sentences()
            train_features([(fx.extract(t), tags) for t, tags in woj], self._stack_model, TrainConfig())
        return self._stack_model

    def _wojood_prior_table(self) -> dict[str, tuple[int, ...]]:
        if self._wojood_priors is None:
            self._wojood_priors = count_tag_priors(
                self._wojood_model(), ant_sample(SHARED / "ant-corpus"), {}
            )
        return self._wojood_priors

    def _add_stacked(self, sentences: Sequence[Sentence], feats: list[Features]) -> None:
        fx = FeatureExtractor(self.lex, {})
        tags = tag_features(self._wojood_model(), [fx.extract(t) for t, _ in sentences], 0.0)
        for f, tg in zip(feats, tags, strict=True):
            for i in range(len(f)):
                f[i].append("wj=" + tg[i])
                f[i].append("-1:wj=" + (tg[i - 1] if i else "BOS"))
                f[i].append("1:wj=" + (tg[i + 1] if i + 1 < len(tg) else "EOS"))

    def train(
        self, items: list[tuple[Features, list[str]]], path: Path, config: TrainConfig, wojood_priors: Priors
    ) -> None:
        mode = self.variant.wojood
        if mode:
            woj = wojood_sentences(self.variant.wojood_drop)
            wfeats = self.features(woj, [wojood_priors] * len(woj))
            if mode == "append":
                items = items + [(f, s[1]) for f, s in zip(wfeats, woj, strict=True)]
            else:
                items = [(augment_domain(f, "A"), t) for f, t in items] + [
                    (augment_domain(f, "W"), s[1]) for f, s in zip(wfeats, woj, strict=True)
                ]
        if self.variant.iterations:
            config = replace(config, max_iterations=self.variant.iterations)
        train_features(items, path, config)
        if mode == "augment":
            fold_domain(path, "A")


def jackknifed_priors(train: Sequence[Sentence], work: Path) -> list[dict[str, tuple[int, ...]]]:
    """Per sentence: the ANT tag priors of a model trained on the other half of ``train``."""
    corpus = ant_sample(SHARED / "ant-corpus")
    half = len(train) // 2
    halves = [list(train[:half]), list(train[half:])]
    priors = []
    for k in range(2):
        path = work / f"half{k}.npz"
        train_model(halves[1 - k], path, TrainConfig())
        priors.append(count_tag_priors(path, corpus))
    return [priors[0]] * half + [priors[1]] * (len(train) - half)


def ant_documents(ant_dir: Path, every: int = 3, limit: int = 60_000) -> list[list[list[str]]]:
    """Every ``every``-th ANT article as normalized sentences, until ``limit`` sentences."""
    from rasd.arabic.tokenize import split_sentences, tokenize_ar
    from rasd.ner.normal import form_of

    docs: list[list[list[str]]] = []
    total = 0
    k = 0
    for path in sorted(ant_dir.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                k += 1
                if (k - 1) % every:
                    continue
                rec = json.loads(line)
                doc = []
                for field in ("title", "text"):
                    text = rec.get(field) or ""
                    for a, b in split_sentences(text):
                        toks = [form_of(t.text) for t in tokenize_ar(text[a:b])]
                        if toks:
                            doc.append(toks)
                docs.append(doc)
                total += len(doc)
                if total >= limit:
                    return docs
    return docs


def count_document_priors(
    model_path: Path, docs: Sequence[Sequence[Sequence[str]]], consistency: bool = True
) -> dict[str, tuple[int, ...]]:
    """As `count_tag_priors`, tagging each article with `Tagger.tag_document` (label consistency), or
    with `Tagger.tag_many` when not ``consistency``."""
    from rasd.ner.tagger import Tagger
    from rasd.ner.training import TagCounts

    tagger = Tagger.load(model_path, priors={}, o_bias=0.0)
    counts = TagCounts(tagger)
    for doc in docs:
        counts.add(doc, tagger.tag_document(doc) if consistency else tagger.tag_many(doc))
    return counts.priors()


def cached_doc_priors(train: Sequence[Sentence], work: Path, mode: str = "document") -> list[Priors]:
    """Jackknifed priors counted by `count_document_priors` (cached like `cached_priors`)."""
    tag = "docpriors" if mode == "document" else "artpriors"
    path = CACHE / f"{tag}_{len(train)}_{code_key()}.json.gz"
    half = len(train) // 2
    if path.exists():
        halves = _load_json(path)
    else:
        docs = ant_documents(SHARED / "ant-corpus")
        parts = [list(train[:half]), list(train[half:])]
        halves = []
        for k in range(2):
            model = work / f"dochalf{k}.npz"
            train_model(parts[1 - k], model, TrainConfig())
            counted = count_document_priors(model, docs, mode == "document")
            halves.append({w: list(r) for w, r in counted.items()})
        _dump_json(halves, path)
    p0 = {w: tuple(r) for w, r in halves[0].items()}
    p1 = {w: tuple(r) for w, r in halves[1].items()}
    return [p0] * half + [p1] * (len(train) - half)


def cross_validate(
    train: Sequence[Sentence],
    priors: Sequence[dict[str, tuple[int, ...]]],
    config: TrainConfig,
    folds: int,
    work: Path,
) -> list[list[str]]:
    """Held-out predictions for every sentence of ``train``."""
    n = len(train)
    preds: list[list[str]] = [[] for _ in range(n)]
    for k in range(folds):
        test = [i for i in range(n) if i * folds // n == k]
        fit = [i for i in range(n) if i * folds // n != k]
        path = work / f"cv_{config.c1}_{config.c2}_{k}.npz"
        train_model([train[i] for i in fit], path, config, [priors[i] for i in fit])
        by_priors: dict[int, list[int]] = {}
        for i in test:
            by_priors.setdefault(id(priors[i]), []).append(i)
        for idx in by_priors.values():
            result = evaluate_model(path, [train[i] for i in idx], priors[idx[0]])
            for i, tags in zip(idx, result["predictions"], strict=True):
                preds[i] = tags
        print(f"  {config.c1},{config.c2}: fold {k + 1}/{folds}", flush=True)
    return preds


def cross_validate_recipe(
    train: Sequence[Sentence],
    priors: Sequence[Priors],
    recipe: Recipe,
    config: TrainConfig,
    folds: int,
    work: Path,
    settings: Sequence[tuple[float, Mapping[str, float]]] = ((O_BIAS, {}),),
) -> list[list[list[str]]]:
    """Held-out predictions for every sentence of ``train`` (tagged through the feature strings), one
    list per tagging setting (O bias, per-type bias)."""
    n = len(train)
    preds: list[list[list[str]]] = [[[] for _ in range(n)] for _ in settings]
    for k in range(folds):
        test = [i for i in range(n) if i * folds // n == k]
        fit = [i for i in range(n) if i * folds // n != k]
        path = work / f"cv_{recipe.variant.name}_{k}.npz"
        fit_sents = [train[i] for i in fit]
        feats = recipe.features(fit_sents, [priors[i] for i in fit])
        items = [(f, list(s[1])) for f, s in zip(feats, fit_sents, strict=True)]
        del feats
        recipe.train(items, path, config, priors[0])
        del items
        held = recipe.features([train[i] for i in test], [priors[i] for i in test])
        for pred, tagged in zip(preds, tag_settings(path, held, settings), strict=True):
            for i, tags in zip(test, tagged, strict=True):
                pred[i] = tags
        print(f"  {recipe.variant.name}: fold {k + 1}/{folds}", flush=True)
    return preds


def _load_json(path: Path) -> Any:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def _dump_json(obj: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False)


def cached_priors(train: Sequence[Sentence], work: Path) -> list[Priors]:
    """`jackknifed_priors`, cached by sentence count and code hash."""
    path = CACHE / f"priors_{len(train)}_{code_key()}.json.gz"
    if path.exists():
        halves = _load_json(path)
    else:
        per = jackknifed_priors(train, work)
        halves = [{w: list(r) for w, r in per[0].items()}, {w: list(r) for w, r in per[-1].items()}]
        _dump_json(halves, path)
    p0 = {w: tuple(r) for w, r in halves[0].items()}
    p1 = {w: tuple(r) for w, r in halves[1].items()}
    half = len(train) // 2
    return [p0] * half + [p1] * (len(train) - half)


def compare_variant(
    train: Sequence[Sentence],
    variant: Variant,
    config: TrainConfig,
    folds: int,
    work: Path,
    dev: Sequence[Sentence] = (),
) -> dict[str, Any]:
    """The shipped recipe and ``variant`` on the same folds; scores and the paired bootstrap."""
    lex = load_lexicon()
    priors = cached_priors(train, work)
    base_path = CACHE / f"base_{len(train)}_{folds}_{config.c1}_{config.c2}_{code_key()}.json.gz"
    if base_path.exists():
        base = _load_json(base_path)
    else:
        base = cross_validate_recipe(train, priors, Recipe(None, lex, work), config, folds, work)[0]
        _dump_json(base, base_path)
    var_priors = cached_doc_priors(train, work, variant.doc_priors) if variant.doc_priors else priors
    var = cross_validate_recipe(train, var_priors, Recipe(variant, lex, work), config, folds, work)[0]
    gold = [tags for _, tags in train]
    rows: dict[str, dict[str, list[float]]] = {}
    for name, pred in (("shipped", base), (variant.name, var)):
        scores = score_spans(gold, pred)
        rows[name] = {k: [v["precision"], v["recall"], v["f1"]] for k, v in scores.items()}
        print(f"{name}: F1 {scores['overall']['f1']:.4f}", flush=True)
    paired = paired_bootstrap(gold, base, var)
    print("paired (variant - shipped):", paired, flush=True)
    report: dict[str, Any] = {}
    if dev:
        report = dev_report(train, dev, priors, variant, config, work)
    return {
        "benchmark": "NER recipe variant vs the shipped recipe, cross-validated on the ANERcorp training split",
        "variant": variant.name,
        "change": variant.change,
        "sentences": len(train),
        "folds": folds,
        "c1_c2": [config.c1, config.c2],
        "scores_p_r_f1": rows,
        "paired_variant_minus_shipped": paired,
        **report,
    }


def dev_report(
    train: Sequence[Sentence],
    dev: Sequence[Sentence],
    priors: Sequence[Priors],
    variant: Variant,
    config: TrainConfig,
    work: Path,
) -> dict[str, Any]:
    """Report only (never used to choose): the shipped recipe and the variant trained on the whole
    training split, scored on the dev split, through the same feature-string path.  Dev sentences get
    the priors of the first jackknife half (not the run-time priors), so the shipped figure differs a
    little from ``ner_eval.py``'s."""
    lex = load_lexicon()
    gold = [tags for _, tags in dev]
    preds = []
    base_path = CACHE / f"devbase_{len(train)}_{config.c1}_{config.c2}_{code_key()}.json.gz"
    for v in (None, variant):
        if v is None and base_path.exists():
            preds.append(_load_json(base_path))
            continue
        recipe = Recipe(v, lex, work)
        pri = cached_doc_priors(train, work, v.doc_priors) if v is not None and v.doc_priors else priors
        feats = recipe.features(train, pri)
        items = [(f, list(s[1])) for f, s in zip(feats, train, strict=True)]
        del feats
        path = work / f"dev_{recipe.variant.name}.npz"
        recipe.train(items, path, config, pri[0])
        del items
        preds.append(tag_features(path, recipe.features(dev, [pri[0]] * len(dev))))
        if v is None:
            _dump_json(preds[0], base_path)
    rows = {}
    for name, pred in (("shipped", preds[0]), (variant.name, preds[1])):
        scores = score_spans(gold, pred)
        rows[name] = {k: [v["precision"], v["recall"], v["f1"]] for k, v in scores.items()}
        print(f"dev {name}: F1 {scores['overall']['f1']:.4f}", flush=True)
    paired = paired_bootstrap(gold, preds[0], preds[1])
    print("dev paired (variant - shipped):", paired, flush=True)
    return {"dev_report_only_p_r_f1": rows, "dev_paired_variant_minus_shipped": paired}


def sweep_biases(train: Sequence[Sentence], config: TrainConfig, folds: int, work: Path) -> dict[str, Any]:
    """The shipped recipe's held-out tags under `BIAS_SETTINGS`, each compared with the shipped O bias."""
    priors = cached_priors(train, work)
    settings = [(O_BIAS, {}), *((o, t) for _, o, t in BIAS_SETTINGS)]
    preds = cross_validate_recipe(
        train, priors, Recipe(None, load_lexicon(), work), config, folds, work, settings
    )
    gold = [tags for _, tags in train]
    rows: dict[str, Any] = {}
    for (name, _, _), pred in zip([(f"shipped o={O_BIAS}", 0, {}), *BIAS_SETTINGS], preds, strict=True):
        scores = score_spans(gold, pred)
        row: dict[str, Any] = {k: [v["precision"], v["recall"], v["f1"]] for k, v in scores.items()}
        if pred is not preds[0]:
            row["paired_minus_shipped"] = paired_bootstrap(gold, preds[0], pred)
        rows[name] = row
        print(name, row["overall"], row.get("paired_minus_shipped", ""), flush=True)
    return {
        "benchmark": "NER tagging-time label biases, cross-validated on the ANERcorp training split",
        "sentences": len(train),
        "folds": folds,
        "settings_p_r_f1": rows,
    }


def _counts(gold: Sequence[str], pred: Sequence[str]) -> Counts:
    g, p = set(spans_of(gold)), set(spans_of(pred))
    return len(g & p), len(p), len(g)


def _f1(rows: Sequence[Counts]) -> float:
    tp, npred, ngold = (sum(x) for x in zip(*rows, strict=True))
    return 2 * tp / (npred + ngold) if npred + ngold else 0.0


def paired_bootstrap(
    gold: Sequence[Sequence[str]], a: Sequence[Sequence[str]], b: Sequence[Sequence[str]], block: int = 10
) -> dict[str, Any]:
    """F1(b) − F1(a) with a 95% interval and P(difference ≤ 0), resampling blocks of sentences."""

    def blocks(pred: Sequence[Sequence[str]]) -> list[Counts]:
        out = []
        for s in range(0, len(gold), block):
            rows = [_counts(gold[i], pred[i]) for i in range(s, min(s + block, len(gold)))]
            tp, npred, ngold = (sum(x) for x in zip(*rows, strict=True))
            out.append((tp, npred, ngold))
        return out

    ca, cb = blocks(a), blocks(b)
    rng = random.Random(13)
    diffs = []
    for _ in range(2000):
        idx = [rng.randrange(len(ca)) for _ in range(len(ca))]
        diffs.append(_f1([cb[i] for i in idx]) - _f1([ca[i] for i in idx]))
    diffs.sort()
    return {
        "f1_difference": round(_f1(cb) - _f1(ca), 4),
        "ci95": [round(diffs[50], 4), round(diffs[1949], 4)],
        "p_no_gain": round(sum(d <= 0 for d in diffs) / len(diffs), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--configs", nargs="+", default=["0.05,0.05", "0.01,0.1"], metavar="C1,C2")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=0, help="only the first N training sentences")
    parser.add_argument("--variant", choices=sorted(VARIANTS), help="compare the shipped recipe with this")
    parser.add_argument("--list-variants", action="store_true")
    parser.add_argument(
        "--dev-report",
        action="store_true",
        help="with --variant: also train both on the whole split and score dev (report only; added to an "
        "existing results file without rerunning the CV)",
    )
    parser.add_argument(
        "--bias-sweep", action="store_true", help="tagging-time O / per-type biases (BIAS_SETTINGS)"
    )
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    if args.list_variants:
        for v in VARIANTS.values():
            print(f"{v.name}: {v.change}")
        return 0
    source = SHARED / "anercorp" / "ANERCorp_CamelLab_train.txt"
    if not source.exists():
        print(f"ANERcorp not found at {source}", file=sys.stderr)
        return 2
    configs = [TrainConfig(c1=float(c.split(",")[0]), c2=float(c.split(",")[1])) for c in args.configs]
    train, dev = split_dev(read_conll(source))
    if args.limit:
        train = train[: args.limit]
    t0 = time.perf_counter()
    if args.bias_sweep:
        with tempfile.TemporaryDirectory() as tmp:
            result = sweep_biases(train, TrainConfig(), args.folds, Path(tmp))
        result["seconds"] = round(time.perf_counter() - t0, 1)
        out = Path(args.out or HERE / "results" / "ner_cv_bias.json")
        out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return 0
    if args.variant:
        out = Path(args.out or HERE / "results" / f"ner_cv_{args.variant}.json")
        with tempfile.TemporaryDirectory() as tmp:
            if args.dev_report and out.exists():  # add the dev report to an earlier CV result
                result = json.loads(out.read_text(encoding="utf-8"))
                cv_priors = cached_priors(train, Path(tmp))
                result.update(
                    dev_report(train, dev, cv_priors, VARIANTS[args.variant], TrainConfig(), Path(tmp))
                )
            else:
                devs = dev if args.dev_report else []
                result = compare_variant(
                    train, VARIANTS[args.variant], TrainConfig(), args.folds, Path(tmp), devs
                )
        result["seconds"] = round(time.perf_counter() - t0, 1)
        out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return 0
    results: dict[str, Any] = {
        "benchmark": "NER regularisation by cross-validation on the ANERcorp training split",
        "sentences": len(train),
        "folds": args.folds,
        "settings": [],
    }
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print(f"{len(train)} training sentences; jackknifed priors ...", flush=True)
        priors = jackknifed_priors(train, work)
        preds = [cross_validate(train, priors, c, args.folds, work) for c in configs]
    gold = [tags for _, tags in train]
    for config, pred in zip(configs, preds, strict=True):
        scores = score_spans(gold, pred)
        row = {"c1": config.c1, "c2": config.c2, **scores}
        results["settings"].append(row)
        print(f"c1={config.c1} c2={config.c2}: F1 {scores['overall']['f1']:.4f}", flush=True)
    if len(preds) >= 2:
        results["paired_first_two"] = paired_bootstrap(gold, preds[0], preds[1])
        print("paired (second - first):", results["paired_first_two"])
    results["seconds"] = round(time.perf_counter() - t0, 1)
    Path(args.out or HERE / "results" / "ner_cv.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
