"""The engine that serves a project's suggestions, built the same way for the window and the command line:
the rules with the project's dictionary and labels, and the project's CRF beside them when it has one.

A ``ServingSetup`` is what the engine is made of. The window builds its engine from one in its own process;
the command line hands a ``portable()`` copy (the CRF as bytes) to worker processes, which build theirs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from model.suggest import ProjectDictionary, SuggestionEngine

if TYPE_CHECKING:
    from model.crf import CrfModel


@dataclass(frozen=True, slots=True)
class ServingSetup:
    rows: tuple[tuple[str, str, int, int], ...] = ()  # project dictionary: surface, label, accepted, rejected
    labels: tuple[str, ...] | None = None  # None: the engine's default labels
    model_id: int | None = None
    crf: CrfModel | None = None  # in this process
    model: bytes | None = None  # the same CRF serialised (``portable``), with the base model it stacks on
    base: bytes | None = None
    threshold: float = 0.5
    history: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    def rules(self) -> SuggestionEngine:
        dictionary = ProjectDictionary.from_rows(list(self.rows))
        if self.labels is None:
            return SuggestionEngine(project_dictionary=dictionary)
        return SuggestionEngine(project_dictionary=dictionary, labels=list(self.labels))

    def model_engine(self) -> CrfModel | None:
        if self.crf is not None:
            return self.crf
        if self.model is None:
            return None
        from model.crf import CrfModel

        base = CrfModel.from_bytes(self.base) if self.base is not None else None
        return CrfModel.from_bytes(self.model, base=base)

    def engine(self, rules: SuggestionEngine | None = None) -> SuggestionEngine:
        """The serving engine: ``rules`` (new ones if not given) with the CRF beside them, if there is one."""
        rules = rules if rules is not None else self.rules()
        crf = self.model_engine()
        if crf is None:
            return rules
        from model.crf import ModelAssistedEngine

        return ModelAssistedEngine(rules, crf, threshold=self.threshold,  # type: ignore[return-value]
                                   history=dict(self.history))

    def portable(self) -> ServingSetup:
        """A copy that crosses a process boundary: the CRF as bytes."""
        if self.crf is None:
            return self
        base = self.crf.base.to_bytes() if self.crf.base is not None else None
        return replace(self, crf=None, model=self.crf.to_bytes(), base=base)
