"""The time pattern, its first-word guard and the sparse offset map (rasd.arabic.time_patterns)."""

from __future__ import annotations

import gzip
import json
from itertools import islice
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.arabic.normalize import normalize_with_offsets
from rasd.arabic.time_patterns import fold_with_offsets, time_regex

ARABIC_WITH_MARKS = st.text(
    alphabet=st.sampled_from([*list('عامِ ٢٠١٤ بـ"دَعم ﻻ أإآ ى ة 0123 ًٌٍَُِّْ\u200fـ قالَ'), "\n"]), max_size=60
)


@given(ARABIC_WITH_MARKS)
@settings(max_examples=300, deadline=None)
def test_fold_matches_normalize_with_offsets(text: str) -> None:
    folded, full = fold_with_offsets(text), normalize_with_offsets(text)
    assert folded.text == full.text
    for a in range(len(full.text) + 1):
        for b in (a, min(a + 1, len(full.text)), min(a + 5, len(full.text))):
            assert folded.to_original(a, b) == full.to_original(a, b)


SENTENCES = [
    "قال الرئيس، الاثنين 26 تموز 2021، إن الهجوم وقع منذ أسبوع في سوق شعبي",
    "من 4 إلى 22 يناير 1995 وبين عامي 2014 و2018",
    "الساعة العاشرة من مساء أمس، وخلال الساعات الـ24 الماضية",
    "أول جمعة من رمضان، والربع الثالث من عام 2016، وسبعينيات القرن الماضي",
    "يونيو2017 ووصل يوم الخميس الماضي وكل يوم اثنين",
    "فؤاد حسين ومارس الضغط في لقائه الأول",
]


def _matches(pattern: object, text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", SENTENCES)
def test_guard_keeps_the_matches(text: str) -> None:
    norm = fold_with_offsets(text).text
    assert _matches(time_regex(), norm) == _matches(time_regex(guard=False), norm)


def test_guard_keeps_the_matches_on_news(shared_data: Path) -> None:
    files = sorted((shared_data / "ant-corpus").glob("*.jsonl.gz"))
    if not files:
        pytest.skip("no ANT corpus")
    differing = []
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in islice(f, 60):
                record = json.loads(line)
                norm = fold_with_offsets(f"{record.get('title') or ''}\n\n{record.get('text') or ''}").text
                if _matches(time_regex(), norm) != _matches(time_regex(guard=False), norm):
                    differing.append(norm[:80])
    assert differing == []
