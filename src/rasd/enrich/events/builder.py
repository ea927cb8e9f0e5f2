"""Building an event from the triggers that fired in a sentence: type, trigger span and every argument."""

from __future__ import annotations

from rasd.enrich.events.context import Candidate, Event
from rasd.enrich.events.lexicon import (
    CROWD_WORDS,
    DIPLOMACY,
    FAMILIES,
    FRESH_WORDS,
    GENERIC_PLACES,
    GOVERNMENT_WORDS,
    HEADLINE_LABEL_RE,
    NOTES_MAX_CHARS,
    PRIORITY,
    PUNCT,
    REFINABLE,
    WORD_RE,
)
from rasd.enrich.events.triggers import TriggerRules
from rasd.enrich.lexmatch import canonical_of, fold_ar


class EventBuilder(TriggerRules):
    """Makes and merges events; every rule of the chain in one object."""

    def place_from_context(self, event: Event, earlier: list[Event]) -> None:
        """An event whose sentence names no place takes its context's (``_context_places``: the previous
        sentence of its paragraph, else the headline when it tells a violent event, protest or arrest); the attr
        ``location_from_context`` says so (an estimate, as ACLED's lower geo-precision).  Then ``location``,
        the one place it happened at (``_primary_location``), and ``location_source``: ``sentence`` (its
        own), ``context`` (a neighbouring sentence or the headline's event), ``headline`` (the place the
        headline opens with: ``فرنسا: …``، ``سوريا.. …``), ``participant`` (where a meeting's party was)."""
        a = event.attrs
        a["location_from_context"] = False
        source = "sentence" if a["locations"] else None
        if not a["locations"] and FAMILIES[event.type] not in DIPLOMACY:
            a["locations"] = self._context_places(event.sentence)
            a["location_from_context"] = bool(a["locations"])
            source = "context" if a["locations"] else None
        primary, marked = None, False
        if source == "sentence":
            primary, marked = self._primary_location(event.sentence, event.trigger, FAMILIES[event.type] == "violence",
                                                     destinations=FAMILIES[event.type] in DIPLOMACY)
            if primary not in a["locations"]:  # a diplomatic event keeps only its locative places
                primary = None
        if primary is None and a["locations"]:  # places merged in from other sentences (its own were weighed)
            own = {self._place_name(e) for e, _ in self._place_spans(event.sentence)} if source == "sentence" else set()
            named = [p for p in a["locations"] if fold_ar(p) not in GENERIC_PLACES and p not in own]
            primary = self._town_first(named)
        if primary is None and source == "sentence" and FAMILIES[event.type] not in DIPLOMACY:
            # السيطرة على المدينة: a bare noun points back to the place of its context
            found = self._context_places(event.sentence)
            primary = self._town_first(found)
            if primary is not None:
                a["locations"] = [*a["locations"], *([] if primary in a["locations"] else [primary])]
                source = "context"
        if (source == "sentence" and primary is not None and not marked and fold_ar(primary) in self.lex.countries
                and FAMILIES[event.type] not in DIPLOMACY):
            # إسرائيل قصفت قاعدة، اتهمت سوريا وروسيا …: a bare country is mostly a side, not the place; a land
            # word or the headline's label place says better where, when there is one
            label = self._headline_label_place()
            land = self._authority_country(event.sentence, arrest=False)
            if land is not None and land != primary:
                primary, source = land, "nationality"
            elif label is not None and label != primary and label in a["locations"]:
                primary, source = label, "headline"  # (سوريا: إسرائيل قصفت قاعدة التيفور)
        nation = (self._authority_country(event.sentence, arrest=event.type == "arrest")
                  if FAMILIES[event.type] not in DIPLOMACY else None)
        if (nation and event.type == "arrest" and nation not in a["locations"]
                and not any(fold_ar(p) in self.lex.countries for p in a["locations"])):
            a["locations"] = [*a["locations"], nation]  # اعتقلت السلطات التركية: in Turkey (countries last)
        if nation and (primary is None or (event.type == "arrest" and not marked)):
            # (اعتقلت السلطات التركية … الذي تتهمه أنقرة: the authority's country, not a bare mention)
            primary, source = nation, "nationality"
        if primary is None and event.type == "meeting":
            primary = self._place_of_partner_meeting(event, earlier)
            source = "participant" if primary else None
        if primary is None:
            primary = self._headline_label_place()
            source = "headline" if primary else None
        if primary is not None and not a["locations"]:
            a["locations"] = [primary]
            a["location_from_context"] = source != "nationality"  # (that one is read off its own sentence)
        elif primary is not None and primary not in a["locations"]:
            a["locations"] = [*a["locations"], primary]  # (a country from the authority: countries last)
        a["location"] = primary
        a["location_source"] = source

    def _town_first(self, places: list[str]) -> str | None:
        """The first place that is no country, else the first place (None for none)."""
        return next((p for p in places if fold_ar(p) not in self.lex.countries), places[0] if places else None)

    @staticmethod
    def _place_of_partner_meeting(event: Event, earlier: list[Event]) -> str | None:
        """``كما التقى ولي العهد مع رئيسة الوزراء`` after ``التقى ولي العهد الملكة في لندن``: a meeting
        with no place of its own took place where the latest earlier meeting or visit of one of its
        participants did."""
        parts = set(event.attrs["participants"])
        for e in reversed(earlier):
            if e.type in ("meeting", "visit") and parts & set(e.attrs["participants"]) and e.attrs.get("location"):
                return str(e.attrs["location"])
        return None

    def _headline_label_place(self) -> str | None:
        """The place a headline opens with as its label (``فرنسا: الجمعية الوطنية تتبنى …``، ``تركيا..
        اعتقال …``): the story's country or city, a fallback for an event whose sentence names none."""
        title = self.text[: self.article.title_span.end]
        m = HEADLINE_LABEL_RE.match(title)
        if m is None:
            return None
        name = fold_ar(m.group("label"))
        if name not in self.lex.countries and name not in self.lex.cities:
            return None  # (الأمم المتحدة: …، ترامب: … are no places)
        ents = self.entities.within(m.start("label"), m.end("label"), ("LOC",))
        if len(ents) == 1 and ents[0].start == m.start("label") and ents[0].end == m.end("label"):
            return canonical_of(ents[0], self.text)
        return m.group("label")

    def names_another(self, c: Candidate) -> bool:
        """``وفي هجوم آخر``، ``انفجار جديد``، ``في حادث منفصل``: the trigger names an incident other than
        the ones told before (within two words after it)."""
        ws = self.words(c.sentence)
        k = self.word_from(c.sentence, c.end)
        return any(w in FRESH_WORDS for _, _, w in ws[k : k + 2])

    def locations_of(self, i: int) -> list[str]:
        """The places of sentence ``i`` as a violent event would take them."""
        return self._locations(i)

    # -- building an event ----------------------------------------------------------------
    def make_event(self, fired: list[Candidate], i: int) -> Event:
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
        if kind == "territory":
            acled_sub = self._territory_sub_type(trigger)
        if kind == "armed_clash" and self._crowd_clash(trigger):  # مواجهات مسيرة العودة
            kind = "protest"
            acled_type = "Protests"
            acled_sub = ("Excessive force against protesters" if self.casualties([i])[0][0] is not None
                         else "Protest with intervention")
        event = Event((trigger.start, self._extend_trigger(trigger.end, i)), kind, i)
        a = event.attrs
        a["type"], a["acled_event_type"], a["acled_sub_event_type"] = kind, acled_type, acled_sub
        a.update(self._date_attrs(trigger, i))
        a["reference"] = self.is_reference(trigger)
        family = FAMILIES[kind]
        if family in DIPLOMACY:
            parts = self._agents(i, drop_sources=True, after=trigger.start)
            a["participants"] = parts
            a["actors"] = parts
            if kind == "visit":
                locs = self._visit_locations(i, trigger.end)
            elif kind == "agreement":  # اتفاق يقضي بخروج المسلحين من مخيم اليرموك إلى إدلب
                locs = self._locations(i)
            else:
                locs = self._locative_locations(i, trigger.start)
            if not locs and kind == "meeting":
                locs = self._visit_destination(parts, trigger.start)
            a["locations"] = locs
        else:
            a["actors"] = self._sides(i, trigger)
            a["participants"] = []
            a["locations"] = self._locations(i)

        a["perpetrator"], a["target"] = self._perpetrator(trigger), self._target(trigger)
        if a["target"] and a["target"] not in a["actors"]:
            a["actors"] = [*a["actors"], a["target"]]
        if a["perpetrator"]:  # the doer first
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

    def _crowd_clash(self, c: Candidate) -> bool:
        """``مواجهات`` between a crowd and the forces (a march, protesters in the sentence or the headline:
        ``مواجهات مسيرة العودة``، ``مواجهات بين المحتجين والشرطة``) are a protest met by force, not a battle."""
        if c.form.removeprefix("و").removeprefix("ال") != "مواجهات":
            return False
        sentences = {c.sentence} | {n for n, s in enumerate(self.sentences[:2]) if s.start < self.article.title_span.end}
        for n in sentences:
            previous = ""
            for _, _, w in self.words(n):
                bare = w.removeprefix("و").removeprefix("ب").removeprefix("ل")
                if bare in CROWD_WORDS and not previous.endswith(("طائره", "طائرات")):
                    return True
                previous = w
        return False

    def _territory_sub_type(self, c: Candidate) -> str:
        """``سيطرت قوات النظام على دوما`` → the government regains territory; ``سيطر مسلحو طالبان على
        قاعدة`` → a non-state actor overtakes it: the words around the verb name the side."""
        s = self.sentences[c.sentence]
        window = self.folded[max(s.start, c.start - 50) : min(s.end, c.end + 40)]
        if any(w in window for w in GOVERNMENT_WORDS):
            return "Government regains territory"
        return "Non-state actor overtakes territory"

    def merge_into(self, event: Event, i: int) -> None:
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
        for m in WORD_RE.finditer(self.folded, end, self.sentences[i].end):
            word = m.group()
            bare = word.rstrip(PUNCT)
            if word != m.group().lstrip(PUNCT) or bare not in self.lex.modifiers:
                break
            pos = m.start() + len(bare)
            if bare != word:
                break
        return pos
