"""Organisations named by a head word (entity stage only; the CRF never sees these rules).

ANERcorp, which the tagger learns from, leaves most descriptive organisation names untagged
(``الجيش الإسرائيلي`` is O there), yet news readers need them as quote speakers and event actors.
Three patterns from ``rasd/data/ner/org_heads.tsv``:

* *construct*: an indefinite head, a definite word and up to two nisba adjectives
  (``نقابة الصحفيين اليمنيين``, ``وزارة الصحة الفلسطينية``, ``مجلس الأمن الدولي``);
* *nisba*: a definite head and one or two nisba adjectives (``الجيش الإسرائيلي``, ``الشرطة العراقية``);
* *name*: fixed names (``الدفاع المدني``).

A candidate never overlaps a mention the tagger found, and its words carry no proclitic after the
head (``وزارة الصحة والتعليم`` stops before ``والتعليم``).

>>> from rasd.ner.tagger import default_tagger
>>> from rasd.ner.mentions import tokenize_sentences
>>> text = "وقالت نقابة الصحفيين اليمنيين إن الجيش الإسرائيلي قصف مركز الدفاع المدني"
>>> sents = tokenize_sentences(text, [(0, len(text))])
>>> tg = default_tagger()
>>> infos = [tg.features.word_infos([t.text for t in s.tokens]) for s in sents]
>>> [text[m.start:m.end] for m in find_org_heads(sents, infos, [], tg.lexicon)]
['نقابة الصحفيين اليمنيين', 'الجيش الإسرائيلي', 'الدفاع المدني']
"""

from __future__ import annotations

from collections.abc import Sequence

from rasd.arabic.tokenize import Token
from rasd.ner.features import WordInfo
from rasd.ner.lexicon import Lexicon, OrgHeads
from rasd.ner.mentions import Mention, Sentence

__all__ = ["find_org_heads"]

_MAX_ADJECTIVES = 2
_NISBA_ENDINGS = ("ي", "يه", "يين", "يون")


def _definite(token: Token, info: WordInfo, lex: Lexicon) -> bool:
    """A definite word with no proclitic that may continue a name (``الصحفيين``, not ``والتعليم``)."""
    form = info.form
    return (
        token.kind == "ar"
        and info.cut == 0
        and token.text.startswith("ال")
        and len(form) >= 4
        and form not in lex.org_heads.stop
        and lex.triggers.get(form) != "SPEECH"
    )


def _nisba(token: Token, info: WordInfo, lex: Lexicon) -> bool:
    """A definite nisba adjective (``الإسرائيلي``, ``العراقية``, ``اليمنيين``)."""
    return _definite(token, info, lex) and len(info.form) >= 5 and info.form.endswith(_NISBA_ENDINGS)


def find_org_heads(
    sentences: Sequence[Sentence],
    infos: Sequence[Sequence[WordInfo]],
    mentions: Sequence[Mention],
    lex: Lexicon,
) -> list[Mention]:
    """Organisation mentions from head words, outside the tokens of ``mentions``."""
    heads = lex.org_heads
    taken: dict[int, set[int]] = {}
    for m in mentions:
        taken.setdefault(m.sentence, set()).update(range(m.first, m.last))
    out: list[Mention] = []
    for si, sent in enumerate(sentences):
        words = infos[si]
        used = taken.get(si, set())
        n = len(words)
        i = 0
        while i < n:
            end = _match(i, sent, words, used, heads, lex) if words[i].stem in heads.first else 0
            if end:
                tok = sent.tokens[i]
                out.append(Mention(tok.start + words[i].cut, sent.tokens[end - 1].end, "ORG", si, i, end))
                i = end
            else:
                i += 1
    return out


def _match(
    i: int, sent: Sentence, words: Sequence[WordInfo], used: set[int], heads: OrgHeads, lex: Lexicon
) -> int:
    """End (exclusive) of the organisation starting at token ``i``, or 0."""
    n = len(words)
    if i in used or sent.tokens[i].kind != "ar":
        return 0
    stem = words[i].stem
    for length in range(min(heads.first[stem], n - i), 1, -1):
        key = (stem, *[w.form for w in words[i + 1 : i + length]])
        if key in heads.names and not used.intersection(range(i, i + length)):
            return i + length
    kind = heads.kinds.get(stem)
    toks = sent.tokens
    end = i + 1
    if kind == "construct" and not stem.startswith("ال"):
        # the head's complement: one definite word
        if end < n and end not in used and _definite(toks[end], words[end], lex):
            end += 1
        else:
            return 0
    elif kind != "nisba":
        return 0
    first_adjective = end
    while (
        end < n
        and end - first_adjective < _MAX_ADJECTIVES
        and end not in used
        and _nisba(toks[end], words[end], lex)
    ):
        end += 1
    return end if end > i + 1 else 0
