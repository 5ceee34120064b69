"""Why an export is refused, and what it would replace, in the window's language (``gui/export_words.py``):
the real export dialog under the Chinese translation asks about a folder or a file in Chinese and says a
target of the wrong kind or a label mapped to a name that cannot be written in Chinese; the core's English
(what ``newstag export`` prints) is unchanged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from gui import i18n
from gui.export_dialog import ExportDialog
from gui.import_messages import refused_message
from model.reasons import Reason, ReasonKind
from storage.types import ExportError, ExportFormat, ExportOptionError, ExportOptions
from tests.gui.test_export_dialog import corpus  # noqa: F401  (a fixture)
from tests.gui.test_translation import english_words

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def chinese_dialog(qtbot: QtBot, corpus, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]  # noqa: F811
    """The export dialog in Chinese; every question it asks is recorded and answered No."""
    project, alice = corpus
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    dialog = ExportDialog(project, alice)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog, asked
    i18n.install(i18n.ENGLISH)


def choose_format(dialog: ExportDialog, value: ExportFormat) -> None:
    index = dialog.formatBox.findData(value)
    assert index >= 0, value
    dialog.formatBox.setCurrentIndex(index)


def _export_to(qtbot: QtBot, dialog: ExportDialog, out: Path) -> str:
    dialog.outEdit.clear()
    qtbot.keyClicks(dialog.outEdit, str(out))
    qtbot.mouseClick(dialog.exportButton, LEFT)
    return dialog.messageLabel.text()


def test_the_replace_question_names_what_is_there_in_chinese(
    qtbot: QtBot, chinese_dialog, tmp_path: Path
) -> None:
    dialog, asked = chinese_dialog
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "doc000099.txt").write_text("旧的导出", encoding="utf-8")
    (folder / "doc000099.ann").write_text("T1\tPER 0 2\t旧的\n", encoding="utf-8")
    choose_format(dialog, ExportFormat.BRAT)
    said = _export_to(qtbot, dialog, folder)
    assert said == f"未导出任何内容：{folder} 保持原样。", said
    assert asked[-1].startswith(f"{folder} 已存在（一个文件夹，其中有 2 个文件和文件夹）。"), asked
    older = tmp_path / "gold.bio"
    older.write_text("旧\tO\n", encoding="utf-8")
    choose_format(dialog, ExportFormat.CONLL)
    _export_to(qtbot, dialog, older)
    assert asked[-1].startswith(f"{older} 已存在（一个文件）。"), asked
    for text in asked:
        assert english_words(text.replace(str(folder), " ").replace(str(older), " ")) == [], text


def test_a_target_of_the_wrong_kind_and_a_name_that_cannot_be_written_are_refused_in_chinese(
    qtbot: QtBot, chinese_dialog, tmp_path: Path
) -> None:
    dialog, asked = chinese_dialog
    choose_format(dialog, ExportFormat.CONLL)
    said = _export_to(qtbot, dialog, tmp_path)  # a folder where a file goes
    assert said == f"无法导出：{tmp_path} 是一个文件夹：请给出要写入的文件名", said
    choose_format(dialog, ExportFormat.BRAT)
    (tmp_path / "notes.txt").write_text("笔记", encoding="utf-8")
    said = _export_to(qtbot, dialog, tmp_path / "notes.txt")  # a file where a folder goes
    assert said == f"无法导出：{tmp_path / 'notes.txt'} 是一个文件：这次导出要写入的是文件夹", said
    dialog.mappingEdit.insert("PER=人 名")  # a name with a space in it, as an input method commits it
    dialog.outEdit.clear()
    qtbot.keyClicks(dialog.outEdit, str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.exportFinished, timeout=20000) as finished:
        qtbot.mouseClick(dialog.exportButton, LEFT)
    assert finished.args == [None]
    said = dialog.messageLabel.text()
    assert said.startswith("无法导出：不能以这个名称导出：标签 '人 名' 含有空白"), said
    assert english_words(re.sub(r"U\+0020", " ", said)) == [], said
    assert not (tmp_path / "out").exists() and asked == []


def test_the_english_of_an_export_refusal_is_what_the_command_line_says(corpus, tmp_path: Path) -> None:  # noqa: F811
    project, _ = corpus
    with pytest.raises(ExportOptionError) as caught:
        project.export.existing_output(ExportOptions(), tmp_path)
    assert str(caught.value) == f"{tmp_path} is a folder: give the name of the file to write"
    with pytest.raises(ExportOptionError) as caught:
        project.export.run(ExportOptions(label_map={"PER": "A B"}, format="jsonl"), tmp_path / "x.jsonl")
    assert str(caught.value) == (
        "cannot export under that name: the label 'A B' contains whitespace (U+0020); a label is one token "
        "without whitespace or control characters; map it to another name"
    )
    assert refused_message(caught.value) == str(caught.value)  # in English, the window says the same
    assert str(ExportError(Reason.of(ReasonKind.THERE_FOLDER, entries=1234))) == (
        "a folder with 1,234 file(s) and folder(s) in it"
    )


@pytest.mark.parametrize("language", [i18n.ENGLISH, i18n.CHINESE])
def test_nothing_labelled_names_the_dialogs_checkbox_not_the_command_lines_option(
    qtbot: QtBot,
    corpus,  # noqa: F811
    tmp_path: Path,
    language: str,
) -> None:
    """The window told its user to pass --keep-unlabelled, an option of the command line it has no box for;
    it names its own checkbox, as the dialog shows it, and unticking it exports the documents."""
    project, _ = corpus
    project.annotator("bob")  # nothing labelled in bob's layer
    assert i18n.install(language) == language
    try:
        dialog = ExportDialog(project, project.annotator("alice"))
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.sourceBox.setCurrentIndex(dialog.sourceBox.findData("annotator"))
        dialog.annotatorBox.setCurrentIndex(dialog.annotatorBox.findData("bob"))
        choose_format(dialog, ExportFormat.JSONL)
        out = tmp_path / "bob.jsonl"
        with qtbot.waitSignal(dialog.exportFinished, timeout=20000):
            said = _export_to(qtbot, dialog, out)  # (the worker's answer comes after)
        said = dialog.messageLabel.text()
        assert "--keep-unlabelled" not in said, said
        assert f"“{dialog.skipUnlabelled.text()}”" in said, said
        if language == i18n.CHINESE:
            assert english_words(said) == [], said
        assert not out.exists()
        dialog.skipUnlabelled.setFocus()
        qtbot.keyClick(dialog.skipUnlabelled, Qt.Key.Key_Space)
        assert not dialog.skipUnlabelled.isChecked()
        with qtbot.waitSignal(dialog.exportFinished, timeout=20000):
            qtbot.mouseClick(dialog.exportButton, LEFT)
        assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    finally:
        i18n.install(i18n.ENGLISH)
