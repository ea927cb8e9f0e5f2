"""`extract_article`: RawPage → Article, dispatching on what the container and the bytes say.

::

    RawPage ─┬─ JSON hints with text ──▶ hinted fields (title/text/date/src/cat/author/url)
             ├─ JSON hints with html ──▶ HTML reader, hints override what the page says
             ├─ text/html (or sniffed) ─▶ HTML reader (trafilatura + htmldate + meta + JSON-LD)
             └─ anything else ─────────▶ scraped-text reader
            ──▶ checks: not too large, body left after boilerplate, Arabic, enough words
            ──▶ Article.build (id = hash of canonical URL, else of content)

Rejections raise `rasd.errors.RejectedPage` subclasses with a message saying what was wrong.
"""

from __future__ import annotations

import re

from rasd.document import Article
from rasd.errors import EmptyPage, NotAnArticle, TooLarge
from rasd.extract.boilerplate import clean_paragraphs
from rasd.extract.dates import parse_date_value
from rasd.extract.fields import PageFields
from rasd.extract.html_page import read_html_page
from rasd.extract.outlet import find_outlet
from rasd.extract.text_page import read_text_page
from rasd.ingest.decode import decode_bytes
from rasd.ingest.rawpage import RawPage
from rasd.ingest.sniff import sniff_media_type

__all__ = ["MIN_BODY_WORDS", "MIN_HINTED_BODY_WORDS", "extract_article"]

#: Fewer body words than this and a page is not an article (index page, caption, error page).
MIN_BODY_WORDS = 20
#: Container-supplied bodies (JSONL ``text``) were already cut out by the publisher's export, so
#: short wire items and video captions count; calibrated on ANT: 20 would reject 176 of 31,525 records
#: that are real one-sentence news items, 8 rejects only empty or headline-only records.
MIN_HINTED_BODY_WORDS = 8
DEFAULT_MAX_BYTES = 20_000_000
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
#: Below this share of Arabic among Arabic + Latin letters (first `_SCRIPT_SAMPLE` characters of the
#: body) a page is not an Arabic article (an English README, a Latin-script page with an Arabic name).
MIN_ARABIC_SHARE = 0.5
_SCRIPT_SAMPLE = 2000


def _read_hinted(raw: RawPage) -> PageFields:
    hints = raw.hints
    fields = PageFields(url=hints.get("url") or raw.url)
    text = hints.get("text", "")
    title = hints.get("title", "").strip()
    if title:
        fields.title = " ".join(title.split())
        fields.paragraphs, fields.boilerplate = clean_paragraphs(text.split("\n"))
    else:
        page = read_text_page(text, url=fields.url, hint=hints.get("src"))
        page.category, page.author = hints.get("cat"), hints.get("author")
        fields = page
    date_raw = hints.get("date")
    if date_raw and (found := parse_date_value(date_raw)) is not None:
        fields.published, fields.published_raw = found.value, date_raw.strip()
    if fields.outlet is None:
        fields.outlet, fields.outlet_evidence = find_outlet(fields.paragraphs, url=fields.url, hint=hints.get("src"))
    fields.category = hints.get("cat") or fields.category
    fields.author = hints.get("author") or fields.author
    return fields


def _apply_hints(fields: PageFields, raw: RawPage) -> None:
    """Container fields win over what the page itself says (they come from the publisher's feed)."""
    hints = raw.hints
    if hints.get("title"):
        fields.title = " ".join(hints["title"].split())
    if hints.get("date") and (found := parse_date_value(hints["date"])) is not None:
        fields.published, fields.published_raw = found.value, hints["date"].strip()
    fields.category = hints.get("cat") or fields.category
    fields.author = hints.get("author") or fields.author


def _read_fields(raw: RawPage) -> PageFields:
    hints = raw.hints
    url = hints.get("url") or raw.url
    if "text" in hints:
        return _read_hinted(raw)
    if "html" in hints:
        fields = read_html_page(hints["html"], url=url, hint=hints.get("src"))
        _apply_hints(fields, raw)
        return fields
    if raw.media_type == "application/json":
        raise EmptyPage("JSON record has neither a 'text' nor an 'html' field")
    media_type = raw.media_type
    if media_type not in ("text/html", "text/plain", "application/xhtml+xml"):
        media_type = sniff_media_type(raw.data[:4096])
    text = decode_bytes(raw.data, raw.encoding, media_type)
    if "html" in media_type:
        fields = read_html_page(text, url=url, hint=hints.get("src"))
    else:
        fields = read_text_page(text, url=url, hint=hints.get("src"))
    _apply_hints(fields, raw)
    return fields


def _check_body(fields: PageFields, min_words: int) -> None:
    if not fields.paragraphs:
        raise EmptyPage(f"no body text left after removing {len(fields.boilerplate)} boilerplate lines")
    words = sum(len(p.split()) for p in fields.paragraphs)
    sample = "\n".join(fields.paragraphs)[:_SCRIPT_SAMPLE]
    arabic = len(_ARABIC_LETTER.findall(sample))
    if not arabic:
        raise NotAnArticle(f"no Arabic letters in the body ({words} words)")
    latin = len(_LATIN_LETTER.findall(sample))
    if arabic < MIN_ARABIC_SHARE * (arabic + latin):
        raise NotAnArticle(f"mostly non-Arabic text: {100 * arabic // (arabic + latin)}% of the letters are Arabic")
    if words < min_words:
        raise NotAnArticle(f"body too short for an article: {words} words (minimum {min_words})")


def extract_article(
    raw: RawPage, *, max_bytes: int = DEFAULT_MAX_BYTES, min_words: int | None = None
) -> Article:
    """Read one page into an `Article` (headline, publish time, views, outlet, body, boilerplate).

    >>> page = RawPage("عاجل:\\nانفجار يهز وسط بغداد\\n26/07/2021 12:36 م\\n".encode()
    ...                + ("قال مسؤولون إن انفجارا وقع في سوق شعبي وسط العاصمة. " * 4).encode(), "demo.txt",
    ...                media_type="text/plain")
    >>> a = extract_article(page)
    >>> a.title, a.published.isoformat(), a.boilerplate
    ('انفجار يهز وسط بغداد', '2021-07-26T12:36:00', ('عاجل:',))
    """
    if len(raw.data) > max_bytes:
        raise TooLarge(f"page is {len(raw.data)} bytes, over the {max_bytes}-byte limit")
    fields = _read_fields(raw)
    hinted = "text" in raw.hints
    _check_body(fields, min_words if min_words is not None else (MIN_HINTED_BODY_WORDS if hinted else MIN_BODY_WORDS))
    return Article.build(
        fields.title,
        fields.paragraphs,
        url=fields.url,
        outlet=fields.outlet,
        outlet_evidence=fields.outlet_evidence,
        published=fields.published,
        published_raw=fields.published_raw,
        views=fields.views,
        views_raw=fields.views_raw,
        category=fields.category,
        author=fields.author,
        source=raw.source,
        fetched_at=raw.fetched_at,
        boilerplate=tuple(fields.boilerplate),
    )
