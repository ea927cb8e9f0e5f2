"""Entity stage: PER/ORG/LOC/MISC spans with canonical names, roles and mention groups.

The headline and every paragraph are split into sentences and tagged by the shipped CRF
(`rasd.ner.tagger`); spans exclude attached clitics (``لواشنطن`` → ``واشنطن``); mentions are then
repaired and grouped into canonical entities (`rasd.ner.canonical`).  Span attrs:
``canonical`` (str), ``mention_group`` (int, same for every mention of one entity), ``role``
(str, e.g. ``وزير الخارجية الأميركي``, only when an apposition names it).
"""

from __future__ import annotations

from collections.abc import Sequence

from rasd.document import Article
from rasd.ner.canonical import resolve_entities
from rasd.ner.mentions import Sentence, find_mentions_with_infos, tokenize_sentences
from rasd.ner.tagger import Tagger

__all__ = ["EntityStage", "make_stage"]


class EntityStage:
    """``Article -> Article`` assigning the ``entities`` layer.  Loads the model once."""

    name = "entities"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("entities",)

    def __init__(self, tagger: Tagger | None = None) -> None:
        self.tagger = tagger or Tagger.load()

    def __call__(self, article: Article) -> Article:
        return self.call_many([article])[0]

    def call_many(self, articles: Sequence[Article]) -> list[Article]:
        """`__call__` of each article; their sentences are tagged in one batch (same result, less
        numpy overhead per article)."""
        sentences = [_sentences_of(a) for a in articles]
        found = find_mentions_with_infos(sentences, self.tagger)
        return [
            a.with_layer("entities", resolve_entities(a.text, sents, mentions, self.tagger, infos))
            for a, sents, (mentions, infos) in zip(articles, sentences, found, strict=True)
        ]


def _sentences_of(article: Article) -> list[Sentence]:
    text = article.text
    ranges = [(article.title_span.start, article.title_span.end)] if article.title_span.end else []
    ranges += [(p.start, p.end) for p in article.paragraphs]
    return tokenize_sentences(text, ranges)


def make_stage() -> EntityStage:
    """The pipeline factory (``rasd.enrich.entities:make_stage``)."""
    return EntityStage()
