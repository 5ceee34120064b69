"""The export report in the window's language: in English it is the terminal's, line for line; in Chinese
no English word is left but the labels and the paths."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from gui import i18n
from gui.export_summary import TEMPLATES, render_summary
from model.spans import Entity
from storage.types import ExportSummary, SkippedSpan, SkipReason


@pytest.fixture
def summary(tmp_path: Path) -> ExportSummary:
    return ExportSummary(
        files=[tmp_path / "train.bio", tmp_path / "dev.bio"],
        documents=Counter({"train": 1200, "dev": 150}),
        sentences=4321,
        entities=Counter({"PER": 2100, "LOC": 1800}),
        skipped_documents=Counter({SkipReason.NO_LABELS: 12, SkipReason.EMPTY: 1}),
        skipped_spans=Counter({reason: i + 1 for i, reason in enumerate(SkipReason) if i >= 2}),
        examples=[
            SkippedSpan(7, Entity(3, 5, "LOC"), SkipReason.OVERLAP, kept=Entity(0, 5, "ORG")),
            SkippedSpan(9, Entity(0, 1, "MISC"), SkipReason.WHITESPACE_ONLY),
            SkippedSpan(9, Entity(4, 6, "GPE"), SkipReason.DROPPED_LABEL),
        ],
        left_out=12,
        states=("in_progress", "done"),
    )


def test_in_english_the_report_is_the_terminals(qapp, summary: ExportSummary) -> None:  # type: ignore[no-untyped-def]
    assert render_summary(summary) == summary.render()
    empty = ExportSummary()
    assert render_summary(empty) == empty.render()


def test_in_chinese_no_english_is_left_but_labels_and_paths(  # type: ignore[no-untyped-def]
    qapp, summary: ExportSummary, tmp_path: Path
) -> None:
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    try:
        text = render_summary(summary)
    finally:
        i18n.install(i18n.ENGLISH)
    lines = text.split("\n")
    assert len(lines) == len(summary.render().split("\n"))
    assert "1,350" in lines[0] and "train 1,200" in lines[0]
    words = set(re.findall(r"[A-Za-z]{2,}", text.replace(str(tmp_path), "")))
    names = {"WebAnno", "TSV"}  # a format's name, as INCEpTION's users know it
    assert words <= {"PER", "LOC", "ORG", "MISC", "GPE", "train", "dev", "bio", *names}, words


def test_documents_not_marked_done_are_said_to_be_left_out(qapp, summary: ExportSummary) -> None:  # type: ignore[no-untyped-def]
    assert "left out: 12 document(s) in none of the states in progress, done" in render_summary(summary)
    summary.states = ("done",)
    assert "\nleft out: 12 document(s) not marked done\n" in render_summary(summary)
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    try:
        assert "12" in render_summary(summary).split("\n")[3]
    finally:
        i18n.install(i18n.ENGLISH)


def test_every_template_the_report_words_is_marked_for_translation(  # type: ignore[no-untyped-def]
    qapp, summary: ExportSummary
) -> None:
    asked: list[str] = []
    summary.render(lambda text: asked.append(text) or text)
    assert set(asked) <= set(TEMPLATES), set(asked) - set(TEMPLATES)
