"""Per-article look-ups the event rules share: sentences, their words, the layers in them."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from rasd.document import Article, Span
from rasd.enrich.events.lexicon import HARAKAT, HARAKAT_RE, PUNCT, WORD_RE, EventLexicon
from rasd.enrich.lexmatch import EntityIndex


@dataclass
class Candidate:
    start: int
    end: int
    type: str
    pos: str
    number: str
    sentence: int  # index into the sentence list
    form: str = ""


@dataclass
class Event:
    trigger: tuple[int, int]
    type: str
    sentence: int
    attrs: dict[str, Any] = field(default_factory=dict)



class SentenceContext:
    """Per-article look-ups shared by the rules."""

    def __init__(self, article: Article, text: str, folded: str, sentences: list[Span],
                 entities: EntityIndex, lex: EventLexicon) -> None:
        self.article, self.text, self.folded, self.sentences = article, text, folded, sentences
        self.entities, self.lex = entities, lex
        self.times = sorted(article.times, key=lambda s: s.start)
        self.quantities = sorted(article.quantities, key=lambda s: s.start)
        self._words: dict[int, list[tuple[int, int, str]]] = {}
        self._ends: dict[int, list[int]] = {}
        self._starts: dict[int, list[int]] = {}

    # -- sentence helpers -----------------------------------------------------------------
    def words(self, i: int) -> list[tuple[int, int, str]]:
        if i not in self._words:
            s = self.sentences[i]
            if HARAKAT_RE.search(self.folded, s.start, s.end):
                self._words[i] = [(m.start(), m.end(), m.group().strip(PUNCT).translate(HARAKAT))  # تزامناً → تزامنا
                                  for m in WORD_RE.finditer(self.folded, s.start, s.end)]
            else:
                self._words[i] = [(m.start(), m.end(), m.group().strip(PUNCT))
                                  for m in WORD_RE.finditer(self.folded, s.start, s.end)]
        return self._words[i]

    def word_at(self, i: int, pos: int) -> int:
        """Index of the first word of sentence ``i`` ending after ``pos`` (the word holding a trigger that
        starts at ``pos``); the word count when none does."""
        if i not in self._ends:
            self._ends[i] = [w[1] for w in self.words(i)]
        return bisect.bisect_right(self._ends[i], pos)

    def word_from(self, i: int, pos: int) -> int:
        """Index of the first word of sentence ``i`` starting at or after ``pos``; the word count when none does."""
        if i not in self._starts:
            self._starts[i] = [w[0] for w in self.words(i)]
        return bisect.bisect_left(self._starts[i], pos)

    def has_word(self, i: int, vocab: frozenset[str]) -> bool:
        return any(w in vocab or (w[:1] in "وف" and w[1:] in vocab) for _, _, w in self.words(i))

    def spans_in(self, spans: list[Span], i: int) -> list[Span]:
        s = self.sentences[i]
        return [x for x in spans if s.start <= x.start and x.end <= s.end]
