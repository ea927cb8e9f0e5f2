"""View counters: ``3084 مشاهدة``, ``عدد المشاهدات: 3084``, ``٣٠٨٤ قراءة``, ``شوهد 1,200 مرة``.

>>> find_views("٣٠٨٤ قراءة")
(3084, '٣٠٨٤ قراءة')
>>> find_views("عدد المشاهدات: 3,084")
(3084, 'عدد المشاهدات: 3,084')
>>> find_views("قتل 36 شخصا في الهجوم") is None
True
"""

from __future__ import annotations

import re

from rasd.extract.lexicon import match_form

__all__ = ["find_views", "is_views_line"]

_NUM = r"(?P<n>\d{1,3}(?:[,.٬]\d{3})+|\d+)"
_AFTER = re.compile(
    r"(?<![\d.,])" + _NUM + r"\s*(?:مشاهده|مشاهدات|قراءه|قراءات|قراءه|زياره|زيارات|views?|reads?)(?![\u0621-\u064a])",
    re.I,
)
_BEFORE = re.compile(
    r"(?:عدد\s+(?:المشاهدات|القراءات|الزيارات|القراء)|المشاهدات|القراءات|مشاهدات|قراءات|الزيارات|شوهد|قرئ|views?|reads?)"
    r"\s*[:：]?\s*" + _NUM + r"(?:\s*(?:مره|مرات))?",
    re.I,
)


def find_views(text: str) -> tuple[int, str] | None:
    """(count, original text of the counter) for the first view counter in ``text``."""
    form = match_form(text)
    for pattern in (_BEFORE, _AFTER):
        m = pattern.search(form)
        if m:
            value = int(re.sub(r"\D", "", m.group("n")))
            return value, text[m.start() : m.end()]
    return None


def is_views_line(line: str) -> tuple[int, str] | None:
    """A counter that is (nearly) the whole line, as scraped pages print it."""
    if len(line) > 60:
        return None
    found = find_views(line)
    if found is None:
        return None
    rest = line.replace(found[1], " ")
    return found if len(rest.split()) <= 1 else None
