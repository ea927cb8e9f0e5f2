"""Does a trigger fire: the evidence of one concrete incident around it."""

from __future__ import annotations

from rasd.enrich.events.actors import ActorRules
from rasd.enrich.events.context import Candidate
from rasd.enrich.events.lexicon import (
    ACCIDENT_WORDS,
    AGENTS,
    ATTACK_VERB_THRESHOLD,
    COMPLEMENTISERS,
    CONCLUDING_STEMS,
    CONTROL_GAINS,
    CONTROL_OBJECTS,
    CUMULATIVE_WORDS,
    DELEGATION_RE,
    DETENTION_PLACES,
    DOING_PAST,
    DOING_PRESENT,
    DUAL_PARTIES,
    FAMILIES,
    GROUP_WORDS,
    HIT_PLACES,
    HOLDING_NOUNS,
    INCIDENT_NEAR_WORDS,
    INTENSITY_WORDS,
    INTERVIEW_WORDS,
    LIGHT_VERBS_PRESENT,
    MEDIA_WORDS,
    MEETING_HELD,
    NOT_LIBERATION_BEFORE,
    NOUN_THRESHOLD,
    ORGANISING_NOUNS,
    PASSIVE_AUX,
    PLACE_NOUNS,
    PLACE_TARGETS,
    PLANNED_OPENERS,
    PROCESS_WORDS,
    PUNCT,
    REACH_VERBS,
    RELATIVE_WORDS,
    SPORT_WORDS,
    STRIKE_VERBS,
    SUPERLATIVES,
    TALLY_WORDS,
    TOTAL_WORDS,
    VIOLENT_VERB_THRESHOLD,
    WANT_WORDS,
)
from rasd.enrich.lexmatch import canonical_of, fold_ar


class TriggerRules(ActorRules):
    """Whether a trigger candidate reports one concrete event."""

    # -- does a candidate fire? -----------------------------------------------------------
    def fires(self, c: Candidate) -> bool:
        i = c.sentence
        override = self.lex.trigger_thresholds.get(c.form)
        if c.form in self.lex.weak_triggers and (self.has_word(i, CUMULATIVE_WORDS) or self._generic_near(c)
                                                  or self._running_tally(i) or self.has_word(i, ACCIDENT_WORDS)):
            return False  # ومنذ بدء الحملة قتل أكثر من 630 مدنيا، قتل 10 في حادث تصادم: a toll, an accident
        if c.type == "territory" and c.pos == "verb" and not self._control_object_follows(c):
            return False
        family = FAMILIES[c.type]
        if any(w.removeprefix("و") in PLANNED_OPENERS for _, _, w in self.words(i)[:3]):
            return False  # ومن المتوقع خروج مظاهرة … حيث يجتمع: the whole sentence tells what is expected
        if self._conditional(c):
            return False  # إذا كنت شاهدا على اعتداء، ما إذا كان البلدان قد توصلا إلى اتفاق: not asserted
        if family == "arrest" and (self._object_not_person(c) or self._tally_not_dated(c)):
            return False  # أوقفت أعمال الحفر، ألقت القبض على 160 ألفا منذ محاولة الانقلاب
        if family == "arrest" and c.pos == "noun" and self._word_before(c) in DETENTION_PLACES:
            return False  # مركز احتجاز كفرسوسا، سجن الاعتقال: a place of detention, not an arrest
        if family == "protest" and c.pos == "verb" and self._person_objects(c):
            return False  # واحتج ترامب على نشر المقال: one person objecting, not a protest
        if family in ("protest", "arrest", "visit") and c.pos == "noun" and "ل" in self.folded[c.start : c.end - len(c.form)]:
            return False  # خطابا للاحتجاج على، مراكز لاحتجاز المهاجرين، لم يتوجه لزيارة: a purpose or a kind
        if c.pos == "verb" and c.form[:1] in "يت" and self._after_when(c):
            return False  # عندما تلتقي تلك الأمهات: habitual
        if family == "protest" and c.pos == "noun" and self._tally_not_dated(c):
            return False  # منذ بدء مسيرات العودة، سلسلة من الإضرابات في الأسابيع الأخيرة: many protests, not one
        if family == "protest" and self._diplomatic_protest(c):
            return False  # احتجت الصين على، أثار احتجاجات من الولايات المتحدة: a government objects
        if family in ("meeting", "visit", "agreement") and self._arranged(c):
            return False  # سيعقد الزعيمان قمة، اتفقا على عقد قمة، في الاتفاقيات التي تم التوصل إليها في اجتماع
        if override is not None:
            return self.concreteness(c) >= override
        if c.pos == "noun" and self._planned(c):
            return False
        if (family == "violence" and self.casualties([i]) != ((None, None), (None, None))
                and self._running_tally(i, totals=False) and not self._own_day(c, after_only=False)):
            return False  # أصيب أكثر من 1700 بالرصاص منذ مطلع نيسان: a toll over a period, not one incident
        if c.pos == "noun" and family == "violence" and c.type != "territory" and self._carried_out(c):
            # شنت القوات الجوية ضربات جوية: done, unless generic (شن هجوما على مرمى الخصم) or a tally;
            # هجوم/اعتداء carried out may still be words (شن البعض هجوما على المغنية): more evidence
            need = ATTACK_VERB_THRESHOLD if c.type == "attack" else 0
            return not self._generic_near(c) and not self._running_tally(i) and self.concreteness(c) >= need
        if c.pos == "noun" and c.type in ("meeting", "agreement", "territory") and override is None:
            return self._framed_noun_fires(c)
        if c.type in ("meeting", "agreement"):
            if self.has_word(i, SPORT_WORDS):
                return False  # ويلتقي سان جرمان فريق ليزيربييه في نهائي الكأس: a match
            ws = self.words(i)
            n = next((n for n, w in enumerate(ws) if w[0] >= c.end and w[2] in ("بين", "مع")), None)
            if c.type == "meeting" and n is not None and self._private_partner(ws, n):
                return False  # واجتمع أحمد مع عائلته
            if c.type == "agreement" and any(w.removeprefix("ال") in ("شركه", "شركات") for w in self._words_after(c, 3)):
                return False  # توصلت شركة أرامكو لاتفاق يقضي باستحواذها: a business deal
            if c.form in REACH_VERBS and not any(w.removeprefix("ل").startswith(("اتفاق", "الاتفاق"))
                                                 for w in self._words_after(c, 5)):
                return False  # توصلت التحقيقات إلى أن: not an agreement
            if any(w.removeprefix("و") in DUAL_PARTIES for _, _, w in ws):
                return True  # توصلت الكوريتان إلى اتفاق، اجتمع الجانبان: both parties in one word
            names = self._agents(i, drop_sources=True, after=c.start)
            after = self.folded[c.end : self.sentences[i].end]
            with_ = c.type == "meeting" and " مع " in after[:60]  # والتقت الهيئة مع منظمات إنسانية دولية
            return len(names) >= 2 or (len(names) == 1 and (with_ or bool(DELEGATION_RE.search(after))))
        if c.type == "visit" and c.pos == "noun":
            return self._visit_noun_fires(c)
        if c.type == "visit":
            s = self.sentences[i]
            has_visitor = bool(self._agents(i, drop_sources=True)) or bool(
                DELEGATION_RE.search(self.folded, s.start, s.end))
            return has_visitor and bool(self._visit_locations(i, c.end)) and not self._generic_near(c)
        if c.pos == "verb" or self._passive_noun(c):
            if FAMILIES[c.type] in ("arrest", "protest"):
                if c.type == "protest" and any(w.startswith("بان") for w in self._words_after(c, 3)):
                    return False  # واحتج المحامون بأن: argued (يتظاهرون بأنهم: pretend)
                if c.form in STRIKE_VERBS and not (self._followed_by(c, "عن", 5)
                                                   or self.has_word(i, self.lex.protest_words)):
                    return False  # أضرب عن العمل/الطعام is a strike; bare اضرب is "hit!"
                return not self._generic_near(c)
            need = ATTACK_VERB_THRESHOLD if c.type == "attack" else VIOLENT_VERB_THRESHOLD
            return self.concreteness(c) >= need
        return self.concreteness(c) >= NOUN_THRESHOLD

    def _framed_noun_fires(self, c: Candidate) -> bool:
        """Nouns that name an event only in their frame (each needs what says it happened):

        * a meeting noun with its parties after بين/مع (``لقاء بين وزيري الخارجية``، ``محادثات مع
          الحوثيين``), not planned or a frame (``المرتقبة``، ``خلال``): not a club's ``اجتماع``;
        * a control noun after a verb or noun of gaining it (``تمكن أنقرة من السيطرة على``، ``غداة
          سيطرة أنقرة على``), not ``مناطق سيطرة``/``الخاضعة لسيطرة`` (who holds what);
        * ``تحرير`` before a place (``تحرير مطار الحديدة``), not ``رئيس تحرير``، ``هيئة تحرير الشام``
          or a purpose (``لتحرير``، ``خطة لتحرير``);
        * ``اتفاق`` with a verb of concluding right after it (``اتفاق أبرمته روسيا وتركيا``) and two
          parties (names or countries) in the sentence.
        """
        ws = self.words(c.sentence)
        k = self.word_at(c.sentence, c.start)
        before = [w.lstrip("و").strip(PUNCT) for _, _, w in ws[max(0, k - 3) : k]]  # و"جبهة تحرير سوريا"
        after = [w for _, _, w in ws[k + 1 : k + 4]]
        near = {w.removeprefix("و") for _, _, w in ws[max(0, k - 3) : k + 5]}
        frames = self.lex.visit_frames - MEETING_HELD if c.type == "meeting" else self.lex.visit_frames
        if near & frames or self._generic_near(c):
            return False
        glued = any(ch in "لب" for ch in self.folded[c.start : c.end - len(c.form)])  # للقاء، بلقاء، لتحرير
        if c.type == "meeting":  # محادثات مع الحوثيين، محادثات غريفيث في صنعاء مع، مباحثات … جرى عقدها بين
            n = next((n for n in range(k + 1, min(len(ws), k + 7)) if ws[n][2] in ("بين", "مع")), None)
            return n is not None and not glued and not self._private_partner(ws, n)
        if c.type == "agreement":
            concluded = any(w.startswith(CONCLUDING_STEMS) for w in after[:2])
            return concluded and len(self._parties(c.sentence)) >= 2
        if c.form.endswith("تحرير"):
            if glued or (before and before[-1] in NOT_LIBERATION_BEFORE):
                return False
            place = after[:1] and (after[0].removeprefix("ال") in PLACE_TARGETS or after[0] in PLACE_NOUNS)
            next_two = ws[k + 2][1] if k + 2 < len(ws) else self.sentences[c.sentence].end
            return bool(place) or bool(self.entities.within(c.end, next_two, ("LOC",)))  # not تحرير المحاصرين في …
        gained = bool(before) and before[-1] in CONTROL_GAINS
        return gained and not glued and self._control_object_follows(c)

    def _word_before(self, c: Candidate) -> str:
        k = self.word_at(c.sentence, c.start)
        return self.words(c.sentence)[k - 1][2].removeprefix("و") if k > 0 else ""

    def _person_objects(self, c: Candidate) -> bool:
        """A protest verb whose subject right after it is one person (``واحتج ترامب على``، ``احتجت الوزيرة
        فلانة``), with no crowd in the sentence: an objection, not people in the street."""
        if self.has_word(c.sentence, self.lex.protest_words):
            return False
        ws = self.words(c.sentence)
        k = self.word_from(c.sentence, c.end)
        if k >= len(ws):
            return False
        subject = self.entities.within(ws[k][0], ws[min(len(ws) - 1, k + 2)][1], AGENTS)
        return bool(subject) and subject[0].start <= ws[k][0] + 1 and subject[0].label == "PER"

    def _arranged(self, c: Candidate) -> bool:
        """A meeting not held (yet) or not told as news:

        * a future verb, a verb of calling it off or asking for it within eight words before the trigger (its
          subject may come between: ``سيعقد الزعيمان قمة``، ``سيكون أول اجتماع``، ``وألغت كوريا الشمالية في
          وقت سابق من الأسبوع اجتماعا``، ``طلب السفير تنظيم لقاء``; ``arranged_words.txt``), not across a
          complementiser;
        * holding it as an aim within three words before: after على/إلى (``اتفقا على عقد قمة``، ``دعا إلى
          إجراء محادثات``); right before it with ب/ل (``بإجراء محادثات``، ``لاستضافة قمة``), organising
          (``تنظيم لقاء``) or ل + a present verb (``ليجري محادثات``);
        * a count of meetings (``33 اجتماعا``), a process (``محادثات السلام``), a press event (``لقاء
          صحافي``), hosting a number of people (``استقبلت المملكة 422 لاجئا``);
        * for a meeting noun, a passive relative clause it sits in (``الاتفاقيات التي تم التوصل إليها في
          اجتماع القمة``: background, what an earlier meeting produced)."""
        ws = self.words(c.sentence)
        k = self.word_at(c.sentence, c.start)
        for _, _, w in reversed(ws[max(0, k - 8) : k]):
            w = w.removeprefix("و")
            if w in COMPLEMENTISERS:
                break
            if w in self.lex.arranged:
                return True
        if c.pos == "noun" and any(w.removeprefix("ل") in PROCESS_WORDS or w in INTERVIEW_WORDS
                                   for w in self._words_after(c, 1)):
            return True  # وتعطلت محادثات السلام بين الجانبين، في لقاء صحافي: a process, a press event
        if c.form.startswith("استقبل") and any(w[:1].isdigit() for w in self._words_after(c, 3)):
            return True  # استقبلت المملكة 422 لاجئا: hosting people, not a meeting
        before = [w.removeprefix("و") for _, _, w in ws[max(0, k - 3) : k]]
        if before and before[-1][:1].isdigit():
            return True  # 33 اجتماعا بين ممثل الشركة والأجهزة: many meetings, not one
        for n, w in enumerate(before):
            bare = w.removeprefix("ب").removeprefix("ل")
            if bare in HOLDING_NOUNS and n > 0 and before[n - 1] in ("علي", "الي", "الى"):
                return True
        if before:  # right before the trigger (بتنظيم القاعدة two words back is an organisation)
            w = before[-1]
            bare = w.removeprefix("ل")  # (لإجراء، لاستضافة: a purpose; أقرت بإجراء محادثات: admitted, held)
            if bare in HOLDING_NOUNS and (bare != w or bare in ORGANISING_NOUNS):
                return True
            if w[:1] == "ل" and w[1:] in LIGHT_VERBS_PRESENT:
                return True  # ووصل إلى البيت الأبيض ليجري محادثات: the purpose of a trip
        if c.pos != "noun" or c.type != "meeting":
            return False  # (الذي اختتم الثلاثاء زيارة رسمية: a visit told in passing is still news)
        start = ws[max(0, k - 6)][0] if ws else c.start
        clause = self.text[start : c.start]
        if "،" in clause or "," in clause:
            clause = clause[max(clause.rfind("،"), clause.rfind(",")) + 1 :]
        words = [w.strip(PUNCT) for w in fold_ar(clause).split()]
        # (الاتفاقات التي تم التوصل إليها في اجتماع: what an earlier meeting produced; not الذي كان يتحدث بعد
        # قمة جمعته: a speaker's clause)
        return any(w in RELATIVE_WORDS and n + 1 < len(words) and words[n + 1] in PASSIVE_AUX
                   for n, w in enumerate(words))

    def _planned(self, c: Candidate) -> bool:
        """A noun governed by a future or subjunctive verb: ``من المقرر أن يعقد محادثات``، ``لن يشن
        هجوما``، ``سوف تجري مباحثات`` — the event has not happened."""
        ws = self.words(c.sentence)
        k = self.word_at(c.sentence, c.start)
        before = [w.lstrip("و") for _, _, w in ws[max(0, k - 6) : k]]
        for n, w in enumerate(before):
            if w == "سوف" or (n >= len(before) - 2 and w in WANT_WORDS):  # (not سـ + verb: سيناء، ستار)
                return True  # كانت الحكومة تريد احتجاز سيسوكو: wanted, not done
            if w in ("ان", "لن") and n + 1 < len(before) and before[n + 1][:1] in "يتن":
                return True
        return False

    def _parties(self, i: int) -> list[str]:
        """PER/ORG names and country names of sentence ``i`` (the sides of an agreement)."""
        s = self.sentences[i]
        names = self._agents(i, drop_sources=True)
        for e in self.entities.within(s.start, s.end, ("LOC",)):
            name = self.text[e.start : e.end]
            if fold_ar(name) in self.lex.countries and name not in names:
                names.append(name)
        return names

    def _control_object_follows(self, c: Candidate) -> bool:
        """``سيطرت قوات النظام على بلدة``: a control verb is a territory event with على within six words
        and a place after it (a LOC, a place noun, ``مواقع``) — not ``التشدد الذي سيطر على المجتمع``."""
        ws = self.words(c.sentence)
        k = self.word_at(c.sentence, c.start)
        ala = next((n for n in range(k + 1, min(len(ws), k + 7)) if ws[n][2] == "علي"), None)
        if ala is None:
            return False
        obj = ws[ala + 1 : ala + 3]  # the object itself: على مدينة دوما، على درعا، على عدد من البلدات
        if any(w.removeprefix("ال") in PLACE_TARGETS or w in PLACE_NOUNS or w.removeprefix("ال") in CONTROL_OBJECTS
               for _, _, w in obj):
            return True
        return bool(obj) and bool(self.entities.within(obj[0][0], obj[-1][1], ("LOC",)))

    def _visit_noun_fires(self, c: Candidate) -> bool:
        """``زيارة رسمية يقوم بها إلى باريس``، ``بداية زيارته إلى بريطانيا``، ``زيارة الرئيس السوري
        للغوطة``: a visit noun is an event with a visitor (a possessive suffix, a name right after it or
        a verb of doing before it) and a destination; not when planned (``المرتقبة``، ``سيقوم``) or the frame
        of another report (``تزامنا مع زيارة الكاظمي لواشنطن``، ``على هامش زيارته``)."""
        ws = self.words(c.sentence)
        k = self.word_at(c.sentence, c.start)
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

    def _private_partner(self, ws: list[tuple[int, int, str]], n: int) -> bool:
        """The word after مع/بين (at ``n``) names a medium (``لقاء مع وكالة بلومبرغ``: an interview) or
        private people (``مع عائلته``، ``مع رجال الأعمال``): no diplomatic meeting.  Group words in between
        are passed over (``مع بعض الإعلاميين``، ``مع ممثلين عن وسائل الإعلام``)."""
        n += 1
        while n < len(ws) and ws[n][2] in GROUP_WORDS:
            n += 1
        if n >= len(ws):
            return False
        word = ws[n][2]
        return word in MEDIA_WORDS or word in self.lex.private_partners

    def _after_when(self, c: Candidate) -> bool:
        """``عندما``/``حين``/``كلما`` right before a present-tense verb: a habit, not an incident."""
        words = self.folded[max(self.sentences[c.sentence].start, c.start - 16) : c.start].split()[-2:]
        return any(w.removeprefix("و") in ("عندما", "حين", "حينما", "كلما") for w in words)

    def _conditional(self, c: Candidate) -> bool:
        """A condition or a question within eight words before the trigger (إذا، لو، هل)."""
        ws = self.words(c.sentence)
        k = self.word_at(c.sentence, c.start)
        return any(w.removeprefix("و").removeprefix("ف") in ("اذا", "لو", "هل") for _, _, w in ws[max(0, k - 8) : k])

    def _words_after(self, c: Candidate, span: int) -> list[str]:
        ws = self.words(c.sentence)
        k = self.word_from(c.sentence, c.end)
        return [w for _, _, w in ws[k : k + span]]

    def _followed_by(self, c: Candidate, word: str, span: int) -> bool:
        return word in self._words_after(c, span)

    def _passive_noun(self, c: Candidate) -> bool:
        """``جرى احتجاز مشتبه به``، ``تم اعتقال``: a noun after a passive auxiliary reports like a verb."""
        words = self.folded[max(self.sentences[c.sentence].start, c.start - 8) : c.start].split()
        return bool(words) and words[-1] in PASSIVE_AUX

    def _object_not_person(self, c: Candidate) -> bool:
        """``أوقفت أعمال الحفر``، ``أوقف إطلاق النار``، ``احتجاز السفينة``: the arrest word's object is a
        thing or an activity (``not_detained_words.txt``), so it means "stopped" or "held", not an arrest."""
        ws = self.words(c.sentence)
        k = self.word_from(c.sentence, c.end)
        # the object may follow the subject: أوقفت الشركة أعمال الحفر
        return any(w.removeprefix("و").removeprefix("ال") in self.lex.not_detained for _, _, w in ws[k : k + 3])

    def _tally_not_dated(self, c: Candidate) -> bool:
        """A running tally (``_running_tally``) unless the trigger has a day of its own (``ومنذ ثلاثة أسابيع
        … حيث أدت تظاهرات في 23 نيسان إلى استقالة``: that day's protest)."""
        if not self._running_tally(c.sentence):
            return False
        before = self.folded[max(self.sentences[c.sentence].start, c.start - 24) : c.start].split()[-3:]
        if any(w.removeprefix("و") == "منذ" for w in before):
            return True  # منذ بدء مسيرات احتجاجية في 30 آذار: the start of the count, not one protest
        return not self._own_day(c, after_only=True)  # its own day follows it: تظاهرات في 23 نيسان

    def _own_day(self, c: Candidate, *, after_only: bool) -> bool:
        """The trigger's governing date is a day of its own — not the start of a count (``منذ 30 مارس``)
        and, with ``after_only``, after the trigger (``والجمعة الماضية، قتل أربعة`` has one before it)."""
        found = self._governing_date(c, c.sentence, strict=True)
        if found is None or found[1][1] != "day" or (after_only and found[0].start < c.end):
            return False
        before = self.folded[max(self.sentences[c.sentence].start, found[0].start - 16) : found[0].start].split()[-2:]
        return not self.folded.startswith("منذ", found[0].start) and "منذ" not in before

    def _running_tally(self, i: int, *, totals: bool = True) -> bool:
        """A count over a period, not one incident: ``حصيلة``/``إجمالي``, or ``منذ`` that is not a recent
        date (``منذ محاولة الانقلاب``، ``منذ العام 2011``; ``منذ يومين`` is a date)."""
        times = None
        previous = ""
        for start, end, w in self.words(i):
            w = w.removeprefix("و")
            if (w in TALLY_WORDS and (totals or w not in TOTAL_WORDS)) or (w == "الان" and previous == "حتي"):
                return True
            if w == "منذ" and previous not in SUPERLATIVES:  # (الأكبر منذ اعتداءات 2009 compares, no tally)
                if times is None:
                    times = self.spans_in(self.times, i)
                # the time may hold منذ (منذ يومين) or follow it (تدور منذ صباح الجمعة)
                t = next((t for t in times if t.start <= start < t.end or end < t.start <= end + 1), None)
                d = self._date_of(t) if t is not None else None
                if d is None or d[1] not in ("day", "week"):
                    return True
            previous = w
        return False

    def _diplomatic_protest(self, c: Candidate) -> bool:
        """A government's objection, not a street protest: a diplomatic word next to the trigger (``احتجاج
        رسمي``، ``استدعت السفير احتجاجا``) or a country as the protester (``احتجت الصين على``، ``احتجاجات من
        الولايات المتحدة``)."""
        ws = self.words(c.sentence)
        k = self.word_at(c.sentence, c.start)
        if any(w.removeprefix("و") in self.lex.diplomatic_protest for _, _, w in ws[max(0, k - 3) : k + 4]):
            return True
        n = k + 1
        if c.pos == "noun":
            if n >= len(ws) or ws[n][2] != "من":
                return False
            n += 1
        if n >= len(ws):
            return False
        ents = self.entities.within(ws[n][0], ws[min(len(ws) - 1, n + 2)][1], ("LOC", "ORG"))
        if not ents or ents[0].start > ws[n][0] + 1:
            return False
        name = fold_ar(canonical_of(ents[0], self.text))
        return name in self.lex.countries or any(w in name for w in ("الخارجيه", "الحكومه", "السفاره"))

    def _carried_out(self, c: Candidate) -> bool:
        """A violent noun a verb of doing governs within five words before it: ``شنت القوات الجوية
        العراقية الخميس ضربات جوية``، ``نفذ مسلحون هجوما``; in a headline also the present (``الجيش يشن
        غارات``), which headlines use for what happened."""
        ws = self.words(c.sentence)
        k = self.word_at(c.sentence, c.start)
        headline = self.sentences[c.sentence].start < self.article.title_span.end
        for _, _, w in ws[max(0, k - 5) : k]:
            w = w.removeprefix("و").removeprefix("ف")
            if w in DOING_PAST or (headline and w in DOING_PRESENT):
                return True
        return False

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
        if FAMILIES[c.type] == "violence":
            after = self._words_after(c, 2)
            if c.pos == "noun" and after[:1] and after[0] in INTENSITY_WORDS:
                score += 1  # القصف العنيف، قصف تركي كثيف: an actual bombardment
            elif c.pos == "verb" and any(w.removeprefix("ال") in HIT_PLACES for w in after):
                score += 1  # وقصفت المطار: a place hit
        if FAMILIES[c.type] == "protest" and c.form != "احتجاجا" and self.has_word(i, self.lex.protest_words):
            score += 2  # مسيرات حاشدة، نزل عشرات الآلاف إلى الشوارع: a crowd in the street
        if self._generic_near(c):
            score -= 2
        return score

    def _near(self, c: Candidate, vocab: frozenset[str], span: int) -> bool:
        """A word of ``vocab`` within ``span`` words after the trigger or ``span + 2`` before it (a
        governing verb may have its subject in between: وشنت قوات أميركية وبريطانية ضربات جوية)."""
        ws = self.words(c.sentence)
        k = self.word_at(c.sentence, c.start)
        for n in range(max(0, k - span - 2), min(len(ws), k + span + 1)):
            w = ws[n][2]
            if n != k and (w in vocab or (w[:1] in "وف" and w[1:] in vocab)):
                return True
        return False

    def _generic_near(self, c: Candidate) -> bool:
        ws = self.words(c.sentence)
        k = self.word_at(c.sentence, c.start)
        k = 0 if k == len(ws) else k
        for _, _, w in ws[max(0, k - 2) : k + 8]:
            if w in self.lex.generic or (w[:1] in "وفل" and w[1:] in self.lex.generic):
                return True
        return False
