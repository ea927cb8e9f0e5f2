"""Scraped text pages (one line per block, as copied from a browser), like::

    عناوین:                                   ← chrome: short line ending with ':' before the headline
    بيان من التحالف الدولي تزامنا مع ...       ← headline: first content line of 3-40 words
    PM:12:36:26/07/2021                       ← date line → published
    3084 مشاهدة                               ← counter line → views
    اعلن التحالف الدولي ...                   ← body paragraphs
    البوم الصور                               ← chrome (data list) / short trailing line

Lines are classified one by one (date, counter, author, chrome, content); the headline is chosen by
position and shape, and the body is cleaned by `clean_paragraphs`.
"""

from __future__ import annotations

import re

from rasd.extract.boilerplate import classify_line, clean_paragraphs, ends_sentence
from rasd.extract.dates import parse_date_line
from rasd.extract.fields import PageFields
from rasd.extract.outlet import find_outlet
from rasd.extract.views import is_views_line

__all__ = ["read_text_page"]

_AUTHOR = re.compile(r"^(?:كتب|كتبت|بقلم|المحرر|محرر|إعداد|اعداد|تحرير|By)\s*[:：]?\s*(?P<a>[^:：\d]{3,40})$")
_UPDATE = re.compile(r"تحديث|updated", re.I)
MIN_TITLE_WORDS = 3
MAX_TITLE_WORDS = 40
MAX_TRAILING_CHROME_WORDS = 3


def _is_title_shape(line: str) -> bool:
    n = len(line.split())
    return MIN_TITLE_WORDS <= n <= MAX_TITLE_WORDS and not line.endswith((":", "：")) and len(line) <= 300


def read_text_page(text: str, *, url: str | None = None, hint: str | None = None) -> PageFields:
    """Fields of a scraped text page.

    >>> f = read_text_page("عاجل:\\nانفجار يهز وسط بغداد صباح اليوم\\n26/07/2021 12:36 م\\n٣٠٨٤ قراءة\\n"
    ...                    "قال مسؤولون إن انفجارا وقع في سوق شعبي.\\nشارك")
    >>> f.title, f.published.isoformat(), f.views, f.boilerplate
    ('انفجار يهز وسط بغداد صباح اليوم', '2021-07-26T12:36:00', 3084, ['عاجل:', 'شارك'])
    """
    fields = PageFields(url=url)
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    kinds: list[str] = []
    chosen: set[int] = set()
    date_at: int | None = None
    for i, line in enumerate(lines):
        kind = "content"
        date = parse_date_line(line)
        if date is not None:
            kind = "date"
            if date_at is None or (_UPDATE.search(lines[date_at]) and not _UPDATE.search(line)):
                chosen.discard(date_at if date_at is not None else -1)
                date_at = i
                chosen.add(i)
                fields.published, fields.published_raw = date.value, date.raw
        elif (views := is_views_line(line)) is not None:
            kind = "views"
            if fields.views is None:
                fields.views, fields.views_raw = views
                chosen.add(i)
        elif (author := _AUTHOR.match(line)) is not None and fields.author is None:
            kind = "author"
            fields.author = author.group("a").strip()
            chosen.add(i)
        elif any(classify_line(line)):
            kind = "chrome"
        kinds.append(kind)

    title_at = next(
        (i for i, (ln, k) in enumerate(zip(lines, kinds, strict=True)) if k == "content" and _is_title_shape(ln)),
        None,
    )
    first_content = next((i for i, k in enumerate(kinds) if k == "content"), None)
    if title_at is not None and first_content is not None and any(
        kinds[j] == "content" and (ends_sentence(lines[j]) or len(lines[j].split()) > MAX_TITLE_WORDS)
        for j in range(first_content, title_at)
    ):
        title_at = None  # a body paragraph before the "headline": the page has no headline line
    boilerplate: list[int] = []
    body_from = 0
    if title_at is not None:
        fields.title = lines[title_at]
        boilerplate.extend(j for j in range(title_at) if j not in chosen)
        body_from = title_at + 1
    candidates = [j for j in range(body_from, len(lines)) if kinds[j] in ("content", "chrome")]
    boilerplate.extend(j for j in range(body_from, len(lines)) if kinds[j] != "content"
                       and kinds[j] != "chrome" and j not in chosen)
    body, chrome = clean_paragraphs(lines[j] for j in candidates)
    while body and len(body[-1].split()) <= MAX_TRAILING_CHROME_WORDS and not ends_sentence(body[-1]):
        chrome.append(body.pop())
    chrome_set = set(chrome)
    boilerplate.extend(j for j in candidates if lines[j] in chrome_set)
    fields.paragraphs = body
    fields.boilerplate = [lines[j] for j in sorted(set(boilerplate))]
    fields.outlet, fields.outlet_evidence = find_outlet(body, url=url, hint=hint)
    return fields
