"""Quote marks: pairing them per style across paragraphs, and the quoted ranges they enclose."""

from __future__ import annotations

import bisect

from rasd.document import Article, Span
from rasd.enrich.quotes.lexicon import QUOTE_MARK_RE, QUOTE_STYLES


class QuotedRanges:
    """Positions inside quoted words (between a pair of marks)."""

    def __init__(self, pairs: list[tuple[int, int]]) -> None:
        self.pairs = sorted(pairs)
        self.opens = [o for o, _ in self.pairs]

    def inside(self, pos: int) -> bool:
        k = bisect.bisect_left(self.opens, pos) - 1
        return k >= 0 and self.pairs[k][0] < pos < self.pairs[k][1]

def text_blocks(article: Article) -> list[Span]:
    blocks = list(article.paragraphs)
    if article.title_span.end > article.title_span.start:
        blocks.insert(0, article.title_span)
    return blocks or [Span(0, len(article.text), "text")]


def pair_quote_marks(text: str, blocks: list[Span]) -> list[tuple[int, int]]:
    """(open, close) positions of quote pairs; ``close`` is the closing mark or a paragraph's end.

    A style left open at a paragraph's end continues into the next paragraph when that paragraph
    starts with a mark of the same style (re-opening convention) or has an odd number of them.
    """
    pairs: list[tuple[int, int]] = []
    carry: dict[str, tuple[int, int]] = {}  # style -> (open position, end of its paragraph)
    for block in blocks:
        by_style: dict[str, list[int]] = {}
        for m in QUOTE_MARK_RE.finditer(text, block.start, block.end):
            p = m.start()
            if text[p] in "'’" and is_apostrophe(text, p):
                continue
            by_style.setdefault(QUOTE_STYLES[text[p]], []).append(p)
        first = skip_space(text, block.start, block.end)
        for style in set(carry) - set(by_style):
            o, end = carry.pop(style)
            pairs.append((o, end))
        for style, positions in by_style.items():
            i = 0
            if style in carry:
                o, prev_end = carry.pop(style)
                if positions[0] == first:  # re-opened: the next mark closes
                    if len(positions) > 1:
                        pairs.append((o, positions[1]))
                        i = 2
                    else:
                        carry[style] = (o, block.end)
                        continue
                elif len(positions) % 2 == 1:
                    pairs.append((o, positions[0]))
                    i = 1
                else:
                    pairs.append((o, prev_end))
            rest = positions[i:]
            for j in range(0, len(rest) - 1, 2):
                pairs.append((rest[j], rest[j + 1]))
            if len(rest) % 2 == 1:
                carry[style] = (rest[-1], block.end)
    pairs.extend(carry.values())
    return sorted(pairs)


def is_apostrophe(text: str, p: int) -> bool:
    before = text[p - 1] if p > 0 else " "
    after = text[p + 1] if p + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def skip_space(text: str, a: int, b: int) -> int:
    while a < b and text[a].isspace():
        a += 1
    return a


def rstrip_space(text: str, a: int, b: int) -> int:
    # the cue keeps its trailing punctuation and one space ("وأضاف، "), not line breaks
    while b > a and text[b - 1] in "\n\t":
        b -= 1
    return b


def trim_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in "،,:"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in "،,.:؛;"):
        b -= 1
    return a, b
