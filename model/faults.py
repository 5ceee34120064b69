"""What went wrong with the database as a whole, told apart for a program: the kind of fault, where (the
SQLite file's path, or the server's URL without its password), the driver's own words, and the English
template the message was written from (``storage/db.py`` holds the templates; the windows translate them,
``gui/database_messages.py``). Pure Python: a ``StoreUnavailable`` of ``model.ops`` carries one too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

# How long an action waits for a lock another program (SQLite) or session (PostgreSQL) holds before it is
# refused with a LOCKED fault (``storage.db.LOCK_WAIT_MS``), as the message says it (``{seconds}``)
LOCK_WAIT_S = 5
# How long an action waits for a PostgreSQL server to answer one statement (the COMMIT too) before it is
# refused as UNAVAILABLE (``storage.answers``): longer than LOCK_WAIT_S, so a lock wait is told as a lock
ANSWER_WAIT_S = 10
# The same for long work off the window's thread (an import, an export, training, a migration), whose
# statements may rightly take longer: it still ends, with the same refusal, on a server that never answers
LONG_WAIT_S = 300


class FaultKind(StrEnum):
    FULL = "full"  # the disk is full (or the SQLite file reached its size limit)
    READ_ONLY = "read-only"
    LOCKED = "locked"  # another program holds the write lock
    CANNOT_OPEN = "cannot-open"
    IO = "io"  # the disk reported an input/output error
    UNAVAILABLE = "unavailable"  # the server went away, or another operational failure
    DAMAGED = "damaged"  # a corrupt SQLite file
    TOO_NEW = "too-new"  # written by a newer newstag
    CHECK_FAILED = "check-failed"  # the integrity check itself failed
    BAD_URL = "bad-url"  # not the URL of a database newstag can use
    NOT_A_DATABASE = "not-a-database"  # a folder, or a file that is no SQLite database
    CANNOT_CONNECT = "cannot-connect"  # the server does not answer
    MOVED = "moved"  # the SQLite file was deleted, moved or replaced while it was open
    IN_DOUBT = "in-doubt"  # the COMMIT was sent, its answer lost, and the server cannot be asked which
    LANDED = "landed"  # the COMMIT's answer was lost, and asked again the server has it: saved (a note)


@dataclass(frozen=True, slots=True)
class Fault:
    kind: FaultKind
    where: str  # the SQLite file's path, or the database's URL with the password hidden
    detail: str  # the driver's own first line (or what else the template names: schema revisions)
    template: (
        str  # the English the message was made of: ``{place}``, ``{where}``, ``{detail}``, ``{seconds}``…
    )
    file: bool = False  # ``where`` is a SQLite file (``{place}``: "the database file …")
    # the sessions the server says hold locks (``{holder}``: a LOCKED fault on PostgreSQL; their pid, program,
    # user@address, state and when their transaction began, as the server gives them)
    holder: str = ""

    def render(self, tr: Callable[[str], str] = str) -> str:
        """The message, each template passed through ``tr`` first (the identity: the English of
        ``str(exc)``; the windows pass Qt's translator)."""
        place = tr(PLACE_FILE if self.file else PLACE_SERVER).format(where=self.where)
        return tr(self.template).format(
            place=place, where=self.where, detail=self.detail, seconds=LOCK_WAIT_S, holder=self.holder
        )


PLACE_FILE = "the database file {where}"
PLACE_SERVER = "the database {where}"
