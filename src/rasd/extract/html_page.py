"""HTML pages: one lxml tree shared by our metadata reader, trafilatura and (when needed) htmldate.

Cascade::

    tree = load_html(text)                              parsed once
    meta  = read_html_meta(tree)                        meta tags → JSON-LD
    body  = trafilatura.bare_extraction(tree)           main text (trafilatura copies the tree)
          → clean_paragraphs                            our boilerplate filter after trafilatura
    date  = meta/JSON-LD values, most reliable first; the candidate with the site's own UTC offset
            wins over the same instant in UTC; a date without time takes the time of a same-day
            candidate or of a visible Arabic date (``تم نشره الجمعة 24 نيسان 2020 09:22 مساءً``);
            then htmldate on the same tree (fast mode, then extensive search as the last resort)
    views = short visible text nodes with an Arabic counter (``عدد المشاهدات: 3084``)
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from lxml.html import HtmlElement

from rasd.errors import EmptyPage
from rasd.extract.boilerplate import clean_paragraphs, drop_page_furniture
from rasd.extract.dates import FoundDate, find_dates, parse_date_value
from rasd.extract.fields import PageFields
from rasd.extract.html_meta import HtmlMeta, read_html_meta
from rasd.extract.lexicon import line_key
from rasd.extract.outlet import find_outlet
from rasd.extract.views import find_views

__all__ = ["parse_html", "read_html_page"]

LOG = logging.getLogger(__name__)
_HTMLDATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_CUE = re.compile(r"نشر|تاريخ|published|posted", re.I)
_SEPARATORS = re.compile(r"\s+[-|–—:]{1,2}\s+|\s*\|\s*")
_DIGIT = re.compile(r"\d")
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})
MAX_NODE_CHARS = 160


def parse_html(text: str) -> HtmlElement:
    """Parse once (trafilatura's loader: handles XML declarations and broken markup)."""
    from trafilatura.utils import load_html

    tree = load_html(text)
    if tree is None:
        raise EmptyPage("HTML could not be parsed into a document tree", reason="empty")
    return tree


def _short_text_nodes(tree: HtmlElement) -> Iterator[str]:
    body = tree.find("body")
    root = body if body is not None else tree
    for node in root.iter():
        if not isinstance(node.tag, str) or node.tag in _SKIP_TAGS:
            continue
        for piece in (node.text, node.tail if node is not root else None):
            if piece and 4 <= len(piece) <= MAX_NODE_CHARS and _DIGIT.search(piece):
                yield piece.strip()


def _same_moment(a: FoundDate, b: FoundDate) -> bool:
    if (a.value.tzinfo is None) == (b.value.tzinfo is None):
        return a.value == b.value
    return a.value.replace(tzinfo=None) == b.value.replace(tzinfo=None)


def _is_local(d: FoundDate) -> bool:
    off = d.value.utcoffset()
    return off is not None and off.total_seconds() != 0


def _choose(candidates: list[FoundDate]) -> FoundDate | None:
    if not candidates:
        return None
    best = candidates[0]
    for c in candidates[1:]:
        if not _is_local(best) and _is_local(c) and _same_moment(best, c):
            best = c  # the site's own zone says which calendar day it was locally
        elif not best.has_time and c.has_time and c.value.date() == best.value.date():
            best = c
    return best


def _htmldate(tree: HtmlElement, url: str | None, *, extensive: bool) -> FoundDate | None:
    from htmldate import find_date

    try:
        value = find_date(tree, url=url, original_date=True, extensive_search=extensive,
                          outputformat=_HTMLDATE_FORMAT)
    except (ValueError, TypeError) as exc:  # htmldate raises on odd markup
        LOG.debug("htmldate failed: %s", exc)
        return None
    if not value:
        return None
    found = parse_date_value(value)
    if found is None:
        return None
    if found.value.tzinfo is None and value.endswith("T00:00:00"):
        return FoundDate(found.value, 0, 10, value[:10], False)  # htmldate's placeholder time
    return FoundDate(found.value, found.start, found.end, value, True)


def _visible_dates(nodes: list[str]) -> list[tuple[bool, FoundDate]]:
    out: list[tuple[bool, FoundDate]] = []
    for piece in nodes:
        for d in find_dates(piece):
            out.append((bool(_CUE.search(piece)), d))
    return out


def find_published(tree: HtmlElement, meta: HtmlMeta, nodes: list[str], url: str | None) -> FoundDate | None:
    """Publish date and time: meta → JSON-LD → htmldate markup → visible Arabic dates."""
    values = meta.published + meta.markup_published
    candidates = [d for _, raw in values if (d := parse_date_value(raw)) is not None]
    best = _choose(candidates)
    if best is None:
        best = _htmldate(tree, url, extensive=False)
    if best is None or not best.has_time:
        visible = _visible_dates(nodes)
        if best is None:
            ranked = [d for cue, d in visible if cue] + [d for _, d in visible if d.has_time]
            best = ranked[0] if ranked else None
        else:
            day = best.value.date()
            same_day = [d for cue, d in sorted(visible, key=lambda x: not x[0])
                        if d.has_time and d.value.date() == day]
            if same_day:
                best = same_day[0]
    if best is None:
        best = _htmldate(tree, url, extensive=True)
    return best


def _clean_title(title: str, names: list[str]) -> str:
    parts = [p for p in _SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    keys = {line_key(n) for n in names if n}
    kept = [p for p in parts if line_key(p) not in keys and not any(k and k in line_key(p) and
                                                                     len(line_key(p)) - len(k) < 4 for k in keys)]
    if kept and len(kept) < len(parts):
        return title[title.find(kept[0]) : title.rfind(kept[-1]) + len(kept[-1])].strip()
    return title.strip()


def _headings(tree: HtmlElement) -> Iterator[str]:
    for tag in ("h1", "h2", "h3"):
        for h in tree.iterfind(f".//{tag}"):
            text = " ".join(h.text_content().split())
            if len(text.split()) >= 3:
                yield text


def _find_title(tree: HtmlElement, meta: HtmlMeta, names: list[str]) -> str:
    """og:title / JSON-LD headline / <title>, without the site name; a heading inside it wins."""
    title = meta.title or meta.headline_ld
    if title is None:
        node = tree.find(".//title")
        title = node.text_content() if node is not None else ""
    title = " ".join(title.split())
    for heading in _headings(tree):
        if heading != title and heading in title and len(heading) >= 0.4 * len(title):
            return heading
    if not title:
        return next(_headings(tree), "")
    return " ".join(_clean_title(title, names).split())


def read_html_page(text: str, *, url: str | None = None, hint: str | None = None) -> PageFields:
    """Fields of an HTML page (see the module docstring for the cascade)."""
    from trafilatura import bare_extraction

    tree = parse_html(text)
    meta = read_html_meta(tree)
    document = bare_extraction(tree, url=url, with_metadata=False, include_comments=False)
    main_text = getattr(document, "text", None) if document is not None else None
    if not main_text:
        raise EmptyPage("no main text found in the HTML (trafilatura returned nothing)")
    fields = PageFields(url=url)
    names = [n for n in (meta.site_name, meta.publisher_ld) if n]
    fields.outlet, fields.outlet_evidence = find_outlet([], url=url, hint=hint, site_name=meta.site_name or meta.publisher_ld)
    if fields.outlet:
        names.append(fields.outlet)
    fields.title = _find_title(tree, meta, names)
    lines = [ln for ln in main_text.split("\n") if ln.strip()]
    if lines and fields.title and line_key(lines[0]) == line_key(fields.title):
        lines = lines[1:]
    body, chrome = clean_paragraphs(lines)
    fields.paragraphs, furniture = drop_page_furniture(body)
    fields.boilerplate = chrome + furniture
    if fields.outlet is None:
        fields.outlet, fields.outlet_evidence = find_outlet(fields.paragraphs)
    nodes = list(_short_text_nodes(tree))
    published = find_published(tree, meta, nodes, url)
    if published is not None:
        fields.published, fields.published_raw = published.value, published.raw
    for piece in nodes:
        views = find_views(piece) if len(piece) <= 60 else None
        if views is not None:
            fields.views, fields.views_raw = views
            break
    fields.category = meta.section
    fields.author = meta.author
    return fields
