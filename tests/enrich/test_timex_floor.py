"""Accuracy floor (CI gate) on the Recognizers/Duckling regression suite of benchmarks/timex_eval.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "timex_eval.py"
FLOOR = 0.86  # news-relevant pass rate measured at 0.867 (round 3); a drop below the floor is a regression


def _load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("timex_eval_for_floor", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_news_relevant_pass_rate_floor(shared_data: Path) -> None:
    bench = _load_benchmark()
    cases = [c for c in bench.load_cases() if c["category"] in bench.NEWS_RELEVANT]
    outputs, _ = bench.run_rasd(cases)
    passed = sum(bench.case_passes(c, o) for c, o in zip(cases, outputs, strict=True))
    assert passed / len(cases) >= FLOOR
