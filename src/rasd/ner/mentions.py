"""From article text to entity mentions: tokenize, tag each sentence, map tags to character spans.

Spans exclude attached proclitics (``لواشنطن`` → ``واشنطن``, ``بالعراق`` → ``العراق``): the
first word of a mention is cut where `choose_stem_offset` puts the word proper.

>>> from rasd.ner.tagger import default_tagger
>>> text = "وصل الرئيس الأميركي جو بايدن لواشنطن"
>>> sentences = tokenize_sentences(text, [(0, len(text))])
>>> [(text[m.start:m.end], m.label) for m in find_mentions(sentences, default_tagger())]
[('جو بايدن', 'PER'), ('واشنطن', 'LOC')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rasd.arabic.tokenize import Token, split_sentences, tokenize_span
from rasd.ner.conll import spans_of
from rasd.ner.tagger import Tagger

__all__ = ["LABELS", "Mention", "Sentence", "find_mentions", "stem_start", "tokenize_sentences"]

# IOB2 types (ANERcorp) -> span labels
LABELS = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    label: str
    sentence: int  # index into the sentence list
    first: int  # token index in the sentence
    last: int  # exclusive


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[Token, ...]  # offsets into the whole text


def tokenize_sentences(text: str, ranges: Iterable[tuple[int, int]]) -> list[Sentence]:
    """Sentences of each ``(start, end)`` range (title, paragraphs) with their tokens."""
    out: list[Sentence] = []
    for a, b in ranges:
        for s, e in split_sentences(text, a, b):
            toks = tuple(tokenize_span(text, s, e))
            if toks:
                out.append(Sentence(s, e, toks))
    return out


def stem_start(token: Token, tagger: Tagger) -> int:
    """Character offset where the word proper starts inside ``token`` (after any proclitic)."""
    if token.kind != "ar":
        return token.start
    return token.start + tagger.features.word_info(token.text).cut


def find_mentions(sentences: Sequence[Sentence], tagger: Tagger) -> list[Mention]:
    """Tag every sentence and return mentions with clitic-free offsets."""
    out: list[Mention] = []
    all_tags = tagger.tag_many([[t.text for t in sent.tokens] for sent in sentences])
    for si, (sent, tags) in enumerate(zip(sentences, all_tags, strict=True)):
        for a, b, typ in spans_of(tags):
            label = LABELS.get(typ)
            if label is None:
                continue
            start = stem_start(sent.tokens[a], tagger)
            out.append(Mention(start, sent.tokens[b - 1].end, label, si, a, b))
    return out
