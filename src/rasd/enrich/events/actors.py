"""Who: PER/ORG actors, the perpetrator and target of a trigger, and claims of responsibility."""

from __future__ import annotations

from rasd.document import Span
from rasd.enrich.events.context import Candidate
from rasd.enrich.events.lexicon import (
    AGENTS,
    DIPLOMACY,
    FAMILIES,
    GOVERNING_VERB_STEMS_WITH_OBJECT,
    GOVERNING_VERBS,
    LOCATIVE_WORDS,
    PUNCT,
    SOURCE_WORDS,
    TARGET_WORDS,
    WORD_RE,
)
from rasd.enrich.events.places import PlaceRules
from rasd.enrich.lexmatch import DATELINE_RE, canonical_of


class ActorRules(PlaceRules):
    """Actors, participants and claimants from the entities layer."""

    # -- who and where ---------------------------------------------------------------------
    def _agents(self, i: int, *, drop_sources: bool, after: int | None = None) -> list[str]:
        """PER/ORG names of sentence ``i``; with ``after`` (a meeting verb), those named before its topic."""
        s = self.sentences[i]
        end = s.end
        dateline = DATELINE_RE.match(self.text, s.start, s.end)  # دبي (CNN)--: the bureau, not a party
        start = dateline.end() if dateline else s.start
        if after is not None:
            for m in WORD_RE.finditer(self.folded, after, s.end):
                if m.group().strip(PUNCT) in self.lex.topic_words:
                    end = m.start()
                    break
        out: list[str] = []
        for e in self.entities.within(start, end, AGENTS):
            if drop_sources and self._after_source_word(e.start, s.start):
                continue
            name = canonical_of(e, self.text)
            if name not in out:
                out.append(name)
        return out

    def _perpetrator(self, c: Candidate) -> str | None:
        """Who did it: the subject after a verb trigger (``هاجمت قوات النظام``) or of the verb that
        governs a noun trigger (``وشنت تركيا هجوما``، ``هجوما شنه داعش``)."""
        if FAMILIES[c.type] in DIPLOMACY:
            return None
        s = self.sentences[c.sentence]
        if c.pos == "verb":
            return self._subject_after(c.end, s.end)
        before = list(WORD_RE.finditer(self.folded, max(s.start, c.start - 60), c.start))[-6:]
        for w in before:
            if w.group().strip(PUNCT).lstrip("وف") in GOVERNING_VERBS:
                ents = self.entities.within(w.end(), c.start, AGENTS)
                if ents:
                    return canonical_of(ents[0], self.text)
                break
        after = list(WORD_RE.finditer(self.folded, c.end, s.end))[:4]
        for w in after:
            if w.group().strip(PUNCT)[:3] in GOVERNING_VERB_STEMS_WITH_OBJECT:  # شنه، نفذه، تبناه
                return self._subject_after(w.end(), s.end)
        return None

    def _target(self, c: Candidate) -> str | None:
        """Whom it hit: a PER/ORG after على/ضد/استهدف within six words of the trigger."""
        if FAMILIES[c.type] in DIPLOMACY:
            return None
        s = self.sentences[c.sentence]
        words = list(WORD_RE.finditer(self.folded, c.end, s.end))[:6]
        for w in words:
            if w.group().strip(PUNCT).lstrip("و") in TARGET_WORDS:
                found = self._subject_after(w.end(), s.end, max_words=3)
                if found:
                    return found
        return None

    def _subject_after(self, pos: int, end: int, max_words: int = 4) -> str | None:
        words = list(WORD_RE.finditer(self.folded, pos, end))[:max_words]
        if not words:
            return None
        ents = self.entities.within(pos, words[-1].end(), AGENTS)
        for e in ents:
            between = self.folded[pos : e.start].split()
            if not any(b.strip(PUNCT) in LOCATIVE_WORDS or b.strip(PUNCT) in SOURCE_WORDS for b in between):
                return canonical_of(e, self.text)
        return None

    def _after_source_word(self, pos: int, floor: int) -> bool:
        before = self.folded[max(floor, pos - 25) : pos].split()[-3:]
        return any(w.strip(PUNCT) in SOURCE_WORDS for w in before)

    # -- claims ----------------------------------------------------------------------------
    def _claim(self, i: int) -> tuple[str | None, str | None]:
        for j in (i, i - 1, i + 1):
            if not 0 <= j < len(self.sentences):
                continue
            s = self.sentences[j]
            for m in self.lex.claims.finditer(self.folded, s.start, s.end):
                found = self._claimant(m.start(), m.end(), s)
                if found is not None:
                    return found
        return None, None

    def _claimant(self, start: int, end: int, s: Span) -> tuple[str, str] | None:
        side = self.lex.claim_sides.get(self.folded[start:end].lstrip("وف"), "after")
        if side == "before":  # أعلن تنظيم داعش مسؤوليته: the claimant stands between verb and noun
            words = list(WORD_RE.finditer(self.folded, max(s.start, start - 60), start))[-5:]
            ents = self.entities.within(words[0].start() if words else start, start, AGENTS)
            if not ents:
                return None
            e = ents[-1]
            prev = [w for w in words if w.end() <= e.start]
            verb = next((w for w in reversed(prev[-3:]) if w.group().lstrip("وف").startswith("اعلن")), None)
            if verb is None:
                return None  # حمّل X مسؤوليته، ألقت مسؤوليته على: blame, not a claim
            return canonical_of(e, self.text), self.text[verb.start() : end]
        words = list(WORD_RE.finditer(self.folded, end, s.end))[:4]
        ents = self.entities.within(end, words[-1].end() if words else end, AGENTS)
        if ents:
            e = ents[0]
            return canonical_of(e, self.text), self.text[start : e.end]
        for n in (2, 1):
            if len(words) >= n:
                phrase = " ".join(w.group().strip(PUNCT) for w in words[:n])
                if phrase in self.lex.anaphors:
                    antecedent = self.entities.before(start, ("ORG",)) or self.entities.before(start, ("PER",))
                    if antecedent is not None:
                        return canonical_of(antecedent, self.text), self.text[start : words[n - 1].end()]
        before = self.entities.within(max(s.start, start - 40), start, ("ORG",))
        if before and not self.folded[before[-1].end : start].strip(" ،,"):
            return canonical_of(before[-1], self.text), self.text[before[-1].start : end]
        return None
