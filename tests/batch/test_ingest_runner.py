"""Ingest end to end: sample corpus, idempotent reruns, rejects, interrupted runs (Ctrl-C and kill -9)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.batch.local import ingest_paths
from rasd.storage import open_store

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "examples" / "corpus"

_WORDS = ("الحكومة", "البرلمان", "الوزير", "المدينة", "الاقتصاد", "الكهرباء", "المياه", "الطريق",
          "المستشفى", "المدرسة", "الجامعة", "السوق", "الميناء", "المطار", "الانتخابات", "الميزانية")


def write_corpus(path: Path, n: int) -> None:
    """A synthetic JSON Lines corpus of ``n`` distinct articles built from our own word list."""
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            a, b, c = _WORDS[i % 16], _WORDS[(i // 16) % 16], _WORDS[(i // 256) % 16]
            body = (
                f"أعلنت {a} في بيان رسمي أن العمل على مشروع {b} رقم {i} سيبدأ قريبا بالتعاون مع {c}.\n"
                f"وقال مسؤول إن المشروع يشمل تحسين خدمات {c} في عدة مناطق خلال العام المقبل، "
                f"مشيرا إلى أن كلفته تبلغ {i * 7 % 900 + 100} مليون دولار."
            )
            rec = {"url": f"https://example.org/n/{i}", "title": f"مشروع {b} رقم {i} في {a}", "text": body,
                   "time": "Mon, 26 Jul 2021 12:36:00 +0300", "src": "Example"}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def count_articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_sample_corpus_ingests_and_rerun_adds_nothing(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "demo.db"))
    first = ingest_paths(store, [str(CORPUS)], enrich=False)
    assert first.ingested == 6 and first.rejected == 1, first.to_dict()
    assert first.reasons["empty"] == 1
    second = ingest_paths(store, [str(CORPUS)], enrich=False)
    assert (second.ingested, second.updated, second.unchanged, second.rejected) == (0, 0, 6, 1)
    stats = store.stats()
    assert stats.articles == 6 and stats.rejects == 1


def test_pool_and_inline_runs_store_the_same_rows(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 120)
    inline, pooled = open_store(str(tmp_path / "a.db")), open_store(str(tmp_path / "b.db"))
    ingest_paths(inline, [str(corpus)], enrich=False)
    ingest_paths(pooled, [str(corpus)], enrich=False, workers=2)
    assert [a.to_dict() for a in inline.iter_articles()] == [a.to_dict() for a in pooled.iter_articles()]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes_never_crash_ingest(tmp_path: Path, data: bytes) -> None:
    page = tmp_path / "page.bin"
    page.write_bytes(data)
    store = open_store("memory://")
    summary = ingest_paths(store, [str(page)], enrich=False)
    assert summary.pages >= 1
    assert summary.ingested + summary.rejected >= 1
    for reject in store.list_rejects():
        assert reject.reason and not reject.reason.startswith("error:"), reject


def _start_ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "rasd.cli", "ingest", str(corpus), "--db", str(db), "--no-enrich",
         "--batch-size", "50", "-q", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )


def _wait_for_rows(db: Path, proc: subprocess.Popen[bytes], at_least: int) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        n = count_articles(db)
        if n >= at_least:
            return n
        if proc.poll() is not None:
            _, err = proc.communicate()
            pytest.fail(f"ingest ended before it could be interrupted: {err!r}")
        time.sleep(0.05)
    pytest.fail("ingest made no progress")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_interrupted_ingest_loses_nothing_and_rerun_finishes(tmp_path: Path, sig: signal.Signals) -> None:
    total = 20_000
    corpus = tmp_path / "big.jsonl"
    write_corpus(corpus, total)
    db = tmp_path / "crash.db"
    proc = _start_ingest(corpus, db)
    _wait_for_rows(db, proc, 300)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130, err
        assert json.loads(out)["interrupted"] is True
    else:
        assert proc.returncode == -signal.SIGKILL
    committed = count_articles(db)
    assert 300 <= committed < total, "the kill must land midway for this test to mean anything"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rerun = subprocess.run(
        [sys.executable, "-m", "rasd.cli", "ingest", str(corpus), "--db", str(db), "--no-enrich", "-q", "--json"],
        capture_output=True, check=True,
    )
    summary = json.loads(rerun.stdout)
    assert summary["ingested"] == total - committed
    assert summary["unchanged"] == committed
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT id), count(DISTINCT url) FROM articles").fetchone() == (
            total, total, total)
