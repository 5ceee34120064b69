"""The self-written gold fixtures of the suggestion benchmarks (``tests/fixtures/*.jsonl``), read, checked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def gold_items(name: str) -> list[dict[str, Any]]:
    """The items of ``tests/fixtures/NAME.jsonl`` after its header (which must state its guidelines), checked:
    ids 0, 1, …; gold spans inside their text, not overlapping, labelled PER/LOC/ORG."""
    rows = [
        json.loads(line) for line in (FIXTURES / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert rows[0]["header"]["guidelines"]
    items = rows[1:]
    assert [r["id"] for r in items] == list(range(len(items)))
    for r in items:
        last_end = 0
        for start, end, label in sorted(r["entities"]):
            assert last_end <= start < end <= len(r["text"]) and label in ("PER", "LOC", "ORG"), r["id"]
            last_end = end
    return items
