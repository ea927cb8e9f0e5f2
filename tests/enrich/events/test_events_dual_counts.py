"""Killed and wounded from counts spelled without a number (duals, a singular after a casualty word).

The upstream layers come from the real sentences, times and quantities stages; places are marked by hand
(the entity stage is tested elsewhere).  Sentences written for these tests.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import pytest

from rasd.document import Article, Span
from rasd.enrich.events import find_events, load_event_lexicon
from rasd.enrich.quantities import make_stage as make_quantity_stage
from rasd.enrich.sentences import make_stage as make_sentence_stage
from rasd.enrich.times import make_stage as make_time_stage

PLACES = ("بغداد", "كركوك", "حلب", "الخليل", "إدلب", "الموصل")


@pytest.fixture(scope="module")
def rows() -> Any:
    lexicon = load_event_lexicon()
    stages = (make_sentence_stage(), make_time_stage(), make_quantity_stage())

    def run(text: str) -> list[tuple[str, int | None, int | None]]:
        article = Article.build("عنوان", [text], published=datetime(2021, 7, 26))
        places = [Span(m.start(), m.end(), "LOC", {"canonical": m.group()})
                  for p in PLACES for m in re.finditer(p, article.text)]  # fmt: skip
        article = article.with_layer("entities", places)
        for stage in stages:
            article = stage(article)
        return [(e.attrs["type"], e.attrs["killed"], e.attrs["wounded"]) for e in find_events(article, lexicon)]

    return run


CASES = [
    ("أسفر الهجوم عن مقتل جنديين وإصابة ثلاثة آخرين في بغداد", [("attack", 2, 3)]),
    ("قتل شخصان في انفجار سيارة مفخخة في كركوك", [("explosion", 2, None)]),
    ("سقط قتيلان وجريح في قصف على حلب", [("shelling", 2, 1)]),
    ("قتل مدنيان في غارة جوية على إدلب", [("air_strike", 2, None)]),
    ("أسفر هجوم مسلح في الخليل عن مقتل جندي إسرائيلي وإصابة آخر", [("attack", 1, 1)]),
    # a plural in -ين of a noun with a sound plural is no dual: عشرات المدنيين stays tens (ACLED: 10)
    ("أصيب عشرات المدنيين في قصف على الموصل", [("shelling", None, 10)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_tolls_from_duals_and_singulars(rows: Any, text: str, expected: list[tuple[str, int | None, int | None]]) -> None:
    assert rows(text) == expected
