"""``rasd search`` and ``rasd reindex`` over a small archive of fixture articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.cli import main
from rasd.document import Article

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "search" / "articles.json"


@pytest.fixture()
def archive(tmp_path: Path) -> str:
    from rasd.storage import open_store

    path = str(tmp_path / "a.db")
    store = open_store(path)
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    store.put_articles(
        [
            (
                Article.build(
                    r["title"], r["body"], url=f"https://example.test/{r['key']}", outlet=r["outlet"]
                ),
                None,
            )
            for r in rows
        ]
    )
    store.close()
    return path


def test_search_prints_headline_outlet_and_snippet(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "واشنطن", "--db", archive]) == 0
    out = capsys.readouterr().out
    assert "1 result for «واشنطن», 1–1:" in out
    assert "بلينكن يصل لواشنطن بعد جولة في المنطقة" in out
    assert "وكالة أ" in out


def test_search_json(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "الأمريكية", "--db", archive, "--json", "--limit", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["hits"][0]["title"] == "الشركات الأمريكية تستثمر في التكنولوجيا"
    hit = data["hits"][0]
    assert [hit["title"][a:b] for a, b in hit["title_highlights"]] == ["الأمريكية"]


@pytest.mark.parametrize("query", ['"غير مغلق', "(واشنطن", "OR", "*"])
def test_bad_query_is_one_line_and_exit_2(
    archive: str, query: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", query, "--db", archive]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rasd: bad query:") and err.count("\n") == 1


def test_bad_date_is_exit_2(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "واشنطن", "--db", archive, "--from", "amis"]) == 2


def test_no_results(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "كوكب", "--db", archive]) == 0
    assert "no results" in capsys.readouterr().out


def test_reindex(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reindex", "--db", archive]) == 0
    assert "9 articles" in capsys.readouterr().out
    assert main(["search", "داعش", "--db", archive]) == 0
    assert "تنظيم دَاعِش" in capsys.readouterr().out
