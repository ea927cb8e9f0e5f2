"""Shared fixture for the events rule tests: hand-written articles with hand-made layers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import pytest
from support.marks import mark_spans

from rasd.document import Article
from rasd.enrich.events import find_events, load_event_lexicon
from rasd.enrich.sentences import make_stage as make_sentence_stage

PUBLISHED = datetime(2022, 3, 10, 9, 0)
#: A hand-made layer: mention text -> attributes (entities: (label, canonical); times: (type, value);
#: quantities: (value, unit)).  Every occurrence of the text is marked, longest mentions first.
Marks = dict[str, tuple[Any, ...]]
Rows = Callable[..., list[dict[str, Any]]]


@pytest.fixture(scope="session")
def event_rows() -> Rows:
    """``event_rows(paragraphs, keys, title=, entities=, times=, quantities=)`` → one dict per event:
    its trigger text and the attributes named in ``keys``."""
    lexicon = load_event_lexicon()
    sentences = make_sentence_stage()

    def rows(paragraphs: Sequence[str], keys: Sequence[str], *, title: str = "", entities: Marks | None = None,
             times: Marks | None = None, quantities: Marks | None = None) -> list[dict[str, Any]]:
        article = sentences(Article.build(title, list(paragraphs), published=PUBLISHED))
        text = article.text
        ents = {k: (lab, {"canonical": can}) for k, (lab, can) in (entities or {}).items()}
        tims = {k: ("TIMEX", {"type": typ, "value": val}) for k, (typ, val) in (times or {}).items()}
        qts = {k: ("QUANTITY", {"value": v, "unit": u, "qualifier": None}) for k, (v, u) in (quantities or {}).items()}
        article = (article.with_layer("entities", mark_spans(text, ents)).with_layer("times", mark_spans(text, tims))
                   .with_layer("quantities", mark_spans(text, qts)))
        out = []
        for e in find_events(article, lexicon):
            row: dict[str, Any] = {"trigger": text[e.start:e.end]}
            row.update({k: e.attrs[k] for k in keys})
            out.append(row)
        return out

    return rows
