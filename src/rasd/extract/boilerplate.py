"""Navigation and page-chrome lines: a list in data files plus shape rules.

A line is chrome when (see `classify_chrome`):

* it is in ``data/boilerplate/lines.txt`` (on the matching form: ``عناوین:`` = ``عناوين``);
* it is short and made only of share/print/follow words (``شارك فيسبوك تويتر``);
* it is a copyright line (``©``, ``جميع الحقوق محفوظة``), a breadcrumb (``الرئيسية » أخبار``),
  a bare URL or e-mail address, or a tag line (``الكلمات المفتاحية: العراق، بغداد``).

Position rules (short lines ending with ``:`` before the headline, related-link lists after
``اقرأ أيضا``, short trailing lines) live in `clean_paragraphs` and the text reader.

>>> is_chrome_line("عناوین:"), is_chrome_line("شارك على فيسبوك"), is_chrome_line("قال الوزير إن الاتفاق تم")
(True, True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rasd.extract.lexicon import line_key, load_lexicon

__all__ = ["clean_paragraphs", "ends_sentence", "is_chrome_line", "is_section_marker"]

_COPYRIGHT = re.compile(r"©|\(c\)|جميع\s+الحقوق|حقوق\s+(?:النشر|الطبع)|all rights reserved", re.I)
_BREADCRUMB = re.compile(r"\s(?:»|>|›|/|\\)\s")
_URLISH = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\S+$", re.I)
_TAG_PREFIX = re.compile(r"^(?:الكلمات\s+(?:المفتاحية|الدالة)|كلمات\s+مفتاحية|الوسوم|وسوم|tags)\s*[:：]", re.I)
_SENTENCE_END = ('.', '!', '؟', '?', '"', '»', '”', ')', '…', '۔')
MAX_CHROME_WORDS = 8


def ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(_SENTENCE_END)


def is_chrome_line(line: str) -> bool:
    """True for a whole line that is navigation or page chrome, not article text."""
    stripped = line.strip()
    if not stripped:
        return True
    words = stripped.split()
    if len(words) > MAX_CHROME_WORDS * 3:
        return False
    lex = load_lexicon()
    key = line_key(stripped)
    if not key:
        return True  # punctuation only
    if key in lex.chrome_lines:
        return True
    if _URLISH.match(stripped) or _TAG_PREFIX.match(stripped):
        return True
    if len(words) <= MAX_CHROME_WORDS:
        if all(w in lex.chrome_words for w in key.split()):
            return True
        if _BREADCRUMB.search(stripped) and not ends_sentence(stripped):
            return True
    return len(words) <= 15 and bool(_COPYRIGHT.search(stripped))


def is_section_marker(line: str) -> bool:
    """``اقرأ أيضا:`` and friends: the lines after them are related links, not the article."""
    key = line_key(line)
    if key in load_lexicon().section_markers:
        return True
    head = " ".join(key.split()[:3])
    return len(line.split()) <= 5 and any(head.startswith(m) for m in load_lexicon().section_markers if len(m) > 4)


def _is_link_title(line: str) -> bool:
    return len(line.split()) <= 18 and not ends_sentence(line)


def clean_paragraphs(lines: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split candidate body lines into (paragraphs, boilerplate), keeping the page's characters.

    After a section marker (``اقرأ أيضا``), short title-like lines are related links until a real
    paragraph (long, or ending a sentence) comes back.

    >>> clean_paragraphs(["نص الخبر الأول.", "اقرأ أيضا:", "عنوان خبر آخر", "طباعة"])
    (['نص الخبر الأول.'], ['اقرأ أيضا:', 'عنوان خبر آخر', 'طباعة'])
    """
    body: list[str] = []
    chrome: list[str] = []
    in_links = False
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        short = len(line) < 200
        if short and is_section_marker(line):
            chrome.append(line)
            in_links = True
            continue
        if short and is_chrome_line(line):
            chrome.append(line)
            continue
        if in_links and _is_link_title(line):
            chrome.append(line)
            continue
        in_links = False
        body.append(line)
    return body, chrome
