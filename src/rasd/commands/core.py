"""Commands over pages and the archive: parse, ingest, show, list, export, stats, upgrade."""

from __future__ import annotations

import argparse
import contextlib
import csv
import glob
import json
import os
import sys
from collections.abc import Callable
from typing import Any

from rasd.errors import InputError, NeedsMigration, RejectedPage
from rasd.settings import load_settings


def register(sub: Any) -> None:
    settings = load_settings()

    p = sub.add_parser("parse", help="read one page and print it as JSON (no archive)")
    p.add_argument("file", help="a page: text, HTML, WARC or JSONL; - for stdin")
    p.add_argument("--no-enrich", action="store_true", help="extraction only: no entities, times, events")
    p.add_argument("--url", help="the page's URL when the file does not say")
    p.add_argument("--source", help="source hint: outlet name or domain")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("ingest", help="read pages into the archive")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, globs; - for stdin")
    _db(p, settings.db)
    p.add_argument("--workers", type=_positive, default=settings.workers, help="worker processes")
    p.add_argument("--no-enrich", action="store_true", help="store extraction only (faster)")
    p.add_argument("--batch-size", type=_positive, default=settings.batch_size, help="pages per commit")
    p.add_argument("--source", help="source hint: outlet name or domain")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("show", help="print one stored article")
    p.add_argument("id", help="article id (or a unique prefix of 6+ characters)")
    _db(p, settings.db)
    p.add_argument("--json", action="store_true")
    p.add_argument("--raw", action="store_true", help="print the raw bytes as stored")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("list", help="list stored articles, newest first")
    _db(p, settings.db)
    p.add_argument("--limit", type=_positive, default=20)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--outlet")
    p.add_argument("--json", action="store_true")
    p.add_argument("--rejects", action="store_true", help="list rejected pages and their reasons instead")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("export", help="write the archive as JSON Lines or CSV")
    _db(p, settings.db)
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    p.add_argument("-o", "--output", help="file to write (default: stdout)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("stats", help="what the archive holds")
    _db(p, settings.db)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("upgrade", help="bring an archive written by an older rasd up to this version")
    _db(p, settings.db)
    p.set_defaults(func=cmd_upgrade)


def _db(p: argparse.ArgumentParser, default: str) -> None:
    p.add_argument("--db", default=default, help=f"archive path or URL (default: {default}; env RASD_DB)")


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}")
    return n


def _open(db: str, *, readonly: bool = True) -> Any:
    from rasd.storage import open_store

    return open_store(db, readonly=readonly)


def _print_json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def check_paths(paths: list[str]) -> None:
    for path in paths:
        if path == "-" or os.path.exists(path):
            continue
        if glob.has_magic(path) and glob.glob(path, recursive=True):
            continue
        raise InputError(f"no such file or directory: {path}")


# -- commands ----------------------------------------------------------------------------------
def cmd_parse(args: argparse.Namespace) -> int:
    from rasd.extract import extract_article
    from rasd.ingest.sources import Rejected, iter_raw_pages
    from rasd.pipeline import Pipeline

    check_paths([args.file])
    pipeline = None if args.no_enrich else Pipeline.default()
    outputs: list[dict[str, Any]] = []
    for raw in iter_raw_pages([args.file], source_hint=args.source):
        if isinstance(raw, Rejected):
            outputs.append({"source": raw.source, "rejected": raw.reason, "detail": raw.detail})
            continue
        if args.url and not raw.url:
            raw = type(raw)(**{**raw.__dict__, "url": args.url})
        try:
            article = extract_article(raw)
        except RejectedPage as exc:
            outputs.append({"source": raw.source, "rejected": exc.reason, "detail": str(exc)})
            continue
        if pipeline is not None:
            article = pipeline(article)
        outputs.append(article.to_dict())
    if len(outputs) == 1:
        _print_json(outputs[0])
    else:
        for out in outputs:
            print(json.dumps(out, ensure_ascii=False, default=str))
    return 1 if outputs and all("rejected" in o for o in outputs) else 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from rasd.batch.local import ingest_paths

    check_paths(args.paths)
    store = _open(args.db, readonly=False)
    bar = None
    if not args.quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit=" pages", file=sys.stderr, dynamic_ncols=True)
    try:
        summary = ingest_paths(
            store,
            args.paths,
            workers=args.workers,
            enrich=not args.no_enrich,
            batch_size=args.batch_size,
            source_hint=args.source,
            progress=_updater(bar),
        )
    finally:
        if bar is not None:
            bar.close()
    report = summary.to_dict()
    report["db"] = store.url
    report["archive_articles"] = store.stats().articles
    store.close()
    if args.json:
        _print_json(report)
    else:
        rate = f" ({report['pages_per_second']} pages/s)" if report["pages_per_second"] else ""
        print(
            f"{report['pages']} pages in {report['seconds']:.1f}s{rate}: {summary.ingested} ingested, "
            f"{summary.updated} updated, {summary.unchanged} unchanged, {summary.rejected} rejected"
        )
        if summary.reasons:
            print("rejected: " + ", ".join(f"{r} {n}" for r, n in summary.reasons.most_common(5)))
        print(f"archive {store.url}: {report['archive_articles']} articles")
        if summary.interrupted:
            print("interrupted: pages processed so far are committed; rerun to finish", file=sys.stderr)
    return 130 if summary.interrupted else 0


def _updater(bar: Any) -> Callable[[int], None] | None:
    if bar is None:
        return None

    def update(n: int) -> None:
        bar.update(n)

    return update


def cmd_show(args: argparse.Namespace) -> int:
    store = _open(args.db)
    article = store.get_article(args.id)
    if article is None:
        raise InputError(f"no article with id {args.id!r} in {store.url}")
    if args.raw:
        data = store.get_raw(article.id)
        if data is None:
            raise InputError(f"no raw bytes stored for {article.id}")
        sys.stdout.buffer.write(data)
        return 0
    if args.json:
        _print_json(article.to_dict())
        return 0
    print(article.title)
    meta = [article.published.isoformat() if article.published else None, article.outlet,
            f"{article.views} views" if article.views is not None else None, article.url]
    print(" · ".join(m for m in meta if m))
    print()
    for para in article.paragraph_texts:
        print(para)
        print()
    for layer in ("entities", "times", "quantities", "quotes", "events"):
        spans = article.layer(layer)
        if spans:
            shown = ", ".join(_describe(article.text, s) for s in spans[:12])
            more = f" … (+{len(spans) - 12})" if len(spans) > 12 else ""
            print(f"{layer}: {shown}{more}")
    return 0


def _describe(text: str, span: Any) -> str:
    surface = text[span.start : span.end].replace("\n", " ")
    if len(surface) > 40:
        surface = surface[:40] + "…"
    key = span.attrs.get("canonical") or span.attrs.get("value") or span.attrs.get("speaker") or ""
    return f"{surface} [{span.label}{': ' + str(key) if key and key != surface else ''}]"


def cmd_list(args: argparse.Namespace) -> int:
    store = _open(args.db)
    if args.rejects:
        rejects = store.list_rejects(limit=args.limit)
        if args.json:
            _print_json([{"source": r.source, "reason": r.reason, "detail": r.detail} for r in rejects])
        for r in rejects if not args.json else []:
            print(f"{r.reason:14} {r.source}  {r.detail[:80]}")
        return 0
    rows = store.list_articles(limit=args.limit, offset=args.offset, outlet=args.outlet)
    if args.json:
        _print_json([r.__dict__ for r in rows])
        return 0
    for r in rows:
        date = (r.published or "")[:16].replace("T", " ")
        print(f"{r.id[:12]}  {date:16}  {(r.outlet or '-')[:18]:18}  {r.title[:90]}")
    return 0


CSV_FIELDS = ("id", "url", "title", "outlet", "published", "views", "category", "author", "source", "text")


def cmd_export(args: argparse.Namespace) -> int:
    store = _open(args.db)
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(args.output, "w", encoding="utf-8", newline="")) if args.output else sys.stdout
        if args.format == "jsonl":
            for article in store.iter_articles():
                out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        else:
            writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
            writer.writeheader()
            for article in store.iter_articles():
                row = article.to_dict()
                row["text"] = article.body
                writer.writerow({k: row.get(k) for k in CSV_FIELDS})
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    stats = _open(args.db).stats()
    if args.json:
        _print_json(stats.to_dict())
        return 0
    print(f"articles   {stats.articles}")
    print(f"rejects    {stats.rejects}" + (f"  ({_fmt(stats.reject_reasons)})" if stats.reject_reasons else ""))
    print(f"raw bytes  {stats.raw_bytes}")
    print(f"published  {stats.first_published or '-'} … {stats.last_published or '-'}")
    print(f"entities   {stats.entities}   quotes {stats.quotes}   events {stats.events}")
    if stats.outlets:
        print("outlets    " + _fmt(stats.outlets))
    return 0


def cmd_upgrade(args: argparse.Namespace) -> int:
    """Apply the schema migrations an older archive lacks (nothing is re-read or re-analyzed; an
    archive that does not exist is an error, not created)."""
    try:
        _open(args.db).close()
    except NeedsMigration:
        _open(args.db, readonly=False).close()
        print(f"{args.db}: upgraded to this rasd's schema")
        return 0
    print(f"{args.db}: already up to date")
    return 0


def _fmt(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items())
