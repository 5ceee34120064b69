from __future__ import annotations

import pytest

from model.review import Kind, Resolution, align, resolve
from model.spans import Entity


def test_alignment_classifies_each_disagreement() -> None:
    alice = [Entity(0, 3, "PER"), Entity(5, 7, "LOC"), Entity(10, 14, "ORG"), Entity(20, 22, "LOC")]
    bob = [Entity(0, 3, "PER"), Entity(5, 7, "ORG"), Entity(10, 12, "ORG"), Entity(30, 32, "PER")]
    result = align({"alice": alice, "bob": bob})
    assert result.agreed == [Entity(0, 3, "PER")]
    kinds = [(d.start, d.end, d.kind) for d in result.disagreements]
    assert kinds == [
        (5, 7, Kind.LABEL),
        (10, 14, Kind.BOUNDARY),
        (20, 22, Kind.ONLY_ONE),
        (30, 32, Kind.ONLY_ONE),
    ]
    assert result.disagreements[2].choices() == ["alice"]


def test_mixed_and_resolutions() -> None:
    result = align({"a": [Entity(0, 4, "ORG")], "b": [Entity(0, 2, "LOC"), Entity(2, 4, "ORG")]})
    (d,) = result.disagreements
    assert d.kind is Kind.MIXED
    assert resolve(d, Resolution.TAKE, "b").entities == (Entity(0, 2, "LOC"), Entity(2, 4, "ORG"))
    assert resolve(d, Resolution.REJECT).entities == ()
    with pytest.raises(ValueError, match="overlap"):
        resolve(d, Resolution.BOTH)
    apart = align({"a": [Entity(0, 2, "PER")], "b": [Entity(1, 3, "PER"), Entity(5, 6, "LOC")]})
    assert [x.kind for x in apart.disagreements] == [Kind.BOUNDARY, Kind.ONLY_ONE]
    assert resolve(apart.disagreements[1], Resolution.BOTH).entities == (Entity(5, 6, "LOC"),)


def test_perfect_and_empty() -> None:
    assert align({"a": [], "b": []}).disagreements == []
    same = [Entity(0, 2, "PER")]
    assert align({"a": same, "b": same}).agreed == same
