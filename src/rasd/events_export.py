"""ACLED-style rows from events: CSV and JSON Lines.

Columns use ACLED's names where ACLED has the field, then ours::

    event_date  event_type  sub_event_type  actor1  actor2  location  fatalities  notes  source
    article_id  start  end  wounded  killed_qualifier  wounded_qualifier  date_precision  trigger
    type  locations  claimed_by  location_from_context

- ``event_date`` is a day (YYYY-MM-DD): the first day of the period when the time expression was
  coarser (``2021-W29`` → ``2021-07-19`` with ``date_precision`` week; ``2014`` → ``2014-01-01``, year);
  ``date_precision`` ``publication`` means no time expression governed the event and the publish date
  stands in for it.
- ``event_type``/``sub_event_type`` are ACLED's (empty for our meeting/visit types; ``type`` has ours).
- ``actor1`` is the claimant, else the perpetrator, else the first actor/participant; ``actor2`` the
  target when one was found, else the next actor/participant.
- ``location`` is the most specific location, ``locations`` all of them joined by `` | ``;
  ``location_from_context`` is true when the event's sentence named no place and the previous sentence
  of its paragraph or the headline gave it (an estimate), empty for events stored before that field.
- ``fatalities`` is the killed count, empty when the text gives none (unknown is not zero).
- ``notes`` is the sentence the event came from.

Rows come either from enriched Articles (`event_rows`) or from a store's ``find_events`` (dicts
with ``article_id, outlet, url, start, end, trigger, type, date, attrs``): `export_record` takes both.

>>> from rasd.document import Article, Span
>>> a = Article.build("", ["اعتقلت الشرطة 3 أشخاص."], outlet="وكالة")
>>> a = a.with_layer("events", [Span(0, 6, "arrest", {"type": "arrest", "acled_event_type":
...     "Strategic developments", "acled_sub_event_type": "Arrests", "date": "2021-W29",
...     "date_precision": "week", "actors": ["الشرطة"]})])
>>> r = export_record(event_rows(a)[0])
>>> r["event_date"], r["event_type"], r["actor1"], r["source"], r["trigger"]
('2021-07-19', 'Strategic developments', 'الشرطة', 'وكالة', 'اعتقلت')
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, TextIO

from rasd.document import Article

__all__ = [
    "EXPORT_COLUMNS",
    "event_date_of",
    "event_rows",
    "export_record",
    "write_event_rows_csv",
    "write_event_rows_jsonl",
]

EXPORT_COLUMNS = (
    "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "fatalities", "notes",
    "source", "article_id", "start", "end", "wounded", "killed_qualifier", "wounded_qualifier",
    "date_precision", "trigger", "type", "locations", "claimed_by", "location_from_context",
)  # fmt: skip
LOCATION_SEPARATOR = " | "


def event_rows(article: Article) -> list[dict[str, Any]]:
    """Store-shaped rows (``article_id, outlet, url, start, end, trigger, type, date, attrs``) of an Article."""
    rows = []
    for e in article.events:
        attrs = dict(e.attrs)
        sentence = attrs.get("sentence")
        notes = article.text[sentence[0] : sentence[1]] if sentence else None
        rows.append({
            "article_id": article.id, "outlet": article.outlet, "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "start": e.start, "end": e.end, "trigger": article.text[e.start : e.end],
            "type": attrs.get("type", e.label), "date": attrs.get("date"), "attrs": attrs, "notes": notes,
        })  # fmt: skip
    return rows


def event_date_of(value: str | None) -> str | None:
    """A day for a TIMEX-style date value: the first day of a week, month or year.

    >>> [event_date_of(v) for v in ("2021-07-19", "2021-W29", "2021-07", "2014", "2021-07-26T10:30", None)]
    ['2021-07-19', '2021-07-19', '2021-07-01', '2014-01-01', '2021-07-26', None]
    """
    if not value:
        return None
    v = value[:10] if len(value) >= 10 and value[4] == "-" and value[7] == "-" else value
    try:
        if len(v) == 10:
            return date.fromisoformat(v).isoformat()
        if len(v) == 8 and v[5] == "W":
            return date.fromisocalendar(int(v[:4]), int(v[6:8]), 1).isoformat()
        if len(v) == 7:
            return date(int(v[:4]), int(v[5:7]), 1).isoformat()
        if len(v) == 4:
            return date(int(v), 1, 1).isoformat()
    except ValueError:
        return None
    return None


def export_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """One ACLED-style record (keys = `EXPORT_COLUMNS`) from a store or `event_rows` row."""
    a: Mapping[str, Any] = row.get("attrs") or {}
    claimant = a.get("claimed_by")
    target = a.get("target")
    doers = [claimant, a.get("perpetrator"), *(a.get("actors") or []), *(a.get("participants") or [])]
    actors: list[str] = []
    for p in doers:
        if p and p not in actors and p != target:
            actors.append(p)
    if target and actors:
        actors.insert(1, target)
    elif target:
        actors = [target]
    locations = list(a.get("locations") or [])
    return {
        "event_date": event_date_of(row.get("date") or a.get("date")),
        "event_type": a.get("acled_event_type"),
        "sub_event_type": a.get("acled_sub_event_type"),
        "actor1": actors[0] if actors else None,
        "actor2": actors[1] if len(actors) > 1 else None,
        "location": locations[0] if locations else None,
        "fatalities": a.get("killed"),
        "notes": row.get("notes") or a.get("notes"),
        "source": row.get("outlet") or row.get("url"),
        "article_id": row.get("article_id"),
        "start": row.get("start"),
        "end": row.get("end"),
        "wounded": a.get("wounded"),
        "killed_qualifier": a.get("killed_qualifier"),
        "wounded_qualifier": a.get("wounded_qualifier"),
        "date_precision": a.get("date_precision"),
        "trigger": row.get("trigger"),
        "type": row.get("type") or a.get("type"),
        "locations": LOCATION_SEPARATOR.join(locations) if locations else None,
        "claimed_by": claimant,
        "location_from_context": a.get("location_from_context"),
    }


def write_event_rows_csv(rows: Iterable[Mapping[str, Any]], fp: TextIO) -> int:
    """Write a header and one line per event; empty cells for unknown values.  Returns the row count."""
    writer = csv.DictWriter(fp, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        rec = export_record(row)
        writer.writerow({k: "" if v is None else v for k, v in rec.items()})
        n += 1
    return n


def write_event_rows_jsonl(rows: Iterable[Mapping[str, Any]], fp: TextIO) -> int:
    """Write one JSON object per event (nulls kept).  Returns the row count."""
    n = 0
    for row in rows:
        fp.write(json.dumps(export_record(row), ensure_ascii=False) + "\n")
        n += 1
    return n
