"""The suggestion value object shared by the rules, the dictionaries and the engine."""

from __future__ import annotations

from dataclasses import dataclass

from model.spans import Entity, Origin


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One candidate entity ``text[start:end]`` with where it came from and how sure the engine is (0..1)."""

    start: int
    end: int
    label: str
    origin: Origin
    detail: str | None
    score: float

    @property
    def entity(self) -> Entity:
        return Entity(self.start, self.end, self.label)

    def overlaps(self, other: Suggestion) -> bool:
        return self.start < other.end and other.start < self.end
