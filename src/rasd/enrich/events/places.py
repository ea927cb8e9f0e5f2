"""Where: LOC entities of an event's sentence; meeting places and visit destinations."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rasd.document import Span
from rasd.enrich.events.dates import DateRules
from rasd.enrich.events.lexicon import (
    AGENTS,
    AUTHORITY_WORDS,
    CLAUSE_WORDS,
    COMPASS_WORDS,
    COMPLEMENTISERS,
    DIPLOMACY,
    FAMILIES,
    GENERIC_PLACES,
    HELD_STEMS,
    LAND_WORDS,
    LOCATIVE_WORDS,
    MEETING_CLAUSE_BREAKS,
    NOT_PLACE_WORDS,
    PLACE_NOUN_BARE,
    PLACE_NOUN_RE,
    PLACE_NOUNS,
    PUNCT,
    REGIONS,
    RELATIVE_WORDS,
    RETALIATION_WORDS,
    SOURCE_WORDS,
    THERE_WORDS,
    WITNESS_VERBS,
    WORD_RE,
)
from rasd.enrich.lexmatch import DATELINE_RE, canonical_of, fold_ar


class PlaceRules(DateRules):
    """Locations from the entities layer."""

    def _locations(self, i: int) -> list[str]:
        places = self._place_spans(i)
        found = self._order_locations([*(e for e, m in places if m), *(e for e, m in places if not m)])
        return found or self._untagged_places(i, self._body_start(i)) or self._there(i)

    def _body_start(self, i: int) -> int:
        s = self.sentences[i]
        m = DATELINE_RE.match(self.text, s.start, s.end)
        return m.end() if m else s.start  # دبي، الإمارات (CNN) -- : the bureau, not the place

    def _place_spans(self, i: int, *, destinations: bool = False) -> list[tuple[Span, bool]]:
        """The places of sentence ``i`` in text order, each with whether a locative marks it (``في``، ``ب``،
        ``قرب``، a place noun, or ``في`` up to two nouns before it: ``في مديرية أمن إسطنبول``).  A LOC after
        ``من``/``مع``/``ضد`` (an origin or a partner) or after a compass word and a comma (a reference point)
        is left out (``إلى`` too, unless ``destinations``: a meeting on a trip); an ORG/MISC mention is a place when a place noun names it (``بقرية الهدنة بانمونغوم``) or
        a locative governs a known city (``يتظاهرون في برشلونة``: the club's name)."""
        s = self.sentences[i]
        start = self._body_start(i)
        out: list[tuple[Span, bool]] = []
        for e in self.entities.within(start, s.end, ("LOC", "ORG", "MISC")):
            prev = self.folded[max(start, e.start - 14) : e.start]
            words = prev.split()
            last = words[-1].strip(PUNCT) if words and prev.endswith(" ") else ""
            if last in NOT_PLACE_WORDS and not (destinations and last in ("الي", "الى")):
                continue  # المدعومين من إيران، الحدود مع السعودية: an origin or a partner, not the place
            if last in COMPASS_WORDS and ("،" in prev or "," in prev):
                continue  # في محافظة حجة، شمال غربي صنعاء: a reference point, not the place
            glued = bool(prev) and not prev.endswith(" ") and prev[-1] in "بل"
            marked = glued or last in LOCATIVE_WORDS or last in PLACE_NOUNS or self._locative_chain(e, start)
            if e.label != "LOC":
                if not ((marked and self._known_city(e)) or self._named_by_place_noun(e, start)):
                    continue
                marked = True
            out.append((e, marked))
        return out

    def _known_city(self, e: Span) -> bool:
        name = fold_ar(self.text[e.start : e.end])
        return name in self.lex.cities or name.removeprefix("ال") in self.lex.cities

    def _place_name(self, e: Span) -> str:
        """A LOC's canonical name; an ORG/MISC taken as a place keeps its words (``برشلونة``, not the club)."""
        return canonical_of(e, self.text) if e.label == "LOC" else self.text[e.start : e.end]

    def _named_by_place_noun(self, e: Span, floor: int) -> bool:
        """A place noun opening the name (``مديرية الملاجم``) or within three words before it, with no comma
        between (``بقرية الهدنة الحدودية "بانمونغوم"``، ``في مدينة برشلونة``)."""
        first = self.folded[e.start : e.end].split()[0].strip(PUNCT)
        if first.removeprefix("ال") in PLACE_NOUN_BARE and len(self.folded[e.start : e.end].split()) > 1:
            return True
        before = self.folded[max(floor, e.start - 40) : e.start]
        if any(ch in before for ch in "،,.:؛;"):
            before = re.split("[،,.:؛;]", before)[-1]
        words = [w for w in (x.strip(PUNCT) for x in before.split()) if w][-3:]
        return any(w.removeprefix("و").removeprefix("ب").removeprefix("ال") in PLACE_NOUN_BARE for w in words)

    def _locative_chain(self, e: Span, floor: int) -> bool:
        """``في`` (or a glued ``ب`` on the first word) two or three words before a place with only nouns
        between (``في مديرية أمن إسطنبول``، ``بمقر وزارة الدفاع في``): the place is still where."""
        before = self.folded[max(floor, e.start - 40) : e.start]
        if any(ch in before[-30:] for ch in "،,.:؛;()"):
            return False
        words = [w for w in (x.strip(PUNCT) for x in before.split()) if w][-3:]
        for n, w in enumerate(words[:-1]):
            between = words[n + 1 :]
            if any(x in NOT_PLACE_WORDS or x in LOCATIVE_WORDS or x in CLAUSE_WORDS or x[:1].isdigit()
                   for x in between):
                continue
            if w in LOCATIVE_WORDS or (w.startswith("ب") and w[1:].startswith("م") and len(w) > 3):
                return True
        return False

    def _primary_location(self, i: int, trigger: tuple[int, int], violent: bool, *,
                          destinations: bool = False) -> tuple[str | None, bool]:
        """The one place the event happened at, from its own sentence: a marked place (``في``، ``ب``،
        ``قرب``، a place noun; for a violent event also ``على`` up to four words before: ``غارات على
        الغوطة``، ``السيطرة على جميع مدن الغوطة``; before a trigger after ``شهد``: ``مخيم اليرموك يشهد
        اشتباكات``) before an unmarked one, a town before a country, one after the trigger before one before
        it, the nearest first.  Last come a place in a reporting frame (``قال مراسلنا في دمشق إن``), one
        after a glued ``ل`` (``مقاتلين موالين لدمشق``: whose side, not where), a reference point (``شرق باب
        المندب`` after another place) and a bare noun (``المدينة``); a place after a reference to another
        incident (``ردا على هجوم في دوما``) is that incident's, not this one's.  Returns the place and whether
        a locative marked it."""
        best: tuple[tuple[int, ...], str] | None = None
        s = self.sentences[i]
        witnessed = any(w.removeprefix("و") in WITNESS_VERBS for w in self.folded[max(s.start, trigger[0] - 20)
                                                                                  : trigger[0]].split()[-3:])
        cut = self._reference_after(i, trigger[1])
        for e, marked in self._place_spans(i, destinations=destinations):
            if e.start >= cut:
                continue  # ضربات على مواقع النظام ردا على هجوم في دوما: Douma is the other event's
            name = self._place_name(e)
            before = [w.strip(PUNCT) for w in self.folded[max(s.start, e.start - 40) : e.start].split()]
            if not marked and violent:
                marked = "علي" in before[-4:] and not any(ch in self.text[e.start - 1 : e.start] for ch in "،,")
            if not marked and witnessed and e.end <= trigger[0]:
                marked = True
            country = 2 if fold_ar(name) in REGIONS else int(fold_ar(name) in self.lex.countries)  # town, country, region
            after = e.start >= trigger[1]
            distance = e.start - trigger[1] if after else trigger[0] - e.end
            dative = self.folded[e.start - 1 : e.start] == "ل" and not destinations  # موالين لدمشق، التابعة لإيران
            demoted = (self._in_report_frame(i, e, trigger) or self._reference_point(before) or dative
                       or fold_ar(name) in GENERIC_PLACES)
            key = (demoted, not marked, country, not after, distance)
            if best is None or key < best[0]:
                best = (key, name)
        if best is None or fold_ar(best[1]) in GENERIC_PLACES:
            return None, False
        return best[1], not best[0][0] and not best[0][1]

    def _reference_after(self, i: int, pos: int) -> int:
        """Where a retaliation names the incident it answers after ``pos`` in sentence ``i`` (``ردا على هجوم``:
        elsewhere, by the other side); the sentence end if none.  (``بعد إطلاق نار في مدينة`` is not cut: what
        follows an incident mostly happens where it did.)"""
        s = self.sentences[i]
        for m in self.lex.triggers.finditer(self.folded, pos, s.end):
            before = self.folded[max(pos, m.start() - 20) : m.start()].split()[-2:]
            if any(w.strip(PUNCT).removeprefix("و") in RETALIATION_WORDS for w in before):
                return m.start() - len(" ".join(before))
        return s.end

    def _authority_country(self, i: int, *, arrest: bool) -> str | None:
        """The country named by a nationality adjective within two words after a land word (``قصف أراض
        إسرائيلية``، ``مواقع للنظام السوري``) or, for an arrest, after an authority word (``اعتقلت السلطات
        التركية``، ``الشرطة الكندية``) in sentence ``i``; the first such, else None."""
        ws = self.words(i)
        vocab = AUTHORITY_WORDS | LAND_WORDS if arrest else LAND_WORDS
        for n, (_, _, w) in enumerate(ws):
            if w.removeprefix("و") not in vocab or (n > 0 and ws[n - 1][2] in ("من", "عبر", "فوق")):
                continue  # (بصواريخ من فوق الأراضي اللبنانية: where they came from)
            for _, _, adj in ws[n + 1 : n + 3]:
                stem = adj.removeprefix("ال")  # (أراض إسرائيلية: indefinite after an indefinite noun)
                for ending in ("يون", "يين", "ين", "ه", "ات"):
                    if stem.endswith(ending) and stem[: -len(ending)].endswith("ي"):
                        stem = stem[: -len(ending)]
                        break
                    if stem.endswith(ending) and ending in ("يون", "يين", "ين"):
                        stem = stem[: -len(ending)] + "ي"
                        break
                if stem in self.lex.demonyms:
                    return self.lex.demonyms[stem]
        return None

    @staticmethod
    def _reference_point(before: list[str]) -> bool:
        """``سلسلة جبال كهبوب شرق باب المندب``، ``المناطق جنوبي العاصمة السورية، دمشق``: a compass word
        within four words before the place and not itself after a locative (``في جنوب لبنان`` is the place)."""
        for n in range(max(0, len(before) - 4), len(before)):
            if before[n] in COMPASS_WORDS:
                return n == 0 or before[n - 1] not in LOCATIVE_WORDS
        return False

    def _in_report_frame(self, i: int, e: Span, trigger: tuple[int, int]) -> bool:
        """The place belongs to the source, not the event: before the trigger with a complementiser or a
        reporting verb between (``قال مسؤول في بغداد إن انفجارا``), or after a source word (``بحسب مراسلنا
        في دمشق``، ``نقلا عن مصادر في``)."""
        s = self.sentences[i]
        before = [w.strip(PUNCT).removeprefix("و") for w in self.folded[max(s.start, e.start - 30) : e.start].split()]
        if any(w in SOURCE_WORDS or w in self.lex.reporting for w in before[-4:]):
            return True
        if e.end <= trigger[0]:
            between = [w.strip(PUNCT).removeprefix("و") for w in self.folded[e.end : trigger[0]].split()]
            return any(w in COMPLEMENTISERS for w in between)
        return False

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

    def _locative_locations(self, i: int, trigger: int = 0) -> list[str]:
        """Where a meeting at ``trigger`` was: the marked places of sentence ``i`` (``_place_spans``) after it,
        up to a complementiser or a relative pronoun not telling where it was held (``قال خلال اجتماع مع قادة
        عسكريين إن الهجوم الذي وقع قرب دمشق``: another clause's place); else those before it in its own clause (``زيارة إلى قطر، حيث
        التقى``), not across ``بعد أن``، ``إن`` (``الهجوم في دوما … بعد أن أجرى محادثات``); ``إلى`` marks a
        place only before the trigger (after it, another trip: ``في حين وصل دبلوماسيون إلى سنغافورة``)."""
        s = self.sentences[i]
        end = s.end
        words = list(WORD_RE.finditer(self.folded, trigger, s.end))
        for n, m in enumerate(words):
            word = m.group().strip(PUNCT)
            following = words[n + 1].group().strip(PUNCT) if n + 1 < len(words) else ""
            if word in COMPLEMENTISERS or (word in RELATIVE_WORDS and not following.startswith(HELD_STEMS)):
                end = m.start()  # (مباحثات العمل، التي جرى عقدها في …: the meeting's own clause goes on)
                break
        places = [e for e, marked in self._place_spans(i, destinations=True)
                  if marked and not self._in_report_frame(i, e, (trigger, trigger))]
        after = [e for e in places if trigger <= e.start < end and not self._after_to(e)]
        if any(fold_ar(self._place_name(e)) not in REGIONS for e in after):
            return self._order_locations(after)
        before = [e for e in places if e.end <= trigger and not any(
            w.strip(PUNCT).removeprefix("و") in MEETING_CLAUSE_BREAKS for w in self.folded[e.end : trigger].split())]
        return self._order_locations([*before, *after])  # (إلى قطر، حيث التقى … في جولة في الشرق الأوسط)

    def _after_to(self, e: Span) -> bool:
        """``إلى`` before the place, not after a visit word (``خلال زيارة سرية إلى بيونغيانغ`` is the trip
        the meeting took place on)."""
        words = [w.strip(PUNCT) for w in self.folded[max(0, e.start - 40) : e.start].split()]
        if not words or words[-1] not in ("الي", "الى"):
            return False
        return not any(w.removeprefix("و").removeprefix("خلال").startswith(("زيار", "جوله")) for w in words[-4:-1])

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
            name = self._place_name(e)
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
