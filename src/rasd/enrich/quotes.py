"""Quotes: who said what, direct (``"..."``) and indirect (``قال إن ...``).

One `Span` per quote over the quoted words (label ``QUOTE``) with attrs::

    speaker       canonical entity name, or None (an unnamed source: مصدر أمني)
    speaker_span  [start, end] of the speaker's mention (the explicit subject, or the mention the
                  speaker was resolved back to), or None
    speaker_text  when the speaker is None: the words naming the unnamed or untagged source after the
                  verb (``مصدر أمني``، ``وزارة الخارجية البريطانية``), else None
    kind          "direct" | "indirect"
    cue           [start, end] of the cue text, or None (a quote that continues a speaker's quote)

How a quote is found (all matching on a same-length folded text, see `rasd.enrich.lexmatch`):

1. *Speech verbs* (``data/quotes/speech_verbs.tsv``, with و/ف): قال، أكد، أضاف، أشار، أوضح…, feminine,
   plural and present forms, and participles (قائلا، مؤكدا، مشيرا).  After the verb, in the same
   sentence, the first of: a complementizer (``إن``، ``أن``، ``بأن``، ``إلى أن``، ``على أن`` + pronoun:
   ``أنها``) → indirect speech up to the end of the sentence or the next cue; an opening quote mark
   → a direct quote (verbs in ``indirect`` mode such as ``أشار`` or ``بين`` only take complementizers).
2. *Direct quotes* are paired per quote style (``" "``، ``“ ”``، ``« »``، ``' '``; reversed RTL pairs too).
   An opening mark that is not closed by the end of its paragraph continues into the next paragraph
   when that paragraph re-opens with a mark or closes one.  A quote needs a cue: a speech verb before
   it (``وقال التحالف في بيان، "..."``), a verb or source right after it (``"..."، قال الوزير``،
   ``"..."، بحسب الوزير``), or it opens the paragraph right after a paragraph with a quote.  A mark
   glued to a word (``بـ"دعم``), after a preposition or after a naming word (``بعنوان``، ``صحيفة``)
   quotes a term, not speech; a quote neither after punctuation nor right after its cue needs six
   words.  ``قال إن "..."`` is a direct quote.
3. *Speaker*: the first PER/ORG entity after the verb, stepping over titles (``وأكد وزير الخارجية
   الأميركي أنتوني بلينكن``) and time adverbs, stopping at prepositions (``وقال مصدر في الوزارة``
   has no entity speaker).  A bare title (``وقال الوزير``) takes the earlier PER whose ``role`` has
   that head word.  A bare cue (``وأضاف أن``، ``قائلا``) or an anaphor (``الأخير``) takes the last
   agent: the last quote speaker, speech-verb subject or sentence-initial subject before it, named
   at most two paragraphs back.

The cue covers verb … subject (``وأشار بلينكن إلى أن``، ``وقال التحالف``) or, with no subject,
verb … quote (``وأضاف، `` / ``وقال إن``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rasd.document import Article, Span
from rasd.enrich.lexmatch import (
    AR_LETTER_CLASS,
    DATELINE_RE,
    EntityIndex,
    canonical_of,
    compile_forms,
    fold_ar,
    read_data_lines,
    read_data_rows,
)

__all__ = ["QuoteLexicon", "QuoteStage", "find_quotes", "load_quote_lexicon", "make_stage"]

AGENT_LABELS = ("PER", "ORG")
#: A place speaks only as the word right after the verb or before it (أعلنت موسكو، كانت السعودية قد أعلنت).
SUBJECT_LABELS = ("PER", "ORG", "LOC")
#: Quote mark → style; marks of one style pair with each other in either order (RTL sites swap them).
QUOTE_STYLES = {'"': "dq", "“": "curly", "”": "curly", "„": "curly", "‟": "curly",
                "«": "guil", "»": "guil", "'": "sq", "‘": "scurly", "’": "scurly"}
_QUOTE_MARK_RE = re.compile("[\"“”„‟«»'‘’]")
_WORD_RE = re.compile(r"\S+")
_COMPLEMENTIZER_RE = re.compile(
    rf"(?<!{AR_LETTER_CLASS})(?:(?:الي|علي|من)\s+)?ب?ان(?:ه|ها|هم|هما|هن|نا|ني)?(?!{AR_LETTER_CLASS})"
)
#: Words before ``أن`` that make it a subordinator, not a speech complementizer (بعد أن، يمكن أن).
_NOT_COMPLEMENTIZER_BEFORE = frozenset(
    fold_ar(w) for w in ("بعد", "قبل", "منذ", "دون", "بدون", "يمكن", "يجب", "ينبغي", "بد", "ما", "إلا", "حتى", "غير")
)
_PUNCT_STRIP = "،,.:؛;!؟?()[]\"“”«»'‘’-–—"
MAX_INDIRECT_GAP_WORDS = 14
MAX_DIRECT_GAP_WORDS = 30
MAX_SUBJECT_WORDS = 7
MIN_UNPUNCTUATED_QUOTE_WORDS = 3
#: A quote not introduced by punctuation nor right after its cue must be this long to count as speech.
MIN_DETACHED_QUOTE_WORDS = 12
MAX_CUE_TO_QUOTE_WORDS = 6
#: A bare cue (وأضاف) takes an agent named at most this many paragraphs back.
MAX_AGENT_PARAGRAPHS_BACK = 2
AGENT_WINDOW_CHARS = 80
HEADLINE_SPEAKER_CHARS = 40
_SOURCE_CUE_RE = re.compile(fold_ar(r"(?:بحسب|حسب|وفقا\s+ل|وفق|على\s+حد\s+تعبير|على\s+لسان)(?=\s|ل)"))
_CLAUSE_BREAK_RE = re.compile(fold_ar(r"(?<!\S)(?:بينما|حين|حيث|عندما|لكن|لكنه|لكنها|غير\s+ان)(?!\S)"))
_SENTENCE_BREAK_RE = re.compile(r"[.!?؟]\s")


@dataclass(frozen=True)
class QuoteLexicon:
    verbs: re.Pattern[str]
    verb_modes: dict[str, str]
    skip_words: frozenset[str]
    stop_words: frozenset[str]
    label_words: frozenset[str]
    relational_words: frozenset[str]
    anaphors: frozenset[str]
    anaphor_heads: frozenset[str]


def load_quote_lexicon() -> QuoteLexicon:
    """Read ``rasd/data/quotes/`` once (called by `make_stage`)."""
    rows = read_data_rows("quotes", "speech_verbs.tsv")
    modes = {fold_ar(r[0]): (r[1] if len(r) > 1 else "any") for r in rows}
    gap = read_data_rows("quotes", "gap_words.tsv")
    anaphors = frozenset(fold_ar(w) for w in read_data_lines("quotes", "anaphors.txt"))
    return QuoteLexicon(
        verbs=compile_forms(modes),
        verb_modes=modes,
        skip_words=frozenset(fold_ar(r[0]) for r in gap if len(r) > 1 and r[1] == "skip"),
        stop_words=frozenset(fold_ar(r[0]) for r in gap if len(r) > 1 and r[1] == "stop"),
        label_words=frozenset(fold_ar(r[0]) for r in gap if len(r) > 1 and r[1] == "label"),
        relational_words=frozenset(fold_ar(r[0]) for r in gap if len(r) > 1 and r[1] == "relational"),
        anaphors=anaphors,
        anaphor_heads=frozenset(a.split()[0] for a in anaphors),
    )


@dataclass
class _Cue:
    start: int  # verb start
    verb_end: int
    mode: str
    sentence_end: int
    subject: Span | None = None
    explicit_other: bool = False  # an explicit subject that is not an entity (مصدر أمني)
    anaphor: bool = False
    subject_end: int = 0
    first_word: str = ""  # folded first word of an explicit non-entity subject (الوزير)
    np_start: int = 0  # start of that subject's words (وقال |مصدر أمني)
    np_end: int = 0  # end of that subject's words (وقال مصدر أمني|)
    antecedent: Span | None = None  # the earlier PER whose role that title names
    prefixed: bool = False  # و/ف on the verb (وقال): coordinated, never the second verb of an SVO clause
    sentence_start: int = 0


@dataclass
class _State:
    """Agents seen so far, in text order: (position, canonical, mention span)."""

    block_starts: list[int] = field(default_factory=list)
    agents: list[tuple[int, str | None, tuple[int, int] | None]] = field(default_factory=list)
    #: Notes the sentence-initial agent of sentence i; called lazily, only for sentences a bare cue
    #: can reach (most articles never need most of them).
    note_sentence: Callable[[int], None] | None = None
    sentence_starts: list[int] = field(default_factory=list)
    _noted: int = 0

    def add(self, pos: int, name: str | None, span: tuple[int, int] | None) -> None:
        """Note an agent; ``name`` None = an unnamed one (مصدر أمني), which later bare cues inherit."""
        self.agents.append((pos, name, span))

    def last_before(self, pos: int) -> tuple[str | None, tuple[int, int] | None] | None:
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
        for p, name, span in self.agents:
            if floor <= p < pos and (best is None or p >= best[0]):
                best = (p, name, span)
        return (best[1], best[2]) if best else None


class _RoleIndex:
    """Earlier mentions a bare noun subject can stand for: a PER by the head of its role
    (``وزير الخارجية`` ← ``وقال الوزير``) or an ORG of two words or more by its head
    (``التحالف الدولي`` ← ``وقال التحالف``، ``وزارة الصحة`` ← ``وقالت الوزارة``)."""

    def __init__(self, spans: list[Span], text: str) -> None:
        items = []
        for s in spans:
            if s.label == "PER" and s.attrs.get("role"):
                items.append((s.start, _title_head(str(s.attrs["role"])), s))
            elif s.label == "PER":  # no role from the entity stage: the words right before the name
                for word in text[max(0, s.start - 40) : s.start].split("\n")[-1].split()[-3:]:
                    items.append((s.start, _title_head(word.strip(_PUNCT_STRIP)), s))
            elif s.label == "ORG" and len(text[s.start : s.end].split()) >= 2:
                items.append((s.start, _title_head(text[s.start : s.end]), s))
        self.items = sorted(items, key=lambda x: x[0])

    def resolve(self, word: str, pos: int, state: _State) -> Span | None:
        """The latest earlier holder of that title anywhere before ``pos`` (a title is specific enough
        to reach back to the lead paragraph: ``الرئيس الفلسطيني محمود عباس`` … ``وقال الرئيس الفلسطيني``)."""
        head = _title_head(word)
        found = None
        for start, role_head, span in self.items:
            if start >= pos:
                break
            if role_head == head:
                found = span
        return found


def _title_head(words: str) -> str:
    """``الرئيس الأميركي`` → ``رئيس``; ``وزير الخارجية`` → ``وزير`` (folded, article stripped)."""
    parts = fold_ar(words).split()
    head = parts[0] if parts else ""
    return head[2:] if head.startswith("ال") and len(head) > 4 else head


def find_quotes(article: Article, lexicon: QuoteLexicon | None = None) -> list[Span]:
    """Quote spans of ``article`` (needs its ``sentences`` and ``entities`` layers).

    >>> a = Article.build("", ["وقال الوزير إن الحكومة ستواصل دعم المزارعين."])
    >>> a = a.with_layer("sentences", [Span(p.start, p.end, "sentence") for p in a.paragraphs])
    >>> [(a.text[q.start:q.end], q.attrs["kind"]) for q in find_quotes(a)]
    [('الحكومة ستواصل دعم المزارعين', 'indirect')]
    """
    lex = lexicon or load_quote_lexicon()
    text = article.text
    folded = fold_ar(text)
    entities = EntityIndex([s for s in article.entities if s.label in SUBJECT_LABELS])
    sentences = sorted(article.sentences, key=lambda s: s.start) or [
        Span(b.start, b.end, "sentence") for b in _blocks(article)
    ]
    sent_starts = [s.start for s in sentences]
    state = _State([b.start for b in _blocks(article)])
    roles = _RoleIndex(list(article.entities), text)
    direct_pairs = _pair_quote_marks(text, _blocks(article))
    open_at = {o: (o, c) for o, c in direct_pairs}
    quoted = _QuotedRanges(direct_pairs)

    def note_sentence(i: int) -> None:  # sentence-initial agents (VSO and SVO), not inside quoted words
        if not quoted.inside(sentences[i].start):
            _note_sentence_agent(text, folded, sentences[i], entities, lex, state)

    state.note_sentence, state.sentence_starts = note_sentence, sent_starts

    cues: list[_Cue] = []
    for m in lex.verbs.finditer(folded):
        i = bisect.bisect_right(sent_starts, m.start()) - 1
        if i < 0 or m.start() >= sentences[i].end or quoted.inside(m.start()):
            continue  # a verb inside quoted words belongs to the quote
        cues.append(_Cue(m.start(), m.end(), lex.verb_modes.get(m.group("form"), "any"), sentences[i].end,
                         prefixed=m.start("form") > m.start(), sentence_start=sentences[i].start))
    cue_starts = [c.start for c in cues]
    quotes: list[Span] = []
    used_opens: set[int] = set()

    for k, cue in enumerate(cues):
        limit = next((c.start for c in cues[k + 1 :] if _cuts_content(text, c)), len(text))
        gap_end = min(cue.sentence_end, cues[k + 1].start if k + 1 < len(cues) else len(text))
        comp = _find_complementizer(folded, cue.verb_end, gap_end)
        if comp is not None and cue.mode.endswith("ila") and not folded.startswith("الي", comp[0]):
            comp = None  # مشيرة إلى كونها تتمنى أن: that أن is another verb's
        mark = _find_direct_open(text, folded, cue.verb_end, _extend_to_colon(text, gap_end), open_at, lex)
        if mark is not None and comp is not None and comp[0] < mark:
            mark = None
        if mark is not None and cue.mode in ("indirect", "ila"):
            mark = None
        subject_limit = comp[0] if comp is not None and mark is None else (mark if mark is not None else gap_end)
        _resolve_subject(text, folded, cue, subject_limit, entities, lex)
        if cue.subject is None and not cue.explicit_other and not cue.anaphor:
            _resolve_preverbal_subject(folded, cue, entities, lex)
        if cue.subject is None and cue.explicit_other:
            cue.antecedent = roles.resolve(cue.first_word, cue.start, state)
            if cue.antecedent is not None:
                ant = cue.antecedent
                state.add(cue.start, canonical_of(ant, text), (ant.start, ant.end))
            else:
                state.add(cue.start, None, None)  # مصدر أمني: a later bare وأضاف is the same unnamed source
        if cue.subject is not None:
            state.add(cue.subject.start, canonical_of(cue.subject, text), (cue.subject.start, cue.subject.end))
        if mark is not None:
            o, c = open_at[mark]
            used_opens.add(o)
            a, b = _trim(text, o + 1, c)
            if b <= a:
                continue
            if cue.subject is not None or cue.anaphor:
                cue_end = cue.subject_end
            else:
                cue_end = cue.np_end or o  # وقال التحالف في بيان، "...": the cue is verb + subject
            quotes.append(_make_quote(text, a, b, "direct", (cue.start, _rstrip_space(text, cue.start, cue_end)),
                                      cue, state))
        elif comp is not None:
            first = _skip_space(text, comp[1], len(text))
            if first in open_at and first not in used_opens:  # قال إن "...": the words are quoted
                used_opens.add(first)
                a, b = _trim(text, first + 1, open_at[first][1])
                if b > a:
                    quotes.append(_make_quote(text, a, b, "direct", (cue.start, comp[1]), cue, state))
                continue
            end = min(cue.sentence_end, limit)
            a, b = _trim(text, comp[1], end)
            if b - a < 2:
                continue
            quotes.append(_make_quote(text, a, b, "indirect", (cue.start, comp[1]), cue, state))

    quotes.extend(_unattached_direct_quotes(text, folded, direct_pairs, used_opens, cues, cue_starts,
                                            quotes, article, entities, lex, state))
    headline = _headline_quote(text, article.title_span, entities)
    if headline is not None:
        quotes.append(headline)
    return sorted(_drop_nested(quotes), key=lambda s: s.start)


# -- pieces --------------------------------------------------------------------------------------
class _QuotedRanges:
    """Positions inside quoted words (between a pair of marks)."""

    def __init__(self, pairs: list[tuple[int, int]]) -> None:
        self.pairs = sorted(pairs)
        self.opens = [o for o, _ in self.pairs]

    def inside(self, pos: int) -> bool:
        k = bisect.bisect_left(self.opens, pos) - 1
        return k >= 0 and self.pairs[k][0] < pos < self.pairs[k][1]


def _cuts_content(text: str, cue: _Cue) -> bool:
    """A later cue ends an indirect quote when it starts a new clause: وأضاف، مضيفا، or after a comma
    (``قال إن مصر تعتبر الضامن`` goes on: تعتبر is inside the reported words)."""
    if cue.prefixed or cue.mode.startswith("participle"):
        return True
    j = cue.start
    while j > 0 and text[j - 1] == " ":
        j -= 1
    return j > 0 and text[j - 1] in "،,;؛:."


#: Words that open a clause whose verb's subject, if not after the verb, is the last agent.
_CLAUSE_OPENERS = frozenset(fold_ar(w) for w in (
    "حيث", "فيما", "بينما", "كما", "وكما", "إذ", "عندما", "حين", "ثم", "لكن", "ولكن", "لكنه", "ولكنه", "لكنها",
    "ولكنها", "لكنهم", "ولكنهم", "إنه", "وإنه", "إنها", "وإنها"))
_PREVERBAL_PARTICLES = frozenset(fold_ar(w) for w in (
    "قد", "وقد", "لقد", "كان", "وكان", "كانت", "وكانت", "ثم", "كما", "وكما", "فيما", "بينما", "حيث", "إذ",
    "من", "جهته", "جهتها", "جانبه", "جانبها", "بدوره", "بدورها", "وفي", "في", "ذلك", "وبعد", "بعد"))


def _resolve_preverbal_subject(folded: str, cue: _Cue, entities: EntityIndex, lex: QuoteLexicon) -> None:
    """SVO: ``وكانت السعودية قد أعلنت أنها`` / ``الجيش قال إن`` — the subject stands before an
    unprefixed verb that does not open its clause.  Takes the last PER/ORG/LOC there not governed by
    a preposition, else marks the subject as explicit but unnamed (no fall-back to an earlier agent)."""
    if cue.prefixed or cue.mode.startswith("participle"):
        return
    before = list(_WORD_RE.finditer(folded, cue.sentence_start, cue.start))[-MAX_SUBJECT_WORDS:]
    for n in range(len(before) - 1, -1, -1):  # only this clause: back to a comma or حيث/ولكنه…
        word = before[n].group()
        if word[-1] in _PUNCT_STRIP or word.strip(_PUNCT_STRIP) in _CLAUSE_OPENERS:
            before = before[n + 1 :]
            break
    if not before:
        return
    bare = [w.group().strip(_PUNCT_STRIP) for w in before]
    if all(b in _PREVERBAL_PARTICLES or b in lex.skip_words or b in lex.stop_words for b in bare):
        return
    for e in reversed(entities.within(before[0].start(), cue.start, SUBJECT_LABELS)):
        k = next((n for n, w in enumerate(before) if w.start() <= e.start < w.end()), None)
        if k is None or e.start != before[k].start():
            continue  # ل/ب + name
        if k > 0 and bare[k - 1] in lex.stop_words:
            continue  # في واشنطن
        cue.subject, cue.subject_end = e, cue.verb_end
        return
    cue.explicit_other = True
    cue.first_word = next((b for b in bare if b not in _PREVERBAL_PARTICLES and b not in lex.skip_words), "")


def _blocks(article: Article) -> list[Span]:
    blocks = list(article.paragraphs)
    if article.title_span.end > article.title_span.start:
        blocks.insert(0, article.title_span)
    return blocks or [Span(0, len(article.text), "text")]


def _pair_quote_marks(text: str, blocks: list[Span]) -> list[tuple[int, int]]:
    """(open, close) positions of quote pairs; ``close`` is the closing mark or a paragraph's end.

    A style left open at a paragraph's end continues into the next paragraph when that paragraph
    starts with a mark of the same style (re-opening convention) or has an odd number of them.
    """
    pairs: list[tuple[int, int]] = []
    carry: dict[str, tuple[int, int]] = {}  # style -> (open position, end of its paragraph)
    for block in blocks:
        by_style: dict[str, list[int]] = {}
        for m in _QUOTE_MARK_RE.finditer(text, block.start, block.end):
            p = m.start()
            if text[p] in "'’" and _is_apostrophe(text, p):
                continue
            by_style.setdefault(QUOTE_STYLES[text[p]], []).append(p)
        first = _skip_space(text, block.start, block.end)
        for style in set(carry) - set(by_style):
            o, end = carry.pop(style)
            pairs.append((o, end))
        for style, positions in by_style.items():
            i = 0
            if style in carry:
                o, prev_end = carry.pop(style)
                if positions[0] == first:  # re-opened: the next mark closes
                    if len(positions) > 1:
                        pairs.append((o, positions[1]))
                        i = 2
                    else:
                        carry[style] = (o, block.end)
                        continue
                elif len(positions) % 2 == 1:
                    pairs.append((o, positions[0]))
                    i = 1
                else:
                    pairs.append((o, prev_end))
            rest = positions[i:]
            for j in range(0, len(rest) - 1, 2):
                pairs.append((rest[j], rest[j + 1]))
            if len(rest) % 2 == 1:
                carry[style] = (rest[-1], block.end)
    pairs.extend(carry.values())
    return sorted(pairs)


def _is_apostrophe(text: str, p: int) -> bool:
    before = text[p - 1] if p > 0 else " "
    after = text[p + 1] if p + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _skip_space(text: str, a: int, b: int) -> int:
    while a < b and text[a].isspace():
        a += 1
    return a


def _rstrip_space(text: str, a: int, b: int) -> int:
    # the cue keeps its trailing punctuation and one space ("وأضاف، "), not line breaks
    while b > a and text[b - 1] in "\n\t":
        b -= 1
    return b


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in "،,:"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in "،,.:؛;"):
        b -= 1
    return a, b


def _extend_to_colon(text: str, gap_end: int) -> int:
    """A cue ending its paragraph with ':' introduces a quote opening the next paragraph."""
    j = gap_end
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j > 0 and text[j - 1] == ":":
        k = _skip_space(text, gap_end, min(len(text), gap_end + 4))
        return min(len(text), k + 1)
    return gap_end


def _find_complementizer(folded: str, start: int, end: int) -> tuple[int, int] | None:
    for m in _COMPLEMENTIZER_RE.finditer(folded, start, end):
        if folded.count(" ", start, m.start()) > MAX_INDIRECT_GAP_WORDS:
            return None
        if _SENTENCE_BREAK_RE.search(folded, start, m.start()) or _CLAUSE_BREAK_RE.search(folded, start, m.start()):
            return None  # وتعتبر إسرائيل القدس عاصمتها، في حين يطالب الفلسطينيون بأن: another clause's أن
        prev = folded[max(start, m.start() - 8) : m.start()].split()
        if prev and prev[-1].strip(_PUNCT_STRIP) in _NOT_COMPLEMENTIZER_BEFORE:
            continue
        return m.start(), m.end()
    return None


def _find_direct_open(text: str, folded: str, start: int, end: int, open_at: dict[int, tuple[int, int]],
                      lex: QuoteLexicon) -> int | None:
    """The first opening mark in ``[start, end)`` that can start a quote of speech."""
    opens = sorted(open_at)
    for o in opens[bisect.bisect_left(opens, start) : bisect.bisect_left(opens, end)]:
        if text.count(" ", start, o) > MAX_DIRECT_GAP_WORDS:
            return None
        if _is_speech_quote(folded, o, open_at[o][1], lex, _cue_adjacent(folded, start, o, lex)):
            return o
    return None


def _cue_adjacent(folded: str, start: int, o: int, lex: QuoteLexicon) -> bool:
    """Only the verb's subject stands between the verb and the mark (وقال الوزير "...")."""
    words = [w.strip(_PUNCT_STRIP) for w in folded[start:o].split()]
    return len(words) <= MAX_CUE_TO_QUOTE_WORDS and not any(
        w in lex.stop_words or w in lex.label_words for w in words)


def _is_speech_quote(folded: str, o: int, c: int, lex: QuoteLexicon, adjacent: bool = False) -> bool:
    text = folded
    j = o - 1
    if j >= 0 and (text[j].isalnum() or text[j] == "\u0640"):
        return False  # glued to a word: بـ"دعم القوات"
    while j >= 0 and text[j] == " ":
        j -= 1
    prev_char = text[j] if j >= 0 else "\n"
    prev_word = text[max(0, j - 12) : j + 1].split()
    if prev_word and prev_word[-1].strip(_PUNCT_STRIP) in lex.label_words:
        return False  # بعنوان "..."، صحيفة "...": a name, not speech
    if prev_char in ":،,-–—\n":
        return True
    if prev_word and prev_word[-1] in lex.stop_words:
        return False
    n_words = len(text[o + 1 : c].split())
    if adjacent:
        return n_words >= MIN_UNPUNCTUATED_QUOTE_WORDS
    return n_words >= MIN_DETACHED_QUOTE_WORDS


def _resolve_subject(text: str, folded: str, cue: _Cue, limit: int, entities: EntityIndex,
                     lex: QuoteLexicon) -> None:
    """Fill ``cue.subject`` (an entity), ``explicit_other`` or ``anaphor`` from the words after the verb.

    An entity is the subject when it comes right after the verb, or after words it stands in
    apposition to: a definite title (``وزير الخارجية الأميركي أنتوني بلينكن``), a comma
    (``المتحدث باسم الرئاسة، إبراهيم قالين``) or another name (``وزير خارجية إيران محمد جواد ظريف``).
    After an indefinite noun it is a genitive — ``قال أحد مساعدي ترامب``، ``مبعوث الأمم المتحدة`` — and
    the scan goes on for a name in apposition; a place after the first word is always a genitive.
    """
    cands = entities.within(cue.verb_end, limit, SUBJECT_LABELS)
    ci = 0
    after_comma = False
    prev = ""  # the previous word (folded), "<ENT>" for a name, "<COMMA>" after a comma
    relational = False  # أحد مساعدي …: a name before the next comma is the complement
    in_adjunct = False  # مبعوث الأمم المتحدة للسلام في الشرق الأوسط، نيكولاي ميلادينوف: wait for the comma
    skip_until = -1
    for words, m in enumerate(_WORD_RE.finditer(text, cue.verb_end, limit), start=1):
        if m.start() < skip_until:
            continue
        while ci < len(cands) and cands[ci].start < m.start():
            ci += 1
        if ci < len(cands) and cands[ci].start < m.end():
            ent = cands[ci]
            if ent.start != m.start():
                if in_adjunct:
                    continue
                return  # ل/ب + entity: a recipient (وقال لرويترز), not the subject
            if in_adjunct and (prev != "<COMMA>" or ent.label != "PER"):
                skip_until = ent.end
                if folded[ent.end : ent.end + 1] in "،,":
                    after_comma, prev = True, "<COMMA>"
                continue
            apposition = prev == "<COMMA>" or (not relational and (
                prev == "<ENT>" or (ent.label != "LOC" and _is_definite(prev))))
            if words == 1 or apposition:
                _take_subject(text, cue, ent, cands[ci + 1 :])
                return
            if prev == "باسم" and ent.label == "ORG":  # المتحدث باسم الوزارة (أحمد علي)
                _take_subject(text, cue, ent, cands[ci + 1 :])
                return
            skip_until, prev = ent.end, "<ENT>"  # a genitive: مساعدي ترامب، خارجية إيران
            cue.explicit_other = True
            if folded[ent.end : ent.end + 1] in "،,":
                after_comma, prev = True, "<COMMA>"
            continue
        word = folded[m.start() : m.end()]
        bare = word.strip(_PUNCT_STRIP)
        if after_comma:
            if bare in lex.skip_words and word[-1] not in _PUNCT_STRIP:
                continue  # وقال صديق آخر، ويدعى توران، …
            return  # وقال المتحدث باسم الجيش، في بيان: no name after the comma
        if _COMPLEMENTIZER_RE.fullmatch(bare):
            return  # وقال إن …: the reported words begin
        if bare in lex.anaphors or (bare in lex.anaphor_heads
                                    and " ".join(folded[m.start() : m.end() + 8].split()[:2]) in lex.anaphors):
            cue.anaphor = True
            cue.subject_end = m.end()
            return
        if bare in lex.stop_words or (bare.startswith(("ل", "ب")) and bare[1:] in lex.stop_words):
            if not cue.explicit_other:
                return
            in_adjunct = True  # a noun subject then a prepositional phrase: only a name after a comma
        if in_adjunct:
            if word[-1] in "،,":
                after_comma, prev, relational = True, "<COMMA>", False
            elif word[-1] in _PUNCT_STRIP or words >= 2 * MAX_SUBJECT_WORDS:
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
            cue.np_end = m.start() + len(word.rstrip(_PUNCT_STRIP))
        prev = bare
        if word and word[-1] in _PUNCT_STRIP:
            if cue.explicit_other and word[-1] in "،,":
                after_comma, prev, relational = True, "<COMMA>", False  # المتحدث باسم الرئاسة، إبراهيم قالين
                continue
            return
        if words >= MAX_SUBJECT_WORDS:
            return


def _is_definite(word: str) -> bool:
    """``الأميركي``، ``والخارجية`` — a definite word, so a following name is in apposition to it."""
    return word.startswith(("ال", "وال", "بال", "فال")) or word == ""


def _take_subject(text: str, cue: _Cue, ent: Span, following: list[Span]) -> None:
    cue.subject, cue.subject_end = ent, ent.end
    if ent.label == "ORG":
        # المتحدث باسم الوزارة أحمد علي / مبعوث الأمم المتحدة نيكولاي ميلادينوف: the person speaks
        named = [p for p in following[:1] if p.label == "PER" and text.count(" ", ent.end, p.start) <= 1]
        if named:
            cue.subject, cue.subject_end = named[0], named[0].end


def _make_quote(text: str, a: int, b: int, kind: str, cue_span: tuple[int, int] | None,
                cue: _Cue | None, state: _State) -> Span:
    speaker: str | None = None
    speaker_span: list[int] | None = None
    if cue is not None and cue.subject is not None:
        speaker = canonical_of(cue.subject, text)
        speaker_span = [cue.subject.start, cue.subject.end]
    elif cue is not None and cue.antecedent is not None:
        speaker = canonical_of(cue.antecedent, text)
        speaker_span = [cue.antecedent.start, cue.antecedent.end]
    elif cue is None or cue.anaphor or not cue.explicit_other:
        found = state.last_before(cue.start if cue is not None else a)
        if found and found[0] is not None and found[1] is not None:
            speaker, speaker_span = found[0], list(found[1])
    if speaker is not None and speaker_span is not None:
        state.add(a, speaker, (speaker_span[0], speaker_span[1]))
    speaker_text = None
    if speaker is None and cue is not None and cue.explicit_other and cue.np_end > cue.np_start > 0:
        speaker_text = text[cue.np_start : cue.np_end]  # مصدر أمني، وزارة الخارجية البريطانية
    attrs: dict[str, Any] = {
        "speaker": speaker,
        "speaker_text": speaker_text,
        "speaker_span": speaker_span,
        "kind": kind,
        "cue": list(cue_span) if cue_span else None,
    }
    return Span(a, b, "QUOTE", attrs)


def _note_sentence_agent(text: str, folded: str, sent: Span, entities: EntityIndex, lex: QuoteLexicon,
                         state: _State) -> None:
    dateline = DATELINE_RE.match(text, sent.start, sent.end)  # دبي، الإمارات (CNN)— انتقد …
    first = _WORD_RE.search(text, dateline.end() if dateline else sent.start, sent.end)
    if first is None:
        return
    head = entities.within(sent.start, first.end(), AGENT_LABELS)
    if head and head[0].start == first.start():  # SVO: الرئيس ... / بلينكن قال
        state.add(head[0].start, canonical_of(head[0], text), (head[0].start, head[0].end))
        return
    if not entities.within(first.end(), min(sent.end, first.end() + AGENT_WINDOW_CHARS), AGENT_LABELS):
        return  # no PER/ORG near the start: no sentence subject to note (most sentences; fast path)
    probe = _Cue(first.start(), first.end(), "any", sent.end)
    _resolve_subject(text, folded, probe, sent.end, entities, lex)
    if probe.subject is not None and probe.subject.label in AGENT_LABELS:
        s = probe.subject
        state.add(s.start, canonical_of(s, text), (s.start, s.end))


def _unattached_direct_quotes(text: str, folded: str, pairs: list[tuple[int, int]], used: set[int],
                              cues: list[_Cue], cue_starts: list[int], found: list[Span],
                              article: Article, entities: EntityIndex, lex: QuoteLexicon,
                              state: _State) -> list[Span]:
    """Direct quotes cued after them (``"..."، قال الوزير``) or continuing a quoted paragraph."""
    out: list[Span] = []
    quoted_blocks = {bisect.bisect_right([b.start for b in _blocks(article)], q.start) - 1
                     for q in found if q.attrs["kind"] == "direct"}
    blocks = _blocks(article)
    block_starts = [b.start for b in blocks]
    for o, c in pairs:
        if o in used or not _is_speech_quote(folded, o, c, lex):
            continue
        a, b = _trim(text, o + 1, c)
        if b <= a:
            continue
        after = c + 1
        while after < len(text) and text[after] in " ،,":
            after += 1
        k = bisect.bisect_left(cue_starts, after)
        if k < len(cues) and cues[k].start == after and cues[k].mode not in ("indirect", "ila"):
            cue = cues[k]
            _resolve_subject(text, folded, cue, cue.sentence_end, entities, lex)
            end = cue.subject_end if (cue.subject is not None or cue.anaphor) else cue.verb_end
            out.append(_make_quote(text, a, b, "direct", (cue.start, end), cue, state))
            continue
        source = _SOURCE_CUE_RE.match(folded, after)
        if source is not None:  # "..."، بحسب الوزير / وفقا للبيان
            cands = entities.within(source.end(), min(len(text), source.end() + 40), AGENT_LABELS)
            ent = cands[0] if cands and text.count(" ", source.end(), cands[0].start) <= 2 else None
            src_cue = _Cue(source.start(), source.end(), "any", len(text), subject=ent,
                           explicit_other=ent is None, subject_end=ent.end if ent else source.end())
            out.append(_make_quote(text, a, b, "direct", (source.start(), src_cue.subject_end), src_cue, state))
            continue
        bi = bisect.bisect_right(block_starts, o) - 1
        starts_block = _skip_space(text, blocks[bi].start, blocks[bi].end) == o
        if starts_block and (bi - 1) in quoted_blocks and len(text[a:b].split()) >= MIN_UNPUNCTUATED_QUOTE_WORDS:
            out.append(_make_quote(text, a, b, "direct", None, None, state))
            quoted_blocks.add(bi)
    return out


def _headline_quote(text: str, title: Span, entities: EntityIndex) -> Span | None:
    """``تيلرسون: حزب الله جزء من العملية السياسية`` — a headline that gives a PER/ORG's words after a
    colon.  A place before the colon is a topic, not a speaker (``سوريا: مقتل 14 شخصا``)."""
    colon = text.find(":", title.start, min(title.end, title.start + HEADLINE_SPEAKER_CHARS))
    if colon < 0:
        colon = text.find("؛", title.start, min(title.end, title.start + HEADLINE_SPEAKER_CHARS))
    if colon < 0:
        return None
    head = entities.within(title.start, colon, AGENT_LABELS)
    if not head or text[head[-1].end : colon].strip() or len(text[title.start : head[-1].start].split()) > 3:
        return None
    a, b = _trim(text, colon + 1, title.end)
    if len(text[a:b].split()) < MIN_UNPUNCTUATED_QUOTE_WORDS:
        return None
    speaker = head[-1]
    attrs = {"speaker": canonical_of(speaker, text), "speaker_text": None,
             "speaker_span": [speaker.start, speaker.end], "kind": "direct", "cue": [title.start, colon + 1]}
    return Span(a, b, "QUOTE", attrs)


def _drop_nested(quotes: list[Span]) -> list[Span]:
    """A direct quote inside another quote's words is part of it; keep the outer one."""
    quotes = sorted(quotes, key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for q in quotes:
        if any(p.start <= q.start and q.end <= p.end and p is not q for p in out):
            continue
        out.append(q)
    return out


# -- stage ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class QuoteStage:
    lexicon: QuoteLexicon
    name: str = "quotes"
    requires: tuple[str, ...] = ("sentences", "entities")
    assigns: tuple[str, ...] = ("quotes",)

    def __call__(self, article: Article) -> Article:
        return article.with_layer("quotes", find_quotes(article, self.lexicon))


def make_stage() -> QuoteStage:
    return QuoteStage(load_quote_lexicon())
