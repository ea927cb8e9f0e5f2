"""Arbitrary bytes never crash reading: every failure is a Rejected or a RejectedPage with a reason."""

from __future__ import annotations

import gzip
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.errors import RejectedPage
from rasd.extract import extract_article
from rasd.ingest import RawPage, Rejected, iter_raw_pages

PREFIXES = [b"", b"WARC/1.0\r\n", b"{", b'{"text": "', b"<html><body><p>", b"\x1f\x8b", b"\xef\xbb\xbf",
            b"\xff\xfe", "عاجل\n".encode()]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=600), gz=st.booleans())
def test_arbitrary_bytes_never_crash(tmp_path: Path, prefix: bytes, body: bytes, gz: bool) -> None:
    data = prefix + body
    path = tmp_path / "page"
    path.write_bytes(gzip.compress(data) if gz else data)
    for item in iter_raw_pages([str(path)]):
        if isinstance(item, Rejected):
            assert item.reason and item.detail
            continue
        assert isinstance(item, RawPage)
        try:
            article = extract_article(item)
        except RejectedPage as exc:
            assert exc.reason and str(exc)
        else:
            assert article.paragraphs and article.id


ARABIC_ISH = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهوية ٠١٢٣٤٥٦٧٨٩0123456789:/-.،\n<>\"{}مصPMAM")),
                     max_size=800)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ARABIC_ISH, wrap=st.sampled_from(["{}", "<html><body><p>{}</p></body></html>",
                                              '{{"title": "عنوان", "text": {}}}']))
def test_arabic_like_text_never_crashes(tmp_path: Path, text: str, wrap: str) -> None:
    import json

    body = json.dumps(text, ensure_ascii=False) if wrap.startswith('{"') else text
    path = tmp_path / "page"
    path.write_bytes(wrap.format(body).encode("utf-8"))
    for item in iter_raw_pages([str(path)]):
        if isinstance(item, Rejected):
            assert item.reason
            continue
        try:
            article = extract_article(item)
        except RejectedPage as exc:
            assert exc.reason
        else:
            for span in article.paragraphs:
                assert article.text[span.start:span.end].strip()
