"""Our own temporary files, and those a killed process (SIGKILL, a power cut) left behind.

Each temporary newstag makes (a backup's or an export's ``.NAME.XXXXXXXX.part``, a CRF training's
``newstag-XXXXXXXX.crfsuite``) is made by ``tempfile`` and held with an ``flock`` for as long as the process
works on it: the kernel lets the lock go when the process ends, however it ends. ``sweep`` removes the
temporaries of one name whose lock no process holds, and nothing else: only names of exactly that shape
(``tempfile``'s eight random characters between the prefix and the suffix), owned by this user. Any other
file is the user's. Where there are no ``flock``s (Windows) nothing is swept.

``cache_folder`` is newstag's own per-user folder for what it keeps between runs (jieba's dictionary cache)
and for the temporaries of a training.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path

from platformdirs import user_cache_dir

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: a killed process's temporary stays until deleted by hand
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

_RANDOM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")  # what tempfile puts between prefix and suffix
_RANDOM_LENGTH = 8


def cache_folder(*parts: str) -> Path:
    """newstag's per-user cache folder (``platformdirs.user_cache_dir("newstag")``), or a folder in it, made
    if need be, readable by this user only."""
    folder = Path(user_cache_dir("newstag"), *parts)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _held_in_place(fd: int, path: Path) -> bool:
    """Lock ``fd`` (waiting for a sweep that has it to finish) and say whether ``path`` is still its file:
    between ``mkstemp`` and the lock, another process's sweep may have found it unheld and removed it."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError:  # a file system without locks: nothing is swept there (see sweep)
        return True
    try:
        there, ours = os.stat(path, follow_symlinks=False), os.fstat(fd)
    except FileNotFoundError:
        return False
    return (there.st_dev, there.st_ino) == (ours.st_dev, ours.st_ino)


_ATTEMPTS = 10


def held_file(folder: Path, prefix: str, suffix: str) -> tuple[int, Path]:
    """A new temporary file in ``folder`` (``tempfile.mkstemp``), held with an ``flock`` so that ``sweep``
    leaves it alone: its descriptor (close it when done) and its path. ``OSError`` if it cannot be made."""
    for _ in range(_ATTEMPTS):
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
        if _held_in_place(fd, Path(name)):
            return fd, Path(name)
        os.close(fd)  # swept away before it was held: another one
    raise OSError(f"the temporaries made in {folder} were removed at once ({_ATTEMPTS} times)")


def held_folder(folder: Path, prefix: str, suffix: str) -> tuple[int | None, Path]:
    """A new temporary folder in ``folder`` (``tempfile.mkdtemp``), held, as ``held_file`` (no descriptor
    where there are no locks: Windows opens no folder)."""
    for _ in range(_ATTEMPTS):
        path = Path(tempfile.mkdtemp(prefix=prefix, suffix=suffix, dir=folder))
        if fcntl is None:
            return None, path
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            continue  # swept away before it was held: another one
        if _held_in_place(fd, path):
            return fd, path
        os.close(fd)
    raise OSError(f"the temporaries made in {folder} were removed at once ({_ATTEMPTS} times)")


def _ours(name: str, prefix: str, suffix: str) -> bool:
    middle = name[len(prefix) : len(name) - len(suffix)]
    return (
        name.startswith(prefix)
        and name.endswith(suffix)
        and len(middle) == _RANDOM_LENGTH
        and set(middle) <= _RANDOM
    )


def _temporaries(folder: Path, prefix: str, suffix: str) -> Iterator[Path]:
    uid = os.getuid() if hasattr(os, "getuid") else None
    with os.scandir(folder) as entries:
        for entry in entries:
            if not _ours(entry.name, prefix, suffix):
                continue
            with suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)) and info.st_uid in (uid, None):
                    yield Path(entry.path)


def remove(path: Path) -> None:
    """Remove a temporary file or folder (and all in it); gone already is fine."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def sweep(
    folder: Path, prefix: str, suffix: str, removal: Callable[[Path], None] = remove, what: str = "a run"
) -> list[Path]:
    """Remove the temporaries ``prefix + 8 random characters + suffix`` in ``folder`` that no process holds
    (left by ``what`` that was interrupted), each with ``removal``; the paths removed. Errors are logged,
    never raised: a leftover that stays harms nothing."""
    removed: list[Path] = []
    if fcntl is None:
        return removed
    try:
        found = list(_temporaries(folder, prefix, suffix))
    except OSError:
        return removed
    for temp in found:
        try:
            fd = os.open(temp, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # a process still running holds it (or locks are not supported here)
            continue
        else:
            logger.info("removing %s, left by %s that was interrupted", temp, what)
            try:
                removal(temp)
            except OSError as exc:
                logger.warning("could not remove %s: %s", temp, exc)
            else:
                removed.append(temp)
        finally:
            os.close(fd)
    return removed
