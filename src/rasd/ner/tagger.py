"""The shipped CRF tagger: tokens in, IOB2 tags (PERS/ORG/LOC/MISC) out.

>>> tag_entities(["وقال", "الرئيس", "جو", "بايدن", "في", "واشنطن"])
['O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from rasd.errors import ModelError
from rasd.ner.features import FeatureExtractor
from rasd.ner.lexicon import Lexicon, data_path, load_lexicon

__all__ = ["MODEL_FILE", "Tagger", "default_tagger", "tag_entities"]

MODEL_FILE = "model.crfsuite"


class Tagger:
    """A loaded CRF model with its feature extractor.  Read-only after construction."""

    def __init__(
        self, crf: pycrfsuite.Tagger, lexicon: Lexicon, priors: Mapping[str, tuple[int, ...]] | None = None
    ) -> None:
        self._crf = crf
        self.lexicon = lexicon
        self.features = FeatureExtractor(lexicon, priors)

    @classmethod
    def load(cls, path: Path | None = None, priors: Mapping[str, tuple[int, ...]] | None = None) -> Tagger:
        """Open the model at ``path`` (default: the one shipped in ``rasd/data/ner/``).

        ``priors`` overrides the shipped ANT tag priors (training and evaluation use this).
        """
        path = path or data_path("ner", MODEL_FILE)
        if not path.exists():
            raise ModelError(f"NER model not found at {path}; rebuild it with scripts/train_ner.py")
        crf = pycrfsuite.Tagger()
        try:
            crf.open(str(path))
        except Exception as exc:  # crfsuite raises plain ValueError/OSError
            raise ModelError(f"cannot open NER model {path}: {exc}") from exc
        return cls(crf, load_lexicon(), priors)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags for one sentence (or any token run)."""
        if not tokens:
            return []
        return list(self._crf.tag(pycrfsuite.ItemSequence(self.features.extract(tokens))))

    def tag_with_marginals(self, tokens: Sequence[str]) -> tuple[list[str], list[float]]:
        """Tags plus the marginal probability of each chosen tag."""
        if not tokens:
            return [], []
        tags = list(self._crf.tag(pycrfsuite.ItemSequence(self.features.extract(tokens))))
        probs = [self._crf.marginal(t, i) for i, t in enumerate(tags)]
        return tags, probs


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    """The shipped tagger, loaded on first use and then shared (it is read-only)."""
    return Tagger.load()


def tag_entities(tokens: list[str]) -> list[str]:
    """IOB2 tags over PERS/ORG/LOC/MISC for ``tokens`` (for CoNLL-style evaluation)."""
    return default_tagger().tag(tokens)
