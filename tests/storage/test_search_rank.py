"""Headline evidence for re-ranking (rasd.storage.search_rank): table tests on team-written headlines."""

from __future__ import annotations

import pytest

from rasd.arabic.analyze import load_search_analyzer
from rasd.search import parse_query
from rasd.storage.search_rank import (
    HeadlineMatch,
    analyze_query_words,
    headline_score,
    match_headline,
    rerank_hits,
)

A = load_search_analyzer()

MATCHES = [
    # query, headline, (matched, stops, exact, in_order, length)
    ("المستوطنون يحرقون", "المستوطنون يحرقون مسجدا في الضفة", (2, 0, 2, True, 4)),
    ("المستوطنون يحرقون", "مستوطنون يحرقون محاصيل بالخليل", (2, 0, 1, True, 4)),
    ("واشنطن طهران", "طهران تحذر واشنطن", (2, 0, 2, False, 3)),
    ("واشنطن طهران", "وفد لواشنطن", (1, 0, 0, False, 2)),
    ("الأمريكية العقوبات", "العقوبات الأميركية على إيران", (2, 0, 1, False, 3)),
    ("تركيا أنها خاشقجي", "تركيا تكشف أنها فتحت تحقيقا في اختفاء خاشقجي", (2, 1, 2, True, 6)),
    ("تركيا أنها خاشقجي", "تركيا تبلغ أمريكا بتسجيلات خاشقجي", (2, 0, 2, True, 5)),
    ("داعِش", "هزيمة داعش", (1, 0, 1, False, 2)),
]


@pytest.mark.parametrize(("query", "headline", "expected"), MATCHES)
def test_match_headline(query: str, headline: str, expected: tuple[int, int, int, bool, int]) -> None:
    m = match_headline(analyze_query_words(parse_query(query), A), headline, A)
    assert (m.matched, m.stops, m.exact, m.in_order, m.length) == expected


ORDERED = [
    # query, better headline, worse headline
    ("المستوطنون يحرقون", "المستوطنون يحرقون مسجدا في الضفة", "مستوطنون يحرقون محاصيل زراعية بالخليل"),
    ("انتخابات أرقام", "الانتخابات التركية: أرقام وحقائق", "أرقام جديدة عن البطالة قبل انتخابات البلدية في تونس"),
    ("واشنطن طهران", "واشنطن تحذر طهران", "طهران تحذر واشنطن"),
    ("واشنطن طهران", "واشنطن تحذر طهران", "واشنطن تفرض عقوبات"),
    ("تركيا أنها خاشقجي", "تركيا تكشف أنها تحقق في خاشقجي", "تركيا تبلغ أمريكا بتسجيلات خاشقجي"),
    # every word typed, the stop word too, outweighs a shorter headline without it
    ("عليها قبالة", "سر سفينة الأشباح التي عثر عليها قبالة سواحل ميانمار الغربية بعد اختفائها لسنوات", "غرق سفينة تركية قبالة كرواتيا"),
]


@pytest.mark.parametrize(("query", "better", "worse"), ORDERED)
def test_headline_score_orders(query: str, better: str, worse: str) -> None:
    qw = analyze_query_words(parse_query(query), A)
    assert headline_score(match_headline(qw, better, A)) > headline_score(match_headline(qw, worse, A))


def test_no_evidence_is_neutral() -> None:
    assert headline_score(HeadlineMatch(2, 0, 0, 0, 0, False, 7)) == 1.0
    assert headline_score(HeadlineMatch(0, 1, 0, 1, 0, False, 7)) == 1.0


def test_rerank_moves_headline_match_up_and_keeps_ties_stable() -> None:
    qw = analyze_query_words(parse_query("واشنطن طهران"), A)
    titles = {1: "قمة في جنيف", 2: "واشنطن تحذر طهران", 3: "قمة في جنيف"}
    out = rerank_hits([(1, 3.0), (3, 3.0), (2, 2.0)], titles, qw, A)
    assert [pk for pk, _ in out] == [2, 1, 3]


def test_rerank_without_content_words_is_identity() -> None:
    qw = analyze_query_words(parse_query("أين"), A)
    ranked = [(1, 2.0), (2, 1.0)]
    assert rerank_hits(ranked, {1: "x", 2: "أين"}, qw, A) == ranked


def test_prefix_terms_are_left_out() -> None:
    qw = analyze_query_words(parse_query("انتخ* تركيا"), A)
    assert [w.exact for w in qw.words] == ["تركيا"]
