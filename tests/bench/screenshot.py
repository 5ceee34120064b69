"""Save screenshots of the real windows on a seed article (for the README): the annotation window
(resources/screenshot.png), the review window (resources/screenshot_review.png), the annotation window in
Simplified Chinese (resources/screenshot_zh_CN.png), the label editor (resources/screenshot_labels.png) and
the import dialog's preview (resources/screenshot_import.png: the MSRA test set from ../shared/data, a doccano
file, a broken file) and Project → People… (resources/screenshot_people.png).

Usage (needs a CJK font, e.g. fonts-noto-cjk; the README screenshots were taken this way):

    Xvfb :99 -screen 0 1600x1000x24 & DISPLAY=:99 QT_QPA_PLATFORM=xcb \\
    python tests/bench/screenshot.py [--only window,review,zh,labels,import,people] \\
        [OUT.png [REVIEW_OUT.png [CHINESE_OUT.png [LABELS_OUT.png [IMPORT_OUT.png [PEOPLE_OUT.png]]]]]]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from array import array
from collections import Counter
from pathlib import Path

from common import ROOT, shared_file
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from storage.project import Project


def save_small(image: QImage, out: Path) -> None:
    """A PNG with a 256-colour palette of the screenshot's own most frequent colours (a UI has few)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = array("I", bytes(image.constBits()))
    palette = [colour | 0xFF000000 for colour, _ in Counter(pixels).most_common(256)]
    image.convertToFormat(
        QImage.Format.Format_Indexed8, palette, Qt.ImageConversionFlag.ThresholdDither
    ).save(str(out), "PNG", 9)


def settle(app: QApplication, seconds: float = 1.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def activate(app: QApplication, window: QWidget, focus: QWidget) -> None:
    """Key presses reach a window's shortcuts only while it is the active window."""
    window.activateWindow()
    window.raise_()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and QApplication.activeWindow() is not window:
        app.processEvents()
        time.sleep(0.02)
    focus.setFocus()


def annotation_window(app: QApplication, project: Project, out: Path, annotator: str = "王小明") -> None:
    from gui.main_window import MainWindow
    from storage.suggestions import SuggestionService

    window = MainWindow(project, project.annotator(annotator), SuggestionService(project))
    window.resize(1360, 820)
    window.show()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not window.session.spans:
        app.processEvents()
        time.sleep(0.02)
    settle(app)
    activate(app, window, window.article)
    keys = [
        Qt.Key.Key_Return,
        Qt.Key.Key_Return,
        Qt.Key.Key_Return,
        Qt.Key.Key_X,
        Qt.Key.Key_Return,
        Qt.Key.Key_Return,
        Qt.Key.Key_X,
        Qt.Key.Key_Return,
    ]
    for key in keys:  # some decided spans, two of them rejected
        QTest.keyClick(window.article, key)
        settle(app, 0.1)
    QTest.keyClick(window.article, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)  # show them
    settle(app, 0.3)
    QTest.keyClick(window.article, Qt.Key.Key_Tab)
    settle(app)
    panel = window.entities  # the focused span's group opened in the entity panel
    panel.set_open(panel.entities.row_of_span(window.session.focused), True)
    settle(app, 0.3)
    save_small(window.grab().toImage(), out)
    print(f"saved {out} ({out.stat().st_size // 1024} KB)")
    window.close()


def review_window(app: QApplication, project: Project, out: Path) -> None:
    """Two annotators who disagree on the first seed article, and the review window on it."""
    from gui.review_window import ReviewWindow
    from model.commands import AddSpans, Context, SetDocumentState
    from model.spans import DocState, Entity, Layer, Role

    doc = project.documents.ids()[0]
    text = project.documents.get(doc).text
    suggested = [s.entity for s in project.annotations.spans(doc, Layer.SUGGESTION)]
    if not suggested:
        sys.exit("the seed article has no suggestions yet")
    for name, change in (
        ("王小明", {}),
        ("李华", {"越南外交部": [("越南", "LOC"), ("外交部", "ORG")], "安东尼·布林肯": [("布林肯", "PER")]}),
    ):
        entities: list[Entity] = []
        for e in suggested:
            surface = text[e.start : e.end]
            if surface in change:
                at = e.start
                for part, label in change[surface]:
                    at = text.index(part, at)
                    entities.append(Entity(at, at + len(part), label))
                    at += len(part)
            else:
                entities.append(e)
        ctx = Context(doc, project.annotator(name).id)
        AddSpans(ctx, sorted(set(entities), key=lambda e: (e.start, e.end))).do(project.annotations)
        SetDocumentState(ctx, DocState.DONE, DocState.NEW).do(project.annotations)
    window = ReviewWindow(project, project.annotator("审校员", Role.REVIEWER))
    window.show()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not window.queue.count():
        app.processEvents()
        time.sleep(0.02)
    settle(app)
    activate(app, window, window.article)
    QTest.keyClick(window.article, Qt.Key.Key_B)  # take 李华's version of the first disagreement
    settle(app)
    save_small(window.grab().toImage(), out)
    print(f"saved {out} ({out.stat().st_size // 1024} KB)")
    window.close()


def label_editor(app: QApplication, project: Project, out: Path, lead: str) -> None:
    """Project → Labels… as the lead sees it, with the CLUENER preset added to the default labels."""
    from gui.label_editor import LabelEditor
    from gui.main_window import MainWindow

    window = MainWindow(project, project.annotator(lead))
    window.resize(1360, 820)
    window.show()
    settle(app)
    project.labels.preset("cluener", by=window.annotator.id)
    window.menus.label_menu.edit_labels()
    editor = window.menus.label_menu.editor
    assert isinstance(editor, LabelEditor)
    editor.resize(900, 560)
    settle(app)
    activate(app, editor, editor.table)
    editor.table.setCurrentCell(1, 3)
    editor.presets.setCurrentIndex(editor.presets.findData("cluener"))
    editor.say(
        editor.tr("Hotkey {0} belongs to {1} already; give {1} another key first.").format("1", "PER"), True
    )
    settle(app, 0.3)
    save_small(editor.grab().toImage(), out)
    print(f"saved {out} ({out.stat().st_size // 1024} KB)")
    editor.close()
    window.close()


def people(app: QApplication, project: Project, out: Path, lead: str) -> None:
    """Project → People… as the lead sees it: a reviewer and two annotators, one role just changed."""
    from gui.main_window import MainWindow
    from model.spans import Role

    window = MainWindow(project, project.annotator(lead))
    window.resize(1360, 820)
    window.show()
    settle(app)
    me = window.annotator.id
    project.team.add("李明", Role.ANNOTATOR, by=me)
    project.team.add("张伟", Role.ANNOTATOR, by=me)
    project.team.add("陈静", Role.ANNOTATOR, by=me)
    dialog = window.project_menu.people()
    assert dialog is not None
    dialog.resize(720, 420)
    settle(app)
    dialog.table.setCurrentCell(3, 1)
    dialog.role_box.setCurrentIndex(dialog.role_box.findData(str(Role.REVIEWER)))
    dialog.set_role()
    settle(app, 0.5)
    activate(app, dialog, dialog.table)
    save_small(dialog.grab().toImage(), out)
    print(f"saved {out} ({out.stat().st_size // 1024} KB)")
    dialog.close()
    window.close()


def import_preview(app: QApplication, project: Project, out: Path, folder: Path) -> None:
    """Document → Import… after Preview: three files, one of them refused by line."""
    import json
    import shutil

    from gui.import_dialog import ImportDialog

    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(shared_file("msra/test.bio"), folder / "msra_test.bio")
    rows = [
        {"text": "联合国秘书长古特雷斯抵达北京。", "label": [[0, 3, "ORG"], [6, 9, "PER"], [11, 13, "LOC"]]},
        {"text": "欧盟委员会在布鲁塞尔发表声明。", "label": [[0, 5, "ORG"], [6, 10, "GPE"]]},
        {"text": "新华社记者王晓明报道。", "label": [[0, 3, "ORG"], [5, 8, "PER"]]},
    ]
    (folder / "doccano_export.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    bad = [{"text": "上海今天晴。", "label": [[0, 2, "LOC"]]}, {"text": "短讯。", "label": [[0, 9, "ORG"]]}]
    (folder / "broken.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in bad), encoding="utf-8"
    )
    dialog = ImportDialog(project)
    dialog.resize(1180, 820)
    dialog.show()
    dialog.add_paths([folder])
    dialog.form.sentencesSpin.setValue(20)
    dialog.start_preview()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and dialog._thread is not None:
        app.processEvents()
        time.sleep(0.02)
    broken = next(
        r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "broken.jsonl"
    )
    dialog.table.selectRow(broken)
    settle(app)
    save_small(dialog.grab().toImage(), out)
    print(f"saved {out} ({out.stat().st_size // 1024} KB)")
    dialog.close()


def main() -> None:
    argv = sys.argv[1:]
    only = {"window", "review", "zh", "labels", "import", "people"}
    if argv[:1] == ["--only"]:
        only, argv = set(argv[1].split(",")), argv[2:]
    resources = ROOT / "resources"
    outs = [Path(a) for a in argv] + [
        resources / name
        for name in (
            "screenshot.png",
            "screenshot_review.png",
            "screenshot_zh_CN.png",
            "screenshot_labels.png",
            "screenshot_import.png",
            "screenshot_people.png",
        )
    ][len(argv) :]
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NEWSTAG_CONFIG_DIR"] = str(Path(tmp) / "config")
        from gui.app import ensure_seeds

        lead = "王小明"  # the first person of each project: its lead
        if "labels" in only:  # a project of its own: the others keep the default labels
            with Project.open(f"sqlite:///{Path(tmp) / 'labels.db'}") as labelled:
                ensure_seeds(labelled)
                label_editor(app, labelled, outs[3], lead)
        project = Project.open(f"sqlite:///{Path(tmp) / 'seeds.db'}")
        ensure_seeds(project)
        if "window" in only:
            annotation_window(app, project, outs[0], annotator=lead)
        if "people" in only:
            people(app, project, outs[5], lead)
        if "review" in only:
            review_window(app, project, outs[1])
        from gui import i18n

        i18n.install(i18n.CHINESE)
        if "zh" in only:
            annotation_window(app, project, outs[2], annotator="李明")
        project.close()
        i18n.install(i18n.ENGLISH)
        if "import" in only:
            with Project.open(f"sqlite:///{Path(tmp) / 'import.db'}") as empty:
                import_preview(app, empty, outs[4], Path(tmp) / "to_import")


if __name__ == "__main__":
    main()
