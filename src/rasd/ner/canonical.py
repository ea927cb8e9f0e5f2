"""Canonical entities within one article: mention repair, grouping, aliases and roles.

Steps (`resolve_entities`):

1. *Repair.*  A curated gazetteer name the model missed or cut short becomes a mention
   (``تنظيم الدولة``); a Latin acronym (``NRT``, ``CNN``) is an organisation, with a following
   ``عربية``/``عربي`` edition marker; a word that repeats a name already found in the article
   (``بلينكن`` after ``أنتوني بلينكن``) gets the same type (document consistency).
2. *Grouping.*  Mentions with the same gazetteer canonical merge (aliases: ``تنظيم الدولة`` ≡
   ``داعش``); a person mention whose words are part of a longer person mention joins it
   (``حسين`` → ``فؤاد حسين``); an organisation mention that starts a longer one joins it
   (``التحالف`` → ``التحالف الدولي``).
3. *Roles* from appositions before a person mention: a title word and what follows it up to the
   name (``وزير الخارجية الأميركي أنتوني بلينكن`` → ``وزير الخارجية الأميركي``).

>>> from rasd.document import Article
>>> from rasd.enrich.entities import make_stage
>>> a = make_stage()(Article.build("", ["قال الرئيس الأميركي جو بايدن إن بايدن سيزور بغداد."]))
>>> [(e["canonical"], e["type"], e.get("role")) for e in summarize_entities(a)]
[('جو بايدن', 'PER', 'الرئيس الأميركي'), ('بغداد', 'LOC', None)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rasd.document import Article, Span
from rasd.ner.features import WordInfo
from rasd.ner.lexicon import Lexicon, is_common_word
from rasd.ner.mentions import Mention, Sentence
from rasd.ner.normal import form_of
from rasd.ner.orgheads import find_org_heads
from rasd.ner.tagger import Tagger

__all__ = [
    "Entity",
    "find_role",
    "group_mentions",
    "repair_mentions",
    "resolve_entities",
    "summarize_entities",
]

_EDITION = frozenset(form_of(w) for w in ("عربية", "عربي", "العربية", "العربي"))
_HONORIFICS = frozenset(form_of(w) for w in ("السيد", "السيدة", "الدكتور", "الدكتورة", "الأستاذ", "الشيخ"))
_MAX_ROLE_WORDS = 5
# particles that end an apposition: ``قال الوزير إن فؤاد حسين`` has no role
_ROLE_BREAKS = frozenset(
    form_of(w)
    for w in [
        "إن",
        "أن",
        "أنه",
        "إنه",
        "الذي",
        "التي",
        "الذين",
        "ثم",
        "لكن",
        "قد",
        "لقد",
        "كما",
        "حيث",
        "عن",
        "مع",
        "أمس",
        "اليوم",
        "بينما",
        "لأن",
        "و",
        "ف",
    ]
)
_CITY_WORDS = frozenset(form_of(w) for w in ("مدينة", "حي", "ضاحية", "مخيم"))
#: Words that make a region of the place after them (``ريف دمشق`` is a governorate, not Damascus).
_REGION_WORDS = frozenset(form_of(w) for w in ("ريف",))
#: Direction adjectives that say which part of a region is meant (``ريف دمشق الشرقي`` is ريف دمشق).
_DIRECTIONS = frozenset(
    form_of(w)
    for w in ("الشرقي", "الغربي", "الشمالي", "الجنوبي", "الشرقية", "الغربية", "الشمالية", "الجنوبية")
)


@dataclass
class Entity:
    label: str
    canonical: str
    key: tuple[str, ...]
    mentions: list[Mention] = field(default_factory=list)
    role: str | None = None
    gazetteer: bool = False


def _key(m: Mention, text: str) -> tuple[str, ...]:
    words = text[m.start : m.end].split()
    return tuple(form_of(w) for w in words)


def repair_mentions(
    text: str,
    sentences: Sequence[Sentence],
    mentions: list[Mention],
    tagger: Tagger,
    infos: list[list[WordInfo]] | None = None,
) -> list[Mention]:
    """Add mentions from curated gazetteers, Latin acronyms and names already found in the article.

    Two passes, so that names found by the gazetteer in the first also propagate in the second.
    ``infos``: the word infos of each sentence's tokens when the caller has them (from tagging).
    """
    if infos is None:
        word_infos = tagger.features.word_infos
        infos = [word_infos([t.text for t in sent.tokens]) for sent in sentences]
    words = _Words(sentences, infos, tagger.lexicon)
    trimmed = [_trim_person(m, sentences, infos) for m in mentions]
    kept = [m for m in trimmed if _plausible(m, sentences, infos, tagger.lexicon)]
    kept = sorted(kept + find_org_heads(sentences, infos, kept, tagger.lexicon), key=lambda m: m.start)
    once = _repair_pass(text, sentences, infos, words, kept, tagger.lexicon)
    return _repair_pass(text, sentences, infos, words, once, tagger.lexicon)


class _Words:
    """Stems and forms per sentence and the fixed match candidates (shared by both repair passes)."""

    def __init__(self, sentences: Sequence[Sentence], infos: list[list[WordInfo]], lex: Lexicon) -> None:
        self.stems = [[w.stem for w in ws] for ws in infos]
        self.forms = [[w.form for w in ws] for ws in infos]
        self.stem_sets = [set(stems) for stems in self.stems]
        curated = lex.curated_first.keys()
        self.fixed: list[tuple[int, int]] = []
        for si, sent in enumerate(sentences):
            stems = self.stems[si]
            if not curated.isdisjoint(self.stem_sets[si]) or any(t.kind == "latin" for t in sent.tokens):
                self.fixed.extend(
                    (si, i) for i, t in enumerate(sent.tokens) if stems[i] in curated or t.kind == "latin"
                )

    def candidates(self, known_first: dict[str, int]) -> list[tuple[int, int]]:
        """Positions where a gazetteer entry, a Latin acronym or a known name may start, in text order."""
        found = set(self.fixed)
        for si, stem_set in enumerate(self.stem_sets):
            hit = stem_set.intersection(known_first)
            if hit:
                found.update((si, i) for i, stem in enumerate(self.stems[si]) if stem in hit)
        return sorted(found)


# Prepositions with a pronoun that are also short names (لي: Li, Lee): an entity that is only this
# word is dropped (``وقال لي أن`` "said to me"); linked to a longer name in the article it stays.
_PRONOUN_FORMS = frozenset((form_of(w),) for w in ("لي", "له", "لها", "لهم", "لنا", "لك", "بي", "به", "بها", "عني", "مني", "معي"))


def _trim_person(m: Mention, sentences: Sequence[Sentence], infos: list[list[WordInfo]]) -> Mention:
    """A person name does not run on into a word with a proclitic (``فرهادي لفرانس`` → ``فرهادي``)."""
    if m.label != "PER":
        return m
    for k in range(m.first + 1, m.last):
        if infos[m.sentence][k].cut > 0:
            toks = sentences[m.sentence].tokens
            return Mention(m.start, toks[k - 1].end, m.label, m.sentence, m.first, k)
    return m


def _plausible(m: Mention, sentences: Sequence[Sentence], infos: list[list[WordInfo]], lex: Lexicon) -> bool:
    """False for mentions with no letters (``24``) and one-word mentions of common non-names."""
    toks = sentences[m.sentence].tokens[m.first : m.last]
    if not any(t.kind in ("ar", "latin") for t in toks):
        return False
    if m.last - m.first == 1:
        info = infos[m.sentence][m.first]
        if (info.stem,) in lex.gazetteer:
            return True
        if is_common_word(lex.priors.get(info.stem)):
            return False  # a word ANT tagging almost never calls a name (جميل، معتادان)
    return True


def _repair_pass(
    text: str,
    sentences: Sequence[Sentence],
    infos: list[list[WordInfo]],
    words: _Words,
    mentions: list[Mention],
    lex: Lexicon,
) -> list[Mention]:
    known: dict[tuple[str, ...], str] = {}
    for m in mentions:
        key = _key(m, text)
        if key and not (len(key) == 1 and (key[0] in lex.stop or len(key[0]) < 3)):
            known.setdefault(key, m.label)
        if m.label == "PER" and len(key) > 1 and len(key[-1]) >= 3 and key[-1] not in lex.stop:
            known.setdefault(key[-1:], "PER")
        if m.label == "ORG" and len(key) > 1 and key[0].startswith("ال") and len(key[0]) >= 5:
            known.setdefault(key[:1], "ORG")  # التحالف after التحالف الدولي
    known_first: dict[str, int] = {}
    for key in known:
        known_first[key[0]] = max(known_first.get(key[0], 0), len(key))
    out = _join_regions(sentences, infos, [_extend_place(text, sentences, infos, m, lex) for m in mentions])
    by_sentence: dict[int, list[Mention]] = {}
    for m in out:
        by_sentence.setdefault(m.sentence, []).append(m)
    free = (-1, 0)  # positions before this one are inside a mention added by this pass
    for si, i in words.candidates(known_first):
        if (si, i) < free:
            continue
        sent = sentences[si]
        found = _match_at(i, sent, words.stems[si], words.forms[si], lex, known, known_first)
        if found is None:
            continue
        length, label = found
        end = i + length
        overlapping = [m for m in by_sentence.get(si, []) if m.first < end and i < m.last]
        if any(m.first < i or m.last > end for m in overlapping):
            continue
        for m in overlapping:
            if m in out:
                out.remove(m)
        start = sent.tokens[i].start + infos[si][i].cut
        out.append(Mention(start, sent.tokens[end - 1].end, label, si, i, end))
        free = (si, end)
    return sorted(out, key=lambda m: m.start)


def _extend_place(
    text: str, sentences: Sequence[Sentence], infos: list[list[WordInfo]], m: Mention, lex: Lexicon
) -> Mention:
    """``بمدينة الصدر``: a one-word place that is not a known place name keeps its ``مدينة``."""
    if m.label != "LOC" or m.last - m.first != 1 or m.first == 0:
        return m
    sent = sentences[m.sentence]
    key = (form_of(text[m.start : m.end]),)
    prev = infos[m.sentence][m.first - 1]
    if (prev.stem in _CITY_WORDS and key not in lex.gazetteer) or prev.stem in _REGION_WORDS:
        start = sent.tokens[m.first - 1].start + prev.cut
        return Mention(start, m.end, m.label, m.sentence, m.first - 1, m.last)
    return m


def _join_regions(
    sentences: Sequence[Sentence], infos: list[list[WordInfo]], mentions: list[Mention]
) -> list[Mention]:
    """``ريف`` tagged alone before a place (``ريف`` + ``حلب``) becomes one place: ``ريف حلب``."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda x: x.start):
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == m.label == "LOC"
            and prev.sentence == m.sentence
            and prev.last == m.first
            and prev.last - prev.first == 1
            and infos[prev.sentence][prev.first].stem in _REGION_WORDS
        ):
            out[-1] = Mention(prev.start, m.end, "LOC", m.sentence, prev.first, m.last)
            continue
        out.append(m)
    return [_trim_direction(sentences, infos, m) for m in out]


def _trim_direction(sentences: Sequence[Sentence], infos: list[list[WordInfo]], m: Mention) -> Mention:
    """``ريف دمشق الشرقي`` → ``ريف دمشق``: the direction names a part of the region, not another place;
    words the model ran on past it (``ريف دمشق الشرقي صباح``) go with it."""
    words = infos[m.sentence]
    if m.label != "LOC" or m.last - m.first < 3 or words[m.first].stem not in _REGION_WORDS:
        return m
    for last in range(m.first + 2, m.last):
        if words[last].form in _DIRECTIONS:
            return Mention(
                m.start, sentences[m.sentence].tokens[last - 1].end, "LOC", m.sentence, m.first, last
            )
    return m


def _match_at(
    i: int,
    sent: Sentence,
    stems: list[str],
    forms: list[str],
    lex: Lexicon,
    known: dict[tuple[str, ...], str],
    known_first: dict[str, int],
) -> tuple[int, str] | None:
    """Longest curated-gazetteer / known-name / acronym match starting at token ``i``."""
    n = len(stems)
    first = stems[i]
    longest = max(lex.curated_first.get(first, 0), known_first.get(first, 0))
    for length in range(min(longest, n - i), 0, -1):
        key = (first, *forms[i + 1 : i + length])
        hit = lex.gazetteer.get(key)
        if hit and hit[2] and not (length == 1 and first in lex.stop):
            return length, hit[0]
        label = known.get(key)
        if label:
            return length, label
    tok = sent.tokens[i]
    if tok.kind == "latin" and 2 <= len(tok.text) <= 6 and tok.text.isupper():
        length = 2 if i + 1 < n and forms[i + 1] in _EDITION else 1
        return length, "ORG"
    return None


def group_mentions(
    text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention], tagger: Tagger
) -> tuple[list[int], list[Entity]]:
    """Assign every mention to an entity: the entity index per mention, and the entities with roles."""
    lex = tagger.lexicon
    taken_sets: dict[int, set[int]] = {}
    for m in mentions:
        taken_sets.setdefault(m.sentence, set()).update(range(m.first, m.last))
    taken = {k: frozenset(v) for k, v in taken_sets.items()}
    entities: list[Entity] = []
    by_key: dict[tuple[str, str], int] = {}
    keys = [_key(m, text) for m in mentions]
    order = sorted(range(len(mentions)), key=lambda k: (-len(keys[k]), mentions[k].start))
    assignment: dict[int, int] = {}
    for k in order:
        m = mentions[k]
        key = keys[k]
        hit = lex.gazetteer.get(key)
        label = m.label
        if hit and hit[2]:
            label = hit[0]
            gkey = (label, form_of(hit[1]))
        else:
            gkey = (label, " ".join(key))
        idx = by_key.get(gkey)
        if idx is None:
            idx = _find_container(entities, key, label, m)
        if idx is None:
            canonical = hit[1] if hit and hit[2] else text[m.start : m.end]
            entities.append(Entity(label, canonical, key, gazetteer=bool(hit and hit[2])))
            idx = len(entities) - 1
        by_key.setdefault(gkey, idx)
        entities[idx].mentions.append(m)
        assignment[k] = idx
    for ent in entities:
        if ent.label == "PER":
            for m in sorted(ent.mentions, key=lambda x: x.start):
                ent.role = find_role(
                    text, sentences[m.sentence], m.first, tagger, taken.get(m.sentence, frozenset())
                )
                if ent.role:
                    break
    return [assignment[k] for k in range(len(mentions))], entities


def _find_container(entities: list[Entity], key: tuple[str, ...], label: str, m: Mention) -> int | None:
    """A longer entity of the same type that this mention abbreviates (nearest before it wins)."""
    best: int | None = None
    best_distance = 1 << 30
    for idx, ent in enumerate(entities):
        if ent.label != label or len(ent.key) <= len(key):
            continue
        if label == "PER":
            ok = _is_subsequence(key, ent.key)
        elif label == "ORG":
            ok = ent.key[: len(key)] == key
        else:
            ok = False
        if not ok:
            continue
        distance = min(abs(m.start - x.start) + (0 if x.start < m.start else 1 << 20) for x in ent.mentions)
        if distance < best_distance:
            best, best_distance = idx, distance
    return best


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def find_role(
    text: str, sent: Sentence, first: int, tagger: Tagger, taken: frozenset[int] = frozenset()
) -> str | None:
    """The apposition before a person mention that starts with a title word, if any.

    ``ويستقبل الرئيس الأميركي جو بايدن`` → ``الرئيس الأميركي``.  The scan stops at punctuation,
    speech verbs, particles and tokens of other mentions (``taken``).
    """
    toks = sent.tokens
    triggers = tagger.lexicon.triggers
    lo = max(0, first - _MAX_ROLE_WORDS)
    infos = tagger.features.word_infos([t.text for t in toks[lo:first]])

    def trigger(j: int) -> str:
        info = infos[j - lo]
        return triggers.get(info.stem, "") or triggers.get(info.form, "")

    for j in range(first - 1, lo - 1, -1):
        if toks[j].kind != "ar" or j in taken or trigger(j) == "SPEECH" or infos[j - lo].form in _ROLE_BREAKS:
            return None
        if trigger(j) == "PER_TITLE":
            while j - 1 >= lo and toks[j - 1].kind == "ar" and trigger(j - 1) == "PER_TITLE":
                j -= 1
            if j == first - 1 and infos[j - lo].stem in _HONORIFICS:
                return None
            return text[toks[j].start + infos[j - lo].cut : toks[first - 1].end]
    return None


def resolve_entities(
    text: str,
    sentences: Sequence[Sentence],
    mentions: list[Mention],
    tagger: Tagger,
    infos: list[list[WordInfo]] | None = None,
) -> list[Span]:
    """Repair, group and annotate mentions; returns entity Spans with canonical/role attrs."""
    repaired = repair_mentions(text, sentences, mentions, tagger, infos)
    groups, entities = group_mentions(text, sentences, repaired, tagger)
    spans: list[Span] = []
    for m, idx in zip(repaired, groups, strict=True):
        ent = entities[idx]
        if ent.key in _PRONOUN_FORMS:
            continue  # قال لي: "to me" — a name only when the article gives the whole one (لي كه تشيانغ)
        attrs: dict[str, Any] = {"canonical": ent.canonical, "mention_group": idx}
        if ent.role:
            attrs["role"] = ent.role
        spans.append(Span(m.start, m.end, ent.label, attrs))
    return sorted(spans, key=lambda s: (s.start, s.end))


def summarize_entities(article: Article) -> list[dict[str, Any]]:
    """One dict per canonical entity of the article, in order of first mention (CLI JSON).

    Keys: ``canonical``, ``type``, ``mentions`` (distinct surface forms), ``count``, ``role`` (or None).
    """
    groups: dict[int, dict[str, Any]] = {}
    for span in sorted(article.entities, key=lambda s: s.start):
        gid = int(span.attrs.get("mention_group", -1 - len(groups)))
        g = groups.get(gid)
        if g is None:
            g = groups[gid] = {
                "canonical": span.attrs.get("canonical", span.slice(article.text)),
                "type": span.label,
                "mentions": [],
                "count": 0,
                "role": span.attrs.get("role"),
            }
        surface = span.slice(article.text)
        if surface not in g["mentions"]:
            g["mentions"].append(surface)
        g["count"] += 1
    return list(groups.values())
