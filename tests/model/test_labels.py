"""The one rule for label names (``model.labels``)."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest

from model.labels import (
    FORBIDDEN_RANGES,
    INVISIBLE_RANGES,
    MAX_LABEL_LENGTH,
    LabelError,
    check_label_name,
    is_label,
    label_problem,
)


@pytest.mark.parametrize(
    "name", ["PER", "B-ORG", "人名", "GPE.city", "𠮷", "A" * MAX_LABEL_LENGTH, "\u0600X", "👩\U0001f4bb"]
)
def test_tokens_are_labels(name: str) -> None:
    assert label_problem(name) is None
    assert check_label_name(name) == name


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("", "empty"),
        ("NEW LOC", "whitespace"),
        ("A\tB", "whitespace"),
        ("A\nB", "whitespace"),
        ("LOC\u3000", "whitespace"),
        ("\u00a0X", "whitespace"),
        ("X\x00", "control"),
        ("X\x1b[1m", "control"),
        ("X\x85", "whitespace"),
        ("X\x9f", "control"),
        ("X\ud800", "control"),
        ("PER\u200b", "invisible character (U+200B)"),
        ("\ufeffLOC", "invisible character (U+FEFF)"),
        ("OR\u00adG", "invisible character (U+00AD)"),
        ("\u202eREP", "invisible character (U+202E)"),
        ("👩\u200d💻", "invisible character (U+200D)"),
        ("A" * 65, "65 characters"),
    ],
)
def test_anything_else_is_refused_with_a_reason(name: str, reason: str) -> None:
    problem = label_problem(name)
    assert problem is not None and reason in problem
    assert not is_label(name)
    with pytest.raises(LabelError, match=re.escape(reason)):
        check_label_name(name)


def test_non_strings_are_refused() -> None:
    assert label_problem(3) is not None


def test_the_ranges_the_database_checks_are_exactly_the_forbidden_characters() -> None:
    """The database constraint is built from FORBIDDEN_RANGES: they must hold every character the rule
    refuses (surrogates aside, which no database can store anyway) and nothing else."""
    ranged = {c for low, high in FORBIDDEN_RANGES for c in range(low, high + 1)}
    invisible = {c for low, high in INVISIBLE_RANGES for c in range(low, high + 1)}
    refused = {
        c for c in range(sys.maxunicode + 1) if chr(c).isspace() or unicodedata.category(chr(c)) == "Cc"
    }
    assert ranged == refused | invisible
    assert all(unicodedata.category(chr(c)) == "Cf" for c in invisible)
