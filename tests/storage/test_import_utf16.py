"""UTF-16 files as other tools write them (Windows Notepad's "Unicode", PowerShell's Out-File): read, or
refused saying they are UTF-16 and where they break, never "a binary file"; the line of a break counted in
UTF-16's own line feeds."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path
from typing import Any

import pytest

from storage.formats.decoding import HEAD, decode
from storage.project import Project
from tests.conftest import snapshot

DOCCANO = '{"text": "上海上海是大城市。", "label": [[0, 2, "LOC"]]}\n'


@pytest.mark.parametrize("name", ["export.jsonl", "article.txt"])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_cut_short_is_refused_as_utf16_at_its_line(
    project: Project, tmp_path: Path, name: str, codec: str
) -> None:
    """Three whole lines, then one byte of a fourth (a copy cut short): the file is UTF-16 all through,
    said so with the line, not taken for a binary file."""
    project.importer.import_file(_seed(tmp_path))
    before = snapshot(project)
    path = tmp_path / name
    path.write_bytes((DOCCANO * 3).encode(codec) + b"{")
    report = project.importer.import_file(path)
    assert report.failed
    message = str(report.error)
    assert message.startswith(f"{path}, line 4: is {codec.upper()} text without a byte-order mark"), message
    assert "binary" not in message
    assert snapshot(project) == before


@pytest.mark.parametrize("name", ["export.jsonl", "article.txt"])
def test_a_damaged_utf16_file_with_a_bom_is_refused_at_its_own_line(
    project: Project, tmp_path: Path, name: str
) -> None:
    """上 is 0A 4E in UTF-16-LE: its 0x0A byte is no line feed (each line has two of them)."""
    path = tmp_path / name
    path.write_bytes(codecs.BOM_UTF16_LE + (DOCCANO * 3).encode("utf-16-le") + b"\x00\xd8!\x00")
    report = project.importer.import_file(path)
    assert report.failed
    assert str(report.error).startswith(f"{path}, line 4: starts with a utf-16 byte-order mark"), report.error


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_doccano_export_is_read(project: Project, tmp_path: Path, codec: str) -> None:
    path = tmp_path / "export.jsonl"
    path.write_bytes((DOCCANO * 2 + DOCCANO.replace("上海上海", "北京北京")).encode(codec))
    report = project.importer.import_file(path)
    assert report.error is None, report.error
    assert [d.text for d in project.documents.all()] == ["上海上海是大城市。", "北京北京是大城市。"]


@pytest.mark.parametrize("codec", ["utf-16-le", "gb18030"])
def test_decode_decodes_a_file_once(codec: str) -> None:
    """Settling the encoding and reading the text decode the bytes once, not once each (the whole file
    twice over, for a UTF-16 or GB18030 article). Longer than the head samples are taken from, which are
    other bytes objects."""
    data = ("新华社北京电\n" + "正文是中文的新闻报道。\n" * 15000).encode(codec)
    assert len(data) > HEAD
    calls: list[str] = []

    def profile(_frame: Any, event: str, arg: Any) -> None:
        if event == "c_call" and getattr(arg, "__name__", "") == "decode" and arg.__self__ is data:
            calls.append(event)

    sys.setprofile(profile)
    try:
        text, encoding = decode(data, "article.txt")
    finally:
        sys.setprofile(None)
    assert (text, encoding) == (data.decode(codec), codec)
    whole = 1 if codec.startswith("utf-16") else 2  # GB18030: UTF-8 is tried first, and breaks
    assert len(calls) == whole


def _seed(tmp_path: Path) -> Path:
    path = tmp_path / "seed.txt"
    path.write_text("标题\n正文。\n", encoding="utf-8")
    return path
