from __future__ import annotations

import pytest

from model.review import Kind, Resolution, align, decisions_from_gold, resolve, same_as
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


def test_decisions_are_read_back_from_the_gold_an_earlier_review_wrote() -> None:
    """Each disagreement's gold: one annotator's version (taken), nothing (reject all), anything else (edit);
    the agreed span outside every disagreement plays no part."""
    layers = {
        "a": [Entity(0, 2, "LOC"), Entity(4, 6, "PER"), Entity(10, 12, "ORG"), Entity(20, 22, "PER")],
        "b": [Entity(0, 2, "ORG"), Entity(4, 6, "PER"), Entity(13, 15, "ORG"), Entity(20, 23, "PER")],
    }
    alignment = align(layers)
    assert alignment.agreed == [Entity(4, 6, "PER")] and len(alignment.disagreements) == 4
    gold = [Entity(0, 2, "ORG"), Entity(4, 6, "PER"), Entity(10, 12, "ORG"), Entity(20, 21, "PER")]
    decided = decisions_from_gold(alignment, gold)
    assert [(d.resolution, d.source, d.entities) for d in decided.values()] == [
        (Resolution.TAKE, "b", (Entity(0, 2, "ORG"),)),
        (Resolution.TAKE, "a", (Entity(10, 12, "ORG"),)),
        (Resolution.REJECT, None, ()),  # b's 13-15
        (Resolution.EDIT, None, (Entity(20, 21, "PER"),)),
    ]
    assert all(d.resolution is Resolution.REJECT for d in decisions_from_gold(alignment, []).values())


def test_what_the_review_recorded_is_read_back_rather_than_guessed_from_the_spans() -> None:
    """An edit equal to one annotator's version read back as taking it, and of two annotators sharing a
    version the first by name was said taken, whoever was: the recorded decision wins where it fits."""
    layers = {
        "a": [Entity(0, 2, "PER"), Entity(5, 7, "LOC")],
        "b": [Entity(0, 2, "ORG"), Entity(5, 7, "ORG")],
        "c": [Entity(0, 2, "ORG"), Entity(5, 7, "PER")],
    }
    alignment = align(layers)
    gold = [Entity(0, 2, "PER"), Entity(5, 7, "ORG")]
    guessed = decisions_from_gold(alignment, gold)
    assert [d.describe() for d in guessed.values()] == ["took a", "took b"]  # nothing recorded: the spans say
    why = {Entity(0, 2, "PER"): "edit", Entity(5, 7, "ORG"): "took b"}
    recorded = decisions_from_gold(alignment, gold, why)
    assert [d.describe() for d in recorded.values()] == ["edit", "took b"]
    assert same_as(recorded[0], alignment.disagreements[0]) == ["a"]
    shared = decisions_from_gold(align({**layers, "c": layers["b"]}), gold, {Entity(5, 7, "ORG"): "took c"})
    assert shared[1].describe() == "took c"
    stale = decisions_from_gold(alignment, gold, {Entity(5, 7, "ORG"): "took c"})  # c's version is not that
    assert stale[1].describe() == "took b"
