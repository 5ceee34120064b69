"""The engine that serves a project's suggestions, built the same way for the window and the command line:
the rules with the project's dictionary, labels and conventions, and beside them the project's CRF and the
pretrained tagger when it has them.

A ``ServingSetup`` is what the engine is made of. The window builds its engine from one in its own process;
the command line hands a ``portable()`` copy (the CRF as bytes, the tagger by name) to worker processes, which
build theirs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from model.suggest import ProjectDictionary, SuggestionEngine
from model.suggest.in_word import StoredSpan

if TYPE_CHECKING:
    from model.crf import CrfModel
    from model.pretrained import PretrainedTagger


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
    tagger: PretrainedTagger | None = None  # in this process
    pretrained: str = ""  # the tagger by name (``portable``)
    conventions: str = "msra"
    in_word: tuple[StoredSpan, ...] = ()  # decisions on single characters, for the in-word memory

    def rules(self) -> SuggestionEngine:
        dictionary = ProjectDictionary.from_rows(list(self.rows))
        if self.labels is None:
            return SuggestionEngine(project_dictionary=dictionary, conventions=self.conventions)
        return SuggestionEngine(
            project_dictionary=dictionary, labels=list(self.labels), conventions=self.conventions
        )

    def pretrained_tagger(self) -> PretrainedTagger | None:
        if self.tagger is not None or not self.pretrained:
            return self.tagger
        from model.pretrained import default_tagger

        return default_tagger(self.pretrained)

    def model_engine(self, tagger: PretrainedTagger | None = None) -> CrfModel | None:
        if self.crf is not None:
            return self.crf
        if self.model is None:
            return None
        from model.crf import CrfModel

        base = CrfModel.from_bytes(self.base) if self.base is not None else None
        return CrfModel.from_bytes(self.model, base=base, pretrained=tagger)

    def engine(self, rules: SuggestionEngine | None = None) -> SuggestionEngine:
        """The serving engine: ``rules`` (new ones if not given) with the CRF and the pretrained tagger beside
        them, if there are any."""
        rules = rules if rules is not None else self.rules()
        tagger = self.pretrained_tagger()
        crf = self.model_engine(tagger)
        engine = rules
        if crf is not None or tagger is not None:
            from model.crf import ModelAssistedEngine

            engine = ModelAssistedEngine(  # type: ignore[assignment]
                rules, crf, threshold=self.threshold, history=dict(self.history), pretrained=tagger
            )
        if self.in_word:  # once the engine cuts words as it will serve (without jieba's POS HMM beside LAC)
            rules.recall_in_word(self.in_word)
        return engine

    def portable(self) -> ServingSetup:
        """A copy that crosses a process boundary: the CRF as bytes, the tagger by name."""
        if self.crf is None and self.tagger is None:
            return self
        pretrained = self.tagger.name if self.tagger is not None else self.pretrained
        if self.crf is None:
            return replace(self, tagger=None, pretrained=pretrained)
        base = self.crf.base.to_bytes() if self.crf.base is not None else None
        return replace(
            self, crf=None, model=self.crf.to_bytes(), base=base, tagger=None, pretrained=pretrained
        )
