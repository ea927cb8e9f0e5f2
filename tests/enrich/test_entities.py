"""Entity stage: pipeline contract and the seed page's expected entities."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rasd.document import Article
from rasd.enrich.entities import make_stage
from rasd.ner.canonical import summarize_entities

SEED = "000_bdb0ef1f55d75d44"


def read_seed_article(path: Path) -> Article:
    """Headline = first line after the top label; body = lines between the views line and the album."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    views = next(i for i, line in enumerate(lines) if line.endswith("مشاهدة"))
    album = next(i for i, line in enumerate(lines) if line.startswith("البوم الصور"))
    return Article.build(lines[1], lines[views + 1 : album])


@pytest.fixture(scope="module")
def stage() -> Any:
    return make_stage()


def test_stage_contract(stage: Any) -> None:
    assert stage.name == "entities"
    assert stage.requires == ()
    assert stage.assigns == ("entities",)
    art = Article.build("زيارة الكاظمي لواشنطن", ["وصل رئيس الوزراء إلى واشنطن."])
    out = stage(art)
    assert out is not art and art.entities == ()
    assert out.text == art.text
    assert stage(art).entities == out.entities  # same input, same output


def test_seed_entities(seed_dir: Path, stage: Any) -> None:
    expected = json.loads((seed_dir / f"{SEED}.expected.json").read_text(encoding="utf-8"))
    art = stage(read_seed_article(seed_dir / f"{SEED}.txt"))
    got = {e["canonical"]: e for e in summarize_entities(art)}
    for want in expected["entities"]:
        assert want["canonical"] in got, want["canonical"]
        ent = got[want["canonical"]]
        assert ent["type"] == want["type"], want["canonical"]
        # mentions are clitic-free spans: لواشنطن is the mention واشنطن
        want_mentions = {m for m in want["mentions"] if m in art.text}
        want_mentions = {m[1:] if m.startswith("ل") and m[1:] in want_mentions else m for m in want_mentions}
        assert set(ent["mentions"]) == want_mentions, want["canonical"]
        assert ent.get("role") == want.get("role"), want["canonical"]
    assert len(got) == len(expected["entities"]), sorted(got)
    surfaces = {s.slice(art.text) for s in art.entities}
    for word in expected["not_entities"]:
        assert word not in surfaces


def test_seed_spans_exclude_clitics(seed_dir: Path, stage: Any) -> None:
    art = stage(read_seed_article(seed_dir / f"{SEED}.txt"))
    headline = [s for s in art.entities if s.end <= art.title_span.end]
    assert {(s.slice(art.text), s.label) for s in headline} >= {("الكاظمي", "PER"), ("واشنطن", "LOC")}
    surfaces = {s.slice(art.text) for s in art.entities}
    assert "لواشنطن" not in surfaces and "بمدينة الصدر" not in surfaces


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("سقطت قذائف على بلدات في ريف دمشق الشرقي صباح اليوم بحسب مصادر محلية.", "ريف دمشق"),
        ("قتل ثلاثة مدنيين جراء قصف مدفعي استهدف بلدة في ريف حلب الغربي.", "ريف حلب"),
    ],
)
def test_region_word_joins_the_place_after_it(stage: Any, sentence: str, place: str) -> None:
    out = stage(Article.build("", [sentence]))
    places = [(out.text[s.start : s.end], s.attrs["canonical"]) for s in out.entities if s.label == "LOC"]
    assert (place, place) in places
    assert ("ريف", "ريف") not in places
