"""Extraction lexicons from ``rasd/data/boilerplate``, loaded once per process by `load_lexicon`.

The loaded object is immutable, so caching it cannot make output depend on what ran before.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from rasd.arabic.normalize import normalize_ar

__all__ = ["Lexicon", "line_key", "load_lexicon", "match_form"]

_DATA = Path(__file__).resolve().parents[1] / "data" / "boilerplate"
_STRIP = re.compile(r"[\s:：\-–—|»«>•·.,،؛!?؟()\[\]\"'“”]+")

# Length-preserving matching form for dates and counters: digits to ASCII, alef/yeh/kaf forms folded.
_MATCH_TABLE = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹أإآٱىیۍېکة",
    "01234567890123456789ااااييييكه",
)


def match_form(text: str) -> str:
    """Same length as ``text``: digits ASCII, alef/yeh/kaf forms folded, teh marbuta as heh.

    >>> match_form("الإثنين ٢٦ تموز")
    'الاثنين 26 تموز'
    """
    return text.translate(_MATCH_TABLE)


def line_key(line: str) -> str:
    """The lookup key of a whole line: normalized, lower-cased, punctuation and spaces squeezed out.

    >>> line_key("عناوین:") == line_key("عناوين")
    True
    """
    return _STRIP.sub(" ", normalize_ar(line).lower()).strip()


def _read_lines(name: str) -> list[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class Lexicon:
    chrome_lines: frozenset[str]
    chrome_words: frozenset[str]
    section_markers: frozenset[str]
    months: tuple[tuple[str, int], ...]  # (matching form, month), longest first
    outlets: tuple[tuple[str, str], ...]  # (key lower-cased, name)
    outlet_keys: Mapping[str, str]  # line_key(alias) -> name
    long_markers: tuple[str, ...]  # section markers long enough to match as a line prefix
    hijri_months: tuple[str, ...]  # matching forms, longest first

    def outlet_for(self, key: str) -> str | None:
        return self.outlet_keys.get(line_key(key))

    def outlet_for_host(self, host: str) -> tuple[str, str] | None:
        host = host.lower().removeprefix("www.")
        for alias, name in self.outlets:
            if "." in alias and (host == alias or host.endswith("." + alias)):
                return alias, name
        return None


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the data files once; the result is frozen."""
    months: list[tuple[str, int]] = []
    for row in _read_lines("months.tsv"):
        name, _, num = row.partition("\t")
        months.append((match_form(name.strip()), int(num)))
    months.sort(key=lambda m: -len(m[0]))
    outlets: list[tuple[str, str]] = []
    for row in _read_lines("outlets.tsv"):
        key, _, name = row.partition("\t")
        outlets.append((key.strip().lower(), name.strip()))
    outlet_keys: dict[str, str] = {}
    for alias, name in outlets:
        outlet_keys.setdefault(line_key(alias), name)
    markers = frozenset(line_key(x) for x in _read_lines("section_markers.txt"))
    return Lexicon(
        chrome_lines=frozenset(line_key(x) for x in _read_lines("lines.txt")),
        chrome_words=frozenset(line_key(x) for x in _read_lines("chrome_words.txt")),
        section_markers=markers,
        months=tuple(months),
        outlets=tuple(outlets),
        outlet_keys=MappingProxyType(outlet_keys),
        long_markers=tuple(sorted(m for m in markers if len(m) > 4)),
        hijri_months=tuple(sorted({match_form(m) for m in _read_lines("hijri_months.txt")}, key=lambda m: -len(m))),
    )
