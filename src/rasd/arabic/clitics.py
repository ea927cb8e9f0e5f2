"""Attached proclitics: where the word proper starts inside a token.

Arabic attaches conjunctions (و ف), prepositions (ب ك ل) and the article (ال, or لل after ل) to
the next word: ``لواشنطن`` = ل + واشنطن, ``بالعراق`` = ب + العراق, ``وللحكومة`` = و + ل + (ا)لحكومة.
Entity spans exclude the clitic; search strips it.  Because many names begin with the same letters
(``واشنطن``, ``فؤاد``, ``بغداد``, ``ليبيا``), callers get *candidates* and choose with a lexicon;
`strip_proclitics` applies length guards so short stems are never produced.
"""

from __future__ import annotations

__all__ = ["proclitic_candidates", "strip_proclitics"]

_CONJ = "وف"
_PREP = "بكل"
_MIN_STEM = 2


def proclitic_candidates(word: str, *, keep_article: bool = True) -> list[int]:
    """Offsets where the word proper may start, most-stripped first, always ending with ``0``.

    With ``keep_article`` the definite article stays on the stem (entity spans include ``ال``:
    ``بالعراق`` → ``العراق``); without it, it is stripped too (search: ``والحكومة`` → ``حكومة``).

    >>> w = "لواشنطن"; [w[i:] for i in proclitic_candidates(w)]
    ['واشنطن', 'لواشنطن']
    >>> w = "بالعراق"; [w[i:] for i in proclitic_candidates(w)]
    ['العراق', 'بالعراق']
    >>> w = "وللحكومة"; [w[i:] for i in proclitic_candidates(w, keep_article=False)]
    ['حكومة', 'لحكومة', 'للحكومة', 'وللحكومة']
    """
    cands: list[int] = []
    n = len(word)
    i = 0
    seen = [0]
    if i < n and word[i] in _CONJ and n - i - 1 >= _MIN_STEM:
        i += 1
        seen.append(i)
    if i < n and word[i] in _PREP and n - i - 1 >= _MIN_STEM:
        if word[i] == "ل" and word.startswith("ل", i + 1) and n - i - 2 >= _MIN_STEM:
            # لل = ل + (ا)ل: the stem keeps its article as "ل…"; report the article-less stem.
            seen.append(i + 1)
            if not keep_article:
                seen.append(i + 2)
            i = n  # nothing further to strip
        else:
            i += 1
            seen.append(i)
    if i < n and word.startswith("ال", i) and not keep_article and n - i - 2 >= _MIN_STEM:
        seen.append(i + 2)
    for off in sorted(set(seen), reverse=True):
        cands.append(off)
    return cands


def strip_proclitics(word: str, *, keep_article: bool = False, min_stem: int = 3) -> str:
    """Strip proclitics with a length guard (``min_stem`` letters must remain).

    >>> strip_proclitics("والحكومة"), strip_proclitics("بالعراق", keep_article=True)
    ('حكومة', 'العراق')
    >>> strip_proclitics("ولد")
    'ولد'
    """
    for off in proclitic_candidates(word, keep_article=keep_article):
        if len(word) - off >= min_stem:
            return word[off:]
    return word
