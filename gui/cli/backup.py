"""``newstag backup --out FILE``: a consistent copy of the project's SQLite file (pg_dump advice for
PostgreSQL)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from gui.cli import user_path

AddDb = Callable[[argparse.ArgumentParser], None]


def register(sub: Any, add_db: AddDb) -> None:
    p = sub.add_parser(
        "backup",
        help="copy the SQLite database to a new file, safely, even while in use",
        description="Copies the SQLite database with SQLite's online backup API (others may "
        "keep annotating), checks the copy and gives it its name only when it is complete. An "
        "existing file is never overwritten. For PostgreSQL it tells you the pg_dump command.",
    )
    p.add_argument("--out", type=user_path, required=True, metavar="FILE", help="the new file to write")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_db(p)
    p.set_defaults(handler=cmd_backup, reads_project="sqlite")  # PostgreSQL: the pg_dump command, unopened


def cmd_backup(args: argparse.Namespace, url: str | None) -> int:
    from tqdm import tqdm

    from storage.project import backup_sqlite, default_url, pg_dump_advice, sqlite_path
    from storage.types import BackupError

    url = url or default_url()
    source = sqlite_path(url)
    if source is None:
        print(f"newstag backup: {pg_dump_advice(url, args.out)}", file=sys.stderr)
        return 2
    try:
        with tqdm(unit=" page", disable=args.quiet or None, leave=False, file=sys.stderr) as bar:

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.n = done
                bar.refresh()

            report = backup_sqlite(source, args.out, progress)
    except BackupError as exc:
        print(f"newstag backup: {exc}", file=sys.stderr)
        return 1
    print(f"backed up {source} to {report.path} ({report.bytes / 1e6:,.1f} MB, checked)")
    return 0
