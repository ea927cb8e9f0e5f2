"""Document-level label consistency: a name the tagger found in one sentence of a document is tagged
where it recurs untagged in another (``سلتيك`` tagged ORG once, missed twice).

The CRF tags each sentence on its own; news names recur within an article, and the sentence where
the context is clearest decides for the others.  Keys are the clitic-free stems of a tagged span
(``لسلتيك`` and ``سلتيك`` match); a span's type is the one most of its tagged occurrences got.  A
recurrence is tagged only where every word of it is untagged, and a one-word key only when the
word is name-like (`may_propagate`: not a stop word, and not a word the ANT priors say is almost
never a name).

>>> tags = [["B-ORG", "O", "O"], ["O", "O", "O"]]
>>> stems = [["سلتيك", "فاز", "امس"], ["فاز", "سلتيك", "امس"]]
>>> propagate_labels(tags, stems, lambda stem: True)
[['B-ORG', 'O', 'O'], ['O', 'B-ORG', 'O']]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from rasd.ner.conll import spans_of

__all__ = ["propagate_labels"]


def propagate_labels(
    tags: Sequence[Sequence[str]],
    stems: Sequence[Sequence[str]],
    may_propagate: Callable[[str], bool],
) -> list[list[str]]:
    """IOB2 tags of a document's sentences with tagged names copied to their untagged recurrences.

    ``stems``: the clitic-free stem of every token; ``may_propagate(stem)`` decides one-word keys.
    Longest key first at each position; the tags the tagger gave are never changed.
    """
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for sent_tags, sent_stems in zip(tags, stems, strict=True):
        for a, b, typ in spans_of(sent_tags):
            votes.setdefault(tuple(sent_stems[a:b]), Counter())[typ] += 1
    keys: dict[tuple[str, ...], str] = {}
    for key, counts in votes.items():
        if len(key) > 1 or may_propagate(key[0]):
            keys[key] = counts.most_common(1)[0][0]
    longest = max(map(len, keys), default=0)
    out = [list(t) for t in tags]
    if not longest:
        return out
    firsts = {key[0] for key in keys}
    for sent_tags, sent_stems in zip(out, stems, strict=True):
        n = len(sent_tags)
        i = 0
        while i < n:
            step = 1
            if sent_tags[i] == "O" and sent_stems[i] in firsts:
                for length in range(min(longest, n - i), 0, -1):
                    found = keys.get(tuple(sent_stems[i : i + length]))
                    if (
                        found is not None
                        and all(t == "O" for t in sent_tags[i : i + length])
                        and (i + length == n or not sent_tags[i + length].startswith("I-"))
                    ):
                        sent_tags[i] = "B-" + found
                        sent_tags[i + 1 : i + length] = ["I-" + found] * (length - 1)
                        step = length
                        break
            i += step
    return out
