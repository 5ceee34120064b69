"""The ``newstag`` command: with no subcommand it opens the window; subcommands work headless."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from gui.cli_import import add_import_options, cmd_import
from storage.db import DatabaseError

logger = logging.getLogger(__name__)

# Modules that add subcommands: each has ``register(subparsers)``, and the parsers it adds set a ``handler``
# default: ``handler(args, url) -> exit code``. Kept as names so that ``newstag --help`` stays fast.
COMMAND_MODULES: list[str] = ["gui.cli_suggest", "gui.cli_team", "gui.cli_export", "gui.cli_train"]


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

    p = sub.add_parser("import", help="import text, doccano/CLUENER/Label Studio JSON, CoNLL, brat or "
                                      "word/tag "
                                      "files (--dry-run: show what would be imported)")
    add_import_options(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_db(p)

    p = sub.add_parser("stats", help="documents, spans by label and status, progress per annotator")
    _add_db(p)
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
        if args.command == "import":
            return cmd_import(args, url)
        if args.command == "stats":
            return cmd_stats(url)
        if args.command is not None:
            return int(args.handler(args, url))
        from gui.app import run_app

        return run_app(url, args.annotator)
    except DatabaseError as exc:
        print(f"newstag: {exc}", file=sys.stderr)
        return 2


def cmd_stats(url: str | None) -> int:
    from storage.project import Project
    from storage.stats import corpus_stats

    with Project.open(url) as project:
        print(corpus_stats(project).render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
