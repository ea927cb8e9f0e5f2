"""Readers for multi-page containers: WARC (plain or gzipped) and JSON Lines (plain or gzipped).

Both stream: one record or line is in memory at a time, never a whole file.
"""

from __future__ import annotations

import json
import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any

from rasd.ingest.decode import normalize_charset
from rasd.ingest.rawpage import RawPage
from rasd.ingest.sniff import sniff_kind

__all__ = [
    "JSON_FIELDS", "Rejected", "hints_from_record", "iter_json_document", "iter_jsonl_pages", "iter_warc_pages",
    "page_from_record",
]

LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rejected:
    """Something that failed before a `RawPage` existed (unreadable file, bad gzip, bad JSON line).

    ``reason`` is a short code (``unreadable``, ``bad_gzip``, ``bad_json``, ``bad_warc``, ``too_large``,
    ``http_status``), ``detail`` a message a user can act on, ``data`` the offending bytes when small.
    """

    source: str
    reason: str
    detail: str
    data: bytes | None = None


#: JSON field → hint name.  ANT uses ``docno,url,src,cat,title,time,author,abstract,text``.
JSON_FIELDS = {
    "title": "title", "headline": "title",
    "text": "text", "body": "text", "content": "text",
    "html": "html", "raw_html": "html",
    "url": "url", "link": "url",
    "date": "date", "time": "date", "published": "date", "published_at": "date",
    "pubdate": "date", "datePublished": "date",
    "src": "src", "source": "src", "outlet": "src", "site": "src",
    "cat": "cat", "category": "cat", "section": "cat",
    "author": "author", "abstract": "abstract", "docno": "docno", "id": "docno",
}


def hints_from_record(record: dict[str, Any]) -> dict[str, str]:
    """Hints from one JSON object: known fields only, strings (lists of strings joined by newlines).

    >>> hints_from_record({"headline": "عاجل", "body": ["فقرة", "أخرى"], "views": 3})
    {'title': 'عاجل', 'text': 'فقرة\\nأخرى'}
    """
    hints: dict[str, str] = {}
    for key, value in record.items():
        name = JSON_FIELDS.get(key)
        if name is None or name in hints:
            continue
        if isinstance(value, str):
            text = value
        elif isinstance(value, int | float) and not isinstance(value, bool):
            text = str(value)
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            text = "\n".join(value)
        else:
            continue
        if text.strip():
            hints[name] = text
    return hints


def _skip_rest_of_line(stream: IO[bytes]) -> None:
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def iter_jsonl_pages(
    stream: IO[bytes], source: str, *, max_bytes: int, source_hint: str | None = None
) -> Iterator[RawPage | Rejected]:
    """One `RawPage` per JSON line (``media_type="application/json"``, fields in ``hints``)."""
    lineno = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        where = f"{source}#L{lineno}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield Rejected(where, "too_large", f"JSON line longer than {max_bytes} bytes")
            continue
        line = line.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield Rejected(where, "bad_json", f"line is not valid JSON: {exc}", line[:4096])
            continue
        if not isinstance(record, dict):
            yield Rejected(where, "bad_json", f"line is JSON {type(record).__name__}, not an object", line[:4096])
            continue
        yield page_from_record(record, line, where, source_hint=source_hint)


def page_from_record(record: dict[str, Any], data: bytes, where: str, *, source_hint: str | None = None) -> RawPage:
    """A `RawPage` for one JSON object (``data`` is its raw bytes, kept for the archive)."""
    hints = hints_from_record(record)
    if source_hint and "src" not in hints:
        hints["src"] = source_hint
    return RawPage(data, where, url=hints.get("url"), media_type="application/json", encoding="utf-8", hints=hints)


def iter_json_document(data: bytes, source: str, *, source_hint: str | None = None) -> Iterator[RawPage] | None:
    """Pages of a whole JSON document (one object, or a list of objects), or None when it is not one."""
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped.startswith((b"{", b"[")):
        return None
    try:
        doc = json.loads(stripped)
    except ValueError:
        return None
    if isinstance(doc, dict):
        return iter([page_from_record(doc, data, source, source_hint=source_hint)])
    if isinstance(doc, list) and doc and all(isinstance(r, dict) for r in doc):
        return iter([page_from_record(r, json.dumps(r, ensure_ascii=False).encode("utf-8"), f"{source}#{i}",
                                      source_hint=source_hint) for i, r in enumerate(doc)])
    return None


def _parse_warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def _charset_of(content_type: str | None) -> str | None:
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return normalize_charset(value)
    return None


def iter_warc_pages(
    stream: IO[bytes], source: str, *, max_bytes: int, source_hint: str | None = None
) -> Iterator[RawPage | Rejected]:
    """Every HTML ``response`` (or ``resource``) record becomes a `RawPage` with URL and fetch date."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    hints = {"src": source_hint} if source_hint else {}
    records = ArchiveIterator(stream)
    try:
        for record in records:
            if record.rec_type not in ("response", "resource"):
                continue
            if record.http_headers is not None:
                content_type = record.http_headers.get_header("Content-Type")
                status = record.http_headers.get_statuscode()
            else:
                content_type = record.rec_headers.get_header("Content-Type")
                status = None
            url = record.rec_headers.get_header("WARC-Target-URI")
            if content_type and "html" not in content_type.lower():
                continue  # images, scripts, feeds: not pages
            payload = record.content_stream().read(max_bytes + 1)
            where = f"{source}#{records.get_record_offset()}"
            if len(payload) > max_bytes:
                yield Rejected(where, "too_large", f"WARC record payload larger than {max_bytes} bytes")
                continue
            if not content_type and sniff_kind(payload[:4096]) != "html":
                continue
            if status and not str(status).startswith("2"):
                yield Rejected(where, "http_status", f"HTTP {status} for {url}")
                continue
            yield RawPage(payload, where, url=url,
                          fetched_at=_parse_warc_date(record.rec_headers.get_header("WARC-Date")),
                          media_type="text/html", encoding=_charset_of(content_type), hints=dict(hints))
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as exc:
        yield Rejected(source, "bad_warc", f"WARC stream broken: {exc}")
