"""The window's team, export and model menus reach their dialogs; the model trains in a separate process."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.review_window import ReviewWindow
from model.commands import AddSpans, Context
from model.ops import Action, Insert
from model.spans import DocState, Entity, Layer, Origin, Status
from storage.training import SETTINGS_KEY
from tests.gui.helpers import CTRL, press


def test_menus_open_dialogs(qtbot: QtBot, corpus: list[int], make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    names = [a.text() for a in window.menuBar().actions()]
    assert names[-3:] == ["Team", "Model", "Help"]
    for name, kind in (
        ("action_assign", "assignDialog"),
        ("action_agreement", "agreementView"),
        ("action_consistency", "consistencyView"),
        ("action_export", "exportDialog"),
        ("action_gold_consistency", "consistencyView"),
    ):
        action = window.findChild(QAction, name)
        assert action is not None, name
        action.trigger()
        assert any(d.objectName() == kind for d in window.menus.dialogs), kind  # type: ignore[attr-defined]
    qtbot.keyClick(
        window.article, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert any(isinstance(d, ReviewWindow) for d in window.menus.dialogs)


def test_a_window_opened_from_the_keyboard_gets_the_keyboard_and_gives_it_back(
    qtbot: QtBot, corpus: list[int], make_window: Callable[..., MainWindow]
) -> None:
    """Ctrl+Shift+R and Ctrl+Shift+S: the review window and the export dialog are activated when shown, and a
    closing dialog gives the keyboard back to its own window, else to the annotation window: without a window
    manager nothing did, and every key was lost (the offscreen platform behaves the same way)."""

    from gui.export_dialog import ExportDialog
    from gui.shortcuts_dialog import ShortcutsDialog

    window = make_window()
    qtbot.keyClick(window.article, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    (review,) = [d for d in window.menus.dialogs if isinstance(d, ReviewWindow)]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is review)
    qtbot.keyClick(review.article, Qt.Key.Key_F1)  # its shortcuts; Escape gives the keys back to it
    shortcuts = review.findChild(ShortcutsDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shortcuts)
    qtbot.keyClick(shortcuts.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is review)
    qtbot.keyClick(review.article, Qt.Key.Key_Escape)  # closes it (nothing decided, nothing to ask)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.article, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    (export,) = [d for d in window.menus.dialogs if isinstance(d, ExportDialog)]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is export)
    export.close()


def test_compare_with_gold(qtbot: QtBot, corpus: list[int], make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    doc = window.session.document
    assert doc is not None
    ctx = Context(doc.id, window.annotator.id)
    AddSpans(ctx, [Entity(0, 2, "LOC")]).do(window.project.annotations)
    window.project.annotations.apply(
        Action("review", window.annotator.id, doc.id),
        [Insert(doc.id, Layer.GOLD, None, 0, 5, "ORG", Status.ACCEPTED, Origin.HUMAN)],
    )
    qtbot.keyClick(window.article, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    gold = window.menus.gold
    qtbot.waitUntil(gold.isVisible)
    window.session.open_document(doc.id)
    assert gold.table.rowCount() == 1
    assert (gold.table.item(0, 1).text(), gold.table.item(0, 2).text()) == (
        f"{doc.text[0:2]} LOC",
        f"{doc.text[0:5]} ORG",
    )
    header = gold.table.horizontalHeader()  # the columns share the dock's width, however wide it is
    for width in (1400, 900):
        window.resize(width, window.height())
        qtbot.waitUntil(lambda w=width: abs(window.width() - w) < 2)
        QApplication.processEvents()
        used = sum(header.sectionSize(c) for c in range(header.count()))
        assert abs(used - gold.table.viewport().width()) <= 1
        assert not gold.table.horizontalScrollBar().isVisible()


def test_training_runs_in_a_separate_process_after_enough_finished_documents(
    qtbot: QtBot, corpus: list[int], make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    project = window.project
    project.settings.set(SETTINGS_KEY, {"retrain_every": 1, "iterations": 5})
    doc = window.session.document
    assert doc is not None
    AddSpans(Context(doc.id, window.annotator.id), [Entity(0, 2, "LOC")]).do(project.annotations)
    with qtbot.waitSignal(window.menus.trainer.modelTrained, timeout=120_000):
        qtbot.keyClick(window.article, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # done + next
        assert window.menus.trainer._checking  # the corpus-wide count runs in the worker thread
        qtbot.waitUntil(lambda: window.menus.trainer.running, timeout=10_000)
        assert window.menus.model_label.text().startswith("Model: training")
    info = project.trained_models.latest_info("crf")
    assert info is not None and info[2] == 1
    model_text = window.menus.model_label.text()
    assert model_text.startswith("Model: trained ") and "on 1 documents" in model_text
    assert project.annotations.state(doc.id, window.annotator.id) is DocState.DONE


def test_closing_the_window_abandons_training_quietly(
    qtbot: QtBot, corpus: list[int], make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    doc = window.session.document
    assert doc is not None
    AddSpans(Context(doc.id, window.annotator.id), [Entity(0, 2, "LOC")]).do(window.project.annotations)
    trainer = window.menus.trainer
    failures: list[str] = []
    trainer.failed.connect(failures.append)
    assert trainer.start()
    trainer.stop()
    qtbot.wait(200)
    assert not trainer.running and failures == []
    assert window.project.trained_models.latest_info("crf") is None  # nothing partial was stored


def test_a_base_model_is_trained_in_the_background_from_a_corpus_the_lead_picks(
    qtbot: QtBot,
    corpus: list[int],
    make_window: Callable[..., MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    lines = []
    for i in range(12):
        sentence, tags = f"王芳{i % 3}在北京", ["B-PER", "I-PER", "O", "O", "B-LOC", "I-LOC"]
        lines += [f"{ch} {tag}" for ch, tag in zip(sentence, tags, strict=True)] + [""]
    bio = tmp_path / "public.bio"
    bio.write_text("\n".join(lines), encoding="utf-8")
    offered: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: offered.append(a[3]) or (str(bio), "")
    )
    action = window.findChild(QAction, "action_train_base")
    assert action is not None and action.text() == "Train a base model on a labelled corpus…"
    statuses: list[str] = []
    window.menus.trainer.statusChanged.connect(statuses.append)
    with qtbot.waitSignal(window.menus.trainer.modelTrained, timeout=120_000):
        action.trigger()
        assert window.menus.model_label.text().startswith("Model: training the base model")
    # the training process reports its progress, and the status bar shows it
    assert "Model: training the base model (features of 12 / 12 documents)…" in statuses
    assert any(re.fullmatch(r"Model: training the base model \(iteration \d+ / 100\)…", s) for s in statuses)
    info = window.project.trained_models.latest_info("crf-base")
    assert info is not None and info[2] == 12
    label = window.menus.model_label.text()
    assert label == "Model: base model (12 documents), none trained on this project yet"
    # the chooser offers every suffix the importer reads (a .conllu, .iob or .bmes corpus among them)
    corpora = offered[0].split(";;")[0]
    patterns = set(corpora[corpora.index("(") + 1 : corpora.rindex(")")].split())
    assert patterns == {f"*{suffix}" for suffix in window.project.importer.suffixes()}
    assert {"*.conllu", "*.iob", "*.bmes", "*.char"} <= patterns


def test_a_broken_base_corpus_is_reported_and_stores_nothing(
    qtbot: QtBot,
    corpus: list[int],
    make_window: Callable[..., MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    broken = tmp_path / "broken.bio"
    broken.write_text("越 B-LOC\n南 Q-LOC\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(broken), ""))
    with qtbot.waitSignal(window.menus.trainer.failed, timeout=60_000) as failure:
        window.findChild(QAction, "action_train_base").trigger()
    reason = f"{broken}, line 2: 'Q-LOC' is not a tag (O, or B-/I-/E-/S-/M- and a label)"
    assert failure.args[0] == f"Training the model failed: newstag train: {reason}"
    assert window.message_bar.isVisible() and str(broken) in window.message_bar.text()
    assert window.project.trained_models.latest_info("crf-base") is None
    assert window.menus.model_label.text() == "Model: none yet"


def test_most_uncertain_documents_first(qtbot: QtBot, make_window, sqlite_project, service) -> None:
    from storage.ordering import ORDER_KEY, RANKING_KEY
    from tests.gui.conftest import add_documents

    ids = add_documents(sqlite_project, [f"第{i}篇\n正文{i}" for i in range(6)])
    service.doubt = {ids[4]: 0.9, ids[2]: 0.5}
    window = make_window()
    listed = lambda: [window.documents.model.entry(i).id for i in range(window.documents.model.rowCount())]  # noqa: E731
    assert listed() == ids
    window.findChild(QAction, "action_order_uncertainty").trigger()
    qtbot.waitUntil(lambda: listed()[:2] == [ids[4], ids[2]], timeout=10_000)
    assert listed() == [ids[4], ids[2], ids[0], ids[1], ids[3], ids[5]]
    assert sqlite_project.settings.get(ORDER_KEY) == {"order": "uncertainty"}
    assert sqlite_project.settings.get(RANKING_KEY)["documents"][:2] == [ids[4], ids[2]]
    window.session.open_document(ids[4])
    press(qtbot, window, Qt.Key.Key_Return, CTRL)  # done: the next most uncertain opens
    qtbot.waitUntil(lambda: window.session.document is not None and window.session.document.id == ids[2])
    window.findChild(QAction, "action_order_uncertainty").trigger()  # back to document order
    qtbot.waitUntil(lambda: listed() == ids)  # the view loads its first page again
    assert sqlite_project.settings.get(ORDER_KEY) == {"order": "sequential"}
    again = make_window("bob")  # another annotator's window reads the project's order
    assert again.findChild(QAction, "action_order_uncertainty").isChecked() is False
