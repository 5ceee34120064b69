"""Document → Import… with the peers' files: a WebAnno TSV export of INCEpTION, a YEDDA ``.ann`` and a
People's Daily 2014 file are previewed (their format named in the table), then imported with their spans on
the right characters; WebAnno TSV chosen from the format list with the keyboard reads the same."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from model.spans import Layer
from storage.formats.detect import Format
from storage.project import Project
from tests.conftest import snapshot
from tests.gui.test_import_dialog import click_and_wait, open_dialog
from tests.storage.test_import_peers import PD2014, WEBANNO, YEDDA
from tests.storage.test_import_webanno_layers import NER, TWO

K = Qt.Key


def test_the_preview_names_the_peers_formats_and_the_import_keeps_their_spans(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "inception.tsv").write_text(WEBANNO, encoding="utf-8")
    (folder / "demo.txt.ann").write_text(YEDDA, encoding="utf-8")
    (folder / "pd2014.txt").write_text(PD2014, encoding="utf-8")
    dialog = open_dialog(qtbot, project)
    dialog.add_paths([folder])
    before = snapshot(project)
    click_and_wait(qtbot, dialog, dialog.previewButton)
    assert snapshot(project) == before
    table = dialog.table
    rows = {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())
    }
    assert rows["inception.tsv"][1].startswith("webanno") and rows["inception.tsv"][2:5] == ["1", "0", "7"]
    assert rows["demo.txt.ann"][1].startswith("yedda") and rows["demo.txt.ann"][2:5] == ["1", "0", "5"]
    assert "2014" in rows["pd2014.txt"][1] and rows["pd2014.txt"][2:5] == ["2", "0", "7"]
    click_and_wait(qtbot, dialog, dialog.importButton)
    texts = {project.documents.get(i).text: i for i in project.documents.ids()}
    webanno = next(t for t in texts if t.startswith("𠮷"))
    gold = project.annotations.spans(texts[webanno], Layer.GOLD)
    assert sorted(webanno[s.start : s.end] for s in gold) == sorted(
        ["𠮷野家", "北京", "张三", "李四", "北京", "北京大学", "第二"]
    )


def test_webanno_chosen_with_the_keyboard(qtbot: QtBot, sqlite_project: Project, tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text(WEBANNO, encoding="utf-8")
    dialog = open_dialog(qtbot, sqlite_project)
    dialog.add_paths([path])
    box = dialog.form.formatBox
    box.setFocus()
    while box.currentData() != Format.WEBANNO:  # the combo box hands back a str
        index = box.currentIndex()
        qtbot.keyClick(box, K.Key_Down)
        assert box.currentIndex() != index, "WebAnno TSV is not in the format list"
    assert dialog.form.options().format is Format.WEBANNO
    click_and_wait(qtbot, dialog, dialog.previewButton)
    assert dialog.table.item(0, 1).text().startswith("webanno") and dialog.table.item(0, 4).text() == "7"


def test_webanno_layer_typed_in_the_dialog(qtbot: QtBot, sqlite_project: Project, tmp_path: Path) -> None:
    """A file with two custom layers is refused, naming the dialog's field; the layer and feature typed there
    import its labels."""
    path = tmp_path / "custom.tsv"
    path.write_text(
        TWO.replace(f"{NER}|identifier|value", "webanno.custom.Topic|name|score"), encoding="utf-8"
    )
    dialog = open_dialog(qtbot, sqlite_project)
    dialog.add_paths([path])
    click_and_wait(qtbot, dialog, dialog.previewButton)
    details = dialog.details.toPlainText()
    assert "line 4" in details and "--layer NAME" in details and "Import dialog: WebAnno layer" in details
    qtbot.keyClicks(dialog.form.layerEdit, "NER")
    qtbot.keyClicks(dialog.form.featureEdit, "value")
    click_and_wait(qtbot, dialog, dialog.previewButton)  # the options changed: preview again
    assert dialog.table.item(0, 4).text() == "2"
    click_and_wait(qtbot, dialog, dialog.importButton)
    text = next(sqlite_project.documents.get(i).text for i in sqlite_project.documents.ids())
    document = next(iter(sqlite_project.documents.ids()))
    gold = sqlite_project.annotations.spans(document, Layer.GOLD)
    assert sorted((text[s.start : s.end], s.label) for s in gold) == [("上海", "GPE"), ("李四", "PERSON")]


def test_text_column_typed_in_the_dialog(qtbot: QtBot, sqlite_project: Project, tmp_path: Path) -> None:
    """A table whose texts are in a column named otherwise is refused, naming the dialog's field and its
    columns; the column typed there imports its texts."""
    path = tmp_path / "news.csv"
    path.write_text("id,body,label\n1,北京欢迎你,x\n2,上海,y\n", encoding="utf-8")
    dialog = open_dialog(qtbot, sqlite_project)
    dialog.add_paths([path])
    click_and_wait(qtbot, dialog, dialog.previewButton)
    details = dialog.details.toPlainText()
    assert "line 1" in details and "--text-column NAME" in details and "Import dialog: Text column" in details
    qtbot.keyClicks(dialog.form.textColumnEdit, "body")
    click_and_wait(qtbot, dialog, dialog.previewButton)  # the options changed: preview again
    assert dialog.table.item(0, 2).text() == "2"
    click_and_wait(qtbot, dialog, dialog.importButton)
    assert sorted(sqlite_project.documents.get(i).text for i in sqlite_project.documents.ids()) == [
        "上海",
        "北京欢迎你",
    ]
