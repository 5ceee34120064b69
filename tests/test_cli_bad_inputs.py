"""The command line over a folder of bad inputs, as a user would meet them: every file gets one line naming it
(and its line, where it has one) and the reason, the other files are still imported, the summary is printed,
the exit code is 1 (2 for a bad database or option), the database keeps only the good files — and no output
holds a traceback, or an "unexpected error" (a bug caught at the last moment), on SQLite or PostgreSQL."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from storage.project import Project
from tests.conftest import snapshot

ROOT = Path(__file__).resolve().parent.parent
GOOD = "新华社北京1月2日电　国务院总理李强会见联合国秘书长古特雷斯。"


def newstag(*args: str, script: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", script, *args] if script else [sys.executable, "-m", "gui.cli", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert "unexpected error" not in output, output


def _jsonl(path: Path, *records: object, raw: str | None = None) -> None:
    text = raw if raw is not None else "".join(json.dumps(r) + "\n" for r in records)
    path.write_text(text, encoding="utf-8")


# file name -> what its FAILED line must say (None: a good file)
EXPECTED = {
    "good.jsonl": None,
    "gbk.txt": None,
    "surrogate.jsonl": "line 2: the text holds a lone surrogate (U+D800",
    "nul.jsonl": "line 1: the text holds a NUL character",
    "nul_late.txt": "line 2001: holds a NUL character",
    "long_label.jsonl": "line 1: the label 'LLLLLLLLLLLLLLLLLLLL'… is 65 characters long (at most 64)",
    "space_label.jsonl": "line 1: the label 'NEW LOC' contains whitespace",
    "empty.jsonl": ": holds no document: it is empty or only whitespace",
    "blank.jsonl": ": holds no document: it is empty or only whitespace",
    "empty.txt": ": is empty",
    "binary.txt": ": looks like a binary file",
    "bad_json.jsonl": "line 2: is not valid JSON",
    "offsets.jsonl": "line 1: span [0, 99, 'PER'] is out of range",
    "float_offsets.jsonl": "line 1: span offsets must be integers",
    "not_text.jsonl": 'line 1: has no "text" string',
    # which of the two was meant? Python's json keeps the last, other readers the first
    "duplicate_key.jsonl": "line 2: names the key 'label' twice in one object",
    "duplicate_key.json": "line 3: names the key 'text' twice in one object",
    "deep.jsonl": "line 2: nests arrays or objects too deeply to be read",  # was a RecursionError
    "deep.json": "line 1: nests arrays or objects too deeply to be read",
    "long_number.jsonl": "line 1: holds a number too long to be read",  # was Python's int digit limit
    # Python's json reads these, JSON has none; PostgreSQL refused NaN in the metadata: "unexpected error"
    "nan.jsonl": "line 2: holds NaN, which is not a JSON value",
    "huge_float.jsonl": "line 1: holds the number 1e400, too large to be read",
    "labels_string.jsonl": "line 1: Label Studio \"labels\" must be a list, got 'PER'",  # not P, E and R
    "array.json": None,  # a JSON array of documents (Label Studio, doccano) is a format of its own
    "bad_array.json": 'line 1: each item must be a JSON object with a "text" key',
    "bad_tag.bio": "line 2: 'X-PER' is not a tag",
    "mixed.bio": "line 5: mixes tag schemes",
    "no_tag.conll": "line 1: expected a token, a tab (or space) and a tag",
    # a 3 MB line without a newline: its start quoted, not all of it; not split into a million columns
    "one_line.conll": "line 1: expected a token, a tab (or space) and a tag, got '北北北",
    "wide.conll": "line 2: has more than 100 columns: it is not a CoNLL row",
    "orphan.ann": ": has no text file orphan.txt beside it",
    "pair.ann": "line 1: entity T1 [0, 99) is out of range",
}


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    _jsonl(folder / "good.jsonl", {"text": GOOD, "label": [[13, 15, "PER"]]})
    (folder / "gbk.txt").write_bytes(("标题\n" + GOOD + "\n").encode("gbk"))
    _jsonl(folder / "surrogate.jsonl", raw='{"text": "北京"}\n{"text": "abc\\ud800def"}\n')
    _jsonl(folder / "nul.jsonl", raw='{"text": "ab\\u0000cd"}\n')
    (folder / "nul_late.txt").write_text("正文。\n" * 2000 + "坏\x00行\n", encoding="utf-8")
    _jsonl(folder / "long_label.jsonl", {"text": GOOD, "label": [[0, 3, "L" * 65]]})
    _jsonl(folder / "space_label.jsonl", {"text": GOOD, "label": [[0, 3, "NEW LOC"]]})
    _jsonl(folder / "empty.jsonl", raw="")
    _jsonl(folder / "blank.jsonl", raw="  \n\t\n\n")
    (folder / "empty.txt").write_text("\n \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    _jsonl(folder / "bad_json.jsonl", raw='{"text": "北京"}\n{oops\n')
    _jsonl(folder / "offsets.jsonl", {"text": GOOD, "label": [[0, 99, "PER"]]})
    _jsonl(folder / "float_offsets.jsonl", {"text": GOOD, "label": [[0.0, 2.5, "PER"]]})
    _jsonl(folder / "not_text.jsonl", {"text": 5})
    _jsonl(
        folder / "duplicate_key.jsonl",
        raw='{"text": "北京"}\n{"text": "李强", "label": [[0, 2, "PER"]], "label": [[0, 2, "ORG"]]}\n',
    )
    _jsonl(
        folder / "deep.jsonl",
        raw='{"text": "北京"}\n{"text": "李强", "label": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
    )
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    _jsonl(folder / "long_number.jsonl", raw='{"text": "李强", "label": [[0, ' + "9" * 5000 + ', "PER"]]}\n')
    _jsonl(folder / "nan.jsonl", raw='{"text": "北京"}\n{"text": "李强", "score": NaN}\n')
    _jsonl(folder / "huge_float.jsonl", raw='{"text": "李强", "score": 1e400}\n')
    _jsonl(
        folder / "labels_string.jsonl", {"text": GOOD, "label": [{"start": 13, "end": 15, "labels": "PER"}]}
    )
    (folder / "duplicate_key.json").write_text(
        '[\n  {"text": "北京"},\n  {"text": "李强",\n   "text": "张三"}\n]\n', encoding="utf-8"
    )
    (folder / "array.json").write_text(json.dumps([{"text": "另一篇文章。"}]), encoding="utf-8")
    (folder / "bad_array.json").write_text("[5]", encoding="utf-8")
    (folder / "bad_tag.bio").write_text("李\tB-PER\n强\tX-PER\n", encoding="utf-8")
    (folder / "mixed.bio").write_text("李\tB-PER\n强\tI-PER\n\n北\tB-LOC\n京\tM-LOC\n", encoding="utf-8")
    (folder / "no_tag.conll").write_text("李\n强\tO\n", encoding="utf-8")
    (folder / "one_line.conll").write_text("北" * 1_000_000, encoding="utf-8")
    (folder / "wide.conll").write_text("李\tB-PER\n" + "强 O " * 500_000 + "\n", encoding="utf-8")
    (folder / "orphan.ann").write_text("T1\tPER 0 2\t李强\n", encoding="utf-8")
    (folder / "pair.txt").write_text("李强在北京", encoding="utf-8")
    (folder / "pair.ann").write_text("T1\tPER 0 99\t李强\n", encoding="utf-8")
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + "标题\n正文".encode("utf-16-le"))  # good too
    return folder


def _check_import(result: subprocess.CompletedProcess[str], folder: Path) -> None:
    no_traceback(result)
    assert max(map(len, (result.stdout + result.stderr).splitlines())) < 1000  # no 3 MB line quoted whole
    assert result.returncode == 1
    for name, reason in EXPECTED.items():
        path = folder / name
        if reason is None:
            assert f"imported {path}: 1 document(s)" in result.stdout
        else:
            assert f"FAILED   {path}{'' if reason.startswith(':') else ', '}{reason}" in result.stdout, name
    failed = sum(1 for reason in EXPECTED.values() if reason)
    assert f"{len(EXPECTED) - failed + 1} file(s) imported, {failed} failed" in result.stdout


def test_import_of_a_folder_of_bad_inputs_on_sqlite(bad_folder: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'project.db'}"
    result = newstag("import", str(bad_folder), "--db", db, "--quiet")
    _check_import(result, bad_folder)
    with Project.open(db) as project:
        assert project.documents.count() == 4  # good.jsonl, array.json, gbk.txt, utf16.txt
        assert {label.name for label in project.labels.all()} == {"PER", "LOC", "ORG", "MISC"}


@pytest.mark.postgres
def test_import_of_a_folder_of_bad_inputs_on_postgresql(bad_folder: Path, pg_project: Project) -> None:
    url = pg_project.engine.url.render_as_string(hide_password=False)
    result = newstag("import", str(bad_folder), "--db", url, "--quiet")
    _check_import(result, bad_folder)
    assert pg_project.documents.count() == 4


@pytest.mark.parametrize("name", [n for n, reason in EXPECTED.items() if reason])
def test_suggest_on_each_bad_input_names_it(bad_folder: Path, tmp_path: Path, name: str) -> None:
    result = newstag("suggest", "--input", str(bad_folder / name), "--output", str(tmp_path / "out.jsonl"))
    no_traceback(result)
    assert result.returncode == 1
    assert f"newstag suggest: {bad_folder / name}" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_a_read_only_database_a_full_disk_and_bad_options(bad_folder: Path, tmp_path: Path) -> None:
    path = tmp_path / "project.db"
    db = f"sqlite:///{path}"
    assert newstag("import", str(bad_folder / "good.jsonl"), "--db", db, "--quiet").returncode == 0
    with Project.open(db) as project:
        before = snapshot(project)
    good = [str(bad_folder / "gbk.txt"), str(bad_folder / "utf16.txt")]

    read_only = newstag("import", *good, "--db", f"sqlite:///file:{path}?mode=ro&uri=true", "--quiet")
    no_traceback(read_only)
    assert read_only.returncode == 1
    assert read_only.stdout.count("could not be stored: ") == 2 and "it is read-only" in read_only.stdout
    assert "0 file(s) imported, 2 failed" in read_only.stdout

    full_disk = (  # the real command, on a database that cannot grow, as on a full disk
        "import sys\n"
        "from sqlalchemy import event\n"
        "import storage.project\n"
        "real = storage.project.create_db_engine\n"
        "def full(url):\n"
        "    engine = real(url)\n"
        "    @event.listens_for(engine, 'connect')\n"
        "    def limit(connection, _record):\n"
        "        pages = connection.execute('PRAGMA page_count').fetchone()[0]\n"
        "        connection.execute(f'PRAGMA max_page_count = {pages}')\n"
        "    return engine\n"
        "storage.project.create_db_engine = full\n"
        "from gui.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    bigs = [tmp_path / "big1.jsonl", tmp_path / "big2.jsonl"]
    for n, big in enumerate(bigs):
        _jsonl(big, *({"text": f"第{n}.{i}篇。" + GOOD * 40} for i in range(60)))
    disk_full = newstag("import", *map(str, bigs), "--db", db, "--quiet", script=full_disk)
    no_traceback(disk_full)
    assert disk_full.returncode == 1
    for big in bigs:
        assert f"FAILED   {big}: could not be stored: " in disk_full.stdout
    assert "the disk is full" in disk_full.stdout
    assert "0 file(s) imported, 2 failed, into" in disk_full.stdout  # the summary

    zero = newstag("import", str(bad_folder / "good.jsonl"), "--sentences-per-document", "0", "--db", db)
    no_traceback(zero)
    assert zero.returncode == 2 and "must be at least 1" in zero.stderr

    for bad_url in ("sqlite:not-a-url", "mysql://localhost/news"):
        result = newstag("stats", "--db", bad_url)
        no_traceback(result)
        assert result.returncode == 2 and "use sqlite:///FILE or postgresql" in result.stderr
    with Project.open(db) as project:
        assert snapshot(project) == before


# The real command, with the file named ``victim.jsonl`` deleted, or replaced by a folder, just after its
# format was detected (its encoding settled, its head read) and before its documents are read.
VANISHING = (
    "import shutil, sys\n"
    "import storage.importer\n"
    "real = storage.importer.detect\n"
    "def detect(path, *args):\n"
    "    found = real(path, *args)\n"
    "    if path.name == 'victim.jsonl':\n"
    "        path.unlink()\n"
    "        if sys.argv[1] == 'folder':\n"
    "            path.mkdir()\n"
    "    return found\n"
    "storage.importer.detect = detect\n"
    "from gui.cli import main\n"
    "sys.exit(main(sys.argv[2:]))\n"
)


@pytest.mark.parametrize("becomes", ["deleted", "folder"])
def test_a_file_that_vanishes_while_the_import_runs_is_named_and_the_others_imported(
    tmp_path: Path, becomes: str
) -> None:
    db = f"sqlite:///{tmp_path / 'project.db'}"
    victim, good = tmp_path / "victim.jsonl", tmp_path / "good.jsonl"
    _jsonl(victim, {"text": "另一篇文章。", "label": [[0, 2, "ORG"]]})
    _jsonl(good, {"text": GOOD, "label": [[13, 15, "PER"]]})
    result = newstag(
        becomes, "import", str(victim), str(good), "--db", db, "--quiet", script=VANISHING, timeout=120
    )
    no_traceback(result)
    assert result.returncode == 1
    reason = "does not exist" if becomes == "deleted" else "is a folder, not a file"
    assert f"FAILED   {victim}: {reason}  (nothing from this file was imported)" in result.stdout
    assert f"imported {good}: 1 document(s), 1 span(s)" in result.stdout
    assert "1 file(s) imported, 1 failed" in result.stdout
    with Project.open(db) as project:
        assert [d.text for d in project.documents.all()] == [GOOD]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_a_symlink_loop_and_a_device_are_refused_by_name_without_waiting(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'project.db'}"
    fifo, loop = tmp_path / "pipe.jsonl", tmp_path / "loop.jsonl"
    os.mkfifo(fifo)  # opened for reading, a pipe waits for a writer that never comes
    loop.symlink_to(tmp_path / "loop2.jsonl")
    (tmp_path / "loop2.jsonl").symlink_to(loop)
    brat = tmp_path / "pair"
    brat.mkdir()
    (brat / "doc.ann").write_text("T1\tPER 0 2\t李强\n", encoding="utf-8")
    os.mkfifo(brat / "doc.txt")
    good = tmp_path / "good.jsonl"
    _jsonl(good, {"text": GOOD})
    paths = [fifo, loop, brat / "doc.ann", Path("/dev/zero"), good]
    result = newstag("import", *map(str, paths), "--format", "auto", "--db", db, "--quiet", timeout=120)
    no_traceback(result)
    assert result.returncode == 1
    special = "is not a regular file (a pipe, a device or a socket): only files are read"
    assert f"FAILED   {fifo}: {special}" in result.stdout
    assert f"FAILED   {brat / 'doc.txt'}: {special}" in result.stdout
    assert f"FAILED   /dev/zero: {special}" in result.stdout
    assert f"FAILED   {loop}: cannot be read: Too many levels of symbolic links" in result.stdout
    assert "1 file(s) imported, 4 failed" in result.stdout


# The real command, stopped for good (SIGKILL, as a crash or a power cut would) once its first batch of the
# file is written inside the file's transaction.
KILLED_IMPORT = (
    "import sys, time\n"
    "import storage.import_sink\n"
    "real = storage.import_sink.Sink.flush\n"
    "def flush(self, batch):\n"
    "    real(self, batch)\n"
    "    print('FLUSHED', flush=True)\n"
    "    time.sleep(120)\n"
    "storage.import_sink.Sink.flush = flush\n"
    "from gui.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def test_an_import_killed_mid_file_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "project.db"
    db = f"sqlite:///{path}"
    good = tmp_path / "good.jsonl"
    _jsonl(good, {"text": GOOD, "label": [[13, 15, "PER"]]})
    assert newstag("import", str(good), "--db", db, "--quiet").returncode == 0
    with Project.open(db) as project:
        before = snapshot(project)
    big = tmp_path / "big.jsonl"
    _jsonl(big, *({"text": f"第{i}篇。" + GOOD} for i in range(3000)))
    command = [sys.executable, "-c", KILLED_IMPORT, "import", str(big), "--db", db, "--quiet"]
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    with child.stdout:
        assert child.stdout.readline().strip() == "FLUSHED"
        child.kill()
        child.wait(timeout=30)
    with Project.open(db) as project:  # opening runs quick_check: the file is sound
        assert snapshot(project) == before
    again = newstag("import", str(big), "--db", db, "--quiet")
    assert again.returncode == 0, again.stdout + again.stderr
    assert f"imported {big}: 3000 document(s)" in again.stdout
