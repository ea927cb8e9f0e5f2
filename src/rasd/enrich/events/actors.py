"""Who: PER/ORG actors, the perpetrator and target of a trigger, and claims of responsibility."""

from __future__ import annotations

from rasd.document import Span
from rasd.enrich.events.context import Candidate
from rasd.enrich.events.lexicon import (
    AGENTS,
    CLAUSE_BREAKS,
    COMPLEMENTISERS,
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
            if self._reporter_org(e):
                continue  # نقلت قناة الجزيرة: a medium is no party
            if self._named_by_place_noun(e, start):
                continue  # بقرية الهدنة "بانمونغوم": a place the entity layer took for an organisation
            name = canonical_of(e, self.text)
            if name not in out:
                out.append(name)
        return out

    def _agent_spans(self, i: int, *, drop_sources: bool) -> list[tuple[str, Span]]:
        """(canonical name, span) of the PER/ORG mentions of sentence ``i`` after its dateline."""
        s = self.sentences[i]
        dateline = DATELINE_RE.match(self.text, s.start, s.end)
        return [(canonical_of(e, self.text), e) for e in self.entities.within(dateline.end() if dateline else s.start,
                                                                             s.end, AGENTS)
                if not (drop_sources and self._after_source_word(e.start, s.start))]

    def _sides(self, i: int, trigger: Candidate) -> list[str]:
        """Actors of a non-diplomatic event: the PER/ORG of its sentence without the sources (``بحسب``)
        and the bystanders that only report it — the subject of a reporting verb before its clause
        (``قالت الشرطة إن``، ``أفاد المرصد بأن``، ``حسبما أفادت وكالة الأنباء``) and organisations that
        report violence rather than take part (a health ministry, a hospital, an agency: ``reporter_orgs.txt``)."""
        reported: list[tuple[int, int]] = []  # spans holding a reporting verb's subject
        words = self.words(i)
        for n, (start, _, w) in enumerate(words):
            if w.removeprefix("و").removeprefix("ف") not in self.lex.reporting:
                continue
            m = next((m for m in range(n + 1, min(len(words), n + 8))
                      if words[m][2] in COMPLEMENTISERS or words[m][0] >= trigger.start > start), None)
            if m is not None and m + 1 < len(words) and _own_forces(words[m + 1][2]):
                continue  # قال الجيش في بيان إن طائراته قصفت: the reporter is the side that acted
            end = words[m][0] if m is not None else words[min(len(words) - 1, n + 5)][1]
            reported.append((start, end))
        out: list[str] = []
        for name, e in self._agent_spans(i, drop_sources=True):
            if any(a <= e.start < b for a, b in reported) or self._reporter_org(e):
                continue
            if e.end <= trigger.start and self._other_clause_between(e.end, trigger.start):
                continue  # وعقد مجلس الأمن اجتماعا … غداة يوم قتل فيه 61 برصاص الجيش: the council is no side
            if name not in out:
                out.append(name)
        return out

    def _reporter_org(self, e: Span) -> bool:
        """An ORG that reports rather than acts: its name, or the word before it, holds a reporter word
        (``وزارة الصحة``، ``وكالة الأنباء``، ``صحيفة دي موسكو تايمز``)."""
        if e.label != "ORG":
            return False
        name = self.folded[max(0, e.start - 8) : e.end]
        return any(r in name for r in self.lex.reporter_orgs)

    def _other_clause_between(self, start: int, end: int) -> bool:
        """A clause opener between a name and a later trigger (``بعد``، ``غداة``، ``بينما``، ``للتنديد``):
        the name is the subject of another clause."""
        return any(w.strip(PUNCT).removeprefix("و") in CLAUSE_BREAKS for w in self.folded[start:end].split())

    def _perpetrator(self, c: Candidate) -> str | None:
        """Who did it: the subject after a verb trigger (``هاجمت قوات النظام``) or of the verb that
        governs a noun trigger (``وشنت تركيا هجوما``، ``هجوما شنه داعش``)."""
        if FAMILIES[c.type] in DIPLOMACY:
            return None
        s = self.sentences[c.sentence]
        if c.pos == "verb":
            subject = self._subject_before(c)
            return (subject or None) if subject is not None else self._subject_after(c.end, s.end)
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

    def _subject_before(self, c: Candidate) -> str | None:
        """The subject before a verb (after إن/أن the order is subject–verb): a name right before it
        (``إن قوات النظام قصفت``), the reporter for its own forces (``قال الجيش إن طائراته قصفت``), or ""
        for a subject that names no side (``إن مسلحا هاجم موكب الوزير``: the name after it is the target)."""
        s = self.sentences[c.sentence]
        ents = self.entities.within(max(s.start, c.start - 40), c.start, AGENTS)
        if ents and not self.folded[ents[-1].end : c.start].strip():
            return canonical_of(ents[-1], self.text)
        before = [w.strip(PUNCT) for w in self.folded[max(s.start, c.start - 40) : c.start].split()]
        if len(before) < 2 or before[-2] not in COMPLEMENTISERS:
            return None
        if _own_forces(before[-1]):
            reporter = self.entities.before(c.start, AGENTS)
            return canonical_of(reporter, self.text) if reporter is not None and reporter.start >= s.start else ""
        return ""

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


#: Forces named with a possessive after a reporter's complementiser (إن طائراته، أن قواتها): its own (folded).
_FORCES = frozenset(("طائرات", "قوات", "مقاتلات", "عناصر", "جنود", "وحدات", "مدفعيه", "مسلحي", "مقاتلي"))


def _own_forces(word: str) -> bool:
    """``طائراته``، ``قواتها``، ``مقاتليه``، ``مدفعيته`` (folded): a force word with a possessive suffix."""
    for suffix in ("هم", "ها", "ه"):
        stem = word.removesuffix(suffix)
        if stem != word and (stem in _FORCES or (stem.endswith("ت") and stem[:-1] + "ه" in _FORCES)):
            return True
    return False
