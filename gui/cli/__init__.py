"""The ``newstag`` command: with no subcommand it opens the window; subcommands work headless, one module of
this package per command group, and none of them loads Qt."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from storage.types import DatabaseError

logger = logging.getLogger(__name__)

# Modules that add subcommands: each has ``register(subparsers)``, and the parsers it adds set a ``handler``
# default: ``handler(args, url) -> exit code``. Kept as names so that ``newstag --help`` stays fast.
COMMAND_MODULES: list[str] = [
    "gui.cli.corpus", "gui.cli.suggest", "gui.cli.team", "gui.cli.export", "gui.cli.train",
]


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="URL", default=argparse.SUPPRESS,
        help="database URL (default: a SQLite file in your data folder, or $NEWSTAG_DB), "
        "e.g. sqlite:///corpus.db or postgresql+psycopg://localhost/test",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newstag",
        description="Named-entity annotation for Chinese news. Without a command: open the window.",
    )
    _add_db(parser)
    parser.add_argument("--annotator", metavar="NAME", help="annotate as NAME (remembered otherwise)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, _add_db)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    url = getattr(args, "db", None)
    try:
        if args.command is not None:
            return int(args.handler(args, url))
        from gui.platform_check import startup_problem

        if problem := startup_problem():  # before Qt is imported: its libraries may be what is missing
            print(problem, file=sys.stderr)
            return 3
        from gui.app import run_app

        return run_app(url, args.annotator)
    except DatabaseError as exc:
        print(f"newstag: {exc}", file=sys.stderr)
        return 2


