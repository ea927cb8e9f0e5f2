"""Page metadata from one parsed HTML tree: meta tags (OpenGraph, article:*, itemprop, Dublin Core)
and JSON-LD (``datePublished``, ``headline``, ``publisher.name``, ``articleSection``, ``author``).

Order of trust for the publish date: meta tags, then JSON-LD, then ``itemprop="datePublished"`` /
``<time pubdate>`` elements in the markup.  Every selector is in this module; `read_html_meta` runs them once on a tree shared with trafilatura
and htmldate.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

__all__ = ["HtmlMeta", "read_html_meta"]

LOG = logging.getLogger(__name__)

#: meta keys (name / property / itemprop, lower-cased) that carry the publish date, most reliable first.
PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "pubdate", "publishdate", "publish-date", "publish_date", "article.published", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dcterms.created", "dc.date", "date", "original-publish-date",
)
TITLE_KEYS = ("og:title", "twitter:title", "title")
SITE_KEYS = ("og:site_name", "application-name", "al:android:app_name")
SECTION_KEYS = ("article:section", "section", "category")
AUTHOR_KEYS = ("author", "article:author", "dc.creator")
ARTICLE_TYPES = frozenset({"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                           "webpage", "report", "liveblogposting"})


@dataclass
class HtmlMeta:
    published: list[tuple[str, str]] = field(default_factory=list)  # (where, raw value) in trust order
    markup_published: list[tuple[str, str]] = field(default_factory=list)  # itemprop / <time pubdate>
    title: str | None = None
    site_name: str | None = None
    section: str | None = None
    author: str | None = None
    headline_ld: str | None = None
    publisher_ld: str | None = None


def _meta_pairs(tree: HtmlElement) -> Iterator[tuple[str, str]]:
    for el in tree.iterfind(".//meta"):
        content = el.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop"):
            key = el.get(attr)
            if key:
                yield key.strip().lower(), content.strip()


def _ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = script.text_content() if hasattr(script, "text_content") else (script.text or "")
        if not raw or not raw.strip():
            continue
        try:
            data = json.loads(raw.strip())
        except ValueError:
            LOG.debug("skipping unparsable JSON-LD block")
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.extend(item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]])
                yield item


def _name_of(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list) and value:
        return _name_of(value[0])
    if isinstance(value, dict):
        return _name_of(value.get("name"))
    return None


def _types(item: dict[str, Any]) -> set[str]:
    t = item.get("@type")
    values = t if isinstance(t, list) else [t]
    return {str(v).lower() for v in values if v}


def read_html_meta(tree: HtmlElement) -> HtmlMeta:
    """Metadata of a page, without touching its text nodes."""
    meta = HtmlMeta()
    pairs: dict[str, str] = {}
    for key, value in _meta_pairs(tree):
        pairs.setdefault(key, value)
    for key in PUBLISHED_KEYS:
        if key in pairs:
            meta.published.append((f"meta {key}", pairs[key]))
    meta.title = next((pairs[k] for k in TITLE_KEYS if k in pairs), None)
    meta.site_name = next((pairs[k] for k in SITE_KEYS if k in pairs), None)
    meta.section = next((pairs[k] for k in SECTION_KEYS if k in pairs), None)
    author = next((pairs[k] for k in AUTHOR_KEYS if k in pairs), None)
    meta.author = author if author and "://" not in author else None
    for el in tree.xpath('//*[@itemprop="datePublished"][@datetime or @content] | //time[@pubdate][@datetime]'):
        value = el.get("datetime") or el.get("content")
        if value and value.strip() and el.tag != "meta":
            meta.markup_published.append((f"markup <{el.tag}>", value.strip()))
    for item in _ld_objects(tree):
        if not (_types(item) & ARTICLE_TYPES):
            continue
        for key in ("datePublished", "dateCreated"):
            date_value = item.get(key)
            if isinstance(date_value, str) and date_value.strip():
                meta.published.append((f"json-ld {key}", date_value.strip()))
        if meta.headline_ld is None:
            meta.headline_ld = _name_of(item.get("headline"))
        if meta.publisher_ld is None:
            meta.publisher_ld = _name_of(item.get("publisher"))
        if meta.section is None:
            meta.section = _name_of(item.get("articleSection"))
        if meta.author is None:
            meta.author = _name_of(item.get("author"))
    return meta
