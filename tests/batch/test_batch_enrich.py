"""Enriching pages together (`PageProcessor.process_many`, `Pipeline.run_batch`) gives exactly what
one page at a time gives, and a failing batch falls back to pages one by one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rasd.batch.local import PageProcessor
from rasd.document import Article
from rasd.ingest.rawpage import RawPage
from rasd.ingest.sources import iter_raw_pages
from rasd.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "examples" / "corpus"


def _pages() -> list[RawPage]:
    pages = [p for p in iter_raw_pages([str(CORPUS)]) if isinstance(p, RawPage)]
    empty = RawPage(data=b"<html><body></body></html>", source="empty.html", media_type="text/html")
    return [*pages[:4], empty, *pages[4:], pages[0]]  # a reject and a repeated page inside the batch


def _layers(article: Article) -> list[Any]:
    return [(name, [(s.start, s.end, s.label, dict(s.attrs)) for s in spans]) for name, spans in sorted(article.layers.items())]


def _shape(results: list[Any]) -> list[Any]:
    return [(kind, _layers(value) if kind == "article" else value) for kind, value, _ in results]


@pytest.fixture(scope="module")
def processor() -> PageProcessor:
    return PageProcessor(True, None)


def test_batch_equals_one_by_one(processor: PageProcessor) -> None:
    pages = _pages()
    one = [processor(raw) for raw in pages]
    assert sum(kind == "article" for kind, _, _ in one) >= 5
    assert any(kind == "reject" for kind, _, _ in one)
    assert _shape(processor.process_many(pages)) == _shape(one)


def test_failing_batch_falls_back_to_single_pages(processor: PageProcessor, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = _pages()
    expected = _shape([processor(raw) for raw in pages])

    def broken(self: Pipeline, articles: list[Article]) -> list[Article]:
        raise RuntimeError("batch path broken")

    monkeypatch.setattr(Pipeline, "run_batch", broken)
    assert _shape(processor.process_many(pages)) == expected


def test_entity_stage_call_many_equals_call(processor: PageProcessor) -> None:
    from rasd.enrich.entities import make_stage

    stage = make_stage()
    articles = [r[1] for r in (processor(raw) for raw in _pages()) if r[0] == "article"]
    bare = [Article.build(a.title, [a.text[p.start : p.end] for p in a.paragraphs]) for a in articles]
    assert [_layers(a) for a in stage.call_many(bare)] == [_layers(stage(a)) for a in bare]


def test_long_run_gc_restores_the_collector() -> None:
    import gc

    from rasd.batch.local import long_run_gc

    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    with long_run_gc():
        assert gc.get_threshold() != before
        assert gc.get_freeze_count() >= frozen
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
