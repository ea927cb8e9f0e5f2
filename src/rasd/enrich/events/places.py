"""Where: LOC entities of an event's sentence; meeting places and visit destinations."""

from __future__ import annotations

from collections.abc import Iterable

from rasd.document import Span
from rasd.enrich.events.dates import DateRules
from rasd.enrich.events.lexicon import (
    AGENTS,
    COMPASS_WORDS,
    DIPLOMACY,
    FAMILIES,
    LOCATIVE_WORDS,
    NOT_PLACE_WORDS,
    PLACE_NOUN_RE,
    PLACE_NOUNS,
    PUNCT,
    THERE_WORDS,
)
from rasd.enrich.lexmatch import DATELINE_RE, canonical_of, fold_ar


class PlaceRules(DateRules):
    """Locations from the entities layer."""

    def _locations(self, i: int) -> list[str]:
        s = self.sentences[i]
        m = DATELINE_RE.match(self.text, s.start, s.end)
        start = m.end() if m else s.start  # دبي، الإمارات (CNN) -- : the bureau, not the place
        marked: list[Span] = []
        plain: list[Span] = []
        for e in self.entities.within(start, s.end, ("LOC",)):
            prev = self.folded[max(start, e.start - 14) : e.start]
            words = prev.split()
            last = words[-1].strip(PUNCT) if words and prev.endswith(" ") else ""
            if last in NOT_PLACE_WORDS:
                continue  # المدعومين من إيران، الحدود مع السعودية: an origin or a partner, not the place
            if last in COMPASS_WORDS and ("،" in prev or "," in prev):
                continue  # في محافظة حجة، شمال غربي صنعاء: a reference point, not the place
            glued = bool(prev) and not prev.endswith(" ") and prev[-1] in "بل"
            (marked if glued or last in LOCATIVE_WORDS or last in PLACE_NOUNS else plain).append(e)
        found = self._order_locations([*marked, *plain])
        return found or self._untagged_places(i, start) or self._there(i)

    def _context_places(self, i: int) -> list[str]:
        """Where an event whose sentence names no place happened, from its context: the previous
        sentence of its paragraph (``اعتقلت السلطات السعودية ناشطات … واعتُقل عدد منهن``), else the
        headline (``مسيرات في البرازيل``) — the story's place."""
        s = self.sentences[i]
        title_end = self.article.title_span.end
        if i > 0:
            prev = self.sentences[i - 1]
            same_paragraph = "\n" not in self.text[prev.end : s.start] and prev.start >= title_end
            if same_paragraph:
                found = self._locations(i - 1)
                if found:
                    return found
        if s.start >= title_end and self._headline_tells():
            for n, t in enumerate(self.sentences):
                if t.start >= title_end:
                    break
                found = self._locations(n)
                if found:
                    return found
        return []

    def _headline_tells(self) -> bool:
        """The headline names a violent event, a protest or an arrest (a trigger, fired or not): its place
        is the story's; a digest's or a press review's headline is about something else."""
        folded_title = self.folded[: self.article.title_span.end]
        return any(FAMILIES[self.lex.trigger_info[m.group("form")][0]] not in DIPLOMACY
                   for m in self.lex.triggers.finditer(folded_title))

    def _untagged_places(self, i: int, start: int) -> list[str]:
        """A place the entity layer missed, named by a place noun after في/ب: ``في منطقة فضحة``،
        ``بمديرية الملاجم`` → ``فضحة``، ``الملاجم`` (the word after the noun, as written)."""
        out: list[str] = []
        for m in PLACE_NOUN_RE.finditer(self.folded, start, self.sentences[i].end):
            name = self.text[m.start("name") : m.end("name")]
            if name not in out:
                out.append(name)
        return out

    def _there(self, i: int) -> list[str]:
        """``خلال الاشتباكات هناك``: ``هناك`` points to the previous sentence's place."""
        if i == 0 or not self.has_word(i, THERE_WORDS):
            return []
        prev = self.sentences[i - 1]
        return self._order_locations(self.entities.within(prev.start, prev.end, ("LOC",)))

    def _locative_locations(self, i: int, after: int = 0) -> list[str]:
        s = self.sentences[i]
        chosen = []
        for e in self.entities.within(max(s.start, after), s.end, ("LOC",)):
            prev = self.folded[max(s.start, e.start - 12) : e.start]
            if prev.endswith(("ب", "ل")) and not prev.endswith(" "):
                chosen.append(e)
                continue
            words = prev.split()
            if words and words[-1].strip(PUNCT) in LOCATIVE_WORDS:
                chosen.append(e)
        return self._order_locations(chosen)

    def _visit_locations(self, i: int, after: int) -> list[str]:
        """Destinations of a visit verb: a LOC after إلى/لـ, or within six words (زار الرئيس دمشق)."""
        s = self.sentences[i]
        chosen = []
        for e in self.entities.within(after, s.end, ("LOC",)):
            words = self.folded[after : e.start].split()
            prev = words[-1].strip(PUNCT) if words else ""
            glued = e.start > 0 and self.folded[e.start - 1] == "ل"
            if prev in ("الي", "الى") or glued or (len(words) <= 6 and prev not in ("من", "عن", "في")):
                chosen.append(e)
        return self._order_locations(chosen)

    def _order_locations(self, spans: Iterable[Span]) -> list[str]:
        names: list[str] = []
        for e in spans:
            name = canonical_of(e, self.text)
            if name not in names:
                names.append(name)
        return sorted(names, key=lambda n: fold_ar(n) in self.lex.countries)

    def _visit_destination(self, participants: list[str], near: int) -> list[str]:
        """Where a participant is visiting: ``زيارة الكاظمي لواشنطن`` / ``يزور X إلى Y`` anywhere."""
        best: tuple[int, str] | None = None
        for m in self.lex.visits.finditer(self.folded):
            window_end = min(len(self.text), m.end() + 60)
            nl = self.text.find("\n", m.end(), window_end)
            window_end = nl if nl >= 0 else window_end
            ents = self.entities.within(m.end(), window_end)
            visitor = next((e for e in ents if e.label in AGENTS), None)
            if visitor is None or canonical_of(visitor, self.text) not in participants:
                continue
            dest = next((e for e in ents if e.label == "LOC" and e.start > visitor.start
                         and self._is_destination(e, visitor.end)), None)
            if dest is None:
                continue
            dist = abs(m.start() - near)
            if best is None or dist < best[0]:
                best = (dist, canonical_of(dest, self.text))
        return [best[1]] if best else []

    def _is_destination(self, e: Span, floor: int) -> bool:
        prev = self.folded[max(floor, e.start - 6) : e.start]
        if prev.endswith("ل") and not prev.endswith(" "):
            return True
        words = prev.split()
        return bool(words) and words[-1] in ("الي", "الى")
