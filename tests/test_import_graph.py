"""The shape of the code, read from the source: no import circles inside ``gui/``, ``storage/`` or ``model/``
(counting imports inside functions and under ``TYPE_CHECKING``, which a load-time check cannot see), no
module over 400 lines, and ``gui/`` reaching storage only through the facade and its value types."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("gui", "model", "storage")
MAX_LINES = 400
# What gui/ may import from storage/: the facade and the value types its methods take and return.
GUI_MAY_IMPORT = {"storage.project", "storage.types"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                found[module_name(path)] = path
    return found


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """The project modules that ``name`` imports anywhere in its source (``from a import b`` counts as
    ``a.b`` when that is a module, else ``a``)."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            for alias in node.names:
                found.add(f"{module}.{alias.name}" if f"{module}.{alias.name}" in known else module)
    return {m for m in found if m in known and m != name}


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    return {name: imported_modules(name, path, set(modules)) for name, path in modules.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_circle_finder_finds_a_circle() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_relative_and_aliased_imports_are_seen(tmp_path: Path) -> None:
    source = tmp_path / "mod.py"
    source.write_text("from . import b\nfrom .c import x\nif True:\n    import d.e\n", encoding="utf-8")
    assert imported_modules("p.mod", source, {"p.b", "p.c", "d.e", "p.mod"}) == {"p.b", "p.c", "d.e"}


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_circles(package: str) -> None:
    graph = import_graph()
    inside = {
        m: {d for d in deps if d.split(".")[0] == package}
        for m, deps in graph.items()
        if m.split(".")[0] == package
    }
    # a package's __init__ importing its own modules is how a package exports names, not a circle
    for m in inside:
        inside[m] = {d for d in inside[m] if not m.startswith(d + ".")}
    assert circles(inside) == []


def test_no_module_is_too_long() -> None:
    long = {
        name: n
        for name, path in project_modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_gui_reaches_storage_only_through_the_facade() -> None:
    graph = import_graph()
    offenders = sorted(
        f"{m} imports {d}"
        for m, deps in graph.items()
        if m.split(".")[0] == "gui"
        for d in deps
        if d.split(".")[0] == "storage" and d not in GUI_MAY_IMPORT
    )
    assert offenders == []


def test_the_annotation_session_stays_small() -> None:
    """Navigation and focus only: what keys mean is model.editing, carrying it out gui.actions."""
    assert len((ROOT / "gui" / "session.py").read_text(encoding="utf-8").splitlines()) < 250
