"""Known-item query sets for the search benchmark: *verbatim* and *as people type*.

Independent of rasd's analyzer on purpose (its own tiny stop list, its own clitic rules driven by
corpus word counts), so the typed queries are not shaped to rasd's stemmer.

Each query: 2–4 content words from one article's headline, in headline order; the target is that
article.  Targets are drawn only among articles whose headline occurs once in the corpus (an exact
duplicate headline cannot be told apart by any engine).
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# Function words never chosen as query words (a generic list, not rasd's).
STOP = frozenset(
    [
        "في",
        "من",
        "على",
        "إلى",
        "الى",
        "عن",
        "أن",
        "إن",
        "ان",
        "ما",
        "لا",
        "لم",
        "لن",
        "مع",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "التي",
        "الذي",
        "الذين",
        "بعد",
        "قبل",
        "بين",
        "عند",
        "كان",
        "كانت",
        "قد",
        "ثم",
        "أو",
        "او",
        "حتى",
        "منذ",
        "خلال",
        "ضد",
        "عبر",
        "حول",
        "دون",
        "كل",
        "بعض",
        "غير",
        "هل",
        "هو",
        "هي",
        "هم",
        "يوم",
        "أمام",
        "وفي",
        "ومن",
        "إلي",
        "علي",
        "وعلى",
        "وهو",
        "وهي",
        "لماذا",
        "كيف",
        "ماذا",
        "أول",
    ]
)
ARABIC_WORD = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670\u0640]+$")
HARAKAT = "\u064e\u064f\u0650\u0651\u0652\u064b"
# The other spelling of common variants (substring → replacement).
VARIANTS = (
    ("أميرك", "أمريك"),
    ("أمريك", "أميرك"),
    ("ديمقراط", "ديموقراط"),
    ("ديموقراط", "ديمقراط"),
    ("الكونغرس", "الكونجرس"),
    ("الكونجرس", "الكونغرس"),
    ("إنجلترا", "إنكلترا"),
    ("إنكلترا", "إنجلترا"),
    ("أوروب", "أورب"),
    ("مسؤول", "مسئول"),
    ("مئة", "مائة"),
    ("مائة", "مئة"),
    ("غوغل", "جوجل"),
    ("جوجل", "غوغل"),
)


@dataclass(frozen=True)
class Doc:
    id: str
    title: str
    text: str
    src: str
    time: str
    cat: str
    url: str


@dataclass(frozen=True)
class Query:
    target: str
    verbatim: str
    typed: str


def load_corpus(directory: Path) -> list[Doc]:
    docs: list[Doc] = []
    seen: set[str] = set()
    for path in sorted(directory.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                did = d.get("docno") or f"{path.stem}-{len(docs)}"
                if did in seen:
                    continue
                seen.add(did)
                docs.append(
                    Doc(
                        did,
                        (d.get("title") or "").strip(),
                        d.get("text") or "",
                        d.get("src") or "",
                        d.get("time") or "",
                        d.get("cat") or "",
                        d.get("url") or "",
                    )
                )
    return docs


def _words(text: str) -> list[str]:
    return re.findall(r"[\u0621-\u064a\u064b-\u0652\u0670\u0640]+", text)


def content_words(title: str) -> list[str]:
    return [w for w in title.split() if ARABIC_WORD.match(w) and len(w) >= 3 and w not in STOP]


def word_counts(docs: list[Doc]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for d in docs:
        counts.update(_words(d.title))
        counts.update(_words(d.text))
    return counts


def type_word(word: str, rng: random.Random, counts: Counter[str]) -> str:
    """Rewrite one word the way people type it."""
    w = word
    # Attached clitics stripped (only when the remainder is itself a common word).
    if rng.random() < 0.7:
        if w[:3] in ("وال", "فال", "بال", "كال") and len(w) > 5:
            w = w[1:]
        elif w.startswith(("ولل", "فلل")) and len(w) > 5:
            w = "ال" + w[3:]
        elif w.startswith("لل") and len(w) > 4:
            w = "ال" + w[2:]
        elif w[0] in "وفبلك" and len(w) > 4 and counts[w[1:]] >= 5 and counts[w[1:]] > counts[w]:
            w = w[1:]
    # The article dropped or added.
    r = rng.random()
    if w.startswith("ال") and len(w) > 4 and r < 0.3:
        w = w[2:]
    elif not w.startswith("ال") and r < 0.15 and counts["ال" + w] >= 3:
        w = "ال" + w
    # The other spelling of a common variant.
    for a, b in VARIANTS:
        if a in w and rng.random() < 0.7:
            w = w.replace(a, b)
            break
    # Hamza dropped from alef most of the time.
    w = "".join("ا" if c in "أإآ" and rng.random() < 0.8 else c for c in w)
    # Final teh marbuta / heh and alef maqsura / yeh swapped sometimes.
    if w.endswith("ة") and rng.random() < 0.3:
        w = w[:-1] + "ه"
    elif w.endswith("ى") and rng.random() < 0.3:
        w = w[:-1] + "ي"
    elif w.endswith("ي") and rng.random() < 0.1:
        w = w[:-1] + "ى"
    # Now and then a stray diacritic.
    if rng.random() < 0.05 and len(w) > 1:
        i = rng.randrange(1, len(w) + 1)
        w = w[:i] + rng.choice(HARAKAT) + w[i:]
    return w


def make_queries(docs: list[Doc], n: int, seed: int = 13) -> list[Query]:
    rng = random.Random(seed)
    counts = word_counts(docs)
    title_counts = Counter(d.title for d in docs)
    candidates = [d for d in docs if title_counts[d.title] == 1 and len(content_words(d.title)) >= 2]
    rng.shuffle(candidates)
    out: list[Query] = []
    for d in candidates[:n]:
        words = content_words(d.title)
        k = rng.randint(2, min(4, len(words)))
        idx = sorted(rng.sample(range(len(words)), k))
        chosen = [words[i] for i in idx]
        out.append(Query(d.id, " ".join(chosen), " ".join(type_word(w, rng, counts) for w in chosen)))
    return out
