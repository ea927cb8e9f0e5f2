"""Checks on the filter values of archive queries, shared by every backend.

A bad value (a negative limit, a number where a name belongs, an unknown filter) is the caller's
mistake: it becomes a one-line `QueryError` naming the filter, before any SQL runs, instead of a
database error that differs from backend to backend (SQLite reads ``LIMIT -1`` as "no limit",
PostgreSQL refuses it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasd.errors import QueryError

#: the filters `find_events` takes, and whether each is a name/date (text) or a count
EVENT_FILTERS = {"type": "text", "date_from": "text", "date_to": "text", "location": "text", "limit": "count"}


def check_count(name: str, value: object) -> int:
    """A limit or offset: a whole number, zero or more.

    >>> check_count("limit", 20)
    20
    >>> check_count("limit", -1)
    Traceback (most recent call last):
    rasd.errors.QueryError: limit must be a whole number, 0 or more (got -1)
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise QueryError(f"{name} must be a whole number, 0 or more (got {value!r})")
    return value


def check_text(name: str, value: object) -> str | None:
    """A name or date filter: text, or ``None`` for no filter.

    >>> check_text("location", "الموصل")
    'الموصل'
    >>> check_text("location", 5)
    Traceback (most recent call last):
    rasd.errors.QueryError: location must be text (got 5)
    """
    if value is not None and not isinstance(value, str):
        raise QueryError(f"{name} must be text (got {value!r})")
    return value


def check_event_filters(filters: Mapping[str, Any]) -> dict[str, Any]:
    """`find_events` keyword filters, checked; unknown names are refused, missing ones are ``None``.

    >>> check_event_filters({"type": "attack"})["location"] is None
    True
    >>> check_event_filters({"place": "بغداد"})
    Traceback (most recent call last):
    rasd.errors.QueryError: unknown event filter 'place' (known: type, date_from, date_to, location, limit)
    """
    unknown = [k for k in filters if k not in EVENT_FILTERS]
    if unknown:
        raise QueryError(f"unknown event filter {unknown[0]!r} (known: {', '.join(EVENT_FILTERS)})")
    checked: dict[str, Any] = {}
    for name, kind in EVENT_FILTERS.items():
        value = filters.get(name, 1000 if name == "limit" else None)
        if kind == "text":
            checked[name] = check_text(name, value)
        else:
            checked[name] = None if value is None else check_count(name, value)
    return checked
