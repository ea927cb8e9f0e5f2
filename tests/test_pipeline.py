from __future__ import annotations

from dataclasses import dataclass

import pytest

from rasd.document import Article, Span
from rasd.enrich.sentences import make_stage
from rasd.errors import RasdError
from rasd.pipeline import Pipeline


@dataclass(frozen=True)
class NeedsEntities:
    name: str = "needs"
    requires: tuple[str, ...] = ("entities",)
    assigns: tuple[str, ...] = ("x",)

    def __call__(self, article: Article) -> Article:
        return article.with_layer("x", [Span(0, 1, "x")])


def test_misordered_pipeline_fails_at_build_time() -> None:
    with pytest.raises(RasdError, match="requires \\['entities'\\]"):
        Pipeline((make_stage(), NeedsEntities()))


def test_sentence_stage_covers_title_and_paragraphs() -> None:
    a = Article.build("عنوان الخبر", ["جملة أولى. جملة ثانية؟", "فقرة ثانية"])
    out = Pipeline((make_stage(),))(a)
    assert [s.slice(out.text) for s in out.sentences] == ["عنوان الخبر", "جملة أولى.", "جملة ثانية؟", "فقرة ثانية"]
    assert a.sentences == ()  # the input is not mutated
