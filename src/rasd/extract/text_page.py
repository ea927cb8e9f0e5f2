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

from rasd.extract.boilerplate import classify_line, clean_paragraphs, is_trailing_chrome
from rasd.extract.dates import FoundDate, parse_date_line, parse_time_line
from rasd.extract.fields import PageFields
from rasd.extract.outlet import find_outlet
from rasd.extract.views import is_views_line

__all__ = ["read_text_page"]

_AUTHOR = re.compile(r"^(?:كتب|كتبت|بقلم|المحرر|محرر|إعداد|اعداد|تحرير|By)\s*[:：]?\s*(?P<a>[^:：\d]{3,40})$")
_UPDATE = re.compile(r"تحديث|updated", re.I)
MIN_TITLE_WORDS = 3
MAX_TITLE_WORDS = 40


def _is_title_shape(line: str) -> bool:
    n = len(line.split())
    return MIN_TITLE_WORDS <= n <= MAX_TITLE_WORDS and not line.endswith((":", "：")) and len(line) <= 300


def _is_body_like(line: str) -> bool:
    return line.endswith((".", "۔")) or len(line.split()) > MAX_TITLE_WORDS


def _find_headline(lines: list[str], kinds: list[str]) -> int | None:
    """Index of the headline line, or None.

    Sites print the headline right above its date / counter / byline, so when such a metadata line
    comes before any body paragraph, the last headline-shaped line above it wins (breadcrumbs and
    section names above it are chrome).  Otherwise the first headline-shaped line is taken, unless a
    body paragraph precedes it (then the page has no headline line).
    """
    shaped = [i for i, (ln, k) in enumerate(zip(lines, kinds, strict=True))
              if k == "content" and _is_title_shape(ln) and not ln.endswith((".", "۔"))]
    if not shaped:
        return None
    meta_at = next((i for i, k in enumerate(kinds) if k in ("date", "views", "author")), None)
    if meta_at is not None:
        before = [i for i in shaped if i < meta_at]
        body_before = any(k == "content" and _is_body_like(lines[j]) for j, k in enumerate(kinds[:meta_at]))
        if before and not body_before:
            return before[-1]
    first = shaped[0]
    if any(k == "content" and _is_body_like(lines[j]) for j, k in enumerate(kinds[:first])):
        return None  # a body paragraph before the "headline": the page has no headline line
    return first


def _choose_date_line(lines: list[str], dates: list[tuple[int, FoundDate]], title_at: int | None) -> int | None:
    """The publish date line: the first after the headline (a date above the headline is often the
    site's "today" banner), a publication date before an update date.

    >>> lines = ["الاثنين 27 تموز 2021", "عنوان الخبر هنا اليوم", "آخر تحديث: 27 تموز 2021", "نشر في 26 تموز 2021"]
    >>> _choose_date_line(lines, [(i, d) for i, ln in enumerate(lines) if (d := parse_date_line(ln))], 1)
    3
    """
    if not dates:
        return None
    after = [i for i, _ in dates if title_at is None or i > title_at]
    pool = after or [i for i, _ in dates]
    published = [i for i in pool if not _UPDATE.search(lines[i])]
    return (published or pool)[0]


def _join_time_line(fields: PageFields, lines: list[str], kinds: list[str], chosen: set[int], date_at: int) -> None:
    """A time of day printed on the line right after (or before) the date line completes the date."""
    for j in (date_at + 1, date_at - 1):
        if 0 <= j < len(lines) and kinds[j] == "content" and (clock := parse_time_line(lines[j])) is not None:
            hour, minute, second, zone, time_raw = clock
            assert fields.published is not None
            fields.published = fields.published.replace(hour=hour, minute=minute, second=second,
                                                        tzinfo=zone or fields.published.tzinfo)
            date_raw = fields.published_raw or ""
            fields.published_raw = f"{date_raw} {time_raw}" if j > date_at else f"{time_raw} {date_raw}"
            kinds[j] = "date"
            chosen.add(j)
            return


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
    dates: list[tuple[int, FoundDate]] = []
    for i, line in enumerate(lines):
        kind = "content"
        date = parse_date_line(line)
        if date is not None:
            kind = "date"
            dates.append((i, date))
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

    title_at = _find_headline(lines, kinds)
    date_at = _choose_date_line(lines, dates, title_at)
    if date_at is not None:
        found = dict(dates)[date_at]
        fields.published, fields.published_raw = found.value, found.raw
        chosen.add(date_at)
        if not found.has_time:
            _join_time_line(fields, lines, kinds, chosen, date_at)
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
    while body and is_trailing_chrome(body[-1]):
        chrome.append(body.pop())
    chrome_set = set(chrome)
    boilerplate.extend(j for j in candidates if lines[j] in chrome_set)
    fields.paragraphs = body
    fields.boilerplate = [lines[j] for j in sorted(set(boilerplate))]
    fields.outlet, fields.outlet_evidence = find_outlet(body, url=url, hint=hint)
    return fields
