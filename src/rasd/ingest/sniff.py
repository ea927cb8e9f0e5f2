"""Decide what a stream holds from its first bytes, not from its file name.

>>> sniff_kind(b"WARC/1.0\\r\\nWARC-Type: response")
'warc'
>>> sniff_kind(b'{"title": "\\xd8\\xae\\xd8\\xa8\\xd8\\xb1"}\\n')
'jsonl'
>>> sniff_kind(b"<!DOCTYPE html><html lang='ar'>")
'html'
>>> sniff_kind("بيان من التحالف الدولي".encode())
'text'
"""

from __future__ import annotations

import json
import re

__all__ = ["GZIP_MAGIC", "is_gzip", "sniff_kind", "sniff_media_type"]

GZIP_MAGIC = b"\x1f\x8b"
_HTML_MARKERS = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<div[\s>]|<p[\s>]|<article[\s>]|<br\s*/?>"
    rb"|<script[\s>]|<style[\s>]|<link\s|<table[\s>]|<span[\s>]|<a\s+href|<h[1-6][\s>]",
    re.I,
)


def is_gzip(head: bytes) -> bool:
    return head.startswith(GZIP_MAGIC)


def _ascii_view(head: bytes) -> bytes:
    """Strip a BOM and, for UTF-16, the NUL bytes, so markers can be searched as ASCII."""
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[:200].count(0) > len(head[:200]) // 3:
        return head.replace(b"\x00", b"")
    return head


def sniff_kind(head: bytes) -> str:
    """One of ``warc``, ``jsonl``, ``html``, ``text`` for the (already un-gzipped) first bytes."""
    view = _ascii_view(head).lstrip()
    if view.startswith(b"WARC/"):
        return "warc"
    if view.startswith(b"{"):
        first = view.split(b"\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            # a truncated first line (longer than the sniffed head) still counts as JSON Lines
            if b"\n" not in view and b'":' in first[:200]:
                return "jsonl"
    if _HTML_MARKERS.search(view[:4096]):
        return "html"
    return "text"


def sniff_media_type(head: bytes) -> str:
    """The media type of a single page: ``text/html`` or ``text/plain``."""
    return "text/html" if sniff_kind(head) == "html" else "text/plain"
