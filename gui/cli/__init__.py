"""The ``newstag`` command: with no subcommand it opens the window; subcommands work headless, one module of
this package per command group, and none of them loads Qt."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from model.roles import RoleRefused
from storage.types import DatabaseError

logger = logging.getLogger(__name__)

# Modules that add subcommands: each has ``register(subparsers)``, and the parsers it adds set a ``handler``
# default: ``handler(args, url) -> exit code``. Kept as names so that ``newstag --help`` stays fast.
COMMAND_MODULES: list[str] = [
    "gui.cli.corpus",
    "gui.cli.suggest",
    "gui.cli.evaluate",
    "gui.cli.team",
    "gui.cli.people",
    "gui.cli.labels",
    "gui.cli.export",
    "gui.cli.train",
    "gui.cli.backup",
]


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database URL or SQLite file (default: a SQLite file in your data folder, or $NEWSTAG_DB), "
        "e.g. corpus.db, sqlite:///corpus.db or postgresql+psycopg://localhost/test",
    )


def _whole_number(least: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``least``."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
        if number < least:
            raise argparse.ArgumentTypeError(f"must be at least {least}, got {number}")
        return number

    return parse


positive_int = _whole_number(1)
count_int = _whole_number(0)


def user_path(value: str) -> Path:
    """An argparse type: a path, ``~`` the home folder, as ``--db`` reads it. The shell leaves the ``~`` of
    ``--out=~/gold.bio`` as it is; taken literally it made a folder named ``~`` in the working folder."""
    return Path(value).expanduser()


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
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    url = getattr(args, "db", None)
    try:
        if url:  # a path names a SQLite file
            from storage.project import database_url

            url = database_url(url)
        code = _run(args, url)
        sys.stdout.flush()  # a reader gone (`newstag stats | head`) is found here, not in Python's exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except KeyboardInterrupt:
        print("newstag: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line for the user, the traceback only when asked for (-v)
        logger.debug("unexpected error", exc_info=True)
        print(
            f"newstag: unexpected error ({type(exc).__name__}: {exc}); nothing more was done. Run again "
            "with -v for the details, and please report it.",
            file=sys.stderr,
        )
        if args.verbose:
            traceback.print_exc()
        return 70


def _reader_gone() -> int:
    """The output went to a pipe whose reader stopped reading (``| head``): stop quietly, as other
    command-line tools do, with the status a shell shows for SIGPIPE (128 + 13)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that Python's own flush at exit does not fail again
    except (OSError, ValueError):  # no real stdout (embedded, tests): nothing left to flush there
        pass
    return 141


@dataclass(frozen=True, slots=True)
class Absent:
    """Where ``--db`` names no project yet: a SQLite file not there (``file``), or a PostgreSQL database that
    holds no newstag project (``file`` false); ``where`` is the file or the URL without its password."""

    where: str
    file: bool

    def __str__(self) -> str:
        return self.where


def absent_project(url: str | None, postgresql: bool = True) -> Absent | None:
    """Whether ``url`` (None: the default project) names a project that is not there yet: a SQLite file that
    does not exist, or (``postgresql``) a PostgreSQL database without newstag's tables (someone else's
    database, a typo in its name). Opening it would create an empty project there. None where there is one
    (or for an in-memory database); DatabaseError for no database URL, or when the server does not answer."""
    from storage.project import default_url, probe_database, public_url, sqlite_path

    url = url or default_url()
    path = sqlite_path(url)
    if path is not None:
        return None if path.exists() else Absent(str(path), file=True)
    if not (postgresql and url.startswith("postgresql")) or probe_database(url).project:
        return None
    return Absent(public_url(url), file=False)


def _run(args: argparse.Namespace, url: str | None) -> int:
    from gui.cli.people import Refused, refused
    from storage.project import Project

    try:
        if args.command is not None:
            reads = getattr(args, "reads_project", False)  # "sqlite": a PostgreSQL URL is never opened
            reads = reads(args) if callable(reads) else reads
            if reads and (absent := absent_project(url, postgresql=reads != "sqlite")) is not None:
                print(
                    f"newstag {args.command}: there is no project at {absent} (nothing was created); check "
                    "--db or $NEWSTAG_DB, or make one with `newstag import FILES` or the window",
                    file=sys.stderr,
                )
                return 1
            if getattr(args, "starts_project", False) and (absent := absent_project(url)) is not None:
                print(
                    f"newstag {args.command}: there was no project at {absent}: a new one is made there",
                    file=sys.stderr,
                )
            return int(args.handler(args, url))
        from gui.platform_check import startup_problem

        if platform_problem := startup_problem():  # before Qt is imported: its libraries may be missing
            print(platform_problem, file=sys.stderr)
            return 3
        from gui.app import run_app

        return run_app(url, args.annotator)
    except Refused as exc:  # a role or a team rule said no: nothing was done
        return refused(args, exc)
    except RoleRefused as exc:  # said by the storage, mid-command (storage.founder: someone joined meanwhile)
        return refused(args, Refused(f"{exc}; nothing was written"))
    except DatabaseError as exc:
        print(f"newstag: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # the database failed under a command: say what it means, not where
        problem = Project.database_problem(exc, url)
        if problem is None:
            raise
        print(f"newstag: {problem}", file=sys.stderr)
        return 2
