"""`find_events`: triggers → candidates per sentence → events."""

from __future__ import annotations

import bisect

from rasd.document import Article, Span
from rasd.enrich.events.builder import EventBuilder
from rasd.enrich.events.context import Candidate, Event
from rasd.enrich.events.lexicon import DIPLOMACY, FAMILIES, EventLexicon, load_event_lexicon
from rasd.enrich.events.merging import (
    absorb_visits,
    coreferent,
    drop_covered_summaries,
    fill_missing,
    force_against_protest,
    same_incident,
)
from rasd.enrich.lexmatch import EntityIndex, fold_ar


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
    ctx = EventBuilder(article, text, folded, sentences, entities, lex)

    by_sentence: dict[int, list[Candidate]] = {}
    for m in lex.triggers.finditer(folded):
        i = bisect.bisect_right(sent_starts, m.start()) - 1
        if i < 0 or m.end() > sentences[i].end:
            continue
        kind, pos, number = lex.trigger_info[m.group("form")]
        if pos == "verb" and any(ch in "بكل" for ch in folded[m.start() : m.start("form")]):
            continue  # ليصل، لاستقبال: purpose, not a report
        if folded[m.start() : m.start("form")] == "ف" and m.group("form")[0] in "يت":
            continue  # فيصل، فتح: a name, not ف + a present-tense verb (rare in reports)
        if kind == "meeting" and text[m.start("form")] == "أ":
            continue  # سأزور … وألتقي: folded ألتقي (I meet) looks like التقى (he met)
        if pos == "verb" and m.group("form")[0] in "يتن" and _after_an(folded, m.start()):
            continue  # من المقرر أن يلتقي، يجب أن تتظاهر: a subjunctive, not something that happened
        by_sentence.setdefault(i, []).append(Candidate(m.start(), m.end(), kind, pos, number, i, m.group("form")))

    events: list[Event] = []
    for i in sorted(by_sentence):
        families: dict[str, list[Candidate]] = {}
        for c in by_sentence[i]:
            families.setdefault(FAMILIES[c.type], []).append(c)
        fired_by_family = {f: _drop_weak([c for c in cands if ctx.fires(c)], lex) for f, cands in families.items()}
        if any(c.form not in lex.weak_triggers for f in fired_by_family.values() for c in f):
            # عملية استهدفت أنصار غولن after باعتقال: the verb tells the arrest's target, not a second event
            fired_by_family = {f: [c for c in cs if c.form not in lex.weak_triggers] for f, cs in fired_by_family.items()}
        force = force_against_protest(fired_by_family, families)
        if force:  # the shooting is the evidence that the protest took place
            fired_by_family["protest"] = families["protest"]
        groups: list[tuple[str, list[Candidate], bool]] = []
        for family, fired in fired_by_family.items():
            earlier = [c for c in fired if family == "violence" and ctx.is_reference(c)]
            if earlier and len(earlier) < len(fired):  # ضربات … ردا على هجوم كيميائي: two incidents
                groups.append((family, [c for c in fired if c not in earlier], False))
                groups.append((family, earlier, True))
            else:
                groups.append((family, fired, False))
        for family, fired, referred in groups:
            if not fired or (force and family == "violence"):
                continue
            fresh = ctx.names_another(fired[0])  # وفي هجوم آخر: not the incident told before
            previous = None if fresh else coreferent(events, family, fired, i, folded, ctx.locations_of)
            if previous is not None:
                ctx.merge_into(previous, i)
                continue
            event = ctx.make_event(fired, i)
            if ctx.is_background(event) or (family in DIPLOMACY and ctx.is_planned(event, fired[0])):
                continue
            if referred:  # the sentence's toll belongs to its own incident, not to the one it reacts to
                event.attrs.update(killed=None, killed_qualifier=None, wounded=None, wounded_qualifier=None)
            if force and family == "protest":
                event.attrs["acled_sub_event_type"] = "Excessive force against protesters"
            same = None if fresh else same_incident(events, event, lex.countries)
            if same is not None:  # the headline and the lead paragraph tell the same incident
                fill_missing(same, event)
                continue
            events.append(event)
    events = drop_covered_summaries(absorb_visits(events), lex.countries)
    for n, event in enumerate(events):
        ctx.place_from_context(event, events[:n])
    return [Span(e.trigger[0], e.trigger[1], e.type, e.attrs) for e in events]


def _after_an(folded: str, pos: int) -> bool:
    before = folded[max(0, pos - 6) : pos].split()
    return bool(before) and before[-1] in ("ان", "لن", "كي", "لكي")


def _drop_weak(fired: list[Candidate], lex: EventLexicon) -> list[Candidate]:
    """``وقتل 60 شخصا في الهجوم``: the killing verb is the event's outcome, ``الهجوم`` names the event."""
    strong = [c for c in fired if c.form not in lex.weak_triggers]
    return strong or fired
