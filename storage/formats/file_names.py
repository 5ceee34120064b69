"""File names made from document titles, for exports written as one file per document (WebAnno TSV, which
INCEpTION lists by file name; brat, which lists a folder's documents by file name): safe on every disk and
unique in their folder; and, importing such a file back, the title its name gives (``title_from_name``).

A title keeps its words; what no file name (or no INCEpTION document name) may hold goes: path separators,
the characters Windows refuses (``: * ? " < > |``), control and invisible characters, and whitespace other
than single spaces; a name never starts or ends with a dot or a space, nor is one of Windows' device names
(``CON``, ``NUL``…). It is cut to 60 characters and 150 bytes of UTF-8 (a disk allows 255 bytes for the name,
the suffix included). Two titles that would give the same name, or names a disk that ignores case (macOS,
Windows) would take for one, are told apart by the document's id; a title with nothing left is ``doc<ID>``.
"""

from __future__ import annotations

import re
import unicodedata

MAX_CHARACTERS = 60
MAX_BYTES = 150
_UNSAFE = re.compile(r'[/\\:*?"<>|]')
_FALLBACK = re.compile(r"doc\d{6,}")
_DEVICES = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{i}" for d in ("COM", "LPT") for i in range(10)}


def _clean(title: str) -> str:
    kept = []
    for ch in _UNSAFE.sub("_", title):
        if ch.isspace():
            kept.append(" ")
        elif unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}:
            continue
        else:
            kept.append(ch)
    name = " ".join("".join(kept).split())[:MAX_CHARACTERS]
    while len(name.encode("utf-8")) > MAX_BYTES:
        name = name[:-1]
    name = name.strip(" .")
    if name.split(".")[0].upper() in _DEVICES:
        name = f"_{name}"
    return name


class FileNames:
    """Hands out one name a document, unique in one folder (case and Unicode normalisation ignored)."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def name(self, title: str, document_id: int) -> str:
        """The stem (no suffix) for the document ``document_id`` called ``title``."""
        stem = _clean(title) or f"doc{document_id:06d}"
        candidate = stem
        while self._key(candidate) in self._taken:
            candidate = f"{stem}-{document_id}" if candidate == stem else f"{candidate}-{document_id}"
        self._taken.add(self._key(candidate))
        return candidate

    @staticmethod
    def _key(name: str) -> str:
        return unicodedata.normalize("NFC", name).casefold()


def title_from_name(stem: str, first_line: str) -> str:
    """The title of a document read from a file named ``stem`` (no suffix) whose first line is
    ``first_line`` (``model.text.first_line_title``): the file's name, as brat and INCEpTION name a document,
    unless it is that first line made into a name (``FileNames``: cut to 60 characters, with an id after a
    hyphen on a clash), where the first line is the fuller title, or a name without one (``doc000042``,
    written for a document without a title, or by newstag before titles named files)."""
    if _FALLBACK.fullmatch(stem):
        return first_line
    made = _clean(first_line)
    if made and (stem == made or re.fullmatch(re.escape(made) + r"(-\d+)+", stem)):
        return first_line
    return stem
