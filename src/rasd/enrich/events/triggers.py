"""Does a trigger fire: the evidence of one concrete incident around it."""

from __future__ import annotations

from rasd.enrich.events.actors import ActorRules
from rasd.enrich.events.context import Candidate
from rasd.enrich.events.lexicon import (
    AGENTS,
    ATTACK_VERB_THRESHOLD,
    CUMULATIVE_WORDS,
    DELEGATION_RE,
    FAMILIES,
    INCIDENT_NEAR_WORDS,
    NOUN_THRESHOLD,
    VIOLENT_VERB_THRESHOLD,
)


class TriggerRules(ActorRules):
    """Whether a trigger candidate reports one concrete event."""

    # -- does a candidate fire? -----------------------------------------------------------
    def fires(self, c: Candidate) -> bool:
        i = c.sentence
        override = self.lex.trigger_thresholds.get(c.form)
        if c.form in self.lex.weak_triggers and (self.has_word(i, CUMULATIVE_WORDS) or self._generic_near(c)):
            return False  # ومنذ بدء الحملة قتل أكثر من 630 مدنيا، قتل 10 في حادث تصادم: a toll, an accident
        if c.type == "territory" and not self._control_object_follows(c):
            return False
        if override is not None:
            return self.concreteness(c) >= override
        if c.type in ("meeting", "agreement"):
            names = self._agents(i, drop_sources=True, after=c.start)
            after = self.folded[c.end : self.sentences[i].end]
            return len(names) >= 2 or (len(names) == 1 and bool(DELEGATION_RE.search(after)))
        if c.type == "visit" and c.pos == "noun":
            return self._visit_noun_fires(c)
        if c.type == "visit":
            s = self.sentences[i]
            has_visitor = bool(self._agents(i, drop_sources=True)) or bool(
                DELEGATION_RE.search(self.folded, s.start, s.end))
            return has_visitor and bool(self._visit_locations(i, c.end)) and not self._generic_near(c)
        if c.pos == "verb":
            if FAMILIES[c.type] in ("arrest", "protest"):
                return not self._generic_near(c)
            need = ATTACK_VERB_THRESHOLD if c.type == "attack" else VIOLENT_VERB_THRESHOLD
            return self.concreteness(c) >= need
        return self.concreteness(c) >= NOUN_THRESHOLD

    def _control_object_follows(self, c: Candidate) -> bool:
        """``سيطرت قوات النظام على بلدة``: a control verb is a territory event with على within six words."""
        ws = self.words(c.sentence)
        k = next((n for n, w in enumerate(ws) if w[1] > c.start), len(ws))
        return any(w == "علي" for _, _, w in ws[k + 1 : k + 7])

    def _visit_noun_fires(self, c: Candidate) -> bool:
        """``زيارة رسمية يقوم بها إلى باريس``، ``بداية زيارته إلى بريطانيا``، ``زيارة الرئيس السوري
        للغوطة``: a visit noun is an event with a visitor (a possessive suffix, a name right after it or
        a verb of doing before it) and a destination; not when planned (``المرتقبة``، ``سيقوم``) or the frame
        of another report (``تزامنا مع زيارة الكاظمي لواشنطن``، ``على هامش زيارته``)."""
        ws = self.words(c.sentence)
        k = next((n for n, w in enumerate(ws) if w[1] > c.start), len(ws))
        near = {w for _, _, w in ws[max(0, k - 3) : k + 5]}
        if near & self.lex.visit_frames:
            return False
        if not self._visit_locations(c.sentence, c.end):
            return False
        word = self.folded[c.start : c.end]
        if word.endswith(("ه", "ها", "هم")):
            return True
        if self.entities.within(c.end, min(self.sentences[c.sentence].end, c.end + 40), AGENTS):
            return True
        return any(w.lstrip("و") in self.lex.visit_doing for _, _, w in ws[max(0, k - 3) : k])

    def concreteness(self, c: Candidate) -> int:
        i = c.sentence
        score = 0
        killed, wounded = self.casualties([i])
        counted = killed[0] is not None or wounded[0] is not None
        if counted or (c.type == "arrest" and self.spans_in(self.quantities, i)):
            score += 2
        elif c.number == "pl":
            score -= 1
        if any(self._date_of(t) for t in self.spans_in(self.times, i)):
            score += 1
        if self.entities.within(self.sentences[i].start, self.sentences[i].end, ("LOC",)):
            score += 1
        if self._near(c, self.lex.incident, INCIDENT_NEAR_WORDS):
            score += 2
        elif self.has_word(i, self.lex.incident):
            score += 1
        if self._generic_near(c):
            score -= 2
        return score

    def _near(self, c: Candidate, vocab: frozenset[str], span: int) -> bool:
        """A word of ``vocab`` within ``span`` words after the trigger or ``span + 2`` before it (a
        governing verb may have its subject in between: وشنت قوات أميركية وبريطانية ضربات جوية)."""
        ws = self.words(c.sentence)
        k = next((n for n, w in enumerate(ws) if w[1] > c.start), len(ws))
        for n in range(max(0, k - span - 2), min(len(ws), k + span + 1)):
            w = ws[n][2]
            if n != k and (w in vocab or (w[:1] in "وف" and w[1:] in vocab)):
                return True
        return False

    def _generic_near(self, c: Candidate) -> bool:
        ws = self.words(c.sentence)
        k = next((n for n, w in enumerate(ws) if w[0] <= c.start < w[1] or w[0] >= c.start), 0)
        for _, _, w in ws[max(0, k - 2) : k + 8]:
            if w in self.lex.generic or (w[:1] in "وفل" and w[1:] in self.lex.generic):
                return True
        return False
