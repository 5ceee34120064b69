"""Turning a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, detected."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from model.reasons import ReasonKind as K
from storage.formats import ImportFormatError, bom_encoding

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1c\x1d\x1e\x85")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def looks_like_text(text: str) -> bool:
    """Reject decodings full of control characters or unassigned code points (binary read as text)."""
    if not text:
        return True
    sample = text[:20000]
    bad = sum(
        1
        for ch in sample
        if (unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs") and ch not in _ALLOWED_CONTROLS)
    )
    return bad / len(sample) < 0.001


def decode(data: bytes, path: Path | str) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ImportFormatError naming the file (and line) otherwise."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), bom_encoding(encoding)
            except UnicodeDecodeError as exc:
                raise ImportFormatError.of(path, K.BAD_BOM, codec=encoding) from exc
    if b"\x00" in data[:8192]:
        raise ImportFormatError.of(path, K.BINARY_NUL)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        for encoding in ("gb18030", "big5"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if looks_like_text(text):
                return text, encoding
        best = from_bytes(data[:65536]).best()
        if best is not None and best.encoding not in ("utf_8", "gb18030", "big5"):
            try:
                text = data.decode(best.encoding)
            except (UnicodeDecodeError, LookupError):
                text = ""
            if text and looks_like_text(text):
                return text, best.encoding
        raise ImportFormatError.of(
            path,
            K.UNDECODABLE_BYTE,
            _line_of(data, utf8_error.start),
            byte=data[utf8_error.start],
            offset=utf8_error.start,
        ) from utf8_error
    if not looks_like_text(text):
        raise ImportFormatError.of(path, K.BINARY_CONTROLS)
    return text, "utf-8"


def read_text_file(path: Path) -> tuple[str, str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFormatError.of(path, K.CANNOT_READ, error=exc.strerror or str(exc)) from exc
    text, encoding = decode(data, path)
    if (nul := text.find("\x00")) >= 0:  # past the first 8 KB (earlier ones mean a binary file)
        raise ImportFormatError.of(path, K.NUL_CHARACTER, text.count("\n", 0, nul) + 1)
    return text, encoding
