"""Content sniffing: the bytes decide, not the file name."""

from __future__ import annotations

import pytest

from rasd.ingest.sniff import sniff_kind

CASES = [
    (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
    (b'{"title": "x", "text": "y"}\n{"title": "z"}\n', "jsonl"),
    (b'{"title": "' + b"x" * 70000, "jsonl"),  # first line longer than the sniffed head
    (b"\xef\xbb\xbf<!DOCTYPE html><html>", "html"),
    ("<html><body>خبر</body></html>".encode("utf-16-le"), "html"),
    (b"<script>var x = 1;</script>", "html"),
    ("عناوين:\nبيان من التحالف".encode(), "text"),
    ("النتيجة 3 < 5 و 7 > 2".encode(), "text"),
    (b'{"broken": \n', "text"),
    (b"", "text"),
]


@pytest.mark.parametrize(("head", "kind"), CASES)
def test_sniff_kind(head: bytes, kind: str) -> None:
    assert sniff_kind(head) == kind
