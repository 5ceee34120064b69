"""The project actions in Simplified Chinese: the Document and Project menus' new entries, the import dialog
(after a preview), New project…, Open project… and the overview show no English but names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from storage.project import Project
from tests.gui.conftest import add_documents
from tests.gui.test_review_window import finish
from tests.gui.test_translation import chinese, english_words, strings_of, untranslated  # noqa: F401

# names that stay as they are: formats, tools, conventions, the URL and column examples, the test's files
NAMES = {
    "MSRA",
    "CLUENER",
    "Label",
    "Studio",
    "JSON",
    "UTF",
    "SQLite",
    "PostgreSQL",
    "postgresql",
    "psycopg",
    "user",
    "host",
    "database",
    "home",
    "me",
    "corpus",
    "db",
    "TOKEN",
    "POS",
    "CHUNK",
    "TAG",
    "ENT",
    "API",
    "nr",
    "ns",
    "nt",
    "lac",
    "msra",
    "ann",
    "news",
    "sqlite",
}


def left_in_english(found: list[tuple[str, str]], folder: Path) -> list[tuple[str, str]]:
    """What is left in English once the test's folder (a path is data) and the names are set aside."""
    found = [(w, t.replace(str(folder), "")) for w, t in found]
    return [(w, t) for w, t in untranslated(found) if not set(english_words(t)) <= NAMES]


@pytest.mark.usefixtures("chinese")
def test_no_visible_string_of_the_project_actions_is_left_in_english(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, tmp_path: Path
) -> None:
    (doc,) = add_documents(sqlite_project, ["李强在北京会见王毅。"])
    finish(sqlite_project, "alice", doc)
    finish(sqlite_project, "bob", doc)
    window = make_window()
    found = [
        (f"QAction#{a.objectName()}", a.text())
        for a in window.findChildren(QAction)
        if a.objectName() in {"action_new_project", "action_open_project", "action_import", "action_quit"}
    ]
    found += [("menu", window.project_menu.recent_menu.title())]
    assert ("QAction#action_quit", "退出") in found
    news = tmp_path / "news.jsonl"
    news.write_text(json.dumps({"text": "李强在北京。", "label": [[0, 2, "PER"]]}, ensure_ascii=False) + "\n")
    dialog = window.project_menu.import_files()
    qtbot.waitExposed(dialog)
    dialog.add_paths([news])
    dialog.start_preview()
    qtbot.waitUntil(lambda: dialog._thread is None)
    assert dialog.messageLabel.text().startswith("预览")
    found += strings_of(dialog, {"previewTable": {0, 1, 5, 6}})
    dialog.close()
    for name in ("action_new_project", "action_open_project", "action_overview"):
        window.findChild(QAction, name).trigger()
        shown = window.project_menu.dialogs[-1]
        qtbot.waitExposed(shown)
        if name == "action_overview":
            qtbot.waitUntil(lambda shown=shown: shown.data is not None)
        found += strings_of(shown, {"overviewAnnotators": {0}, "overviewPairs": {0}})
        shown.close()
    left = left_in_english(found, tmp_path)
    assert left == [], "\n".join(map(repr, left))
    assert len(found) > 60  # the walk saw the dialogs
