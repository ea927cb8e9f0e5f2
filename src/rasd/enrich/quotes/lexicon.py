"""The quote stage's word lists (``rasd/data/quotes/``) and tuned constants."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.enrich.lexmatch import AR_LETTER_CLASS, compile_forms, fold_ar, read_data_lines, read_data_rows

AGENT_LABELS = ("PER", "ORG")
#: A place speaks only as the word right after the verb or before it (أعلنت موسكو، كانت السعودية قد أعلنت).
SUBJECT_LABELS = ("PER", "ORG", "LOC")
#: Quote mark → style; marks of one style pair with each other in either order (RTL sites swap them).
QUOTE_STYLES = {'"': "dq", "“": "curly", "”": "curly", "„": "curly", "‟": "curly",
                "«": "guil", "»": "guil", "'": "sq", "‘": "scurly", "’": "scurly"}
QUOTE_MARK_RE = re.compile("[\"“”„‟«»'‘’]")
WORD_RE = re.compile(r"\S+")
COMPLEMENTIZER_RE = re.compile(
    rf"(?<!{AR_LETTER_CLASS})(?:(?:الي|علي|من)\s+)?ب?ان(?:ه|ها|هم|هما|هن|نا|ني)?(?!{AR_LETTER_CLASS})"
)
#: Words before ``أن`` that make it a subordinator, not a speech complementizer (بعد أن، يمكن أن).
NOT_COMPLEMENTIZER_BEFORE = frozenset(
    fold_ar(w) for w in ("بعد", "قبل", "منذ", "دون", "بدون", "يمكن", "يجب", "ينبغي", "بد", "ما", "إلا", "حتى", "غير",
                         "خاصة", "خصوصا", "سيما", "رغم", "برغم")
)
PUNCT_STRIP = "،,.:؛;!؟?()[]\"“”«»'‘’-–—"
TANWEEN_FATH = "\u064b"
MAX_INDIRECT_GAP_WORDS = 14
MAX_DIRECT_GAP_WORDS = 30
MAX_SUBJECT_WORDS = 7
MIN_UNPUNCTUATED_QUOTE_WORDS = 3
#: A quote not introduced by punctuation nor right after its cue must be this long to count as speech.
MIN_DETACHED_QUOTE_WORDS = 12
MAX_CUE_TO_QUOTE_WORDS = 6
#: A quoted span this short around an إن/أن is a name (``"سي إن بي سي"``), not quoted words.
MAX_QUOTED_NAME_WORDS = 4
#: A bare cue (وأضاف) takes an agent named at most this many paragraphs back.
MAX_AGENT_PARAGRAPHS_BACK = 2
AGENT_WINDOW_CHARS = 80
HEADLINE_SPEAKER_CHARS = 40
#: A headline speaker followed by its topic (``المتحدث باسم الخارجية عن اختفاء خاشقجي:``) may be longer.
HEADLINE_TOPIC_CHARS = 80
#: Verbs that end a headline's speaker before a colon without being speech verbs in running text
#: (``أنقرة تهدد:``; ``يهدد انهيار الليرة`` is no speech).
HEADLINE_VERBS = frozenset(fold_ar(w) for w in ("تهدد", "يهدد", "تتوعد", "يتوعد", "ترد", "يرد", "تحذر", "يحذر"))
HEADLINE_TOPIC_RE = re.compile(fold_ar(r"(?:^|\s)(?:عن|حول|بشأن|بشان)\s"))
FIRST_PERSON_WORDS = frozenset(fold_ar(w) for w in ("نحن", "أنا", "إننا", "إنني", "لدينا", "علينا", "لنا", "بلادي"))
NOT_FIRST_PERSON = frozenset(fold_ar(w) for w in ("أحيانا", "هناك", "لبنانا", "أيضا", "حينا", "أمانا", "مجانا"))
#: Verb forms spelled like their verbal noun (توقع = توقَّع / توقُّع): with no و/ف, not a cue after a
#: definite word or a preposition (``من المعقول توقع أن``).
VERBAL_NOUN_FORMS = frozenset(fold_ar(w) for w in ("توقع",))
SOURCE_CUE_RE = re.compile(fold_ar(r"(?:بحسب|حسب|وفقا\s+ل|وفق|على\s+حد\s+تعبير|على\s+لسان)(?=\s|ل)"))
CLAUSE_BREAK_RE = re.compile(fold_ar(r"(?<!\S)(?:بينما|حين|حيث|عندما|لكن|لكنه|لكنها|غير\s+ان)(?!\S)"))
SENTENCE_BREAK_RE = re.compile(r"[.!?؟]\s")
#: Where or to whom the words were said (``في مقابلة مع``، ``في تصريح لـ``، ``لصحيفة``): a cue with one of
#: these may stand `SETTING_EXTRA_WORDS` further from its إن/أن.
SPEECH_SETTING_RE = re.compile(fold_ar(
    r"(?<!\S)(?:(?:و?(?:في|خلال)\s+(?:تصريح|تصريحات|بيان|مقابلة|حديث|مؤتمر|كلمة|تغريدة|رسالة|خطاب|لقاء|جلسة))"
    r"|(?:ل(?:صحيفة|وكالة|قناة|شبكة|موقع|مجلة|تلفزيون|اذاعة|برنامج)))"))
SETTING_EXTRA_WORDS = 8


@dataclass(frozen=True)
class QuoteLexicon:
    verbs: re.Pattern[str]
    verb_modes: dict[str, str]
    skip_words: frozenset[str]
    stop_words: frozenset[str]
    label_words: frozenset[str]
    relational_words: frozenset[str]
    addressee_words: frozenset[str]  # مخاطبا، موجها: the rest is whom he spoke to, not who spoke
    anaphors: frozenset[str]
    anaphor_heads: frozenset[str]
    given_names: frozenset[str]  # folded given names that ANT tagging mostly calls a name (not علي/على)
    common_words: frozenset[str]  # folded words ANT tagging saw often and almost never in a name
    person_titles: frozenset[str]  # folded title words (الرئيس، وزير، الممثل…) from the NER triggers


def load_quote_lexicon() -> QuoteLexicon:
    """Read ``rasd/data/quotes/`` once (called by `make_stage`)."""
    rows = read_data_rows("quotes", "speech_verbs.tsv")
    modes = {fold_ar(r[0]): (r[1] if len(r) > 1 else "any") for r in rows}
    for form, mode in list(modes.items()):  # قائلاً، مضيفًا: the tanween sites put on participles
        if form.endswith("ا"):
            modes.setdefault(form + TANWEEN_FATH, mode)
            modes.setdefault(form[:-1] + TANWEEN_FATH + "ا", mode)
    for noun in read_data_lines("quotes", "document_nouns.txt"):  # جاء في البيان "…"، ورد في التقرير أن
        for verb in ("جاء", "ورد"):
            modes.setdefault(fold_ar(f"{verb} في {noun}"), "doc")
    for form in ("جاء فيه", "جاء فيها", "ورد فيه", "ورد فيها"):  # تنويه جاء فيه: "…"
        modes.setdefault(fold_ar(form), "doc")
    gap = read_data_rows("quotes", "gap_words.tsv")
    anaphors = frozenset(fold_ar(w) for w in read_data_lines("quotes", "anaphors.txt"))
    return QuoteLexicon(
        verbs=compile_forms(modes),
        verb_modes=modes,
        skip_words=frozenset(fold_ar(r[0]) for r in gap if len(r) > 1 and r[1] == "skip"),
        stop_words=frozenset(fold_ar(r[0]) for r in gap if len(r) > 1 and r[1] == "stop"),
        label_words=frozenset(fold_ar(r[0]) for r in gap if len(r) > 1 and r[1] == "label"),
        relational_words=frozenset(fold_ar(r[0]) for r in gap if len(r) > 1 and r[1] == "relational"),
        addressee_words=frozenset(fold_ar(r[0]) for r in gap if len(r) > 1 and r[1] == "addressee"),
        anaphors=anaphors,
        anaphor_heads=frozenset(a.split()[0] for a in anaphors),
        **_name_words(),
    )


#: A given name counts for an untagged name when ANT tagging called it a name at least this often
#: (عمر 39%: also "age"; not على/علي at 1%, which is "on" in Egyptian spelling too).
GIVEN_NAME_MIN_SHARE = 0.3


def _name_words() -> dict[str, frozenset[str]]:
    """Given names, common non-name words (`rasd.ner.lexicon.is_common_word`) and person titles,
    folded, from the NER lexicon's given-name and trigger lists and its ANT tag priors."""
    from rasd.ner.lexicon import COMMON_MIN_SEEN, data_path, is_common_word, load_lexicon, read_rows

    priors = load_lexicon().priors  # the entity stage loads it anyway
    common = {fold_ar(k) for k, prior in priors.items() if is_common_word(prior)}
    given = set()
    for row in read_rows(data_path("gazetteers") / "first_names.txt"):
        key = fold_ar(row[0])
        prior = priors.get(key)
        if not prior or prior[0] < COMMON_MIN_SEEN or sum(prior[1:]) >= GIVEN_NAME_MIN_SHARE * prior[0]:
            given.add(key)
    titles = {fold_ar(r[0]) for r in read_rows(data_path("gazetteers") / "triggers.tsv") if r[1:2] == ["PER_TITLE"]}
    return {
        "given_names": frozenset(given - common),
        "common_words": frozenset(common),
        "person_titles": frozenset(titles),
    }
