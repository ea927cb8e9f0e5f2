"""The engines compared by search_bench.py: rasd, plain FTS5 unicode61, PostgreSQL ``arabic``, tantivy.

Every engine indexes headline and body as two fields with the headline boosted 5:1, and answers a
query with its top-10 article ids.  Peers get both AND and OR semantics; rasd runs its default
(``auto``: AND, relaxed to OR-ranked when AND fills less than the page) plus plain AND and OR.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from search.queries import Doc

TITLE_BOOST = 5.0


def to_article(doc: Doc, new_id: str | None = None) -> Any:
    from rasd.document import Article

    try:
        published = parsedate_to_datetime(doc.time) if doc.time else None
    except (TypeError, ValueError):
        published = None
    paragraphs = [p for p in doc.text.split("\n") if p.strip()]
    return Article.build(
        doc.title,
        paragraphs,
        url=doc.url or None,
        id=new_id or doc.id,
        outlet=doc.src or None,
        published=published,
        category=doc.cat or None,
    )


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _quote_words(text: str) -> list[str]:
    return ['"' + w.replace('"', '""') + '"' for w in text.split()]


class RasdEngine:
    """rasd through its store: put_articles (which indexes), reindex for the build time."""

    name = "rasd"

    def __init__(self, workdir: Path) -> None:
        from rasd.storage import open_store

        self.path = workdir / "rasd.db"
        self.store = open_store(str(self.path))

    def build(self, docs: Sequence[Doc]) -> dict[str, Any]:
        t0 = time.perf_counter()
        batch = []
        for d in docs:
            batch.append((to_article(d), None))
            if len(batch) >= 1000:
                self.store.put_articles(batch)
                batch = []
        if batch:
            self.store.put_articles(batch)
        ingest_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        n = self.store.reindex()
        index_s = time.perf_counter() - t0
        conn = self.store.connection
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'articles_fts%' OR name LIKE 'headlines_fts%'"
            " OR name = 'search_headlines'"
        ).fetchone()[0]
        return {
            "store_ingest_s": round(ingest_s, 1),
            "index_build_s": round(index_s, 1),
            "indexed": n,
            "index_bytes": int(size),
        }

    def search(self, text: str, semantics: str) -> list[str]:
        from rasd.errors import QueryError
        from rasd.search import parse_query

        try:
            result = self.store.search(parse_query(text, limit=10, semantics=semantics))
        except QueryError:
            return []
        return [h.id for h in result.hits]

    def close(self) -> None:
        self.store.close()


class Fts5PlainEngine:
    """SQLite FTS5 with the stock unicode61 tokenizer over the raw text (the naive baseline)."""

    name = "fts5-unicode61"

    def __init__(self, workdir: Path) -> None:
        self.conn = sqlite3.connect(str(workdir / "plain.db"), isolation_level=None)
        self.conn.execute("CREATE VIRTUAL TABLE f USING fts5(aid UNINDEXED, title, body)")

    def build(self, docs: Sequence[Doc]) -> dict[str, Any]:
        t0 = time.perf_counter()
        self.conn.execute("BEGIN")
        self.conn.executemany(
            "INSERT INTO f(aid, title, body) VALUES (?, ?, ?)", [(d.id, d.title, d.text) for d in docs]
        )
        self.conn.execute("COMMIT")
        self.conn.execute("INSERT INTO f(f) VALUES ('optimize')")
        build_s = time.perf_counter() - t0
        size = self.conn.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'f_%' AND name != 'f_content'"
        ).fetchone()[0]
        return {"index_build_s": round(build_s, 1), "index_bytes": int(size)}

    def search(self, text: str, semantics: str) -> list[str]:
        words = _quote_words(text)
        if not words:
            return []
        match = (" AND " if semantics == "and" else " OR ").join(words)
        rows = self.conn.execute(
            f"SELECT aid FROM f WHERE f MATCH ? ORDER BY bm25(f, 0, {TITLE_BOOST}, 1.0) LIMIT 10", (match,)
        ).fetchall()
        return [r[0] for r in rows]

    def close(self) -> None:
        self.conn.close()


class TantivyEngine:
    """tantivy with its Arabic Snowball stemmer (simple tokenizer, lowercase, stemmer('arabic'))."""

    name = "tantivy-arabic"

    def __init__(self, workdir: Path) -> None:
        import tantivy

        self.tantivy = tantivy
        self.path = workdir / "tantivy"
        self.path.mkdir()
        analyzer = (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.stemmer("arabic"))
            .build()
        )
        sb = tantivy.SchemaBuilder()
        sb.add_text_field("aid", stored=True, tokenizer_name="raw")
        sb.add_text_field("title", tokenizer_name="ar")
        sb.add_text_field("body", tokenizer_name="ar")
        self.index = tantivy.Index(sb.build(), path=str(self.path))
        self.index.register_tokenizer("ar", analyzer)

    def build(self, docs: Sequence[Doc]) -> dict[str, Any]:
        t0 = time.perf_counter()
        writer = self.index.writer(heap_size=256_000_000, num_threads=1)
        for d in docs:
            writer.add_document(self.tantivy.Document(aid=d.id, title=d.title, body=d.text))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        build_s = time.perf_counter() - t0
        self.searcher = self.index.searcher()
        return {"index_build_s": round(build_s, 1), "index_bytes": dir_size(self.path)}

    def search(self, text: str, semantics: str) -> list[str]:
        words = re.sub(r"[^\w\s]", " ", text).split()
        if not words:
            return []
        query = self.index.parse_query(
            " ".join(words),
            ["title", "body"],
            field_boosts={"title": TITLE_BOOST},
            conjunction_by_default=(semantics == "and"),
        )
        hits = self.searcher.search(query, 10).hits
        return [self.searcher.doc(addr)["aid"][0] for _, addr in hits]

    def close(self) -> None:
        pass


class PostgresEngine:
    """PostgreSQL 15 ``arabic`` text search config, GIN index, ts_rank with weights A (title) : D (body) = 5:1.

    Starts a throwaway server as the ``postgres`` user in a temporary directory (unix socket only).
    """

    name = "postgres-arabic"
    BIN = Path("/usr/lib/postgresql/15/bin")

    def __init__(self, workdir: Path) -> None:
        import psycopg

        self.tmp = Path(tempfile.mkdtemp(prefix="rasd-pg-"))
        shutil.chown(self.tmp, "postgres", "postgres")
        os.chmod(self.tmp, 0o700)
        self.data = self.tmp / "data"
        self._as_pg(
            [str(self.BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"]
        )
        port = _free_port()
        self._as_pg(
            [
                str(self.BIN / "pg_ctl"),
                "-D",
                str(self.data),
                "-w",
                "-l",
                str(self.tmp / "log"),
                "-o",
                f"-k {self.tmp} -c listen_addresses='' -p {port} -c shared_buffers=512MB "
                "-c max_wal_size=4GB -c fsync=off -c synchronous_commit=off",
                "start",
            ]
        )
        self.conn = psycopg.connect(
            host=str(self.tmp), port=port, user="postgres", dbname="postgres", autocommit=True
        )
        self.conn.execute("CREATE TABLE docs (aid text primary key, title text, body text, tsv tsvector)")

    def _as_pg(self, cmd: list[str]) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", *cmd], check=True, capture_output=True)

    def build(self, docs: Sequence[Doc]) -> dict[str, Any]:
        t0 = time.perf_counter()
        with self.conn.cursor() as cur, cur.copy("COPY docs (aid, title, body) FROM STDIN") as copy:
            for d in docs:
                copy.write_row((d.id, d.title, d.text))
        self.conn.execute(
            "UPDATE docs SET tsv = setweight(to_tsvector('arabic', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('arabic', coalesce(body, '')), 'D')"
        )
        self.conn.execute("CREATE INDEX docs_tsv ON docs USING gin (tsv)")
        self.conn.execute("VACUUM ANALYZE docs")
        build_s = time.perf_counter() - t0
        size = self.conn.execute(
            "SELECT pg_relation_size('docs_tsv') + (SELECT sum(pg_column_size(tsv)) FROM docs)"
        ).fetchone()[0]
        return {"index_build_s": round(build_s, 1), "index_bytes": int(size)}

    def search(self, text: str, semantics: str) -> list[str]:
        words = text.split()
        if not words:
            return []
        if semantics == "and":
            tsq, params = "plainto_tsquery('arabic', %s)", [text]
        else:
            tsq = " || ".join(["plainto_tsquery('arabic', %s)"] * len(words))
            params = list(words)
        rows = self.conn.execute(
            f"WITH q AS (SELECT {tsq} AS q) SELECT aid FROM docs, q WHERE tsv @@ q.q "
            "ORDER BY ts_rank('{0.2, 0.2, 0.2, 1.0}', tsv, q.q) DESC LIMIT 10",
            params,
        ).fetchall()
        return [r[0] for r in rows]

    def close(self) -> None:
        self.conn.close()
        self._as_pg([str(self.BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"])
        shutil.rmtree(self.tmp, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def iter_replicas(docs: Sequence[Doc], total: int) -> Iterator[tuple[int, Doc, str]]:
    """(copy number, doc, new id) until ``total`` articles, the corpus repeated with new ids."""
    k = 0
    n = 0
    while n < total:
        for d in docs:
            if n >= total:
                return
            yield k, d, f"{d.id}#r{k}"
            n += 1
        k += 1
