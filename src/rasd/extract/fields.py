"""`PageFields`: what a reader found on a page, before it becomes an `Article`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class PageFields:
    title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    published: datetime | None = None
    published_raw: str | None = None
    views: int | None = None
    views_raw: str | None = None
    outlet: str | None = None
    outlet_evidence: str | None = None
    author: str | None = None
    category: str | None = None
    url: str | None = None
