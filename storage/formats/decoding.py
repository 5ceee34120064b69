"""Turning a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, detected."""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from charset_normalizer import from_bytes

from model.reasons import ReasonKind as K
from storage.formats import ImportFormatError, bom_encoding

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1c\x1d\x1e\x85")
ENCODING_NAMES = {"utf-8": "UTF-8", "gb18030": "GB18030", "big5": "Big5"}
FALLBACKS = ("gb18030", "big5")  # tried in this order when a file without a byte-order mark is not UTF-8
# A file that UTF-8, GB18030 or Big5 reads this many non-ASCII bytes of before breaking is in that encoding,
# damaged: it is refused at the break, never read as a single-byte encoding that any bytes decode to (a GBK
# article with one bad byte read as ISO 8859-5 is Cyrillic nonsense, imported without a word).
# A shorter file is, when it reads half of the file's non-ASCII bytes (8 or more).
CJK_EVIDENCE = 32
# What charset-normalizer may name for a file that none of the above reads: text in a Latin script (an English
# or German CoNLL file; it often names a sibling of cp1252 that reads such text the same) and the other East
# Asian encodings. Never Cyrillic, Greek, Arabic and the like, which any bytes decode to: for a Chinese news
# corpus such a guess is a damaged file read as nonsense.
GUESSABLE = frozenset(
    {"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1257", "iso8859_4", "iso8859_10"}
    | {"mac_roman", "mac_latin2", "cp850", "cp852"}
    | {"shift_jis", "cp932", "euc_jp", "iso2022_jp", "euc_kr", "cp949", "big5hkscs"}
)


def guess(data: bytes) -> str | None:
    """charset-normalizer's likeliest encoding of ``data`` among ``GUESSABLE``, or None. Where it reads
    Western European text as well as the likeliest (which for a few accents is often Central European cp1250,
    reading à as ŕ), cp1252."""
    matches = [match for match in from_bytes(data) if match.encoding in GUESSABLE]
    if not matches:
        return None
    western = next((m for m in matches if m.encoding == "cp1252" and m.chaos <= matches[0].chaos), None)
    return (western or matches[0]).encoding


def high_bytes(data: bytes) -> int:
    """How many bytes of ``data`` are not ASCII."""
    return len(data.translate(None, bytes(range(128))))


def _common(ch: str, codec: str) -> bool:
    """Whether ``ch`` is a common character of ``codec``: in GB2312 (for GB18030), in Big5's symbols and
    frequent characters (lead byte A1–C6, for Big5)."""
    try:
        encoded = ch.encode("gb2312" if codec == "gb18030" else codec)
    except UnicodeEncodeError:
        return False
    return codec == "gb18030" or (len(encoded) == 2 and 0xA1 <= encoded[0] <= 0xC6)


def plausible(text: str, codec: str) -> bool:
    """Whether ``text``, decoded as GB18030 or Big5, reads as Chinese rather than as another encoding's bytes:
    half of its first 20,000 non-ASCII characters or more are common ones. Latin text decodes without error
    into rare characters (Müller in cp1252: 0xFC 0x6C, 黮 in GB18030)."""
    sample = [ch for ch in text[:65536] if ord(ch) >= 0x80][:20000]
    return 2 * sum(_common(ch, codec) for ch in sample) >= len(sample)


def damaged_cjk(before: int, total: int) -> bool:
    """Whether a file is in the CJK encoding that read ``before`` of its ``total`` non-ASCII bytes before
    breaking (then it is refused at the break; ``total`` may be counted only up to ``2 * CJK_EVIDENCE``)."""
    return before >= CJK_EVIDENCE or (before >= 8 and 2 * before >= total)


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


def undecodable(
    path: Path | str, breaks: Sequence[tuple[str, int, int]], line_of: Callable[[int], int], head: bytes
) -> ImportFormatError:
    """The refusal of a file that no encoding reads. ``breaks``: ``(codec, byte offset, byte)`` where each
    encoding tried stops, UTF-8's first. The encoding that reads furthest is most likely the file's own, so
    its break names the line: a GBK file with one bad byte on line 50 is refused at line 50 (read as
    GB18030), not at its first Chinese character, where UTF-8 stops. An encoding whose text before its break
    (in ``head``, the file's first bytes) does not look like text does not count; ties go to UTF-8."""
    readable = [
        b for b in breaks if b[0] == "utf-8" or looks_like_text(head[: b[1]].decode(b[0], errors="ignore"))
    ]
    codec, offset, byte = max(readable, key=lambda b: b[1])
    encoding = ENCODING_NAMES.get(codec, codec)
    return ImportFormatError.of(
        path, K.UNDECODABLE, line_of(offset), encoding=encoding, byte=byte, offset=offset
    )


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
        breaks = [("utf-8", utf8_error.start, data[utf8_error.start])]
        for encoding in FALLBACKS:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                breaks.append((encoding, error.start, data[error.start]))
                continue
            if looks_like_text(text) and plausible(text, encoding):
                return text, encoding
        furthest = max(offset for _, offset, _ in breaks)
        damaged = damaged_cjk(high_bytes(data[:furthest]), high_bytes(data))
        guessed = None if damaged else guess(data[:65536])
        if guessed is not None:
            try:
                text = data.decode(guessed)
            except (UnicodeDecodeError, LookupError):
                text = ""
            if text and looks_like_text(text):
                return text, guessed
        raise undecodable(path, breaks, lambda offset: _line_of(data, offset), data[:65536]) from utf8_error
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
