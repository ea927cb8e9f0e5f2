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
from rasd.ner.features import WordInfo
from rasd.ner.tagger import Tagger

__all__ = [
    "LABELS",
    "Mention",
    "Sentence",
    "find_mentions",
    "find_mentions_many",
    "find_mentions_with_infos",
    "mentions_of",
    "stem_start",
    "tokenize_sentences",
]

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
    return mentions_of(sentences, tagger.tag_many([[t.text for t in sent.tokens] for sent in sentences]), tagger)


def find_mentions_many(articles: Sequence[Sequence[Sentence]], tagger: Tagger) -> list[list[Mention]]:
    """`find_mentions` for the sentences of several articles, tagged in one `Tagger.tag_many` call
    (the same tags: each sentence is tagged on its own; the batch only shares numpy's work)."""
    return [mentions for mentions, _ in find_mentions_with_infos(articles, tagger)]


def find_mentions_with_infos(
    articles: Sequence[Sequence[Sentence]], tagger: Tagger
) -> list[tuple[list[Mention], list[list[WordInfo]]]]:
    """`find_mentions_many`, with the word infos of every token of every sentence of each article."""
    tags, infos = tagger.tag_many_with_infos(
        [[t.text for t in sent.tokens] for sentences in articles for sent in sentences]
    )
    out: list[tuple[list[Mention], list[list[WordInfo]]]] = []
    start = 0
    for sentences in articles:
        end = start + len(sentences)
        out.append((mentions_of(sentences, tags[start:end], tagger, infos[start:end]), infos[start:end]))
        start = end
    return out


def mentions_of(
    sentences: Sequence[Sentence],
    all_tags: Sequence[Sequence[str]],
    tagger: Tagger,
    infos: Sequence[Sequence[WordInfo]] | None = None,
) -> list[Mention]:
    """Mentions from the IOB2 tags of each sentence (``infos``: the tokens' word infos, if known)."""
    out: list[Mention] = []
    for si, (sent, tags) in enumerate(zip(sentences, all_tags, strict=True)):
        for a, b, typ in spans_of(tags):
            label = LABELS.get(typ)
            if label is None:
                continue
            tok = sent.tokens[a]
            if infos is None or tok.kind != "ar":
                start = stem_start(tok, tagger)
            else:
                start = tok.start + infos[si][a].cut
            out.append(Mention(start, sent.tokens[b - 1].end, label, si, a, b))
    return out
