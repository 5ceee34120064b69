"""brat standoff: a ``.txt`` file with the text and an ``.ann`` file beside it, one entity per line::

    T1<TAB>PER 0 3<TAB>裴青山
    T2<TAB>LOC 10 12;13 15<TAB>北京 市区

Offsets are code points into the ``.txt`` file's text. An entity that crosses a line break is written as
fragments split at the line breaks (as brat itself does); the reader joins the fragments of one entity
back into one span from its first start to its last end. Relations, events, attributes and notes (lines
starting R, E, A, M, N, #) are not newstag's business: they are ignored and counted in a warning.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

from model.labels import label_problem
from model.spans import Entity
from model.text import first_line_title, line_ending_kind, normalise_newlines
from storage.export_types import ExportDocument, SkipReason, WriteResult
from storage.formats import ImportFormatError, ParsedDocument
from storage.formats.decoding import read_text_file

logger = logging.getLogger(__name__)

_OFFSETS = re.compile(r"^\d+ \d+(;\d+ \d+)*$")


def pair_of(path: Path) -> tuple[Path, Path]:
    """``(txt, ann)`` for either file of a pair."""
    return path.with_suffix(".txt"), path.with_suffix(".ann")


def _fragments(spec: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (part.split(" ") for part in spec.split(";"))]


def read_brat(path: Path, warnings: list[str] | None = None) -> Iterator[ParsedDocument]:
    """One document from ``NAME.txt`` and ``NAME.ann`` (``path`` may name either)."""
    txt_path, ann_path = pair_of(path)
    if not txt_path.exists():
        raise ImportFormatError(ann_path, f"has no text file {txt_path.name} beside it")
    if not ann_path.exists():
        raise ImportFormatError(txt_path, f"has no annotation file {ann_path.name} beside it")
    raw, encoding = read_text_file(txt_path)
    if not raw.strip():
        raise ImportFormatError(txt_path, "is empty: there is no text to annotate")
    ann, _ = read_text_file(ann_path)
    entities: list[Entity] = []
    ignored = joined = 0
    for number, line in enumerate(ann.replace("\r\n", "\n").split("\n"), start=1):
        if not line.strip():
            continue
        if not line.startswith("T"):
            ignored += 1
            continue
        fields = line.split("\t")
        if len(fields) < 2 or " " not in fields[1]:
            raise ImportFormatError(ann_path, f"expected 'T<n><TAB>TYPE START END<TAB>text', got {line!r}",
                                    number)
        label, spec = fields[1].split(" ", 1)
        if (problem := label_problem(label)) is not None:
            raise ImportFormatError(ann_path, problem, number)
        if not _OFFSETS.match(spec):
            raise ImportFormatError(ann_path, f"bad offsets {spec!r} (expected 'START END', ';' between "
                                              "fragments)", number)
        fragments = _fragments(spec)
        for start, end in fragments:
            if not 0 <= start < end <= len(raw):
                raise ImportFormatError(ann_path, f"entity {fields[0]} [{start}, {end}) is out of range for "
                                                  f"{txt_path.name} ({len(raw)} characters)", number)
        surface = " ".join(raw[a:b] for a, b in fragments)
        stated = "\t".join(fields[2:]) if len(fields) >= 3 else None  # the text itself may hold tabs
        if stated is not None and stated not in (surface, surface.replace("\n", " ")):
            raise ImportFormatError(
                ann_path, f"entity {fields[0]} covers {surface!r} in {txt_path.name}, but the file says "
                f"{stated!r} (offsets counted differently?)", number)
        if len(fragments) > 1:
            joined += 1
        entities.append(Entity(min(a for a, _ in fragments), max(b for _, b in fragments), label))
    if warnings is not None and ignored:
        warnings.append(f"{ann_path}: {ignored} line(s) that are not entities (relations, events, "
                        "attributes, notes) were ignored")
    if warnings is not None and joined:
        warnings.append(f"{ann_path}: {joined} entity(ies) in several fragments were read as one span each")
    text, mapper = normalise_newlines(raw)
    if text is not raw:
        entities = [Entity(mapper(e.start), mapper(e.end), e.label) for e in entities]
    yield ParsedDocument(
        title=first_line_title(text),
        text=text,
        source=str(txt_path),
        meta={"format": "brat", "encoding": encoding, "line_endings": line_ending_kind(raw)},
        entities=entities,
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
    """Writes each document as ``doc<ID>.txt`` + ``doc<ID>.ann`` into a folder (the export's temporary one),
    and on ``close`` an ``annotation.conf`` naming the entity types used, so that brat shows the folder
    without complaint. It creates files only, never overwrites one, and ``abort`` removes only its own."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self._written: list[Path] = []
        self._labels: set[str] = set()

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
        stem = self.folder / f"doc{doc.id:06d}"
        for suffix, content in ((".txt", doc.text), (".ann", "".join(lines))):
            self._create(stem.with_suffix(suffix), content)
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
        self._written.clear()

    def abort(self) -> None:
        for path in self._written:
            path.unlink(missing_ok=True)
        self._written.clear()
