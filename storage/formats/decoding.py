"""Turning a file's bytes into text: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one where
its NUL bytes say which), GB18030/GBK, Big5, EUC-KR, detected."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path
from typing import NoReturn, Protocol

from charset_normalizer import from_bytes

from model.reasons import ReasonKind as K
from storage.formats import ImportFormatError, bom_encoding
from storage.formats.hanzi_frequency import FREQUENT_HANZI
from storage.formats.input_file import open_input, unreadable

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1c\x1d\x1e\x85")
ENCODING_NAMES = {"utf-8": "UTF-8", "gb18030": "GB18030", "big5": "Big5", "euc_kr": "EUC-KR"}
HEAD = 1 << 18  # the bytes samples are taken from (as ``source.CHUNK``)
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


# Korean EUC-KR decodes without error as GB18030 (and as Big5), its Hangul rows being GB2312's first-level
# hanzi: into text of common characters that reads as nonsense. In Chinese news, 78 % of the hanzi are among
# the 500 most frequent (``hanzi_frequency``); in Korean read as GB18030, about 5 %. A file is Korean when its
# GB18030 reading has fewer than this share of them, and its EUC-KR reading is mostly Hangul.
FREQUENT_SHARE = 0.3
KOREAN_EVIDENCE = 20  # hanzi in the GB18030 reading, at least, before the share counts


def _hanzi(text: str) -> list[str]:
    return [ch for ch in text[:65536] if "\u4e00" <= ch <= "\u9fff"][:20000]


def korean(source: ByteSource) -> bool:
    """Whether a file that is not UTF-8 is Korean EUC-KR: its GB18030 reading has few of the most frequent
    hanzi, its EUC-KR reading is mostly Hangul syllables, and the whole file is valid EUC-KR. (Not cp949's
    extended syllables, whose trail bytes Big5 text shares: Big5 Chinese would pass for cp949 Korean.)"""
    hanzi = _hanzi(source.head.decode("gb18030", errors="ignore"))
    if len(hanzi) < KOREAN_EVIDENCE or sum(ch in FREQUENT_HANZI for ch in hanzi) >= FREQUENT_SHARE * len(
        hanzi
    ):
        return False
    wide = [ch for ch in source.head[:65536].decode("euc_kr", errors="ignore") if ord(ch) >= 0x80]
    hangul = sum(1 for ch in wide if "\uac00" <= ch <= "\ud7a3")
    return 2 * hangul >= len(wide) and source.first_error("euc_kr") is None


def damaged_cjk(before: int, total: int) -> bool:
    """Whether a file is in the CJK encoding that read ``before`` of its ``total`` non-ASCII bytes before
    breaking (then it is refused at the break; ``total`` may be counted only up to ``2 * CJK_EVIDENCE``)."""
    return before >= CJK_EVIDENCE or (before >= 8 and 2 * before >= total)


def _usual(ch: str) -> bool:
    """ASCII text, a hanzi, CJK punctuation or a full-width form: what a Chinese news file is made of."""
    return (
        (" " <= ch <= "~" or ch in "\t\n\r")
        or "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
    )


def _utf16_reading(head: bytes, *, with_nul: bool) -> tuple[str, str] | None:
    """The text of ``head`` read as UTF-16 without a BOM in the byte order that reads as text made of ASCII,
    hanzi, CJK punctuation and full-width forms (9 characters in 10 or more, NUL characters aside), or None.
    Read in the other order, or a binary file read in either, gives NUL characters or characters from all
    over Unicode. ``with_nul``: a reading may hold NUL characters (under one character in four), else not.
    Returns ``(codec, text)``."""
    sample = head[: min(len(head), 65536) & ~1]
    readings = []
    for codec in ("utf-16-le", "utf-16-be"):
        text = sample.decode(codec, errors="ignore")
        rest = text.replace("\x00", "")
        if not with_nul and rest != text:
            continue
        if rest and 4 * (len(text) - len(rest)) < len(text) and 10 * sum(map(_usual, rest)) >= 9 * len(rest):
            readings.append((sum(ch < "\x80" for ch in rest), codec, text))
    # both may read as hanzi (ASCII letters are the high byte of U+4E00-U+7A00): the one whose NUL bytes are
    # the high bytes of ASCII characters (the line breaks among them) is the file's
    if not readings:
        return None
    _, codec, text = max(readings)
    return codec, text


def unmarked_utf16(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` where ``head``, which holds NUL bytes (the high byte of every ASCII
    character, the line breaks among them), reads in that byte order as text (``_utf16_reading``)."""
    reading = _utf16_reading(head, with_nul=False)
    if reading is None:
        return None
    codec, text = reading
    return codec if looks_like_text(text) else None


def stray_nul(head: bytes) -> int | None:
    """The line of the first NUL byte where ``head`` is UTF-8 text with some NUL bytes in it (a damaged
    file, refused there), else None. Not UTF-16: there every ASCII character brings a NUL byte, and the other
    bytes are no UTF-8 (read as UTF-16, ``{{location:`` with one NUL after it is hanzi, 筻潬慣楴湯)."""
    nuls = head.count(0)
    if not nuls:
        return None
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head.replace(b"\x00", b""), final=False)
    except UnicodeDecodeError:  # UTF-16 of hanzi is no UTF-8
        return None
    if text.isascii() and 4 * nuls >= len(head):  # UTF-16 of ASCII and ASCII-byte hanzi: a NUL byte in 4
        return None
    return head.count(b"\n", 0, head.index(0)) + 1 if looks_like_text(text) else None


def nul_among_text(head: bytes) -> int | None:
    """The line of the first NUL where ``head`` is no UTF-8 but text with a NUL in it all the same (a
    damaged file, refused there rather than as a binary one): UTF-16 without a BOM holding a NUL character
    (00 00, in the byte order that reads as ASCII, hanzi and CJK punctuation), or GB18030/Big5 holding a NUL
    byte (the rest of the file that encoding's common characters)."""
    reading = _utf16_reading(head, with_nul=True)
    if reading is not None:
        _, text = reading
        if looks_like_text(text.replace("\x00", "")) and "\x00" in text:
            return text.count("\n", 0, text.index("\x00")) + 1
    for codec in FALLBACKS:
        try:
            rest = codecs.getincrementaldecoder(codec)().decode(head.replace(b"\x00", b""), final=False)
        except UnicodeDecodeError:
            continue
        if looks_like_text(rest) and plausible(rest, codec):
            return head.count(b"\n", 0, head.index(0)) + 1
    return None


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


class ByteSource(Protocol):
    """A file's bytes as ``settle`` asks about them: whole in memory (``decode``) or read from the disk a
    chunk at a time (``storage.formats.source``)."""

    @property
    def head(self) -> bytes:
        """The first bytes: samples are taken there."""

    def first_error(self, codec: str) -> int | None:
        """The byte offset where decoding the whole file as ``codec`` fails, or None."""

    def byte_at(self, offset: int) -> int: ...

    def line_of(self, offset: int) -> int: ...

    def text_line(self, offset: int, codec: str) -> int:
        """The line of byte ``offset`` where the file is in ``codec`` (UTF-16: its line feeds are two bytes,
        and a hanzi's may be 0x0A, 上 being 0A 4E)."""

    def high_bytes_before(self, offset: int | None, cap: int) -> int:
        """Non-ASCII bytes before ``offset`` (None: in the whole file); counting may stop past ``cap``."""


def nul_bytes(source: ByteSource, path: Path | str) -> str | None:
    """Where the first 8 KB of a file without a byte-order mark hold a NUL byte: the UTF-16 byte order that
    reads the whole file (``unmarked_utf16``), else the refusal: a NUL by its line where the rest is text
    (``stray_nul``, ``nul_among_text``), else a binary file. None where there is no NUL byte there."""
    head = source.head
    if b"\x00" not in head[:8192]:
        return None
    if (line := stray_nul(head)) is not None:
        raise ImportFormatError.of(path, K.NUL_CHARACTER, line)
    if (codec := unmarked_utf16(head)) is not None:
        if (offset := source.first_error(codec)) is None:
            return codec
        # UTF-16 all through its head, cut short or damaged further on: said so, not "a binary file"
        raise ImportFormatError.of(
            path, K.UTF16_BROKEN, source.text_line(offset, codec), codec=codec.upper(), offset=offset
        )
    if (line := nul_among_text(head)) is not None:
        raise ImportFormatError.of(path, K.NUL_CHARACTER, line)
    raise ImportFormatError.of(path, K.BINARY_NUL)


def settle(source: ByteSource, path: Path | str, utf8_break: int) -> str:
    """The codec of a file without a byte-order mark that is not UTF-8 (it breaks at ``utf8_break``):
    EUC-KR where the file is Korean (``korean``); GB18030 or Big5 where one reads the whole file into text of
    common characters; else charset-normalizer's
    guess among ``GUESSABLE`` unless a CJK encoding read far enough to show the file is in it, damaged.
    Otherwise the refusal: the encoding that reads furthest is most likely the file's own, so its break names
    the line (a GBK file with one bad byte on line 50 is refused at line 50, read as GB18030, not at its first
    Chinese character, where UTF-8 stops); one whose text before its break does not look like text does not
    count; ties go to UTF-8."""
    if korean(source):
        return "euc_kr"
    breaks = [("utf-8", utf8_break)]
    for codec in FALLBACKS:
        if (offset := source.first_error(codec)) is None:
            sample = source.head.decode(codec, errors="ignore")
            if looks_like_text(sample) and plausible(sample, codec):
                return codec
        else:
            breaks.append((codec, offset))
    cap = 2 * CJK_EVIDENCE
    furthest = max(offset for _, offset in breaks)
    if not damaged_cjk(source.high_bytes_before(furthest, cap), source.high_bytes_before(None, cap)):
        guessed = guess(source.head[:65536])
        if guessed is not None:
            try:
                sample = source.head.decode(guessed, errors="ignore")
            except LookupError:
                sample = ""
            if sample and looks_like_text(sample) and source.first_error(guessed) is None:
                return guessed
    head = source.head
    readable = [
        (codec, offset)
        for codec, offset in breaks
        if codec == "utf-8" or looks_like_text(head[:offset].decode(codec, errors="ignore"))
    ]
    codec, offset = max(readable, key=lambda b: b[1])
    return _refuse(path, source, codec, offset)


def _refuse(path: Path | str, source: ByteSource, codec: str, offset: int) -> NoReturn:
    raise ImportFormatError.of(
        path,
        K.UNDECODABLE,
        source.line_of(offset),
        encoding=ENCODING_NAMES.get(codec, codec),
        byte=source.byte_at(offset),
        offset=offset,
    )


def line_in(data: bytes, codec: str) -> int:
    """The line that ``data``, the bytes before an offset, read as ``codec``, ends on."""
    return data.decode(codec, errors="replace").count("\n") + 1


class _InMemory:
    """A ``ByteSource`` over bytes read whole; the text of the latest codec that read them all is kept
    (``text``), so that settling on it and reading the file decode it once. Only that one: a file tried in
    several codecs would otherwise hold a text per codec (a 62 MB Big5 file, 125 MB more at its peak)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._kept: tuple[str, str] | None = None  # (codec, text)

    @property
    def head(self) -> bytes:
        return self.data[:HEAD]

    def first_error(self, codec: str) -> int | None:
        if self._kept is not None and self._kept[0] == codec:
            return None
        self._kept = None  # dropped before the next decoding, not after it
        try:
            self._kept = (codec, self.data.decode(codec))
        except UnicodeDecodeError as error:
            return error.start
        return None

    def text(self, codec: str) -> str:
        """The whole text in ``codec`` (which reads it: ``first_error`` said so, or the file is refused)."""
        kept, self._kept = self._kept, None
        if kept is not None and kept[0] == codec:
            return kept[1]
        del kept  # another codec's text: not held while this one is decoded
        return self.data.decode(codec)

    def text_line(self, offset: int, codec: str) -> int:
        return line_in(self.data[:offset], codec)

    def byte_at(self, offset: int) -> int:
        return self.data[offset]

    def line_of(self, offset: int) -> int:
        return self.data.count(b"\n", 0, offset) + 1

    def high_bytes_before(self, offset: int | None, cap: int) -> int:
        return high_bytes(self.data if offset is None else self.data[:offset])


def decode(data: bytes, path: Path | str) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ImportFormatError naming the file (and line) otherwise."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), bom_encoding(encoding)
            except UnicodeDecodeError as exc:
                line = line_in(data[: exc.start], encoding)
                raise ImportFormatError.of(path, K.BAD_BOM, line, codec=encoding) from exc
    source = _InMemory(data)
    if (codec := nul_bytes(source, path)) is not None:
        return source.text(codec), codec
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        codec = settle(source, path, utf8_error.start)
        return source.text(codec), codec
    if not looks_like_text(text):
        raise ImportFormatError.of(path, K.BINARY_CONTROLS)
    return text, "utf-8"


def read_text_file(path: Path) -> tuple[str, str]:
    try:
        with open_input(path) as f:
            data = f.read()
    except OSError as exc:
        raise unreadable(path, exc) from exc
    text, encoding = decode(data, path)
    refuse_nul(text, path)
    return text, encoding


def refuse_nul(text: str, path: Path | str) -> None:
    """Refuse a NUL character in a file's text by its line (past the first 8 KB: earlier ones are settled
    with the encoding, ``nul_bytes``)."""
    if (nul := text.find("\x00")) >= 0:
        before = text[:nul]  # lines end with \r\n, \n or a lone \r, as a file read with its lines counts them
        line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
        raise ImportFormatError.of(path, K.NUL_CHARACTER, line)
