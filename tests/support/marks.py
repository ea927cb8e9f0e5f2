"""Hand-made annotation layers for rule tests: mark every occurrence of some mention texts.

>>> from rasd.document import Span
>>> mark_spans("قتل 3 في بغداد وبغداد", {"بغداد": ("LOC", {})}) == [Span(9, 14, "LOC", {}), Span(16, 21, "LOC", {})]
True
"""

from __future__ import annotations

import re
from typing import Any

from rasd.document import Span

__all__ = ["mark_spans"]


def mark_spans(text: str, marks: dict[str, tuple[str, dict[str, Any]]]) -> list[Span]:
    """A span per occurrence in ``text`` of each mention in ``marks`` (mention → (label, attrs)),
    longest mentions first; a mention overlapping one already marked is left out."""
    spans: list[Span] = []
    for mention in sorted(marks, key=len, reverse=True):
        label, attrs = marks[mention]
        for m in re.finditer(re.escape(mention), text):
            if not any(s.start < m.end() and m.start() < s.end for s in spans):
                spans.append(Span(m.start(), m.end(), label, attrs))
    return spans
