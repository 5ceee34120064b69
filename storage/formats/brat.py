"""brat standoff: a ``.txt`` file with the text and an ``.ann`` file beside it, one entity per line::

    T1<TAB>PER 0 3<TAB>裴青山
    T2<TAB>LOC 10 12;13 15<TAB>北京 市区

Offsets are code points into the ``.txt`` file's text. An entity that crosses a line break is written as
fragments split at the line breaks (as brat itself does): fragments separated only by whitespace holding a
line break are one span again. Other fragments make a discontinuous entity: each fragment becomes its own span
of that label (``Discontinuous.SPLIT``, said in the notes) or the file is refused; an entity is never widened
over what lies between its fragments. Event triggers (the ``T`` lines that ``E`` lines name as their trigger,
and every type ``annotation.conf`` lists under ``[events]``) are not entities: they are skipped and counted.
Relations, attributes and notes (lines starting R, A, M, N, #) are not newstag's business either.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

from model.labels import label_reason
from model.reasons import ReasonKind as K
from model.reasons import said
from model.spans import Entity, newlines_normalised
from model.text import first_line_title, line_ending_kind
from storage.export_types import ExportDocument, SkipReason, WriteResult
from storage.formats import ImportFormatError, ParsedDocument, ReadInfo
from storage.formats.decoding import read_text_file, refuse_nul
from storage.formats.file_names import RECORD, FileNames, record_text, title_from_path
from storage.formats.options import Discontinuous, ReadOptions
from storage.formats.source import TextFile

logger = logging.getLogger(__name__)

_OFFSETS = re.compile(r"^\d+ \d+(;\d+ \d+)*$")
_TRIGGER = re.compile(r"^E\d*\t[^:\s]+:(T\d+)")


def pair_of(path: Path) -> tuple[Path, Path]:
    """``(txt, ann)`` for either file of a pair."""
    return path.with_suffix(".txt"), path.with_suffix(".ann")


def _fragments(spec: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (part.split(" ") for part in spec.split(";"))]


def find_conf(folder: Path) -> Path | None:
    """The ``annotation.conf`` brat would use: in the document's folder or the nearest folder above it."""
    for candidate in (folder, *folder.parents):
        if (conf := candidate / "annotation.conf").is_file():
            return conf
    return None


def event_types(conf: Path) -> set[str]:
    """The types ``annotation.conf`` lists under ``[events]``."""
    types: set[str] = set()
    section = ""
    text, _ = read_text_file(conf)
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1].strip().lower()
            continue
        if section == "events":
            name = stripped.split(None, 1)[0].lstrip("!")
            if name and not name.startswith("<"):
                types.add(name)
    return types


def _joined(raw: str, fragments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fragments merged where only whitespace holding a line break lies between them (brat's own split)."""
    merged = [fragments[0]]
    for start, end in fragments[1:]:
        gap = raw[merged[-1][1] : start]
        if merged[-1][1] <= start and gap.isspace() and ("\n" in gap or "\r" in gap):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def read_brat(
    path: Path,
    warnings: list[str] | None = None,
    options: ReadOptions | None = None,
    info: ReadInfo | None = None,
    ann_source: TextFile | None = None,
) -> Iterator[ParsedDocument]:
    """One document from ``NAME.txt`` and ``NAME.ann`` (``path`` may name either; ``ann_source``: the .ann
    with its encoding settled, where detection opened it)."""
    options = options or ReadOptions()
    info = info if info is not None else ReadInfo()
    txt_path, ann_path = pair_of(path)
    if not txt_path.exists():
        raise ImportFormatError.of(ann_path, K.BRAT_NO_TEXT, name=txt_path.name)
    if not ann_path.exists():
        raise ImportFormatError.of(txt_path, K.BRAT_NO_ANNOTATIONS, name=ann_path.name)
    raw, encoding = read_text_file(txt_path)
    info.format, info.encoding, info.variant = "brat", encoding, said(K.VARIANT_BRAT)
    if not raw.strip():
        raise ImportFormatError.of(txt_path, K.BRAT_EMPTY)
    if "\ufeff" in raw:
        raise ImportFormatError.of(txt_path, K.INNER_BOM_BRAT, raw.count("\n", 0, raw.index("\ufeff")) + 1)
    if ann_source is None:
        ann, _ = read_text_file(ann_path)
    else:  # settled when the format was detected: not read again from the start
        ann = "".join(ann_source.chunks())
        refuse_nul(ann, ann_path)
    lines = ann.replace("\r\n", "\n").replace("\r", "\n").split("\n")  # a lone \r ends a line, as in brat
    triggers = {m.group(1) for line in lines if (m := _TRIGGER.match(line))}
    conf = find_conf(ann_path.parent)
    events = event_types(conf) if conf is not None else set()
    entities: list[Entity] = []
    ignored = skipped_triggers = split = 0
    defined: dict[str, int] = {}  # entity id -> its line
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if not line.startswith("T"):
            ignored += 1
            continue
        fields = line.split("\t")
        if len(fields) < 2 or " " not in fields[1]:
            raise ImportFormatError.of(ann_path, K.BRAT_BAD_LINE, number, row=line)
        if (first := defined.setdefault(fields[0], number)) != number:  # two entities, or one changed
            raise ImportFormatError.of(ann_path, K.BRAT_ID_TWICE, number, entity=fields[0], first=first)
        label, spec = fields[1].split(" ", 1)
        if (problem := label_reason(label)) is not None:
            raise ImportFormatError(ann_path, problem, number)
        if not _OFFSETS.match(spec):
            raise ImportFormatError.of(ann_path, K.BRAT_BAD_OFFSETS, number, spec=spec)
        fragments = _fragments(spec)
        for start, end in fragments:
            if start >= end:
                raise ImportFormatError.of(
                    ann_path, K.BRAT_SPAN_EMPTY, number, entity=fields[0], start=start, end=end
                )
            if not 0 <= start < end <= len(raw):
                raise ImportFormatError.of(
                    ann_path,
                    K.BRAT_OUT_OF_RANGE,
                    number,
                    entity=fields[0],
                    start=start,
                    end=end,
                    name=txt_path.name,
                    length=len(raw),
                )
        surface = " ".join(raw[a:b] for a, b in fragments)
        stated = "\t".join(fields[2:]) if len(fields) >= 3 else None  # the text itself may hold tabs
        if stated is not None and stated not in (surface, surface.replace("\n", " ")):
            raise ImportFormatError.of(
                ann_path,
                K.BRAT_TEXT_DIFFERS,
                number,
                entity=fields[0],
                covered=surface,
                name=txt_path.name,
                stated=stated,
            )
        if fields[0] in triggers or label in events:
            skipped_triggers += 1
            continue
        parts = _joined(raw, fragments)
        if len(parts) > 1:
            if options.discontinuous is Discontinuous.REFUSE:
                raise ImportFormatError.of(
                    ann_path, K.BRAT_DISCONTINUOUS, number, entity=fields[0], label=label, spec=spec
                )
            split += 1
        entities.extend(Entity(a, b, label) for a, b in parts)
    if ignored:
        info.notes.append(said(K.NOTE_BRAT_IGNORED, path=ann_path, count=ignored))
    if skipped_triggers:
        kind = K.NOTE_BRAT_TRIGGERS_CONF if events else K.NOTE_BRAT_TRIGGERS
        info.notes.append(said(kind, path=ann_path, count=skipped_triggers))
    if split:
        info.notes.append(said(K.NOTE_BRAT_SPLIT, path=ann_path, count=split))
    if warnings is not None:
        warnings.extend(info.notes + info.warnings)
    text, entities = newlines_normalised(raw, entities)
    yield ParsedDocument(
        title=title_from_path(txt_path, first_line_title(text)),
        text=text,
        source=str(txt_path),
        meta={"format": "brat", "encoding": encoding, "line_endings": line_ending_kind(raw)},
        entities=entities,
        line=1,
    )


def ann_line(number: int, entity: Entity, text: str) -> str | None:
    """The ``.ann`` line of one entity, split into fragments at line breaks; None if only line breaks."""
    fragments: list[tuple[int, int]] = []
    start = entity.start
    for i in range(entity.start, entity.end + 1):
        if i == entity.end or text[i] == "\n":
            if i > start:
                fragments.append((start, i))
            start = i + 1
    if not fragments:
        return None
    spec = ";".join(f"{a} {b}" for a, b in fragments)
    surface = " ".join(text[a:b] for a, b in fragments)
    return f"T{number}\t{entity.label} {spec}\t{surface}\n"


class BratWriter:
    """Writes each document as ``TITLE.txt`` + ``TITLE.ann`` into a folder (the export's temporary one), its
    title made safe and unique (``storage.formats.file_names``, as the WebAnno export names its files),
    and on ``close`` an ``annotation.conf`` naming the entity types used, so that brat shows the folder
    without complaint. It creates files only, never overwrites one, and ``abort`` removes only its own."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self._written: list[Path] = []
        self._labels: set[str] = set()
        self._names = FileNames()
        self._order: list[tuple[str, str]] = []  # (stem, title) of each document written, in order

    def write(self, doc: ExportDocument) -> WriteResult:
        result = WriteResult(sentences=0)
        lines: list[str] = []
        for entity in doc.entities:
            line = ann_line(len(lines) + 1, entity, doc.text)
            if line is None:
                result.skipped.append((SkipReason.WHITESPACE_ONLY, entity))
                continue
            lines.append(line)
            result.written.append(entity)
            self._labels.add(entity.label)
        stem = self._names.name(doc.title, doc.id)  # "v1.2" is no suffix: the names are joined, not replaced
        for suffix, content in ((".txt", doc.text), (".ann", "".join(lines))):
            self._create(self.folder / f"{stem}{suffix}", content)
        self._order.append((stem, doc.title))
        return result

    def _create(self, path: Path, content: str) -> None:
        """A new file; a file already there is never overwritten (FileExistsError)."""
        with path.open("x", encoding="utf-8", newline="") as f:
            self._written.append(path)
            f.write(content)

    def close(self) -> None:
        conf = "[entities]\n" + "".join(f"{label}\n" for label in sorted(self._labels))
        conf += "\n[relations]\n\n[events]\n\n[attributes]\n"
        self._create(self.folder / "annotation.conf", conf)
        self._create(self.folder / RECORD, record_text(self._order))
        self._written.clear()

    def abort(self) -> None:
        for path in self._written:
            path.unlink(missing_ok=True)
        self._written.clear()
