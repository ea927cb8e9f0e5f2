"""Reported speech told by an attribution phrase rather than by a speech verb before the words.

* ``نقل عن X قوله``: ``ونقلت المصادر عن شهود عيان قولهم، إنهم شاهدوا …`` — X is the speaker of what
  follows ``قوله`` (a complementizer or a quote mark);
* a trailing attribution with a verb of saying: ``…، كما أفاد المرصد السوري``، ``…، وفقا لما قاله
  الدكتور حمزة حسن``، ``…، وفق ما ذكرت مصادر`` — the clause before it is the speaker's.  A bare
  ``بحسب X`` (no verb) attributes a figure, not words, and is left alone;
* a leading one closed by ``فإن``: ``ووفق الأمم المتحدة فإن 22 مليون يمني …``;
* a sentence that goes on with ``وأنه``/``وأن`` right after an indirect quote continues it.

Each finds a speaker the same way: the first PER/ORG in the attribution's words, else those words
(``مصادر ميدانية``) as the speaker text.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from rasd.document import Span
from rasd.enrich.lexmatch import DATELINE_RE, EntityIndex, canonical_of, fold_ar
from rasd.enrich.quotes.lexicon import AGENT_LABELS, PUNCT_STRIP, QuoteLexicon
from rasd.enrich.quotes.marks import trim_span

_SAY = r"(?:قال|قالت|قاله|قالته|ذكر|ذكرت|ذكره|ذكرته|افاد|افادت|اعلن|اعلنت|اعلنه|اورد|اوردت|نقل|نقلت|صرح|صرحت|اكد|اكدت)"
_TRAILING_RE = re.compile(fold_ar(  # folded like the text it runs on (على → علي)
    r"[،,]\s*(?:و)?(?:كما|حسبما|حسب\s+ما|بحسب\s+ما|وفق\s+ما|وفقا\s+لما|طبقا\s+لما|على\s+ما)\s+" + _SAY
    + r"(?:ه|ها|هم)?\s+"
))
_LEADING_RE = re.compile(r"(?:^|(?<=\s))(?:و)?(?:وفق|وفقا\s+ل|بحسب|حسب)\s*(?P<np>[^.،,:؛\n]{2,80}?)\s*[،,]?\s+ف(?:ان|انه|انها)\s+")
_NAQL_RE = re.compile(
    r"(?:^|(?<=\s))(?:و)?(?:نقل|نقلت|نقلوا|ينقل|تنقل|نقلا)\s+(?:[^.،,:\n]{0,60}?\s)?عن\s+"
    r"(?P<np>[^.:\n]{2,90}?)\s+قول(?:ه|ها|هم|هما)\s*[،,:]?\s*"
)
#: ``ونقل بيان عن الرئاسة السورية أن …`` — نقل عن X with the complementizer right after X (no قوله).
_NAQL_AN_RE = re.compile(
    r"(?:^|(?<=\s))(?:و)?(?:نقل|نقلت|نقلوا|ينقل|تنقل)\s+(?:[^.،,:\n]{0,40}?\s)?عن\s+"
    r"(?P<np>[^.،,:\n]{2,60}?)\s*[،,]?\s+(?=ب?(?:ان|انه|انها|انهم)\s)"
)
_NAQL_START_RE = re.compile(r"(?<!\S)و?(?:نقل|ينقل|تنقل)")
_LEADING_STARTS = ("وفق", "ووفق", "بحسب", "وبحسب", "حسب", "وحسب")
_CONTINUE_RE = re.compile(r"(?:و)(?:ان|انه|انها|انهم)\s+")
_NP_STOP = frozenset(fold_ar(w) for w in ("في", "على", "عن", "من", "إلى", "الى", "مع", "خلال", "عبر", "لـ", "أمام"))
MAX_SPEAKER_WORDS = 5
#: Heads of unnamed human sources (folded): مصادر، مصدر، مسؤول(ون)، شهود، خبراء، سكان، ناشطون، تقارير.
_SOURCE_HEADS = tuple(fold_ar(w) for w in ("مصادر", "مصدر", "مسؤول", "شهود", "خبراء", "سكان", "ناشط", "تقارير"))


def find_attributed_quotes(text: str, folded: str, sentences: list[Span], entities: EntityIndex,
                           found: list[Span], open_at: dict[int, tuple[int, int]], lex: QuoteLexicon,
                           naql: list[re.Match[str]] | None = None) -> list[Span]:
    """Quotes of the four kinds above that overlap no quote found already."""
    out: list[Span] = []
    taken = sorted((q.start, q.end) for q in found)

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in taken) and not any(q.start < b and a < q.end for q in out)

    starts = [x.start for x in sentences]

    def sentence_of(pos: int) -> Span | None:
        k = bisect.bisect_right(starts, pos) - 1
        return sentences[k] if k >= 0 and pos < sentences[k].end else None

    for m in naql if naql is not None else naql_matches(folded):
        sent = sentence_of(m.start())
        if sent is None or m.end() > sent.end:
            continue
        later = [q.attrs["cue"][0] for q in found if q.attrs.get("cue") and m.end() < q.attrs["cue"][0] < sent.end]
        a, b = _words_after(text, folded, m.end(), min([sent.end, *later]), open_at)  # up to مضيفا أن
        if b - a >= 2 and free(a, b):
            out.append(_quote(text, a, b, (m.start(), m.end()), entities, m.start("np"), m.end("np")))
    for m in _TRAILING_RE.finditer(folded):
        sent = sentence_of(m.start())
        if sent is None or m.end() > sent.end:
            continue
        a, b = trim_span(text, _skip_dateline(text, sent), m.start())
        np_end = _np_end(folded, m.end(), sent.end)
        if len(text[a:b].split()) >= 3 and free(a, b):
            out.append(_quote(text, a, b, (m.start() + 1, np_end), entities, m.end(), np_end, "indirect"))
    for i, sent in enumerate(sentences):
        first = _skip_dateline(text, sent)
        if folded.startswith(_LEADING_STARTS, first):
            leading = _LEADING_RE.match(folded, first)
            if leading is not None and _names_a_source(folded, leading.start("np"), leading.end("np"), entities):
                a, b = trim_span(text, leading.end(), sent.end)
                if b - a >= 2 and free(a, b):
                    out.append(_quote(text, a, b, (leading.start(), leading.end()), entities, leading.start("np"),
                                      leading.end("np")))
        if i > 0 and folded.startswith("وان", sent.start):
            cont = _CONTINUE_RE.match(folded, sent.start)
            prev = next((q for q in [*found, *out] if q.attrs["kind"] == "indirect"
                         and sentences[i - 1].start <= q.end <= sentences[i - 1].end
                         and sentences[i - 1].end - q.end <= 2), None)
            if cont is not None and prev is not None:
                a, b = trim_span(text, cont.end(), sent.end)
                if b - a >= 2 and free(a, b):
                    attrs = dict(prev.attrs)
                    attrs["cue"] = None
                    out.append(Span(a, b, "QUOTE", attrs))
    return out


def naql_matches(folded: str) -> list[re.Match[str]]:
    """``نقل … عن X قوله`` and ``نقل … عن X أن`` matches, tried only where a form of نقل starts a word
    (one cheap scan; most articles have none)."""
    out: list[re.Match[str]] = []
    if "نقل" not in folded:
        return out
    for c in _NAQL_START_RE.finditer(folded):
        for rx in (_NAQL_RE, _NAQL_AN_RE):
            m = rx.match(folded, c.start())
            if m is not None:
                out.append(m)
                break
    return out


def naql_sources(naql: list[re.Match[str]], entities: EntityIndex) -> list[Span]:
    """The PER/ORG named in each ``نقل عن X قوله`` (``ونقلت رويترز عن باركيندو قوله``): the speaker a
    later bare cue of that sentence (``مضيفا أن``) goes back to, not the agency that reported it."""
    out = []
    for m in naql:
        ents = entities.within(m.start("np"), m.end("np"), AGENT_LABELS)
        if ents:
            out.append(ents[0])
    return out


def _names_a_source(folded: str, start: int, end: int, entities: EntityIndex) -> bool:
    """``وفق الأمم المتحدة``، ``بحسب مصادر أمنية`` name who said it; ``وفقا للاتفاق`` names a text."""
    if entities.within(start, end, AGENT_LABELS):
        return True
    head = folded[start:end].split()[:1]
    return bool(head) and head[0].lstrip("ل").removeprefix("ال").startswith(_SOURCE_HEADS)


def _skip_dateline(text: str, sent: Span) -> int:
    dl = DATELINE_RE.match(text, sent.start, sent.end)
    return dl.end() if dl else sent.start


def _words_after(text: str, folded: str, pos: int, end: int, open_at: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """The reported words after ``قوله``: the quoted words, or after إن/أن to the sentence's end."""
    if pos in open_at:
        return trim_span(text, pos + 1, open_at[pos][1])
    m = re.match(r"ب?(?:ان|انه|انها|انهم)\s+", folded[pos:end])
    start = pos + m.end() if m else pos
    if start in open_at:
        return trim_span(text, start + 1, open_at[start][1])
    return trim_span(text, start, end)


def _np_end(folded: str, pos: int, end: int) -> int:
    stop = pos
    for n, m in enumerate(re.finditer(r"\S+", folded[pos:end])):
        word = m.group()
        if n >= MAX_SPEAKER_WORDS or word.strip(PUNCT_STRIP) in _NP_STOP:
            break
        stop = pos + m.start() + len(word.rstrip(PUNCT_STRIP))
        if word[-1] in PUNCT_STRIP and word[-1] not in "\"»”":
            break
    return stop


def _quote(text: str, a: int, b: int, cue: tuple[int, int], entities: EntityIndex, np_start: int, np_end: int,
           kind: str | None = None) -> Span:
    ents = entities.within(np_start, np_end, AGENT_LABELS)
    speaker = canonical_of(ents[0], text) if ents else None
    words = text[np_start:np_end].strip()
    attrs: dict[str, Any] = {
        "speaker": speaker,
        "speaker_text": None if speaker else (" ".join(words.split()[:MAX_SPEAKER_WORDS]) or None),
        "speaker_span": [ents[0].start, ents[0].end] if ents else None,
        "kind": kind or ("direct" if text[a - 1 : a] in "\"«“" else "indirect"),
        "cue": [cue[0], cue[1]],
    }
    return Span(a, b, "QUOTE", attrs)
