"""iter_raw_pages: files, directories, globs, stdin, gzip, WARC (built with warcio), rejects."""

from __future__ import annotations

import gzip
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rasd.errors import InputError
from rasd.extract import extract_article
from rasd.ingest import RawPage, Rejected, iter_raw_pages


def _pages(fixtures_dir: Path) -> Path:
    return fixtures_dir / "pages"


def _write_warc(path: Path, fixtures_dir: Path, *, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = (_pages(fixtures_dir) / "html_jsonld_nav_related.html").read_bytes()
    cp1256 = (_pages(fixtures_dir) / "html_visible_date_only.html").read_text(encoding="utf-8").encode("cp1256")
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for url, body, ctype, status in [
            ("https://example.com/a", html, "text/html; charset=utf-8", "200 OK"),
            ("https://example.com/logo.png", b"\x89PNG....", "image/png", "200 OK"),
            ("https://example.com/b", cp1256, "text/html; charset=windows-1256", "200 OK"),
            ("https://example.com/gone", b"<html><body>not found</body></html>", "text/html", "404 Not Found"),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                               http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2021-07-26T09:36:00Z"})
            writer.write_record(record)


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_become_pages(tmp_path: Path, fixtures_dir: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.bin")  # sniffed, not by extension
    _write_warc(path, fixtures_dir, gz=gz)
    items = list(iter_raw_pages([str(path)]))
    pages = [i for i in items if isinstance(i, RawPage)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert [p.url for p in pages] == ["https://example.com/a", "https://example.com/b"]
    assert [p.encoding for p in pages] == ["utf-8", "cp1256"]
    assert all(p.fetched_at == datetime(2021, 7, 26, 9, 36, tzinfo=UTC) for p in pages)
    assert [r.reason for r in rejected] == ["http_status"]
    articles = [extract_article(p) for p in pages]
    assert articles[1].title == "افتتاح أكبر محطة لتحلية المياه في المنطقة"
    assert articles[0].url == "https://example.com/a" and articles[0].fetched_at is not None
    assert articles[0].id != articles[1].id


def test_directory_walk_is_recursive_and_sorted(tmp_path: Path, fixtures_dir: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    seed = (_pages(fixtures_dir) / "text_egypt_ampm.txt").read_bytes()
    for rel in ("b/2.txt", "a/deep/1.txt", "a/0.txt", ".hidden"):
        (tmp_path / rel).write_bytes(seed)
    sources = [p.source for p in iter_raw_pages([str(tmp_path)]) if isinstance(p, RawPage)]
    assert [Path(s).relative_to(tmp_path).as_posix() for s in sources] == ["a/0.txt", "a/deep/1.txt", "b/2.txt"]


def test_globs_and_sniffing(fixtures_dir: Path) -> None:
    pages = list(iter_raw_pages([str(_pages(fixtures_dir) / "*.html")]))
    assert len(pages) == 2 and all(isinstance(p, RawPage) and p.media_type == "text/html" for p in pages)


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        iter_raw_pages([str(tmp_path / "nope.txt")])
    with pytest.raises(InputError, match="no file matches"):
        iter_raw_pages([str(tmp_path / "*.nothing")])


def test_stdin(monkeypatch: pytest.MonkeyPatch, fixtures_dir: Path) -> None:
    data = gzip.compress((_pages(fixtures_dir) / "text_cnn_dateline.txt").read_bytes())
    fake = io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)))
    monkeypatch.setattr(sys, "stdin", fake)
    (page,) = list(iter_raw_pages(["-"], source_hint="CNN"))
    assert isinstance(page, RawPage) and page.source == "-"
    article = extract_article(page)
    assert article.outlet == "CNN بالعربية" and article.outlet_evidence == "source: CNN"


def test_corrupt_gzip_and_too_large(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00" + b"\xff" * 64)
    big = tmp_path / "big.txt"
    big.write_bytes("خبر ".encode() * 1000)
    items = list(iter_raw_pages([str(bad), str(big)], max_bytes=1000))
    assert all(isinstance(i, Rejected) for i in items)
    assert [i.reason for i in items if isinstance(i, Rejected)] == ["bad_gzip", "too_large"]
    assert all(i.detail for i in items if isinstance(i, Rejected))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1256", "iso-8859-6"])
def test_text_page_in_each_encoding(tmp_path: Path, fixtures_dir: Path, encoding: str) -> None:
    text = (_pages(fixtures_dir) / "text_levant_views_label.txt").read_text(encoding="utf-8")
    if encoding == "iso-8859-6":
        text = text.replace("»", "/")  # not in the ISO code page
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode(encoding))
    (page,) = list(iter_raw_pages([str(path)]))
    assert isinstance(page, RawPage) and page.media_type == "text/plain"
    article = extract_article(page)
    assert article.title == "وزارة الطاقة تعلن خطة جديدة لزيادة ساعات التغذية الكهربائية"
    assert article.views == 1250 and len(article.paragraphs) == 3


def test_pretty_printed_json_document(tmp_path: Path) -> None:
    import json

    records = [{"title": "عنوان أول", "text": "نص"}, {"headline": "عنوان ثان", "body": ["فقرة", "أخرى"]}]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2), encoding="utf-8")
    pages = list(iter_raw_pages([str(path)]))
    assert [p.source.rsplit("#", 1)[1] for p in pages if isinstance(p, RawPage)] == ["0", "1"]
    assert [p.hints["title"] for p in pages if isinstance(p, RawPage)] == ["عنوان أول", "عنوان ثان"]
