"""Writing JSON Lines in doccano's shape: ``{"text": ..., "label": [[start, end, "LABEL"], ...]}`` (plus
``"title"``, which doccano keeps as metadata and newstag reads back as the title).

One document per line, UTF-8 without escaping (``ensure_ascii=False``), offsets in code points as doccano
and newstag's reader count them. The text is written exactly as stored, so every span round-trips.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from storage.export_types import ExportDocument, OutputFile, WriteResult

logger = logging.getLogger(__name__)

SUFFIX = ".jsonl"


def document_line(doc: ExportDocument) -> str:
    obj = {"text": doc.text, "label": [[e.start, e.end, e.label] for e in doc.entities], "title": doc.title}
    return json.dumps(obj, ensure_ascii=False) + "\n"


class JsonlWriter:
    def __init__(self, path: Path) -> None:
        self._out = OutputFile(path)

    def write(self, doc: ExportDocument) -> WriteResult:
        self._out.write(document_line(doc))
        return WriteResult(sentences=0, written=list(doc.entities))

    def close(self) -> None:
        self._out.close()

    def abort(self) -> None:
        self._out.abort()
