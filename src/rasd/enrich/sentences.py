"""Sentence layer: sentence spans within the headline and each paragraph."""

from __future__ import annotations

from dataclasses import dataclass

from rasd.arabic.tokenize import split_sentences
from rasd.document import Article, Span


@dataclass(frozen=True)
class SentenceStage:
    name: str = "sentences"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("sentences",)

    def __call__(self, article: Article) -> Article:
        blocks = [article.title_span, *article.paragraphs] if article.title_span.end else list(article.paragraphs)
        spans = [
            Span(a, b, "sentence")
            for block in blocks
            for a, b in split_sentences(article.text, block.start, block.end)
        ]
        return article.with_layer("sentences", spans)


def make_stage() -> SentenceStage:
    return SentenceStage()
