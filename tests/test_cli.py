"""The headless commands, run as a user runs them (a subprocess on the installed entry point's module)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from seeds import seed_paths

ROOT = Path(__file__).resolve().parent.parent


def newstag(*args: str, env_db: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gui.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_import_reports_per_file_and_exits_nonzero_on_failure(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"text": "裴青山访问美国", "label": [[0, 3, "PER"], [5, 7, "LOC"]]}) + "\n",
                    encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x"}\n{oops\n', encoding="utf-8")
    result = newstag("import", str(good), str(bad), str(seed_paths()[0]), "--db", db, "--quiet")
    assert result.returncode == 1
    assert f"imported {good}: 1 document(s), 2 span(s)" in result.stdout
    assert f"FAILED   {bad}, line 2: is not valid JSON" in result.stdout
    assert "2 file(s) imported, 1 failed" in result.stdout

    again = newstag("import", str(good), "--db", db, "--quiet")
    assert again.returncode == 0 and "skipped 1 duplicate(s)" in again.stdout

    stats = newstag("stats", "--db", db)
    assert stats.returncode == 0, stats.stderr
    assert "documents: 2" in stats.stdout
    assert "gold       PER      accepted          1" in stats.stdout


def test_a_newer_database_is_refused_by_the_cli(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "future.db"
    assert newstag("stats", "--db", f"sqlite:///{path}").returncode == 0
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    result = newstag("stats", "--db", f"sqlite:///{path}")
    assert result.returncode == 2
    assert "newer version of newstag" in result.stderr and "Traceback" not in result.stderr


def test_missing_file_is_a_clear_failure(tmp_path: Path) -> None:
    result = newstag("import", str(tmp_path / "nope.txt"), "--db", f"sqlite:///{tmp_path / 'x.db'}", "--quiet")
    assert result.returncode == 1 and "nope.txt: does not exist" in result.stdout
