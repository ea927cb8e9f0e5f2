"""Speakers: the subject of a speech verb, titles and roles, and the last agent a bare cue falls back to."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from rasd.document import Span
from rasd.enrich.lexmatch import DATELINE_RE, EntityIndex, canonical_of, fold_ar
from rasd.enrich.quotes.cues import Cue
from rasd.enrich.quotes.lexicon import (
    AGENT_LABELS,
    AGENT_WINDOW_CHARS,
    COMPLEMENTIZER_RE,
    MAX_AGENT_PARAGRAPHS_BACK,
    MAX_SUBJECT_WORDS,
    PUNCT_STRIP,
    SUBJECT_LABELS,
    WORD_RE,
    QuoteLexicon,
)


@dataclass
class State:
    """Agents seen so far, in text order: (position, canonical, mention span)."""

    block_starts: list[int] = field(default_factory=list)
    agents: list[tuple[int, str | None, tuple[int, int] | None, str | None]] = field(default_factory=list)
    #: Unnamed or untagged speakers by the head of their words (مصادر ← ``مصادر ميدانية``، رئيس ←
    #: ``رئيس الحكومة اللبنانية #سعد_الحريري``): (position, head, speaker text).
    texts_by_head: list[tuple[int, str, str]] = field(default_factory=list)
    #: Notes the sentence-initial agent of sentence i; called lazily, only for sentences a bare cue
    #: can reach (most articles never need most of them).
    note_sentence: Callable[[int], None] | None = None
    sentence_starts: list[int] = field(default_factory=list)
    _noted: int = 0

    def add(self, pos: int, name: str | None, span: tuple[int, int] | None, text: str | None = None) -> None:
        """Note an agent; ``name`` None = an unnamed one (مصدر أمني, its words in ``text``), which later
        bare cues inherit."""
        self.agents.append((pos, name, span, text))

    def add_text(self, pos: int, head: str, text: str) -> None:
        self.texts_by_head.append((pos, head, text))

    def text_for_head(self, head: str, pos: int) -> str | None:
        """``وأضافت المصادر`` after ``وقالت مصادر ميدانية``: the last earlier speaker text of that head."""
        found = None
        for p, h, t in self.texts_by_head:
            if p < pos and h == head:
                found = t
        return found

    def last_before(self, pos: int) -> tuple[str | None, tuple[int, int] | None, str | None] | None:
        """The last agent before ``pos``, named at most `MAX_AGENT_PARAGRAPHS_BACK` paragraphs back."""
        k = bisect.bisect_right(self.block_starts, pos) - 1
        floor = self.block_starts[max(0, k - MAX_AGENT_PARAGRAPHS_BACK)] if k >= 0 else 0
        if self.note_sentence is not None:
            first = max(self._noted, bisect.bisect_left(self.sentence_starts, floor))
            last = bisect.bisect_left(self.sentence_starts, pos)
            for i in range(first, last):
                self.note_sentence(i)
            self._noted = max(self._noted, last)
        best = None
        for p, name, span, words in self.agents:
            if floor <= p < pos and (best is None or p >= best[0]):
                best = (p, name, span, words)
        return (best[1], best[2], best[3]) if best else None


class RoleIndex:
    """Earlier mentions a bare noun subject can stand for: a PER by the head of its role
    (``وزير الخارجية`` ← ``وقال الوزير``) or an ORG of two words or more by its head
    (``التحالف الدولي`` ← ``وقال التحالف``، ``وزارة الصحة`` ← ``وقالت الوزارة``)."""

    def __init__(self, spans: list[Span], text: str) -> None:
        self.spans, self.text = spans, text
        self._items: list[tuple[int, str, Span]] | None = None  # built on the first bare title (many articles have none)

    @property
    def items(self) -> list[tuple[int, str, Span]]:
        if self._items is None:
            self._items = self._build(self.spans, self.text)
        return self._items

    @staticmethod
    def _build(spans: list[Span], text: str) -> list[tuple[int, str, Span]]:
        items = []
        for s in spans:
            if s.label == "PER" and s.attrs.get("role"):
                items.append((s.start, title_head(str(s.attrs["role"])), s))
            elif s.label == "PER":  # no role from the entity stage: the title right before the name
                for word in title_words_before(text, s.start):
                    items.append((s.start, title_head(word), s))
            if s.label == "PER":  # and a title after it (العميد عبد السلام الشحي قائد قوات التحالف → قائد)
                after = text[s.end : s.end + 30].split("\n")[0].split()[:1]
                if after and after[0][:1] not in PUNCT_STRIP:
                    items.append((s.start, title_head(after[0].strip(PUNCT_STRIP)), s))
            elif s.label == "ORG" and len(text[s.start : s.end].split()) >= 2:
                items.append((s.start, title_head(text[s.start : s.end]), s))
        return sorted(items, key=lambda x: x[0])

    def resolve(self, word: str, pos: int, state: State) -> Span | None:
        """The latest earlier holder of that title anywhere before ``pos`` (a title is specific enough
        to reach back to the lead paragraph: ``الرئيس الفلسطيني محمود عباس`` … ``وقال الرئيس الفلسطيني``)."""
        head = title_head(word)
        found = None
        for start, role_head, span in self.items:
            if start >= pos:
                break
            if role_head == head:
                found = span
        return found


def title_words_before(text: str, pos: int) -> list[str]:
    """The words right before a name at ``pos`` (up to five, on its line) that may hold its title
    (``وزير الخارجية الأميركي`` ← ``أنتوني بلينكن``); none when the name is glued to a preposition
    (``منح المجلس لدانيلز``: an object, and المجلس is no title of hers).

    >>> title_words_before("وقال وزير الخارجية الأميركي أنتوني بلينكن", 28)
    ['وقال', 'وزير', 'الخارجية', 'الأميركي']
    >>> title_words_before("منح المجلس لدانيلز", 12)
    []
    """
    if pos > 0 and _is_word_char(text[pos - 1]):
        return []
    return [w.strip(PUNCT_STRIP) for w in text[max(0, pos - 60) : pos].split("\n")[-1].split()[-5:]]


#: Last words of names that are also common words: never taken as a bare surname.
SURNAME_STOP = frozenset(fold_ar(w) for w in ("الله", "الدين", "الرحمن", "علي", "الأول", "الثاني", "الثالث"))
#: Marks glued to the start of a name: a hashtag (``#سعد_الحريري``) or a quote (``صحيفة "ستار"``).
NAME_MARKS = "#\"«“'"


@lru_cache(maxsize=4096)  # a pure function of its argument: memoised, same output in any order
def title_head(words: str) -> str:
    """``الرئيس الأميركي`` → ``رئيس``; ``وزير الخارجية`` → ``وزير`` (folded, article stripped)."""
    parts = fold_ar(words).split()
    head = parts[0] if parts else ""
    return head[2:] if head.startswith("ال") and len(head) > 4 else head

#: ``من جهته``، ``من جانبها``: "for his part" before a sentence's verb.
SIDE_WORDS = frozenset(fold_ar(w) for w in ("جهته", "جهتها", "جهتهم", "جانبه", "جانبها", "جانبهم"))
#: Words opening a fronted topic or adjunct before a verb (``أما بخصوص …``، ``وعن الاستفزازات …``).
TOPIC_OPENERS = frozenset(fold_ar(w) for w in ("أما", "وأما", "بخصوص", "وبخصوص", "بشأن", "وبشأن", "وعن", "عن", "حول"))
CLAUSE_OPENERS = frozenset(fold_ar(w) for w in (
    "حيث", "فيما", "بينما", "كما", "وكما", "إذ", "عندما", "حين", "ثم", "لكن", "ولكن", "لكنه", "ولكنه", "لكنها",
    "ولكنها", "لكنهم", "ولكنهم", "إنه", "وإنه", "إنها", "وإنها"))
#: Prepositions opening a short fronted adjunct closed by a comma (``في المقابل،``، ``وفي سياق متصل،``).
ADJUNCT_OPENERS = frozenset(fold_ar(w) for w in ("في", "وفي", "على", "وعلى", "مع", "ومع", "وفقا",
                                                "ووفقا", "وفق", "ووفق", "بحسب", "وبحسب", "حسب", "وحسب"))
FRONTED_ADJUNCT_CHARS = 45
#: A preposition + pronoun right after a speech verb, before its subject (``وقال عنه رئيس الحزب``).
OBJECT_PRONOUN_PPS = frozenset(fold_ar(w) for w in ("عنه", "عنها", "عنهم", "له", "لها", "لهم"))
#: A relative pronoun as the subject of a speech verb stands for the name before it.
RELATIVE_PRONOUNS = frozenset(fold_ar(w) for w in ("الذي", "والذي", "التي", "والتي", "الذين", "والذين"))
#: First words of a time or manner phrase before a verb (``عام 2015 أعلن``، ``بشكل قاطع أكد``).
TIME_MANNER_OPENERS = frozenset(fold_ar(w) for w in (
    "عام", "العام", "وعام", "يوم", "اليوم", "ويوم", "شهر", "الشهر", "سنة", "السنة", "الأسبوع", "أسبوع", "مساء",
    "صباح", "ومساء", "وصباح", "ليلة", "بشكل", "وبشكل", "بصورة", "وبصورة", "بعدها", "وبعدها", "حينها", "وحينها"))
PREVERBAL_PARTICLES = frozenset(fold_ar(w) for w in (
    "قد", "وقد", "لقد", "كان", "وكان", "كانت", "وكانت", "ثم", "كما", "وكما", "فيما", "بينما", "حيث", "إذ",
    "من", "جهته", "جهتها", "جانبه", "جانبها", "بدوره", "بدورها", "وفي", "في", "ذلك", "وبعد", "بعد"))


def resolve_preverbal_subject(folded: str, cue: Cue, entities: EntityIndex, lex: QuoteLexicon) -> None:
    """SVO: ``وكانت السعودية قد أعلنت أنها`` / ``الجيش قال إن`` — the subject stands before an
    unprefixed verb that does not open its clause.  Takes the last PER/ORG/LOC there not governed by
    a preposition, else marks the subject as explicit but unnamed (no fall-back to an earlier agent)."""
    if cue.prefixed or cue.mode.startswith("participle"):
        return
    before = list(WORD_RE.finditer(folded, cue.sentence_start, cue.start))[-MAX_SUBJECT_WORDS:]
    for n in range(len(before) - 1, -1, -1):  # only this clause: back to a comma or حيث/ولكنه…
        word = before[n].group()
        if word[-1] in PUNCT_STRIP or word.strip(PUNCT_STRIP) in CLAUSE_OPENERS:
            before = before[n + 1 :]
            break
    if not before:
        return
    bare = [w.group().strip(PUNCT_STRIP) for w in before]
    if len(bare) == 1 and bare[0] in RELATIVE_PRONOUNS:  # …يجريها ترامب في إدارته، والذي قال إنه: ترامب
        earlier = entities.within(max(cue.sentence_start, before[0].start() - AGENT_WINDOW_CHARS),
                                  before[0].start(), AGENT_LABELS)
        if earlier:
            cue.subject, cue.subject_end, cue.relative = earlier[-1], cue.verb_end, True
        return
    if all(b in PREVERBAL_PARTICLES or b in lex.skip_words or b in lex.stop_words for b in bare):
        return
    first = bare[0][1:] if bare[0].startswith(("و", "ف")) and bare[0][1:] in lex.stop_words else bare[0]
    if first in TOPIC_OPENERS or first in lex.stop_words:
        return  # أما بخصوص تشكيل الحكومة أكد أنه، وفي وقت سابق أعلن …: a topic or an adjunct, not the subject
    if first in TIME_MANNER_OPENERS or any(ch.isdigit() for ch in first):
        return  # عام 2015 أعلن، بشكل قاطع أكد: a time or a manner, not the subject
    for e in reversed(entities.within(before[0].start(), cue.start, SUBJECT_LABELS)):
        k = next((n for n, w in enumerate(before) if w.start() <= e.start < w.end()), None)
        if k is None or e.start != before[k].start():
            continue  # ل/ب + name
        if k > 0 and bare[k - 1] in lex.stop_words:
            continue  # في واشنطن
        cue.subject, cue.subject_end = e, cue.verb_end
        return
    cue.explicit_other = True
    words = [(w, b) for w, b in zip(before, bare, strict=True) if b not in PREVERBAL_PARTICLES and b not in lex.skip_words]
    cue.first_word = words[0][1] if words else ""
    if words and not any(b in lex.stop_words for _, b in words):  # لكن مسؤولا إقليميا أضاف أن
        cue.np_start, cue.np_end = words[0][0].start(), words[-1][0].start() + len(words[-1][0].group().rstrip(PUNCT_STRIP))

def take_preverbal_subject(folded: str, cue: Cue, entities: EntityIndex, lex: QuoteLexicon) -> bool:
    """SVO first for a verb with no و/ف that does not open its clause: ``إيران تصف نتنياهو بأنه``،
    ``لكن معارضين في أستراليا وصفوا تصريحاته بأنها`` — the words before the verb are its subject and
    the name after it the object.  True when it found a subject (an entity or the words of one)."""
    if cue.prefixed or cue.mode.startswith("participle"):
        return False
    resolve_preverbal_subject(folded, cue, entities, lex)
    if cue.subject is not None or cue.np_end > cue.np_start:
        return True
    cue.explicit_other, cue.first_word = False, ""  # nothing usable before the verb: read after it
    return False


def resolve_subject(text: str, folded: str, cue: Cue, limit: int, entities: EntityIndex,
                     lex: QuoteLexicon, *, speech: bool = True) -> None:
    """Fill ``cue.subject`` (an entity), ``explicit_other`` or ``anaphor`` from the words after the verb.

    An entity is the subject when it comes right after the verb, or after words it stands in
    apposition to: a definite title (``وزير الخارجية الأميركي أنتوني بلينكن``), a comma
    (``المتحدث باسم الرئاسة، إبراهيم قالين``) or another name (``وزير خارجية إيران محمد جواد ظريف``).
    After an indefinite noun it is a genitive — ``قال أحد مساعدي ترامب``، ``مبعوث الأمم المتحدة`` — and
    the scan goes on for a name in apposition; a place after the first word is always a genitive.
    With ``speech`` (a speech verb's subject, not a sentence's first clause), a name closing the
    subject after a prepositional phrase is in apposition too (``قال الباحث في قسم آسيا X إن``).
    """
    cands = entities.within(cue.verb_end, limit, SUBJECT_LABELS)
    ci = 0
    after_comma = False
    prev = ""  # the previous word (folded), "<ENT>" for a name, "<COMMA>" after a comma
    relational = False  # أحد مساعدي …: a name before the next comma is the complement
    in_adjunct = False  # مبعوث الأمم المتحدة للسلام في الشرق الأوسط، نيكولاي ميلادينوف: wait for the comma
    # in an adjunct, a name that closes the subject may be the speaker too (قال الباحث في قسم آسيا X إن);
    # not after an unnamed source's phrase (قال مصدر قريب من X), and only for a speech verb's subject
    closing_names = False
    name_limit = max(limit, cue.sentence_end)  # the complementizer after the name lies past ``limit``
    skip_until = -1
    titles_after_comma = 0
    for words, m in enumerate(WORD_RE.finditer(text, cue.verb_end, limit), start=1):
        if m.start() < skip_until:
            continue
        while ci < len(cands) and cands[ci].start < m.start():
            ci += 1
        if ci < len(cands) and cands[ci].start < m.end():
            ent = cands[ci]
            marked = ent.start == m.start() + 1 and text[m.start()] in NAME_MARKS  # #سعد_الحريري، "ستار"
            if ent.start != m.start() and not marked:
                if in_adjunct:
                    continue
                return  # ل/ب + entity: a recipient (وقال لرويترز), not the subject
            if (closing_names and ent.label == "PER" and prev != "<COMMA>" and heads_apposition(folded, ent.start, lex)
                    and ends_subject(folded, ent.end, name_limit, lex)):
                take_subject(text, cue, ent, [])  # وقال الناشط في مدينة درعا عمر الحريري لوكالة …
                return
            if in_adjunct and (prev != "<COMMA>" or ent.label != "PER"):
                skip_until = ent.end
                if folded[ent.end : ent.end + 1] in "،,":
                    after_comma, prev = True, "<COMMA>"
                continue
            apposition = prev == "<COMMA>" or (not relational and (
                prev == "<ENT>" or (ent.label != "LOC" and is_definite(prev))))
            if words == 1 or apposition:
                take_subject(text, cue, ent, cands[ci + 1 :])
                if ent.label == "PER" and folded[ent.start : ent.end].split()[0] in lex.relational_words:
                    named = [p for p in cands[ci + 1 : ci + 2] if p.label == "PER" and folded[ent.end : p.start].strip() == "،"]
                    if named:  # محامي ترامب، مايكل كوهين (one mention to the entity layer): the lawyer speaks
                        cue.subject, cue.subject_end = named[0], named[0].end
                return
            if prev in lex.label_words and (marked or ent.label == "ORG"):  # ذكرت صحيفة "ستار"، قال موقع فيس بوك
                take_subject(text, cue, ent, cands[ci + 1 :])
                return
            if prev == "باسم" and ent.label == "ORG":  # المتحدث باسم الوزارة (أحمد علي)
                take_subject(text, cue, ent, cands[ci + 1 :])
                return
            skip_until, prev = ent.end, "<ENT>"  # a genitive: مساعدي ترامب، خارجية إيران
            cue.explicit_other = True
            if folded[ent.end : ent.end + 1] in "،,":
                after_comma, prev = True, "<COMMA>"
            continue
        word = folded[m.start() : m.end()]
        bare = word.strip(PUNCT_STRIP)
        if after_comma:
            if bare in lex.skip_words and word[-1] not in PUNCT_STRIP:
                continue  # وقال صديق آخر، ويدعى توران، …
            if (titles_after_comma < 2 and is_definite(bare) and bare not in RELATIVE_PRONOUNS
                    and word[-1] not in PUNCT_STRIP.replace("،", "").replace(",", "")):
                titles_after_comma += 1  # قائد مركز المصالحة، اللواء أليكسي …؛ رئيس الوزراء السابق، الكاتالوني الأصل، مانويل فالس
                continue
            return  # وقال المتحدث باسم الجيش، في بيان: no name after the comma
        if COMPLEMENTIZER_RE.fullmatch(bare):
            return  # وقال إن …: the reported words begin
        if bare in lex.anaphors or (bare in lex.anaphor_heads
                                    and " ".join(folded[m.start() : m.end() + 8].split()[:2]) in lex.anaphors):
            cue.anaphor = True
            cue.subject_end = m.end()
            return
        if bare in lex.addressee_words:
            return  # وقال مخاطبا الحكومة العراقية "…": whom he addressed; the speaker is the last agent
        if words == 1 and bare in OBJECT_PRONOUN_PPS:
            continue  # وقال عنه رئيس الحزب X، وقال لها الوزير: the subject follows the pronoun
        if bare in lex.stop_words or (bare.startswith(("ل", "ب")) and bare[1:] in lex.stop_words):
            if not cue.explicit_other:
                return
            in_adjunct = True  # a noun subject then a prepositional phrase: only a name after a comma
            closing_names = speech and cue.first_word not in UNNAMED_HEADS
        if in_adjunct:
            name_end = closing_names and heads_apposition(folded, m.start(), lex) and untagged_name_end(
                text, folded, m.start(), name_limit, lex
            )
            if name_end:  # وقال الناشط في مدينة درعا عمر الحريري إن: a name the entity layer missed
                cue.first_word, cue.np_start, cue.np_end = bare, m.start(), name_end
                return
            if word[-1] in "،,":
                after_comma, prev, relational = True, "<COMMA>", False
            elif word[-1] in PUNCT_STRIP or words >= 2 * MAX_SUBJECT_WORDS:
                return
            continue
        if not cue.explicit_other and bare.startswith("ل") and (bare[1:] in lex.label_words or bare.startswith("لل")):
            return  # وقال لبرنامج / لوكالة / للصحفيين: a recipient, not the subject
        if bare in lex.relational_words:
            relational = True
        if bare and bare not in lex.skip_words:
            if not cue.explicit_other:
                cue.first_word, cue.np_start = bare, m.start()
            cue.explicit_other = True
            cue.np_end = m.start() + len(word.rstrip(PUNCT_STRIP))
        if bare not in lex.skip_words:  # وأعلن آنذاك X: a name after an adverb is still right after the verb
            prev = bare
        if word and word[-1] in PUNCT_STRIP:
            if cue.explicit_other and word[-1] in "،,":
                after_comma, prev, relational = True, "<COMMA>", False  # المتحدث باسم الرئاسة، إبراهيم قالين
                continue
            return
        if words >= MAX_SUBJECT_WORDS:
            return


#: Indefinite heads of sources left unnamed (``قال مصدر قريب من المغنية X إن``: X is who it is close
#: to): a name after their prepositional phrase is its complement, not the speaker.
UNNAMED_HEADS = frozenset(fold_ar(w) for w in (
    "مصدر", "مصادر", "مسؤول", "مسؤولة", "مسؤولون", "مسؤولين", "خبير", "خبراء", "محلل", "محللون", "شاهد", "شهود",
    "ناشط", "ناشطون", "ناشطين", "دبلوماسي", "دبلوماسيون", "متحدث", "متحدثة", "مقرب", "مقربون", "أحد", "إحدى"))
#: How many words may follow a given name in an untagged name (عمر الحريري، محمد عبد الرحمن).
MAX_NAME_TAIL = 2


def untagged_name_end(text: str, folded: str, start: int, limit: int, lex: QuoteLexicon) -> int:
    """End of a person's name at ``start`` that the entity layer did not tag, when a name is plainly
    there: a given name ANT tagging mostly calls a name (not علي/على, سعيد, جميل), then one or two
    words none of which is a stop word or a common non-name, then the reported words' complementizer,
    a comma or colon, or ``ل`` + a medium (لوكالة الأنباء).  0 otherwise.

    ``… في الأردن محمد الحواري إن`` → the end of ``محمد الحواري``.
    """
    words = list(itertools.islice(WORD_RE.finditer(folded, start, limit), MAX_NAME_TAIL + 1))
    if len(words) < 2 or words[0].group() not in lex.given_names or words[0].group()[-1] in PUNCT_STRIP:
        return 0
    for k in range(1, len(words)):
        bare = words[k].group().rstrip(PUNCT_STRIP)
        if not bare or bare in lex.stop_words or bare in lex.common_words or not bare.isalpha():
            return 0
        end = words[k].start() + len(bare)
        if ends_subject(folded, end, limit, lex):
            return end
    return 0


def heads_apposition(folded: str, start: int, lex: QuoteLexicon) -> bool:
    """Whether a name at ``start``, after a prepositional phrase, can be in apposition to the subject
    (``المسؤول في حزب "نداء تونس" وسام السعيدي``، ``الباحث في الولاية غول محمد``) rather than inside
    the phrase: the word before it is definite or a rare word (a place name), not a preposition
    (``فريق الدفاع عن كوسبي``), a title (``في إدارة الرئيس ترامب``، ``الممثل عمرو``), a common
    indefinite noun (``منتدى دافوس``) or a word with a glued preposition (``بنظيرته``)."""
    before = folded[max(0, start - 40) : start].split()
    if not before:
        return False
    prev = before[-1].strip(PUNCT_STRIP)
    if not prev or prev in lex.stop_words or prev in lex.person_titles:
        return False
    if is_definite(prev):
        return prev[max(prev.find("ال"), 0) :] not in lex.person_titles
    return prev not in lex.common_words and not prev.startswith(("ب", "ل", "ك"))


def ends_subject(folded: str, end: int, limit: int, lex: QuoteLexicon) -> bool:
    """Whether the speaker's name ends at ``end``: a comma or colon, the reported words'
    complementizer (إن، أن), or ``ل`` + a medium (لوكالة الأنباء) follow."""
    if folded[end : end + 1] in ("،", ",", ":"):
        return True
    after = WORD_RE.search(folded, end, limit)
    if after is None or folded[end:after.start()].strip():
        return False
    word = after.group().strip(PUNCT_STRIP)
    return COMPLEMENTIZER_RE.fullmatch(word) is not None or (word.startswith("ل") and word[1:] in lex.label_words)


def is_definite(word: str) -> bool:
    """``الأميركي``، ``والخارجية``، ``#الخارجية_الروسية`` — a definite word, so a following name is in
    apposition to it."""
    word = word.lstrip("#")
    return word.startswith(("ال", "وال", "بال", "فال")) or word == ""


def take_subject(text: str, cue: Cue, ent: Span, following: list[Span]) -> None:
    cue.subject, cue.subject_end = ent, ent.end
    if ent.label == "ORG":
        # المتحدث باسم الوزارة أحمد علي / مبعوث الأمم المتحدة نيكولاي ميلادينوف: the person speaks
        named = [p for p in following[:1] if p.label == "PER" and text.count(" ", ent.end, p.start) <= 1]
        if named:
            cue.subject, cue.subject_end = named[0], named[0].end

def note_sentence_agent(text: str, folded: str, sent: Span, entities: EntityIndex, lex: QuoteLexicon,
                         state: State) -> None:
    dateline = DATELINE_RE.match(text, sent.start, sent.end)  # دبي، الإمارات (CNN)— انتقد …
    first = WORD_RE.search(text, dateline.end() if dateline else sent.start, sent.end)
    if first is None:
        return
    head = entities.within(sent.start, first.end(), AGENT_LABELS)
    if head and head[0].start == first.start():  # SVO: الرئيس ... / بلينكن قال
        state.add(head[0].start, canonical_of(head[0], text), (head[0].start, head[0].end))
        return
    if not entities.within(first.end(), min(sent.end, first.end() + AGENT_WINDOW_CHARS), AGENT_LABELS):
        return  # no PER/ORG near the start: no sentence subject to note (most sentences; fast path)
    comma = text.find("،", first.start(), min(sent.end, first.start() + FRONTED_ADJUNCT_CHARS))
    if fold_ar(first.group()) in ADJUNCT_OPENERS and comma > 0 and text.count(" ", first.start(), comma) <= 4:  # في المقابل، يؤيد الطالب X …: the verb follows
        verb = WORD_RE.search(text, comma + 1, sent.end)
        if verb is not None:
            first = verb
    elif fold_ar(first.group()) == "من":  # من جهته رد أحمد الرميحي: the verb comes after the particle pair
        pair = WORD_RE.search(text, first.end(), sent.end)
        verb = WORD_RE.search(text, pair.end(), sent.end) if pair else None
        if pair and verb and fold_ar(pair.group()).strip(PUNCT_STRIP) in SIDE_WORDS:
            first = verb
    probe = Cue(first.start(), first.end(), "any", sent.end)
    resolve_subject(text, folded, probe, sent.end, entities, lex, speech=False)
    if probe.subject is not None and probe.subject.label in AGENT_LABELS:
        s = probe.subject
        state.add(s.start, canonical_of(s, text), (s.start, s.end))


def unnamed_speaker_text(text: str, cue: Cue, state: State) -> str | None:
    """The words naming a subject that is no entity, as the article writes them.

    * a hashtag name in them is the speaker: ``قال رئيس الحكومة اللبنانية #سعد_الحريري`` →
      ``سعد_الحريري`` (noted under the title's head, so ``ذكر رئيس الحكومة اللبنانية`` finds it again);
    * a definite bare noun takes the words of an earlier unnamed speaker of the same head:
      ``وأضافت المصادر`` after ``وقالت مصادر ميدانية`` → ``مصادر ميدانية``;
    * else the noun phrase itself: ``مصدر عسكري``، ``نقابة الصحفيين اليمنيين``.
    """
    if not cue.np_end > cue.np_start:
        return None
    words = text[cue.np_start : cue.np_end]
    head = title_head(cue.first_word)
    parts = words.split()
    hashtag = next((w for n, w in enumerate(parts) if w.startswith("#") and len(w) > 2
                    and not (n > 0 and fold_ar(parts[n - 1]) == "باسم")), None)  # المتحدثة باسم #الخارجية_الروسية
    if hashtag is not None:
        name = hashtag[1:].strip(PUNCT_STRIP)
        state.add_text(cue.start, head, name)
        return name
    if cue.first_word.startswith("ال"):
        earlier = state.text_for_head(head, cue.start)
        if earlier is not None:
            return earlier
    state.add_text(cue.start, head, words)
    return words


def merge_split_names(text: str, spans: list[Span]) -> list[Span]:
    """Two PER mentions one space apart are one name the entity layer split (``الفار كارلس`` +
    ``بيغديمونت``): one span over both, canonical the article's full name that ends it
    (``كارلس بيغديمونت``), else the words themselves."""
    spans = sorted(spans, key=lambda e: e.start)
    if not any(a.label == b.label == "PER" and text[a.end : b.start] == " " and " " not in text[b.start : b.end]
               for a, b in itertools.pairwise(spans)):
        return spans
    names = {canonical_of(e, text) for e in spans if e.label == "PER"}
    out: list[Span] = []
    for e in spans:
        prev = out[-1] if out else None
        if (prev is not None and prev.label == e.label == "PER" and text[prev.end : e.start] == " "
                and " " not in text[e.start : e.end]):  # a one-word tail: يحيى عثمان + علي نصر stay two
            words = text[prev.start : e.end]
            full = max((n for n in names if len(n) > e.end - e.start + 1 and words.endswith(n)), key=len, default=words)
            out[-1] = Span(prev.start, e.end, "PER", {"canonical": full})
        else:
            out.append(e)
    return out


def surname_mentions(text: str, entities: list[Span]) -> list[Span]:
    """Bare surnames of people named in full earlier, as PER spans the entity layer missed:
    ``تيريزا ماي`` … ``ودافعت ماي`` → a ``ماي`` span with the canonical ``تيريزا ماي``; of two people
    sharing a surname (``رفيق الحريري``، ``سعد الحريري``) the one named last before it."""
    people = sorted((e for e in entities if e.label == "PER"), key=lambda e: e.start)
    by_surname: dict[str, list[tuple[int, str]]] = {}
    for e in people:
        name = canonical_of(e, text)
        parts = name.split()
        if len(parts) >= 2 and len(parts[-1]) >= 3 and fold_ar(parts[-1]) not in SURNAME_STOP:
            by_surname.setdefault(parts[-1], []).append((e.start, name))
    if not by_surname:
        return []
    covered = sorted((e.start, e.end) for e in entities)
    starts = [a for a, _ in covered]
    out = []
    for surname, named in by_surname.items():
        p = text.find(surname, named[0][0])
        while p >= 0:
            end = p + len(surname)
            k = bisect.bisect_right(starts, p) - 1
            whole = not (p > 0 and _is_word_char(text[p - 1])) and not (end < len(text) and _is_word_char(text[end]))
            if whole and not (k >= 0 and covered[k][0] <= p < covered[k][1]):  # not part of a tagged name
                earlier = [name for pos, name in named if pos < p]
                if earlier:
                    out.append(Span(p, end, "PER", {"canonical": earlier[-1], "alias": True}))
            p = text.find(surname, end)
    return sorted(out, key=lambda x: x.start)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or "\u064b" <= ch <= "\u0652" or ch == "\u0640"
