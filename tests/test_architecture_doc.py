"""ARCHITECTURE.md matches the code: every file and folder it names exists, every manager it hangs off the
facade is there, every name it calls in a module is defined there."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from storage.project import Project

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")


def test_every_path_named_exists() -> None:
    paths = set(re.findall(r"`((?:gui|model|storage|tests)/[\w/.]*)`", DOC))
    paths |= {p.split(":")[0] for p in re.findall(r"`((?:gui|model|storage)/[\w/.]+\.py):\w+`", DOC)}
    assert paths, "the document names no file"
    assert sorted(p for p in paths if not (ROOT / p).exists()) == []


def test_every_manager_named_hangs_off_the_facade() -> None:
    names = set(re.findall(r"`(?:project)?\.(\w+)`", DOC))
    assert {"documents", "annotations", "export"} <= names  # the pattern finds them
    missing = [n for n in sorted(names) if not hasattr(Project, n) and n not in _instance_attributes()]
    assert missing == []


def _instance_attributes() -> set[str]:
    source = (ROOT / "storage" / "project.py").read_text(encoding="utf-8")
    return set(re.findall(r"self\.(\w+) = ", source))


def test_every_qualified_name_exists() -> None:
    for module, name in re.findall(r"`((?:gui|model|storage)(?:\.\w+)+)\.([A-Za-z_]\w*)`", DOC):
        try:
            owner = importlib.import_module(module)
        except ModuleNotFoundError:  # ``storage.project.Project``-like: module.Class.attribute
            module, _, cls = module.rpartition(".")
            owner = getattr(importlib.import_module(module), cls)
        assert hasattr(owner, name), f"{module}.{name}"
