"""The CLI: one-line errors and non-zero exits for bad input, JSON on request."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rasd.cli", *args], capture_output=True, text=True)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "/no/such/dir"], "no such file or directory"),
        (["parse", "/no/such/file.txt"], "no such file or directory"),
        (["ingest", "--workers", "zero", "x"], "positive integer"),
        (["frobnicate"], "invalid choice"),
        (["show", "abc", "--db", "/no/such/archive.db"], "no archive"),
        (["list", "--db", "mongodb://x"], "unknown store URL"),
    ],
)
def test_bad_input_is_one_line_and_nonzero(args: list[str], message: str) -> None:
    proc = run(*args)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr


def test_ingest_list_show_export_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "t.db")
    assert main(["ingest", str(CORPUS), "--db", db, "--no-enrich", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["ingested"] == 6 and summary["rejected"] == 1
    assert main(["list", "--db", db, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 6
    assert main(["show", rows[0]["id"][:10], "--db", db, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["id"] == rows[0]["id"]
    assert main(["show", rows[0]["id"], "--db", db, "--raw"]) == 0
    capsys.readouterr()
    out = tmp_path / "x.csv"
    assert main(["export", "--db", db, "--format", "csv", "-o", str(out)]) == 0
    assert out.read_text("utf-8").count("https://example.org/news/") == 3
    assert main(["stats", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 6
    assert main(["list", "--db", db, "--rejects", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["reason"] == "empty"


def test_show_unknown_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "t.db")
    main(["ingest", str(CORPUS / "feed.jsonl"), "--db", db, "--no-enrich", "-q"])
    capsys.readouterr()
    assert main(["show", "0000000000000000", "--db", db]) == 2
    assert "no article with id" in capsys.readouterr().err


def test_name_lookups_fold_arabic_spelling(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``rasd entity اربيل`` finds أربيل; speaker and location filters fold the same way; output keeps
    the names as stored."""
    from rasd.document import Article, Span
    from rasd.storage import open_store

    erbil, speaker = "أربيل", "الكاظمي"
    a = Article.build(f"اشتباك قرب {erbil}", [f"وقال {speaker} إن القوات تتقدم"], url="https://e.com/cli/1")
    e, q = a.text.index(erbil), a.text.index("القوات تتقدم")
    a = a.with_layer("entities", [Span(e, e + len(erbil), "LOC", {"canonical": erbil})])
    a = a.with_layer("quotes", [Span(q, q + 12, "quote", {"speaker": speaker})])
    a = a.with_layer("events", [Span(0, 6, "clash", {"type": "clash", "locations": [erbil]})])
    db = str(tmp_path / "f.db")
    store = open_store(db)
    store.put_articles([(a, None)])
    store.close()
    capsys.readouterr()
    assert main(["entity", "اربيل", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["canonical"] == erbil
    assert main(["quotes", "--speaker", "الكاظمى", "--db", db, "--json"]) == 0
    assert [r["speaker"] for r in json.loads(capsys.readouterr().out)] == [speaker]
    assert main(["events", "--location", "إربيل", "--db", db, "--format", "json"]) == 0
    assert [r["trigger"] for r in json.loads(capsys.readouterr().out)] == ["اشتباك"]
    assert main(["entity", "اربيلي", "--db", db]) != 0
    assert "no entity named" in capsys.readouterr().err


def test_upgrade_brings_an_older_archive_up_to_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasd.storage import migrations, open_store

    db = str(tmp_path / "old.db")
    with monkeypatch.context() as m:
        m.setattr(migrations, "LATER_MIGRATIONS", ())  # an archive as the first rasd wrote it
        open_store(db).close()
    assert main(["stats", "--db", db]) == 1  # read-only commands say how to upgrade
    err = capsys.readouterr().err
    assert f"run `rasd upgrade --db {db}` once" in err
    assert main(["upgrade", "--db", db]) == 0
    assert capsys.readouterr().out.strip() == f"{db}: upgraded to this rasd's schema"
    assert main(["stats", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 0
    assert main(["upgrade", "--db", db]) == 0
    assert capsys.readouterr().out.strip() == f"{db}: already up to date"


def test_upgrade_does_not_create_an_archive(tmp_path: Path) -> None:
    proc = run("upgrade", "--db", str(tmp_path / "none.db"))
    assert proc.returncode != 0 and "no archive" in proc.stderr
    assert not (tmp_path / "none.db").exists()
