"""Acceptance: the seed page reads as its expected JSON says (``page`` part, read at run time)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.extract import extract_article
from rasd.ingest import RawPage, iter_raw_pages

SEED = "000_bdb0ef1f55d75d44"


@pytest.fixture(scope="module")
def seed(seed_dir: Path) -> tuple[RawPage, dict[str, object]]:
    pages = list(iter_raw_pages([str(seed_dir / f"{SEED}.txt")]))
    assert len(pages) == 1 and isinstance(pages[0], RawPage)
    expected = json.loads((seed_dir / f"{SEED}.expected.json").read_text(encoding="utf-8"))["page"]
    return pages[0], expected


def test_seed_page_matches_expected(seed: tuple[RawPage, dict[str, object]]) -> None:
    raw, page = seed
    article = extract_article(raw)
    assert article.title == page["title"]
    assert article.published is not None
    assert article.published.isoformat() == page["published_local"]
    assert article.published_raw == page["published_raw"]
    assert article.views == page["views"]
    assert article.views_raw == page["views_raw"]
    assert article.outlet == page["outlet"]
    assert article.outlet_evidence == page["outlet_evidence"]
    assert list(article.boilerplate) == page["boilerplate"]
    paragraphs = article.paragraph_texts
    assert len(paragraphs) == page["body_paragraph_count"]
    assert paragraphs[0].startswith(str(page["body_first_paragraph_starts"]))
    assert paragraphs[-1].startswith(str(page["body_last_paragraph_starts"]))


def test_seed_text_keeps_page_characters(seed: tuple[RawPage, dict[str, object]]) -> None:
    raw, _ = seed
    article = extract_article(raw)
    source = raw.data.decode("utf-8")
    for paragraph in article.paragraph_texts:
        assert paragraph in source  # nothing normalized: tatweel, quotes and spelling as published
    assert "بـ\"دعم" in article.text
    assert article.source == raw.source
    assert article.id == extract_article(raw).id
