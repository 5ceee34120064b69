"""Opening a file to import: a regular file only, and any failure to read it a refusal naming the file.

A pipe (FIFO) opened for reading waits for a writer, which may never come: ``newstag import fifo`` would hang.
A folder, a device or a socket is not a text file either. So a file is opened without waiting
(``O_NONBLOCK``), looked at (``fstat``) and refused unless it is a regular file, before one byte is read. A
file deleted, replaced by a folder or made unreadable between the moment it was named and the moment it is
read is refused the same way (``unreadable``), never an error without the file's name."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from model.reasons import ReasonKind as K
from storage.formats import ImportFormatError

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def unreadable(path: Path | str, exc: OSError) -> ImportFormatError:
    """The refusal for a file that could not be opened or read (``exc.filename`` names it where it is set:
    the ``.txt`` half of a brat pair, say)."""
    where = exc.filename if isinstance(exc.filename, str) and exc.filename else path
    if isinstance(exc, FileNotFoundError):
        return ImportFormatError.of(where, K.NOT_FOUND)
    if isinstance(exc, IsADirectoryError):
        return ImportFormatError.of(where, K.NOT_A_FILE_FOLDER)
    return ImportFormatError.of(where, K.CANNOT_READ, error=exc.strerror or str(exc))


def open_input(path: Path) -> BinaryIO:
    """``path`` opened for reading bytes; ImportFormatError if it cannot be, or is not a regular file."""
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        raise unreadable(path, exc) from exc
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ImportFormatError.of(path, K.NOT_A_FILE_FOLDER)
        if not stat.S_ISREG(mode):
            raise ImportFormatError.of(path, K.NOT_A_FILE_SPECIAL)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
