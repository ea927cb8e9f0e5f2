"""Commands over what enrichment found across the archive: entities, entity, quotes, events."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rasd.commands.core import _db, _open, _positive, _print_json
from rasd.errors import InputError
from rasd.settings import load_settings

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")


def register(sub: Any) -> None:
    db = load_settings().db

    p = sub.add_parser("entities", help="most mentioned entities in the archive")
    _db(p, db)
    p.add_argument("--type", choices=ENTITY_TYPES, type=str.upper)
    p.add_argument("--top", type=_positive, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_entities)

    p = sub.add_parser("entity", help="one entity: articles over time, co-mentions, roles, aliases")
    p.add_argument("name", help="canonical name or alias, spelling folded (اربيل finds أربيل), e.g. داعش")
    _db(p, db)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_entity)

    p = sub.add_parser("quotes", help="quotes and who said them")
    _db(p, db)
    p.add_argument("--speaker", help="canonical speaker name, spelling folded (hamza, ى/ي, ة/ه, diacritics)")
    p.add_argument("--limit", type=_positive, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_quotes)

    p = sub.add_parser("events", help="events: attacks, clashes, protests, arrests, meetings…")
    _db(p, db)
    p.add_argument("--type", help="our type (attack, protest, meeting…) or an ACLED event type")
    p.add_argument("--from", dest="date_from", help="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", help="YYYY-MM-DD")
    p.add_argument("--location", help="canonical location name, spelling folded (hamza, ى/ي, ة/ه, diacritics)")
    p.add_argument("--limit", type=int, default=0, help="at most this many (default: all)")
    p.add_argument("--format", choices=("table", "csv", "jsonl", "json"), default="table")
    p.set_defaults(func=cmd_events)


def cmd_entities(args: argparse.Namespace) -> int:
    rows = _open(args.db).top_entities(type=args.type, limit=args.top)
    if args.json:
        _print_json(rows)
        return 0
    for r in rows:
        roles = f"  ({'; '.join(r['roles'][:2])})" if r["roles"] else ""
        print(f"{r['article_count']:6}  {r['type']:4}  {r['canonical']}{roles}")
    return 0


def cmd_entity(args: argparse.Namespace) -> int:
    profile = _open(args.db).entity_profile(args.name)
    if profile is None:
        raise InputError(f"no entity named {args.name!r} in the archive (try `rasd entities`)")
    if args.json:
        _print_json(profile)
        return 0
    print(f"{profile['canonical']} [{profile['type']}] — {profile['article_count']} articles, "
          f"{profile['first_seen'] or '?'} … {profile['last_seen'] or '?'}")
    if profile["roles"]:
        print("roles:    " + "; ".join(profile["roles"]))
    if profile["aliases"]:
        print("aliases:  " + "، ".join(profile["aliases"]))
    if profile["timeline"]:
        print("timeline: " + ", ".join(f"{t['month']} {t['articles']}" for t in profile["timeline"]))
    if profile["co_mentioned"]:
        print("with:     " + ", ".join(f"{c['canonical']} ({c['articles']})" for c in profile["co_mentioned"][:10]))
    for a in profile["articles"][:10]:
        print(f"  {a['id'][:12]}  {(a['published'] or '')[:10]}  {a['title'][:90]}")
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    rows = _open(args.db).find_quotes(speaker=args.speaker, limit=args.limit)
    if args.json:
        _print_json(rows)
        return 0
    for r in rows:
        print(f"{r['speaker'] or '?'} ({r['attrs'].get('kind', '')}, {(r['published'] or '')[:10]}, {r['article_id'][:12]}):")
        print(f"  «{r['text']}»")
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    rows = _open(args.db).find_events(
        type=args.type, date_from=args.date_from, date_to=args.date_to, location=args.location,
        limit=args.limit or None,
    )
    if args.format == "json":
        _print_json(rows)
    elif args.format == "jsonl":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False, default=str))
    elif args.format == "csv":
        from rasd.events_export import write_event_rows_csv

        write_event_rows_csv(rows, sys.stdout)
    else:
        for r in rows:
            a = r["attrs"]
            extra = []
            if a.get("killed") is not None:
                extra.append(f"killed {a['killed']}")
            if a.get("wounded") is not None:
                extra.append(f"wounded {a['wounded']}")
            locs = "، ".join(a.get("locations") or [])
            print(f"{(r['date'] or '?')[:10]}  {r['type']:12} {locs[:30]:30} {' '.join(extra):24} {r['trigger']}")
    return 0
