"""``tests/bench/curve_errors.py replay``: the combiner run again over a recorded learning curve, its history
rebuilt document by document, on a small hand-made recording."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest

from model.spans import Entity, Origin
from model.suggest.suggestion import Suggestion

BENCH = Path(__file__).resolve().parent / "bench"


@pytest.fixture
def curve_errors():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    try:
        import curve_errors

        yield curve_errors
    finally:
        sys.path.remove(str(BENCH))


def suggestion(start: int, end: int, label: str, origin: Origin, score: float = 0.9) -> Suggestion:
    return Suggestion(start, end, label, origin, "test", score)


def test_replay_rebuilds_the_history_and_scores_the_second_half(
    curve_errors, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "王明在北京"
    gold = [Entity(0, 2, "PER"), Entity(3, 5, "LOC")]
    # the CRF alone reads 王明 (a person) and LAC alone 北京; the annotator always accepts both
    crf = [suggestion(0, 2, "PER", Origin.MODEL)]
    lac = [suggestion(3, 5, "LOC", Origin.PRETRAINED)]
    records = [
        curve_errors.Record(text, gold, chosen=[*crf, *lac], crf=crf, lac=lac),
        curve_errors.Record(text, gold, chosen=[*crf, *lac], crf=crf, lac=lac),
        curve_errors.Record(text, gold, chosen=lac, crf=crf, lac=lac),  # recorded otherwise
        curve_errors.Record(text, [*gold, Entity(2, 3, "LOC")], chosen=[*crf, *lac], crf=crf, lac=lac),
    ]
    path = tmp_path / "curve.pkl"
    path.write_bytes(pickle.dumps(records))
    assert curve_errors.main(["replay", str(path)]) == 0
    out = capsys.readouterr().out
    # second half: 4 of 5 gold entities found, none wrong: F1 8/9; effort: one accept-all per document and
    # the missed 在 added (2 actions), 4 actions for 5 entities
    assert "second half F1 0.8889, effort 0.800" in out
    assert "1 of 4 documents chosen otherwise than recorded" in out
