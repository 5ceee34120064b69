"""Making files last: flushing them to the disk, and giving them their final name only once they are whole.

The pattern everywhere newstag writes a file the user keeps (an export, a backup): write under a temporary
name beside the target, flush the data and the folder entry to the disk, then rename. A power cut at any
moment leaves either the old state or the complete new one, plus at worst a temporary file to delete.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import sys
from pathlib import Path

_UMASK = re.compile(r"^Umask:\s*([0-7]+)", re.M)


def umask() -> int:
    """The process's umask, read without changing it (a temporary file gets 0600; its final name, the mode any
    new file of the user's would get)."""
    with contextlib.suppress(OSError):
        found = _UMASK.search(Path("/proc/self/status").read_text())
        if found:
            return int(found.group(1), 8)
    return 0o022


def fsync_file(path: Path) -> None:
    with path.open("rb") as f:
        os.fsync(f.fileno())


def fsync_folder(folder: Path) -> None:
    """Make the entries (new names, renames) of ``folder`` durable; a no-op where a folder cannot be opened
    (Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _syncfs(folder: Path) -> bool:
    """Flush the whole file system holding ``folder`` in one call (Linux ``syncfs``); False if unavailable."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return False
    fd = os.open(folder, os.O_RDONLY)
    try:
        return bool(syncfs(fd) == 0)
    finally:
        os.close(fd)


def flush_tree(folder: Path) -> None:
    """Every file and folder under ``folder`` on the disk. One file-system flush where the system has one:
    fsyncing 100,000 small files one by one would take minutes."""
    if not _syncfs(folder):
        if hasattr(os, "sync"):
            os.sync()
        else:  # pragma: no cover - Windows
            for path in folder.rglob("*"):
                if path.is_file():
                    fsync_file(path)
    for sub in (folder, *(p for p in folder.rglob("*") if p.is_dir())):
        fsync_folder(sub)
