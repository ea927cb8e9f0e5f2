"""Gazetteer and lexicon files: loadable, filtered, aliases resolved."""

from __future__ import annotations

from rasd.ner.lexicon import GAZETTEER_FILES, data_path, load_lexicon, read_rows
from rasd.ner.normal import form_of


def key(text: str) -> tuple[str, ...]:
    return tuple(form_of(t) for t in text.split())


def test_aliases_share_a_canonical() -> None:
    gaz = load_lexicon().gazetteer
    assert gaz[key("تنظيم الدولة")][1] == gaz[key("داعش")][1] == "داعش"
    assert gaz[key("أمريكا")][1] == gaz[key("الولايات المتحدة")][1]


def test_common_words_never_single_entries() -> None:
    lex = load_lexicon()
    for word in ("بيان", "إن", "الدولة", "الاثنين", "مدينة"):
        assert key(word) not in lex.gazetteer


def test_every_gazetteer_file_is_well_formed() -> None:
    for name, typ, _ in GAZETTEER_FILES:
        rows = read_rows(data_path("gazetteers", name))
        assert rows, name
        assert all(1 <= len(r) <= 3 and r[0] for r in rows), name
        assert typ in {"PER", "ORG", "LOC"}


def test_countries_from_cldr_and_cities_from_geonames() -> None:
    gaz = load_lexicon().gazetteer
    assert gaz[key("العراق")][0] == "LOC"
    assert gaz[key("بغداد")][0] == "LOC"
    assert gaz[key("سورية")][1] == "سوريا"


def test_clusters_cover_frequent_news_words() -> None:
    lex = load_lexicon()
    assert lex.count(form_of("الرئيس")) > 1000
    assert lex.clusters[form_of("واشنطن")][1][0] != "x"
