from __future__ import annotations

import pickle
from datetime import datetime

import pytest

from rasd.document import Article, Span, canonical_url, make_article_id


def sample() -> Article:
    a = Article.build(
        "زيارة الكاظمي لواشنطن",
        ["الفقرة الأولى", "الفقرة الثانية"],
        url="https://www.example.com/a/?utm_source=x",
        published=datetime(2021, 7, 26, 12, 36),
        views=3084,
        outlet="NRT عربية",
    )
    return a.with_layer("entities", [Span(15, 21, "LOC", {"canonical": "واشنطن"})])


def test_build_lays_out_title_and_paragraphs() -> None:
    a = sample()
    assert a.title == "زيارة الكاظمي لواشنطن"
    assert a.paragraph_texts == ["الفقرة الأولى", "الفقرة الثانية"]
    assert a.text == "زيارة الكاظمي لواشنطن\n\nالفقرة الأولى\n\nالفقرة الثانية"
    assert a.entities[0].slice(a.text) == "واشنطن"


def test_json_and_pickle_round_trip() -> None:
    a = sample()
    assert Article.from_json(a.to_json()) == a
    assert pickle.loads(pickle.dumps(a)) == a
    assert a.to_dict()["layers"]["entities"][0]["text"] == "واشنطن"


def test_ids_are_deterministic() -> None:
    assert sample().id == sample().id
    assert make_article_id("https://example.com/a", "x") == make_article_id("http://www.EXAMPLE.com/a/#top", "y")
    assert make_article_id(None, "نص  الخبر") == make_article_id(None, "نص الخبر")
    assert canonical_url("https://www.example.com/a/?utm_source=x&id=3") == "https://example.com/a?id=3"


def test_layers_are_immutable_and_checked() -> None:
    a = sample()
    b = a.with_layer("times", [])
    assert "times" not in a.layers and "times" in b.layers
    with pytest.raises(TypeError):
        a.layers["x"] = ()  # type: ignore[index]
    with pytest.raises(ValueError, match="outside the text"):
        a.with_layer("entities", [Span(0, 10_000, "LOC")])
    with pytest.raises(ValueError):
        Span(5, 2)
