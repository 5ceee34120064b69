"""Train / dev / test split by document, reproducible from a seed."""

from __future__ import annotations

import enum
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from storage.export_types import ExportOptionError


class Part(enum.StrEnum):
    TRAIN = "train"
    DEV = "dev"
    TEST = "test"


@dataclass(frozen=True, slots=True)
class SplitRatios:
    train: float
    dev: float
    test: float

    def __post_init__(self) -> None:
        values = (self.train, self.dev, self.test)
        if any(not math.isfinite(v) or v < 0 for v in values):
            raise ExportOptionError(f"split ratios must be numbers >= 0, got {values}")
        if not math.isclose(sum(values), 1.0, abs_tol=1e-6):
            raise ExportOptionError(
                f"split ratios must sum to 1, got {' + '.join(map(str, values))} = {sum(values):g}"
            )

    @classmethod
    def parse(cls, spec: str) -> SplitRatios:
        """``"0.8,0.1,0.1"`` or ``"80/10/10"`` (percentages when they sum to 100)."""
        try:
            values = [float(v) for v in spec.replace("/", ",").replace(":", ",").split(",")]
        except ValueError:
            raise ExportOptionError(f"cannot read split ratios {spec!r}: expected e.g. 0.8,0.1,0.1") from None
        if len(values) != 3:
            raise ExportOptionError(f"expected three split ratios (train, dev, test), got {spec!r}")
        if math.isclose(sum(values), 100.0):
            values = [v / 100 for v in values]
        return cls(*values)

    def as_dict(self) -> dict[Part, float]:
        return {Part.TRAIN: self.train, Part.DEV: self.dev, Part.TEST: self.test}


def part_sizes(n: int, ratios: SplitRatios) -> dict[Part, int]:
    """How many of ``n`` documents go to each part: largest remainders, so the sizes always sum to ``n``."""
    exact = {part: n * r for part, r in ratios.as_dict().items()}
    sizes = {part: math.floor(x) for part, x in exact.items()}
    left = n - sum(sizes.values())
    for part in sorted(exact, key=lambda p: (-(exact[p] - sizes[p]), list(Part).index(p)))[:left]:
        sizes[part] += 1
    return sizes


def assign_parts(document_ids: Sequence[int], ratios: SplitRatios, seed: int) -> dict[int, Part]:
    """Each document's part. The same ids, ratios and seed give the same assignment, whatever the order
    the ids come in."""
    ids = sorted(document_ids)
    random.Random(seed).shuffle(ids)
    sizes = part_sizes(len(ids), ratios)
    assignment: dict[int, Part] = {}
    start = 0
    for part in Part:
        for doc_id in ids[start : start + sizes[part]]:
            assignment[doc_id] = part
        start += sizes[part]
    return assignment
