"""YEDDA marks are found in time linear in a line's length: detection scans every line of every .txt."""

from __future__ import annotations

import random
import time
from pathlib import Path

from model.reasons import ReasonKind as K
from model.reasons import Said
from storage.formats import yedda
from storage.formats.detect import detect
from storage.importer import Format
from storage.project import Project


def test_the_scanner_finds_what_yeddas_pattern_finds() -> None:
    rng = random.Random(7)
    alphabet = ["[@", "[$", "[", "@", "#", "*]", "*", "]", "北", " ", "a", "$"]
    for _ in range(4000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        expected = [m.span() for m in yedda.ENTITY.finditer(line)]
        assert list(yedda.entity_spans(line)) == expected, line


def test_a_repost_chain_without_a_close_is_scanned_in_linear_steps() -> None:
    """A Weibo-like line: many ``[@`` and ``#``, no ``*]``. YEDDA's own pattern backtracks cubically on it;
    the scan asks for ``#`` and ``*]`` a bounded number of times whatever the line's length."""
    calls = {"find": 0}
    real_find = str.find

    class Line(str):
        def find(self, *args: object) -> int:  # type: ignore[override]
            calls["find"] += 1
            return real_find(self, *args)  # type: ignore[arg-type]

    for repeats in (60, 600):
        calls["find"] = 0
        line = Line("转发 [@网友甲 #热搜# 评论 " * repeats)
        assert list(yedda.entity_spans(line)) == []
        assert calls["find"] <= 2


def test_a_long_repost_line_after_plain_lines_detects_quickly(tmp_path: Path) -> None:
    path = tmp_path / "weibo.txt"
    path.write_text("新闻正文一句话。\n" * 300 + "转发 [@网友甲 #热搜# 评论 " * 600 + "\n", encoding="utf-8")
    started = time.perf_counter()
    assert detect(path).format is Format.TXT
    assert time.perf_counter() - started < 2.0
    head = tmp_path / "head.txt"
    head.write_text("转发 [@网友甲 #热搜# 评论 " * 600 + "\n", encoding="utf-8")
    started = time.perf_counter()
    assert detect(head).format is Format.TXT
    assert time.perf_counter() - started < 2.0


def test_a_mark_past_the_head_reads_as_yedda_with_a_warning_naming_its_line(tmp_path: Path) -> None:
    path = tmp_path / "guide.txt"
    path.write_text("标注指南正文。\n" * 300 + "YEDDA 的写法是 [@北京#LOC*]。\n", encoding="utf-8")
    with Project.open(f"sqlite:///{tmp_path / 'x.db'}") as project:
        report = project.importer.import_file(path)
        assert report.error is None
        assert (report.imported, report.spans) == (1, 1)
        late = [w for w in report.warnings if isinstance(w, Said) and w.reason.kind is K.WARN_YEDDA_LATE]
        assert len(late) == 1 and late[0].reason.params["line"] == 301
        assert "line 301" in late[0] and "--format txt" in late[0]
        (doc,) = project.documents.all()
        assert doc.text.endswith("YEDDA 的写法是 北京。")


def test_a_file_past_whose_head_yedda_fails_is_plain_text_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "guide.txt"
    text = "标注指南正文。\n" * 300 + "YEDDA 的写法是 [@北京#LOC*]。\n" + "有问题请 [@客服] 联系。\n"
    path.write_text(text, encoding="utf-8")
    with Project.open(f"sqlite:///{tmp_path / 'x.db'}") as project:
        report = project.importer.import_file(path)
        assert report.error is None
        assert (report.imported, report.spans) == (1, 0)
        notes = [n for n in report.notes if isinstance(n, Said) and n.reason.kind is K.NOTE_YEDDA_AS_TEXT]
        assert len(notes) == 1
        assert (notes[0].reason.params["first"], notes[0].reason.params["line"]) == (301, 302)
        assert not any(isinstance(w, Said) and w.reason.kind is K.WARN_YEDDA_LATE for w in report.warnings)
        (doc,) = project.documents.all()
        assert doc.text == text  # the marks kept, as plain text keeps them


def test_a_mark_in_the_head_still_reads_as_yedda_without_that_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("[@北京#LOC*]欢迎你。\n" + "正文。\n" * 300, encoding="utf-8")
    with Project.open(f"sqlite:///{tmp_path / 'x.db'}") as project:
        report = project.importer.import_file(path)
        assert (report.error, report.spans) == (None, 1)
        assert not any(isinstance(w, Said) and w.reason.kind is K.WARN_YEDDA_LATE for w in report.warnings)
