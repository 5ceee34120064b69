"""The five seed articles newstag was created from, opened on first run."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def seed_paths() -> list[Path]:
    return sorted(Path(str(p)) for p in files(__name__).iterdir() if p.name.endswith(".txt"))
