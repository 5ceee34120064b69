"""Agreement figures against hand-computed cases, including the empty and the perfect ones."""

from __future__ import annotations

import pytest

from model.agreement import agreement, char_labels, cohen_kappa, pair_score
from model.spans import Entity

PER = Entity(0, 2, "PER")
LOC = Entity(3, 5, "LOC")


def test_pair_scores_by_hand() -> None:
    a = [PER, LOC, Entity(6, 8, "ORG")]
    b = [PER, Entity(3, 5, "ORG"), Entity(6, 9, "ORG")]
    exact = pair_score(a, b)
    assert (exact.matched, exact.only_a, exact.only_b) == (1, 2, 2)
    assert exact.f1 == pytest.approx(2 * 1 / 6)
    overlap = pair_score(a, b, overlap=True)  # 6-8 ORG overlaps 6-9 ORG; LOC vs ORG never matches
    assert (overlap.matched, overlap.only_a, overlap.only_b) == (2, 1, 1)
    assert pair_score(a, b, label="ORG").f1 == pytest.approx(0.0)


def test_empty_and_perfect() -> None:
    assert pair_score([], []).f1 == 1.0
    assert pair_score([PER], [PER]).f1 == 1.0
    assert pair_score([PER], []).f1 == 0.0
    assert cohen_kappa(list("OOOO"), list("OOOO")) == 1.0
    assert cohen_kappa([], []) == 1.0


def test_kappa_by_hand() -> None:
    # a: P P O O ; b: P O O O -> po = 3/4; pe = (2/4)(1/4) + (2/4)(3/4) = 0.5 -> kappa = 0.5
    assert cohen_kappa(list("PPOO"), list("POOO")) == pytest.approx(0.5)
    assert char_labels(5, [Entity(1, 3, "PER")]) == ["O", "PER", "PER", "O", "O"]


def test_report_matrix_documents_and_alpha() -> None:
    layers = {
        "alice": {1: {PER, LOC}, 2: {PER}, 3: set()},
        "bob": {1: {PER, LOC}, 2: {Entity(0, 1, "PER")}},
        "carol": {1: {PER}},
    }
    lengths = {1: 6, 2: 6, 3: 6}
    report = agreement(layers, lengths)
    matrix = report.matrix()
    assert matrix[("alice", "bob")] == pytest.approx(2 * 2 / 6)  # doc 1: 2 matched; doc 2: 0 of 1+1
    assert matrix[("alice", "carol")] == pytest.approx(2 * 1 / 3)
    assert matrix[("bob", "alice")] == matrix[("alice", "bob")]
    pair = next(p for p in report.pairs if (p.a, p.b) == ("alice", "bob"))
    assert pair.documents == 2 and pair.per_label["PER"].matched == 1
    assert report.ranked_documents()[0][0] == 2  # doc 2 is the worst
    assert report.alpha is not None and -1.0 <= report.alpha < 1.0


def test_perfect_agreement_alpha_is_one() -> None:
    layers = {"a": {1: {PER}}, "b": {1: {PER}}}
    report = agreement(layers, {1: 6})
    assert report.alpha == pytest.approx(1.0)
    assert report.pairs[0].kappa == pytest.approx(1.0)


def test_a_label_neither_annotator_used_is_not_reported_as_agreed() -> None:
    """alice and bob tagged no person on their shared documents (carol did, elsewhere): PER is no 1.000
    for them, as if they had agreed on persons; it is left out of their pair's labels."""
    layers = {
        "alice": {1: {LOC}},
        "bob": {1: {LOC, Entity(0, 2, "ORG")}},
        "carol": {2: {PER}},
        "dave": {2: {PER}},
    }
    report = agreement(layers, {1: 6, 2: 6})
    pair = next(p for p in report.pairs if (p.a, p.b) == ("alice", "bob"))
    assert sorted(pair.per_label) == ["LOC", "ORG"]
    assert pair.per_label["ORG"].f1 == 0.0 and pair.per_label["LOC"].f1 == 1.0
    other = next(p for p in report.pairs if (p.a, p.b) == ("carol", "dave"))
    assert sorted(other.per_label) == ["PER"]


def test_a_pair_with_no_span_to_compare_has_no_f1_in_the_matrix() -> None:
    """alice and bob tagged no person: with --label PER their F1 read 1.000 in the matrix, a perfect
    agreement on nothing; it is None (shown "–"), as is a pair with no document in common."""
    layers = {"alice": {1: {LOC}}, "bob": {1: {LOC}}, "carol": {2: {PER}}}
    report = agreement(layers, {1: 6, 2: 6}, label="PER")
    pair = report.pairs[0]
    assert (pair.a, pair.b, pair.documents, pair.exact.compared) == ("alice", "bob", 1, False)
    matrix = report.matrix()
    assert matrix[("alice", "bob")] is None and matrix[("alice", "carol")] is None
    assert matrix[("alice", "alice")] == 1.0
    assert agreement(layers, {1: 6, 2: 6}).matrix()[("alice", "bob")] == 1.0  # LOC agreed: a real 1.0
