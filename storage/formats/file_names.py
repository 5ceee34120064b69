"""File names made from document titles, for exports written as one file per document (WebAnno TSV, which
INCEpTION lists by file name; brat, which lists a folder's documents by file name): safe on every disk and
unique in their folder; and, importing such a file back, the title its name gives (``title_from_name``).

A title keeps its words; what no file name (or no INCEpTION document name) may hold goes: path separators,
the characters Windows refuses (``: * ? " < > |``), control and invisible characters, and whitespace other
than single spaces; a name never starts or ends with a dot or a space, nor is one of Windows' device names
(``CON``, ``NUL``…). It is cut to 60 characters and 150 bytes of UTF-8 (a disk allows 255 bytes for the name,
the suffix included). Two titles that would give the same name, or names a disk that ignores case (macOS,
Windows) would take for one, are told apart by the document's id; a title with nothing left is ``doc<ID>``.

An export also writes ``.newstag-documents.conf``: each file's name and its document's title, in the order
the documents were exported. Importing the folder back reads the files in that order and gives each its
title from there; a folder without one (another tool's, an older export) is titled from its names.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

# hidden, a .conf: not imported, not counted as passed over, not listed by brat nor in an upload dialog
RECORD = ".newstag-documents.conf"
MAX_CHARACTERS = 60
MAX_BYTES = 150
_UNSAFE = re.compile(r'[/\\:*?"<>|]')
_FALLBACK = re.compile(r"doc\d{6,}")
# 0001, doc_12: an id, no title
_NUMBERED = re.compile(r"(?:doc|document|file|text)?[-_ ]?\d+", re.IGNORECASE)
# the suffixes of the documents INCEpTION's project export names its folders by
# (annotation/<doc.txt>/<user>.tsv)
_DOCUMENT_SUFFIXES = {".txt", ".tsv", ".xmi", ".conll", ".conllu", ".conllx", ".json", ".jsonl", ".xml"}
_DOCUMENT_SUFFIXES |= {".html", ".htm", ".pdf", ".ann", ".bio", ".iob", ".bioes", ".md", ".rtf", ".docx"}
_INCEPTION_FOLDERS = {"annotation", "curation"}  # the project export's folders of documents
_INCEPTION_USERS = {"CURATION_USER", "INITIAL_CAS"}  # the files INCEpTION names for itself, not for a user
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
    if name.split(".")[0].rstrip(" ").upper() in _DEVICES:  # Windows reserves "CON .x" too
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
        return _key(name)


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def record_text(entries: Iterable[tuple[str, str]]) -> str:
    """``RECORD``'s content for the files written, in their order: each stem and its document's title."""
    lines = ["# newstag export: its documents in their order, each file's name (no suffix) and title\n"]
    for stem, title in entries:
        lines.append(f"{json.dumps(stem, ensure_ascii=False)}\t{json.dumps(title, ensure_ascii=False)}\n")
    return "".join(lines)


def _record(folder: Path) -> dict[str, tuple[int, str]]:
    """The ``RECORD`` in ``folder``, by stem (NFC): each file's position and title; empty where none reads."""
    path = folder / RECORD
    try:
        stat = path.stat()
    except OSError:
        return {}
    return _record_read(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _record_read(path: Path, _mtime: int, _size: int) -> dict[str, tuple[int, str]]:
    entries: dict[str, tuple[int, str]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    for line in lines:
        stem, tab, title = line.partition("\t")
        if line.startswith("#") or not tab:
            continue
        try:
            stem, title = json.loads(stem), json.loads(title)
        except ValueError:
            continue
        if isinstance(stem, str) and isinstance(title, str):
            entries.setdefault(unicodedata.normalize("NFC", stem), (len(entries), title))
    return entries


def in_export_order(paths: Sequence[Path]) -> list[Path]:
    """``paths`` (sorted) with the files of each folder that holds a ``RECORD`` in the export's order there
    (those it does not name after them, as they came), in the places that folder's files had."""
    out = list(paths)
    slots: dict[Path, list[int]] = {}
    for i, path in enumerate(out):
        slots.setdefault(path.parent, []).append(i)
    for folder, places in slots.items():
        record = _record(folder)
        if not record:
            continue
        unknown = len(record)
        ordered = sorted(
            (out[i] for i in places),
            key=lambda p: record.get(unicodedata.normalize("NFC", p.stem), (unknown, ""))[0],
        )
        for i, path in zip(places, ordered, strict=True):
            out[i] = path
    return out


def _sibling_keys(folder: Path, suffix: str) -> set[str]:
    try:
        return _listed(folder, suffix, folder.stat().st_mtime_ns)
    except OSError:
        return set()


@lru_cache(maxsize=8)
def _listed(folder: Path, suffix: str, _mtime: int) -> set[str]:
    names = os.listdir(folder)
    return {_key(name[: -len(suffix)]) for name in names if name.lower().endswith(suffix.lower())}


def title_from_name(stem: str, first_line: str, clashed: bool = True) -> str:
    """The title of a document read from a file named ``stem`` (no suffix) whose first line is
    ``first_line`` (``model.text.first_line_title``): the file's name, as brat and INCEpTION name a document,
    unless it is that first line made into a name (``FileNames``: cut to 60 characters, with the id after a
    hyphen where ``clashed``: the name without it is taken in the folder), where the first line is the
    fuller title, or a name without one: a bare number or id (``0001``, ``doc000042``, written for a document
    without a title, or by newstag before titles named files). Names are compared after NFC (macOS and SMB
    hand them out decomposed)."""
    stem = unicodedata.normalize("NFC", stem)
    if _FALLBACK.fullmatch(stem) or _NUMBERED.fullmatch(stem):
        return first_line
    made = unicodedata.normalize("NFC", _clean(first_line))
    if made and (stem == made or (clashed and re.fullmatch(re.escape(made) + r"(-\d+)+", stem))):
        return first_line
    return stem


def inception_document(path: Path) -> str | None:
    """The document name of a file laid out as in INCEpTION's project export
    (``annotation/<document name>/<user>.tsv``, ``curation/<document name>/CURATION_USER.tsv``: a folder named
    by the document, its suffix kept, inside ``annotation`` or ``curation``, or holding a file of INCEpTION's
    own users); None for any other file, one in a folder of the user's named like a file (``corpus.txt/``)
    among them."""
    folder = Path(path.parent.name)
    if folder.suffix.lower() not in _DOCUMENT_SUFFIXES or not folder.stem.strip():
        return None
    if path.parent.parent.name.casefold() in _INCEPTION_FOLDERS or path.stem in _INCEPTION_USERS:
        return folder.stem
    return None


def title_from_path(path: Path, first_line: str, inception: bool = False) -> str:
    """The title of the document read from the file at ``path`` whose first line is ``first_line``: the
    one its export recorded (``RECORD``), else ``title_from_name``'s. Where the file's content is what
    INCEpTION's project export holds (``inception``: a WebAnno TSV file) and its place is that export's
    (``inception_document``), the folder names the document, never the user's file in it."""
    stem = unicodedata.normalize("NFC", path.stem)
    recorded = _record(path.parent).get(stem)
    if recorded is not None and recorded[1].strip():
        return recorded[1]
    if inception and (document := inception_document(path)) is not None:
        return title_from_name(document, first_line)
    base = re.sub(r"-\d+$", "", stem)
    clashed = base != stem and _key(base) in _sibling_keys(path.parent, path.suffix)
    return title_from_name(stem, first_line, clashed)
