"""Paths in, `RawPage`s out: files, directories, globs and stdin, sniffed by content.

::

    path ──expand──▶ files (directories recursive, sorted; globs sorted; "-" = stdin)
         ──sniff───▶ gzip? then WARC | JSON Lines | HTML | JSON document | plain text
                     (by content, not by extension)
         ──read────▶ RawPage … | Rejected (unreadable file, bad gzip, bad JSON line, too large)

Everything streams: a WARC or JSONL file is read one record at a time.

>>> import io, gzip, tempfile, os
>>> d = tempfile.mkdtemp()
>>> with gzip.open(os.path.join(d, "a.jsonl.gz"), "wt", encoding="utf-8") as f:
...     _ = f.write('{"title": "عاجل", "text": "نص"}\\nnot json\\n')
>>> [type(p).__name__ for p in iter_raw_pages([d])]
['RawPage', 'Rejected']
"""

from __future__ import annotations

import glob
import gzip
import io
import logging
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from typing import IO

from rasd.errors import InputError
from rasd.ingest.containers import Rejected, iter_json_document, iter_jsonl_pages, iter_warc_pages
from rasd.ingest.rawpage import RawPage
from rasd.ingest.sniff import is_gzip, sniff_kind

__all__ = ["Rejected", "expand_paths", "iter_raw_pages", "read_stream"]

LOG = logging.getLogger(__name__)
_HEAD = 65536
STDIN = "-"


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files to read, in a deterministic order; raises `InputError` for a path that matches nothing.

    Directories are walked recursively (sorted, hidden entries skipped); globs are expanded sorted.
    """
    out: list[str] = []
    for path in paths:
        if path == STDIN:
            out.append(STDIN)
        elif os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out.extend(os.path.join(root, f) for f in sorted(files) if not f.startswith("."))
        elif os.path.exists(path):
            out.append(path)
        elif glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                raise InputError(f"no file matches {path!r}")
            out.extend(expand_paths(matches))
        else:
            raise InputError(f"no such file or directory: {path!r}")
    return out


def iter_raw_pages(
    paths: Iterable[str], *, source_hint: str | None = None, max_bytes: int = 20_000_000
) -> Iterator[RawPage | Rejected]:
    """Every page in ``paths`` as a `RawPage`, or a `Rejected` for what could not be read.

    Paths are checked at call time (`InputError` for a missing one); reading is lazy.
    ``source_hint`` (an outlet name) goes into ``hints["src"]`` unless a record has its own.
    """
    files = expand_paths(paths)
    return _iter_files(files, source_hint=source_hint, max_bytes=max_bytes)


def _iter_files(files: list[str], *, source_hint: str | None, max_bytes: int) -> Iterator[RawPage | Rejected]:
    for path in files:
        if path == STDIN:
            yield from read_stream(sys.stdin.buffer, STDIN, source_hint=source_hint, max_bytes=max_bytes)
            continue
        try:
            handle = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
        except OSError as exc:
            yield Rejected(path, "unreadable", f"cannot open: {exc.strerror or exc}")
            continue
        with handle:
            yield from read_stream(handle, path, source_hint=source_hint, max_bytes=max_bytes)


def read_stream(
    raw: IO[bytes], source: str, *, source_hint: str | None = None, max_bytes: int = 20_000_000
) -> Iterator[RawPage | Rejected]:
    """Sniff one byte stream and read it as a container or a single page."""
    stream: io.BufferedReader = (
        raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw, buffer_size=_HEAD)  # type: ignore[arg-type]
    )
    try:
        head = stream.peek(_HEAD)[:_HEAD]
    except OSError as exc:
        yield Rejected(source, "unreadable", f"cannot read: {exc}")
        return
    gzipped = is_gzip(head)
    inner = head
    if gzipped:
        try:
            inner = zlib.decompressobj(wbits=31).decompress(head, 8192)
        except zlib.error as exc:
            yield Rejected(source, "bad_gzip", f"gzip header or data is corrupt: {exc}", head[:4096])
            return
    kind = sniff_kind(inner)
    if kind == "warc":
        yield from iter_warc_pages(stream, source, max_bytes=max_bytes, source_hint=source_hint)
        return
    body: IO[bytes] = gzip.GzipFile(fileobj=stream) if gzipped else stream  # type: ignore[assignment]
    try:
        if kind == "jsonl":
            yield from iter_jsonl_pages(body, source, max_bytes=max_bytes, source_hint=source_hint)
            return
        data = body.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        reason = "bad_gzip" if gzipped else "unreadable"
        yield Rejected(source, reason, f"read failed: {exc}")
        return
    if len(data) > max_bytes:
        yield Rejected(source, "too_large", f"page larger than {max_bytes} bytes")
        return
    if kind == "text":
        records = iter_json_document(data, source, source_hint=source_hint)  # a pretty-printed JSON file
        if records is not None:
            yield from records
            return
    hints = {"src": source_hint} if source_hint else {}
    media_type = "text/html" if kind == "html" else "text/plain"
    yield RawPage(data, source, media_type=media_type, hints=hints)
