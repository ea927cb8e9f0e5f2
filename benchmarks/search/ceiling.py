"""How well can any ranker do on the known-item queries by looking at headlines?  (the *ceiling*)

A query's words come from its target's headline, but other headlines often hold the same words
(``نمو متوقع``, ``الانتخابات أرقام``...).  For each query this counts the articles whose headline is an
equally good match and gives the expected MRR@10 of an oracle that ranks those first, breaking ties at
random.  Independent of rasd's analyzer: its own folding (diacritics, tatweel, hamza on alef/waw/yeh,
ة/ه, ى/ي, the generator's spelling variants) and its own proclitic rule (``[وف]?[بكل]?(ال)?`` or
``[وف]?لل`` with three letters left, no suffix stripping).

Three oracles, each ranking by a key of headline evidence (more is better; ties at random):

* ``loose``: the number of query words the headline holds (after folding and clitic stripping);
* ``exact_tiebreak``: then the number of query words it holds in the very form typed;
* ``order_length``: then whether they come in query order, then the shorter headline
  (not a ceiling of what is possible — body text can still break ties — but what headline evidence
  alone can reach).

Each oracle is scored twice: *strict* (only the target counts) and *duplicate-aware* (an exact copy
of the target — same headline and text, `search.duplicates` — counts as the target: the first of the
group to come up is the hit).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from search.duplicates import expected_rr_first
from search.queries import VARIANTS, Doc, Query

_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"})
_WORD = re.compile(r"[\u0621-\u064a\u064b-\u0652\u0670\u0640]+|[A-Za-z0-9]+")


def _surface(word: str) -> str:
    return _MARKS.sub("", word)


def _variant_pairs() -> list[tuple[str, str]]:
    pairs = []
    for a, b in VARIANTS:
        a2, b2 = _surface(a).translate(_FOLD), _surface(b).translate(_FOLD)
        pairs.append((max(a2, b2), min(a2, b2)))
    return pairs


_VARIANT_PAIRS = _variant_pairs()


def fold_word(word: str) -> str:
    w = _surface(word).translate(_FOLD)
    for hi, lo in _VARIANT_PAIRS:
        if hi in w:
            w = w.replace(hi, lo)
    return w


def clitic_forms(word: str) -> frozenset[str]:
    """``word`` and the forms left after stripping proclitics (three letters at least)."""
    out = {word}
    for k in (0, 1):
        if k and word[:1] not in ("و", "ف"):
            continue
        rest = word[k:]
        if k and len(rest) >= 3:
            out.add(rest)
        for p in ("ب", "ك", "ل", ""):
            if p and not rest.startswith(p):
                continue
            r2 = rest[len(p) :]
            if p and len(r2) >= 3:
                out.add(r2)
            if r2.startswith("ال") and len(r2) >= 5:
                out.add(r2[2:])
        if rest.startswith("لل") and len(rest) >= 5:
            out.add(rest[2:])
    return frozenset(out)


def expected_rr(better: int, ties: int, depth: int = 10) -> float:
    """Expected reciprocal rank (cut at ``depth``) of one of ``ties`` items ranked after ``better``."""
    if ties <= 0:
        return 0.0
    return sum(1.0 / i for i in range(better + 1, min(better + ties, depth) + 1)) / ties


def _rank_in_pool(pool: list[int], target: int, key: Callable[[int], Any]) -> tuple[int, int]:
    """(articles with a better key than the target's, articles with the same key, target included)."""
    tk = key(target)
    better = sum(1 for dd in pool if key(dd) > tk)
    ties = sum(1 for dd in pool if key(dd) == tk)
    return better, ties


class _Headlines:
    def __init__(self, docs: Sequence[Doc]) -> None:
        self.loose: dict[str, set[int]] = defaultdict(set)
        self.exact: dict[str, set[int]] = defaultdict(set)
        self.forms: list[list[frozenset[str]]] = []
        for i, d in enumerate(docs):
            words = _WORD.findall(d.title)
            self.forms.append([clitic_forms(fold_word(w)) for w in words])
            for w in words:
                self.exact[_surface(w)].add(i)
                for c in clitic_forms(fold_word(w)):
                    self.loose[c].add(i)

    def in_order(self, forms: list[frozenset[str]], doc: int) -> int:
        pos = 0
        head = self.forms[doc]
        for f in forms:
            j = next((j for j in range(pos, len(head)) if head[j] & f), None)
            if j is None:
                return 0
            pos = j + 1
        return 1


def measure_ceiling(
    docs: Sequence[Doc], queries: Sequence[Query], copies: dict[str, frozenset[str]] | None = None
) -> dict[str, Any]:
    """Expected MRR@10 of the three headline oracles, per query set, strict and duplicate-aware
    (``copies``: article id → ids of its exact copies), and how many queries have ties."""
    heads = _Headlines(docs)
    index = {d.id: i for i, d in enumerate(docs)}
    copies = copies or {}
    out: dict[str, Any] = {}
    for field in ("verbatim", "typed"):
        rr = {"loose": 0.0, "exact_tiebreak": 0.0, "order_length": 0.0}
        rr_dup = dict(rr)
        tied = {"loose": 0, "exact_tiebreak": 0, "order_length": 0}
        incomplete = 0
        for q in queries:
            words = getattr(q, field).split()
            forms = [clitic_forms(fold_word(w)) for w in words]
            target = index[q.target]
            loose: dict[int, int] = defaultdict(int)
            exact: dict[int, int] = defaultdict(int)
            for w, f in zip(words, forms, strict=True):
                docs_w: set[int] = set()
                for c in f:
                    docs_w |= heads.loose.get(c, set())
                for dd in docs_w:
                    loose[dd] += 1
                for dd in heads.exact.get(_surface(w), ()):
                    exact[dd] += 1
            t_loose = loose.get(target, 0)
            if t_loose < len(words):
                incomplete += 1
            pool = [dd for dd in loose if loose[dd] >= t_loose] if t_loose else []

            n_words = len(words)

            def order_key(dd: int, lo: dict[int, int] = loose, ex: dict[int, int] = exact) -> Any:
                done = lo.get(dd, 0) == n_words  # noqa: B023 (called before the loop moves on)
                in_order = heads.in_order(forms, dd) if done else 0  # noqa: B023
                return (lo.get(dd, 0), ex.get(dd, 0), in_order, -len(heads.forms[dd]))

            keys: dict[str, Callable[[int], Any]] = {
                "loose": lambda dd, lo=loose: lo.get(dd, 0),
                "exact_tiebreak": lambda dd, lo=loose, ex=exact: (lo.get(dd, 0), ex.get(dd, 0)),
                "order_length": order_key,
            }
            group = {index[c] for c in copies.get(q.target, ())}
            for name, key in keys.items():
                better, ties = _rank_in_pool(pool, target, key)
                rr[name] += expected_rr(better, ties)
                tied[name] += ties > 1
                # A copy has the target's headline, so the target's key: it is among the ties.
                same = sum(1 for c in group if c in loose and key(c) == key(target))
                rr_dup[name] += expected_rr_first(better, ties, 1 + same)
        n = len(queries)
        out[field] = {
            **{f"oracle_mrr@10_{k}": round(v / n, 4) for k, v in rr.items()},
            **{f"oracle_mrr@10_{k}_dup_aware": round(v / n, 4) for k, v in rr_dup.items()},
            **{f"queries_with_ties_{k}": v for k, v in tied.items()},
            "target_headline_lacks_a_query_word": incomplete,
        }
    return out
