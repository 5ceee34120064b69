"""What the command line prints, as a user sees it in a terminal and in a pipeline: each refusal said once,
and a reader that stops reading (``newstag stats | head``) ends the command quietly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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
