"""The Wojood sample (SinaLab, MIT licence) mapped to ANERcorp's flat types.

Build-time, experiments only: appended as training data (``scripts/train_ner.py --dev --wojood``) it
lowered F1 (dev −3.2, cross-validated −3.9); added by feature augmentation (``--wojood-aug``,
`rasd.ner.training.augment_domain`) it left the cross-validated F1 unchanged (−0.1, 95% [−0.4, +0.2];
``benchmarks/ner_cv.py --variant wojood-aug``).

Wojood is nested and has 21 types; each line is ``token TAG [TAG…]`` with the outer entity first.
We keep, per token, the outermost tag whose type maps to PERS/ORG/LOC/MISC (so the organisation
inside an occupation, ``سكرتير [اللجنة القومية العربية]``, is an ORG and the occupation word is O)
and repair the IOB2 sequence.  Nationalities (NORP) are O, as in ANERcorp.

>>> to_flat([["B-OCC", "B-ORG"], ["I-OCC", "I-ORG"], ["O"]])
['B-ORG', 'I-ORG', 'O']
>>> to_flat([["B-ORG"], ["I-ORG", "B-GPE"], ["B-NORP"]])
['B-ORG', 'I-ORG', 'O']
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rasd.ner.conll import Sentence

__all__ = ["TYPE_MAP", "read_wojood", "to_flat"]

TYPE_MAP = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "EVENT": "MISC"}
_SKIP_TOKENS = frozenset({"$#$"})


def to_flat(token_tags: Sequence[Sequence[str]]) -> list[str]:
    """One IOB2 tag per token from Wojood's nested tag lists."""
    out: list[str] = []
    prev = "O"
    for tags in token_tags:
        tag = "O"
        for t in tags:
            prefix, _, typ = t.partition("-")
            if typ in TYPE_MAP:
                tag = prefix + "-" + TYPE_MAP[typ]
                break
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def read_wojood(path: Path) -> list[Sentence]:
    """Sentences of a Wojood CoNLL file as flat ``(tokens, tags)``."""
    out: list[Sentence] = []
    toks: list[str] = []
    nested: list[list[str]] = []
    with path.open(encoding="utf-8") as fh:
        for line in [*fh, "\n"]:
            parts = line.split()
            if not parts:
                if toks:
                    out.append((toks, to_flat(nested)))
                    toks, nested = [], []
                continue
            if parts[0] in _SKIP_TOKENS:
                continue
            toks.append(parts[0])
            nested.append(parts[1:] or ["O"])
    return out
