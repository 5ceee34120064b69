"""The annotator's view settings, each remembered per user: zoom (Ctrl+= / Ctrl+- / Ctrl+0 and Ctrl+wheel),
line spacing, the desktop's Chinese font, colour-vision-safe colours and an underline style per label."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFontInfo, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from gui import settings
from gui.article_font import DEFAULT_POINTS, desktop_cjk_family
from gui.main_window import MainWindow
from gui.view_menu import LabelStyleDialog
from model.spans import SAFE_COLOURS, Label
from storage.project import Project
from tests.gui.conftest import add_documents, add_suggestions
from tests.gui.helpers import CTRL, drag_select, press
from tests.gui.test_span_drawing import painted, render

K = Qt.Key
LONG = "越南外交部部长裴青山与美国国务卿布林肯举行会谈。" * 12


def line_tops(window: MainWindow) -> list[float]:
    layout = window.article.document().firstBlock().layout()
    return [layout.lineAt(i).y() for i in range(layout.lineCount())]


def test_zoom_keys_change_the_article_size_and_are_remembered(qtbot: QtBot, make_window, corpus) -> None:
    window = make_window()
    view = window.article
    assert view.points == DEFAULT_POINTS
    width = view._rects(view._starts[0], view._ends[0])[0].width()  # 越南外交部
    press(qtbot, window, K.Key_Equal, CTRL, times=2)
    assert view.points == DEFAULT_POINTS + 2
    assert view._rects(view._starts[0], view._ends[0])[0].width() > width * 1.1  # the spans follow
    press(qtbot, window, K.Key_Minus, CTRL)
    assert view.points == DEFAULT_POINTS + 1
    assert settings.load()["article_points"] == DEFAULT_POINTS + 1
    press(qtbot, window, K.Key_0, CTRL)
    assert view.points == DEFAULT_POINTS
    press(qtbot, window, K.Key_Equal, CTRL, times=4)
    larger = view.points
    wheel = QWheelEvent(
        QPointF(50, 50),
        view.viewport().mapToGlobal(QPointF(50, 50)),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)  # Ctrl+wheel down: one step smaller
    remembered = view.points
    assert DEFAULT_POINTS < remembered < larger
    window.close()
    again = make_window()
    assert again.article.points == remembered  # remembered for the next session
    assert QFontInfo(again.article.font()).pointSizeF() == pytest.approx(remembered, abs=0.6)


def test_line_spacing_is_a_setting_and_is_remembered(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    add_documents(sqlite_project, [LONG])
    window = make_window()
    window.resize(700, 700)
    QApplication.processEvents()
    normal = line_tops(window)
    assert len(normal) >= 3
    window.view_menu.spacing_actions[2.6].trigger()  # View → Line spacing → Relaxed
    relaxed = line_tops(window)
    assert relaxed[2] - relaxed[1] > normal[2] - normal[1] + 3
    window.view_menu.spacing_actions[1.0].trigger()  # Compact: still room for the tags
    compact = line_tops(window)
    assert compact[2] - compact[1] < normal[2] - normal[1]
    view = window.article
    assert compact[2] - compact[1] >= view.fontMetrics().height() + view.look.lane
    window.close()
    assert make_window().article.spacing == 1.0


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="no fontconfig")
def test_the_article_font_follows_the_desktops_chinese_font(
    qtbot: QtBot, make_window, corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = subprocess.run(
        ["fc-list", ":lang=zh-cn", "family"], capture_output=True, text=True, check=False
    ).stdout
    families = sorted({f.strip() for line in installed.splitlines() for f in line.split(",") if f.strip()})
    if len(families) < 2:
        pytest.skip("needs two Chinese font families (fonts-noto-cjk has several)")
    current = desktop_cjk_family()
    wanted = next((f for f in families if f != current and "Serif" in f and "SC" in f), None) or next(
        f for f in families if f != current and "Mono" not in f
    )
    config = tmp_path / "fonts.conf"
    config.write_text(  # the desktop's preference for Chinese, as a user's fonts.conf says it
        "<?xml version='1.0'?><!DOCTYPE fontconfig SYSTEM 'fonts.dtd'><fontconfig>"
        "<include ignore_missing='yes'>/etc/fonts/fonts.conf</include>"
        "<match target='pattern'><test name='lang' compare='contains'><string>zh-cn</string></test>"
        f"<edit name='family' mode='prepend_first' binding='strong'><string>{wanted}</string></edit></match>"
        "</fontconfig>",
        encoding="utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    answer = subprocess.run(
        ["fc-match", "--format=%{family[0]}", "sans-serif:lang=zh-cn"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert answer == wanted  # the desktop now prefers it for Chinese
    desktop_cjk_family.cache_clear()
    try:
        window = make_window()
        assert window.article.font().families()[0] == wanted
        run = window.article.document().firstBlock().layout().lineAt(0).glyphRuns()[0]
        assert run.rawFont().familyName() == wanted  # the Chinese text is drawn in it
    finally:
        monkeypatch.delenv("FONTCONFIG_FILE")
        desktop_cjk_family.cache_clear()


def test_an_existing_project_gets_the_safe_colours_per_user_without_touching_the_database(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    old = [
        Label(label.name, colour, label.hotkey, label.position, label.description)
        for label, colour in zip(
            sqlite_project.labels.all(), ("#e4572e", "#29a36a", "#2f6fdf", "#a259d9"), strict=True
        )
    ]
    sqlite_project.labels.replace(old)  # a project made before the safe palette
    window = make_window()
    assert window.article.look.colour("LOC").name() == "#29a36a"
    window.view_menu.safe.trigger()  # View → Colour-vision-safe colours
    colours = {label.name: window.article.look.colour(label.name).name() for label in old}
    assert colours == {label.name: SAFE_COLOURS[i].lower() for i, label in enumerate(old)}
    assert window.entities.entities.colour("PER").name() == SAFE_COLOURS[0].lower()
    icon = window.labels.buttons["LOC"].icon().pixmap(14, 14).toImage()
    assert icon.pixelColor(7, 7).name() == SAFE_COLOURS[1].lower()
    assert [label.colour for label in sqlite_project.labels.all()] == [label.colour for label in old]
    window.close()
    assert make_window().article.look.colour("LOC").name() == SAFE_COLOURS[1].lower()  # remembered


def underline_mask(image: QImage, rect, mark: QColor) -> tuple[tuple[bool, ...], ...]:
    """Which pixels of the band under a span's text are the label's mark colour."""
    columns = range(int(rect.left()) + 3, int(rect.right()) - 3)
    return tuple(
        tuple(image.pixelColor(x, y).rgb() == mark.rgb() for x in columns)
        for y in range(int(rect.bottom()) - 5, int(rect.bottom()) + 1)
    )


def test_each_label_is_told_apart_without_colour_by_its_underline_and_a_user_can_change_it(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    add_documents(sqlite_project, ["甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉。"])
    window = make_window()
    labels = [label.name for label in window.session.labels]
    for i, key in enumerate((K.Key_1, K.Key_2, K.Key_3, K.Key_4)):  # one accepted span per label
        drag_select(qtbot, window, 5 * i, 5 * i + 4)
        press(qtbot, window, key)
    press(qtbot, window, K.Key_Escape)
    press(qtbot, window, K.Key_End)
    view = window.article
    image = render(view)
    masks = []
    for i, name in enumerate(labels):
        shown = painted(view, 5 * i, 5 * i + 4)
        assert shown.label == name
        mark = view.look.style(window.session.spans[shown.index]).mark
        masks.append(underline_mask(image, shown.fills[0], mark))
    assert len(set(masks)) == len(labels)  # four different patterns: solid, double, dashed, dotted
    assert all(any(any(row) for row in mask) for mask in masks)

    window.view_menu.edit_styles()  # View → Label styles…: PER gets a wavy underline
    dialog = window.findChild(LabelStyleDialog)
    qtbot.waitUntil(dialog.isVisible)
    combo = dialog.styles["PER"]
    combo.setFocus()
    while combo.currentText() != "wavy":
        qtbot.keyClick(combo, K.Key_Down)
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
        Qt.MouseButton.LeftButton,
    )
    assert view.look.underline("PER") == "wavy"
    assert settings.load()["underlines"]["PER"] == "wavy"
    image = render(view)
    shown = painted(view, 0, 4)
    assert (
        underline_mask(image, shown.fills[0], view.look.style(window.session.spans[shown.index]).mark)
        != masks[0]
    )


def test_suggestions_are_unaffected_by_underlines(qtbot: QtBot, make_window, sqlite_project: Project) -> None:
    (doc,) = add_documents(sqlite_project, ["裴青山会见布林肯。"])
    add_suggestions(sqlite_project, doc, [(0, 3, "PER")])
    window = make_window()
    image = render(window.article)
    shown = painted(window.article, 0, 3)
    mark = window.article.look.style(window.session.spans[shown.index]).mark
    assert not any(any(row) for row in underline_mask(image, shown.fills[0], mark))  # a dashed outline only
