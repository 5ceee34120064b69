"""The import direction: model/ is pure Python, storage/ has no Qt. Checked in a clean interpreter."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _loaded_after_import(modules: list[str]) -> set[str]:
    code = (
        "import importlib, pkgutil, sys\n"
        f"for top in {modules!r}:\n"
        "    pkg = importlib.import_module(top)\n"
        "    for info in pkgutil.walk_packages(pkg.__path__, top + '.'):\n"
        "        if '.migrations' not in info.name:\n"
        "            importlib.import_module(info.name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_model_imports_neither_qt_nor_sqlalchemy() -> None:
    loaded = _loaded_after_import(["model"])
    forbidden = {"PySide6", "sqlalchemy", "alembic", "storage", "gui"}
    assert not {m for m in loaded if m.split(".")[0] in forbidden}


def test_storage_imports_no_qt() -> None:
    loaded = _loaded_after_import(["model", "storage"])
    assert not {m for m in loaded if m.split(".")[0] in {"PySide6", "shiboken6", "gui"}}
    assert "sqlalchemy" in loaded  # the check above is meaningful: storage really was imported


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("model", {"PySide6", "shiboken6", "sqlalchemy", "alembic", "storage", "gui"}),
        ("storage", {"PySide6", "shiboken6", "gui"}),
    ],
)
def test_no_forbidden_import_statement(package: str, forbidden: set[str]) -> None:
    """Also catches imports inside functions, which a module-load check cannot see."""
    offenders = []
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [
                f"{path.relative_to(ROOT)}:{node.lineno} {n}" for n in names if n.split(".")[0] in forbidden
            ]
    assert offenders == []


def test_the_command_line_loads_no_qt() -> None:
    """``newstag`` and every command module import without Qt (headless servers, fast --help)."""
    code = (
        "import importlib, sys\n"
        "import gui.cli\n"
        "for name in gui.cli.COMMAND_MODULES:\n"
        "    importlib.import_module(name)\n"
        "gui.cli.build_parser()\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert {"gui.cli.suggest", "gui.cli.corpus", "gui.cli.train"} <= loaded  # the check means something
    assert not {m for m in loaded if m.split(".")[0] in {"PySide6", "shiboken6"}}
