from __future__ import annotations

from model.consistency import Finding, check
from model.spans import Entity


def test_varying_labels_and_unlabelled_occurrences() -> None:
    texts = {1: "华为公司在北京发布。", 2: "北京大学和华为公司合作。", 3: "华为公司很大。"}
    spans = {
        1: [Entity(0, 4, "ORG"), Entity(5, 7, "LOC")],
        2: [Entity(0, 4, "ORG"), Entity(5, 9, "LOC")],  # 华为公司 as LOC here
        3: [],  # 华为公司 unlabelled here
    }
    found = {(f.kind, f.surface, f.document_id, f.start) for f in check(texts, spans)}
    assert (Finding.LABEL_VARIES, "华为公司", 2, 5) in found
    assert (Finding.LABEL_VARIES, "华为公司", 1, 0) in found
    assert (Finding.UNLABELLED, "华为公司", 3, 0) in found
    # 北京 inside 北京大学 (an ORG) is not reported as unlabelled
    assert not any(f.surface == "北京" and f.document_id == 2 for f in check(texts, spans))


def test_consistent_corpus_has_no_findings() -> None:
    texts = {1: "北京很美。", 2: "我爱北京。"}
    assert check(texts, {1: [Entity(0, 2, "LOC")], 2: [Entity(2, 4, "LOC")]}) == []
    assert check({}, {}) == []
