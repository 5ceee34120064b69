"""``newstag backup``: a consistent copy of a SQLite project file, taken while others may be writing to it.

SQLite's online backup API copies the database page by page into a temporary sibling of the target; the copy
is checked (``PRAGMA quick_check``), flushed to disk, and only then given its name, which must be new: a file
that is already there is never overwritten. PostgreSQL databases are backed up with ``pg_dump``.

A backup killed midway (SIGKILL, a power cut) leaves its temporary behind, as large as the database; the next
backup to the same name removes those no running backup holds (each holds an ``flock`` on its own).
"""

from __future__ import annotations

import logging
import os
import shlex
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import make_url

from model.temporaries import held_file, sweep
from storage.durable import fsync_file, fsync_folder

logger = logging.getLogger(__name__)

PAGES_PER_STEP = 1024


class BackupError(Exception):
    """The backup could not be made; the message says why. Nothing was left under the target's name."""


@dataclass(frozen=True, slots=True)
class BackupReport:
    path: Path
    pages: int
    bytes: int


def pg_dump_command(url: str, out: Path) -> str:
    """The ``pg_dump`` command line that backs up the PostgreSQL database of ``url`` into ``out``, ready to
    paste into a shell: libpq's URL (no SQLAlchemy driver), without the password (a masked one, ``***``,
    would be sent as the password; pg_dump asks for it, or reads ``~/.pgpass``)."""
    parsed = make_url(url)
    plain = parsed.set(drivername="postgresql")._replace(password=None).render_as_string(hide_password=False)
    return f"pg_dump --format=custom --file={shlex.quote(str(out))} {shlex.quote(plain)}"


def pg_dump_advice(url: str, out: Path) -> str:
    """Why newstag copies nothing from PostgreSQL, and the command that backs it up into ``out``."""
    said = (
        "a PostgreSQL database is backed up with pg_dump, not by newstag (nothing was written); run:\n"
        f"  {pg_dump_command(url, out)}\n"
        "and restore it with pg_restore."
    )
    if make_url(url).password is not None:
        said += " The password is left out of the URL: pg_dump asks for it, or reads ~/.pgpass."
    if out.exists():
        said += f" {out} exists already: pg_dump would write over it; choose a new name."
    return said


def backup_sqlite(
    source: Path, out: Path, progress: Callable[[int, int], None] | None = None
) -> BackupReport:
    """Copy the SQLite database ``source`` to the new file ``out``."""
    if not source.is_file():
        raise BackupError(f"there is no database file {source}")
    if out.is_dir():
        raise BackupError(
            f"{out} is a folder; give the name of a new file (e.g. {out / 'newstag-backup.db'})"
        )
    if out.exists() or out.is_symlink():  # a link, even to nothing, is there: SQLite would write through it
        raise BackupError(f"{out} already exists; give a new file name (a backup never overwrites a file)")
    if out.resolve() == source.resolve():
        raise BackupError("the backup cannot be the database itself")
    folder = out.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        sweep(folder, f".{out.name}.", ".part", _remove, "a backup")
        # held while this fd is open: a later backup to the same name leaves the temporary alone
        fd, temp = held_file(folder, f".{out.name}.", ".part")
    except OSError as exc:
        raise BackupError(f"cannot write in {folder}: {exc.strerror or exc}") from exc
    try:
        os.chmod(temp, source.stat().st_mode & 0o777)  # as private as the database, not more
        report = _copy(source, temp, out, progress)
        try:
            os.link(temp, out)  # gives the copy its name only if the name is still free
        except FileExistsError:
            raise BackupError(f"{out} appeared while the backup ran; it was left alone") from None
        except OSError:  # no hard links here (some network or FAT file systems): the name was free above
            if out.exists():
                raise BackupError(f"{out} appeared while the backup ran; it was left alone") from None
            os.replace(temp, out)
        fsync_folder(folder)
        return report
    finally:
        _remove(temp)  # a copy that failed midway (a full disk) leaves its journal
        os.close(fd)


def _remove(temp: Path) -> None:
    for ours in (temp, *(temp.with_name(temp.name + end) for end in ("-journal", "-wal", "-shm"))):
        ours.unlink(missing_ok=True)


def _copy(source: Path, temp: Path, out: Path, progress: Callable[[int, int], None] | None) -> BackupReport:
    try:
        # as a URI, percent-encoded: a "#" or "?" in the path cut it short (SQLite then made an empty file
        # under the cut name and backed that up)
        src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error as exc:
        raise BackupError(f"cannot open {source}: {exc}") from exc
    try:
        dst = sqlite3.connect(temp)
        try:
            src.backup(
                dst,
                pages=PAGES_PER_STEP,
                progress=(lambda _status, remaining, total: progress(total - remaining, total))
                if progress
                else None,
            )
            found = [row[0] for row in dst.execute("PRAGMA quick_check(5)")]
            if found != ["ok"]:
                raise BackupError(
                    f"the copy of {source} fails SQLite's integrity check "
                    f"({'; '.join(found)}): the database itself is damaged. Nothing was "
                    f"written to {out}"
                )
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
            pages = dst.execute("PRAGMA page_count").fetchone()[0]
        finally:
            dst.close()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
            raise BackupError(f"cannot write {out}: the disk is full ({exc}); nothing was written") from exc
        raise BackupError(
            f"cannot back up {source}: {exc} (is it damaged? nothing was written to {out})"
        ) from exc
    finally:
        src.close()
    fsync_file(temp)
    return BackupReport(out, pages, temp.stat().st_size)
