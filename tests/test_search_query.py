"""Table tests for the search query parser (rasd.search): pure, no database."""

from __future__ import annotations

import contextlib
import re
from datetime import date

import pytest

from rasd.errors import QueryError
from rasd.search import And, Not, Or, Phrase, Term, is_plain_conjunction, parse_query, positive_terms


@pytest.mark.parametrize(
    ("text", "expr"),
    [
        ("واشنطن", Term("واشنطن")),
        ("واشنطن طهران", And((Term("واشنطن"), Term("طهران")))),
        ("واشنطن AND طهران", And((Term("واشنطن"), Term("طهران")))),
        ("واشنطن و طهران", And((Term("واشنطن"), Term("طهران")))),
        ("واشنطن OR طهران", Or((Term("واشنطن"), Term("طهران")))),
        ("واشنطن أو طهران", Or((Term("واشنطن"), Term("طهران")))),
        ("واشنطن | طهران", Or((Term("واشنطن"), Term("طهران")))),
        ("NOT طهران", Not(Term("طهران"))),
        ("ليس طهران", And((Term("ليس"), Term("طهران")))),
        ("السودان ليس سريا", And((Term("السودان"), Term("ليس"), Term("سريا")))),
        ("واشنطن -طهران", And((Term("واشنطن"), Not(Term("طهران"))))),
        ('"البيت الأبيض"', Phrase(("البيت", "الأبيض"))),
        ("«البيت الأبيض»", Phrase(("البيت", "الأبيض"))),
        ("انتخ*", Term("انتخ", prefix=True)),
        (
            "(ترامب OR بوتين) قمة",
            And((Or((Term("ترامب"), Term("بوتين"))), Term("قمة"))),
        ),
        ("a OR b c", And((Or((Term("a"), Term("b"))), Term("c")))),
        ("NEAR(a b)", And((Term("NEAR"), And((Term("a"), Term("b")))))),
    ],
)
def test_parse(text: str, expr: object) -> None:
    assert parse_query(text).expr == expr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ('"غير مغلق', "unclosed quote"),
        ("(واشنطن", "unclosed parenthesis"),
        ("واشنطن)", "unexpected ')'"),
        ("()", "empty parentheses"),
        ('""', "empty quotes"),
        ("OR واشنطن", "needs a word before"),
        ("واشنطن OR", "needs a word after"),
        ("واشنطن AND", "needs a word after"),
        ("NOT", "needs a word after"),
        ("*", "at least two letters"),
        ("ا*", "at least two letters"),
        ("وا*شنطن", "may only end a word"),
        ("x" * 1001, "too long"),
        (" ".join(["كلمة"] * 65), "too many words"),
        ("a\x00b", "NUL"),
    ],
)
def test_malformed_queries_raise_query_error(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=re.escape(message)):
        parse_query(text)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 5000}, "limit"),
        ({"offset": -1}, "offset"),
        ({"sort": "views"}, "sort"),
        ({"semantics": "xor"}, "semantics"),
        ({"date_from": "yesterday"}, "not a date"),
        ({"date_from": "2018-03-01", "date_to": "2018-02-01"}, "after"),
    ],
)
def test_bad_options_raise_query_error(options: dict[str, object], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse_query("واشنطن", **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("2018", False, date(2018, 1, 1)),
        ("2018", True, date(2018, 12, 31)),
        ("2018-02", True, date(2018, 2, 28)),
        ("2018-12", True, date(2018, 12, 31)),
        ("2018-02-26", False, date(2018, 2, 26)),
        ("2018-02-26T10:00:00+00:00", False, date(2018, 2, 26)),
    ],
)
def test_dates(value: str, end: bool, expected: date) -> None:
    q = parse_query("x", date_to=value) if end else parse_query("x", date_from=value)
    assert (q.date_to if end else q.date_from) == expected


def test_filters_and_paging_are_kept() -> None:
    q = parse_query("واشنطن", outlet=["BBC", "CNN"], category="sport", sort="date", limit=5, offset=10)
    assert q.outlets == ("BBC", "CNN")
    assert q.categories == ("sport",)
    assert (q.sort, q.limit, q.offset) == ("date", 5, 10)


def test_plain_conjunction_and_positive_terms() -> None:
    assert is_plain_conjunction(parse_query("ترامب بوتين -موسكو").expr)
    assert not is_plain_conjunction(parse_query("ترامب OR بوتين").expr)
    assert positive_terms(parse_query("ترامب -بوتين").expr) == [Term("ترامب")]


@pytest.mark.parametrize(
    "text",
    [
        "'; DROP TABLE articles; --",
        'title:"x" OR 1=1',
        "NEAR(واشنطن طهران, 2)",
        "{title}: واشنطن",
        "^واشنطن",
        "واشنطن + طهران",
        "٪؛،؟",
        "\u200f\u200e",
    ],
)
def test_hostile_strings_parse_or_fail_cleanly(text: str) -> None:
    with contextlib.suppress(QueryError):
        parse_query(text)
