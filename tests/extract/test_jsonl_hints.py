"""JSON Lines records: hints (title/text/date/src/cat/author/url) become the Article directly."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from rasd.errors import EmptyPage, NotAnArticle
from rasd.extract import extract_article
from rasd.ingest import RawPage, Rejected, iter_raw_pages

BODY = ("دبي، الإمارات العربية المتحدة (CNN) -- أعلنت شركة للطيران اليوم عن خطة لتوسيع أسطولها.\n"
        "وقالت الشركة في بيان إنها ستضيف عشر طائرات جديدة خلال العامين المقبلين لخدمة وجهات في آسيا وأفريقيا.\n"
        "اقرأ أيضا:\n"
        "عنوان خبر آخر\n")


def _write(tmp_path: Path, records: list[dict[str, object]], *, gz: bool) -> Path:
    path = tmp_path / ("feed.jsonl.gz" if gz else "feed.data")
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    path.write_bytes(gzip.compress(lines) if gz else lines)
    return path


@pytest.mark.parametrize("gz", [False, True])
def test_ant_style_record(tmp_path: Path, gz: bool) -> None:
    record = {"docno": "CN-1", "url": "https://arabic.cnn.com/business/2018/02/13/x", "src": "CNN",
              "cat": "economy", "title": "شركة طيران تخطط لتوسيع أسطولها", "time": "Tue, 13 Feb 2018 10:22:00 +0000",
              "author": "", "abstract": "ملخص", "text": BODY}
    (page,) = list(iter_raw_pages([str(_write(tmp_path, [record], gz=gz))]))
    assert isinstance(page, RawPage) and page.media_type == "application/json"
    article = extract_article(page)
    assert article.title == "شركة طيران تخطط لتوسيع أسطولها"
    assert article.published is not None and article.published.isoformat() == "2018-02-13T10:22:00+00:00"
    assert article.published_raw == "Tue, 13 Feb 2018 10:22:00 +0000"
    assert article.outlet == "CNN بالعربية" and article.outlet_evidence == "source: CNN"
    assert article.category == "economy"
    assert article.url == record["url"]
    assert len(article.paragraphs) == 2
    assert article.boilerplate == ("اقرأ أيضا:", "عنوان خبر آخر")
    assert article.source.endswith("#L1")


def test_bad_lines_and_empty_records(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"title": "\xd8\xae", "text": ""}\n{broken\n[1, 2]\n\n{"title": "x", "text": "short"}\n')
    items = list(iter_raw_pages([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawPage", "Rejected", "Rejected", "RawPage"]
    assert [i.reason for i in items if isinstance(i, Rejected)] == ["bad_json", "bad_json"]
    first, last = items[0], items[-1]
    assert isinstance(first, RawPage) and isinstance(last, RawPage)
    with pytest.raises(EmptyPage):
        extract_article(first)
    with pytest.raises(NotAnArticle):
        extract_article(last)


def test_ant_corpus_sample_reads(shared_data: Path) -> None:
    path = shared_data / "ant-corpus" / "ant-bbc.jsonl.gz"
    read = 0
    for page in iter_raw_pages([str(path)]):
        assert isinstance(page, RawPage)
        article = extract_article(page)
        assert article.published is not None and article.published.tzinfo is not None
        assert article.outlet == "بي بي سي عربي"
        read += 1
        if read == 200:
            break
    assert read == 200


def test_record_with_html_goes_through_the_html_reader(tmp_path: Path, fixtures_dir: Path) -> None:
    html = (fixtures_dir / "pages" / "html_visible_date_only.html").read_text(encoding="utf-8")
    record = {"url": "https://gulf.example/news/1", "html": html, "date": "2020-04-25", "src": "الخليج اليوم"}
    (page,) = list(iter_raw_pages([str(_write(tmp_path, [record], gz=False))]))
    assert isinstance(page, RawPage)
    article = extract_article(page)
    assert article.title == "افتتاح أكبر محطة لتحلية المياه في المنطقة"
    assert article.published is not None and article.published.date().isoformat() == "2020-04-25"  # feed wins
    assert article.outlet == "الخليج اليوم"
    assert article.url == "https://gulf.example/news/1"
    assert article.id == extract_article(page).id


def test_record_without_title_finds_headline_in_text(tmp_path: Path) -> None:
    text = "انفجار يهز وسط العاصمة بغداد\n26/07/2021 12:36 م\n" + BODY
    (page,) = list(iter_raw_pages([str(_write(tmp_path, [{"text": text}], gz=False))], source_hint="rudaw.net"))
    assert isinstance(page, RawPage)
    article = extract_article(page)
    assert article.title == "انفجار يهز وسط العاصمة بغداد"
    assert article.published is not None and article.published.isoformat() == "2021-07-26T12:36:00"
    assert article.outlet == "روداو"
