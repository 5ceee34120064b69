"""The ``newstag`` command: with no subcommand it opens the window; subcommands work headless."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from model.tagging import IPolicy
from storage.db import DatabaseError, database_error, default_url, parse_url
from storage.formats.conll import Grouping
from storage.importer import Format, SpansAs, expand_paths, import_file

logger = logging.getLogger(__name__)

# Modules that add subcommands: each has ``register(subparsers)``, and the parsers it adds set a ``handler``
# default: ``handler(args, url) -> exit code``. Kept as names so that ``newstag --help`` stays fast.
COMMAND_MODULES: list[str] = [
    "gui.cli_suggest", "gui.cli_team", "gui.cli_export", "gui.cli_train", "gui.cli_backup",
]


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="URL", default=argparse.SUPPRESS,
        help="database URL (default: a SQLite file in your data folder, or $NEWSTAG_DB), "
        "e.g. sqlite:///corpus.db or postgresql+psycopg://localhost/test",
    )


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newstag",
        description="Named-entity annotation for Chinese news. Without a command: open the window.",
    )
    _add_db(parser)
    parser.add_argument("--annotator", metavar="NAME", help="annotate as NAME (remembered otherwise)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import .txt articles, doccano JSONL or character-level CoNLL")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                   help="files or folders (searched recursively)")
    p.add_argument("--format", choices=[f.value for f in Format], default="auto")
    p.add_argument(
        "--group", choices=[g.value for g in Grouping], default="auto",
        help="CoNLL: how sentences form documents (auto: by -DOCSTART- if present, else one per sentence)",
    )
    p.add_argument("--sentences-per-document", type=positive_int, metavar="N",
                   help="CoNLL: N consecutive sentences form one document")
    p.add_argument("--strict-tags", action="store_true",
                   help="CoNLL: refuse an I-/E- tag that continues no entity (default: read it as a start)")
    p.add_argument("--spans-as", choices=[s.value for s in SpansAs], default="gold",
                   help="labels in the files become the gold layer (default) or suggestions to confirm")
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
        return _run(args, url)
    except KeyboardInterrupt:
        print("newstag: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line for the user, the traceback only when asked for (-v)
        logger.debug("unexpected error", exc_info=True)
        print(f"newstag: unexpected error ({type(exc).__name__}: {exc}); nothing more was done. Run again "
              "with -v for the details, and please report it.", file=sys.stderr)
        if args.verbose:
            traceback.print_exc()
        return 70


def _run(args: argparse.Namespace, url: str | None) -> int:
    try:
        if args.command == "import":
            return cmd_import(args, url)
        if args.command == "stats":
            return cmd_stats(url)
        if args.command is not None:
            return int(args.handler(args, url))
        from gui.platform_check import startup_problem

        if platform_problem := startup_problem():  # before Qt is imported: its libraries may be missing
            print(platform_problem, file=sys.stderr)
            return 3
        from gui.app import run_app

        return run_app(url, args.annotator)
    except DatabaseError as exc:
        print(f"newstag: {exc}", file=sys.stderr)
        return 2
    except DBAPIError as exc:  # the database failed under a command: say what it means, not where
        problem = database_error(exc, parse_url(url or default_url()))
        if problem is None:
            raise
        print(f"newstag: {problem}", file=sys.stderr)
        return 2


def cmd_import(args: argparse.Namespace, url: str | None) -> int:
    from tqdm import tqdm

    from storage.project import Project

    fmt = Format(args.format)
    files = expand_paths(args.paths, fmt)
    if not files:
        print("newstag import: no importable files found", file=sys.stderr)
        return 1
    grouping = Grouping(args.group)
    failed = 0
    with Project.open(url) as project:
        for path in files:
            with tqdm(desc=path.name, unit=" doc", disable=args.quiet or None, leave=False,
                      file=sys.stderr) as bar:
                report = import_file(
                    project, path, fmt, grouping=grouping,
                    policy=IPolicy.REJECT if args.strict_tags else IPolicy.REPAIR,
                    spans_as=SpansAs(args.spans_as), progress=bar.update,
                    sentences_per_document=args.sentences_per_document,
                )
            if report.error:
                failed += 1
                print(f"FAILED   {report.error}  (nothing from this file was imported)")
                continue
            print(f"imported {path}: {report.imported} document(s), {report.spans} span(s); "
                  f"skipped {report.skipped} duplicate(s)")
            for warning in report.warnings:
                print(f"  warning: {warning}")
            if report.new_labels:
                print(f"  new label(s) added to the label set: {', '.join(report.new_labels)}")
        print(f"{len(files) - failed} file(s) imported, {failed} failed, into {project.url}")
    return 1 if failed else 0


def cmd_stats(url: str | None) -> int:
    from storage.project import Project
    from storage.stats import corpus_stats

    with Project.open(url) as project:
        print(corpus_stats(project).render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
