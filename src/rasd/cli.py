"""The ``rasd`` command line: parses arguments and calls library functions; the only place that prints.

Each command lives in a module of `rasd.commands` exposing ``register(subparsers)``, which adds its
parser and sets ``func(args) -> int``.  Errors rasd raises on purpose become one line on stderr and
a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import NoReturn

from rasd.errors import InputError, QueryError, RasdError

COMMAND_MODULES = (
    "rasd.commands.core",
    "rasd.commands.search",
    "rasd.commands.annotations",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="rasd", description="Read, enrich, store and search Arabic news pages.")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING - 10 * min(args.verbose, 2),
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except QueryError as exc:
        print(f"rasd: bad query: {exc}", file=sys.stderr)
        return 2
    except InputError as exc:
        print(f"rasd: error: {exc}", file=sys.stderr)
        return 2
    except RasdError as exc:
        print(f"rasd: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("rasd: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
