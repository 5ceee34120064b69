"""Reading a text file in pieces: its encoding is settled by one streaming pass over its bytes (so that a GBK
file whose first megabyte happens to be ASCII is still read right), then its text is read a block of whole
lines at a time. Line endings arrive as ``\\n``. Memory stays flat whatever the file's size."""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from model.reasons import ReasonKind as K
from storage.formats import ImportFormatError, bom_encoding
from storage.formats.decoding import (
    BOMS,
    HEAD,
    decode,
    high_bytes,
    looks_like_text,
    nul_bytes,
    settle,
)
from storage.formats.input_file import open_input

CHUNK = HEAD  # bytes read at a time, and characters decoded at a time
BOM = "\ufeff"


def _count_lines(path: Path, upto: int, codec: str | None = None) -> int:
    """The line of byte offset ``upto``: line feeds before it, read as ``codec`` where it is UTF-16 (whose
    bytes 0x0A are not all line feeds)."""
    if codec is not None and codec.startswith("utf-16"):
        decoder = codecs.getincrementaldecoder(codec)("replace")
        with open_input(path) as f:
            done, line = 0, 1
            while done < upto and (data := f.read(min(CHUNK, upto - done))):
                line += decoder.decode(data).count("\n")
                done += len(data)
        return line
    line = 1
    with open_input(path) as f:
        done = 0
        while done < upto:
            data = f.read(min(CHUNK, upto - done))
            if not data:
                break
            line += data.count(b"\n")
            done += len(data)
    return line


def _high_bytes_before(path: Path, upto: int | None, cap: int) -> int:
    """Non-ASCII bytes before offset ``upto`` (None: in the whole file), counted up to ``cap``."""
    found = done = 0
    with open_input(path) as f:
        upto = os.fstat(f.fileno()).st_size if upto is None else upto
        while done < upto and found < cap:
            data = f.read(min(CHUNK, upto - done))
            if not data:
                break
            found += high_bytes(data)
            done += len(data)
    return found


def _first_error(path: Path, codec: str) -> UnicodeDecodeError | None:
    """Decode the whole file as ``codec`` a chunk at a time; the first error, with its absolute offset."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    done = 0
    with open_input(path) as f:
        while True:
            data = f.read(CHUNK)
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(data, final=not data)
            except UnicodeDecodeError as exc:
                exc.start += done - pending
                return exc
            if not data:
                return None
            done += len(data)


@dataclass(frozen=True, slots=True)
class _OnDisk:
    """A ``ByteSource`` (``decoding.settle``) read from the disk a chunk at a time."""

    path: Path
    head: bytes

    def first_error(self, codec: str) -> int | None:
        error = _first_error(self.path, codec)
        return None if error is None else error.start

    def byte_at(self, offset: int) -> int:
        with open_input(self.path) as f:
            f.seek(offset)
            return f.read(1)[0]

    def line_of(self, offset: int) -> int:
        return _count_lines(self.path, offset)

    def text_line(self, offset: int, codec: str) -> int:
        return _count_lines(self.path, offset, codec)

    def high_bytes_before(self, offset: int | None, cap: int) -> int:
        return _high_bytes_before(self.path, offset, cap)


HEAD_CHARS = 1 << 16  # what ``TextFile.head`` reads of a file


@dataclass(frozen=True, slots=True)
class TextFile:
    """A text file whose encoding is known: ``codec`` for Python, ``encoding`` as shown to the user."""

    path: Path
    codec: str
    encoding: str

    @classmethod
    def open(cls, path: Path) -> TextFile:
        """Settle the encoding: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one where its
        NUL bytes say which), else EUC-KR, GB18030, Big5 or what charset-normalizer finds; a binary or
        undecodable file is refused naming the line."""
        with open_input(path) as f:
            head = f.read(CHUNK)
        for bom, codec in BOMS:
            if head.startswith(bom):
                if (error := _first_error(path, codec)) is not None:
                    raise ImportFormatError.of(
                        path, K.BAD_BOM, _count_lines(path, error.start, codec), codec=codec
                    ) from None
                return cls(path, codec, bom_encoding(codec))
        if (utf16 := nul_bytes(_OnDisk(path, head), path)) is not None:
            return cls(path, utf16, utf16)
        utf8_error = _first_error(path, "utf-8")
        if utf8_error is None:
            if not looks_like_text(head.decode("utf-8", errors="ignore")):
                raise ImportFormatError.of(path, K.BINARY_CONTROLS)
            return cls(path, "utf-8", "utf-8")
        codec = settle(_OnDisk(path, head), path, utf8_error.start)
        return cls(path, codec, codec)

    def chunks(self) -> Iterator[str]:
        """The text in pieces of about CHUNK characters, ``\\r\\n`` and ``\\r`` read as ``\\n``."""
        with open_input(self.path) as raw, io.TextIOWrapper(raw, encoding=self.codec, newline=None) as f:
            while piece := f.read(CHUNK):
                yield piece

    def blocks(self) -> Iterator[tuple[int, str]]:
        """``(number of its first line, text)`` for pieces made of whole lines, without the final newline.
        The first line of the file is line 1; a byte-order mark at its start is not part of the text."""
        pending: list[str] = []  # the line not yet ended, in pieces: joined once, however long it grows
        line = 1
        for piece in self.chunks():
            cut = piece.rfind("\n")
            if cut < 0:
                pending.append(piece)
                continue
            block = "".join([*pending, piece[:cut]])
            pending = [piece[cut + 1 :]]
            yield line, block
            line += block.count("\n") + 1
        if tail := "".join(pending):
            yield line, tail

    def lines(self) -> Iterator[tuple[int, str]]:
        """``(line number, line)`` for every line, without its newline."""
        for first, block in self.blocks():
            yield from enumerate(block.split("\n"), start=first)

    def head(self, size: int = HEAD_CHARS) -> str:
        """The first ``size`` characters or so (whole lines where the file is longer; a first line longer
        than ``size`` is cut at ``size``, the only case where the head is ``size`` characters long)."""
        with open_input(self.path) as raw, io.TextIOWrapper(raw, encoding=self.codec, newline=None) as f:
            text = f.read(size)
            if len(text) == size and (cut := text.rfind("\n")) > 0:
                text = text[:cut]
        return text


HEAD_BYTES = 1 << 16  # what ``head_text`` reads of a file


def _whole_lines(data: bytes) -> bytes:
    """``data``, the first bytes of a longer file, up to its last line feed: in UTF-16 (a byte-order mark, or
    NUL bytes) the last line-feed code unit at an even offset, so that no character is cut."""
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) or b"\x00" in data[:8192]:
        for at in range(len(data) - 2 - len(data) % 2, -1, -2):
            if data[at : at + 2] in (b"\n\x00", b"\x00\n"):
                return data[: at + 2]
        return data[: len(data) - len(data) % 2]
    cut = data.rfind(b"\n")
    return data[: cut + 1] if cut >= 0 else data


def head_text(path: Path) -> str:
    """The text of the first ``HEAD_BYTES`` of the file at ``path`` (whole lines where it is longer), its
    encoding settled on those bytes alone: for a look at its first lines without reading the whole file
    (which ``TextFile.open`` does to settle the encoding). Line endings are left as they are."""
    with open_input(path) as f:
        data = f.read(HEAD_BYTES)
        longer = bool(f.read(1))
    return decode(_whole_lines(data) if longer else data, path)[0]


def inner_bom(path: Path, line: int) -> ImportFormatError:
    return ImportFormatError.of(path, K.INNER_BOM_LINE, line)
