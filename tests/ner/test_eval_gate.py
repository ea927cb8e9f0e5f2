"""CI gate: dev-split F1 (conlleval exact span) must not drop below pinned floors.

Scores the shipped dev-split model (``rasd/data/ner/dev/``: the shipped design trained on the
first 90% of ANERcorp train by ``scripts/train_ner.py --dev``) on the last 10%: a few seconds.
It fails when the feature code, lexicon or gazetteers drift from what the model was trained with
(retrain both models) or when a retrained model is worse.  Floors sit a little under the figures
measured by ``benchmarks/ner_eval.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rasd.ner.evaluation import evaluate_dev

# measured (benchmarks/results/ner_eval.json): overall .730, LOC .852, PERS .753, ORG .624, MISC .517;
# document level (tag_document on 10-sentence runs) .736
FLOORS = {"overall": 0.715, "LOC": 0.835, "PERS": 0.735, "ORG": 0.605, "MISC": 0.495}
DOCUMENT_FLOOR = 0.72


@pytest.fixture(scope="module")
def dev_result(shared_data: Path) -> dict[str, Any]:
    if not (shared_data / "anercorp").is_dir():
        pytest.skip("ANERcorp not present")
    return evaluate_dev(shared_data)


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_dev_f1_floor(dev_result: dict[str, Any], kind: str) -> None:
    f1 = dev_result["scores"][kind]["f1"]
    assert f1 >= FLOORS[kind], f"{kind} dev F1 {f1:.4f} fell below the floor {FLOORS[kind]}"


def test_dev_document_f1_floor(dev_result: dict[str, Any]) -> None:
    f1 = dev_result["document_scores"]["overall"]["f1"]
    assert f1 >= DOCUMENT_FLOOR, f"document-level dev F1 {f1:.4f} fell below the floor {DOCUMENT_FLOOR}"
