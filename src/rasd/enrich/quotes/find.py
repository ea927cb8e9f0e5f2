"""`find_quotes`: speech cues → quote spans with their speakers."""

from __future__ import annotations

import bisect
from typing import Any

from rasd.document import Article, Span
from rasd.enrich.lexmatch import EntityIndex, canonical_of, fold_ar
from rasd.enrich.quotes.attribution import find_attributed_quotes, naql_matches, naql_sources
from rasd.enrich.quotes.cues import (
    CONTRAST_OPENERS,
    Cue,
    after_colon,
    cuts_content,
    extend_to_colon,
    find_complementizer,
    find_direct_open,
    is_speech_quote,
)
from rasd.enrich.quotes.lexicon import (
    AGENT_LABELS,
    FIRST_PERSON_WORDS,
    HEADLINE_SPEAKER_CHARS,
    HEADLINE_TOPIC_CHARS,
    HEADLINE_TOPIC_RE,
    HEADLINE_VERBS,
    MAX_QUOTED_NAME_WORDS,
    MIN_UNPUNCTUATED_QUOTE_WORDS,
    NOT_FIRST_PERSON,
    PUNCT_STRIP,
    QUOTE_STYLES,
    SOURCE_CUE_RE,
    SUBJECT_LABELS,
    VERBAL_NOUN_FORMS,
    QuoteLexicon,
    load_quote_lexicon,
)
from rasd.enrich.quotes.marks import (
    QuotedRanges,
    pair_quote_marks,
    rstrip_space,
    skip_space,
    text_blocks,
    trim_span,
)
from rasd.enrich.quotes.speakers import (
    RoleIndex,
    State,
    merge_split_names,
    note_sentence_agent,
    resolve_preverbal_subject,
    resolve_subject,
    surname_mentions,
    take_preverbal_subject,
    unnamed_speaker_text,
)


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
    tagged = merge_split_names(text, [s for s in article.entities if s.label in SUBJECT_LABELS])
    entities = EntityIndex(sorted([*tagged, *surname_mentions(text, tagged)], key=lambda s: s.start))
    sentences = sorted(article.sentences, key=lambda s: s.start) or [
        Span(b.start, b.end, "sentence") for b in text_blocks(article)
    ]
    sent_starts = [s.start for s in sentences]
    state = State([b.start for b in text_blocks(article)])
    roles = RoleIndex(list(article.entities), text)
    direct_pairs = pair_quote_marks(text, text_blocks(article))
    pairs_in_order = sorted(direct_pairs)
    open_at = {o: (o, c) for o, c in direct_pairs}
    quoted = QuotedRanges(direct_pairs)

    def note_sentence(i: int) -> None:  # sentence-initial agents (VSO and SVO), not inside quoted words
        if not quoted.inside(sentences[i].start):
            note_sentence_agent(text, folded, sentences[i], entities, lex, state)

    state.note_sentence, state.sentence_starts = note_sentence, sent_starts

    naql = naql_matches(folded)
    for source in naql_sources(naql, entities):  # نقلت رويترز عن X قوله …، مضيفا أن: X is the agent
        state.add(source.start, canonical_of(source, text), (source.start, source.end))
    cues: list[Cue] = []
    name_ends = {e.end for e in tagged if e.label == "PER"}
    for m in lex.verbs.finditer(folded):
        i = bisect.bisect_right(sent_starts, m.start()) - 1
        if i < 0 or m.start() >= sentences[i].end or quoted.inside(m.start()):
            continue  # a verb inside quoted words belongs to the quote
        if (m.start("form") > m.start() and (m.start() - 1) in name_ends
                and len(m.group("form")) <= 3 and folded[m.start("form")] in "يت"):
            continue  # كيلليون فيري: a name's last word that reads as ف + يرى, not a cue
        prev_word = folded[max(0, m.start() - 12) : m.start()].split()[-1:]
        if prev_word in (["عدم"], ["بعدم"]):
            continue  # طلب عدم ذكر اسمه: a verbal noun, not a cue
        if (m.group("form") in VERBAL_NOUN_FORMS and m.start("form") == m.start() and prev_word
                and (prev_word[0].startswith("ال") or prev_word[0] in lex.stop_words)):
            continue  # من المعقول توقع أن، في توقع أن: the noun توقُّع
        mode = lex.verb_modes.get(m.group("form"), "any")
        verb_end = m.end()
        if mode == "doc" and folded[m.end() - 2 : m.end()] not in ("يه", "ها"):
            verb_end = folded.index(" ", m.start("form")) + 1  # جاء في |البيان الختامي: the text speaks
            verb_end = folded.index(" ", skip_space(folded, verb_end, m.end())) + 1
        cues.append(Cue(m.start(), verb_end, mode, sentences[i].end,
                         prefixed=m.start("form") > m.start(), sentence_start=sentences[i].start))
    cue_starts = [c.start for c in cues]
    quotes: list[Span] = []
    used_opens: set[int] = set()

    for k, cue in enumerate(cues):
        limit = next((c.start for c in cues[k + 1 :] if cuts_content(folded, c)), len(text))
        gap_end = min(cue.sentence_end, cues[k + 1].start if k + 1 < len(cues) else len(text))
        comp = find_complementizer(folded, cue.verb_end, gap_end)
        name = (quoted_name_around(text, pairs_in_order, comp[0])
                if comp is not None and text[comp[0] - 1] not in QUOTE_STYLES else None)  # "إنه رجل عصامي": words
        if name is not None:  # قال في مقابلة مع شبكة "سي إن بي سي" إن …: an إن inside a quoted name
            comp = find_complementizer(folded, name[1] + 1, gap_end)
        if comp is not None and cue.mode.endswith("ila") and not (
                folded.startswith("الي", comp[0])
                or (folded.startswith("علي", comp[0]) and folded.count(" ", cue.verb_end, comp[0]) <= 1)):
            comp = None  # مشيرة إلى كونها تتمنى أن: that أن is another verb's
        mark = find_direct_open(text, folded, cue.verb_end, extend_to_colon(text, gap_end), open_at, lex)
        if mark is not None and comp is not None and comp[0] < mark:
            mark = None
        if mark is not None and cue.mode in ("indirect", "ila", "passive") and not after_colon(text, mark):
            mark = None  # ذكر الوزير أن … takes no quote mark, but ذكر الوزير: "…" does
        subject_limit = comp[0] if comp is not None and mark is None else (mark if mark is not None else gap_end)
        if cue.mode == "passive":
            pass  # قيل إن …: no one is named, and no earlier agent said it
        elif not take_preverbal_subject(folded, cue, entities, lex):
            resolve_subject(text, folded, cue, subject_limit, entities, lex)
            if cue.subject is None and not cue.explicit_other and not cue.anaphor:
                resolve_preverbal_subject(folded, cue, entities, lex)
        if cue.subject is None and cue.mode.startswith("participle"):
            cue.explicit_other = False  # واصفا إياه، قائلة إن: the main clause's subject speaks
        if cue.subject is None and cue.explicit_other:
            cue.antecedent = roles.resolve(cue.first_word, cue.start, state)
            if cue.antecedent is not None:
                ant = cue.antecedent
                state.add(cue.start, canonical_of(ant, text), (ant.start, ant.end))
            elif cue.np_end > cue.np_start > cue.verb_end:  # كشفت مصادر قضائية عن … ثم وأفادت أن: the same source
                state.add(cue.start, None, None, text[cue.np_start : cue.np_end])

        if cue.subject is not None and not cue.relative:
            state.add(cue.subject.start, canonical_of(cue.subject, text), (cue.subject.start, cue.subject.end))
        if mark is not None:
            o, c = open_at[mark]
            used_opens.add(o)
            a, b = trim_span(text, o + 1, c)
            if b <= a:
                continue
            if cue.subject is not None or cue.anaphor:
                cue_end = cue.subject_end
            else:
                cue_end = cue.np_end if cue.np_end > cue.start else o  # وقال التحالف في بيان، "...": the cue is verb + subject
            quotes.append(make_quote(text, a, b, "direct", (cue.start, rstrip_space(text, cue.start, cue_end)),
                                      cue, state))
        elif comp is not None:
            first = skip_space(text, comp[1], len(text))
            if first in open_at and first not in used_opens:  # قال إن "...": the words are quoted
                used_opens.add(first)
                a, b = trim_span(text, first + 1, open_at[first][1])
                if b > a:
                    quotes.append(make_quote(text, a, b, "direct", (cue.start, comp[1]), cue, state))
                continue
            end = min(cue.sentence_end, limit)
            a, b = trim_span(text, comp[1], end)
            if b - a > 2 and text[b - 1] in QUOTE_STYLES and not any(ch in QUOTE_STYLES for ch in text[a : b - 1]):
                a, b = trim_span(text, a, b - 1)  # "إنه رجل عصامي": the closing mark of words that opened before
            last = folded[a:b].rsplit(None, 1)
            if len(last) == 2 and last[1] in CONTRAST_OPENERS:  # …، فيما | قال: the opener is the next clause's
                a, b = trim_span(text, a, a + len(last[0]))
            if b - a < 2:
                continue
            quotes.append(make_quote(text, a, b, "indirect", (cue.start, comp[1]), cue, state))

    quotes.extend(unattached_direct_quotes(text, folded, direct_pairs, used_opens, cues, cue_starts,
                                            quotes, article, entities, lex, state))
    quotes.extend(find_attributed_quotes(text, folded, sentences, entities, quotes, open_at, lex, naql))
    headline = headline_quote(text, article.title_span, entities, lex)
    if headline is not None:
        quotes.append(headline)
    return sorted(drop_nested(quotes), key=lambda s: s.start)


def quoted_name_around(text: str, pairs: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The quote-mark pair around ``pos`` when it holds a short name (``"سي إن بي سي"``), not words."""
    k = bisect.bisect_right(pairs, (pos, len(text))) - 1
    if k < 0 or not pairs[k][0] < pos < pairs[k][1]:
        return None
    o, c = pairs[k]
    return (o, c) if len(text[o + 1 : c].split()) <= MAX_QUOTED_NAME_WORDS else None


def make_quote(text: str, a: int, b: int, kind: str, cue_span: tuple[int, int] | None,
                cue: Cue | None, state: State) -> Span:
    speaker: str | None = None
    speaker_span: list[int] | None = None
    if cue is not None and cue.subject is not None:
        speaker = canonical_of(cue.subject, text)
        speaker_span = [cue.subject.start, cue.subject.end]
    elif cue is not None and cue.antecedent is not None:
        speaker = canonical_of(cue.antecedent, text)
        speaker_span = [cue.antecedent.start, cue.antecedent.end]
    speaker_text = None
    if cue is not None and cue.subject is None and cue.antecedent is None and cue.explicit_other:
        speaker_text = unnamed_speaker_text(text, cue, state)  # مصدر أمني، وزارة الخارجية البريطانية
    elif speaker is None and (cue is None or cue.anaphor or not cue.explicit_other) and (
            cue is None or cue.mode != "passive"):
        found = state.last_before(cue.start if cue is not None else a)
        if found and found[0] is not None and found[1] is not None:
            speaker, speaker_span = found[0], list(found[1])
        elif found:  # وأضاف after وقال مصدر عسكري: the same unnamed source
            speaker_text = found[2]
    if speaker is not None and speaker_span is not None:
        state.add(a, speaker, (speaker_span[0], speaker_span[1]))
    elif speaker_text is not None:
        state.add(a, None, None, speaker_text)
    attrs: dict[str, Any] = {
        "speaker": speaker,
        "speaker_text": speaker_text,
        "speaker_span": speaker_span,
        "kind": kind,
        "cue": list(cue_span) if cue_span else None,
    }
    return Span(a, b, "QUOTE", attrs)


def unattached_direct_quotes(text: str, folded: str, pairs: list[tuple[int, int]], used: set[int],
                              cues: list[Cue], cue_starts: list[int], found: list[Span],
                              article: Article, entities: EntityIndex, lex: QuoteLexicon,
                              state: State) -> list[Span]:
    """Direct quotes cued after them (``"..."، قال الوزير``) or continuing a quoted paragraph."""
    out: list[Span] = []
    quoted_blocks = {bisect.bisect_right([b.start for b in text_blocks(article)], q.start) - 1
                     for q in found if q.attrs["kind"] == "direct"}
    blocks = text_blocks(article)
    block_starts = [b.start for b in blocks]
    for o, c in pairs:
        if o in used or not is_speech_quote(folded, o, c, lex):
            continue
        a, b = trim_span(text, o + 1, c)
        if b <= a:
            continue
        after = c + 1
        while after < len(text) and text[after] in " ،,":
            after += 1
        k = bisect.bisect_left(cue_starts, after)
        if k < len(cues) and cues[k].start == after and cues[k].mode not in ("indirect", "ila", "passive"):
            cue = cues[k]
            resolve_subject(text, folded, cue, cue.sentence_end, entities, lex)
            end = cue.subject_end if (cue.subject is not None or cue.anaphor) else cue.verb_end
            out.append(make_quote(text, a, b, "direct", (cue.start, end), cue, state))
            continue
        source = SOURCE_CUE_RE.match(folded, after)
        if source is not None:  # "..."، بحسب الوزير / وفقا للبيان
            cands = entities.within(source.end(), min(len(text), source.end() + 40), AGENT_LABELS)
            ent = cands[0] if cands and text.count(" ", source.end(), cands[0].start) <= 2 else None
            src_cue = Cue(source.start(), source.end(), "any", len(text), subject=ent,
                           explicit_other=ent is None, subject_end=ent.end if ent else source.end())
            out.append(make_quote(text, a, b, "direct", (source.start(), src_cue.subject_end), src_cue, state))
            continue
        bi = bisect.bisect_right(block_starts, o) - 1
        starts_block = skip_space(text, blocks[bi].start, blocks[bi].end) == o
        if starts_block and (bi - 1) in quoted_blocks and len(text[a:b].split()) >= MIN_UNPUNCTUATED_QUOTE_WORDS:
            out.append(make_quote(text, a, b, "direct", None, None, state))
            quoted_blocks.add(bi)
    return out


def headline_quote(text: str, title: Span, entities: EntityIndex, lex: QuoteLexicon | None = None) -> Span | None:
    """``تيلرسون: حزب الله جزء من العملية السياسية`` — a headline that gives a PER/ORG's words after a
    colon.  A place before the colon is a topic, not a speaker (``سوريا: مقتل 14 شخصا``), unless the
    words speak in the first person (``بريطانيا: تسميم الجاسوس عمل عسكري على أرضنا``); a head that ends
    in a speech verb speaks whoever it is (``أنقرة تهدد:``)، and a speaker may be followed by the topic
    (``المتحدث باسم الخارجية الإيرانية عن اختفاء خاشقجي:``)."""
    colon = text.find(":", title.start, min(title.end, title.start + HEADLINE_SPEAKER_CHARS))
    if colon < 0:
        colon = text.find("؛", title.start, min(title.end, title.start + HEADLINE_SPEAKER_CHARS))
    if colon < 0:
        colon = text.find(":", title.start, min(title.end, title.start + HEADLINE_TOPIC_CHARS))
        if colon < 0 or not HEADLINE_TOPIC_RE.search(fold_ar(text[title.start : colon])):
            return None
    a, b = trim_span(text, colon + 1, title.end)
    if len(text[a:b].split()) < MIN_UNPUNCTUATED_QUOTE_WORDS:
        return None
    head_words = fold_ar(text[title.start : colon]).split()
    says = bool(head_words) and (head_words[-1] in HEADLINE_VERBS
                                 or (lex is not None and lex.verbs.fullmatch(head_words[-1]) is not None))
    agents = entities.within(title.start, colon, AGENT_LABELS)
    places = entities.within(title.start, colon, SUBJECT_LABELS)
    speaker: Span | None = None
    if agents and not text[agents[-1].end : colon].strip() and len(text[title.start : agents[-1].start].split()) <= 3:
        speaker = agents[-1]
    elif says and len(head_words) <= 4:  # أنقرة تهدد: / وزير الخارجية يحذر:
        speaker = places[0] if places else None
        if speaker is None:
            return _headline_span(text, a, b, None, text[title.start : colon].rsplit(None, 1)[0].strip(), title, colon)
    elif (len(places) == 1 and not text[places[0].end : colon].strip() and not text[title.start : places[0].start].strip()
          and _first_person(text[a:b])):
        speaker = places[-1]  # بريطانيا: … على أرضنا
    elif agents and len(head_words) <= 10 and HEADLINE_TOPIC_RE.match(fold_ar(text[agents[0].end : colon]).strip()):
        speaker = agents[0]  # الخارجية الإيرانية عن اختفاء خاشقجي: …
    if speaker is None:
        return None
    return _headline_span(text, a, b, speaker, None, title, colon)


def _headline_span(text: str, a: int, b: int, speaker: Span | None, words: str | None, title: Span,
                   colon: int) -> Span:
    attrs = {"speaker": canonical_of(speaker, text) if speaker else None,
             "speaker_text": None if speaker else (words or None),
             "speaker_span": [speaker.start, speaker.end] if speaker else None, "kind": "direct",
             "cue": [title.start, colon + 1]}
    return Span(a, b, "QUOTE", attrs)


def _first_person(words: str) -> bool:
    """``على أرضنا``، ``نحن``، ``سنلاحق``: the words speak in the first person."""
    for w in fold_ar(words).split():
        w = w.strip(PUNCT_STRIP)
        if w in FIRST_PERSON_WORDS or (len(w) >= 5 and w.endswith("نا") and w not in NOT_FIRST_PERSON):
            return True
        if len(w) >= 5 and w.startswith("سن") and not w.startswith(("سنو", "سنه")):
            return True
    return False


def drop_nested(quotes: list[Span]) -> list[Span]:
    """A direct quote inside another quote's words is part of it; keep the outer one."""
    quotes = sorted(quotes, key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for q in quotes:
        if any(p.start <= q.start and q.end <= p.end and p is not q for p in out):
            continue
        out.append(q)
    return out


# -- stage ---------------------------------------------------------------------------------------
