"""Speech cues: a speech verb, its complementizer (``إن``/``أن``) or the quote mark that opens its words."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from rasd.document import Span
from rasd.enrich.lexmatch import fold_ar
from rasd.enrich.quotes.lexicon import (
    CLAUSE_BREAK_RE,
    COMPLEMENTIZER_RE,
    MAX_CUE_TO_QUOTE_WORDS,
    MAX_DIRECT_GAP_WORDS,
    MAX_INDIRECT_GAP_WORDS,
    MIN_DETACHED_QUOTE_WORDS,
    MIN_UNPUNCTUATED_QUOTE_WORDS,
    NOT_COMPLEMENTIZER_BEFORE,
    PUNCT_STRIP,
    SENTENCE_BREAK_RE,
    SETTING_EXTRA_WORDS,
    SPEECH_SETTING_RE,
    QuoteLexicon,
)
from rasd.enrich.quotes.marks import skip_space

#: Words opening a clause of its own before a speech verb (``فيما قال``، ``بينما أكد``، ``في حين اعتبر``).
CONTRAST_OPENERS = frozenset(fold_ar(w) for w in ("فيما", "بينما", "وبينما", "حين", "لكن", "ولكن", "كما", "وكما"))


@dataclass
class Cue:
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
    relative: bool = False  # الذي قال: the subject is the name before; a later bare cue does not take it


def cuts_content(text: str, cue: Cue) -> bool:  # text: folded
    """A later cue ends an indirect quote when it starts a new clause: وأضاف، مضيفا، or after a comma
    (``قال إن مصر تعتبر الضامن`` goes on: تعتبر is inside the reported words)."""
    if cue.prefixed or cue.mode.startswith("participle") or cue.mode == "passive":
        return True  # والذي قيل خلاله إن: an unnamed report of its own
    j = cue.start
    while j > 0 and text[j - 1] == " ":
        j -= 1
    if j > 0 and text[j - 1] in "،,;؛:.":
        return True
    prev = text[max(0, j - 8) : j].split()  # ``text`` is the folded text (same offsets as the article's)
    return bool(prev) and prev[-1] in CONTRAST_OPENERS  # …، فيما قال المتحدث إن: another speaker


def extend_to_colon(text: str, gap_end: int) -> int:
    """A cue ending its paragraph with ':' introduces a quote opening the next paragraph."""
    j = gap_end
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j > 0 and text[j - 1] == ":":
        k = skip_space(text, gap_end, min(len(text), gap_end + 4))
        return min(len(text), k + 1)
    return gap_end


def find_complementizer(folded: str, start: int, end: int) -> tuple[int, int] | None:
    for m in COMPLEMENTIZER_RE.finditer(folded, start, end):
        gap = folded.count(" ", start, m.start())
        if gap > MAX_INDIRECT_GAP_WORDS and (
                gap > MAX_INDIRECT_GAP_WORDS + SETTING_EXTRA_WORDS or not SPEECH_SETTING_RE.search(folded, start, m.start())):
            return None  # a long gap only around the setting of the words (في مقابلة مع …، لصحيفة …)
        if SENTENCE_BREAK_RE.search(folded, start, m.start()) or CLAUSE_BREAK_RE.search(folded, start, m.start()):
            return None  # وتعتبر إسرائيل القدس عاصمتها، في حين يطالب الفلسطينيون بأن: another clause's أن
        prev = folded[max(start, m.start() - 8) : m.start()].split()
        if prev and prev[-1].strip(PUNCT_STRIP) in NOT_COMPLEMENTIZER_BEFORE:
            continue
        return m.start(), m.end()
    return None


def find_direct_open(text: str, folded: str, start: int, end: int, open_at: dict[int, tuple[int, int]],
                      lex: QuoteLexicon) -> int | None:
    """The first opening mark in ``[start, end)`` that can start a quote of speech."""
    opens = sorted(open_at)
    for o in opens[bisect.bisect_left(opens, start) : bisect.bisect_left(opens, end)]:
        if text.count(" ", start, o) > MAX_DIRECT_GAP_WORDS:
            return None
        if is_speech_quote(folded, o, open_at[o][1], lex, cue_adjacent(folded, start, o, lex)):
            return o
    return None


def cue_adjacent(folded: str, start: int, o: int, lex: QuoteLexicon) -> bool:
    """Only the verb's subject stands between the verb and the mark (وقال الوزير "...")."""
    words = [w.strip(PUNCT_STRIP) for w in folded[start:o].split()]
    return len(words) <= MAX_CUE_TO_QUOTE_WORDS and not any(
        w in lex.stop_words or w in lex.label_words for w in words)


def is_speech_quote(folded: str, o: int, c: int, lex: QuoteLexicon, adjacent: bool = False) -> bool:
    text = folded
    j = o - 1
    if j >= 0 and (text[j].isalnum() or text[j] == "\u0640"):
        return False  # glued to a word: بـ"دعم القوات"
    while j >= 0 and text[j] == " ":
        j -= 1
    prev_char = text[j] if j >= 0 else "\n"
    prev_word = text[max(0, j - 12) : j + 1].split()
    if prev_word and prev_word[-1].strip(PUNCT_STRIP) in lex.label_words:
        return False  # بعنوان "..."، صحيفة "...": a name, not speech
    if prev_char in ":،,-–—\n":
        return True
    if prev_word and prev_word[-1] in lex.stop_words:
        return False
    n_words = len(text[o + 1 : c].split())
    if adjacent:
        return n_words >= MIN_UNPUNCTUATED_QUOTE_WORDS
    return n_words >= MIN_DETACHED_QUOTE_WORDS


def after_colon(text: str, mark: int) -> bool:
    """The quote mark follows a colon (``وذكر ماتيس خلال كلمة له: "…"``): direct speech even after a
    verb that otherwise only reports (ذكر، أعلن)."""
    j = mark - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j >= 0 and text[j] == ":"
