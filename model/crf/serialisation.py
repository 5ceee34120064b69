"""A trained CRF as bytes, and back: ``b"NTCRF\\0"``, a big-endian ``uint16`` format version, a ``uint32``
header length, the UTF-8 JSON header (training metadata and the lexicons the features used) and the crfsuite
model."""

from __future__ import annotations

import json
import struct
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from model.crf.features import FEATURE_VERSION, LexiconData

MAGIC = b"NTCRF\0"
FORMAT_VERSION = 1


class ModelFormatError(ValueError):
    """Bytes that are not a serialised model of a format this code reads."""


@dataclass(frozen=True, slots=True)
class ModelInfo:
    documents: int
    characters: int
    trained_at: datetime
    iterations: int
    params: dict[str, Any] = field(default_factory=dict)
    labels: tuple[str, ...] = ()
    seconds: float = 0.0  # wall time of the training run

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["trained_at"] = self.trained_at.isoformat()
        data["labels"] = list(self.labels)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ModelInfo:
        return cls(
            documents=int(data["documents"]),
            characters=int(data["characters"]),
            trained_at=datetime.fromisoformat(data["trained_at"]),
            iterations=int(data["iterations"]),
            params=dict(data.get("params", {})),
            labels=tuple(data.get("labels", ())),
            seconds=float(data.get("seconds", 0.0)),
        )


def pack(crf: bytes, info: ModelInfo, lexicons: LexiconData) -> bytes:
    header = json.dumps(
        {"feature_version": FEATURE_VERSION, "info": info.to_json(), "lexicons": lexicons.to_json()},
        ensure_ascii=False,
    ).encode("utf-8")
    return MAGIC + struct.pack(">HI", FORMAT_VERSION, len(header)) + header + crf


def unpack(data: bytes) -> tuple[bytes, ModelInfo, LexiconData]:
    """The crfsuite model, the metadata and the lexicons ``pack`` wrote; ``ModelFormatError`` otherwise."""
    prefix = len(MAGIC) + struct.calcsize(">HI")
    if len(data) < prefix or not data.startswith(MAGIC):
        raise ModelFormatError("not a newstag CRF model")
    version, length = struct.unpack(">HI", data[len(MAGIC) : prefix])
    if version != FORMAT_VERSION:
        raise ModelFormatError(
            f"model format {version} is not supported (this version reads {FORMAT_VERSION})"
        )
    if len(data) < prefix + length:
        raise ModelFormatError("truncated model")
    try:
        header = json.loads(data[prefix : prefix + length].decode("utf-8"))
        info = ModelInfo.from_json(header["info"])
        lexicons = LexiconData.from_json(header["lexicons"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelFormatError(f"unreadable model header: {exc}") from None
    if header.get("feature_version") != FEATURE_VERSION:
        raise ModelFormatError(
            f"model features v{header.get('feature_version')} differ from v{FEATURE_VERSION}"
        )
    return data[prefix + length :], info, lexicons
