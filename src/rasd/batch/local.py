"""Ingest on one machine: read pages, extract, enrich, store — in one process or a process pool.

The cascade for every page::

    iter_raw_pages(paths)            RawPage | Rejected (unreadable file, bad JSON line...)
      → extract_article(raw)         Article | RejectedPage (empty, not an article, too large...)
      → known content?               skip enrichment, count as unchanged
      → pipeline(article)            enriched Article (entities, times, quantities, quotes, events)
      → store.put_articles(batch)    one transaction per batch; rejects recorded with their reason

Workers only compute (pure functions of the page); the parent process is the single writer, so
SQLite's one-writer rule holds and a retried page writes the same rows.  A batch is committed every
``batch_size`` pages or ``commit_seconds``; ``kill -9`` loses at most the open batch and a rerun
completes it (ids are deterministic, so nothing is duplicated).
"""

from __future__ import annotations

import gc
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from rasd.document import Article
from rasd.errors import RejectedPage
from rasd.ingest.rawpage import RawPage
from rasd.pipeline import Pipeline
from rasd.storage.base import Outcome, Reject

log = logging.getLogger(__name__)

ProgressFn = Callable[[int], None]


@dataclass
class IngestSummary:
    ingested: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def pages(self) -> int:
        return self.ingested + self.updated + self.unchanged + self.rejected

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "ingested": self.ingested,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "top_reject_reasons": dict(self.reasons.most_common(5)),
            "seconds": round(self.seconds, 3),
            "pages_per_second": round(self.pages / self.seconds, 1) if self.seconds else None,
            "interrupted": self.interrupted,
        }


# A page's result as it travels from a worker to the writer.
Result = tuple[str, Any, RawPage | None]  # ("article", Article, raw) | ("unchanged", id, None) | ("reject", Reject, None)


class PageProcessor:
    """Extract + enrich one page; the pure part of ingest, run in workers."""

    def __init__(self, enrich: bool, known: Callable[[str], str | None] | None) -> None:
        from rasd.extract import extract_article

        self._extract = extract_article
        self._pipeline = Pipeline.default() if enrich else None
        self._known = known

    def __call__(self, raw: RawPage) -> Result:
        try:
            result = self._prepare(raw)
            if result[0] == "article" and self._pipeline is not None:
                result = ("article", self._pipeline(result[1]), raw)
            return result
        except Exception as exc:
            return self._rejected(raw, exc)

    def _prepare(self, raw: RawPage) -> Result:
        """Extract ``raw`` and skip it when the archive holds the same content (raises on a bad page)."""
        article = self._extract(raw)
        if self._known is not None and self._known(article.id) == article.content_hash:
            return ("unchanged", article.id, None)
        return ("article", article, raw)

    def _rejected(self, raw: RawPage, exc: Exception) -> Result:
        if isinstance(exc, RejectedPage):
            return ("reject", _reject(raw, exc.reason, str(exc)), None)
        # a bug must not stop a million-page run; keep the page and the reason
        log.exception("unexpected error on %s", raw.source)
        return ("reject", _reject(raw, f"error:{type(exc).__name__}", str(exc)), None)

    def process_many(self, raws: Sequence[RawPage]) -> list[Result]:
        """``[self(raw) for raw in raws]``, enriching the batch's articles together
        (`Pipeline.run_batch`).  If the batch fails, every page is redone on its own, so an error
        is reported for the page that causes it, as by `__call__`."""
        if self._pipeline is None or len(raws) < 2:
            return [self(raw) for raw in raws]
        results: list[Result] = []
        for raw in raws:
            try:
                results.append(self._prepare(raw))
            except Exception as exc:
                results.append(self._rejected(raw, exc))
        todo = [k for k, r in enumerate(results) if r[0] == "article"]
        try:
            enriched = self._pipeline.run_batch([results[k][1] for k in todo])
        except Exception:
            return [self(raw) for raw in raws]
        for k, article in zip(todo, enriched, strict=True):
            results[k] = ("article", article, results[k][2])
        return results


def _reject(raw: RawPage, reason: str, detail: str) -> Reject:
    return Reject(source=raw.source, reason=reason, detail=detail, sha256=raw.sha256, data=raw.data)


#: pages enriched together in one process (`PageProcessor.process_many`): amortizes the tagger's
#: numpy work over several articles; small, so progress and commits stay frequent
_ENRICH_CHUNK = 16


#: cyclic-GC thresholds while ingesting (Python's default: 700, 10, 10)
_INGEST_GC_THRESHOLD = (20_000, 50, 100)


@contextmanager
def long_run_gc() -> Iterator[None]:
    """Python's cyclic garbage collector during a long ingest: the loaded models, lexicons and speed
    caches are millions of long-lived objects that every full collection walks again (measured ~12%
    of the enrichment CPU).  For the run, what is loaded is frozen into the permanent generation and
    young objects are collected less often (articles are freed by reference counting; the few cycles
    are still collected); the previous settings are restored afterwards."""
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*_INGEST_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


# -- worker-process plumbing -------------------------------------------------------------------
_WORKER: PageProcessor | None = None


def _init_worker(enrich: bool, db_path: str | None) -> None:
    global _WORKER
    known = None
    if db_path:
        from rasd.storage.sqlite import SQLiteStore

        try:
            reader = SQLiteStore(db_path, readonly=True)
            known = reader.content_hash
        except Exception:  # no archive yet: nothing is known
            known = None
    _WORKER = PageProcessor(enrich, known)
    gc.freeze()  # a worker lives for the whole run (`long_run_gc`)
    gc.set_threshold(*_INGEST_GC_THRESHOLD)


def _work(chunk: list[RawPage]) -> list[Result]:
    assert _WORKER is not None
    return _WORKER.process_many(chunk)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest_paths(
    store: Any,
    paths: Iterable[str],
    *,
    workers: int = 1,
    enrich: bool = True,
    batch_size: int = 200,
    commit_seconds: float = 2.0,
    source_hint: str | None = None,
    progress: ProgressFn | None = None,
) -> IngestSummary:
    """Ingest every page under ``paths`` into ``store``; returns counts by outcome."""
    from rasd.ingest.sources import Rejected, iter_raw_pages

    summary = IngestSummary()
    started = time.perf_counter()
    pending: list[tuple[Article, RawPage | None]] = []
    rejects: list[Reject] = []
    last_commit = time.monotonic()

    def flush() -> None:
        nonlocal pending, rejects, last_commit
        batch, batch_rejects = pending, rejects
        pending, rejects = [], []  # a batch that fails is not retried by the final flush
        if batch:
            for outcome in store.put_articles(batch):
                if outcome is Outcome.INSERTED:
                    summary.ingested += 1
                elif outcome is Outcome.UPDATED:
                    summary.updated += 1
                else:
                    summary.unchanged += 1
        if batch_rejects:
            store.add_rejects(batch_rejects)
        last_commit = time.monotonic()

    def take(result: Result) -> None:
        kind, value, raw = result
        if kind == "article":
            pending.append((value, raw))
        elif kind == "unchanged":
            summary.unchanged += 1
        else:
            rejects.append(value)
            summary.rejected += 1
            summary.reasons[value.reason] += 1
        if progress:
            progress(1)
        if len(pending) + len(rejects) >= batch_size or time.monotonic() - last_commit > commit_seconds:
            flush()

    def as_raw(items: Iterable[RawPage | Rejected]) -> Iterator[RawPage]:
        for item in items:
            if isinstance(item, Rejected):
                take(("reject", Reject(item.source, item.reason, item.detail, None, item.data), None))
            else:
                yield item

    raw_pages = as_raw(iter_raw_pages(paths, source_hint=source_hint))
    db_path = getattr(store, "path", None)
    try:
        if workers <= 1:
            processor = PageProcessor(enrich, store.content_hash)
            with long_run_gc():
                for chunk in _chunks(raw_pages, _ENRICH_CHUNK if enrich else 1):
                    for result in processor.process_many(chunk):
                        take(result)
        else:
            _run_pool(raw_pages, take, workers, enrich, db_path if db_path != ":memory:" else None)
    except KeyboardInterrupt:
        summary.interrupted = True
        log.warning("interrupted: committing the pages already processed")
    finally:
        flush()
        summary.seconds = time.perf_counter() - started
    return summary


def _run_pool(
    raw_pages: Iterator[RawPage], take: Callable[[Result], None], workers: int, enrich: bool, db_path: str | None
) -> None:
    chunk_size = 16
    window = workers * 4
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(enrich, db_path)) as pool:
        in_flight: list[Future[list[Result]]] = []
        for chunk in _chunks(raw_pages, chunk_size):
            in_flight.append(pool.submit(_work, chunk))
            if len(in_flight) >= window:
                for result in in_flight.pop(0).result():
                    take(result)
        for future in in_flight:
            for result in future.result():
                take(result)
