"""Lint, format and type checks as tests, so CI enforces them: ``ruff check .``, ``ruff format --check .``
and ``mypy`` (configured in ``pyproject.toml``) must all come back clean. The tools are in the ``test``
extra; ``.venv/bin/ruff format .`` fixes what the format check finds."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Outside the repository and kept between runs: the first run checks everything (~15 s), later runs only
# what changed.
MYPY_CACHE = Path(tempfile.gettempdir()) / "newstag-mypy-cache"


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )


def test_ruff_finds_nothing() -> None:
    result = run_tool("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, f"ruff check . failed:\n{result.stdout}{result.stderr}"


def test_the_tree_is_formatted() -> None:
    result = run_tool("ruff", "format", "--check", "--no-cache", ".")
    assert result.returncode == 0, (
        f"ruff format --check . failed (run `.venv/bin/ruff format .`):\n{result.stdout}{result.stderr}"
    )


def test_mypy_finds_nothing() -> None:
    result = run_tool("mypy", "--cache-dir", str(MYPY_CACHE))
    assert result.returncode == 0, f"mypy failed:\n{result.stdout}{result.stderr}"
