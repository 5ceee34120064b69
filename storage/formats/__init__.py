"""Readers (and later writers) for the exchange formats newstag speaks: plain text, doccano JSONL, CoNLL."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from model.spans import Entity


class ImportFormatError(Exception):
    """Bad input: names the file and, where it can, the line. Raised before anything is written."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.reason = message
        where = f"{self.path}, line {line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


@dataclass(slots=True)
class ParsedDocument:
    """A document read from a file, before it meets the database."""

    title: str
    text: str
    source: str
    meta: dict[str, Any] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
