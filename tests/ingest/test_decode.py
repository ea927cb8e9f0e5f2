"""decode_bytes over every encoding Arabic pages arrive in."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from rasd.errors import DecodeError
from rasd.ingest import decode_bytes

TEXT = ("عناوین:\nبيان من التحالف الدولي تزامنا مع زيارة رئيس الوزراء\n"
        "أعلن التحالف الدولي، الاثنين، التزامه بدعم القوات الشريكة لمنع عودة التنظيم وتعزيز الاستقرار.\n")
ASCII_FRIENDLY = TEXT.replace("ی", "ي")  # Farsi yeh is not in cp1256 / iso-8859-6


@pytest.mark.parametrize(("encoding", "text", "prefix"), [
    ("utf-8", TEXT, b""),
    ("utf-8", TEXT, codecs.BOM_UTF8),
    ("utf-16", TEXT, b""),  # Python writes the BOM
    ("utf-16-le", TEXT, b""),  # no BOM: sniffed from the byte pattern
    ("cp1256", ASCII_FRIENDLY, b""),
    ("iso-8859-6", ASCII_FRIENDLY, b""),
])
def test_decode_each_encoding(encoding: str, text: str, prefix: bytes) -> None:
    assert decode_bytes(prefix + text.encode(encoding)) == text


@pytest.mark.parametrize(("declared", "encoding"), [("windows-1256", "cp1256"), ("ISO-8859-6", "iso-8859-6")])
def test_declared_charset_wins(declared: str, encoding: str) -> None:
    assert decode_bytes(ASCII_FRIENDLY.encode(encoding), declared) == ASCII_FRIENDLY


@pytest.mark.parametrize("meta", ['<meta charset="windows-1256">',
                                  '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6">'])
def test_html_meta_charset(meta: str) -> None:
    encoding = "cp1256" if "1256" in meta else "iso-8859-6"
    html = f"<html><head>{meta}</head><body><p>{ASCII_FRIENDLY}</p></body></html>"
    assert decode_bytes(html.encode(encoding), media_type="text/html") == html


def test_html_fixture_in_cp1256(fixtures_dir: Path) -> None:
    html = (fixtures_dir / "pages" / "html_visible_date_only.html").read_text(encoding="utf-8")
    assert decode_bytes(html.encode("cp1256"), media_type="text/html") == html


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (b"\x00\x01\x02\x03" * 50, "binary"),
    (bytes(range(1, 9)) * 40, "binary"),
    (b"12345 67890 -- 2021", "no letters"),
    (b"   \n\t  ", "whitespace"),
])
def test_undecodable_raises_with_message(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError, match=message) as info:
        decode_bytes(data)
    assert info.value.reason == "undecodable"


def test_valid_utf8_beats_a_stale_declaration() -> None:
    html = f'<html><head><meta charset="windows-1256"></head><body>{ASCII_FRIENDLY}</body></html>'
    assert decode_bytes(html.encode("utf-8"), "windows-1256", media_type="text/html") == html


def test_declared_utf8_that_is_not_utf8_is_guessed() -> None:
    assert decode_bytes(ASCII_FRIENDLY.encode("cp1256"), "utf-8") == ASCII_FRIENDLY
