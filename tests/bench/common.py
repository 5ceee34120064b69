"""Shared helpers for the benchmark scripts (run them directly: ``python tests/bench/bench_X.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHARED_DATA = ROOT.parent / "shared" / "data"


def shared_file(name: str) -> Path:
    """A benchmark data file from ../shared/data, or exit with a clear message."""
    path = SHARED_DATA / name
    if not path.exists():
        sys.exit(f"benchmark data {path} is absent: run from a checkout with ../shared/data beside it")
    return path
