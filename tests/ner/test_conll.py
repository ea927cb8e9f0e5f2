"""conlleval-style span extraction and scoring, CoNLL reading and the dev split."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.ner.conll import read_conll, score_spans, spans_of, split_dev


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PERS", "I-PERS", "O", "B-LOC"], [(0, 2, "PERS"), (3, 4, "LOC")]),
        (["I-ORG", "I-ORG"], [(0, 2, "ORG")]),  # stray I- starts a span
        (["B-LOC", "B-LOC"], [(0, 1, "LOC"), (1, 2, "LOC")]),
        (["B-LOC", "I-ORG"], [(0, 1, "LOC"), (1, 2, "ORG")]),  # type change ends the span
        (["O", "O"], []),
    ],
)
def test_spans_of(tags: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert spans_of(tags) == spans


def test_score_spans_counts_exact_matches_only() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    pred = [["B-PERS", "O", "O", "B-LOC"]]  # PERS boundary wrong
    s = score_spans(gold, pred)
    assert s["LOC"]["f1"] == 1.0
    assert s["PERS"]["f1"] == 0.0
    assert s["overall"]["precision"] == 0.5 and s["overall"]["recall"] == 0.5


def test_read_conll_and_split(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("بغداد B-LOC\nقال O\n\nجو B-PERS\nبايدن I-PERS\n\nو O\n", encoding="utf-8")
    sents = read_conll(path)
    assert sents[0] == (["بغداد", "قال"], ["B-LOC", "O"])
    assert len(sents) == 3
    train, dev = split_dev(sents, 1 / 3)
    assert (len(train), len(dev)) == (2, 1) and dev[0][0] == ["و"]
