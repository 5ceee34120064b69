"""Team dialogs: assignment, the agreement view, the consistency view, driven like a person would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.agreement_view import AgreementView
from gui.assign_dialog import AssignDialog
from gui.consistency_view import ConsistencyView
from model.commands import AddSpans, Context, SetDocumentState
from model.spans import DocState, Entity
from storage.project import Project
from tests.gui.conftest import add_documents


def finish(project: Project, name: str, doc: int, *entities: Entity) -> None:
    ctx = Context(doc, project.annotator(name).id)  # type: ignore[arg-type]
    if entities:
        AddSpans(ctx, list(entities)).do(project.annotations)
    SetDocumentState(ctx, DocState.DONE, DocState.IN_PROGRESS).do(project.annotations)


def test_assign_dialog(qtbot: QtBot, sqlite_project: Project) -> None:
    add_documents(sqlite_project, [f"第{i}篇" for i in range(5)])
    dialog = AssignDialog(sqlite_project)
    qtbot.addWidget(dialog)
    dialog.names.clear()
    qtbot.keyClicks(dialog.names, "alice")
    dialog.names.insert("，")  # a full-width comma, as a Chinese input method commits it, works too
    qtbot.keyClicks(dialog.names, "bob")
    dialog.overlap.setValue(40)
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    assert "Assigned 5 document(s), 2 of them to two annotators" in dialog.result_label.text()
    counts = sqlite_project.team.assigned_counts()
    assert set(counts) == {"alice", "bob"} and sum(counts.values()) == 7
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)  # again: every document has people
    assert dialog.result_label.text().startswith("Assigned nothing: every document is assigned already")
    dialog.names.setText("solo")
    dialog.everything.setChecked(True)
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    assert "Not assigned: overlap needs at least two annotators" in dialog.result_label.text()


def test_agreement_view_ranks_documents_and_opens_them(qtbot: QtBot, sqlite_project: Project) -> None:
    a, b = add_documents(sqlite_project, ["裴青山访问美国。", "布林肯访问越南。"])
    finish(sqlite_project, "alice", a, Entity(0, 3, "PER"), Entity(5, 7, "LOC"))
    finish(sqlite_project, "bob", a, Entity(0, 3, "PER"), Entity(5, 7, "LOC"))
    finish(sqlite_project, "alice", b, Entity(0, 3, "PER"))
    finish(sqlite_project, "bob", b)
    view = AgreementView(sqlite_project)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.report is not None, timeout=5000)
    assert view.pairs.rowCount() == 1 and view.pairs.item(0, 0).text() == "alice × bob"
    assert view.pairs.item(0, 2).text() == "0.800"  # 2 matched; alice 3, bob 2: 2*2 / 5
    assert view.documents.item(0, 1).text().startswith(f"#{b} ")  # worst first
    assert view.matrix.item(0, 1).text() == "0.800"
    with qtbot.waitSignal(view.documentActivated) as signal:
        view.documents.cellDoubleClicked.emit(0, 1)
    assert signal.args == [b]
    loc = view.labels.findData("LOC")  # in LOC's colour
    assert view.labels.itemIcon(loc).pixmap(14, 14).toImage().pixelColor(7, 7).name() == "#88ccee"
    view.labels.setCurrentIndex(loc)  # LOC: both marked the one LOC
    qtbot.waitUntil(
        lambda: view.pairs.item(0, 2) is not None and view.pairs.item(0, 2).text() == "1.000", timeout=5000
    )


def test_consistency_view_navigates(qtbot: QtBot, sqlite_project: Project) -> None:
    a, b = add_documents(sqlite_project, ["华为公司发布新品。", "华为公司很大。"])
    finish(sqlite_project, "alice", a, Entity(0, 4, "ORG"))
    finish(sqlite_project, "alice", b)
    view = ConsistencyView(sqlite_project, "alice")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=5000)
    assert view.table.item(0, 1).text() == "unlabelled"
    with qtbot.waitSignal(view.locationActivated) as signal:
        view.table.setCurrentCell(0, 0)
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert signal.args == [b, 0, 4]


def test_scores_below_one_never_read_as_one_in_the_agreement_view_and_the_overview(
    qtbot: QtBot, sqlite_project: Project
) -> None:
    """F1, kappa and alpha of 0.9995 read 1.000 in Agreement… and Project → Overview… while newstag agreement
    and the review queue said 0.999 for the same figures: the windows now say what the command line says."""
    from gui.overview import Overview
    from tests.test_cli_team import _nearly_agreed

    _nearly_agreed(sqlite_project)
    view = AgreementView(sqlite_project)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.report is not None, timeout=5000)
    row = [view.pairs.item(0, c).text() for c in range(5)]
    assert row[2:] == ["0.999", "0.999", "0.999"], row
    assert "alpha 0.999" in view.status.text()
    assert view.matrix.item(0, 1).text() == "0.999" and view.documents.item(0, 0).text() == "0.999"
    overview = Overview(sqlite_project)
    qtbot.addWidget(overview)
    qtbot.waitUntil(lambda: overview.data is not None, timeout=5000)
    assert [overview.pairs.item(0, c).text() for c in range(2, 5)] == ["0.999", "0.999", "0.999"]
    said = overview.agreementLabel.text()
    assert "(exact) 0.999;" in said and "alpha 0.999;" in said and "(F1 0.999)" in said, said
    overview.close()


def test_a_pair_with_no_span_of_the_label_reads_no_f1_in_the_agreement_view(
    qtbot: QtBot, sqlite_project: Project
) -> None:
    """Label PER in Agreement…: alice and bob tagged no person, and their row said F1 1.000 / 1.000 and the
    matrix 1.000; it says "–", as newstag agreement --label PER does."""
    (a,) = add_documents(sqlite_project, ["裴青山访问美国。"])
    finish(sqlite_project, "alice", a, Entity(5, 7, "LOC"))
    finish(sqlite_project, "bob", a, Entity(5, 7, "LOC"))
    view = AgreementView(sqlite_project)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.report is not None, timeout=5000)
    assert view.pairs.item(0, 2).text() == "1.000"  # LOC agreed: a real 1.000
    view.report = None
    view.labels.setCurrentIndex(view.labels.findData("PER"))
    qtbot.waitUntil(lambda: view.report is not None, timeout=5000)
    assert [view.pairs.item(0, c).text() for c in (2, 3)] == ["–", "–"]
    assert view.matrix.item(0, 1).text() == "–" and view.matrix.item(0, 0).text() == "1.000"


def test_the_overview_gives_no_f1_to_a_pair_with_no_span(qtbot: QtBot, sqlite_project: Project) -> None:
    """Two annotators finished a document and found no entity in it: the overview said mean pairwise span F1
    1.000 and 1.000 in their row, a perfect agreement on nothing; it says "–" (kappa stays: every character
    agreed)."""
    from gui.overview import Overview

    (a,) = add_documents(sqlite_project, ["今天天气很好。"])
    finish(sqlite_project, "alice", a)
    finish(sqlite_project, "bob", a)
    overview = Overview(sqlite_project)
    qtbot.addWidget(overview)
    qtbot.waitUntil(lambda: overview.data is not None, timeout=5000)
    assert [overview.pairs.item(0, c).text() for c in range(1, 5)] == ["1", "–", "–", "1.000"]
    assert "Mean pairwise span F1 (exact) –;" in overview.agreementLabel.text()
    overview.close()
