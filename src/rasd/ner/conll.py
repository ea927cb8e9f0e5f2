"""CoNLL ``token TAG`` files and conlleval-style exact-span scoring (IOB2).

>>> spans_of(["B-PERS", "I-PERS", "O", "B-LOC"])
[(0, 2, 'PERS'), (3, 4, 'LOC')]
>>> r = score_spans([["B-LOC", "O"]], [["B-LOC", "O"]]); r["overall"]["f1"]
1.0
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

__all__ = ["read_conll", "score_spans", "spans_of", "split_dev"]

Sentence = tuple[list[str], list[str]]


def read_conll(path: Path) -> list[Sentence]:
    """Sentences as ``(tokens, tags)``; blank lines separate sentences."""
    out: list[Sentence] = []
    toks: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if toks:
                    out.append((toks, tags))
                    toks, tags = [], []
                continue
            word, _, tag = line.rpartition(" ")
            if not word:
                word, tag = tag, "O"
            toks.append(word)
            tags.append(tag)
    if toks:
        out.append((toks, tags))
    return out


def split_dev(sentences: list[Sentence], fraction: float = 0.1) -> tuple[list[Sentence], list[Sentence]]:
    """First ``1 - fraction`` of the sentences for training, the last ``fraction`` for development."""
    cut = round(len(sentences) * (1 - fraction))
    return sentences[:cut], sentences[cut:]


def spans_of(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` of an IOB2 sequence; a stray ``I-`` starts a span (conlleval)."""
    spans: list[tuple[int, int, str]] = []
    start = -1
    kind = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        if start >= 0 and (prefix != "I" or typ != kind):
            spans.append((start, i, kind))
            start = -1
        if prefix == "B" or (prefix == "I" and start < 0):
            start, kind = i, typ
    return spans


def score_spans(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> dict[str, dict[str, float]]:
    """Per-type and overall precision/recall/F1 over exact spans (conlleval)."""
    tp: dict[str, int] = {}
    ng: dict[str, int] = {}
    np_: dict[str, int] = {}
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(spans_of(g)), set(spans_of(p))
        for s in gs:
            ng[s[2]] = ng.get(s[2], 0) + 1
        for s in ps:
            np_[s[2]] = np_.get(s[2], 0) + 1
        for s in gs & ps:
            tp[s[2]] = tp.get(s[2], 0) + 1
    out: dict[str, dict[str, float]] = {}
    for typ in sorted(set(ng) | set(np_)):
        out[typ] = _prf(tp.get(typ, 0), np_.get(typ, 0), ng.get(typ, 0))
    out["overall"] = _prf(sum(tp.values()), sum(np_.values()), sum(ng.values()))
    return out


def _prf(tp: int, npred: int, ngold: int) -> dict[str, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": float(ngold)}
