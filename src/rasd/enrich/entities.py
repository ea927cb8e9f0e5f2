"""Entity stage: PER/ORG/LOC/MISC spans with canonical names, roles and mention groups.

The headline and every paragraph are split into sentences and tagged by the shipped CRF
(`rasd.ner.tagger`); spans exclude attached clitics (``لواشنطن`` → ``واشنطن``); mentions are then
repaired and grouped into canonical entities (`rasd.ner.canonical`).  Span attrs:
``canonical`` (str), ``mention_group`` (int, same for every mention of one entity), ``role``
(str, e.g. ``وزير الخارجية الأميركي``, only when an apposition names it).
"""

from __future__ import annotations

from rasd.document import Article
from rasd.ner.canonical import resolve_entities
from rasd.ner.mentions import find_mentions, tokenize_sentences
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
        text = article.text
        ranges = [(article.title_span.start, article.title_span.end)] if article.title_span.end else []
        ranges += [(p.start, p.end) for p in article.paragraphs]
        sentences = tokenize_sentences(text, ranges)
        mentions = find_mentions(sentences, self.tagger)
        spans = resolve_entities(text, sentences, mentions, self.tagger)
        return article.with_layer("entities", spans)


def make_stage() -> EntityStage:
    """The pipeline factory (``rasd.enrich.entities:make_stage``)."""
    return EntityStage()
