"""The import preview and Assign documents… in Chinese (``gui/import_preview.py``, ``import_messages.py``):
after a real preview of CoNLL, JSONL, word/tag and brat files, nothing the import dialog shows is English but
names (file, format, encoding and label names, the file's own words); the assign dialog says every refusal in
Chinese; and the command line prints the English it always did."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui import i18n
from gui.assign_dialog import AssignDialog
from gui.cli import main
from gui.import_dialog import ImportDialog
from gui.import_messages import refused_message
from gui.permissions import refusal
from model.reasons import ReasonKind
from model.roles import Permission
from model.spans import Annotator, AnnotatorId, Role
from storage.project import Project
from storage.types import TeamError
from tests.gui.conftest import add_documents
from tests.gui.test_import_dialog import click_and_wait, open_dialog
from tests.gui.test_translation import english_words, strings_of, untranslated

LEFT = Qt.MouseButton.LeftButton
# names the preview keeps besides those of test_translation: format, tool, corpus and encoding names, the
# words of --columns and --join as typed, the part-of-speech tags of a word/tag file
NAMES = re.compile(
    r"(?<![A-Za-z])(wordtag|utf-8|UTF-16|JSON|TOKEN|TAG|POS|CHUNK|Label Studio|MSRA|API|nr|ns|nt|"
    r"--join space\|none|--[a-z-]+)(?![A-Za-z])"
)


def preview_files(folder: Path) -> Path:
    """A CoNLL file of characters (tabs), one of words (spaces), a doccano JSONL file with a byte-order mark,
    offsets in both units and duplicates with other labels, a People's Daily file and a brat pair."""
    folder.mkdir()
    (folder / "chars.conll").write_text(
        "李\tB-PER\n强\tI-PER\n在\tO\n北\tB-LOC\n京\tI-LOC\n\n", encoding="utf-8"
    )
    (folder / "words.conll").write_text("新华社 B-ORG\n记者 O\n李强 B-PER\n报道 O\n\n", encoding="utf-8")
    rows = [
        {"text": "😀李强", "label": [[2, 4, "PER"]]},  # only UTF-16 code units fit
        {"text": "😀李强来", "label": [[1, 3, "PER"]]},  # only code points fit
        {"text": "王毅在北京。", "label": [[0, 2, "PER"]]},
        {"text": "王毅在北京。", "label": [[3, 5, "LOC"]]},
        {"text": "上海很大。", "label": []},
        {"text": "上海很大。", "label": [[0, 2, "LOC"]]},
    ]
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    (folder / "news.jsonl").write_text(lines, encoding="utf-8-sig")
    (folder / "pd.txt").write_text("19980101-01-001-001/m  中共中央/nt  致/v  李鹏/nr\n", encoding="utf-8")
    (folder / "a.txt").write_text("李鹏在北京。\n", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tPER 0 2\t李鹏\n", encoding="utf-8")
    return folder


ENGLISH = {  # what the command line printed before the preview's words had kinds (and prints still)
    "chars.conll": "  format conll (CoNLL, 2 columns, tab-separated, characters); encoding utf-8; "
    "scheme bio; columns TOKEN,TAG",
    "words.conll": "  format conll (CoNLL, 2 columns, space-separated, words); encoding utf-8; scheme bio; "
    "columns TOKEN,TAG",
    "news.jsonl": "  format jsonl (doccano); encoding utf-8 (BOM); offsets mixed (utf16: 1 document(s), "
    "codepoints: 1 document(s))",
    "pd.txt": "  format wordtag (People's Daily (word/tag, articles by id)); encoding utf-8",
    "a.ann": "  format brat (brat standoff (.txt + .ann)); encoding utf-8",
}
CHINESE = {  # the same in the window: the table's format cell, the details' reading line
    "chars.conll": (
        "conll (CoNLL，2 列，以制表符分隔，每行一个字)",
        "编码 utf-8；标记体系 bio；列 TOKEN,TAG",
    ),
    "words.conll": ("conll (CoNLL，2 列，以空格分隔，每行一个词)", "编码 utf-8；标记体系 bio；列 TOKEN,TAG"),
    "news.jsonl": (
        "jsonl (doccano)",
        "编码 utf-8（带字节顺序标记）；偏移量 混合（UTF-16 码元：1 篇文档，码位：1 篇文档）",
    ),
    "pd.txt": ("wordtag (人民日报（词/词性，按编号分篇）)", "编码 utf-8"),
    "a.ann": ("brat (brat standoff（.txt + .ann）)", "编码 utf-8"),
}


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    yield
    i18n.install(i18n.ENGLISH)


def preview(qtbot: QtBot, project: Project, folder: Path) -> tuple[ImportDialog, dict[str, list[str]]]:
    """The dialog after a real preview of ``folder``, and each file's details as the dialog shows them."""
    dialog = open_dialog(qtbot, project)
    dialog.add_paths([folder])
    click_and_wait(qtbot, dialog, dialog.previewButton)
    details: dict[str, list[str]] = {}
    for row in range(dialog.table.rowCount()):
        qtbot.mouseClick(
            dialog.table.viewport(), LEFT, pos=dialog.table.visualItemRect(dialog.table.item(row, 1)).center()
        )
        details[dialog.table.item(row, 0).text()] = dialog.details.toPlainText().splitlines()
    return dialog, details


def test_the_preview_of_real_files_shows_no_english_but_names(
    qtbot: QtBot, chinese: None, project: Project, tmp_path: Path
) -> None:
    folder = preview_files(tmp_path / "in")
    dialog, details = preview(qtbot, project, folder)
    assert set(details) == set(CHINESE)
    cells = {dialog.table.item(row, 0).text(): dialog.table.item(row, 1).text() for row in range(5)}
    for name, (cell, reading) in CHINESE.items():
        assert cells[name] == cell, name
        assert reading in details[name], (name, details[name])
    news = details["news.jsonl"]
    source = str(folder / "news.jsonl")
    assert (
        f"标签不同的重复文档：{source}:4 与 {source}:3 正文相同而标签不同：此处 [北京/LOC]，彼处 [王毅/PER]"
        in news
    )
    assert (
        f"标签不同的重复文档：{source}:6 与 {source}:5 正文相同而标签不同：此处 [上海/LOC]，彼处 无标签"
        in news
    )
    # everything the dialog shows, and every file's details: names only, once the paths are taken out
    found = list(strings_of(dialog))
    found += [(name, line) for name, lines in details.items() for line in lines]
    for path in sorted(folder.iterdir(), key=lambda p: -len(str(p))):  # paths and file names are names
        found = [(where, text.replace(str(path), " ").replace(path.name, " ")) for where, text in found]
    found = [(where, text.replace(str(folder), " ")) for where, text in found]
    cleaned = [(where, NAMES.sub(" ", text)) for where, text in found]
    left = untranslated(cleaned)
    assert left == [], "\n".join(map(repr, left))
    assert "以制表符分隔" in "".join(text for _, text in found)  # the walk saw the preview


def test_in_english_the_preview_and_the_command_line_say_what_they_always_said(
    qtbot: QtBot, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = preview_files(tmp_path / "in")
    assert i18n.install(i18n.ENGLISH) == i18n.ENGLISH
    dialog, details = preview(qtbot, project, folder)
    for row in range(dialog.table.rowCount()):
        name, cell = dialog.table.item(row, 0).text(), dialog.table.item(row, 1).text()
        assert ENGLISH[name].startswith(f"  format {cell};"), name
    assert (
        "encoding utf-8 (BOM); offsets mixed (utf16: 1 document(s), codepoints: 1 document(s))"
        in (details["news.jsonl"])
    )
    source = str(folder / "news.jsonl")
    said = f"{source}:6 repeats the text of {source}:5 with other labels: here [上海/LOC], there no labels"
    assert f"Duplicate with other labels: {said}" in details["news.jsonl"]
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["import", str(folder), "--dry-run", "--db", db]) == 0
    printed = capsys.readouterr().out.splitlines()
    for line in ENGLISH.values():
        assert line in printed
    assert f"  duplicate with other labels: {said}" in printed


def test_assign_documents_refuses_in_chinese(qtbot: QtBot, chinese: None, sqlite_project: Project) -> None:
    add_documents(sqlite_project, [f"第{i}篇" for i in range(3)])
    dialog = AssignDialog(sqlite_project)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.names.selectAll()
    qtbot.keyClick(dialog.names, Qt.Key.Key_Delete)  # nobody named
    qtbot.mouseClick(dialog.assign_button, LEFT)
    assert dialog.result_label.text() == "未分配：请至少填写一位标注员。"
    found = list(strings_of(dialog))
    qtbot.keyClicks(dialog.names, "alice")  # one annotator, and 20 % of the documents to two
    qtbot.mouseClick(dialog.assign_button, LEFT)
    assert dialog.result_label.text() == "未分配：要让文档由两人标注，至少需要两位标注员。"
    found += strings_of(dialog)
    left = untranslated(found)
    assert left == [], "\n".join(map(repr, left))
    assert sqlite_project.team.assigned_counts() == {}


def _team_refusals(project: Project) -> dict[ReasonKind, TeamError]:
    """One TeamError of every kind the team can raise, by its own code paths."""
    project.team.add("lead", Role.LEAD)
    calls = {
        ReasonKind.ASSIGN_NOBODY: lambda: project.team.assign([" "]),
        ReasonKind.OVERLAP_RANGE: lambda: project.team.assign(["alice", "bob"], 1.5),
        ReasonKind.OVERLAP_NEEDS_TWO: lambda: project.team.assign(["alice"], 0.2),
        ReasonKind.NO_ANNOTATOR: lambda: project.team.agreement(["zoe", "yan"]),
        ReasonKind.NO_SUCH_PERSON_LIST: lambda: project.team.require("zoe", Permission.ASSIGN),
        ReasonKind.NO_SUCH_PERSON: lambda: project.team.set_role("zoe", Role.LEAD),
        ReasonKind.ONLY_LEAD: lambda: project.team.set_role("lead", Role.ANNOTATOR),
        ReasonKind.PERSON_EXISTS: lambda: project.team.add("lead", Role.ANNOTATOR),
        ReasonKind.PERSON_NAME_TOO_LONG: lambda: project.team.add("王" * 201, Role.ANNOTATOR),
        ReasonKind.PERSON_NAME_COMMA: lambda: project.team.add("王,芳", Role.ANNOTATOR),
    }
    found: dict[ReasonKind, TeamError] = {}
    for kind, call in calls.items():
        with pytest.raises(TeamError) as caught:
            call()
        assert caught.value.refusal is not None and caught.value.refusal.kind is kind
        found[kind] = caught.value
    with pytest.raises(TeamError) as caught:
        project.team.layer_entities("zoe")
    assert str(caught.value) == "no annotator called zoe"
    return found


def test_every_team_refusal_has_a_kind_and_is_said_in_chinese(qapp, sqlite_project: Project) -> None:
    refusals = _team_refusals(sqlite_project)
    english = {kind: str(exc) for kind, exc in refusals.items()}
    assert english[ReasonKind.ASSIGN_NOBODY] == "name at least one annotator"
    assert english[ReasonKind.OVERLAP_RANGE] == "overlap must be between 0 and 1, got 1.5"
    assert english[ReasonKind.NO_ANNOTATOR] == "no annotator called zoe, yan"
    assert (
        english[ReasonKind.NO_SUCH_PERSON_LIST]
        == "no one called zoe in this project (newstag annotators list)"
    )
    assert {kind: refused_message(exc) for kind, exc in refusals.items()} == english
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    try:
        chinese = {kind: refused_message(exc) for kind, exc in refusals.items()}
    finally:
        i18n.install(i18n.ENGLISH)
    assert chinese[ReasonKind.OVERLAP_RANGE] == "重叠比例必须在 0 到 1 之间，实际是 1.5"
    assert chinese[ReasonKind.NO_ANNOTATOR] == "没有名为 zoe, yan 的标注员"
    for kind, said in chinese.items():
        rest = said.replace("newstag annotators list", " ").replace("newstag annotators set-role", " ")
        assert english_words(re.sub("zoe|yan|lead", " ", rest)) == [], (kind, said)


def test_every_team_error_is_raised_with_a_kind() -> None:
    """No ``TeamError`` of storage/ is worded in English alone (the window could only show that English)."""
    root = Path(__file__).resolve().parents[2]
    bare = [
        f"{path.name}:{number}"
        for path in sorted((root / "storage").glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"TeamError\((f?\"|f?')", line)
    ]
    assert bare == []


COLUMNS = {  # what is typed in Columns:, the English the command line says, and the Chinese the dialog says
    "TOKEN=1,WORD=2": (
        "--columns: unknown column role 'WORD' (TOKEN or TAG)",
        "列：--columns：未知的列角色 'WORD'（应为 TOKEN 或 TAG）",
    ),
    "TOKEN=1,TAG=x": (
        "--columns: 'TAG=x': the column number must be an integer",
        "列：--columns：'TAG=x'：列号必须是整数",
    ),
    "TOKEN=0,TAG=2": (
        "--columns: columns are numbered from 1 (or -1 for the last)",
        "列：--columns：列号从 1 开始（最后一列为 -1）",
    ),
    "TOKEN=1,TAG=1": (
        "--columns: TOKEN and TAG both name column 1; the tag is in another column",
        "列：--columns：TOKEN 和 TAG 都指向第 1 列；标签应在另一列",
    ),
    "TOKEN,POS": (
        "--columns 'TOKEN,POS': name every column, with TOKEN and TAG once each (e.g. TOKEN,POS,CHUNK,TAG), "
        "or give their numbers (e.g. TOKEN=2,TAG=10)",
        "列：--columns 'TOKEN,POS'：请为每一列命名，TOKEN 和 TAG 各出现一次（如 TOKEN,POS,CHUNK,TAG），"
        "或给出它们的列号（如 TOKEN=2,TAG=10）",
    ),
}


def test_a_columns_value_that_cannot_work_is_refused_in_chinese(
    qtbot: QtBot, sqlite_project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = preview_files(tmp_path / "in")
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    for typed, (english, _) in COLUMNS.items():  # the command line's words
        assert main(["import", str(folder / "chars.conll"), "--columns", typed, "--dry-run", "--db", db]) != 0
        assert english in capsys.readouterr().err
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    try:
        dialog = open_dialog(qtbot, sqlite_project)
        dialog.add_paths([folder / "chars.conll"])
        for typed, (_, chinese) in COLUMNS.items():
            dialog.form.columnsEdit.clear()
            qtbot.keyClicks(dialog.form.columnsEdit, typed)
            qtbot.mouseClick(dialog.previewButton, LEFT)
            assert dialog.messageLabel.text() == chinese
            assert dialog._thread is None and dialog.table.rowCount() == 0  # nothing was read
    finally:
        i18n.install(i18n.ENGLISH)


def test_a_person_no_longer_in_the_project_is_refused_in_chinese(qapp, sqlite_project: Project) -> None:
    sqlite_project.team.add("lead", Role.LEAD)
    gone = Annotator(AnnotatorId(99), "zoe", Role.LEAD)  # the window's person, since renamed or removed
    assert refusal(sqlite_project, gone, Permission.ASSIGN) == (
        "no one called zoe in this project (newstag annotators list)"
    )
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    try:
        said = refusal(sqlite_project, gone, Permission.ASSIGN)
    finally:
        i18n.install(i18n.ENGLISH)
    assert said == "本项目中没有名为 zoe 的人（newstag annotators list）"


def test_a_tag_mapped_twice_is_refused_on_the_command_line_and_in_chinese(
    qtbot: QtBot, sqlite_project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wordtag = tmp_path / "msra.txt"
    wordtag.write_text("邓小平/nr  同志/o  在/o  北京/ns  。/o  \n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["import", str(wordtag), "--tag-map", "nr=PER,nr=LOC", "--dry-run", "--db", db]) == 2
    assert "the tag nr is mapped twice; give it one label" in capsys.readouterr().err  # not: the last wins
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    try:
        dialog = open_dialog(qtbot, sqlite_project)
        dialog.add_paths([wordtag])
        dialog.form.tagMapEdit.clear()
        qtbot.keyClicks(dialog.form.tagMapEdit, "nr=PER")
        dialog.form.tagMapEdit.insert("，")  # a full-width comma, as a Chinese input method commits it
        qtbot.keyClicks(dialog.form.tagMapEdit, "nr=LOC")
        qtbot.mouseClick(dialog.previewButton, LEFT)
        assert dialog.messageLabel.text() == "词性对应的实体：词性 nr 对应了两次；请只给它一个标签"
        assert dialog._thread is None and dialog.table.rowCount() == 0  # nothing was read
    finally:
        i18n.install(i18n.ENGLISH)
