"""Where an export goes, and how it gets there without harming anything the user already has.

Every export is written into a temporary sibling of its target (``.NAME.XXXX.part``, a file or a folder),
flushed to the disk, and moved into place in one rename only when it is complete. A failed, cancelled or
killed export leaves at most that temporary, never a half result under the real name, and never touches a
file it did not create. Each export holds an ``flock`` on its temporary; the next export to the same name
removes the temporaries of killed ones (those no process holds; ``model.temporaries``). A target that is
already there (a file, or a folder that is not empty) is refused unless the caller says ``overwrite``; then
it is replaced as a whole, so no stale file of an earlier export survives beside the new ones.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from model.reasons import Reason, said
from model.reasons import ReasonKind as K
from model.temporaries import held_file, held_folder, sweep
from storage.durable import flush_tree, fsync_file, fsync_folder, umask
from storage.export_types import DocumentWriter, ExportError, ExportOptionError

logger = logging.getLogger(__name__)


class ExportTargetExists(ExportOptionError):
    """The target holds something already and ``overwrite`` was not given; nothing was written."""


def existing(path: Path, folder: bool) -> str | None:
    """What is at ``path`` that an export would replace, for a person ("a folder with 12 files"), or None if
    there is nothing there (or an empty folder, for a folder export). ExportOptionError if a file is where a
    folder goes, or the reverse, or if a folder export would replace the folder one works in. A symbolic
    link is what is there, never what it names: an export replaces the link, not the files it leads to."""
    if folder:
        if path.is_symlink():
            return said(K.THERE_LINK, target=os.readlink(path))
        guard_places_in_use(path)
        if path.exists() and not path.is_dir():
            raise ExportOptionError(Reason.of(K.EXPORT_IS_FILE, path=path))
        if not path.is_dir():
            return None
        entries = sum(1 for _ in path.rglob("*"))
        return said(K.THERE_FOLDER, entries=entries) if entries else None
    if path.is_dir():
        raise ExportOptionError(Reason.of(K.EXPORT_IS_FOLDER, path=path))
    return said(K.THERE_FILE) if path.exists() or path.is_symlink() else None


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))  # never raises, even on a symbolic-link loop


def _same_file(a: Path, b: Path) -> bool:
    """Both names reach one file: a hard link, or a case twin on a case-insensitive disk (macOS, Windows),
    which ``realpath`` leaves apart."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False  # one of them does not exist (yet)


def writes_over(target: Path, kept: Path, folder: bool) -> bool:
    """Whether writing ``target`` (a file, or a folder replaced as a whole with ``overwrite``) would write
    over ``kept``: the same file, under any name, or for a folder, a file inside it."""
    if _same_file(target, kept):
        return True
    target, kept = _real(target), _real(kept)
    return kept == target or (folder and kept.is_relative_to(target))


def guard_places_in_use(path: Path) -> None:
    """ExportOptionError if a folder export to ``path`` would replace (with everything in it) the current
    folder, the home folder, a folder holding either, or a file system's root: ``--out .`` meant "here", never
    "delete here"."""
    places: list[Path] = []
    with contextlib.suppress(OSError, RuntimeError):
        places.append(Path.cwd())
    with contextlib.suppress(OSError, RuntimeError):
        places.append(Path.home())
    target = _real(path)
    for place in places:
        if _real(place).is_relative_to(target):
            raise ExportOptionError(Reason.of(K.EXPORT_HOLDS_PLACE, path=path, place=place))
    if target.parent == target:
        raise ExportOptionError(Reason.of(K.EXPORT_HOLDS_PLACE, path=path, place=target))


def database_files(database: Path) -> list[Path]:
    """A SQLite database and the files beside it that are part of it (its write-ahead log, its journal)."""
    return [database, *(database.with_name(database.name + end) for end in ("-wal", "-shm", "-journal"))]


def guard_database(path: Path, folder: bool, database: Path | None) -> None:
    """ExportOptionError if an export to ``path`` would write over the project's own SQLite ``database``, or
    (a folder export with ``overwrite``) delete it with the old folder: ``--overwrite`` is never for that."""
    if database is None:
        return
    if not folder and any(writes_over(path, kept, False) for kept in database_files(database)):
        raise ExportOptionError(Reason.of(K.EXPORT_IS_DATABASE, path=path))
    if folder and any(writes_over(path, kept, True) for kept in database_files(database)):
        kind = K.EXPORT_IS_DATABASE if _real(path) == _real(database) else K.EXPORT_HOLDS_DATABASE
        raise ExportOptionError(Reason.of(kind, path=path, database=database))


def target_path(path: Path) -> Path:
    """``path`` absolute, its folder as the system resolves it (``link/../out`` is beside what ``link`` names,
    as ``ls`` shows), its last name kept (a symbolic link there is replaced, never followed); ``.`` and
    ``..`` resolved whole, so that the temporary goes beside the target, never inside it."""
    absolute = Path(path).absolute()  # keeps "..", drops "."
    if absolute.name in ("", ".."):
        return _real(absolute)
    return _real(absolute.parent) / absolute.name


class ExportOutput:
    """The target of one export: ``begin`` gives the temporary path to write into, ``commit`` moves it into
    place, ``discard`` removes it."""

    def __init__(self, path: Path, folder: bool, overwrite: bool = False) -> None:
        self.path, self.folder, self.overwrite = target_path(path), folder, overwrite
        path = self.path
        self.temp: Path | None = None
        self._held: int | None = None  # the temporary's descriptor, locked: no other export sweeps it
        there = existing(path, folder)
        if there is not None and not overwrite:
            raise ExportTargetExists(
                f"{path} already exists ({there}); the export writes nothing over it. Choose another name, "
                "or replace it as a whole with --overwrite (the Export dialog asks)."
            )

    def begin(self) -> Path:
        parent = self.path.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
            prefix, suffix = f".{self.path.name}.", ".part"
            sweep(parent, prefix, suffix, what="an export")  # what exports killed midway left
            if self.folder:
                self._held, temp = held_folder(parent, prefix, suffix)
                os.chmod(temp, 0o777 & ~umask())
            else:
                self._held, temp = held_file(parent, prefix, suffix)
                os.chmod(temp, 0o666 & ~umask())
        except OSError as exc:
            raise ExportError(
                Reason.of(K.EXPORT_CANNOT_WRITE, parent=parent, error=exc.strerror or exc)
            ) from exc
        self.temp = temp
        return temp

    def commit(self) -> None:
        """Flush the finished export to the disk and give it its name (replacing what was there only when
        ``overwrite`` was given)."""
        temp = self.temp
        assert temp is not None, "begin() first"
        if self.folder:
            flush_tree(temp)
        else:
            fsync_file(temp)
        there = existing(self.path, self.folder)
        if there is not None and not self.overwrite:
            raise ExportTargetExists(
                f"{self.path} appeared while the export ran ({there}); it was left "
                "alone and nothing was written"
            )
        if there is None:
            self._move_into_free_place(temp)
        elif self.folder:
            self._swap_folder(temp)
        else:
            os.replace(temp, self.path)  # one atomic step: the old file or the new one, never neither
        fsync_folder(self.path.parent)
        self.temp = None
        self._release()

    def _release(self) -> None:
        held, self._held = self._held, None
        if held is not None:
            os.close(held)

    def _move_into_free_place(self, temp: Path) -> None:
        if self.folder:
            if self.path.is_dir() and not self.path.is_symlink():  # an empty folder: take its place
                self.path.rmdir()
            os.rename(temp, self.path)
            return
        try:
            os.link(temp, self.path)  # fails, rather than replaces, if the name was taken meanwhile
        except FileExistsError:
            raise ExportTargetExists(
                f"{self.path} appeared while the export ran; it was left alone"
            ) from None
        except OSError:  # no hard links on this file system: the name was free a moment ago
            os.rename(temp, self.path)
        else:
            temp.unlink()

    def _swap_folder(self, temp: Path) -> None:
        """Replace the old folder as a whole: set it aside, move the new one in, then delete the old one. A
        crash in between leaves the old folder under its temporary name, never a mix of the two."""
        aside = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.", suffix=".old", dir=self.path.parent))
        aside.rmdir()
        os.rename(self.path, aside)
        try:
            os.rename(temp, self.path)
        except OSError:
            os.rename(aside, self.path)
            raise
        if aside.is_symlink():  # the link is what was replaced; the folder it named is left as it is
            aside.unlink()
        else:
            shutil.rmtree(aside, ignore_errors=True)

    def discard(self) -> None:
        """Remove the temporary (and only it): what a failed or cancelled export leaves behind."""
        temp, self.temp = self.temp, None
        if temp is None:
            self._release()
            return
        try:
            if self.folder:
                shutil.rmtree(temp)
            else:
                temp.unlink(missing_ok=True)
        except OSError as exc:
            logger.warning("could not remove the unfinished export %s: %s", temp, exc)
        finally:
            self._release()


# -- other files a command writes where the user says (``suggest --output``, ``train --save``) ------------


def abandon(writers: Iterable[DocumentWriter], output: ExportOutput) -> None:
    """After a failed or cancelled export: each writer removes what it created, then the temporary goes,
    even when a writer cannot close its file (a full disk fails its last flush too)."""
    try:
        for writer in writers:
            try:
                writer.abort()
            except OSError as exc:
                logger.warning("could not abandon a part of the unfinished export: %s", exc)
    finally:
        output.discard()


def cannot_write(out: Path, exc: OSError) -> ExportError:
    """A write that failed under an export (a full disk, a folder made read-only), naming where."""
    return ExportError(Reason.of(K.EXPORT_CANNOT_WRITE, parent=out.parent, error=exc.strerror or exc))


def file_taken(path: Path, overwrite: bool, inputs: Sequence[Path] = ()) -> str | None:
    """Why a command must not write the file ``path`` (a folder is there, or a file and no ``overwrite``; or
    it is one of the files the command reads, ``inputs``, which ``overwrite`` never replaces), or None.
    Asked before any work starts, so that nothing is computed for a name that will be refused."""
    for kept in inputs:
        if writes_over(path, kept, folder=False):
            also = "" if str(kept) == str(path) else f" ({kept})"
            return (
                f"{path} is a file this command reads{also}: nothing is written over it, even with "
                "--overwrite; choose another name"
            )
    try:
        there = existing(path, folder=False)
    except ExportOptionError as exc:
        return str(exc)
    if there is not None and not overwrite:
        return (
            f"{path} already exists ({there}); nothing was written over it. Choose another name, or replace "
            "it with --overwrite"
        )
    return None


@contextmanager
def new_file(path: Path, overwrite: bool = False) -> Iterator[Path]:
    """The temporary sibling to write ``path``'s content into: moved into place when the block ends without
    an exception, removed otherwise, so a failed or interrupted command leaves the old file (or none), never
    half of one. ``ExportError`` if it cannot be written, or if ``path`` is taken and ``overwrite`` is not
    given (``ExportTargetExists``, also when the name was taken while the block ran)."""
    out = ExportOutput(path, folder=False, overwrite=overwrite)
    temp = out.begin()
    try:
        yield temp
        out.commit()
    except BaseException:
        out.discard()
        raise
