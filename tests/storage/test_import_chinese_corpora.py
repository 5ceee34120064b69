"""The public Chinese NER corpora the README names, in the shapes they are released in (small fixtures written
by hand: file names, encodings, line ends, separators and tags as released), are read with exactly their
spans; Weibo NER's nominal mentions (``.NOM``, 老师) are kept apart from its names and the import says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.project import Project
from tests.storage.test_import import spans_of, texts

# ResumeNER (Zhang and Yang 2018) train.char.bmes: a character and a BMES tag, a space between
RESUME = "高 B-NAME\n勇 E-NAME\n： O\n中 B-CONT\n国 M-CONT\n国 M-CONT\n籍 E-CONT\n\n"
RESUME += "王 S-NAME\n任 O\n教 B-TITLE\n授 E-TITLE\n\n"
# Weibo NER, 2nd release (weiboNER_2nd_conll.train): a character, its position in its word, a tab, the tag
WEIBO = "贾0\tB-PER.NAM\n老0\tB-PER.NOM\n板1\tI-PER.NOM\n在0\tO\n北0\tB-GPE.NAM\n京1\tI-GPE.NAM\n\n"
WEIBO += "记0\tB-PER.NOM\n者1\tI-PER.NOM\n说0\tO\n\n"
# CLUENER 2020 dev.json: JSON Lines under a .json name, inclusive ends
CLUENER = (
    '{"text": "浙商银行企业信贷部叶老桂博士则从另一个角度对五道门槛进行了解读。", '
    '"label": {"name": {"叶老桂": [[9, 11]]}, "company": {"浙商银行": [[0, 3]]}}}\n'
    '{"text": "生生不息CSOL生化狂潮让你填弹狂扫", "label": {"game": {"CSOL": [[4, 7]]}}}\n'
)
# MSRA's original release (train1.txt): GB18030, CRLF, word/tag with nr ns nt o, two spaces after each
MSRA = "中共中央/nt  致/o  中国致公党十一大/nt  的/o  贺词/o  \r\n"
MSRA += "向/o  邓小平/nr  和/o  北京/ns  致以/o  问候/o  。/o  \r\n"
# People's Daily 1998 (199801.txt): GB18030, CRLF, line ids, a blank line between paragraphs, brackets
PEOPLES_DAILY = (
    "19980101-01-001-002/m  中共中央/nt  总书记/n  、/w  国家/n  主席/n  江/nr  泽民/nr  \r\n\r\n"
    "19980101-01-001-006/m  通过/p  [中央/n  人民/n  广播/vn  电台/n]nt  "
    "向/p  北京/ns  人民/n  问好/v  。/w  \r\n\r\n"
)


@pytest.mark.parametrize(
    ("name", "body", "encoding", "expected"),
    [
        (
            "train.char.bmes",
            RESUME,
            "utf-8",
            [("高勇", "NAME"), ("中国国籍", "CONT"), ("王", "NAME"), ("教授", "TITLE")],
        ),
        ("dev.json", CLUENER, "utf-8", [("浙商银行", "company"), ("叶老桂", "name"), ("CSOL", "game")]),
        (
            "train1.txt",
            MSRA,
            "gb18030",
            [("中共中央", "ORG"), ("中国致公党十一大", "ORG"), ("邓小平", "PER"), ("北京", "LOC")],
        ),
        (
            "199801.txt",
            PEOPLES_DAILY,
            "gb18030",
            [("中共中央", "ORG"), ("江泽民", "PER"), ("中央人民广播电台", "ORG"), ("北京", "LOC")],
        ),
    ],
)
def test_a_released_corpus_is_read_with_its_spans(
    sqlite_project: Project,
    tmp_path: Path,
    name: str,
    body: str,
    encoding: str,
    expected: list[tuple[str, str]],
) -> None:
    path = tmp_path / name
    path.write_bytes(body.encode(encoding))
    report = sqlite_project.importer.import_file(path)
    assert report.error is None, report.error
    assert [(text[e.start : e.end], e.label) for text, e in spans_of(sqlite_project)] == expected
    assert all("/" not in t and "\r" not in t and "  " not in t for t in texts(sqlite_project))


def test_weibo_ners_nominal_mentions_are_kept_apart_and_said(sqlite_project: Project, tmp_path: Path) -> None:
    path = tmp_path / "weiboNER_2nd_conll.train"
    path.write_text(WEIBO, encoding="utf-8")
    report = sqlite_project.importer.import_file(path)
    assert report.error is None
    assert [(text[e.start : e.end], e.label) for text, e in spans_of(sqlite_project)] == [
        ("贾", "PER.NAM"),
        ("老板", "PER.NOM"),
        ("北京", "GPE.NAM"),
        ("记者", "PER.NOM"),
    ]
    warned = [str(w) for w in report.warnings if ".NOM" in str(w)]
    assert len(warned) == 1 and "2 nominal mention(s)" in warned[0] and "PER.NOM 2" in warned[0]
    assert "GPE.NAM 1, PER.NAM 1" in warned[0]
    assert "newstag labels remove PER.NOM --merge-into PER.NAM" in warned[0]


def test_a_corpus_of_names_only_is_not_warned_about_nominal_mentions(
    sqlite_project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "weibo_names.train"
    path.write_text("贾0\tB-PER.NAM\n在0\tO\n北0\tB-GPE.NAM\n京1\tI-GPE.NAM\n\n", encoding="utf-8")
    report = sqlite_project.importer.import_file(path)
    assert report.error is None and len(spans_of(sqlite_project)) == 2
    assert not [w for w in report.warnings if ".NOM" in str(w)]
