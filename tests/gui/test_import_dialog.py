"""Document → Import…: files chosen, options set with the mouse and keyboard, a preview that writes nothing,
the import in a worker thread with its result per file, the document list refreshed; a bad file leaves the
database exactly as it was and the dialog names its file and line. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from gui import i18n
from gui.import_dialog import ImportDialog
from gui.import_worker import ImportWorker
from model.spans import Layer
from storage.project import Project
from storage.types import ImportOptions
from tests.conftest import snapshot
from tests.gui.helpers import CTRL, SHIFT, read_only
from tests.gui.test_translation import english_words

LEFT = Qt.MouseButton.LeftButton
K = Qt.Key


def jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def corpus_files(folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    doccano = jsonl(
        folder / "news.jsonl",
        [
            {"text": "李强在北京会见王毅。", "label": [[0, 2, "PER"], [3, 5, "LOC"], [7, 9, "PER"]]},
            {"text": "联合国总部在纽约。", "label": [[0, 3, "GPE"], [6, 8, "LOC"]]},
        ],
    )
    conll = folder / "tagged.conll"
    rows = [
        "上 B-LOC",
        "海 I-LOC",
        "很 O",
        "大 O",
        "",
        "张 B-PER",
        "伟 I-PER",
        "来 O",
        "了 O",
        "",
        "好 O",
        "",
    ]
    conll.write_text("\n".join(rows), encoding="utf-8")
    return doccano, conll


def open_dialog(qtbot: QtBot, project: Project) -> ImportDialog:
    dialog = ImportDialog(project)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click_and_wait(qtbot: QtBot, dialog: ImportDialog, button: object) -> None:
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: dialog._thread is None, timeout=30_000)


def test_preview_writes_nothing_then_import_writes_what_it_showed(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    _doccano, _conll = corpus_files(tmp_path / "in")
    dialog = open_dialog(qtbot, project)
    assert not dialog.previewButton.isEnabled() and not dialog.importButton.isEnabled()
    dialog.add_paths([tmp_path / "in"])  # a folder: searched for importable files
    before = snapshot(project)
    click_and_wait(qtbot, dialog, dialog.previewButton)
    assert snapshot(project) == before  # the preview wrote nothing
    table = dialog.table
    rows = {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(7)] for r in range(table.rowCount())
    }
    assert rows["news.jsonl"][2:] == ["2", "0", "5", "GPE 1, LOC 2, PER 2", "GPE"]
    assert rows["tagged.conll"][1].startswith("conll") and rows["tagged.conll"][2:5] == ["3", "0", "2"]
    message = dialog.messageLabel.text()
    assert "5 document(s) with 7 span(s) from 2 file(s)" in message and "Nothing was written" in message
    assert "Labels that would be added: GPE" in message
    assert dialog.importButton.isEnabled()

    click_and_wait(qtbot, dialog, dialog.importButton)
    assert project.documents.count() == 5
    texts = {project.documents.get(i).text: i for i in project.documents.ids()}
    gold = project.annotations.spans(texts["李强在北京会见王毅。"], Layer.GOLD)
    assert sorted((s.start, s.end, s.label) for s in gold) == [(0, 2, "PER"), (3, 5, "LOC"), (7, 9, "PER")]
    assert "GPE" in {label.name for label in project.labels.all()}
    assert "Imported 5 document(s) with 7 span(s) from 2 file(s)" in dialog.messageLabel.text()
    assert dialog.progress.value() == dialog.progress.maximum()
    assert not dialog.importButton.isEnabled()  # once imported, a new preview is needed

    click_and_wait(qtbot, dialog, dialog.previewButton)  # the same files again: all duplicates
    assert [dialog.table.item(r, 3).text() for r in range(2)] == ["2", "3"]


def test_options_set_from_the_keyboard_reach_the_import(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    _, conll = corpus_files(tmp_path / "in")
    dialog = open_dialog(qtbot, project)
    dialog.add_paths([conll])
    form = dialog.form
    form.spansAsBox.setFocus()
    qtbot.keyClick(form.spansAsBox, K.Key_Down)  # suggestions to confirm
    form.sentencesSpin.setFocus()
    form.sentencesSpin.selectAll()
    qtbot.keyClicks(form.sentencesSpin, "2")  # two sentences per document
    assert form.options().read.sentences_per_document == 2
    click_and_wait(qtbot, dialog, dialog.previewButton)
    assert dialog.table.item(0, 2).text() == "2"
    click_and_wait(qtbot, dialog, dialog.importButton)
    ids = project.documents.ids()
    assert [project.documents.get(i).text for i in ids] == ["上海很大\n张伟来了", "好"]
    assert not project.annotations.spans(ids[0], Layer.GOLD)
    suggested = project.annotations.spans(ids[0], Layer.SUGGESTION)
    assert sorted((s.start, s.end, s.label) for s in suggested) == [(0, 2, "LOC"), (5, 7, "PER")]


def test_changing_an_option_after_the_preview_asks_for_a_new_one(
    qtbot: QtBot, sqlite_project: Project, tmp_path: Path
) -> None:
    doccano, _ = corpus_files(tmp_path / "in")
    dialog = open_dialog(qtbot, sqlite_project)
    dialog.add_paths([doccano])
    click_and_wait(qtbot, dialog, dialog.previewButton)
    assert dialog.importButton.isEnabled()
    box = dialog.form.strictTags
    qtbot.mouseClick(box, LEFT, pos=QPoint(6, box.height() // 2))  # on the box, not its empty right
    assert box.isChecked()
    assert not dialog.importButton.isEnabled()


def test_a_bad_file_is_refused_by_file_and_line_and_writes_nothing(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    good, _ = corpus_files(tmp_path / "in")
    bad = jsonl(
        tmp_path / "bad.jsonl",
        [{"text": "新华社北京电。", "label": [[0, 3, "ORG"]]}, {"text": "短。", "label": [[0, 9, "LOC"]]}],
    )
    dialog = open_dialog(qtbot, project)
    dialog.add_paths([bad, good])
    before = snapshot(project)
    click_and_wait(qtbot, dialog, dialog.previewButton)
    assert dialog.table.item(0, 2).text() == "refused"
    dialog.table.selectRow(0)
    details = dialog.details.toPlainText()
    assert f"{bad}, line 2" in details and "Nothing from this file is imported" in details
    assert "1 file(s) refused" in dialog.messageLabel.text()
    assert snapshot(project) == before
    # the good file becomes bad after the preview: its import fails and leaves the database as it was
    good.write_text(good.read_text(encoding="utf-8") + '{"text": "坏", "label": [[0, 5, "PER"]]}\n', "utf-8")
    click_and_wait(qtbot, dialog, dialog.importButton)
    assert snapshot(project) == before
    assert "1 file(s) failed; nothing from them was written" in dialog.messageLabel.text()
    assert f"{good}, line 3" in dialog.details.toPlainText()


def test_stop_rolls_back_the_file_under_way_and_keeps_the_files_before(
    qtbot: QtBot, sqlite_project: Project, tmp_path: Path
) -> None:
    first, _ = corpus_files(tmp_path / "in")
    big = jsonl(tmp_path / "big.jsonl", [{"text": f"第{i}篇新闻。", "label": []} for i in range(5000)])
    worker = ImportWorker(sqlite_project, [first, big], ImportOptions(), dry_run=False, total_documents=5002)
    seen: list[int] = []
    worker.progressed.connect(
        lambda done, _t: (seen.append(done), done > 2 and worker.cancel_requested.set())
    )
    finished: list[tuple[object, bool]] = []
    worker.finished.connect(lambda reports, stopped: finished.append((reports, stopped)))
    worker.run()  # in this thread: the cancel is set after the big file's first batch
    ((reports, stopped),) = finished
    assert stopped and [r.path for r in reports] == [str(first)]
    assert sqlite_project.documents.count() == 2  # the big file's first 2,000 documents rolled back


def test_the_window_imports_from_its_document_menu_and_lists_the_new_documents(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, tmp_path: Path
) -> None:
    window = make_window()
    total = window.documents.model.total
    qtbot.keyClick(window.article, K.Key_I, CTRL | SHIFT)
    dialog = window.project_menu.dialogs[-1]
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    doccano, _ = corpus_files(tmp_path / "in")
    dialog.add_paths([doccano])
    click_and_wait(qtbot, dialog, dialog.previewButton)
    click_and_wait(qtbot, dialog, dialog.importButton)
    assert sqlite_project.documents.count() == total + 2
    qtbot.waitUntil(lambda: window.documents.model.total == total + 2)
    assert window.documents.count.text() == f"{total + 2} document(s)"
    assert "GPE" in [label.name for label in window.session.labels]  # the import's new label, at once
    assert "GPE" in window.labels.buttons
    qtbot.keyClick(dialog, K.Key_Escape)
    assert not dialog.isVisible()
    QApplication.processEvents()


def test_closing_the_window_during_an_import_stops_it_all_or_nothing(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, tmp_path: Path
) -> None:
    window = make_window()
    before = sqlite_project.documents.count()
    big = jsonl(tmp_path / "big.jsonl", [{"text": f"第{i}篇新闻。", "label": []} for i in range(6000)])
    dialog = window.project_menu.import_files()
    dialog.add_paths([big])
    click_and_wait(qtbot, dialog, dialog.previewButton)
    qtbot.mouseClick(dialog.importButton, LEFT)
    assert dialog._thread is not None
    window.close()  # the dialog closes with its window; the import stops, its file rolled back or complete
    assert dialog._thread is None and not dialog.isVisible()
    assert sqlite_project.documents.count() in (before, before + 6000)


def test_files_and_folders_dropped_on_the_dialog_are_added(
    qtbot: QtBot, sqlite_project: Project, tmp_path: Path
) -> None:
    doccano, _conll = corpus_files(tmp_path / "in")
    dialog = open_dialog(qtbot, sqlite_project)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(doccano)), QUrl.fromLocalFile(str(tmp_path / "in"))])
    at = QPointF(dialog.rect().center())
    enter = QDragEnterEvent(
        at.toPoint(), Qt.DropAction.CopyAction, data, LEFT, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(dialog, enter)
    assert enter.isAccepted()
    drop = QDropEvent(at, Qt.DropAction.CopyAction, data, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(dialog, drop)
    assert dialog.paths() == [doccano, tmp_path / "in"] and dialog.previewButton.isEnabled()
    click_and_wait(qtbot, dialog, dialog.previewButton)
    assert dialog.table.rowCount() == 2  # the folder's files, each once


def test_a_file_the_database_refuses_is_said_in_the_windows_language(
    qtbot: QtBot, sqlite_project: Project, tmp_path: Path
) -> None:
    """After the preview SQLite refuses every write (query_only): the import refuses the file, and the dialog
    says so in Chinese but for the file names and SQLite's words."""
    good, _ = corpus_files(tmp_path / "in")
    engine = sqlite_project.engine
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    try:
        dialog = open_dialog(qtbot, sqlite_project)
        dialog.add_paths([good])
        click_and_wait(qtbot, dialog, dialog.previewButton)
        engine.dispose()
        event.listen(engine, "connect", read_only)
        click_and_wait(qtbot, dialog, dialog.importButton)
        details = dialog.details.toPlainText()
    finally:
        i18n.install(i18n.ENGLISH)
        if event.contains(engine, "connect", read_only):
            event.remove(engine, "connect", read_only)
        engine.dispose()
    path, detail = engine.url.database or "", "attempt to write a readonly database"
    said = f"无法写入：它是只读的（请检查文件的权限或它所在的磁盘）（{detail}）"
    assert f"已拒绝：文件 {good}：无法存储：数据库文件 {path} {said}" in details.splitlines()
    assert english_words(details.replace(str(good), " ").replace(path, " ").replace(detail, " ")) == []


def test_the_preview_reads_each_file_after_the_ones_before_it(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    row = {"text": "李强在北京会见王毅。", "label": [[0, 2, "PER"], [3, 5, "GPE"]]}
    first = jsonl(tmp_path / "a.jsonl", [row])
    again = jsonl(tmp_path / "b.jsonl", [row])  # the same article, as a second export of it holds it
    dialog = open_dialog(qtbot, project)
    dialog.add_paths([first, again])
    click_and_wait(qtbot, dialog, dialog.previewButton)
    table = dialog.table
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(7)] for r in range(2)}
    assert rows["a.jsonl"][2:] == ["1", "0", "2", "GPE 1, PER 1", "GPE"]
    assert rows["b.jsonl"][2:] == ["0", "1", "0", "", ""]  # a duplicate of a.jsonl's, as the import finds
    click_and_wait(qtbot, dialog, dialog.importButton)
    assert project.documents.count() == 1


def test_the_preview_names_the_files_a_folder_holds_that_are_not_read(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    """As `newstag import FOLDER` notes them: a corpus as released (msra_train_bio), a README, a .csv."""
    corpus_files(tmp_path / "in")
    (tmp_path / "in" / "README.md").write_text("# the corpus\n", encoding="utf-8")
    (tmp_path / "in" / "msra_train_bio").write_text("中 B-LOC\n国 I-LOC\n", encoding="utf-8")
    dialog = open_dialog(qtbot, project)
    dialog.add_paths([tmp_path / "in"])
    click_and_wait(qtbot, dialog, dialog.previewButton)
    message = dialog.messageLabel.text()
    assert "from 2 file(s)" in message
    assert "2 file(s) in the chosen folder(s) were not read" in message
    assert "(README.md, msra_train_bio)" in message

    empty = tmp_path / "only-unknown"
    empty.mkdir()
    (empty / "notes.csv").write_text("a,b\n", encoding="utf-8")
    dialog.fileList.clear()
    dialog.add_paths([empty])
    qtbot.mouseClick(dialog.previewButton, LEFT)
    message = dialog.messageLabel.text()
    assert message.startswith("No importable file in what was chosen.")
    assert "1 file(s) in the chosen folder(s) were not read" in message and "(notes.csv)" in message


def test_the_preview_names_the_links_a_folder_holds_that_lead_to_no_file(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    corpus_files(tmp_path / "in")
    (tmp_path / "in" / "gone.jsonl").symlink_to(tmp_path / "in" / "deleted.jsonl")
    (tmp_path / "in" / "loop.bio").symlink_to(tmp_path / "in" / "loop.bio")
    dialog = open_dialog(qtbot, project)
    dialog.add_paths([tmp_path / "in"])
    click_and_wait(qtbot, dialog, dialog.previewButton)
    message = dialog.messageLabel.text()
    assert "from 2 file(s)" in message and "were not read, their names" not in message
    assert "2 symbolic link(s) in the chosen folder(s) were not read" in message
    assert "(gone.jsonl, loop.bio)" in message


def test_return_in_the_file_list_previews_then_imports(
    qtbot: QtBot, project: Project, tmp_path: Path, monkeypatch
) -> None:
    """Return pressed Add files… (the dialog's first button) wherever the keys were, the file list
    included, and opened a file chooser: it does the next step, Preview, then Import once it can."""
    from PySide6.QtWidgets import QFileDialog

    chooser: list[object] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: chooser.append(a) or ([], ""))
    good, _ = corpus_files(tmp_path / "in")
    dialog = open_dialog(qtbot, project)
    dialog.add_paths([good])
    dialog.fileList.setFocus()
    qtbot.keyClick(dialog.fileList, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog._thread is None and bool(dialog.previewed), timeout=30_000)
    assert project.documents.count() == 0 and dialog.importButton.isEnabled()
    dialog.fileList.setFocus()
    qtbot.keyClick(dialog.fileList, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: project.documents.count() == 2, timeout=30_000)
    assert chooser == []


def test_a_failed_import_leaves_no_part_filled_progress_bar(qtbot: QtBot, project: Project) -> None:
    dialog = open_dialog(qtbot, project)
    dialog.progress.setMaximum(10)
    dialog.progress.setValue(4)
    dialog._on_failed("the worker stopped")
    assert dialog.progress.value() < dialog.progress.minimum()  # reset: no bar, not 40 %
    assert "The import failed: the worker stopped" in dialog.messageLabel.text()


def test_add_files_offers_every_suffix_the_importer_reads(
    qtbot: QtBot, project: Project, monkeypatch
) -> None:
    """The chooser's filter is made from the importer's own suffix table (a .conllu, .iob or .csv corpus is
    shown in it), so that the two cannot drift apart; under the Chinese translation too."""
    from PySide6.QtWidgets import QFileDialog

    from storage.formats.detect import ALSO_SUFFIXES, SUFFIXES

    offered: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: offered.append(a[3]) or ([], ""))
    dialog = open_dialog(qtbot, project)
    read = set(SUFFIXES).union(*ALSO_SUFFIXES.values())
    assert {".conllu", ".iob", ".bio", ".bioes", ".anns", ".csv"} <= read
    for language in (i18n.ENGLISH, i18n.CHINESE):
        i18n.install(language)
        try:
            offered.clear()
            qtbot.mouseClick(dialog.addFilesButton, LEFT)
        finally:
            i18n.install(i18n.ENGLISH)
        importable = offered[0].split(";;")[0]
        patterns = set(importable[importable.index("(") + 1 : importable.rindex(")")].split())
        assert patterns == {f"*{suffix}" for suffix in read}, language
