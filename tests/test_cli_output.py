"""What the command line prints, as a user sees it in a terminal and in a pipeline: each refusal said once,
a reader that stops reading (``newstag stats | head``) ends the command quietly, and a PostgreSQL database
that holds no project is said to hold none, as a SQLite file that is not there is, and left as it was."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from tests.conftest import throwaway_pg_database
from tests.test_cli import ROOT, newstag


def _project(tmp_path: Path) -> str:
    db = f"sqlite:///{tmp_path / 'p.db'}"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"text": "张三在北京工作。", "label": [[0, 2, "PER"]]}) + "\n", encoding="utf-8"
    )
    assert newstag("import", str(corpus), "--db", db, "--quiet").returncode == 0
    return db


def test_a_reader_that_stops_reading_ends_the_command_quietly(tmp_path: Path) -> None:
    db = _project(tmp_path)
    for command in (["stats"], ["labels", "list"]):
        process = subprocess.Popen(
            [sys.executable, "-m", "gui.cli", *command, "--db", db],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # as `| head -0` does: nobody reads what the command prints
        with process.stderr:
            errors = process.stderr.read()
        assert process.wait(timeout=120) == 141, errors  # 128 + SIGPIPE, as a shell shows for `| head`
        assert errors == "", errors  # no "unexpected error", no "Exception ignored … BrokenPipeError"


def test_a_refused_file_is_said_once(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "张三", "label": [[0, 9, "PER"]]}) + "\n", encoding="utf-8")
    for dry_run in ([], ["--dry-run"]):
        result = newstag("import", str(bad), *dry_run, "--db", f"sqlite:///{tmp_path / 'p.db'}", "--quiet")
        assert result.returncode == 1
        output = result.stdout + result.stderr
        assert f"{bad}, line 1: span [0, 9, 'PER'] is out of range" in result.stdout
        assert output.count("is out of range") == 1, output  # not again as a log line on stderr


@pytest.fixture
def someone_elses_database() -> Iterator[str]:
    """A PostgreSQL database with a table of its own and no newstag project, dropped at the end."""
    with throwaway_pg_database("newstag_test_other_") as url:
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE customers (id integer)"))
        yield url
        engine.dispose()


@pytest.mark.postgres
def test_a_postgresql_database_without_a_project_is_left_as_it_was(
    someone_elses_database: str, tmp_path: Path
) -> None:
    url = someone_elses_database
    for command in (
        ["stats"],
        ["labels", "list"],
        ["agreement"],
        ["export", "--out", str(tmp_path / "o.bio")],
    ):
        result = newstag(*command, "--db", url)
        assert result.returncode == 1, result.stdout + result.stderr
        assert f"newstag {command[0]}: there is no project at {url} (nothing was created)" in result.stderr
    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({"text": "北京", "label": [[0, 2, "LOC"]]}) + "\n", encoding="utf-8")
    dry = newstag("import", str(article), "--dry-run", "--db", url, "--quiet")
    assert dry.returncode == 0, dry.stderr
    assert f"would import {article}: 1 document(s), 1 span(s)" in dry.stdout
    assert f"nothing was written to {url}, which holds no newstag project yet (none was made)" in dry.stdout
    engine = create_engine(url)
    assert inspect(engine).get_table_names() == ["customers"]  # no newstag table was made
    engine.dispose()
    assert not (tmp_path / "o.bio").exists()


def test_a_dry_run_of_several_files_says_what_the_import_then_does(tmp_path: Path) -> None:
    row = {"text": "李强在北京会见王毅。", "label": [[0, 2, "PER"], [3, 5, "GPE"]]}
    files = []
    for name, rows in (("a", [row]), ("b", [row, {"text": "王毅访问东京。", "label": [[4, 6, "GPE"]]}])):
        files.append(tmp_path / f"{name}.jsonl")
        files[-1].write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'p.db'}"
    dry = newstag("import", *map(str, files), "--dry-run", "--db", db, "--quiet")
    real = newstag("import", *map(str, files), "--db", db, "--quiet")
    assert dry.returncode == real.returncode == 0, dry.stderr + real.stderr
    for line in (
        f"would import {files[1]}: 1 document(s), 1 span(s); would skip 1 duplicate(s)",  # a.jsonl's article
        "new label(s) would be added to the label set: GPE",  # by a.jsonl only
    ):
        assert dry.stdout.count(line) == 1, dry.stdout
    assert f"imported {files[1]}: 1 document(s), 1 span(s); skipped 1 duplicate(s)" in real.stdout
    assert real.stdout.count("new label(s) added to the label set: GPE") == 1


def test_files_of_a_folder_that_are_not_read_are_named(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    (folder / "brat").mkdir(parents=True)
    (folder / "news.jsonl").write_text(json.dumps({"text": "张三在北京。"}) + "\n", encoding="utf-8")
    (folder / "msra_train_bio").write_text("张\tB-PER\n三\tI-PER\n\n", encoding="utf-8")  # a name as released
    (folder / "README.md").write_text("about this corpus\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (folder / "brat" / "a.txt").write_text("李四来了。", encoding="utf-8")
    (folder / "brat" / "a.ann").write_text("T1\tPER 0 2\t李四\n", encoding="utf-8")
    (folder / "brat" / "annotation.conf").write_text("[entities]\nPER\n", encoding="utf-8")
    result = newstag("import", str(folder), "--dry-run", "--db", f"sqlite:///{tmp_path / 'p.db'}", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "2 file(s) readable, 0 refused" in result.stdout
    unread = f"{folder / 'README.md'}, {folder / 'msra_train_bio'}"
    assert (
        "note: 2 file(s) in the folder(s) named were not read, their names not being of a kind"
        in result.stdout
    )
    assert f"newstag imports ({unread}); name a file itself to import it" in result.stdout


def test_counts_out_of_range_are_refused_by_the_option(tmp_path: Path) -> None:
    db = _project(tmp_path)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"text": "张三在北京工作。", "label": [[0, 2, "PER"]]}) + "\n", encoding="utf-8"
    )
    out = str(tmp_path / "s.jsonl")
    for args, said in (
        (
            ["evaluate", "--gold", str(gold), "--simulate-learning", "--model", "--retrain-every", "0"],
            "at least 1",
        ),
        (["consistency", "--limit", "-1", "--db", db], "--limit: must be at least 0, got -1"),
        (["suggest", "--input", str(gold), "--output", out, "--processes", "-3"], "at least 0, got -3"),
    ):
        result = newstag(*args)
        assert result.returncode == 2, (
            result.stdout + result.stderr
        )  # was "unexpected error", or a wrong count
        assert said in result.stderr and "unexpected error" not in result.stderr


def test_export_options_that_cannot_mean_one_thing_are_refused(tmp_path: Path) -> None:
    db = _project(tmp_path)
    out = tmp_path / "out.bio"
    for args, said in (
        (["--map", "PER=LOC", "--map", "PER=ORG"], "--map: PER is mapped twice, to 'LOC' and 'ORG'"),
        (["--whitespace", "placeholder", "--placeholder", "SP"], "placeholder 'SP' must be one character"),
    ):
        result = newstag("export", "--out", str(out), *args, "--db", db)
        assert result.returncode == 2 and said in result.stderr, result.stdout + result.stderr
        assert not out.exists()  # the last --map won, or "SP" stood for one space


def test_an_export_with_nothing_to_write_writes_nothing(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'p.db'}"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"text": "张三在北京工作。"}) + "\n", encoding="utf-8")  # no gold label yet
    assert newstag("import", str(corpus), "--db", db, "--quiet").returncode == 0
    out = tmp_path / "train.bio"
    result = newstag("export", "--out", str(out), "--db", db)
    assert result.returncode == 2, result.stdout + result.stderr  # was 0, with an empty training file
    assert "nothing to export: none of the 1 document(s) chosen has a label in this layer" in result.stderr
    assert "(--keep-unlabelled writes them without labels)" in result.stderr  # the command line's own way
    assert "the layer is gold" not in result.stderr
    assert not out.exists()
    assert newstag("annotators", "add", "li", "--db", db).returncode == 0
    hers = newstag("export", "--out", str(out), "--annotator", "li", "--db", db, "--as", "li")
    assert hers.returncode == 2 and not out.exists()  # --annotator alone is the gold layer's state filter
    assert "the layer is gold (the default): --layer annotator exports li's own labels" in hers.stderr
    states = ("--keep-unlabelled", "--annotator", "li", "--state", "done")  # li has finished nothing
    done = newstag("export", "--out", str(out), *states, "--db", db, "--as", "li")
    assert done.returncode == 2 and "nothing to export: no document is chosen" in done.stderr, done.stderr
    assert not out.exists()
    kept = newstag("export", "--out", str(out), "--keep-unlabelled", "--db", db)
    assert kept.returncode == 0 and "张\tO\n三\tO\n在\tO\n" in out.read_text(encoding="utf-8")


def test_links_in_a_folder_that_lead_to_no_file_are_named(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "news.jsonl").write_text(json.dumps({"text": "张三在北京。"}) + "\n", encoding="utf-8")
    (folder / "gone.jsonl").symlink_to(folder / "deleted.jsonl")
    (folder / "loop.bio").symlink_to(folder / "loop.bio")
    result = newstag("import", str(folder), "--dry-run", "--db", f"sqlite:///{tmp_path / 'p.db'}", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "1 file(s) readable, 0 refused" in result.stdout
    assert (
        "note: 2 symbolic link(s) in the folder(s) named were not read: they lead to no file (a broken link "
        f"or a loop) or to a folder, which is not searched ({folder / 'gone.jsonl'}, {folder / 'loop.bio'})"
    ) in result.stdout
    assert "their names not being of a kind" not in result.stdout


def test_every_help_text_reads_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    """`newstag assign --help` said "gives 20%% of them": argparse formats help strings with %, not
    descriptions, so an escaped percent sign in a description showed doubled. Every command's and
    subcommand's --help is checked."""
    import argparse

    from gui.cli import build_parser

    def walk(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
        yield parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for child in action.choices.values():
                    yield from walk(child)

    parsers = list(walk(build_parser()))
    assert len(parsers) > 15
    for parser in parsers:
        shown = parser.format_help()
        assert "%%" not in shown and "%(" not in shown, (parser.prog, shown)
