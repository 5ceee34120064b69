"""Bundled resources (label sets, dictionaries, style sheets, icons), found through one small module.

Nothing reads files relative to the current directory: everything goes through ``path()`` or ``read_text()``.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def path(*parts: str) -> Path:
    """The file system path of a bundled resource (the package is installed unzipped)."""
    resource = files(__name__).joinpath(*parts)
    with as_file(resource) as p:  # a no-op for a normal install; kept for zip-safety
        return Path(p)


def read_text(*parts: str) -> str:
    return files(__name__).joinpath(*parts).read_text(encoding="utf-8")
