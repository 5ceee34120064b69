"""A .txt whose first YEDDA mark is past its head: the import preview says so, in Chinese, naming the line and
``--format txt``; a file of that kind YEDDA cannot read is previewed as plain text with a note why."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from gui import i18n
from storage.project import Project
from tests.gui.test_import_messages import preview_details


def test_the_preview_warns_of_a_late_yedda_mark_and_notes_the_plain_text_fallback(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    body = "标注指南正文。\n" * 300 + "YEDDA 的写法是 [@北京#LOC*]。\n"
    (folder / "guide.txt").write_text(body, encoding="utf-8")
    (folder / "stray.txt").write_text(body + "有问题请 [@客服] 联系。\n", encoding="utf-8")
    chinese = preview_details(qtbot, project, folder, i18n.CHINESE)
    english = preview_details(qtbot, project, folder, i18n.ENGLISH)
    assert (
        "警告：按 YEDDA 读入：它的第一个 YEDDA 标记（[@文本#标签*]）在第 301 行，已超出开头部分；"
        "标记已从正文中去掉并存为标注。如果这是只提到此类标记的纯文本，请用 --format txt 重新导入"
        in chinese["guide.txt"]
    )
    (note,) = [line for line in chinese["stray.txt"] if line.startswith("说明：")]
    assert note.startswith("说明：按纯文本读入，标记保留在正文中：第 301 行有 YEDDA 标记")
    assert "第 302 行" in note and "[@" in note
    assert any("line 301" in line and "--format txt" in line for line in english["guide.txt"])
    assert project.documents.count() == 0  # a preview stores nothing
