"""``tests/bench/common.py``: the development samples in MSRA test's form, on a made-up train_variant."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from model.spans import Entity

BENCH = Path(__file__).resolve().parent / "bench"


@pytest.fixture
def common(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    try:
        import common

        monkeypatch.setattr(common, "DEV_BLOCKS", 2)  # two documents, four blocks taken out
        yield common
    finally:
        sys.path.remove(str(BENCH))


def test_a_document_full_at_a_block_taken_out_ends_there(common) -> None:  # type: ignore[no-untyped-def]
    size = common.DEV_BLOCK_SENTENCES
    index = list(range(400))
    taken = sorted(i for block in common.dev_split(index)[0] + common.second_dev_blocks(index) for i in block)
    gap = next(i for i in taken if i >= 2 * size and all(j not in taken for j in range(i - size, i)))
    start = gap - size  # 19 sentences, then one cut short by the block taken out, then a whole one
    after = next(i for i in range(gap, 400) if i not in taken)
    train = [(f"第{i}句，" if i == gap - 1 else f"第{i}句。", [Entity(0, 1, "LOC")]) for i in range(400)]
    blocks = common.test_form_blocks(train, "own", start)
    assert [len(block) for block in blocks] == [size, size]
    assert blocks[0][-1][0] == f"第{gap - 1}句，"
    assert blocks[1][0][0] == f"第{after}句。"


def test_the_name_lists_gathered_into_one_document(common) -> None:  # type: ignore[no-untyped-def]
    names = "王明、李华、张强、赵敏、刘洋、陈静、杨帆、黄磊。"
    persons = [Entity(3 * k, 3 * k + 2, "PER") for k in range(8)]
    train = [("他说。", []), (names, persons), ("她笑了。", [])]
    blocks = [[("他说。", [])] for _ in range(common.NAME_LIST_DOCUMENT + 2)]
    out = common.with_gathered_lists(train, blocks)
    assert out[common.NAME_LIST_DOCUMENT][-1] == (names.translate(common._FULL_WIDTH), persons)
    assert all(len(block) == 1 for k, block in enumerate(out) if k != common.NAME_LIST_DOCUMENT)
