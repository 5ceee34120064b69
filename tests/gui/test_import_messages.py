"""Import refusals, span offsets and team refusals in the window's language (``gui/import_messages.py``):
every kind of ``model.reasons`` has a wording marked for translation and a Chinese one with the same
placeholders; the import dialog under the Chinese translation names the file and the line of real bad files in
Chinese, keeping only the file's own words; in English every message is ``str(exc)`` to the letter; a kind or
a translation the window cannot use falls back to the English."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

import gui.import_messages as messages
from gui import i18n
from gui.import_messages import WORDS, note_message, refusal_message, refused_message, say
from model.commands import AddSpans, Edit
from model.editing import ADD, Plan
from model.reasons import TEMPLATES, Reason, ReasonKind
from model.spans import Entity, OffsetError
from storage.project import Project
from storage.span_rows import require_fit
from storage.types import ImportFormatError
from tests.conftest import snapshot
from tests.gui.test_import_dialog import click_and_wait, open_dialog
from tests.gui.test_translation import english_words

# names a Chinese refusal keeps: encodings, formats, options and fields the user types or reads in the file
KEPT = ("UTF-8", "UTF-16", "GB18030", "NUL", "JSON Lines", "JSON", "--format jsonl", "Label Studio")


def placeholders(template: str) -> set[tuple[str, str | None, str | None]]:
    return {
        (name, spec, conv) for _, name, spec, conv in string.Formatter().parse(template) if name is not None
    }


def test_every_kind_has_a_wording_in_the_window() -> None:
    """A new kind cannot be added without its wording here (and so without its line in the catalogue)."""
    assert set(WORDS) == set(ReasonKind) == set(TEMPLATES)
    for kind, english in WORDS.items():
        assert english == TEMPLATES[kind], kind


def test_every_wording_is_translated_with_the_same_placeholders(qapp) -> None:
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    try:
        for english in [*WORDS.values(), messages.WHERE, messages.WHERE_LINE]:
            chinese = QCoreApplication.translate(messages.CONTEXT, english)
            assert chinese != english, english
            assert placeholders(chinese) == placeholders(english), english
    finally:
        i18n.install(i18n.ENGLISH)


def _refusals() -> list[BaseException]:
    """One refusal of a few kinds, nested ones among them, made by the core's own code paths."""
    found: list[BaseException] = [
        ImportFormatError.of("a.txt", ReasonKind.UNDECODABLE, 2, encoding="GB18030", byte=0xFF, offset=7),
        ImportFormatError.of(
            "b.jsonl", ReasonKind.SPAN_OUT_OF_RANGE, 3, start=0, end=9, label="LOC", length=2
        ),
        ImportFormatError(
            "c.bio",
            Reason.of(
                ReasonKind.IN_SCHEME, problem=Reason.of(ReasonKind.TAG_MALFORMED, tag="X"), scheme="BIO"
            ),
        ),
        ImportFormatError("d.txt", "an English reason without a kind", 4),
    ]
    for call in (lambda: Entity(3, 9, "PER").check(5), lambda: require_fit(7, 3, 9, 5)):  # type: ignore[arg-type]
        with pytest.raises(OffsetError) as caught:
            call()
        found.append(caught.value)
    return found


def test_in_english_the_window_says_what_the_terminal_says(qapp) -> None:
    assert i18n.install(i18n.ENGLISH) == i18n.ENGLISH
    for exc in _refusals():
        assert refused_message(exc) == str(exc)
    assert (
        str(_refusals()[2])
        == "c.bio: not a tag: 'X' (expected O or a prefix B/I/M/E/S and a label, e.g. B-PER) (BIO scheme)"
    )
    offset, stored = _refusals()[4:6]
    assert str(offset) == "span [3, 9) does not fit a text of 5 characters"
    assert str(stored) == "span [3, 9) does not fit document 7 (5 characters)"
    assert (offset.start, offset.end, offset.length, getattr(stored, "document")) == (3, 9, 5, 7)  # noqa: B009


def test_in_chinese_nested_reasons_and_offsets_are_chinese(qapp) -> None:
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    try:
        said = [refused_message(exc) for exc in _refusals()]
    finally:
        i18n.install(i18n.ENGLISH)
    assert said[0] == (
        "文件 a.txt，第 2 行：无法按 UTF-8、UTF-16 或 GB18030 解码：按 GB18030 读取时在字节 0xff"
        "（字节偏移 7）处中断；请修正该行，或将文件另存为 UTF-8 后重新导入"
    )
    assert said[1] == "文件 b.jsonl，第 3 行：片段 [0, 9, 'LOC'] 超出了 2 个字符的正文范围"
    assert said[2] == "文件 c.bio：不是标记：'X'（应为 O，或前缀 B/I/M/E/S 加标签，如 B-PER）（BIO 体系）"
    assert said[3] == "d.txt, line 4: an English reason without a kind"  # no kind: its English, whole
    assert said[4] == "片段 [3, 9) 超出了 5 个字符的文本范围"
    assert said[5] == "片段 [3, 9) 超出了文档 7 的范围（5 个字符）"


def test_a_kind_or_a_translation_the_window_cannot_use_keeps_the_english(
    qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    refusal = ImportFormatError.of("x.conll", ReasonKind.EMPTY_TOKEN, 5, row="\tO")
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    try:
        assert refusal_message(refusal) == "文件 x.conll，第 5 行：有空的词：'\\tO'"
        monkeypatch.delitem(WORDS, ReasonKind.EMPTY_TOKEN)  # a kind added to the core but not to the window
        assert refusal_message(refusal) == "文件 x.conll，第 5 行：has an empty token: '\\tO'"
        monkeypatch.setattr(messages, "_tr", lambda text: text.replace("{", "{lost_"))  # a broken translation
        assert refusal_message(refusal) == str(refusal)
        assert say(Reason.of(ReasonKind.NO_ROWS)) == "has no token rows: there is nothing to import"
        assert note_message("a note without a kind") == "a note without a kind"
    finally:
        i18n.install(i18n.ENGLISH)


# -- real bad files in the real dialog ---------------------------------------------------------------------


def _bad_files(folder: Path) -> dict[str, tuple[int | None, str, tuple[str, ...]]]:
    """Bad files written into ``folder``: name → (the line refused, Chinese the dialog must show, the file's
    own words the message quotes)."""
    folder.mkdir()
    (folder / "gbk.txt").write_bytes("新华社北京电。".encode("gbk") + b"\n\xff\xfe\xfa\x80\x81\xfe\xff" * 3)
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00" * 40)
    (folder / "broken.jsonl").write_text('{"text": "新华社北京电。"}\n{"text": "短。", \n', encoding="utf-8")
    (folder / "columns.conll").write_text("上\tB-LOC\n海\tI-LOC\t多\n", encoding="utf-8")
    (folder / "offsets.jsonl").write_text(
        '{"text": "新华社北京电。", "label": [[0, 3, "ORG"]]}\n{"text": "短。", "label": [[0, 9, "LOC"]]}\n',
        encoding="utf-8",
    )
    (folder / "bracket.txt").write_text("中共中央/nt  致/o\n李鹏/nr  [在/o  北京/ns\n", encoding="utf-8")
    (folder / "orphan.ann").write_text("T1\tPER 0 2\t李鹏\n", encoding="utf-8")
    return {
        "gbk.txt": (2, "无法按 UTF-8、UTF-16 或 GB18030 解码：按 GB18030 读取时在字节 0xff", ("0xff",)),
        "binary.txt": (None, "看起来是二进制文件", ()),
        "broken.jsonl": (2, "不是有效的 JSON（", ("Expecting property name enclosed in double quotes",)),
        "columns.conll": (2, "有 3 列，而之前的行有 2 列（第 1 行）：", (repr("海\tI-LOC\t多"),)),
        "offsets.jsonl": (2, "片段 [0, 9, 'LOC'] 超出了 2 个字符的正文范围", ()),
        "bracket.txt": (2, "'[' 在本行内没有被 ']词性' 闭合", ()),
        "orphan.ann": (None, "旁边没有文本文件 orphan.txt", ("orphan.txt",)),
    }


def test_the_dialog_says_why_each_bad_file_is_refused_in_chinese_naming_file_and_line(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    files = _bad_files(tmp_path / "bad")
    before = snapshot(project)
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    try:
        dialog = open_dialog(qtbot, project)
        dialog.add_paths([tmp_path / "bad"])
        click_and_wait(qtbot, dialog, dialog.previewButton)
        shown: dict[str, str] = {}
        for row in range(dialog.table.rowCount()):
            dialog.table.selectRow(row)
            shown[dialog.table.item(row, 0).text()] = dialog.details.toPlainText()
            assert dialog.table.item(row, 2).text() == "已拒绝"
        summary = dialog.messageLabel.text()
    finally:
        i18n.install(i18n.ENGLISH)
    assert set(shown) == set(files)
    assert "7 个文件被拒绝" in summary
    for name, (line, chinese, own_words) in files.items():
        details = shown[name]
        refused = next(x for x in details.splitlines() if x.startswith("已拒绝："))
        path = str(tmp_path / "bad" / name)
        where = f"已拒绝：文件 {path}，第 {line} 行：" if line is not None else f"已拒绝：文件 {path}："
        assert refused.startswith(where), refused
        assert chinese in refused, refused
        rest = refused.removeprefix(where)
        for kept in (*own_words, *KEPT):
            rest = rest.replace(kept, " ")
        assert english_words(rest) == [], refused
        assert "此文件的内容均不导入。" in details
    assert snapshot(project) == before


def test_a_span_the_database_finds_out_of_range_is_refused_in_chinese(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """Only the store's bounds check catches a span past the end of its document (``insert_spans``): the
    window says so in Chinese, with the offsets and the length, and nothing is saved."""
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    try:
        window = make_window()
        state = window.session.editing_state()
        assert state is not None
        length = len(state.text)
        beyond = Entity(length - 1, length + 4, "PER")
        values = {"label": "PER", "text": "X"}
        edit = Edit([AddSpans(state.ctx, [beyond])], ADD.format(**values), title=(ADD, values))
        before = snapshot(sqlite_project)
        with qtbot.waitSignal(window.session.message) as said:
            assert not window.edits._carry_out(Plan(edit))
    finally:
        i18n.install(i18n.ENGLISH)
    message, error = said.args
    assert error and message.endswith(
        f"片段 [{length - 1}, {length + 4}) 超出了文档 {state.ctx.document_id} 的范围（{length} 个字符）"
    )
    assert english_words(message.replace("PER", " ")) == [], message
    assert snapshot(sqlite_project) == before


def test_the_notes_and_warnings_of_a_file_read_are_chinese_too(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    conll = folder / "untyped.bio"
    conll.write_text("# 来源：新华社\n张\tB\n伟\tI\n来\tO\n了\tI\n\n", encoding="utf-8")
    twice = folder / "twice.jsonl"
    twice.write_text('{"text": "李强在北京。", "label": [[3, 5, "LOC"], [3, 5, "LOC"]]}\n', encoding="utf-8")
    english = preview_details(qtbot, project, folder, i18n.ENGLISH)
    chinese = preview_details(qtbot, project, folder, i18n.CHINESE)
    notes = [line for line in chinese["untyped.bio"] if line.startswith(("说明：", "警告："))]
    assert notes == [
        "说明：不带类型的标记（B、I、O）被读作标签 'ENT'（--untyped-label）",
        "说明：跳过了 1 行注释（以 # 开头，不是词元和标记）",
        "警告：1 个没有可延续实体的内部标记被读作实体的开头（首次出现于第 5 行；--strict-tags 会拒绝它们）",
    ]
    assert f"警告：文件 {twice}，第 1 行：同一文档中 1 个完全重复的片段只存储一次" in chinese["twice.jsonl"]
    assert english["untyped.bio"][-3:] == [  # the English the command line prints, unchanged
        "Note: tags without a type (B, I, O) were read as the label 'ENT' (--untyped-label)",
        "Note: 1 comment line(s) (starting with #, not a token and a tag) were passed over",
        "Warning: 1 inside tag(s) with no entity to continue were read as entity starts (first at line 5; "
        "--strict-tags refuses them)",
    ]
    assert (
        f"Warning: {twice}, line 1: 1 exact duplicate span(s) in one document stored once"
        in (english["twice.jsonl"])
    )


def preview_details(qtbot: QtBot, project: Project, folder: Path, language: str) -> dict[str, list[str]]:
    """The details the dialog's preview shows for each file of ``folder``, line by line, in ``language``."""
    assert i18n.install(language) == language
    try:
        dialog = open_dialog(qtbot, project)
        dialog.add_paths([folder])
        click_and_wait(qtbot, dialog, dialog.previewButton)
        shown: dict[str, list[str]] = {}
        for row in range(dialog.table.rowCount()):
            dialog.table.selectRow(row)
            shown[dialog.table.item(row, 0).text()] = dialog.details.toPlainText().splitlines()
        dialog.close()
        return shown
    finally:
        i18n.install(i18n.ENGLISH)


def test_every_refusal_and_note_of_the_importer_is_given_a_kind() -> None:
    """No raise site of the readers and the importer words its refusal in English alone (the window could
    only show that English), and no note or warning is appended as a bare string."""
    root = Path(__file__).resolve().parents[2]
    bare: list[str] = []
    for path in sorted([*(root / "storage" / "formats").glob("*.py"), root / "storage" / "importer.py"]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else ""
            )
            said = node.args[1] if name == "ImportFormatError" and len(node.args) > 1 else None
            if name in ("append", "fail") and node.args:
                owner = ast.unparse(func)
                said = node.args[0] if ("notes" in owner or "warnings" in owner or name == "fail") else None
            if isinstance(said, ast.Constant | ast.JoinedStr | ast.BinOp):
                bare.append(f"{path.name}:{node.lineno}")
    assert bare == []
