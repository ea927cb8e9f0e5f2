"""A clitic-aware light stemmer for Arabic search (light10-style, with length guards).

Input is a word in matching form (`rasd.arabic.normalize.normalize_ar` with ``hamza=True``:
no diacritics, bare alef, ``ة`` → ``ه``, ``ى`` → ``ي``); `stem_ar` normalizes for you.

Proclitics are the hard part.  ``والحكومة`` is certainly و + ال + حكومة, but the first letter of
``واشنطن``, ``وزير``, ``بلينكن``, ``فرنسا`` is part of the word, while in ``لواشنطن`` the ``ل`` is a
preposition.  Without a lexicon no rule separates these, so the stemmer returns *candidates*:

* a **primary** stem — clitics are stripped only when the article makes the split certain
  (``وال``/``بال``/``فبال``…, ``لل``); otherwise the word is kept whole, so names survive;
* **alternates** — every split the clitic grammar ``[وف]? [بكل]? (ال)?`` allows with at least three
  letters left (four after two clitics): ``لواشنطن`` → ``واشنطن``, ``واشنطن`` → ``اشنطن``.

A search matches a query word and a document word when their candidate sets meet, so ``واشنطن``
finds ``لواشنطن`` and ``لواشنطن`` finds ``واشنطن``, while ``واشنطن`` itself is never mangled.

Suffixes follow light10 (``ها ان ات ون ين يه ه ي``, one pass, longest first) with guards: at least
three letters must remain, four for ``ان ون ين`` (so ``حسين``, ``ايران``, ``عمان``, ``لبنان`` survive).

>>> stem_ar("والحكومة"), stem_ar("الانتخابات"), stem_ar("الأميركية")
('حكوم', 'انتخاب', 'اميرك')
>>> [stem_ar(w) for w in ("بلينكن", "حسين", "وزير", "واشنطن")]
['بلينكن', 'حسين', 'وزير', 'واشنطن']
>>> stem_candidates_ar("لواشنطن")
('لواشنطن', 'واشنطن')
"""

from __future__ import annotations

from rasd.arabic.normalize import normalize_ar

__all__ = ["split_proclitics_ar", "stem_ar", "stem_candidates_ar", "strip_suffixes_ar"]

_CONJ = "وف"
_PREP = "بكل"
_ARTICLE = "ال"
#: Minimum letters left after stripping one clitic letter / two clitic letters / the article.
MIN_AFTER_ONE = 3
MIN_AFTER_TWO = 4
MIN_AFTER_ARTICLE = 3

#: (suffix, minimum stem length left) in light10 order; each is tried once.
_SUFFIXES: tuple[tuple[str, int], ...] = (
    ("ها", 3),
    ("ان", 4),
    ("ات", 3),
    ("ون", 4),
    ("ين", 4),
    ("يه", 3),
    ("ه", 3),
    ("ي", 3),
)


def strip_suffixes_ar(word: str) -> str:
    """Remove light10 suffixes from a normalized, clitic-free word, keeping names whole.

    >>> [strip_suffixes_ar(w) for w in ("انتخابات", "حكومه", "امريكيين", "حسين", "لبنان", "مسلمين")]
    ['انتخاب', 'حكوم', 'امريك', 'حسين', 'لبنان', 'مسلم']
    """
    for suffix, keep in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            word = word[: -len(suffix)]
    return word


def split_proclitics_ar(word: str) -> tuple[str, tuple[str, ...]]:
    """``(primary, alternates)``: the clitic-free forms of a normalized word, before suffixes.

    The primary strips clitics only when the article proves the split; alternates are the other
    splits the grammar allows (see the module docstring).

    >>> split_proclitics_ar("والحكومه")
    ('حكومه', ())
    >>> split_proclitics_ar("للبنان")
    ('بنان', ('لبنان',))
    >>> split_proclitics_ar("وبريطانيا")
    ('وبريطانيا', ('بريطانيا', 'ريطانيا'))
    >>> split_proclitics_ar("والد")
    ('والد', ('الد',))
    """
    n = len(word)
    certain: str | None = None
    others: list[str] = []
    lam_words: list[str] = []  # ``للبنان`` → ``لبنان``: kept even when the article split is certain
    # Prefix lengths 2, 1, 0 (longest first) along the grammar [وف]?[بكل]?.
    prefixes: list[int] = []
    if n > 2 and word[0] in _CONJ and word[1] in _PREP:
        prefixes.append(2)
    if n > 1 and (word[0] in _CONJ or word[0] in _PREP):
        prefixes.append(1)
    prefixes.append(0)
    for k in prefixes:
        rest = word[k:]
        prep_lam = k > 0 and word[k - 1] == "ل"
        if not prep_lam and rest.startswith(_ARTICLE) and len(rest) - 2 >= MIN_AFTER_ARTICLE:
            # و/ب/ك/ف + ال: the article makes the split certain.
            if certain is None:
                certain = rest[2:]
            continue
        if prep_lam and rest.startswith("ل") and len(rest) - 1 >= MIN_AFTER_ARTICLE:
            # لل = ل + (ا)ل: probably the article, but ``للبنان`` is ل + لبنان.
            if certain is None:
                certain = rest[1:]
            lam_words.append(rest)
            continue
        if k == 0 or (k == 1 and len(rest) >= MIN_AFTER_ONE) or (k == 2 and len(rest) >= MIN_AFTER_TWO):
            others.append(rest)
    if certain is not None:
        # Other splits (``والحكومه``, ``للحكومه``) are no use once the article split is certain.
        return certain, tuple(o for o in lam_words if o != certain)
    primary = others[-1]  # k == 0: the whole word
    return primary, tuple(o for o in reversed(others[:-1]) if o != primary)


def stem_candidates_ar(word: str) -> tuple[str, ...]:
    """Primary stem first, then the alternate stems (no duplicates); input in matching form.

    >>> stem_candidates_ar("واشنطن")
    ('واشنطن', 'اشنطن')
    >>> stem_candidates_ar("بالعراق")
    ('عراق',)
    """
    primary, alternates = split_proclitics_ar(word)
    out = [strip_suffixes_ar(primary)]
    for alt in alternates:
        s = strip_suffixes_ar(alt)
        if s not in out:
            out.append(s)
    return tuple(out)


def stem_ar(word: str) -> str:
    """The primary stem of any Arabic word (normalized first).

    >>> stem_ar("وللحكومة"), stem_ar("داعِش"), stem_ar("مستوى")
    ('حكوم', 'داعش', 'مستو')
    """
    return stem_candidates_ar(normalize_ar(word, hamza=True))[0]
