"""Bytes to text for Arabic pages: BOM, declared charset, HTML meta charset, strict UTF-8, then guessing.

Order (most reliable first)::

    1. byte-order mark            EF BB BF → utf-8, FF FE / FE FF → utf-16 (and UTF-16 without BOM)
    2. declared charset           HTTP ``Content-Type``, WARC header, caller
    3. HTML ``<meta charset>``    only for HTML (``media_type`` containing "html")
    4. strict UTF-8               most of the web
    5. charset-normalizer         with a bias to Arabic code pages (cp1256, iso-8859-6)

One exception to that order: bytes that are valid UTF-8 *and* contain multi-byte sequences are UTF-8
whatever a header or meta tag claims (stale ``windows-1256`` declarations on re-encoded pages are
common; valid multi-byte UTF-8 by accident is not).

The result must look like text: binary (many NUL / control bytes) or text with no letters at all raises
`rasd.errors.DecodeError` with a message that says which.

>>> decode_bytes("عاجل".encode("cp1256"))
'عاجل'
"""

from __future__ import annotations

import codecs
import logging
import re

from rasd.errors import DecodeError

__all__ = ["decode_bytes", "find_meta_charset", "normalize_charset"]

LOG = logging.getLogger(__name__)

#: Code pages tried first when guessing: Arabic pages that are not UTF-8 are nearly always one of these.
ARABIC_CODEPAGES = ("cp1256", "iso8859_6")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LETTER = re.compile(r"[^\W\d_]")
_ALIASES = {"windows-1256": "cp1256", "x-user-defined": "cp1252", "arabic": "iso8859_6", "iso-8859-6-i": "iso8859_6"}


def normalize_charset(name: str | None) -> str | None:
    """A Python codec name for a declared charset, or None when unknown.

    >>> normalize_charset("Windows-1256"), normalize_charset("ISO-8859-6"), normalize_charset("bogus")
    ('cp1256', 'iso8859-6', None)
    """
    if not name:
        return None
    key = name.strip().strip("\"'").lower()
    key = _ALIASES.get(key, key)
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


def find_meta_charset(head: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (``<meta charset=...>`` or http-equiv)."""
    m = _META_CHARSET.search(head[:4096])
    return normalize_charset(m.group(1).decode("ascii", "replace")) if m else None


def _sniff_bom(data: bytes) -> tuple[str, int] | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16", 0  # the utf-16 codec reads and drops the BOM itself
    return None


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: every other byte NUL in ASCII-heavy text, or the 0x06 Arabic high byte."""
    sample = data[:2000]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        share = sum(1 for b in high if b in (0, 6)) / max(1, len(high))
        if share > 0.9 and low.count(0) < len(low) * 0.1:
            return codec
    return None


def _check_text(text: str, how: str) -> str:
    if not text.strip():
        raise DecodeError(f"no text after decoding as {how} (only whitespace)")
    sample = text[:20000]
    controls = len(_CONTROL.findall(sample))
    if controls > max(4, len(sample) // 50):
        raise DecodeError(f"binary data: {controls} control characters in the first {len(sample)} (decoded as {how})")
    if not _LETTER.search(sample) and not _LETTER.search(text):
        raise DecodeError(f"text decoded as {how} contains no letters at all")
    return text


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best guess, preferring Arabic code pages when they decode cleanly."""
    from charset_normalizer import from_bytes

    results = from_bytes(data[:200_000], cp_isolation=None, preemptive_behaviour=True)
    best = results.best()
    candidates: list[str] = []
    for match in results:
        if match.encoding in ("cp1256", "iso8859_6") and "Arabic" in match.languages:
            candidates.append(match.encoding)
    if best is not None:
        candidates.append(best.encoding)
    candidates.extend(ARABIC_CODEPAGES)
    for codec in candidates:
        text = _try(data, codec)
        if text is not None and _arabic_share(text) > 0.2:
            return text, codec
    if best is not None:
        text = _try(data, best.encoding)
        if text is not None:
            return text, best.encoding
    return None


def _arabic_share(text: str) -> float:
    sample = text[:5000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff") / len(letters)


def decode_bytes(data: bytes, declared: str | None = None, media_type: str | None = None) -> str:
    """Decode a page's bytes to text (see the module docstring for the order).

    >>> decode_bytes(b"\\xef\\xbb\\xbf" + "خبر".encode())
    'خبر'
    >>> decode_bytes('<meta charset="iso-8859-6"><p>خبر'.encode("iso-8859-6"), media_type="text/html")[-3:]
    'خبر'
    """
    if not data:
        raise DecodeError("empty input: 0 bytes")
    bom = _sniff_bom(data)
    if bom is not None:
        codec, skip = bom
        bom_text = _try(data[skip:], codec)
        if bom_text is None:
            raise DecodeError(f"bytes start with a {codec} byte-order mark but do not decode as {codec}")
        return _check_text(bom_text, codec + " (BOM)")
    utf16 = _looks_utf16(data)
    if utf16 is not None:
        utf16_text = _try(data, utf16)
        if utf16_text is not None:
            return _check_text(utf16_text, utf16)
    if data.count(0) > max(4, len(data) // 100):
        raise DecodeError(f"binary data: {data.count(0)} NUL bytes in {len(data)}")
    as_utf8 = _try(data, "utf-8")
    if as_utf8 is not None and not data.isascii():
        # Valid multi-byte UTF-8 is (nearly) never an accident, whereas stale declarations are common:
        # a page saying windows-1256 whose bytes are valid UTF-8 Arabic is UTF-8.
        return _check_text(as_utf8, "utf-8")
    tried: list[str] = []
    charsets = (normalize_charset(declared),
                find_meta_charset(data) if media_type and "html" in media_type else None)
    for charset in charsets:
        if charset and charset not in tried:
            tried.append(charset)
            declared_text = _try(data, charset)
            if declared_text is not None:
                return _check_text(declared_text, f"declared {charset}")
            LOG.debug("declared charset %s does not decode; guessing", charset)
    if as_utf8 is not None:
        return _check_text(as_utf8, "utf-8")
    guess = _guess(data)
    if guess is None:
        raise DecodeError("undecodable: not UTF-8 and no known charset fits the bytes")
    return _check_text(guess[0], guess[1])
