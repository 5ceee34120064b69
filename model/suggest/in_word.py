"""Characters the team confirmed inside a longer jieba word, suggested again in that word (台 in 台商).

A single character the team tags alone (台/LOC in 台商, 华/LOC in 华侨) never propagates as a plain match: 台
and 华 are ordinary characters far more often than places. But inside the jieba word it was confirmed in, the
reading recurs. ``InWordMemory`` remembers, per jieba word, which character of it was tagged under which
label (accepted and rejected counts, as the project dictionary keeps them for whole strings);
``entities`` suggests the character again wherever the word stands as one jieba word and it has been accepted
there more often than rejected.

The memory holds nothing the database does not: ``StoredSpan``s (a stored one-character span with the
document's text around it, and whether it was accepted) rebuild it (``SuggestionEngine.recall_in_word``),
with the jieba words cut again around each span (once per text: the decisions of several annotators
and the gold layer on one character share it); an undo has the parts of the characters it touched rebuilt
the same way (``forget``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from model.spans import Entity, Origin
from model.suggest.suggestion import Suggestion
from model.suggest.tokenizer import Token

RULE = "learned_in_word"
SCORE = 0.7

Part = tuple[int, int, str]  # offset of the entity in the word, its length, its (project) label
# A stored decision on one character: the document's text around it, the character's offset in that text,
# its label, and whether it was accepted (else rejected).
StoredSpan = tuple[str, int, str, bool]
CONTEXT = 20  # characters of the document either side of a stored span, to cut its jieba word again


class InWordMemory:
    """Per jieba word, the parts of it annotators accepted and rejected as entities."""

    def __init__(self) -> None:
        self._parts: dict[str, dict[Part, list[int]]] = {}

    def __len__(self) -> int:
        return sum(len(p) for p in self._parts.values())

    def counts(self, word: str, part: Part) -> tuple[int, int]:
        c = self._parts.get(word, {}).get(part)
        return (c[0], c[1]) if c else (0, 0)

    def remember(
        self, tokens: Sequence[Token], accepted: Iterable[Entity], rejected: Iterable[Entity] = ()
    ) -> None:
        """Count a finished text's decisions: each accepted one-character entity inside one of its jieba words
        (``tokens``, offsets into the same text) is accepted there, each rejected one rejected there (what
        the database keeps: the spans and their status, so the memory can be rebuilt from it)."""
        tokens = sorted(tokens, key=lambda t: t.start)
        accepted = set(accepted)
        for decision, entities in ((0, accepted), (1, set(rejected) - accepted)):
            for e in entities:
                if e.end - e.start != 1:  # single characters: longer confirmed strings propagate already
                    continue
                t = _word_around(tokens, e)
                if t is not None:
                    part = (e.start - t.start, e.end - e.start, e.label)
                    self._parts.setdefault(t.word, {}).setdefault(part, [0, 0])[decision] += 1

    def forget(self, characters: Iterable[str]) -> None:
        """Drop the parts that are one of ``characters`` (to count them again from what is stored)."""
        chars = set(characters)
        for word in list(self._parts):
            parts = self._parts[word]
            for part in [p for p in parts if word[p[0] : p[0] + p[1]] in chars]:
                del parts[part]
            if not parts:
                del self._parts[word]

    def entities(self, tokens: Sequence[Token]) -> list[Suggestion]:
        """The parts accepted more often than rejected, wherever their word stands (project labels)."""
        out: list[Suggestion] = []
        for t in tokens:
            for (offset, length, label), (accepted, rejected) in self._parts.get(t.word, {}).items():
                if accepted > rejected:
                    start = t.start + offset
                    out.append(Suggestion(start, start + length, label, Origin.RULE, RULE, SCORE))
        return out


def _word_around(tokens: Sequence[Token], e: Entity) -> Token | None:
    """The jieba word strictly containing ``e`` (longer than it), if one does."""
    for t in tokens:
        if t.start <= e.start and e.end <= t.end:
            return t if t.end - t.start > e.end - e.start else None
        if t.start >= e.end:
            break
    return None
