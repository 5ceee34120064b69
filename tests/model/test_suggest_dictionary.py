"""The project dictionary: counts, persistence, propagation, rejection memory; the Aho–Corasick matcher."""

from __future__ import annotations

import pytest

from model.suggest import ProjectDictionary
from model.suggest.dictionary import Matcher


def test_counts_and_rows_round_trip() -> None:
    d = ProjectDictionary()
    d.confirm("越南外交部", "ORG")
    d.confirm("越南外交部", "ORG")
    d.reject("越南外交部", "LOC")
    d.reject("两国", "LOC")
    rows = d.rows()
    assert rows == [("两国", "LOC", 0, 1), ("越南外交部", "LOC", 0, 1), ("越南外交部", "ORG", 2, 0)]
    again = ProjectDictionary.from_rows(rows)
    assert again.rows() == rows
    assert again.counts("越南外交部", "ORG") == (2, 0)
    assert len(again) == 3


def test_from_rows_rejects_negative_counts() -> None:
    with pytest.raises(ValueError):
        ProjectDictionary.from_rows([("美国", "LOC", -1, 0)])


def test_empty_surface_is_refused() -> None:
    with pytest.raises(ValueError):
        ProjectDictionary().confirm("", "PER")


def test_propagation_needs_acceptance_and_length() -> None:
    d = ProjectDictionary.from_rows(
        [("裴青山", "PER", 1, 0), ("中", "LOC", 50, 0), ("两国", "LOC", 0, 3), ("东盟", "ORG", 3, 1)]
    )
    assert {(s, lab) for s, lab, _ in d.propagated()} == {("裴青山", "PER"), ("东盟", "ORG")}


def test_rejections_lower_then_remove_an_entry() -> None:
    d = ProjectDictionary()
    d.confirm("华盛顿", "PER")
    assert ("华盛顿", "PER") in {(s, lab) for s, lab, _ in d.propagated()}
    d.reject("华盛顿", "PER")  # 1 / 2.5 = 0.4: no longer propagated, not yet suppressed
    assert not list(d.propagated())
    assert not d.suppresses("华盛顿", "PER")
    d.reject("华盛顿", "PER")
    assert d.suppresses("华盛顿", "PER")
    assert not d.suppresses("华盛顿", "LOC")


def test_version_changes_on_every_update() -> None:
    d = ProjectDictionary()
    v = d.version
    d.confirm("东盟", "ORG")
    assert d.version > v


def test_matcher_finds_overlapping_occurrences() -> None:
    m = Matcher([("美国", "LOC"), ("美国国务院", "ORG"), ("国务院", "ORG")])
    found = m.find("美国国务院和美国")
    assert sorted(found) == [(0, 2, "LOC"), (0, 5, "ORG"), (2, 5, "ORG"), (6, 8, "LOC")]
    assert Matcher([]).find("美国") == []


def test_counts_set_from_the_database_after_an_undo() -> None:
    d = ProjectDictionary()
    d.confirm("蓝鲸优选", "ORG")
    d.reject("蓝鲸优选", "PER")
    assert d.confirmed("蓝鲸优选") and sorted(d.entries_for({"蓝鲸优选", "别的"})) == [
        ("蓝鲸优选", "ORG"),
        ("蓝鲸优选", "PER"),
    ]
    version = d.version
    d.set_counts("蓝鲸优选", "ORG", 0, 0)  # the only confirmation was undone
    assert d.version > version and not d.confirmed("蓝鲸优选")
    assert d.entries_for({"蓝鲸优选"}) == [("蓝鲸优选", "PER")] and len(d) == 1
    d.set_counts("蓝鲸优选", "PER", 0, 0)
    assert d.surfaces() == set() and d.rows() == []
    d.set_counts("蓝鲸优选", "ORG", 2, 1)
    assert d.counts("蓝鲸优选", "ORG") == (2, 1) and d.confirmed("蓝鲸优选")
    with pytest.raises(ValueError, match="negative"):
        d.set_counts("蓝鲸优选", "ORG", -1, 0)
