"""Canonical entities within an article: short names, roles, aliases, clitics, acronyms."""

from __future__ import annotations

from typing import Any

import pytest

from rasd.document import Article
from rasd.enrich.entities import make_stage
from rasd.ner.canonical import summarize_entities


@pytest.fixture(scope="module")
def stage() -> Any:
    return make_stage()


def entities(stage: Any, title: str, *paras: str) -> dict[str, dict[str, Any]]:
    art = stage(Article.build(title, list(paras)))
    return {e["canonical"]: e for e in summarize_entities(art)}


def test_short_names_link_to_full_names_and_roles(stage: Any) -> None:
    got = entities(
        stage,
        "ماكرون يزور بيروت",
        "وصل الرئيس الفرنسي إيمانويل ماكرون إلى بيروت اليوم.",
        "وقال ماكرون إن فرنسا ستقف إلى جانب لبنان.",
    )
    macron = got["إيمانويل ماكرون"]
    assert macron["type"] == "PER"
    assert set(macron["mentions"]) == {"إيمانويل ماكرون", "ماكرون"}
    assert macron["role"] == "الرئيس الفرنسي"
    assert got["بيروت"]["type"] == "LOC"


def test_aliases_merge(stage: Any) -> None:
    got = entities(stage, "", "هاجم مسلحو داعش قرية في نينوى، وتبنى تنظيم الدولة الهجوم لاحقا.")
    assert set(got["داعش"]["mentions"]) == {"داعش", "تنظيم الدولة"}
    assert got["داعش"]["type"] == "ORG"


def test_role_with_two_title_words(stage: Any) -> None:
    got = entities(stage, "", "واستقبل رئيس الوزراء العراقي محمد شياع السوداني السفير.")
    assert got["محمد شياع السوداني"]["role"] == "رئيس الوزراء العراقي"


def test_no_role_across_a_speech_verb(stage: Any) -> None:
    got = entities(stage, "", "وقال الوزير إن فؤاد حسين سيزور طهران.")
    assert got["فؤاد حسين"].get("role") is None


def test_spans_index_the_text_and_exclude_clitics(stage: Any) -> None:
    art = stage(Article.build("وصول الوفد لواشنطن", ["وقال مسؤول بالعراق إن الوفد وصل."]))
    texts = {s.slice(art.text): s.label for s in art.entities}
    assert texts.get("واشنطن") == "LOC"
    assert texts.get("العراق") == "LOC"
    for s in art.entities:
        assert art.text[s.start : s.end] == s.slice(art.text)
        assert s.label in {"PER", "ORG", "LOC", "MISC"}
        assert isinstance(s.attrs["canonical"], str) and isinstance(s.attrs["mention_group"], int)


def test_latin_acronym_with_edition_is_an_organisation(stage: Any) -> None:
    got = entities(stage, "", "وقالت الشرطة في بيان تلقت CNN عربية نسخة منه إن التحقيق مستمر.")
    assert got["CNN عربية"]["type"] == "ORG"


def test_empty_article(stage: Any) -> None:
    art = stage(Article.build("", []))
    assert art.entities == ()


def test_said_to_me_is_no_person_but_a_known_li_is(stage: Any) -> None:
    """``قال لي`` is "said to me": an entity of only لي is dropped; after the whole name (a curated
    head of government here) the short لي stays linked to it."""
    story = entities(stage, "قصة", "ركض اللص نحوي وهو يحمل بندقية. وقال لي أن أجثو على الأرض.")
    assert "لي" not in story
    news = entities(stage, "", "التقى رئيس الوزراء الصيني لي كه تشيانغ المستشارة الألمانية.", "وقال لي إن البلدين سيتعاونان.")
    assert set(news["لي كه تشيانغ"]["mentions"]) == {"لي كه تشيانغ", "لي"}
