"""One incident, one event: coreferent nouns, the headline and the lead, force against protesters."""

from __future__ import annotations

from rasd.enrich.events.context import Candidate, Event
from rasd.enrich.events.lexicon import DIPLOMACY, FAMILIES, PRIORITY


def force_against_protest(fired: dict[str, list[Candidate]], present: dict[str, list[Candidate]]) -> bool:
    """``قتلى برصاص الجيش في مظاهرات``: a generic attack (shooting) inside a protest is ACLED's
    "Protests / Excessive force against protesters", one event, not a protest plus an attack."""
    violent = fired.get("violence") or []
    return bool(present.get("protest")) and bool(violent) and all(c.type == "attack" for c in violent)


def same_incident(events: list[Event], new: Event) -> Event | None:
    """An earlier event of the article's same family (not diplomacy) with a compatible date and a
    shared location: the headline and the lead paragraph telling one incident."""
    family = FAMILIES[new.type]
    if family in DIPLOMACY:
        return same_meeting(events, new)
    if not new.attrs["locations"]:
        return None
    for e in events:
        if FAMILIES[e.type] != family or not set(e.attrs["locations"]) & set(new.attrs["locations"]):
            continue
        if not compatible_types(e.type, new.type):
            continue  # مصرع 13 في قصف مدفعي ومعارك …: the clash and the shelling are two incidents
        dates = {e.attrs["date"], new.attrs["date"]}
        if len(dates) == 1 or "publication" in (e.attrs["date_precision"], new.attrs["date_precision"]):
            return e
    return None


def same_meeting(events: list[Event], new: Event) -> Event | None:
    """A diplomatic event told twice (headline ``يلتقي`` and lead ``التقى``): same type, same day and
    the participants of one are among the other's.  Two meetings of one visitor on one day with
    different hosts (``استقبلت الملكة ولي العهد`` … ``كما التقى ولي العهد مع رئيسة الوزراء``) stay apart."""
    parts = set(new.attrs.get("participants") or [])
    if not parts:
        return None
    for e in events:
        old = set(e.attrs.get("participants") or [])
        if e.type != new.type or not (parts <= old or old <= parts):
            continue
        if e.attrs["date"] == new.attrs["date"] or "publication" in (
            e.attrs["date_precision"], new.attrs["date_precision"]
        ):
            return e
    return None


def fill_missing(old: Event, new: Event) -> None:
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


def coreferent(events: list[Event], family: str, fired: list[Candidate], i: int, folded: str) -> Event | None:
    """A definite noun (الانفجار، الهجوم) right after an event of its family refers back to it."""
    if family in DIPLOMACY or any(c.pos == "verb" for c in fired):
        return None
    first = fired[0]
    word = folded[first.start : first.end]
    if not (word.startswith(("ال", "وال", "بال", "لل", "فال"))):
        return None
    for e in reversed(events):
        if FAMILIES[e.type] == family and 0 < i - e.sentence <= 2 and may_refer(first.type, e.type):
            return e
    return None


#: What a definite noun may refer back to: الهجوم to a bombing or an attack, not to an air strike or
#: shelling (in ردا على الهجوم after a missile strike, the attack is another event).
REFERS_TO = {
    "attack": frozenset({"attack", "suicide_bomb", "explosion", "grenade", "violence_against_civilians",
                         "armed_clash", "territory"}),  # الهجمات والمواجهات after معارك: the same fighting
    "armed_clash": frozenset({"armed_clash", "attack", "territory"}),
    "air_strike": frozenset({"air_strike"}),
    "explosion": frozenset({"explosion", "suicide_bomb", "grenade"}),
    "shelling": frozenset({"shelling", "air_strike"}),  # القصف after غارات: the same bombardment
}


def may_refer(noun_type: str, event_type: str) -> bool:
    return noun_type == event_type or event_type in REFERS_TO.get(noun_type, frozenset())


def compatible_types(a: str, b: str) -> bool:
    """Two violent types that may tell one incident: equal, or one names the other (a generic
    ``هجوم`` and the ``تفجير`` it was), not two specific kinds (shelling and a clash)."""
    return a == b or may_refer(a, b) or may_refer(b, a)
