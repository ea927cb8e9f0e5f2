"""Folded name keys: the spelling a name lookup compares, on every backend.

People type names as Arabic is typed: hamza dropped (``اربيل`` for ``أربيل``), ``ى`` for ``ي``,
``ه`` for ``ة``, Farsi yeh/kaf, with or without diacritics and tatweel, Arabic-Indic digits.  Entity
names and aliases, quote speakers and event locations are stored beside a folded key (migration 4 on
both backends, `rasd.storage.migrations` / `rasd.storage.pg_migrations`); the filter value is folded
the same way, so ``rasd entity اربيل`` finds ``أربيل``, and results still show the name as written.

The folding is the search analyzer's matching form (`rasd.arabic.normalize.normalize_ar` with
``hamza=True``), with runs of spaces collapsed and Latin letters case-folded.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from rasd.arabic.normalize import normalize_ar


def fold_name(name: str) -> str:
    """The folded key of a name.

    >>> fold_name("أربيل") == fold_name("اربيل") == fold_name("أَربيل")
    True
    >>> fold_name("الكاظمى") == fold_name("الكاظمي")
    True
    >>> fold_name("البصرة") == fold_name("البصره"), fold_name("الموصل") == fold_name("البصرة")
    (True, False)
    >>> fold_name("  UN   Office ")
    'un office'
    """
    return " ".join(normalize_ar(name, hamza=True).split()).casefold()


def fold_value(value: object) -> str | None:
    """`fold_name` of a JSON scalar as stored text (numbers as their text); ``None`` stays ``None``.

    >>> fold_value("مستوى"), fold_value(3), fold_value(None)
    ('مستوي', '3', None)
    """
    return None if value is None else fold_name(value if isinstance(value, str) else str(value))


def annotation_names(layer: str, key: str | None, attrs: Mapping[str, object]) -> str | None:
    """The folded names a quote or event row is filtered by, as a JSON array (``None`` for others).

    A quote's speaker (its key); an event's locations (a list, or one name).

    >>> annotation_names("events", "attack", {"locations": ["أربيل", "نينوى"]})
    '["اربيل", "نينوي"]'
    >>> annotation_names("quotes", "الكاظمى", {}), annotation_names("entities", "بغداد", {})
    ('["الكاظمي"]', None)
    """
    if layer == "quotes":
        folded = [fold_name(key)] if key is not None else []
    elif layer == "events":
        places = attrs.get("locations")
        items = places if isinstance(places, list) else [] if places is None else [places]
        folded = [f for f in map(fold_value, items) if f is not None]
    else:
        return None
    return json.dumps(folded, ensure_ascii=False)
