"""Prodigy's annotations (``prodigy db-out``: one task a line), read right or refused.

What the released format says (Prodigy's own documentation, prodi.gy/docs/api-interfaces): "Annotated tasks
contain an additional "answer" key mapping to either "accept", "reject" or "ignore"", and ``db-out`` writes
them as they are. So the answer decides whether a task's spans are anyone's decision at all:

- ``accept``: the spans are the annotation (``ner.manual``/``ner.correct``, view ``ner_manual``; tokens in
  ``"tokens"`` with ``start``/``end``, spans with ``token_start``/``token_end``, both inclusive indexes);
- ``reject`` and ``ignore``: not imported, counted in the file's notes. A rejected task says its spans are
  wrong (a rejected ``ner.teach`` suggestion is not an entity); an ignored one was skipped by its annotator;
- a task without an answer (a stream written before anyone annotated it) is read as other JSON Lines are.

A binary answer (view ``ner``, ``ner.teach``: the annotator accepted or rejected the one suggested span) is no
annotation of the text: its other entities were never looked at, so an accepted one as gold would say the
rest of the text holds none. It is refused, naming Prodigy's recipe that turns such answers into complete
ones (``ner.silver-to-gold``). A task of an interface that marks no spans (``classification``, ``choice``,
``text``, images…) is refused too. Where a span names its tokens, its character offsets must be theirs:
offsets that disagree with the tokens are refused, since which of the two is right cannot be known.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from model.reasons import ReasonKind
from model.reasons import ReasonKind as K
from storage.formats.json_shapes import Fail

ANSWERS = {"accept", "reject", "ignore"}
PRODIGY_KEYS = ("answer", "_input_hash", "_task_hash", "_view_id", "_session_id", "_annotator_id")
SPAN_VIEWS = {"ner_manual", "spans_manual", "relations", "blocks", "review"}  # complete span annotations
BINARY_VIEWS = {"ner"}  # one suggested span accepted or rejected
SKIPPED = {"reject": K.PART_PRODIGY_REJECTED, "ignore": K.PART_PRODIGY_IGNORED}


def is_task(obj: dict[str, Any]) -> bool:
    """A Prodigy task: it carries Prodigy's answer, hashes or interface (doccano's objects carry none)."""
    return any(key in obj for key in PRODIGY_KEYS)


def _binary(obj: dict[str, Any]) -> bool:
    """Answered in the binary ``ner`` interface; before ``_view_id`` was written (Prodigy < 1.8), a task
    without tokens whose spans carry the model's ``score`` (what ``ner.teach`` suggests)."""
    view = obj.get("_view_id")
    if view is not None:
        return view in BINARY_VIEWS
    spans = obj.get("spans")
    return (
        "tokens" not in obj
        and isinstance(spans, list)
        and any(isinstance(s, dict) and "score" in s for s in spans)
    )


def skipped(obj: dict[str, Any], fail: Fail, ignored: Counter[ReasonKind]) -> bool:
    """Whether the task is left out (answered reject or ignore, counted in ``ignored``); refuses an answer
    Prodigy does not write, a binary answer, and a task of an interface that marks no spans."""
    answer = obj.get("answer")
    if answer is not None and answer not in ANSWERS:
        fail(K.PRODIGY_ANSWER, answer=answer)
    if answer in SKIPPED:
        ignored[SKIPPED[answer]] += 1
        return True
    if answer is None:
        return False
    if _binary(obj):
        fail(K.PRODIGY_BINARY, spans=_surfaces(obj))
    view = obj.get("_view_id")
    if view is not None and view not in SPAN_VIEWS:
        fail(K.PRODIGY_VIEW, view=view)
    return False


def _surfaces(obj: dict[str, Any]) -> str:
    text, spans = obj.get("text"), obj.get("spans")
    if not isinstance(text, str) or not isinstance(spans, list):
        return "[]"
    found = []
    for span in spans:
        if isinstance(span, dict) and isinstance(span.get("start"), int) and isinstance(span.get("end"), int):
            found.append(f"{text[span['start'] : span['end']]}/{span.get('label')}")
    return "[" + ", ".join(found) + "]"


def check_tokens(obj: dict[str, Any], fail: Fail) -> None:
    """Each span that names its tokens (``token_start``/``token_end``, inclusive) starts where its first
    token starts and ends where its last token ends."""
    tokens, spans = obj.get("tokens"), obj.get("spans")
    if not isinstance(tokens, list) or not isinstance(spans, list):
        return
    for span in spans:
        if not isinstance(span, dict) or "token_start" not in span or "token_end" not in span:
            continue
        first, last = span["token_start"], span["token_end"]
        expected = (_token_edge(tokens, first, "start"), _token_edge(tokens, last, "end"))
        if expected != (span.get("start"), span.get("end")):
            fail(
                K.PRODIGY_TOKENS,
                start=span.get("start"),
                end=span.get("end"),
                label=span.get("label"),
                first=first,
                last=last,
                expected=list(expected),
            )


def _token_edge(tokens: list[Any], index: Any, edge: str) -> int | None:
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(tokens):
        return None
    token = tokens[index]
    value = token.get(edge) if isinstance(token, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None
