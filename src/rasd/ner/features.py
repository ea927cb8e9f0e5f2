"""CRF features for a token sequence.

Word-level features (normalized form, clitic-free stem, affixes, word clusters learned on ANT,
corpus frequency, trigger class, given-name membership) are computed once per word type by
`FeatureExtractor`; sequence features add the neighbours' stems, clusters and triggers (±2) and
gazetteer matches (longest match, clitic allowed on the first word).

>>> from rasd.ner.lexicon import load_lexicon
>>> fx = FeatureExtractor(load_lexicon())
>>> feats = fx.extract(["لواشنطن", "وزير", "الخارجية", "الأميركي", "أنتوني", "بلينكن"])
>>> "s=واشنطن" in feats[0], "t=PER_TITLE" in feats[1], "-1:t=PER_TITLE" in feats[2]
(True, True, True)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rasd.arabic.clitics import proclitic_candidates
from rasd.ner.lexicon import Lexicon
from rasd.ner.normal import form_of

__all__ = [
    "OFFSETS",
    "PRIOR_TYPES",
    "FeatureExtractor",
    "WordInfo",
    "choose_stem_offset",
    "match_gazetteer",
    "neighbor_features",
    "sequence_features",
]

_CACHE_LIMIT = 200_000


@dataclass(frozen=True)
class WordInfo:
    form: str
    stem: str
    cluster: tuple[str, ...]
    trigger: str
    feats: tuple[str, ...]
    prior: str = ""
    cut: int = 0  # characters of the original token before the word proper (proclitics)
    ending: str = ""  # last two letters of the article-less stem


def choose_stem_offset(form: str, lex: Lexicon) -> int:
    """Offset where the word proper starts: the clitic split whose stem is clearly more frequent in ANT.

    A word that is itself a known name part (``بايدن``, not ب + ``ايدن``) is never split.

    >>> from rasd.ner.lexicon import load_lexicon
    >>> lex = load_lexicon()
    >>> [w[choose_stem_offset(w, lex):] for w in ("لواشنطن", "بالعراق", "بغداد", "وزير", "بايدن")]
    ['واشنطن', 'العراق', 'بغداد', 'وزير', 'بايدن']
    """
    cands = proclitic_candidates(form, keep_article=True)
    if len(cands) == 1 or form in lex.person_parts or form in lex.gazetteer_first:
        return 0
    best, best_count = 0, lex.count(form)
    for off in cands:
        c = lex.count(form[off:])
        if c > best_count * 5 or (best_count == 0 and c > 0 and off > 0):
            best, best_count = off, c
    if best_count == 0:
        # Unknown word: strip only when an article follows the clitic (بالكاظمي → الكاظمي).
        for off in cands:
            if off > 0 and form.startswith("ال", off) and len(form) - off >= 4:
                return off
    return best


def _original_offset(token: str, off: int) -> int:
    """Map an offset in the normalized form back to the token (diacritics/tatweel removed)."""
    from rasd.arabic.normalize import normalize_with_offsets

    norm = normalize_with_offsets(token)
    return norm.to_original(off, len(norm.text))[0] if off < len(norm.text) else 0


def _count_bucket(count: int) -> str:
    if count == 0:
        return "0"
    return str(min(count.bit_length(), 12) // 2)


def _article_ratio(bare: str, lex: Lexicon) -> str:
    """How often ANT writes the word with the article: names (بايدن) almost never take it."""
    plain, definite = lex.count(bare), lex.count("ال" + bare)
    total = plain + definite
    if total < 5:
        return "u"
    r = definite / total
    return "0" if r < 0.01 else "1" if r < 0.1 else "2" if r < 0.5 else "3"


def _shape(token: str) -> str:
    ch = token[0]
    if ch.isdigit():
        return "num"
    if "a" <= ch.lower() <= "z":
        return "LAT" if token.isupper() and len(token) > 1 else ("Lat" if ch.isupper() else "lat")
    if ch.isalpha():
        return "ar"
    return "punct"


class FeatureExtractor:
    """Turns token lists into crfsuite feature lists.  Deterministic; memoizes word-level work."""

    def __init__(self, lex: Lexicon, priors: Mapping[str, tuple[int, ...]] | None = None) -> None:
        self.lex = lex
        self.priors = lex.priors if priors is None else priors
        self._memo: dict[str, WordInfo] = {}

    def word_info(self, token: str) -> WordInfo:
        info = self._memo.get(token)
        if info is None:
            if len(self._memo) > _CACHE_LIMIT:
                self._memo.clear()
            info = self._word_info(token)
            self._memo[token] = info
        return info

    def word_infos(self, tokens: Sequence[str]) -> list[WordInfo]:
        """`word_info` of each token (one comprehension over the memo: the hot path of an article)."""
        memo = self._memo
        return [memo.get(t) or self.word_info(t) for t in tokens]

    def _word_info(self, token: str) -> WordInfo:
        lex = self.lex
        form = form_of(token)
        shape = _shape(form) if form else "punct"
        off = choose_stem_offset(form, lex) if shape == "ar" else 0
        stem = form[off:]
        count = lex.count(stem)
        hit = lex.clusters.get(stem)
        cluster = hit[1] if hit else ("x", "x", "x")
        bare = stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
        trigger = lex.triggers.get(stem, "") or lex.triggers.get(form, "")
        if not trigger and bare != stem:
            trigger = lex.triggers.get(bare, "")
            trigger = trigger + "_DEF" if trigger else ""
        feats = [
            "w=" + form,
            "s=" + stem,
            "p=" + form[:off],
            "sh=" + shape,
            "al=" + str(stem != bare),
            "f=" + _count_bucket(count),
            "c1=" + cluster[0],
            "c2=" + cluster[1],
            "c3=" + cluster[2],
            "b2=" + bare[:2],
            "b3=" + bare[:3],
            "e1=" + bare[-1:],
            "e2=" + bare[-2:],
            "e3=" + bare[-3:],
            "n=" + str(min(len(bare), 8)),
            "e4=" + bare[-4:],
        ]
        if shape == "ar" and len(bare) >= 3:
            feats.append("alr=" + _article_ratio(bare, lex))
        if trigger:
            feats.append("t=" + trigger)
        if stem in lex.person_parts:
            feats.append("gn")
        if stem in lex.stop:
            feats.append("stop")
        prior = self.priors.get(stem)
        pclass = ""
        if prior is not None:
            pclass = prior_features(prior, feats)
        cut = off if off == 0 or len(form) == len(token) else _original_offset(token, off)
        return WordInfo(form, stem, cluster, trigger, tuple(feats), pclass, cut, bare[-2:])

    def extract(self, tokens: Sequence[str]) -> list[list[str]]:
        """Feature lists, one per token (word, neighbour and sequence features)."""
        infos = [self.word_info(t) for t in tokens]
        gaz = match_gazetteer([i.form for i in infos], [i.stem for i in infos], self.lex)
        n = len(infos)
        out: list[list[str]] = []
        for i, info in enumerate(infos):
            f = list(info.feats)
            for d in OFFSETS:
                if 0 <= i + d < n:
                    f.extend(neighbor_features(infos[i + d], d))
            f.extend(sequence_features(i, infos, gaz))
            out.append(f)
        return out


OFFSETS = (-3, -2, -1, 1, 2, 3)


def neighbor_features(o: WordInfo, d: int) -> list[str]:
    """Features a word contributes to the token ``d`` positions away (depend on the word only)."""
    tag = str(d)
    f = [tag + ":t=" + o.trigger] if o.trigger else []
    if d in (-3, 3):
        return f
    f += [
        tag + ":s=" + o.stem,
        tag + ":c1=" + o.cluster[0],
        tag + ":c2=" + o.cluster[1],
        tag + ":c3=" + o.cluster[2],
    ]
    if d in (-1, 1):
        f.append(tag + ":w=" + o.form)
        f.append(tag + ":e2=" + o.ending)
        if o.prior:
            f.append(tag + ":pr=" + o.prior)
    return f


def sequence_features(i: int, infos: Sequence[WordInfo], gaz: Sequence[str]) -> list[str]:
    """Features that depend on more than one word: gazetteer matches, word pairs, sentence edges."""
    n = len(infos)
    info = infos[i]
    f = ["g=" + gaz[i]] if gaz[i] else []
    for d in (-2, -1, 1, 2):
        j = i + d
        if not 0 <= j < n:
            f.append(str(d) + (":BOS" if d < 0 else ":EOS"))
        elif d in (-1, 1):
            f.append(str(d) + ":c2|c2=" + infos[j].cluster[1] + "|" + info.cluster[1])
            if gaz[j]:
                f.append(str(d) + ":g=" + gaz[j])
    if i > 0:
        f.append("sp=" + infos[i - 1].stem + "|" + info.stem)
    if i + 1 < n:
        f.append("sn=" + info.stem + "|" + infos[i + 1].stem)
    return f


PRIOR_TYPES = ("PERS", "LOC", "ORG", "MISC")


def prior_features(prior: tuple[int, ...], feats: list[str]) -> str:
    """Append features for how often ANT tagged this word as each type; return the dominant type.

    ``prior`` is ``(occurrences, PERS, LOC, ORG, MISC)`` counts from tagging the ANT corpus.

    >>> f = []; prior_features((10, 9, 0, 1, 0), f), f
    ('PERS', ['pr=PERS:4', 'pr=ORG:1'])
    """
    total = prior[0]
    if total < 2:
        return ""
    best, best_share = "O", 0.0
    for typ, count in zip(PRIOR_TYPES, prior[1:], strict=True):
        share = count / total
        if share >= 0.1:
            level = 4 if share >= 0.9 else 3 if share >= 0.6 else 2 if share >= 0.3 else 1
            feats.append(f"pr={typ}:{level}")
        if share > best_share:
            best, best_share = typ, share
    if best_share < 0.3:
        best = "O"
        if best_share < 0.05 and total >= 5:
            feats.append("pr=O")
    return best


def match_gazetteer(forms: Sequence[str], stems: Sequence[str], lex: Lexicon) -> list[str]:
    """IOB gazetteer tags per token (longest match; the first word may carry a clitic).

    >>> from rasd.ner.lexicon import load_lexicon
    >>> lex = load_lexicon()
    >>> match_gazetteer(["في", "الولايات", "المتحده"], ["في", "الولايات", "المتحده"], lex)
    ['', 'B-LOC', 'I-LOC']
    """
    n = len(forms)
    tags = [""] * n
    i = 0
    while i < n:
        best = 0
        typ = ""
        for first in (stems[i], forms[i]) if stems[i] != forms[i] else (forms[i],):
            longest = lex.gazetteer_first.get(first, 0)
            for length in range(min(longest, n - i), 0, -1):
                if length <= best:
                    break
                key = (first, *forms[i + 1 : i + length])
                hit = lex.gazetteer.get(key)
                if hit:
                    best, typ = length, hit[0]
                    break
        if best:
            tags[i] = "B-" + typ
            for k in range(i + 1, i + best):
                tags[k] = "I-" + typ
            i += best
        else:
            i += 1
    return tags
