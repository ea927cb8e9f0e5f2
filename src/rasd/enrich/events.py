"""Events: what happened, when, where, to whom — ACLED-aligned, from trigger words in context.

One `Span` per event over its trigger (``هجوما داميا``، ``ويستقبل``), label = our type, attrs::

    type, acled_event_type, acled_sub_event_type     (ACLED names; None for meeting/visit)
    date, date_precision, date_evidence              governing DATE/TIME in the sentence, nearest
                                                     to the trigger; else the publish date with
                                                     precision "publication" (evidence None)
    locations      canonical LOC names in the sentence, text order, countries last
                   (meeting/visit: only LOCs after في/ب/إلى, else the destination of a visit of one
                   of the participants mentioned anywhere in the article: ``زيارة الكاظمي لواشنطن``)
    actors         PER/ORG in the sentence, sources (بحسب X) left out, the perpetrator first
    perpetrator    the subject of a verb trigger (هاجمت قوات النظام) or of the verb governing a noun
                   trigger (وشنت تركيا هجوما، هجوما شنه داعش), or None
    target         a PER/ORG after على/ضد/استهدف right after the trigger, or None
    participants   PER/ORG in the sentence                                  (meeting/visit/agreement)
    claimed_by, claim_evidence   a claim of responsibility (``تبنى``، ``أعلن مسؤوليته``) in the
                   sentence or the one before/after; its subject, or for ``هذه الأخيرة``/``الأخير``
                   the last ORG mentioned before it
    killed, killed_qualifier, wounded, wounded_qualifier   from the sentence's quantities
    reference      True when the trigger names an earlier event the sentence reacts to (``ردا على
                   هجوم``، ``بعد الانفجار``): only a time expression after the trigger dates it
    sentence       [start, end] of the sentence the event came from
    notes          that sentence's text (first 400 characters), for exports and stores

Precision over recall.  The rule that decides whether a trigger is an event:

- evidence of one concrete incident is scored over the sentence: +2 a casualty count, +1 a DATE/TIME,
  +1 a LOC, +1 an incident word (``وقع``، ``أسفر``، ``استهدف``; +2 when within three words of the
  trigger: ``شن هجوما``، ``اندلعت اشتباكات``), −2 a generic or non-violent word next to the trigger
  (``هجمات متكررة``، ``لمكافحة``، ``مذكرة توقيف``، ``الهجوم الإلكتروني``), −1 a plural without count;
- nouns (``هجوم``، ``انفجار``، ``اشتباكات``) need a score ≥ 3; ``هاجم`` (also "criticised") ≥ 2; other
  violent verbs (``انفجرت``، ``قصفت``) ≥ 1; arrest and protest verbs fire on their own; a verb with
  ب/ل (``ليصل``، purpose) never fires; meeting verbs need two participants (or one and a
  ``وفد``/``نظير``), visit verbs a participant (or ``وفد``) and a destination LOC;
- diplomatic nouns (``لقاء``، ``زيارة``) never fire on their own;
- an event whose governing date is more than a year before publication is background
  (``احتجاجات عام 1968``), not news, and is dropped; ``منذ العام 2011`` (since) never governs;
- a generic attack (``برصاص``) in a sentence with a protest is force against the protesters: one
  protest event with ACLED's "Excessive force against protesters";
- one event per family per sentence (the most specific type wins: suicide bomb > air strike >
  shelling > explosion > …); a definite noun (``الانفجار``) within two sentences of an event of its
  family adds to that event instead of starting a new one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rasd.document import Article, Span
from rasd.enrich.lexmatch import (
    DATELINE_RE,
    EntityIndex,
    canonical_of,
    compile_forms,
    fold_ar,
    read_data_lines,
    read_data_rows,
)

__all__ = ["EventLexicon", "EventStage", "find_events", "load_event_lexicon", "make_stage"]

FAMILIES = {
    "attack": "violence", "armed_clash": "violence", "air_strike": "violence", "shelling": "violence",
    "explosion": "violence", "suicide_bomb": "violence", "grenade": "violence",
    "violence_against_civilians": "violence", "abduction": "violence",
    "protest": "protest", "riot": "protest", "arrest": "arrest",
    "meeting": "meeting", "visit": "visit", "agreement": "agreement",
}  # fmt: skip
#: Most specific first: the type an event of several triggers takes.
PRIORITY = ("suicide_bomb", "air_strike", "shelling", "grenade", "explosion", "abduction",
            "violence_against_civilians", "armed_clash", "attack", "riot", "protest", "arrest",
            "agreement", "meeting", "visit")  # fmt: skip
DIPLOMACY = frozenset({"meeting", "visit", "agreement"})
REFINABLE = frozenset({"attack", "explosion", "shelling"})
AGENTS = ("PER", "ORG")
NOUN_THRESHOLD = 3
ATTACK_VERB_THRESHOLD = 2
VIOLENT_VERB_THRESHOLD = 1
INCIDENT_NEAR_WORDS = 3
MAX_EVENT_AGE_DAYS = 365
NOTES_MAX_CHARS = 400
_PUNCT = "،,.:؛;!؟?()[]\"“”«»'‘’-–—"
_WORD_RE = re.compile(r"\S+")
_SOURCE_WORDS = frozenset(fold_ar(w) for w in ("بحسب", "حسب", "وفق", "وفقا", "عن", "لـ", "مصادر", "مصدر"))
_LOCATIVE_WORDS = frozenset(fold_ar(w) for w in ("في", "إلى", "الى", "داخل", "قرب", "بمدينة", "بمحافظة"))
_GOVERNING_VERBS = frozenset(fold_ar(w) for w in (
    "شن", "شنت", "شنوا", "يشن", "تشن", "نفذ", "نفذت", "نفذوا", "ينفذ", "تنفذ", "تبنى", "تبنت", "أطلق", "أطلقت"))
_GOVERNING_VERB_STEMS_WITH_OBJECT = frozenset(fold_ar(w) for w in ("شنه", "شنت", "نفذ", "تبن"))
_TARGET_WORDS = frozenset(fold_ar(w) for w in ("على", "ضد", "استهدف", "استهدفت", "يستهدف", "تستهدف", "مستهدفا", "مستهدفة"))
_REFERENCE_WORDS = frozenset(fold_ar(w) for w in ("ردا", "رد", "بعد", "إثر", "عقب", "أعقاب", "منذ", "بعيد"))
_DELEGATION_RE = re.compile(fold_ar("(?:وفد|وفدا|نظير|نظيره|نظيرته|نظيرها)"))
_DATE_RE = re.compile(r"^(\d{4})(?:-(W\d\d|\d\d)(?:-(\d\d))?)?")


@dataclass(frozen=True)
class EventLexicon:
    triggers: re.Pattern[str]
    trigger_info: Mapping[str, tuple[str, str, str]]  # folded form -> (type, pos, number)
    trigger_thresholds: Mapping[str, int]  # folded form -> evidence score it needs (overrides)
    acled: Mapping[str, tuple[str | None, str | None]]
    refinements: re.Pattern[str]
    refinement_info: Mapping[str, tuple[str, str, str]]
    modifiers: frozenset[str]
    incident: frozenset[str]
    generic: frozenset[str]
    civilian: frozenset[str]
    claims: re.Pattern[str]
    claim_sides: Mapping[str, str]
    visits: re.Pattern[str]
    casualty_words: Mapping[str, str]
    anaphors: frozenset[str]
    countries: frozenset[str]
    topic_words: frozenset[str]


def load_event_lexicon() -> EventLexicon:
    """Read ``rasd/data/events/`` once (called by `make_stage`)."""
    rows = read_data_rows("events", "triggers.tsv")
    trig = {fold_ar(r[0]): (r[1], r[2], r[3]) for r in rows}
    acled = {r[0]: (r[1] or None if len(r) > 1 else None, r[2] or None if len(r) > 2 else None)
             for r in read_data_rows("events", "acled.tsv")}
    refine = {fold_ar(r[0]): (r[1], r[2], r[3]) for r in read_data_rows("events", "refinements.tsv")}
    claim_sides = {fold_ar(r[0]): r[1] for r in read_data_rows("events", "claim_verbs.txt")}

    def words(name: str) -> frozenset[str]:
        return frozenset(fold_ar(w) for w in read_data_lines("events", name))

    return EventLexicon(
        triggers=compile_forms(trig, prefix="(?:[وف])?(?:[بك]|لل?)?"),
        trigger_info=trig,
        trigger_thresholds={fold_ar(r[0]): int(r[4]) for r in rows if len(r) > 4 and r[4]},
        acled=acled,
        refinements=compile_forms(refine, prefix="(?:[وف])?(?:[بلك])?(?:ال)?"),
        refinement_info=refine,
        modifiers=words("modifiers.txt"),
        incident=words("incident_words.txt"),
        generic=words("generic_words.txt"),
        civilian=words("civilian_words.txt"),
        claims=compile_forms(claim_sides),
        claim_sides=claim_sides,
        visits=compile_forms(read_data_lines("events", "visit_words.txt"), prefix="(?:[وف])?(?:[بل])?(?:ال)?"),
        casualty_words={fold_ar(r[0]): r[1] for r in read_data_rows("events", "casualty_words.tsv")},
        anaphors=frozenset(fold_ar(w) for w in read_data_lines("quotes", "anaphors.txt")),
        countries=_load_country_names(),
        topic_words=words("topic_words.txt"),
    )


def _load_country_names() -> frozenset[str]:
    """Folded Arabic country names from CLDR (babel), with and without the article."""
    from babel import Locale

    names: set[str] = set()
    for code, name in Locale("ar").territories.items():
        if code.isalpha():
            f = fold_ar(name)
            names.add(f)
            names.add(f[2:] if f.startswith("ال") else "ال" + f)
    return frozenset(names)


@dataclass
class _Candidate:
    start: int
    end: int
    type: str
    pos: str
    number: str
    sentence: int  # index into the sentence list
    form: str = ""


@dataclass
class _Event:
    trigger: tuple[int, int]
    type: str
    sentence: int
    attrs: dict[str, Any] = field(default_factory=dict)


def find_events(article: Article, lexicon: EventLexicon | None = None) -> list[Span]:
    """Event spans of ``article`` (needs ``sentences``, ``entities``, ``times``, ``quantities``).

    >>> a = Article.build("", ["وقالت الشرطة إن انفجارا وقع في سوق المدينة أسفر عن 3 قتلى."])
    >>> a = a.with_layer("sentences", [Span(p.start, p.end, "sentence") for p in a.paragraphs])
    >>> i = a.text.index("3 قتلى")
    >>> a = a.with_layer("quantities", [Span(i, i + 6, "QUANTITY", {"value": 3, "unit": "killed"})])
    >>> [(a.text[e.start:e.end], e.attrs["type"], e.attrs["killed"]) for e in find_events(a)]
    [('انفجارا', 'explosion', 3)]
    """
    lex = lexicon or load_event_lexicon()
    text = article.text
    folded = fold_ar(text)
    sentences = sorted(article.sentences, key=lambda s: s.start) or [
        Span(p.start, p.end, "sentence") for p in article.paragraphs
    ]
    sent_starts = [s.start for s in sentences]
    entities = EntityIndex(article.entities)
    ctx = _Context(article, text, folded, sentences, entities, lex)

    by_sentence: dict[int, list[_Candidate]] = {}
    for m in lex.triggers.finditer(folded):
        i = bisect.bisect_right(sent_starts, m.start()) - 1
        if i < 0 or m.end() > sentences[i].end:
            continue
        kind, pos, number = lex.trigger_info[m.group("form")]
        if pos == "verb" and any(ch in "بكل" for ch in folded[m.start() : m.start("form")]):
            continue  # ليصل، لاستقبال: purpose, not a report
        by_sentence.setdefault(i, []).append(_Candidate(m.start(), m.end(), kind, pos, number, i, m.group("form")))

    events: list[_Event] = []
    for i in sorted(by_sentence):
        families: dict[str, list[_Candidate]] = {}
        for c in by_sentence[i]:
            families.setdefault(FAMILIES[c.type], []).append(c)
        fired_by_family = {f: [c for c in cands if ctx.fires(c)] for f, cands in families.items()}
        force = _force_against_protest(fired_by_family, families)
        if force:  # the shooting is the evidence that the protest took place
            fired_by_family["protest"] = families["protest"]
        for family, fired in fired_by_family.items():
            if not fired or (force and family == "violence"):
                continue
            previous = _coreferent(events, family, fired, i, folded)
            if previous is not None:
                ctx.merge_into(previous, i)
                continue
            event = ctx.make_event(fired, i)
            if ctx.is_background(event):
                continue
            if force and family == "protest":
                event.attrs["acled_sub_event_type"] = "Excessive force against protesters"
            same = _same_incident(events, event)
            if same is not None:  # the headline and the lead paragraph tell the same incident
                _fill_missing(same, event)
                continue
            events.append(event)
    return [Span(e.trigger[0], e.trigger[1], e.type, e.attrs) for e in events]


def _force_against_protest(fired: dict[str, list[_Candidate]], present: dict[str, list[_Candidate]]) -> bool:
    """``قتلى برصاص الجيش في مظاهرات``: a generic attack (shooting) inside a protest is ACLED's
    "Protests / Excessive force against protesters", one event, not a protest plus an attack."""
    violent = fired.get("violence") or []
    return bool(present.get("protest")) and bool(violent) and all(c.type == "attack" for c in violent)


def _same_incident(events: list[_Event], new: _Event) -> _Event | None:
    """An earlier event of the article's same family (not diplomacy) with a compatible date and a
    shared location: the headline and the lead paragraph telling one incident."""
    family = FAMILIES[new.type]
    if family in DIPLOMACY:
        return _same_meeting(events, new)
    if not new.attrs["locations"]:
        return None
    for e in events:
        if FAMILIES[e.type] != family or not set(e.attrs["locations"]) & set(new.attrs["locations"]):
            continue
        dates = {e.attrs["date"], new.attrs["date"]}
        if len(dates) == 1 or "publication" in (e.attrs["date_precision"], new.attrs["date_precision"]):
            return e
    return None


def _same_meeting(events: list[_Event], new: _Event) -> _Event | None:
    """A diplomatic event told twice (headline ``يلتقي`` and lead ``التقى``): same type, same day and
    a shared participant.  Two meetings of different people on one day stay apart."""
    parts = set(new.attrs.get("participants") or [])
    if not parts:
        return None
    for e in events:
        if e.type != new.type or not parts & set(e.attrs.get("participants") or []):
            continue
        if e.attrs["date"] == new.attrs["date"] or "publication" in (
            e.attrs["date_precision"], new.attrs["date_precision"]
        ):
            return e
    return None


def _fill_missing(old: _Event, new: _Event) -> None:
    a, b = old.attrs, new.attrs
    if a["date_precision"] == "publication" and b["date_precision"] != "publication":
        for k in ("date", "date_precision", "date_evidence"):
            a[k] = b[k]
    for k in ("killed", "killed_qualifier", "wounded", "wounded_qualifier", "claimed_by", "claim_evidence"):
        if a.get(k) is None and b.get(k) is not None:
            a[k] = b[k]
    for k in ("locations", "actors"):
        a[k] = a[k] + [x for x in b[k] if x not in a[k]]
    if PRIORITY.index(new.type) < PRIORITY.index(old.type):
        old.type = new.type
        for k in ("type", "acled_event_type", "acled_sub_event_type"):
            a[k] = b[k]


def _period_end(value: str) -> date | None:
    """Last day of a DATE value's period: ``2016`` → 2016-12-31, ``2018-03`` → 2018-03-28 (near enough)."""
    try:
        if len(value) >= 10:
            return date.fromisoformat(value[:10])
        if len(value) == 8 and value[5] == "W":
            return date.fromisocalendar(int(value[:4]), int(value[6:8]), 7)
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 28)
        return date(int(value[:4]), 12, 31)
    except ValueError:
        return None


def _coreferent(events: list[_Event], family: str, fired: list[_Candidate], i: int, folded: str) -> _Event | None:
    """A definite noun (الانفجار، الهجوم) right after an event of its family refers back to it."""
    if family in DIPLOMACY or any(c.pos == "verb" for c in fired):
        return None
    first = fired[0]
    word = folded[first.start : first.end]
    if not (word.startswith(("ال", "وال", "بال", "لل", "فال"))):
        return None
    for e in reversed(events):
        if FAMILIES[e.type] == family and 0 < i - e.sentence <= 2 and _may_refer(first.type, e.type):
            return e
    return None


#: What a definite noun may refer back to: الهجوم to a bombing or an attack, not to an air strike or
#: shelling (in ردا على الهجوم after a missile strike, the attack is another event).
_REFERS_TO = {
    "attack": frozenset({"attack", "suicide_bomb", "explosion", "grenade", "violence_against_civilians"}),
    "explosion": frozenset({"explosion", "suicide_bomb", "grenade"}),
    "shelling": frozenset({"shelling", "air_strike"}),  # القصف after غارات: the same bombardment
}


def _may_refer(noun_type: str, event_type: str) -> bool:
    return noun_type == event_type or event_type in _REFERS_TO.get(noun_type, frozenset())


class _Context:
    """Per-article look-ups shared by the rules."""

    def __init__(self, article: Article, text: str, folded: str, sentences: list[Span],
                 entities: EntityIndex, lex: EventLexicon) -> None:
        self.article, self.text, self.folded, self.sentences = article, text, folded, sentences
        self.entities, self.lex = entities, lex
        self.times = sorted(article.times, key=lambda s: s.start)
        self.quantities = sorted(article.quantities, key=lambda s: s.start)
        self._words: dict[int, list[tuple[int, int, str]]] = {}

    # -- sentence helpers -----------------------------------------------------------------
    def words(self, i: int) -> list[tuple[int, int, str]]:
        if i not in self._words:
            s = self.sentences[i]
            self._words[i] = [(m.start(), m.end(), m.group().strip(_PUNCT))
                              for m in _WORD_RE.finditer(self.folded, s.start, s.end)]
        return self._words[i]

    def has_word(self, i: int, vocab: frozenset[str]) -> bool:
        return any(w in vocab or (w[:1] in "وف" and w[1:] in vocab) for _, _, w in self.words(i))

    def spans_in(self, spans: list[Span], i: int) -> list[Span]:
        s = self.sentences[i]
        return [x for x in spans if s.start <= x.start and x.end <= s.end]

    # -- does a candidate fire? -----------------------------------------------------------
    def fires(self, c: _Candidate) -> bool:
        i = c.sentence
        override = self.lex.trigger_thresholds.get(c.form)
        if override is not None:
            return self.concreteness(c) >= override
        if c.type in ("meeting", "agreement"):
            names = self._agents(i, drop_sources=True, after=c.start)
            after = self.folded[c.end : self.sentences[i].end]
            return len(names) >= 2 or (len(names) == 1 and bool(_DELEGATION_RE.search(after)))
        if c.type == "visit":
            s = self.sentences[i]
            has_visitor = bool(self._agents(i, drop_sources=True)) or bool(
                _DELEGATION_RE.search(self.folded, s.start, s.end))
            return has_visitor and bool(self._visit_locations(i, c.end))
        if c.pos == "verb":
            if FAMILIES[c.type] in ("arrest", "protest"):
                return not self._generic_near(c)
            need = ATTACK_VERB_THRESHOLD if c.type == "attack" else VIOLENT_VERB_THRESHOLD
            return self.concreteness(c) >= need
        return self.concreteness(c) >= NOUN_THRESHOLD

    def concreteness(self, c: _Candidate) -> int:
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

    def _near(self, c: _Candidate, vocab: frozenset[str], span: int) -> bool:
        """A word of ``vocab`` within ``span`` words after the trigger or ``span + 2`` before it (a
        governing verb may have its subject in between: وشنت قوات أميركية وبريطانية ضربات جوية)."""
        ws = self.words(c.sentence)
        k = next((n for n, w in enumerate(ws) if w[1] > c.start), len(ws))
        for n in range(max(0, k - span - 2), min(len(ws), k + span + 1)):
            w = ws[n][2]
            if n != k and (w in vocab or (w[:1] in "وف" and w[1:] in vocab)):
                return True
        return False

    def is_background(self, event: _Event) -> bool:
        """A governing date whose period ended more than a year before publication."""
        published = self.article.published
        value = event.attrs.get("date")
        if published is None or not value or event.attrs.get("date_precision") == "publication":
            return False
        last = _period_end(str(value))
        return last is not None and (published.date() - last).days > MAX_EVENT_AGE_DAYS

    def _generic_near(self, c: _Candidate) -> bool:
        ws = self.words(c.sentence)
        k = next((n for n, w in enumerate(ws) if w[0] <= c.start < w[1] or w[0] >= c.start), 0)
        for _, _, w in ws[max(0, k - 2) : k + 8]:
            if w in self.lex.generic or (w[:1] in "وفل" and w[1:] in self.lex.generic):
                return True
        return False

    # -- building an event ----------------------------------------------------------------
    def make_event(self, fired: list[_Candidate], i: int) -> _Event:
        kind = min((c.type for c in fired), key=PRIORITY.index)
        trigger = fired[0]
        acled_type, acled_sub = self.lex.acled.get(kind, (None, None))
        if kind in REFINABLE:  # the most specific cue of the sentence: انتحاري over مفخخة
            cues = [self.lex.refinement_info[m.group("form")][0] for m in
                    self.lex.refinements.finditer(self.folded, self.sentences[i].start, self.sentences[i].end)]
            if cues:
                kind = min([kind, *cues], key=PRIORITY.index)
                acled_type, acled_sub = self.lex.acled.get(kind, (acled_type, acled_sub))
        if kind == "attack" and self.has_word(i, self.lex.civilian):
            acled_type, acled_sub = self.lex.acled["violence_against_civilians"]
        if kind == "protest" and self.casualties([i])[0][0] is not None:
            acled_sub = "Excessive force against protesters"  # protesters killed
        event = _Event((trigger.start, self._extend_trigger(trigger.end, i)), kind, i)
        a = event.attrs
        a["type"], a["acled_event_type"], a["acled_sub_event_type"] = kind, acled_type, acled_sub
        a.update(self._date_attrs(trigger, i))
        a["reference"] = self.is_reference(trigger)
        family = FAMILIES[kind]
        if family in DIPLOMACY:
            parts = self._agents(i, drop_sources=True, after=trigger.start)
            a["participants"] = parts
            a["actors"] = parts
            locs = self._visit_locations(i, trigger.end) if kind == "visit" else self._locative_locations(i)
            if not locs and kind == "meeting":
                locs = self._visit_destination(parts, trigger.start)
            a["locations"] = locs
        else:
            a["actors"] = self._agents(i, drop_sources=True)
            a["participants"] = []
            a["locations"] = self._locations(i)
        a["perpetrator"], a["target"] = self._perpetrator(trigger), self._target(trigger)
        if a["perpetrator"] in a["actors"]:  # the doer first
            a["actors"] = [a["perpetrator"], *[x for x in a["actors"] if x != a["perpetrator"]]]
        a["claimed_by"], a["claim_evidence"] = None, None
        if family == "violence":
            a["claimed_by"], a["claim_evidence"] = self._claim(i)
            if a["claimed_by"] and a["claimed_by"] not in a["actors"]:
                a["actors"] = [a["claimed_by"], *a["actors"]]
        self._set_casualties(a, [i])
        s = self.sentences[i]
        a["sentence"] = [s.start, s.end]
        a["notes"] = self.text[s.start : min(s.end, s.start + NOTES_MAX_CHARS)]
        return event

    def merge_into(self, event: _Event, i: int) -> None:
        a = event.attrs
        if a.get("killed") is None and a.get("wounded") is None:
            self._set_casualties(a, [i])
        if not a.get("locations"):
            a["locations"] = self._locations(i)
        if a.get("claimed_by") is None and FAMILIES[event.type] == "violence":
            a["claimed_by"], a["claim_evidence"] = self._claim(i)
            if a["claimed_by"] and a["claimed_by"] not in a["actors"]:
                a["actors"] = [a["claimed_by"], *a["actors"]]

    def _extend_trigger(self, end: int, i: int) -> int:
        """Take in following adjectives: هجوما داميا، غارة جوية."""
        pos = end
        for m in _WORD_RE.finditer(self.folded, end, self.sentences[i].end):
            word = m.group()
            bare = word.rstrip(_PUNCT)
            if word != m.group().lstrip(_PUNCT) or bare not in self.lex.modifiers:
                break
            pos = m.start() + len(bare)
            if bare != word:
                break
        return pos

    # -- date ------------------------------------------------------------------------------
    def _date_of(self, t: Span) -> tuple[str, str] | None:
        if t.attrs.get("type") not in ("DATE", "TIME"):
            return None
        if self.folded.startswith("منذ", t.start) and t.attrs.get("precision") in ("year", "month"):
            return None  # منذ العام 2011: the start of a period, not the event's date
        m = _DATE_RE.match(str(t.attrs.get("value", "")))
        if not m:
            return None
        year, mid, day = m.groups()
        if day:
            return f"{year}-{mid}-{day}", "day"
        if mid and mid.startswith("W"):
            return f"{year}-{mid}", "week"
        if mid:
            return f"{year}-{mid}", "month"
        return year, "year"

    def _has_incident_word(self, start: int, end: int) -> bool:
        words = self.folded[start:end].split()
        return len(words) <= 6 and any(
            w.strip(_PUNCT) in self.lex.incident or w.strip(_PUNCT)[1:] in self.lex.incident for w in words)

    def is_reference(self, c: _Candidate) -> bool:
        """``ردا على هجوم``، ``بعد الهجوم``، ``إثر انفجار``: the trigger names an earlier event."""
        before = self.folded[max(self.sentences[c.sentence].start, c.start - 20) : c.start].split()[-2:]
        return any(w.strip(_PUNCT) in _REFERENCE_WORDS for w in before)

    def _date_attrs(self, c: _Candidate, i: int) -> dict[str, Any]:
        best: tuple[int, Span, tuple[str, str]] | None = None
        reference = self.is_reference(c)
        for t in self.spans_in(self.times, i):
            d = self._date_of(t)
            if d is None or (reference and t.start < c.start):
                continue  # the main clause's date is not the date of the event it reacts to
            dist = t.start - c.end if t.start >= c.end else c.start - t.end
            if t.start >= c.end and self._has_incident_word(c.end, t.start):
                dist = 0  # هجوم … وقع قبل عشرة أيام: the event's own clause dates it
            if best is None or dist < best[0]:
                best = (dist, t, d)
        if best is not None:
            return {"date": best[2][0], "date_precision": best[2][1],
                    "date_evidence": self.text[best[1].start : best[1].end]}
        published = self.article.published
        return {"date": published.date().isoformat() if published else None,
                "date_precision": "publication" if published else None, "date_evidence": None}

    # -- who and where ---------------------------------------------------------------------
    def _agents(self, i: int, *, drop_sources: bool, after: int | None = None) -> list[str]:
        """PER/ORG names of sentence ``i``; with ``after`` (a meeting verb), those named before its topic."""
        s = self.sentences[i]
        end = s.end
        if after is not None:
            for m in _WORD_RE.finditer(self.folded, after, s.end):
                if m.group().strip(_PUNCT) in self.lex.topic_words:
                    end = m.start()
                    break
        out: list[str] = []
        for e in self.entities.within(s.start, end, AGENTS):
            if drop_sources and self._after_source_word(e.start, s.start):
                continue
            name = canonical_of(e, self.text)
            if name not in out:
                out.append(name)
        return out

    def _perpetrator(self, c: _Candidate) -> str | None:
        """Who did it: the subject after a verb trigger (``هاجمت قوات النظام``) or of the verb that
        governs a noun trigger (``وشنت تركيا هجوما``، ``هجوما شنه داعش``)."""
        if FAMILIES[c.type] in DIPLOMACY:
            return None
        s = self.sentences[c.sentence]
        if c.pos == "verb":
            return self._subject_after(c.end, s.end)
        before = list(_WORD_RE.finditer(self.folded, max(s.start, c.start - 60), c.start))[-6:]
        for w in before:
            if w.group().strip(_PUNCT).lstrip("وف") in _GOVERNING_VERBS:
                ents = self.entities.within(w.end(), c.start, AGENTS)
                if ents:
                    return canonical_of(ents[0], self.text)
                break
        after = list(_WORD_RE.finditer(self.folded, c.end, s.end))[:4]
        for w in after:
            if w.group().strip(_PUNCT)[:3] in _GOVERNING_VERB_STEMS_WITH_OBJECT:  # شنه، نفذه، تبناه
                return self._subject_after(w.end(), s.end)
        return None

    def _target(self, c: _Candidate) -> str | None:
        """Whom it hit: a PER/ORG after على/ضد/استهدف within six words of the trigger."""
        if FAMILIES[c.type] in DIPLOMACY:
            return None
        s = self.sentences[c.sentence]
        words = list(_WORD_RE.finditer(self.folded, c.end, s.end))[:6]
        for w in words:
            if w.group().strip(_PUNCT).lstrip("و") in _TARGET_WORDS:
                found = self._subject_after(w.end(), s.end, max_words=3)
                if found:
                    return found
        return None

    def _subject_after(self, pos: int, end: int, max_words: int = 4) -> str | None:
        words = list(_WORD_RE.finditer(self.folded, pos, end))[:max_words]
        if not words:
            return None
        ents = self.entities.within(pos, words[-1].end(), AGENTS)
        for e in ents:
            between = self.folded[pos : e.start].split()
            if not any(b.strip(_PUNCT) in _LOCATIVE_WORDS or b.strip(_PUNCT) in _SOURCE_WORDS for b in between):
                return canonical_of(e, self.text)
        return None

    def _after_source_word(self, pos: int, floor: int) -> bool:
        before = self.folded[max(floor, pos - 25) : pos].split()[-3:]
        return any(w.strip(_PUNCT) in _SOURCE_WORDS for w in before)

    def _locations(self, i: int) -> list[str]:
        s = self.sentences[i]
        m = DATELINE_RE.match(self.text, s.start, s.end)
        start = m.end() if m else s.start  # دبي، الإمارات (CNN) -- : the bureau, not the place
        return self._order_locations(self.entities.within(start, s.end, ("LOC",)))

    def _locative_locations(self, i: int, after: int = 0) -> list[str]:
        s = self.sentences[i]
        chosen = []
        for e in self.entities.within(max(s.start, after), s.end, ("LOC",)):
            prev = self.folded[max(s.start, e.start - 12) : e.start]
            if prev.endswith(("ب", "ل")) and not prev.endswith(" "):
                chosen.append(e)
                continue
            words = prev.split()
            if words and words[-1].strip(_PUNCT) in _LOCATIVE_WORDS:
                chosen.append(e)
        return self._order_locations(chosen)

    def _visit_locations(self, i: int, after: int) -> list[str]:
        """Destinations of a visit verb: a LOC after إلى/لـ, or within six words (زار الرئيس دمشق)."""
        s = self.sentences[i]
        chosen = []
        for e in self.entities.within(after, s.end, ("LOC",)):
            words = self.folded[after : e.start].split()
            prev = words[-1].strip(_PUNCT) if words else ""
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
            words = list(_WORD_RE.finditer(self.folded, max(s.start, start - 60), start))[-5:]
            ents = self.entities.within(words[0].start() if words else start, start, AGENTS)
            if not ents:
                return None
            e = ents[-1]
            prev = [w for w in words if w.end() <= e.start]
            verb = next((w for w in reversed(prev[-3:]) if w.group().lstrip("وف").startswith("اعلن")), None)
            if verb is None:
                return None  # حمّل X مسؤوليته، ألقت مسؤوليته على: blame, not a claim
            return canonical_of(e, self.text), self.text[verb.start() : end]
        words = list(_WORD_RE.finditer(self.folded, end, s.end))[:4]
        ents = self.entities.within(end, words[-1].end() if words else end, AGENTS)
        if ents:
            e = ents[0]
            return canonical_of(e, self.text), self.text[start : e.end]
        for n in (2, 1):
            if len(words) >= n:
                phrase = " ".join(w.group().strip(_PUNCT) for w in words[:n])
                if phrase in self.lex.anaphors:
                    antecedent = self.entities.before(start, ("ORG",)) or self.entities.before(start, ("PER",))
                    if antecedent is not None:
                        return canonical_of(antecedent, self.text), self.text[start : words[n - 1].end()]
        before = self.entities.within(max(s.start, start - 40), start, ("ORG",))
        if before and not self.folded[before[-1].end : start].strip(" ،,"):
            return canonical_of(before[-1], self.text), self.text[before[-1].start : end]
        return None

    # -- casualties ------------------------------------------------------------------------
    def casualties(self, sentence_ids: list[int]) -> tuple[tuple[int | None, str | None], tuple[int | None, str | None]]:
        totals: dict[str, list[Any]] = {"killed": [None, None], "wounded": [None, None]}
        for i in sentence_ids:
            role_before: str | None = None
            for q in self.spans_in(self.quantities, i):
                unit = str(q.attrs.get("unit", ""))
                role = unit if unit in ("killed", "wounded") else None
                if role is None and unit in ("people", "soldiers", "civilians", "children", "women", "fighters"):
                    role = self._casualty_role(q) or (role_before if self._joined(q) else None)
                role_before = role
                value = q.attrs.get("value")
                if role is None or not isinstance(value, int | float):
                    continue
                slot = totals[role]
                slot[0] = (slot[0] or 0) + int(value)
                slot[1] = slot[1] or q.attrs.get("qualifier")
        return (totals["killed"][0], totals["killed"][1]), (totals["wounded"][0], totals["wounded"][1])

    def _casualty_role(self, q: Span) -> str | None:
        before = self.folded[max(0, q.start - 80) : q.start].split()[-8:]  # nearest casualty word wins
        for w in reversed(before):
            w = w.strip(_PUNCT)
            for cand in (w, w[1:] if w[:1] in "وفب" else w):
                if cand in self.lex.casualty_words:
                    return self.lex.casualty_words[cand]
        return None

    def _joined(self, q: Span) -> bool:
        before = self.folded[max(0, q.start - 3) : q.start]
        return before.endswith("و") or before.endswith("و ")

    def _set_casualties(self, a: dict[str, Any], sentence_ids: list[int]) -> None:
        (k, kq), (w, wq) = self.casualties(sentence_ids)
        a["killed"], a["killed_qualifier"], a["wounded"], a["wounded_qualifier"] = k, kq, w, wq


# -- stage ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EventStage:
    lexicon: EventLexicon
    name: str = "events"
    requires: tuple[str, ...] = ("sentences", "entities", "times", "quantities")
    assigns: tuple[str, ...] = ("events",)

    def __call__(self, article: Article) -> Article:
        return article.with_layer("events", find_events(article, self.lexicon))


def make_stage() -> EventStage:
    return EventStage(load_event_lexicon())
