"""rasd.events_export: ACLED-style records, CSV and JSONL."""

from __future__ import annotations

import csv
import io
import json

import pytest

from rasd.document import Article, Span
from rasd.events_export import (
    EXPORT_COLUMNS,
    event_date_of,
    event_rows,
    export_record,
    write_event_rows_csv,
    write_event_rows_jsonl,
)


def _article() -> Article:
    a = Article.build("عنوان", ["وقتل 4 أشخاص في هجوم على حاجز قرب الرمادي.", "والتقى الوزيران في عمان."],
                      outlet="وكالة الأنباء", url="https://example.com/a")
    s0 = a.paragraphs[0]
    t = a.text.index("هجوم")
    attack = Span(t, t + 4, "attack", {
        "type": "attack", "acled_event_type": "Battles", "acled_sub_event_type": "Armed clash",
        "date": "2022-03-09", "date_precision": "day", "locations": ["الرمادي", "العراق"],
        "actors": ["مسلحون", "الجيش"], "participants": [], "claimed_by": "داعش", "killed": 4,
        "killed_qualifier": "at_least", "wounded": None, "wounded_qualifier": None,
        "sentence": [s0.start, s0.end]})
    m = a.text.index("والتقى")
    meeting = Span(m, m + 6, "meeting", {
        "type": "meeting", "acled_event_type": None, "acled_sub_event_type": None, "date": "2022-03",
        "date_precision": "month", "locations": [], "actors": ["أ", "ب"], "participants": ["أ", "ب"]})
    return a.with_layer("events", [attack, meeting])


def test_records_from_article() -> None:
    a = _article()
    recs = [export_record(r) for r in event_rows(a)]
    assert [tuple(r) for r in recs] == [EXPORT_COLUMNS, EXPORT_COLUMNS]
    attack, meeting = recs
    assert attack["event_date"] == "2022-03-09"
    assert (attack["event_type"], attack["sub_event_type"]) == ("Battles", "Armed clash")
    assert (attack["actor1"], attack["actor2"]) == ("داعش", "مسلحون")
    assert (attack["location"], attack["locations"]) == ("الرمادي", "الرمادي | العراق")
    assert (attack["fatalities"], attack["killed_qualifier"], attack["wounded"]) == (4, "at_least", None)
    assert attack["notes"] == "وقتل 4 أشخاص في هجوم على حاجز قرب الرمادي."
    assert (attack["source"], attack["article_id"], attack["trigger"]) == ("وكالة الأنباء", a.id, "هجوم")
    assert a.text[attack["start"]:attack["end"]] == "هجوم"
    assert (meeting["event_date"], meeting["date_precision"], meeting["type"]) == ("2022-03-01", "month", "meeting")
    assert (meeting["event_type"], meeting["location"], meeting["fatalities"]) == (None, None, None)


def test_record_from_store_row_shape() -> None:
    row = {"article_id": "abc", "title": "t", "published": "2022-03-10T09:00:00", "outlet": None,
           "url": "https://x.test/1", "start": 5, "end": 9, "trigger": "هجوم", "type": "attack",
           "date": "2022-W10", "attrs": {"type": "attack", "date_precision": "week", "killed": 2,
                                        "notes": "جملة الحدث"}}
    rec = export_record(row)
    assert (rec["event_date"], rec["source"], rec["fatalities"], rec["notes"]) == (
        "2022-03-07", "https://x.test/1", 2, "جملة الحدث")


def test_csv_and_jsonl_round_trip() -> None:
    rows = event_rows(_article())
    buf = io.StringIO()
    assert write_event_rows_csv(rows, buf) == 2
    parsed = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert tuple(parsed[0]) == EXPORT_COLUMNS
    assert parsed[0]["fatalities"] == "4" and parsed[1]["fatalities"] == ""
    out = io.StringIO()
    assert write_event_rows_jsonl(rows, out) == 2
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert lines[0]["actor1"] == "داعش" and lines[1]["fatalities"] is None


@pytest.mark.parametrize(("value", "day"), [
    ("2021-07-19", "2021-07-19"), ("2021-W29", "2021-07-19"), ("2020-W53", "2020-12-28"),
    ("2021-07", "2021-07-01"), ("2014", "2014-01-01"), ("2021-07-25TEV", "2021-07-25"),
    ("XXXX-XX-XX", None), ("P3M", None), (None, None), ("2021-13", None),
])
def test_event_date_of(value: str | None, day: str | None) -> None:
    assert event_date_of(value) == day


def test_perpetrator_and_target_fill_actor_columns() -> None:
    rec = export_record({"attrs": {"actors": ["ب", "أ", "ج"], "perpetrator": "أ", "target": "ج"}})
    assert (rec["actor1"], rec["actor2"]) == ("أ", "ج")
    rec = export_record({"attrs": {"actors": [], "target": "ج"}})
    assert (rec["actor1"], rec["actor2"]) == ("ج", None)


def test_location_from_context_column() -> None:
    a = Article.build("انفجار في بغداد", ["وقالت الشرطة إن انفجارا وقع في سوق المدينة."])
    t = a.text.index("انفجارا")
    a = a.with_layer("events", [Span(t, t + 7, "explosion", {
        "type": "explosion", "date": "2022-03-09", "locations": ["بغداد"], "location_from_context": True})])
    [rec] = [export_record(r) for r in event_rows(a)]
    assert (rec["location"], rec["location_from_context"]) == ("بغداد", True)
    assert tuple(rec) == EXPORT_COLUMNS and EXPORT_COLUMNS[-1] == "location_from_context"
