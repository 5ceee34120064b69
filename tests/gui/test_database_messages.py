"""The database's own problems in the window's language (``gui/database_messages.py``): every template the
storage layer words a fault with is marked for translation, English stays ``str(exc)`` to the letter, and
Chinese keeps only the file (or URL) and the driver's own words as they are."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import make_url
from sqlalchemy.exc import OperationalError

import model.faults
import storage.db
import storage.probe
from gui import i18n
from gui.database_messages import TEMPLATES, database_message
from model.faults import PLACE_FILE, PLACE_SERVER, FaultKind
from model.ops import NOT_SAVED, StoreUnavailable
from storage.answers import commit_landed, commit_lost
from storage.db import DatabaseError, database_error, parse_url
from storage.lock_holders import HOLDERS
from storage.probe import probe_database
from storage.project import Project
from tests.gui.test_translation import english_words


def test_every_template_of_the_storage_layer_is_marked_for_translation() -> None:
    wanted = {PLACE_FILE, PLACE_SERVER, NOT_SAVED, *storage.db.TEMPLATES, *storage.probe.TEMPLATES}
    assert set(TEMPLATES) == wanted


def _faults(tmp_path: Path) -> list[BaseException]:
    """A fault of each kind the storage layer words (from the real code paths where it is cheap)."""
    file_url, server = (
        make_url(f"sqlite:///{tmp_path / 'x.db'}"),
        make_url("postgresql://ann:pw@db.example/t"),
    )
    found: list[BaseException] = []
    for fragment, _, _ in storage.db._REASONS:
        for url in (file_url, server):
            exc = OperationalError("INSERT", {}, Exception(f"{fragment}\nsecond line"))
            found.append(database_error(exc, url) or AssertionError(fragment))
    found.append(database_error(OperationalError("SELECT", {}, Exception("server closed")), server))
    found.append(storage.db.damaged(file_url, "file is not a database"))
    (tmp_path / "folder.db").mkdir()
    (tmp_path / "text.db").write_text("no database here, and more than a header's worth of it " * 4)
    for url in ("not a url", "mysql://h/db", f"sqlite:///{tmp_path / 'folder.db'}", "sqlite:///:memory:"):
        with pytest.raises(DatabaseError) as caught:
            probe_database(url) if url.startswith("sqlite") else parse_url(url)
        found.append(caught.value)
    with pytest.raises(DatabaseError) as caught:
        probe_database(f"sqlite:///{tmp_path / 'text.db'}")
    found.append(caught.value)
    moved = Project.open(f"sqlite:///{tmp_path / 'moved.db'}")
    (tmp_path / "moved.db").rename(tmp_path / "elsewhere.db")
    with pytest.raises(DatabaseError) as caught, moved.transaction():
        pass
    moved.close()
    found.append(caught.value)
    too_new = storage.db.SchemaTooNewError.of(FaultKind.TOO_NEW, storage.db.TOO_NEW, "sqlite:///x.db", "9f")
    found.append(too_new)
    unavailable = database_error(OperationalError("X", {}, Exception("gone")), file_url)
    assert unavailable is not None and unavailable.fault is not None
    found.append(StoreUnavailable(NOT_SAVED.format(unavailable), unavailable.fault))
    for landed in (False, None):  # a COMMIT's answer lost: asked again, not there; or not to be asked
        found.append(commit_lost("postgresql+psycopg://ann:***@db.example/t", "server closed", landed))
    held = Exception("canceling statement due to lock timeout")  # and the server named who holds locks
    setattr(held, HOLDERS, "4242 (newstag bob@desk-3, ann@10.0.0.5, idle in transaction, 13:02:11)")
    locked = database_error(OperationalError("UPDATE", {}, held), make_url("postgresql://db.example/t"))
    assert locked is not None and locked.fault is not None and locked.fault.holder
    found.append(StoreUnavailable(NOT_SAVED.format(locked), locked.fault))
    saved = commit_landed("postgresql+psycopg://ann:***@db.example/t", "server closed")  # or there: a note
    found.append(DatabaseError(saved.render(), saved))
    return found


def test_in_english_the_window_says_what_the_terminal_says(qapp, tmp_path: Path) -> None:
    assert i18n.install(i18n.ENGLISH) == i18n.ENGLISH
    faults = _faults(tmp_path)
    kinds = {getattr(exc, "fault").kind for exc in faults}  # noqa: B009
    assert kinds >= set(FaultKind) - {FaultKind.CHECK_FAILED, FaultKind.CANNOT_CONNECT}
    for exc in faults:
        assert database_message(exc) == str(exc)


def test_in_chinese_only_the_place_and_the_drivers_words_stay(qapp, tmp_path: Path) -> None:
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    try:
        for exc in _faults(tmp_path):
            fault = getattr(exc, "fault")  # noqa: B009
            said = database_message(exc)
            if "{where" in fault.template or "{place}" in fault.template:
                assert fault.where in said
            if "{detail}" in fault.template:
                assert fault.detail in said
            if "{holder}" in fault.template:
                assert fault.holder in said
            kept = said.replace(repr(fault.where), " ").replace(fault.where, " ").replace(fault.detail, " ")
            kept = kept.replace(fault.holder, " ") if fault.holder else kept
            for typed in (
                "`newstag backup --out FILE`",
                "`.recover`",
                "sqlite3",
                "sqlite:///",
                "postgresql+psycopg://",
            ):
                kept = kept.replace(typed, " ")
            assert english_words(kept.replace("SQLite", " ").replace("PostgreSQL", " ")) == [], said
    finally:
        i18n.install(i18n.ENGLISH)


def test_an_error_without_a_fault_keeps_its_words() -> None:
    assert database_message(DatabaseError("stop here")) == "stop here"
    assert database_message(StoreUnavailable("gone; your action was not saved")) == (
        "gone; your action was not saved"
    )


@pytest.mark.parametrize("language", [i18n.ENGLISH, i18n.CHINESE])
def test_the_lock_refusal_says_the_wait_newstag_gives_a_lock(
    qapp, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seconds come from the one setting (it said "5 seconds" written out beside LOCK_WAIT_MS)."""
    assert storage.db.LOCK_WAIT_MS == model.faults.LOCK_WAIT_S * 1000
    exc = OperationalError("UPDATE", {}, Exception("canceling statement due to lock timeout"))
    refused = database_error(exc, make_url("postgresql://db.example/t"))
    assert refused is not None
    monkeypatch.setattr(model.faults, "LOCK_WAIT_S", 7)
    assert i18n.install(language) == language
    try:
        said = database_message(refused)
    finally:
        i18n.install(i18n.ENGLISH)
    assert ("more than 7 seconds" if language == i18n.ENGLISH else "超过 7 秒") in said, said
