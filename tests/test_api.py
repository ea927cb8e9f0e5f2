"""The public API of DESIGN.md, end to end on the seed page and on team-written pages."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

import rasd

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def test_read_seed_page_end_to_end(seed_dir: Path) -> None:
    expected = json.loads((seed_dir / "000_bdb0ef1f55d75d44.expected.json").read_text("utf-8"))
    article = rasd.read((seed_dir / "000_bdb0ef1f55d75d44.txt").read_bytes())
    page = expected["page"]
    assert article.title == page["title"]
    assert article.published == datetime.fromisoformat(page["published_local"])
    assert (article.views, article.outlet) == (page["views"], page["outlet"])
    assert len(article.paragraphs) == page["body_paragraph_count"]
    canonical = {(s.attrs["canonical"], s.label) for s in article.entities}
    assert {(e["canonical"], e["type"]) for e in expected["entities"]} <= canonical
    values = {article.text[s.start : s.end].strip("،, "): s.attrs.get("value") for s in article.times}
    for t in expected["time_expressions"]:
        assert values[t["text"].strip("،, ")] == t.get("value", t.get("duration"))
    assert len(article.quotes) == len(expected["quotes"])
    assert sorted(e.attrs["type"] for e in article.events) == sorted(e["type"] for e in expected["events"])
    for span in (*article.entities, *article.times, *article.quantities, *article.quotes, *article.events):
        assert 0 <= span.start < span.end <= len(article.text)


def test_read_gives_a_specific_reason_for_junk() -> None:
    with pytest.raises(rasd.RejectedPage) as info:
        rasd.read(b"\x00\x01\x02\x03" * 500)
    assert info.value.reason in {"undecodable", "empty", "not_article"}


def test_read_honours_published_override_and_windows_1256() -> None:
    data = (CORPUS / "beirut-meeting-cp1256.txt").read_bytes()
    when = datetime(2023, 5, 11, 9, 0)
    article = rasd.read(data, published=when, enrich=False)
    assert article.published == when
    assert article.title.startswith("وزير الطاقة اللبناني")


def test_find_times_resolves_against_reference() -> None:
    spans = rasd.find_times("وقع الهجوم أمس في بغداد", datetime(2021, 7, 26, 12, 0))
    assert [s.attrs["value"] for s in spans] == ["2021-07-25"]


def test_tag_entities_returns_iob2_per_token() -> None:
    tokens = ["وقال", "وزير", "الخارجية", "أنتوني", "بلينكن", "في", "واشنطن"]
    tags = rasd.tag_entities(tokens)
    assert len(tags) == len(tokens)
    assert all(t == "O" or t[:2] in {"B-", "I-"} for t in tags)
    assert tags[-1] == "B-LOC"


def test_open_store_round_trip(tmp_path: Path) -> None:
    store = rasd.open_store(str(tmp_path / "a.db"))
    article = rasd.read((CORPUS / "basra-protest.txt").read_bytes())
    store.put_articles([(article, None)])
    stored = store.get_article(article.id)
    assert stored is not None and stored.to_dict() == article.to_dict()  # attrs are JSON values
