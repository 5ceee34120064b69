"""The Export dialog: choose options with the mouse and keyboard, export in a worker thread, check files."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from gui.export_dialog import ExportDialog
from model.spans import Annotator, Layer, Origin, Status
from storage.documents import DocumentStore, NewDocument
from storage.orm import SpanRow
from storage.project import Project


@pytest.fixture
def corpus(sqlite_project: Project) -> tuple[Project, Annotator]:
    alice = sqlite_project.annotator("alice")
    texts = ["李强在北京。", "王毅访问上海。", "新华社报道。"]
    with sqlite_project.transaction() as s:
        ids = DocumentStore.insert_batch(s, [NewDocument(t, t, "test", {}) for t in texts])
        rows = [
            (ids[0], 0, 2, "PER", Layer.GOLD, None),
            (ids[0], 3, 5, "LOC", Layer.GOLD, None),
            (ids[1], 0, 2, "PER", Layer.ANNOTATOR, alice.id),
            (ids[1], 4, 6, "LOC", Layer.ANNOTATOR, alice.id),
            (ids[2], 0, 3, "ORG", Layer.SUGGESTION, None),
        ]
        s.execute(
            insert(SpanRow),
            [
                {
                    "document_id": d,
                    "start": a,
                    "end": b,
                    "label": label,
                    "layer": str(layer),
                    "annotator_id": who,
                    "origin": str(Origin.HUMAN),
                    "version": 1,
                    "status": str(Status.SUGGESTED if layer is Layer.SUGGESTION else Status.ACCEPTED),
                }
                for d, a, b, label, layer, who in rows
            ],
        )
    return sqlite_project, alice


def choose(dialog: ExportDialog, box_name: str, text: str) -> None:
    box = getattr(dialog, box_name)
    index = box.findText(text)
    assert index >= 0, f"{text!r} not in {box_name}"
    box.setCurrentIndex(index)


def run(qtbot: QtBot, dialog: ExportDialog) -> object:
    with qtbot.waitSignal(dialog.exportFinished, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.exportButton, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_export_gold_as_bio_with_progress_and_summary(qtbot: QtBot, corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project, alice = corpus
    dialog = ExportDialog(project, alice)
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "out" / "gold.bio"
    qtbot.keyClicks(dialog.outEdit, str(out))
    choose(dialog, "docSeparatorBox", "Nothing")
    summary = run(qtbot, dialog)
    assert summary is not None
    assert out.read_text(encoding="utf-8") == "李\tB-PER\n强\tI-PER\n在\tO\n北\tB-LOC\n京\tI-LOC\n。\tO\n\n"
    assert dialog.progress.value() == dialog.progress.maximum()
    text = dialog.summaryView.toPlainText()
    assert "documents: 1" in text and "LOC 1, PER 1" in text
    assert "skipped 2 document(s) without labels" in text
    assert dialog.exportButton.isEnabled() and not dialog.cancelButton.isEnabled()


def test_export_an_annotators_labels_as_jsonl_with_a_label_dropped(  # type: ignore[no-untyped-def]
    qtbot: QtBot, corpus, tmp_path: Path
) -> None:
    project, alice = corpus
    dialog = ExportDialog(project, alice)
    qtbot.addWidget(dialog)
    assert not dialog.annotatorBox.isEnabled()  # gold, all documents: no annotator involved
    choose(dialog, "formatBox", "doccano JSONL")
    choose(dialog, "sourceBox", "One annotator's labels")
    assert not dialog.schemeBox.isEnabled()  # CoNLL-only options are off for JSONL
    assert dialog.annotatorBox.isEnabled() and dialog.annotatorBox.currentText() == "alice"
    dialog.labelList.findItems("PER", Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Unchecked)
    dialog.skipUnlabelled.setChecked(False)
    out = tmp_path / "alice.jsonl"
    dialog.outEdit.setText(str(out))
    run(qtbot, dialog)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["text"], r["label"]) for r in rows] == [
        ("李强在北京。", []),
        ("王毅访问上海。", [[4, 6, "LOC"]]),
        ("新华社报道。", []),
    ]  # no suggestion


def test_export_gold_for_inception_as_a_folder_of_webanno_tsv(  # type: ignore[no-untyped-def]
    qtbot: QtBot, corpus, tmp_path: Path
) -> None:
    project, alice = corpus
    dialog = ExportDialog(project, alice)
    qtbot.addWidget(dialog)
    choose(dialog, "formatBox", "WebAnno TSV 3.3 for INCEpTION (.tsv folder)")
    assert not dialog.schemeBox.isEnabled()  # CoNLL-only options are off, sentences are WebAnno's too
    assert dialog.sentencesBox.isEnabled()
    out = tmp_path / "inception"
    dialog.outEdit.setText(str(out))
    run(qtbot, dialog)
    assert sorted(p.name for p in out.iterdir()) == [
        ".newstag-documents.conf",  # hidden: the order and titles, for newstag's import
        "李强在北京。.tsv",  # named by its title, as INCEpTION lists it
    ]
    lines = (out / "李强在北京。.tsv").read_text(encoding="utf-8").split("\n")
    assert lines[:5] == [
        "#FORMAT=WebAnno TSV 3.3",
        "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value",
        "",
        "",
        "#Text=李强在北京。",
    ]
    assert lines[5:7] == ["1-1\t0-1\t李\t*[1]\tPER[1]\t", "1-2\t1-2\t强\t*[1]\tPER[1]\t"]
    assert "documents: 1" in dialog.summaryView.toPlainText()


def test_bad_options_are_explained_in_the_dialog(qtbot: QtBot, corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project, alice = corpus
    dialog = ExportDialog(project, alice)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.outEdit.setText(str(tmp_path / "split"))
    qtbot.mouseClick(dialog.splitBox, Qt.MouseButton.LeftButton)
    assert dialog.splitBox.isChecked() and dialog.ratios[0].isEnabled()
    dialog.ratios[0].setValue(0.9)
    qtbot.mouseClick(dialog.exportButton, Qt.MouseButton.LeftButton)
    assert "sum to 1" in dialog.messageLabel.text()
    dialog.ratios[0].setValue(0.8)
    dialog.mappingEdit.setText("GPE=LOC")
    assert run(qtbot, dialog) is None
    assert "unknown label" in dialog.messageLabel.text() and "GPE" in dialog.messageLabel.text()
    assert not (tmp_path / "split").exists()


def wait_for_cancel(real_export):  # type: ignore[no-untyped-def]
    """An export that holds until the dialog asks it to stop (so the test never races the worker)."""

    def slow(options, out, progress=None, cancelled=None, overwrite=False):  # type: ignore[no-untyped-def]
        while not cancelled():
            time.sleep(0.01)
        return real_export(options, out, progress=progress, cancelled=cancelled, overwrite=overwrite)

    return slow


def test_stop_cancels_the_running_export(
    qtbot: QtBot,
    corpus,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    project, alice = corpus
    monkeypatch.setattr(project.export, "run", wait_for_cancel(project.export.run))
    dialog = ExportDialog(project, alice)
    qtbot.addWidget(dialog)
    dialog.outEdit.setText(str(tmp_path / "x" / "out.bio"))
    qtbot.mouseClick(dialog.exportButton, Qt.MouseButton.LeftButton)
    assert dialog.cancelButton.isEnabled() and not dialog.exportButton.isEnabled()
    with qtbot.waitSignal(dialog.exportFinished, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.cancelButton, Qt.MouseButton.LeftButton)
    assert blocker.args == [None]
    assert "cancelled" in dialog.messageLabel.text()
    assert list((tmp_path / "x").iterdir()) == []


def test_closing_the_dialog_stops_the_worker(
    qtbot: QtBot,
    corpus,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    project, alice = corpus
    monkeypatch.setattr(project.export, "run", wait_for_cancel(project.export.run))
    dialog = ExportDialog(project, alice)
    qtbot.addWidget(dialog)
    dialog.outEdit.setText(str(tmp_path / "x" / "out.bio"))
    qtbot.mouseClick(dialog.exportButton, Qt.MouseButton.LeftButton)
    assert dialog._thread is not None and dialog._thread.isRunning()
    dialog.reject()  # cancels, and waits for the worker to stop
    assert dialog._thread is None and not dialog.isVisible()
    assert not (tmp_path / "x" / "out.bio").exists()


def test_the_dialog_asks_before_replacing_an_earlier_export(
    qtbot: QtBot,
    corpus,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    project, alice = corpus
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "doc000099.txt").write_text("an earlier, larger export", encoding="utf-8")
    (folder / "doc000099.ann").write_text("T1\tOLD 0 2\tan\n", encoding="utf-8")
    button = QMessageBox.StandardButton
    answers = [button.No, button.Yes]
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    dialog = ExportDialog(project, alice)
    qtbot.addWidget(dialog)
    choose(dialog, "formatBox", "brat standoff (.txt + .ann folder)")
    dialog.outEdit.setText(str(folder))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    qtbot.mouseClick(dialog.exportButton, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and f"{folder} already exists (a folder with 2 file(s)" in asked[0]
    assert "Nothing was exported" in dialog.messageLabel.text()
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    summary = run(qtbot, dialog)  # asked again: Yes
    assert summary is not None and len(asked) == 2
    assert sorted(p.name for p in folder.iterdir()) == [
        ".newstag-documents.conf",
        "annotation.conf",
        "李强在北京。.ann",
        "李强在北京。.txt",
    ]
    assert "OLD" not in (folder / "annotation.conf").read_text(encoding="utf-8")
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary, no old folder


def test_a_folder_picked_with_browse_that_holds_files_gets_a_new_folder_inside(
    qtbot: QtBot,
    corpus,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A folder picker chooses where an export goes: picking the folder that holds your work (and answering
    Yes to 'Replace it?') replaced it whole, your files with it. Now the export goes into a new folder inside
    it, beside what is there, and nothing is asked or replaced; an empty folder picked takes the export."""
    from PySide6.QtWidgets import QFileDialog

    project, alice = corpus
    mine = tmp_path / "work"
    mine.mkdir()
    (mine / "thesis.docx").write_bytes(b"years of work")
    (mine / "newstag-brat").mkdir()  # an earlier export in it stays too
    picked = [str(mine)]
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: picked.pop(0))
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Yes
    )
    dialog = ExportDialog(project, alice)
    qtbot.addWidget(dialog)
    choose(dialog, "formatBox", "brat standoff (.txt + .ann folder)")
    qtbot.mouseClick(dialog.findChild(QPushButton, "browseButton"), Qt.MouseButton.LeftButton)
    assert dialog.outEdit.text() == str(mine / "newstag-brat-2")
    assert str(mine) in dialog.messageLabel.text()
    assert run(qtbot, dialog) is not None and asked == []
    assert (mine / "thesis.docx").read_bytes() == b"years of work"
    assert sorted(p.name for p in mine.iterdir()) == ["newstag-brat", "newstag-brat-2", "thesis.docx"]
    assert len(list((mine / "newstag-brat-2").glob("*.ann"))) == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    picked.append(str(empty))
    qtbot.mouseClick(dialog.findChild(QPushButton, "browseButton"), Qt.MouseButton.LeftButton)
    assert dialog.outEdit.text() == str(empty)
