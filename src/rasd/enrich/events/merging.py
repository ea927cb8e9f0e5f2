"""One incident, one event: coreferent nouns, the headline and the lead, force against protesters."""

from __future__ import annotations

from collections.abc import Callable

from rasd.enrich.events.context import Candidate, Event
from rasd.enrich.events.lexicon import DIPLOMACY, FAMILIES, PRIORITY
from rasd.enrich.lexmatch import fold_ar


def force_against_protest(fired: dict[str, list[Candidate]], present: dict[str, list[Candidate]]) -> bool:
    """``قتلى برصاص الجيش في مظاهرات``: a generic attack (shooting) inside a protest is ACLED's
    "Protests / Excessive force against protesters", one event, not a protest plus an attack."""
    violent = fired.get("violence") or []
    return bool(present.get("protest")) and bool(violent) and all(c.type == "attack" for c in violent)


def same_incident(events: list[Event], new: Event, countries: frozenset[str] = frozenset()) -> Event | None:
    """An earlier event of the article's same family (not diplomacy) and a compatible type whose places
    agree (shared, one side without a place, or a country and a place named in the other), told within two
    sentences (the headline and the lead paragraph telling one incident) on a compatible date, or later
    with the same type and the same date (a retelling further down: ``شنت القوات الجوية ضربات`` … ``نفذت
    قواتنا الجوية ضربات جوية``).  Two types that differ must share a place."""
    family = FAMILIES[new.type]
    if family in DIPLOMACY:
        return same_meeting(events, new)
    new_places = new.attrs["locations"]
    for e in events:
        if FAMILIES[e.type] != family or not compatible_types(e.type, new.type):
            continue  # مصرع 13 في قصف مدفعي ومعارك …: the clash and the shelling are two incidents
        old_places = e.attrs["locations"]
        shared = bool(set(old_places) & set(new_places))
        if not shared and (e.type != new.type or not places_agree(old_places, new_places, countries)):
            continue
        if shared and _part_of_summary(old_places, new_places, countries):
            continue  # غارات على حجة وصعدة … then the strikes on حجة: one place of a summary is its own incident
        precisions = (e.attrs["date_precision"], new.attrs["date_precision"])
        if new.sentence - e.sentence <= MAX_RETELLING_GAP:  # the headline and the lead
            if e.attrs["date"] == new.attrs["date"] or "publication" in precisions:
                return e
        elif e.type == new.type and e.attrs["date"] == new.attrs["date"] and (
                shared or ("publication" not in precisions and (not old_places or not new_places))
                or (family in ("arrest", "protest") and not old_places and not new_places)):
            return e  # told again further down: same type and day, the same place or a dated day and no other place
        # else: ضربات على سوريا … (ten sentences on) وقتل في الهجوم المزعوم في دوما: another incident
    return None


def places_agree(old: list[str], new: list[str], countries: frozenset[str]) -> bool:
    """No conflict between two events' places: one has none, they share one, or one names only countries
    while the other names a place (``مسيرات في البرازيل`` … ``في ريو دي جانيرو``); not two different
    places, nor two different countries."""
    if not old or not new or set(old) & set(new):
        return True
    places_old = [p for p in old if fold_ar(p) not in countries]
    places_new = [p for p in new if fold_ar(p) not in countries]
    return bool(places_old) != bool(places_new)


def _part_of_summary(old: list[str], new: list[str], countries: frozenset[str]) -> bool:
    """The earlier event names two places or more and the new one only some of them."""
    places_old = {p for p in old if fold_ar(p) not in countries}
    places_new = {p for p in new if fold_ar(p) not in countries}
    return len(places_old) >= 2 and bool(places_new) and places_new < places_old


def same_meeting(events: list[Event], new: Event) -> Event | None:
    """A diplomatic event told twice (headline ``يلتقي`` and lead ``التقى``): same type, same day and
    the participants of one are among the other's (a visit with an unnamed visitor: the same destination).  Two meetings of one visitor on one day with
    different hosts (``استقبلت الملكة ولي العهد`` … ``كما التقى ولي العهد مع رئيسة الوزراء``) stay apart."""
    parts = set(new.attrs.get("participants") or [])
    places = set(new.attrs.get("locations") or [])
    for e in events:
        old = set(e.attrs.get("participants") or [])
        if e.type != new.type:
            continue
        if not (parts and old):  # زيارته لفرنسا … زيارة رسمية إلى فرنسا: a visit by its destination
            if new.type != "visit" or not places & set(e.attrs.get("locations") or []):
                continue
        elif not (parts <= old or old <= parts):
            continue
        if e.attrs["date"] == new.attrs["date"] or "publication" in (
            e.attrs["date_precision"], new.attrs["date_precision"]
        ):
            return e
    return None


def drop_covered_summaries(events: list[Event], countries: frozenset[str]) -> list[Event]:
    """A headline event over several places (``غارات على حجة وصعدة``) whose every place has an event of
    its own type further down is a summary of those incidents, not one more: it is dropped."""
    out = []
    for e in events:
        places = {p for p in e.attrs["locations"] if fold_ar(p) not in countries}
        if len(places) >= 2:
            told = {p for o in events if o is not e and o.type == e.type for p in o.attrs["locations"]}
            if places <= told:
                continue
        out.append(e)
    return out


def absorb_visits(events: list[Event]) -> list[Event]:
    """A visit whose visitor meets someone there is the trip of that meeting, not an event of its own
    (``ويستقبل بايدن الكاظمي`` … ``تأتي زيارة الكاظمي إلى واشنطن``): the meeting keeps it, and takes
    the visit's destination when it has no place of its own."""
    meetings = [e for e in events if e.type == "meeting"]
    out = []
    for e in events:
        if e.type == "visit":
            parts, places = set(e.attrs["participants"]), set(e.attrs["locations"])
            host = next((m for m in meetings if parts & set(m.attrs["participants"])
                         and (places & set(m.attrs["locations"]) or not m.attrs["locations"])), None)
            if host is not None:
                if not host.attrs["locations"]:
                    host.attrs["locations"] = list(e.attrs["locations"])
                continue
        out.append(e)
    return out


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


def coreferent(events: list[Event], family: str, fired: list[Candidate], i: int, folded: str,
               places_of: Callable[[int], list[str]] | None = None) -> Event | None:
    """A definite noun (الانفجار، الهجوم) right after an event of its family refers back to it; further
    down (``ووقع الانفجار عصر الأربعاء``) when that event is the article's only one of its family so far
    and the noun's sentence names no other place (``places_of(i)``: its places; None: only nearby nouns)."""
    if family in DIPLOMACY or any(c.pos == "verb" for c in fired):
        return None
    first = fired[0]
    word = folded[first.start : first.end]
    if not (word.startswith(("ال", "وال", "بال", "لل", "فال"))):
        return None
    for e in reversed(events):
        if FAMILIES[e.type] == family and 0 < i - e.sentence <= 2 and may_refer(first.type, e.type):
            return e
    earlier = [e for e in events if FAMILIES[e.type] == family]
    if places_of is None or len(earlier) != 1 or not may_refer(first.type, earlier[0].type):
        return None
    places = places_of(i)
    return earlier[0] if not places or set(places) & set(earlier[0].attrs["locations"]) else None


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


#: Two violent events are one incident when told close together (headline and lead), or further apart
#: only with the same type and the same date.
MAX_RETELLING_GAP = 2
#: Violent types that can tell one incident in a headline and a lead: the generic ones.
_GENERIC_VIOLENCE = frozenset({"attack", "armed_clash", "territory"})


def compatible_types(a: str, b: str) -> bool:
    """Two violent types that may tell one incident: equal, or one generic (a ``هجوم`` and the
    ``تفجير`` it was, ``معارك`` and the ``سيطر على`` they ended in), not two specific kinds
    (shelling and an air strike)."""
    return a == b or (a in _GENERIC_VIOLENCE and b in _GENERIC_VIOLENCE) or "attack" in (a, b)
