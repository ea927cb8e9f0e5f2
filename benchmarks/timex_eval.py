"""Arabic date/time/number regression suite: rasd vs dateparser vs puckling, side by side.

Run:  .venv/bin/python benchmarks/timex_eval.py
      (puckling, optional: ``PYENV_VERSION=3.13.0 python3.13 -m pip install puckling`` once; it runs in a
      Python 3.13 subprocess and is skipped cleanly when absent)
Data: ../shared/data/recognizers-text-arabic/Specs (MIT) and ../shared/data/duckling-arabic (BSD).
Writes benchmarks/results/timex_eval.json and prints a markdown table.

Scoring.  Every system's output is reduced to canonical value strings (TIMEX values such as
``2016-11-08``, ``2016-W45``, ``P3M``, ``T15:30``; ``num:2500``, ``pct:20``, ``money:dollars:10``).  A case
passes when every expected value is among the system's values (``X`` in an expected TIMEX matches any
digit, so ``XXXX-10-02`` accepts either resolution); a case with no expected result passes when the
system returns no value of that dimension.  Span boundaries are ignored (upstream marks them loose).
A Recognizers result also accepts upstream's own past or future resolution (`_resolved_alternatives`:
``XXXX-07-WXX-5-#1`` → 2016-07-01, a week of a month ``2016-11-W03`` → its ISO week), and intervals
are compared by their two ends, not the duration upstream writes beside them (it counts 4..22 as P18D
but 7..30 as P24D).  Both were added in the scoring fix noted in the results file (``scoring_notes``).
Only the parser/model specs (which carry values) are used; extractor-only specs are not.
Duckling's cases resolve a bare weekday or a day and month to the *next* one; rasd resolves them by the
news convention (the nearest past one) unless told otherwise, so its Duckling cases are run with
``find_times(..., prefer="future")`` — the convention that test set states — and the Recognizers cases
with the default.  Ranges (``value``..``end``), windows (``begin``..``end``), decades and quarters are
also written as Recognizers' intervals (``(2016-11-04,2016-11-22,P18D)``) so they can be compared.

The number categories (Recognizers NumberModel, Duckling Numeral) are run in rasd's standalone phrase
mode (``find_quantities(text, phrase=True)``): their task is reading the numbers a phrase spells, where
the news reading deliberately drops a lone ``واحد``/``ست``, a bare ``2000`` (a year) or a ``3/4`` (a date).

News-relevant categories (the goal: >= 90 % right): ``date`` (absolute and relative days, months,
years: Recognizers DateParser, Duckling time with a day/week/month/year grain), ``date_period``
(Recognizers DatePeriodParser: last week, this month, ranges), ``duration`` and ``number``
(Recognizers NumberModel, Duckling Numeral).  Times of day, sets, holidays, ordinals, percentages,
money and ranges are reported but not in the goal.  Many Recognizers cases are machine translations
from English marked unsupported upstream: they show gaps, they are not special-cased.

Disputed cases.  ``benchmarks/timex_disputed.tsv`` lists the failing news-relevant cases the team judges
suite errors (31 November, 322 ألف = 32,200) or conventions wrong for Arabic news (day/month order, a bare
day number), each with a one-line reason, keyed by a hash of category and text.  The results give
``news_relevant_pass_rate`` over every case (the figure of record) and, beside it,
``news_relevant_pass_rate_excluding_disputed``; ``disputed`` lists the cases with their reasons.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
RESULTS = ROOT / "benchmarks" / "results" / "timex_eval.json"
#: Failing cases the team judges suite errors or conventions wrong for news, one reason each.
DISPUTED = ROOT / "benchmarks" / "timex_disputed.tsv"
LOCAL_TEXTS = ROOT / "benchmarks" / "results" / "timex_eval.cases.local.json"
NEWS_RELEVANT = ("date", "date_period", "duration", "number")
#: Categories scored with ``find_quantities(..., phrase=True)``: the text is a number phrase, so a lone
#: ``واحد``, a year-like ``2000``, ratios (``واحد على ثلاثة``) and digit fractions (``3/4``) are numbers.
PHRASE_CATEGORIES = {"number", "number_eg"}
TIME_CATEGORIES = {"date", "date_period", "duration", "time", "time_period", "datetime", "datetime_period",
                   "set", "holiday", "merged"}  # fmt: skip

RECOGNIZERS = {
    "DateTime/Arabic/DateParser.json": "date",
    "DateTime/Arabic/DatePeriodParser.json": "date_period",
    "DateTime/Arabic/DurationParser.json": "duration",
    "DateTime/Arabic/TimeParser.json": "time",
    "DateTime/Arabic/TimePeriodParser.json": "time_period",
    "DateTime/Arabic/DateTimeParser.json": "datetime",
    "DateTime/Arabic/DateTimePeriodParser.json": "datetime_period",
    "DateTime/Arabic/SetParser.json": "set",
    "DateTime/Arabic/HolidayParser.json": "holiday",
    "DateTime/Arabic/DateTimeModel.json": "merged",
    "Number/Arabic/NumberModel.json": "number",
    "Number/Arabic/NumberRangeModel.json": "number_range",
    "Number/Arabic/OrdinalModel.json": "ordinal",
    "Number/Arabic/PercentModel.json": "percent",
}
#: Quantity qualifiers as Recognizers' open intervals (أكثر من 30 → (30,)).
RANGE_QUALIFIERS = {"more_than": "({},)", "at_least": "[{},)", "less_than": "(,{})", "at_most": "(,{}]"}
CURRENCIES = {"Dollar": "dollars", "EUR": "euros", "Pound": "pounds", "GBP": "pounds", "Cent": "cents",
              "AED": "dirhams", "SAR": "riyals", "KWD": "dinars", "JOD": "dinars", "EGP": "pounds"}  # fmt: skip
GRAINS = {"Second": "minute", "Minute": "minute", "Hour": "hour", "Day": "day", "Week": "week",
          "Month": "month", "Quarter": "month", "Year": "year"}  # fmt: skip
DURATION_UNITS = {"Second": "PT{}S", "Minute": "PT{}M", "Hour": "PT{}H", "Day": "P{}D", "Week": "P{}W",
                  "Month": "P{}M", "Year": "P{}Y"}  # fmt: skip


SCORING_NOTES = [
    "2026-11-29: a Recognizers case also accepts upstream's own PastResolution/FutureResolution (a date, or "
    "a startDate..endDate written as its ISO week, month or year, else as (start,end)); before, a TIMEX with no "
    "ISO form (XXXX-07-WXX-5-#1, 2016-11-W03) could not be matched by any system that resolves it.",
    "2026-11-29: intervals are compared by their ends only; upstream's duration beside them is counted "
    "exclusively in some specs (4..22 -> P18D) and inclusively in others (7..30 -> P24D).",
    "2026-11-29: a Recognizers season with no year (SU) also matches TIMEX3's form of it, XXXX-SU, or a season "
    "of a stated year (2016-SU); before, no TIMEX3 value could match it.",
]

# ---------------------------------------------------------------------------------------- cases
def _num(value: Any) -> str:
    f = float(value)
    return str(int(f)) if f.is_integer() else repr(round(f, 6))


def _strip_time(timex: str) -> str:
    """``2016-11-07T10:00`` → ``2016-11-07T10``; ``T10:30:00`` → ``T10:30``."""
    timex = re.sub(r"(T\d\d:\d\d):00$", r"\1", timex)
    return re.sub(r"(T\d\d):00$", r"\1", timex)


def instant_canon(moment: datetime, grain: str) -> set[str]:
    if grain == "year":
        return {f"{moment.year}"}
    if grain == "month":
        return {f"{moment.year}-{moment.month:02d}"}
    if grain == "week":
        y, w, _ = moment.isocalendar()
        return {f"{y}-W{w:02d}"}
    if grain == "day":
        return {moment.date().isoformat()}
    clock = _strip_time(f"T{moment.hour:02d}:{moment.minute:02d}")
    return {moment.date().isoformat() + clock, clock}


def load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    spec_dir = SHARED / "recognizers-text-arabic" / "Specs"
    for rel, category in RECOGNIZERS.items():
        for case in json.loads((spec_dir / rel).read_text(encoding="utf-8-sig")):
            ref = (case.get("Context") or {}).get("ReferenceDateTime", "2016-11-07T00:00:00")[:19]
            expected = []
            alternatives: list[list[str]] = []
            for r in case.get("Results", []):
                if category in TIME_CATEGORIES:
                    value = r.get("Value") if isinstance(r.get("Value"), dict) else {}
                    timex = value.get("Timex")
                    resolution = r.get("Resolution") if isinstance(r.get("Resolution"), dict) else {}
                    if timex is None:
                        values = resolution.get("values") or [{}]
                        timex = values[0].get("timex")
                    if timex:
                        expected.append(_strip_time(timex))
                        alternatives.append(_resolved_alternatives(value))
                else:
                    value = str((r.get("Resolution") or {}).get("value", ""))
                    if category == "percent" and value.endswith("%"):
                        expected.append("pct:" + _num(value[:-1]))
                    elif category == "ordinal":
                        expected.append("ord:" + value)
                    elif category == "number" and re.fullmatch(r"-?[\d.]+(E[+-]?\d+)?", value):
                        expected.append("num:" + _num(value))
                    else:
                        expected.append("range:" + value)
            cases.append({"source": "recognizers", "category": category, "text": case["Input"],
                          "reference": ref, "expected": expected, "alternatives": alternatives})  # fmt: skip
    duck = json.loads((SHARED / "duckling-arabic" / "duckling-arabic.json").read_text(encoding="utf-8"))
    ref = duck["reference_time"]
    for dim, block in duck["dimensions"].items():
        for ex in block["examples"]:
            duck_category, duck_expected = _duckling_expected(dim, ex["expected"])
            if duck_category is None:
                continue
            for phrase in ex["phrases"]:
                cases.append({"source": "duckling", "category": duck_category, "text": phrase, "reference": ref,
                              "expected": duck_expected})  # fmt: skip
    return cases


def _resolved_alternatives(value: dict[str, Any]) -> list[str]:
    """Upstream's own resolutions of a Recognizers TIMEX, as other accepted values: the past and future
    ``date``, or a ``startDate``..``endDate`` written as the ISO week, month or year it spans, else as a
    ``(start,end)`` interval.  A TIMEX such as ``XXXX-07-WXX-5-#1`` (first Friday of July) or
    ``2016-11-W03`` (a week of a month) has no ISO form a resolving system can write, so a system that
    gives the same day or week as upstream's resolution is right."""
    out: list[str] = []
    for key in ("PastResolution", "FutureResolution"):
        found = value.get(key)
        res: dict[str, Any] = found if isinstance(found, dict) else {}
        if res.get("date"):
            out.append(_strip_time(str(res["date"]))[:10])
        elif res.get("startDate") and res.get("endDate"):
            out.append(_interval_canon(str(res["startDate"])[:10], str(res["endDate"])[:10]))
    return sorted(set(out))


def _interval_canon(begin: str, end: str) -> str:
    """``2016-11-21``..``2016-11-28`` → ``2016-W47``; a whole month → ``2016-11``; else ``(begin,end)``."""
    try:
        b, e = datetime.fromisoformat(begin), datetime.fromisoformat(end)
    except ValueError:
        return f"({begin},{end})"
    if (e - b).days == 7 and b.isoweekday() == 1:
        y, w, _ = b.isocalendar()
        return f"{y}-W{w:02d}"
    if b.day == 1 and e.day == 1 and (e.year * 12 + e.month) - (b.year * 12 + b.month) == 1:
        return f"{b.year}-{b.month:02d}"
    return f"({begin},{end})"


def _duckling_expected(dim: str, expr: str) -> tuple[str | None, list[str]]:
    if dim.startswith("Time"):
        m = re.match(r"datetime \((\d+), (\d+), (\d+), (\d+), (\d+), (\d+)\) (\w+)", expr)
        if not m:
            return "time_period", ["interval:" + expr]
        y, mo, d, h, mi, sec = (int(g) for g in m.groups()[:6])
        moment = datetime(y, mo, d, h, mi, sec)
        grain = GRAINS.get(m.group(7), "day")
        canon = sorted(instant_canon(moment, grain))
        return ("date" if grain in {"day", "week", "month", "year"} else "time"), canon[:1]
    if dim.startswith("Duration"):
        m = re.match(r"DurationData (\d+) (\w+)", expr)
        return ("duration", [DURATION_UNITS[m.group(2)].format(m.group(1))]) if m else (None, [])
    if dim.startswith("Numeral"):
        m = re.match(r"NumeralValue \(?(-?[\d.e]+)", expr)
        return ("number" if dim == "Numeral/AR" else "number_eg"), ["num:" + _num(m.group(1))] if m else []
    if dim.startswith("Ordinal"):
        m = re.match(r"OrdinalData (\d+)", expr)
        return "ordinal", ["ord:" + m.group(1)] if m else []
    if dim.startswith("AmountOfMoney"):
        m = re.match(r"simple (\w+) \(?(-?[\d.e]+)", expr)
        return ("money", [f"money:{CURRENCIES.get(m.group(1), m.group(1))}:{_num(m.group(2))}"]) if m else (None, [])
    return None, []


# ---------------------------------------------------------------------------------------- systems
def run_rasd(cases: list[dict[str, Any]]) -> tuple[list[set[str]], float]:
    sys.path.insert(0, str(ROOT / "src"))
    from rasd.enrich.quantities import find_quantities
    from rasd.enrich.times import find_times

    find_times("تحمية", datetime(2020, 1, 1))  # build the lexicons before timing
    find_quantities("تحمية")
    outputs = []
    t0 = time.perf_counter()
    for case in cases:
        ref = datetime.fromisoformat(case["reference"])
        out: set[str] = set()
        # Duckling's tests resolve a bare weekday or day-month to the next one (scheduling text);
        # rasd's default is the news convention (the nearest past one): score with each set's own.
        prefer = "future" if case["source"] == "duckling" else "past"
        for s in find_times(case["text"], ref, prefer=prefer):
            value = _strip_time(str(s.attrs["value"]))
            out.add(value)
            if "end" in s.attrs:  # a range or window: Recognizers writes (begin,end,duration)
                begin = str(s.attrs.get("begin", value))
                out.add(_range_canon(begin, str(s.attrs["end"]), value if value.startswith("P") else None))
            if s.attrs.get("precision") in {"decade", "quarter", "half"}:
                out.add(_period_canon(value))
            if "weekday" in s.attrs:  # Recognizers leaves a bare weekday unresolved
                out.add(str(s.attrs["weekday"]))
                if re.fullmatch(r"\d{4}-\d\d-\d\d", value):  # …or writes it as an ISO week date
                    y, w, d = datetime.fromisoformat(value).isocalendar()
                    out.add(f"{y}-W{w:02d}-{d}")
            if "T" in value and not value.startswith(("P", "T")):
                out.add(value[value.index("T"):])
        # The number specs ask "which numbers does this phrase spell" (Recognizers' NumberModel runs on
        # any text, dates included): rasd's standalone phrase mode, not the news-count reading.
        for q in find_quantities(case["text"], phrase=case["category"] in PHRASE_CATEGORIES):
            v, unit = _num(q.attrs["value"]), q.attrs.get("unit")
            out.add("num:" + v)
            if "value_max" in q.attrs:  # a range of counts, Recognizers' NumberRange interval
                out.add(f"range:[{v},{_num(q.attrs['value_max'])})")
            elif q.attrs.get("qualifier") in RANGE_QUALIFIERS:
                out.add("range:" + RANGE_QUALIFIERS[q.attrs["qualifier"]].format(v))
            if unit == "percent":
                out.add("pct:" + v)
            elif unit:
                out.add(f"money:{unit}:{v}")
        outputs.append(out)
    return outputs, time.perf_counter() - t0


def _range_canon(begin: str, end: str, duration: str | None = None) -> str:
    """rasd's range ``value``..``end`` (or a window's ``begin``..``end``) as Recognizers' interval:
    ``(2016-11-04,2016-11-22,P18D)``; years run to the first day of the last year (``2014``..``2018``
    → ``(2014-01-01,2018-01-01,P4Y)``); a window keeps its own duration (``P3W``)."""
    if re.fullmatch(r"\d{4}", begin) and re.fullmatch(r"\d{4}", end):
        return f"({begin}-01-01,{end}-01-01,P{int(end) - int(begin)}Y)"
    if duration:
        return f"({begin},{end},{duration})"
    try:
        days = (datetime.fromisoformat(end) - datetime.fromisoformat(begin)).days
    except ValueError:
        return f"({begin},{end},PXD)"
    return f"({begin},{end},P{days}D)"


def _period_canon(value: str) -> str:
    """A decade (``1970``, precision decade), quarter (``2016-Q3``) or half (``2016-H1``) as an interval."""
    m = re.fullmatch(r"(\d{4})-([QH])(\d)", value)
    if m:
        year, kind, n = int(m.group(1)), m.group(2), int(m.group(3))
        months = 3 if kind == "Q" else 6
        first = (n - 1) * months + 1
        last_year, last = (year + 1, 1) if first + months > 12 else (year, first + months)
        return f"({year}-{first:02d}-01,{last_year}-{last:02d}-01,P{months}M)"
    if re.fullmatch(r"\d{4}", value):
        return f"({value}-01-01,{int(value) + 10}-01-01,P10Y)"
    return value


def run_dateparser(cases: list[dict[str, Any]]) -> tuple[list[set[str]], float]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    parser = DateDataParser(languages=["ar"])
    search_dates("امس", languages=["ar"])
    outputs = []
    t0 = time.perf_counter()
    for case in cases:
        ref = datetime.fromisoformat(case["reference"])
        out: set[str] = set()
        found = search_dates(case["text"], languages=["ar"], settings={"RELATIVE_BASE": ref}) or []
        for sub, moment in found:
            data = parser.get_date_data(sub)
            period = data.period if data and data.period else "day"
            out |= instant_canon(moment, {"time": "minute"}.get(period, period))
        outputs.append(out)
    return outputs, time.perf_counter() - t0


_PUCKLING_SCRIPT = r"""
import json, sys, time, datetime as dt
from puckling import Context, Locale, Lang, Options, parse
cases = json.load(sys.stdin)
U = {"second": "PT{}S", "minute": "PT{}M", "hour": "PT{}H", "day": "P{}D", "week": "P{}W", "month": "P{}M", "year": "P{}Y"}
def num(v):
    f = float(v); return str(int(f)) if f.is_integer() else repr(round(f, 6))
def inst(m, g):
    if g == "year": return [str(m.year)]
    if g in ("month", "quarter"): return [f"{m.year}-{m.month:02d}"]
    if g == "week": y, w, _ = m.isocalendar(); return [f"{y}-W{w:02d}"]
    if g == "day": return [m.date().isoformat()]
    c = f"T{m.hour:02d}" + (f":{m.minute:02d}" if m.minute else "")
    return [m.date().isoformat() + c, c]
out = []
t0 = time.perf_counter()
for c in cases:
    ctx = Context(reference_time=dt.datetime.fromisoformat(c["reference"]), locale=Locale(Lang.AR, None))
    vals = set()
    try:
        ents = parse(c["text"], ctx, Options(), None)
    except Exception:
        ents = []
    for e in ents:
        v = e.value
        try:
            if e.dim == "time":
                p = v.primary
                if hasattr(p, "grain") and hasattr(p, "value"):
                    vals.update(inst(p.value.replace(tzinfo=None), p.grain.value))
            elif e.dim == "duration":
                vals.add(U.get(v.grain.value, "P{}X").format(num(v.value)))
            elif e.dim == "numeral":
                vals.add("num:" + num(v.value))
            elif e.dim == "ordinal":
                vals.add("ord:" + num(v.value))
            elif e.dim == "amount_of_money":
                cur = {"USD": "dollars", "EUR": "euros", "GBP": "pounds", "Cent": "cents"}.get(str(getattr(v, "unit", "")), str(getattr(v, "unit", "")))
                vals.add(f"money:{cur}:{num(v.value)}")
        except Exception:
            pass
    out.append(sorted(vals))
json.dump({"outputs": out, "seconds": time.perf_counter() - t0}, sys.stdout)
"""


def run_puckling(cases: list[dict[str, Any]]) -> tuple[list[set[str]], float] | None:
    env = {"PYENV_VERSION": "3.13.0", "PATH": "/root/.pyenv/shims:/usr/local/bin:/usr/bin:/bin"}
    try:
        proc = subprocess.run(["python3.13", "-c", _PUCKLING_SCRIPT], input=json.dumps(cases), text=True,
                              capture_output=True, env=env, timeout=3600, check=False)  # fmt: skip
    except (FileNotFoundError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        print(f"puckling skipped: {proc.stderr.strip().splitlines()[-1:] or proc.returncode}", file=sys.stderr)
        return None
    data = json.loads(proc.stdout)
    return [set(v) for v in data["outputs"]], float(data["seconds"])


# ---------------------------------------------------------------------------------------- scoring
def case_key(case: dict[str, Any]) -> str:
    """A case's key in `DISPUTED`: sha1 of ``category<TAB>text``, ten hex digits (no suite text in the repo)."""
    return hashlib.sha1(f"{case['category']}\t{case['text']}".encode()).hexdigest()[:10]


def load_disputed() -> dict[str, tuple[str, str]]:
    """``key`` → (kind, reason): E = a suite error, C = a convention wrong for Arabic news."""
    rows = [line.split("\t") for line in DISPUTED.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]  # fmt: skip
    return {key: (kind, reason) for key, _category, kind, reason in rows}


def case_passes(case: dict[str, Any], out: set[str]) -> bool:
    is_time = case["category"] in TIME_CATEGORIES
    relevant = {v for v in out if (v.split(":")[0] not in {"num", "pct", "money", "ord", "range"}) == is_time}
    if not case["expected"]:
        return not relevant
    # An interval's duration follows from its ends, and upstream counts it both ways (P18D for
    # 4..22 November, P24D for 7..30 November): intervals are compared by their ends alone.
    relevant |= {_INTERVAL_RE.sub(r"(\1,\2)", v) for v in relevant if _INTERVAL_RE.fullmatch(v)}
    alternatives = case.get("alternatives") or [[] for _ in case["expected"]]
    for exp, alts in zip(case["expected"], alternatives, strict=True):
        options = [_INTERVAL_RE.sub(r"(\1,\2)", exp), *alts]
        patterns = [re.compile(re.escape(o).replace("X", r"\d")) for o in options]
        if exp in _SEASON_CODES:  # Recognizers' yearless season (SU) is TIMEX3's XXXX-SU, or any year's
            patterns.append(re.compile(rf"(?:\d{{4}}|XXXX)-{exp}"))
        if not any(p.fullmatch(v) for p in patterns for v in relevant):
            return False
    return True


_SEASON_CODES = {"SU", "WI", "SP", "FA"}
_INTERVAL_RE = re.compile(r"\((\d{4}-\d\d-\d\d),(\d{4}-\d\d-\d\d),P[\dX.]+[YMWD]\)")


def measure_ant_stages(limit: int = 500) -> dict[str, float] | None:
    """CPU milliseconds per ANT article for the ``times`` stage and for ``quantities`` run after it
    (reusing its layer), best of three passes over the first ``limit`` articles of the corpus."""
    import gzip

    files = sorted((SHARED / "ant-corpus").glob("*.jsonl.gz"))
    if not files:
        return None
    from rasd.document import Article
    from rasd.enrich.quantities import make_stage as quantities_stage
    from rasd.enrich.times import make_stage as times_stage

    articles = []
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                paragraphs = [p for p in str(record.get("text") or "").split("\n") if p.strip()] or [""]
                articles.append(Article.build(str(record.get("title") or ""), paragraphs,
                                              published=datetime(2021, 7, 26)))  # fmt: skip
                if len(articles) >= limit * (files.index(path) + 1) // len(files):
                    break
    times, quantities = times_stage(), quantities_stage()
    best = {"times": float("inf"), "quantities": float("inf")}
    for _ in range(3):  # one article through both stages at a time, as in the pipeline
        spent = {"times": 0.0, "quantities": 0.0}
        for article in articles:
            t0 = time.process_time()
            timed = times(article)
            t1 = time.process_time()
            quantities(timed)
            spent["times"] += t1 - t0
            spent["quantities"] += time.process_time() - t1
        for k in best:
            best[k] = min(best[k], spent[k] * 1000 / len(articles))
    return {**{k: round(v, 3) for k, v in best.items()}, "articles": len(articles)}


def main() -> int:
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} not found", file=sys.stderr)
        return 0
    cases = load_cases()
    systems: dict[str, Callable[[list[dict[str, Any]]], tuple[list[set[str]], float] | None]] = {
        "rasd": run_rasd, "dateparser": run_dateparser, "puckling": run_puckling}  # fmt: skip
    report: dict[str, Any] = {"cases": len(cases), "news_relevant_categories": list(NEWS_RELEVANT), "systems": {}}
    failures: list[dict[str, Any]] = []
    case_texts: dict[str, str] = {}  # key -> suite phrase, for the local (git-ignored) file only
    disputed_reasons = load_disputed()
    disputed: dict[str, dict[str, Any]] = {}
    for name, runner in systems.items():
        result = runner(cases)
        if result is None:
            report["systems"][name] = None
            continue
        outputs, seconds = result
        per_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        kept: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # news-relevant, disputed cases left out
        for case, out in zip(cases, outputs, strict=True):
            ok = case_passes(case, out)
            per_cat[case["category"]][0] += ok
            per_cat[case["category"]][1] += 1
            key = case_key(case)
            if case["category"] in NEWS_RELEVANT and key not in disputed_reasons:
                kept[case["category"]][0] += ok
                kept[case["category"]][1] += 1
            if name == "rasd" and key in disputed_reasons:
                kind, reason = disputed_reasons[key]
                disputed.setdefault(key, {"category": case["category"], "key": key, "expected": case["expected"],
                                          "kind": {"E": "suite error", "C": "convention"}[kind], "reason": reason,
                                          "rasd_passes": ok})  # fmt: skip
                case_texts[key] = case["text"]
            if name == "rasd" and not ok and case["category"] in NEWS_RELEVANT:
                failures.append({"category": case["category"], "key": key,
                                 "expected": case["expected"], "got": sorted(out)})  # fmt: skip
                case_texts[key] = case["text"]
        news = [sum(per_cat[c][i] for c in NEWS_RELEVANT) for i in (0, 1)]
        undisputed = [sum(kept[c][i] for c in NEWS_RELEVANT) for i in (0, 1)]
        report["systems"][name] = {
            "phrases_per_second": round(len(cases) / seconds, 1),
            "news_relevant_pass_rate": round(news[0] / news[1], 4),
            # a second figure beside the raw one: the disputed cases (``disputed`` below) left out
            "news_relevant_pass_rate_excluding_disputed": round(undisputed[0] / undisputed[1], 4),
            "news_relevant_excluding_disputed": {c: {"passed": p, "total": t} for c, (p, t) in sorted(kept.items())},
            "categories": {c: {"passed": p, "total": t, "rate": round(p / t, 4)} for c, (p, t) in sorted(per_cat.items())},
        }
    report["scoring_notes"] = SCORING_NOTES
    report["rasd_news_relevant_failures"] = failures
    stale = sorted(set(disputed_reasons) - set(disputed))
    if stale:
        print(f"warning: {len(stale)} disputed keys match no case: {stale}", file=sys.stderr)
    report["disputed_note"] = ("News-relevant cases the team judges suite errors or conventions wrong for Arabic news "
                               f"({DISPUTED.name}); news_relevant_pass_rate stays the raw figure over every case.")
    report["disputed"] = sorted(disputed.values(), key=lambda d: (d["category"], d["key"]))
    report["ant_stage_ms_per_article"] = measure_ant_stages()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    # The suite's phrases stay out of the repository: failures and disputed cases name them by key;
    # this git-ignored file maps the keys back to the phrases for whoever reruns the benchmark.
    LOCAL_TEXTS.write_text(json.dumps(case_texts, ensure_ascii=False, indent=1), encoding="utf-8")
    names = [n for n, v in report["systems"].items() if v]
    cats = sorted({c for n in names for c in report["systems"][n]["categories"]})
    print("| category | n | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    for c in cats:
        total = report["systems"][names[0]]["categories"][c]["total"]
        mark = " *" if c in NEWS_RELEVANT else ""
        print(f"| {c}{mark} | {total} | " + " | ".join(
            f"{report['systems'][n]['categories'][c]['rate']:.1%}" for n in names) + " |")  # fmt: skip
    print("| **news-relevant (*)** | | " + " | ".join(
        f"**{report['systems'][n]['news_relevant_pass_rate']:.1%}**" for n in names) + " |")  # fmt: skip
    print("| news-relevant, disputed left out | | " + " | ".join(
        f"{report['systems'][n]['news_relevant_pass_rate_excluding_disputed']:.1%}" for n in names) + " |")  # fmt: skip
    print("| phrases/s | | " + " | ".join(f"{report['systems'][n]['phrases_per_second']:,.0f}" for n in names) + " |")
    if report["ant_stage_ms_per_article"]:
        print(f"ANT articles, CPU ms per article: {report['ant_stage_ms_per_article']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
