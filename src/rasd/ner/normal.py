"""The matching form of a token used by every NER feature, cluster and gazetteer lookup.

One function so that training, the shipped clusters and run-time tagging agree:
alef forms, alef maqsura and teh marbuta folded, diacritics and tatweel removed, digits ASCII,
Latin lower-cased.

>>> form_of("الأميركيّة"), form_of("بـ"), form_of("NRT")
('الاميركيه', 'ب', 'nrt')
"""

from __future__ import annotations

from functools import lru_cache

from rasd.arabic.normalize import normalize_ar

__all__ = ["form_of"]


@lru_cache(maxsize=1 << 14)
def form_of(token: str) -> str:
    """Normalized, lower-cased matching form of one token (memoized: a pure function, bounded cache)."""
    return normalize_ar(token).lower()
