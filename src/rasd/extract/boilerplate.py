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

from rasd.extract.dates import parse_date_line
from rasd.extract.lexicon import line_key, load_lexicon
from rasd.extract.views import is_views_line

__all__ = ["classify_line", "clean_paragraphs", "drop_page_furniture", "ends_sentence", "is_chrome_line", "is_section_marker", "is_trailing_chrome"]

_COPYRIGHT = re.compile(r"©|\(c\)|جميع\s+الحقوق|حقوق\s+(?:النشر|الطبع)|all rights reserved", re.I)
_BREADCRUMB = re.compile(r"\s(?:»|>|›|/|\\)\s")
_URLISH = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\S+$", re.I)
_TAG_PREFIX = re.compile(r"^(?:الكلمات\s+(?:المفتاحية|الدالة)|كلمات\s+مفتاحية|الوسوم|وسوم|tags)\s*[:：]", re.I)
_SENTENCE_END = ('.', '!', '؟', '?', '"', '»', '”', ')', '…', '۔')
_HARD_END = ('.', '!', '؟', '?', '…', '۔')
MAX_CHROME_WORDS = 8
MAX_SHORT_WORDS = 15
MAX_TRAILING_CHROME_WORDS = 3


def ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(_SENTENCE_END)


def is_trailing_chrome(line: str) -> bool:
    """A short last line that does not end a sentence: ``البوم الصور``, ``--(بترا)``, ``المصدر: وكالات``."""
    return len(line.split()) <= MAX_TRAILING_CHROME_WORDS and not line.rstrip().endswith(_HARD_END)


def is_chrome_line(line: str) -> bool:
    """True for a whole line that is navigation or page chrome, not article text."""
    return classify_line(line)[1]


def is_section_marker(line: str) -> bool:
    """``اقرأ أيضا:`` and friends: the lines after them are related links, not the article."""
    return classify_line(line)[0]


def classify_line(line: str) -> tuple[bool, bool]:
    """(opens a related-links block, is chrome) for one whole line; the key is computed once.

    Long lines (more than `MAX_SHORT_WORDS` words) are only chrome when they are tag lines, so the
    common case, a body paragraph, costs one split and one regex.
    """
    stripped = line.strip()
    if not stripped:
        return False, True
    words = stripped.split()
    if len(words) > MAX_SHORT_WORDS:
        return False, bool(_TAG_PREFIX.match(stripped))
    lex = load_lexicon()
    key = line_key(stripped)
    if not key:
        return False, True  # punctuation only
    if key in lex.section_markers:
        return True, True
    if len(words) <= 5:
        head = " ".join(key.split()[:3])
        if any(head.startswith(m) for m in lex.long_markers):
            return True, True
    if key in lex.chrome_lines or _URLISH.match(stripped) or _TAG_PREFIX.match(stripped):
        return False, True
    if len(words) <= MAX_CHROME_WORDS:
        if all(w in lex.chrome_words for w in key.split()):
            return False, True
        if _BREADCRUMB.search(stripped) and not ends_sentence(stripped):
            return False, True
    return False, bool(_COPYRIGHT.search(stripped))


def _is_link_title(line: str) -> bool:
    return len(line.split()) <= 18 and not ends_sentence(line) and not line.endswith((":", "："))


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
        marker, is_chrome = classify_line(line)
        if marker:
            chrome.append(line)
            in_links = True
            continue
        if is_chrome:
            chrome.append(line)
            continue
        if in_links and _is_link_title(line):
            chrome.append(line)
            continue
        in_links = False
        body.append(line)
    return body, chrome


def drop_page_furniture(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Remove date lines, view counters and short trailing lines (``--(بترا)``) from extracted body text.

    Used after trafilatura, whose main text sometimes keeps the byline date of the page.

    >>> drop_page_furniture(["تم نشره الجمعة 24 نيسان 2020 09:22 مساءً", "نص الخبر الكامل هنا.", "--(بترا)"])
    (['نص الخبر الكامل هنا.'], ['تم نشره الجمعة 24 نيسان 2020 09:22 مساءً', '--(بترا)'])
    """
    body: list[str] = []
    removed: list[str] = []
    for line in paragraphs:
        if len(line) <= 90 and (parse_date_line(line) is not None or is_views_line(line) is not None):
            removed.append(line)
        else:
            body.append(line)
    tail: list[str] = []
    while body and is_trailing_chrome(body[-1]):
        tail.append(body.pop())
    return body, removed + tail[::-1]
