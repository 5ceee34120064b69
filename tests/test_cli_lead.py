"""A lead's figures checked by hand: three annotators with deliberate disagreements on shared documents, and
what ``newstag agreement`` and ``newstag review-queue`` print against span F1, Cohen's kappa and
Krippendorff's alpha computed here on their own (kappa from the confusion counts, alpha by the
``krippendorff`` package on the same characters), never through ``model.agreement``."""

from __future__ import annotations

import itertools
import json
import math
from collections import Counter
from pathlib import Path

import krippendorff  # type: ignore[import-untyped]
import numpy as np
import pytest

from model.commands import AddSpans, Context, SetDocumentState
from model.spans import DocState, Entity
from storage.documents import NewDocument
from storage.project import Project
from tests.test_cli import newstag

TEXTS = ["李强在北京会见王毅。", "新华社报道上海发展。", "美国总统访问越南河内。", "今天天气很好。"]
# who finished which document with which spans: alice and bob share 0–2, bob and 张伟 2–3, alice and 张伟 1
WORK: dict[str, dict[int, list[tuple[int, int, str]]]] = {
    "alice": {0: [(0, 2, "PER"), (3, 5, "LOC"), (7, 9, "PER")], 1: [(0, 3, "ORG"), (5, 7, "LOC")], 2: []},
    "bob": {
        0: [(0, 2, "PER"), (3, 5, "ORG")],  # 北京 as ORG, 王毅 missed
        1: [(0, 3, "ORG"), (5, 7, "LOC")],
        2: [(0, 2, "LOC"), (7, 9, "LOC"), (9, 11, "LOC")],
        3: [],
    },
    "张伟": {1: [(0, 2, "ORG"), (5, 7, "LOC")], 2: [(0, 2, "LOC"), (7, 11, "LOC")], 3: []},  # 新华, 越南河内
}


def _kappa(a: list[str], b: list[str]) -> float:
    """Cohen's kappa from the confusion counts: (po - pe) / (1 - pe)."""
    n = len(a)
    pairs = Counter(zip(a, b, strict=True))
    po = sum(c for (x, y), c in pairs.items() if x == y) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / n / n
    return (po - pe) / (1 - pe)


def _characters(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * len(text)
    for start, end, label in spans:
        tags[start:end] = [label] * (end - start)
    return tags


def test_the_agreement_figures_are_what_they_should_be(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'lead.db'}"
    with Project.open(db) as project:
        with project.transaction() as s:
            ids = project.documents.insert_batch(
                s, [NewDocument(f"新闻{i}", t, "test", {}) for i, t in enumerate(TEXTS)]
            )
        for name, docs in WORK.items():
            me = project.annotator(name)
            for i, spans in docs.items():
                ctx = Context(ids[i], me.id)
                if spans:
                    AddSpans(ctx, [Entity(*x) for x in spans]).do(project.annotations)
                SetDocumentState(ctx, DocState.DONE, DocState.IN_PROGRESS).do(project.annotations)
    run = newstag("agreement", "--format", "json", "--as", "alice", "--db", db)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    names = sorted(WORK)
    assert report["annotators"] == names
    pairs = {(p["a"], p["b"]): p for p in report["pairs"]}
    per_document: dict[int, list[float]] = {}
    for a, b in itertools.combinations(names, 2):
        shared = sorted(set(WORK[a]) & set(WORK[b]))
        sa = [{*WORK[a][i]} for i in shared]
        sb = [{*WORK[b][i]} for i in shared]
        matched = sum(len(x & y) for x, y in zip(sa, sb, strict=True))
        total = sum(len(x) + len(y) for x, y in zip(sa, sb, strict=True))
        got = pairs[(a, b)]
        assert got["documents"] == len(shared)
        assert got["exact"]["matched"] == matched
        assert got["exact"]["f1"] == pytest.approx(round(2 * matched / total, 4))
        chars_a = [t for i in shared for t in _characters(TEXTS[i], WORK[a][i])]
        chars_b = [t for i in shared for t in _characters(TEXTS[i], WORK[b][i])]
        assert got["kappa"] == pytest.approx(_kappa(chars_a, chars_b)), (a, b)
        for i, x, y in zip(shared, sa, sb, strict=True):
            per_document.setdefault(ids[i], []).append(2 * len(x & y) / (len(x) + len(y)) if x or y else 1.0)
    # alpha: every character of every document two or more finished, one row per annotator, nan where absent
    codes = {"O": 0.0, "PER": 1.0, "LOC": 2.0, "ORG": 3.0}
    columns = []
    for i, text in enumerate(TEXTS):
        if sum(i in WORK[n] for n in names) < 2:
            continue
        rows = [
            [codes[t] for t in _characters(text, WORK[n][i])] if i in WORK[n] else [math.nan] * len(text)
            for n in names
        ]
        columns.append(np.array(rows))
    expected = krippendorff.alpha(
        reliability_data=np.concatenate(columns, axis=1), level_of_measurement="nominal"
    )
    assert report["alpha"] == pytest.approx(expected)
    ranked = [(d["id"], d["f1"]) for d in report["documents"]]
    mean = {d: sum(v) / len(v) for d, v in per_document.items()}
    assert ranked == sorted(mean.items(), key=lambda kv: (kv[1], kv[0]))
    assert [f for _, f in ranked] == pytest.approx(sorted(mean.values()))
    queue = newstag("review-queue", "--as", "alice", "--db", db).stdout.splitlines()
    assert [line.split()[2] for line in queue] == [f"#{d}" for d, _ in ranked]  # the same order, open
    assert all(line.split()[1] == "open" for line in queue)
