"""Exact duplicates in the corpus, for duplicate-aware known-item scoring.

ANT holds articles published twice: the same headline and the same text (after whitespace
normalization) under two ids.  In known-item evaluation a hit on such a copy of the target is the
target for the user — TREC's known-item and web tracks treat exact duplicates of a relevant document
as relevant — so the benchmark reports, *beside* the strict figure (only the target's own id counts),
a duplicate-aware one (the target or any exact copy of it counts, whichever ranks first).

Only whitespace is normalized (runs of spaces, tabs and newlines → one space, ends stripped): a copy
that differs in one letter is another article.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from math import comb

from search.queries import Doc


def content_key(doc: Doc) -> tuple[str, str]:
    """Headline and text with whitespace normalized (the identity of a copy)."""
    return " ".join(doc.title.split()), " ".join(doc.text.split())


def find_copies(docs: Sequence[Doc]) -> dict[str, frozenset[str]]:
    """For every article with exact copies: its id → the ids of its copies (itself excluded)."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for d in docs:
        groups[content_key(d)].append(d.id)
    out: dict[str, frozenset[str]] = {}
    for ids in groups.values():
        if len(ids) > 1:
            for i in ids:
                out[i] = frozenset(j for j in ids if j != i)
    return out


def copy_stats(docs: Sequence[Doc], copies: dict[str, frozenset[str]]) -> dict[str, int]:
    """How many articles have an exact copy, and how many are redundant (all but one per group)."""
    groups = {frozenset({i, *c}) for i, c in copies.items()}
    return {
        "articles_with_an_exact_copy": len(copies),
        "redundant_copies": sum(len(g) - 1 for g in groups),
        "copy_groups": len(groups),
    }


def first_relevant_rank(ids: Sequence[str], target: str, copies: frozenset[str]) -> int:
    """1-based rank of the first hit that is the target or a copy of it (0 when none is there)."""
    for i, x in enumerate(ids, 1):
        if x == target or x in copies:
            return i
    return 0


def expected_rr_first(better: int, ties: int, relevant: int, depth: int = 10) -> float:
    """Expected reciprocal rank (cut at ``depth``) of the first of ``relevant`` items placed at random
    among ``ties`` equally ranked items that come after ``better`` items.

    >>> round(expected_rr_first(0, 2, 1), 3), expected_rr_first(0, 2, 2)
    (0.75, 1.0)
    """
    if ties <= 0 or relevant <= 0:
        return 0.0
    total = comb(ties, relevant)
    out = 0.0
    for i in range(1, ties - relevant + 2):  # first relevant at tie position i
        rank = better + i
        if rank > depth:
            break
        out += comb(ties - i, relevant - 1) / total / rank
    return out
