"""Data the tagger reads: word clusters, gazetteers, trigger words, given names.

Everything is loaded once by `load_lexicon` into a frozen `Lexicon`; nothing here changes after
loading.  Files live in ``rasd/data/ner/`` (clusters, model) and ``rasd/data/gazetteers/``.

>>> lex = load_lexicon()
>>> lex.gazetteer.get(("بغداد",))[0]
'LOC'
>>> lex.triggers[form_of("وزير")]
'PER_TITLE'
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rasd.ner.normal import form_of

__all__ = [
    "COMMON_MAX_SHARE",
    "COMMON_MIN_SEEN",
    "GAZETTEER_FILES",
    "Lexicon",
    "OrgHeads",
    "data_path",
    "is_common_word",
    "load_lexicon",
    "read_priors",
    "read_rows",
]

# file -> entity type (Span label), curated?  Earlier files win over later ones.  Entries from curated
# files (and CLDR countries) may add mentions the model missed; GeoNames city names only inform it.
GAZETTEER_FILES: tuple[tuple[str, str, bool], ...] = (
    ("people.tsv", "PER", True),
    ("organizations.tsv", "ORG", True),
    ("places.tsv", "LOC", True),
    ("countries.tsv", "LOC", True),
    ("cities.tsv", "LOC", False),
)


# A word seen this often in the ANT prior sample and tagged a name in under this share of its
# occurrences is a common word (جميل، معتادان، فاز): `is_common_word`.
COMMON_MIN_SEEN = 20
COMMON_MAX_SHARE = 0.05


def is_common_word(prior: tuple[int, ...] | None) -> bool:
    """Whether a word's ANT prior (``occurrences, PERS, LOC, ORG, MISC``) marks it a common non-name.

    >>> is_common_word((1000, 3, 0, 0, 0)), is_common_word((1000, 900, 0, 0, 0)), is_common_word(None)
    (True, False, False)
    """
    if not prior:
        return False
    return prior[0] >= COMMON_MIN_SEEN and sum(prior[1:]) < COMMON_MAX_SHARE * prior[0]


def data_path(*parts: str) -> Path:
    """Path of a packaged data file, e.g. ``data_path("ner", "model.npz")``."""
    return Path(str(resources.files("rasd").joinpath("data", *parts)))


def read_rows(path: Path) -> list[list[str]]:
    """Tab-separated rows of a data file, skipping blank lines and ``#`` comments."""
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


class OrgHeads:
    """Organisation head words (``rasd/data/ner/org_heads.tsv``) by kind, keyed by `form_of` forms."""

    def __init__(self, rows: list[list[str]]) -> None:
        self.kinds: dict[str, str] = {}  # head word -> "construct" | "nisba"
        self.names: set[tuple[str, ...]] = set()  # fixed names
        self.stop: set[str] = set()  # words that end a name
        self.first: dict[str, int] = {}  # first word of a head or name -> longest name length
        for row in rows:
            key = tuple(form_of(t) for t in row[0].split())
            kind = row[1]
            if kind == "stop":
                self.stop.add(key[0])
                continue
            if kind == "name":
                self.names.add(key)
            else:
                self.kinds[key[0]] = kind
            self.first[key[0]] = max(self.first.get(key[0], 1), len(key))


@dataclass(frozen=True)
class Lexicon:
    """Read-only lookup tables keyed by `form_of` forms."""

    clusters: dict[str, tuple[int, tuple[str, ...]]]  # form -> (count, cluster ids as strings)
    gazetteer: dict[tuple[str, ...], tuple[str, str, bool]]  # token forms -> (type, canonical, curated)
    gazetteer_first: dict[str, int]  # first token form -> longest entry length
    curated_first: dict[str, int]  # the same over curated entries only (mention repair)
    person_parts: frozenset[str]  # given names and last tokens of known people
    triggers: dict[str, str]  # form -> trigger class
    stop: frozenset[str]  # never an entity alone
    priors: dict[str, tuple[int, ...]]  # stem -> (occurrences, PERS, LOC, ORG, MISC) tagged in ANT
    org_heads: OrgHeads = field(default_factory=lambda: OrgHeads([]))  # entity stage only

    def count(self, form: str) -> int:
        hit = self.clusters.get(form)
        return hit[0] if hit else 0


def _load_clusters(path: Path) -> dict[str, tuple[int, tuple[str, ...]]]:
    out: dict[str, tuple[int, tuple[str, ...]]] = {}
    if not path.exists():
        return out
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            out[parts[0]] = (int(parts[1]), tuple(parts[2:]))
    return out


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load every table once (deterministic, read-only; later calls return the same object)."""
    gz_dir = data_path("gazetteers")
    stop = frozenset(form_of(r[0]) for r in read_rows(gz_dir / "common_words.txt"))
    given = [form_of(r[0]) for r in read_rows(gz_dir / "first_names.txt")]
    gazetteer: dict[tuple[str, ...], tuple[str, str, bool]] = {}
    person_parts: set[str] = set(given)
    for name, typ, curated in GAZETTEER_FILES:
        for row in read_rows(gz_dir / name):
            key = tuple(form_of(t) for t in row[0].split())
            if not key or (len(key) == 1 and key[0] in stop):
                continue
            canonical = row[1] if len(row) > 1 and row[1] else row[0]
            gazetteer.setdefault(key, (typ, canonical, curated))
            if typ == "PER" and len(key) > 1:
                person_parts.add(key[-1])
    first: dict[str, int] = {}
    curated_first: dict[str, int] = {}
    for key, (_, _, curated) in gazetteer.items():
        first[key[0]] = max(first.get(key[0], 0), len(key))
        if curated:
            curated_first[key[0]] = max(curated_first.get(key[0], 0), len(key))
    triggers = {form_of(r[0]): r[1] for r in read_rows(gz_dir / "triggers.tsv")}
    for row in read_rows(gz_dir / "aliases.tsv"):
        key = tuple(form_of(t) for t in row[0].split())
        gazetteer[key] = (row[2], row[1], True)
    return Lexicon(
        clusters=_load_clusters(data_path("ner", "clusters.tsv.gz")),
        gazetteer=gazetteer,
        gazetteer_first=first,
        curated_first=curated_first,
        person_parts=frozenset(person_parts),
        triggers=triggers,
        stop=stop,
        priors=read_priors(data_path("ner", "priors.tsv.gz")),
        org_heads=OrgHeads(read_rows(data_path("ner", "org_heads.tsv"))),
    )


def read_priors(path: Path) -> dict[str, tuple[int, ...]]:
    """``stem<TAB>occurrences<TAB>PERS<TAB>LOC<TAB>ORG<TAB>MISC`` counts (empty when the file is absent)."""
    out: dict[str, tuple[int, ...]] = {}
    if not path.exists():
        return out
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            out[parts[0]] = tuple(int(x) for x in parts[1:])
    return out
