"""The settings file is read once while it stays the same file: a window coming up asks for its settings
many times (keys, view, columns, places), and read and checked the file each time; a change another window
(or the user) makes is still seen."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from gui import settings

HOUR_AGO = time.time() - 3600


def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The settings files read (each call of ``settings._read``), from now on."""
    read = settings._read
    seen: list[Path] = []

    def counted(path: Path):  # type: ignore[no-untyped-def]
        seen.append(path)
        return read(path)

    monkeypatch.setattr(settings, "_read", counted)
    return seen


def write(values: dict[str, object] | bytes, *, aged: bool = True) -> Path:
    """The settings file, written in place; ``aged``: last changed an hour ago, as at a usual start-up."""
    path = settings.config_dir() / settings.FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(values if isinstance(values, bytes) else json.dumps(values).encode())
    if aged:
        os.utime(path, (HOUR_AGO, HOUR_AGO))
    return path


def test_the_settings_file_is_read_once_while_it_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    write({"annotator": "alice", "shortcuts": {"main": {"accept": ["J"]}}})
    seen = reads(monkeypatch)
    for _ in range(8):
        assert settings.load()["annotator"] == "alice"
        assert settings.problem() is None
    assert len(seen) == 1


def test_what_load_returns_is_the_callers_own(monkeypatch: pytest.MonkeyPatch) -> None:
    write({"shortcuts": {"main": {"accept": ["J"]}}})
    settings.load()["shortcuts"]["main"]["accept"].append("K")
    assert settings.load()["shortcuts"] == {"main": {"accept": ["J"]}}


def test_another_windows_save_is_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    path = write({"annotator": "alice"})
    seen = reads(monkeypatch)
    assert settings.load()["annotator"] == "alice"
    settings.save(annotator="bob")  # through a temporary file renamed into place: another file
    os.utime(path, (HOUR_AGO, HOUR_AGO))
    assert settings.load()["annotator"] == "bob"
    write({"annotator": "carol"})  # in place, as an editor may, and dated back: another size
    assert settings.load()["annotator"] == "carol"
    assert len(seen) == 4  # save reads the file it merges into


def test_a_file_changed_twice_within_a_timestamp_tick_is_read_each_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two writes of the same size in one tick of the file system's clock leave the same stat: a file
    modified in the last seconds is not trusted to be the one read."""
    path = write({"annotator": "alice"}, aged=False)
    first = os.stat(path)
    stat = os.stat

    def frozen(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        return first if name == path else stat(name, *args, **kwargs)  # the file system's clock stood

    monkeypatch.setattr(os, "stat", frozen)
    assert settings.load()["annotator"] == "alice"
    path.write_bytes(json.dumps({"annotator": "bobby"}).encode())
    assert settings.load()["annotator"] == "bobby"


def test_a_broken_file_is_still_said_and_kept_aside_after_it_was_read() -> None:
    path = write(b"{broken")
    assert settings.load() == {}
    assert settings.problem() is not None
    kept = settings.keep_aside()
    assert kept is not None and kept.kept is not None and kept.kept.read_bytes() == b"{broken"
    assert settings.problem() is None and not path.exists()
