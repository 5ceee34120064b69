"""Valid files of every import format, damaged the ways files get damaged (truncated mid-line or mid-UTF-8
sequence, a line deleted or doubled, two bytes swapped, a BOM inside, CRLF from halfway, an offset moved by
one or past the end, negative, a float or huge, GBK and UTF-16 with and without BOM, a NUL byte, an extremely
long line, a key given twice, a character that breaks markup), then read. Every outcome must be a refusal
naming the file and its line (or, for what is wrong with the whole file, the file), or documents whose spans
lie in their text; for doccano and brat, whose spans are offsets, the spans the damaged file states and
nothing else (no span silently shifted). A refused file leaves the database exactly as it was."""

from __future__ import annotations

import json
import re
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.text import normalise_newlines
from storage.formats import ImportFormatError
from storage.project import Project
from tests.conftest import snapshot
from tests.storage.test_import_fuzz import EXAMPLES, FUZZ, read

TEXT = "新华社北京电　李强会见古特雷斯。"
NER = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
TOKENS = [{"text": c, "start": i, "end": i + 1, "id": i} for i, c in enumerate(TEXT)]
TAGS = ["O"] * 3 + ["B-LOC", "I-LOC"] + ["O"] * 2 + ["B-PER", "I-PER"] + ["O"] * 7
SEEDS: dict[str, tuple[str, dict[str, str]]] = {
    "doccano.jsonl": (
        "jsonl",
        {
            "doccano.jsonl": json.dumps(
                {"text": TEXT, "label": [[3, 5, "LOC"], [7, 9, "PER"]]}, ensure_ascii=False
            )
            + "\n"
            + json.dumps({"text": "𠮷野家在东京。\r\n第二行", "label": [[0, 3, "ORG"], [4, 6, "LOC"]]})
            + "\n"
        },
    ),
    "cluener.jsonl": (
        "jsonl",
        {"cluener.jsonl": json.dumps({"text": TEXT, "label": {"PER": {"李强": [[7, 8]]}}}) + "\n"},
    ),
    "ls.json": (
        "json",
        {
            "ls.json": json.dumps(
                [
                    {
                        "data": {"text": TEXT},
                        "annotations": [
                            {"result": [{"value": {"start": 3, "end": 5, "text": "北京", "labels": ["LOC"]}}]}
                        ],
                    }
                ],
                ensure_ascii=False,
                indent=1,
            )
        },
    ),
    "prodigy.jsonl": (
        "jsonl",
        {
            "prodigy.jsonl": json.dumps(
                {
                    "text": TEXT,
                    "tokens": TOKENS,
                    "answer": "accept",
                    "spans": [{"start": 3, "end": 5, "label": "LOC", "token_start": 3, "token_end": 4}],
                },
                ensure_ascii=False,
            )
            + "\n"
        },
    ),
    "a.bio": (
        "conll",
        {"a.bio": "".join(f"{c}\t{t}\n" for c, t in zip(TEXT, TAGS, strict=True)) + "\n张\tS-PER\n"},
    ),
    "e.conllu": (
        "conll",
        {
            "e.conllu": "# sent_id = 1\n1\t李强\t_\t_\t_\t_\t0\troot\t_\tNER=B-PER|SpaceAfter=No\n"
            "2\t在\t_\t_\t_\t_\t1\tcase\t_\tNER=O|SpaceAfter=No\n3\t北京\t_\t_\t_\t_\t1\tobl\t_\tNER=B-LOC\n\n"
        },
    ),
    "weibo.bio": (
        "conll",
        {"weibo.bio": "贾0\tB-PER.NAM\n老1\tI-PER.NAM\n板2\tO\n在0\tO\n北0\tB-LOC.NAM\n京1\tI-LOC.NAM\n"},
    ),
    "pd1998.txt": (
        "wordtag",
        {
            "pd1998.txt": "19980101-01-001-001/m  迈向/v  新/a  世纪/n  \n"
            "19980101-01-001-002/m  中共中央/nt  主席/n  江/nr  泽民/nr  \n"
            "19980101-01-001-003/m  [中央/n  人民/n  广播/vn  电台/n]nt  \n"
        },
    ),
    "pd2014.txt": (
        "wordtag",
        {"pd2014.txt": "[纽约/nsf 时报/n]/nz 记者/n 王/nr1 小明/nr2 在/p 北京/ns 。/w\n"},
    ),
    "x.name": (
        "ontonotes",
        {
            "x.name": '<DOC DOCNO="cnn_0001">\n'
            '<ENAMEX TYPE="PERSON">李强</ENAMEX> 在 <ENAMEX TYPE="GPE">北京</ENAMEX> 。\n'
            '<ENAMEX TYPE="ORG" S_OFF="1">xUN</ENAMEX> said .\n</DOC>\n'
        },
    ),
    "boson.txt": (
        "boson",
        {"boson.txt": "{{person_name:李强}}在{{location:北京}}会见{{org_name:联合国}}。\n{{time:昨天}}。\n"},
    ),
    "w.tsv": (
        "webanno",
        {
            "w.tsv": f"#FORMAT=WebAnno TSV 3.3\n#T_SP={NER}|identifier|value\n\n\n#Text=李强在北京𠮷。\n"
            "1-1\t0-2\t李强\t_\tPER\n1-2\t2-3\t在\t_\t_\n1-3\t3-5\t北京\t*[1]\tLOC[1]\n1-4\t5-7\t𠮷\t*[1]\tLOC[1]\n"
            "1-5\t7-8\t。\t_\t_\n"
        },
    ),
    "y.txt.ann": (
        "yedda",
        {"y.txt.ann": "[@李强#PER*]在[@北京#LOC*]会见了[$古特雷斯#PER*]。\n[@C#语言#Language*]。\n"},
    ),
    "b.ann": (
        "brat",
        {
            "b.txt": "李强在北京。\r\n𠮷野家在东京。\n",
            "b.ann": "T1\tPER 0 2\t李强\nT2\tLOC 3 5\t北京\nT3\tORG 8 11\t𠮷野家\n",
        },
    ),
    "t.txt": ("txt", {"t.txt": "标题𠮷\n\n正文：李强在北京。\r\n第二段。\n"}),
}
ENCODINGS = ["gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"]
INSERTS = [
    "\u2028",
    "\u3000",
    "\ufeff",
    "\u200d",
    "\x0b",
    "\x85",
    "\r",
    "\t",
    "#",
    "[",
    "]",
    "{{",
    "}}",
    "/",
    "|",
]
INSERTS += ["\\", "*", "_", "<", ">", '"', "\x00", "-", "9"]
NUMBERS = ["+1", "-1", "-1!", "1.5", "99999999999999999999999", "1e3", "9" * 30, "0"]


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` damaged one way, chosen and placed by ``draw``."""
    lines = data.split(b"\n")
    at = draw(st.integers(0, len(data)))
    row = draw(st.integers(0, len(lines) - 1))
    how = draw(
        st.sampled_from(
            ["cut", "drop", "twice", "swap", "bom", "crlf", "cr", "long", "number", "encode"]
            + ["insert"] * 3
            + ["key"]
        )
    )
    if how == "cut":
        return data[:at]
    if how == "drop":
        return b"\n".join(lines[:row] + lines[row + 1 :])
    if how == "twice":
        return b"\n".join(lines[: row + 1] + lines[row:])
    if how == "swap" and at + 1 < len(data):
        return data[:at] + data[at + 1 : at + 2] + data[at : at + 1] + data[at + 2 :]
    if how == "bom":
        return data[:at] + b"\xef\xbb\xbf" + data[at:]
    if how == "crlf":
        return b"\n".join(lines[:row]) + b"\n" + b"\r\n".join(lines[row:])
    if how == "cr":
        return data.replace(b"\n", b"\r")
    if how == "long":
        return b"\n".join([*lines[:row], lines[row] + "北".encode() * 100_000, *lines[row + 1 :]])
    if how == "number" and (numbers := list(re.finditer(rb"\d+", data))):
        m = draw(st.sampled_from(numbers))
        change = draw(st.sampled_from(NUMBERS))
        value = str(int(m.group()) + int(change)) if change in ("+1", "-1") else change.rstrip("!")
        return data[: m.start()] + value.encode() + data[m.end() :]
    if how == "encode":
        return data.decode().encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    if how == "key" and b'"label"' in data:
        return data.replace(b'"label"', b'"label": [], "label"', 1)
    while at < len(data) and 0x80 <= data[at] < 0xC0:  # a whole character, not inside another's bytes
        at += 1
    return data[:at] + draw(st.sampled_from(INSERTS)).encode() + data[at:]


def stated_spans(name: str, files: dict[str, bytes]) -> list[tuple[str, list[tuple[int, int, str]]]] | None:
    """What a damaged doccano or brat file says, read here by json and split: the text, and the spans at
    their stated offsets, moved as line endings are made ``\\n``. None for the other formats, and where the
    damage leaves it in another encoding or shape than the writer's (the reader says how it read it)."""
    try:
        if name == "doccano.jsonl":
            lines = re.split(r"\r\n|\r|\n", files[name].decode("utf-8-sig"))
            docs = [json.loads(line) for line in lines if line.strip()]
            raws = [(d["text"], [(s, e, label) for s, e, label in d.get("label", [])]) for d in docs]
        elif name == "b.ann":
            text = files["b.txt"].decode("utf-8-sig")
            rows = [
                line.split("\t")[1].split()
                for line in re.split(r"\r\n|\r|\n", files[name].decode("utf-8-sig"))
                if line[:1] == "T"
            ]
            raws = [(text, [(int(start), int(end), label) for label, start, end in rows])]
        else:
            return None
    except (UnicodeDecodeError, ValueError, KeyError, IndexError):
        return None
    out = []
    for raw, spans in raws:
        text, mapped = normalise_newlines(raw)
        out.append((text, sorted((mapped(s, start=True), mapped(e), label) for s, e, label in spans)))
    return out


def check(name: str, files: dict[str, bytes]) -> ImportFormatError | None:
    fmt, _ = SEEDS[name]
    with TemporaryDirectory() as folder:
        for file, body in files.items():
            (Path(folder) / file).write_bytes(body)
        got = read(Path(folder) / name, fmt)
    if isinstance(got, ImportFormatError):
        return got
    for text, spans in got:
        assert all(0 <= s < e <= len(text) for s, e, _ in spans), (text, spans)
    if (stated := stated_spans(name, files)) is not None:
        assert got == stated, (got, stated)
    return None


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_seed_is_read(name: str) -> None:
    assert check(name, {f: b.encode() for f, b in SEEDS[name][1].items()}) is None


@settings(FUZZ, max_examples=EXAMPLES or 150)
@given(st.data(), st.sampled_from(sorted(SEEDS)))
def test_damaged_files_are_refused_by_line_or_read_as_they_say(data: st.DataObject, name: str) -> None:
    files = {f: b.encode() for f, b in SEEDS[name][1].items()}
    target = data.draw(st.sampled_from(sorted(files)))
    files[target] = data.draw(mutated(files[target]))
    check(name, files)


def test_a_refused_damaged_file_leaves_the_database_as_it_was(
    sqlite_project: Project, tmp_path: Path
) -> None:
    project = sqlite_project
    project.importer.import_file(_write(tmp_path / "good.jsonl", json.dumps({"text": "已有的文章。"}) + "\n"))
    before = snapshot(project)
    for name, (_, files) in SEEDS.items():
        folder = tmp_path / name.replace(".", "_")
        folder.mkdir()
        for file, body in files.items():
            _write(folder / file, body)
        damaged = folder / name
        damaged.write_bytes(damaged.read_bytes() + b"\n\x00" * 2)  # its last line breaks it
        report = project.importer.import_file(damaged, SEEDS[name][0])
        assert report.failed and report.error is not None and report.error.line is not None, (
            name,
            report.error,
        )
        assert snapshot(project) == before, name


def _write(path: Path, body: str) -> Path:
    path.write_bytes(body.encode())
    return path
