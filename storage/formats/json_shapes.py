"""The shapes spans take in the JSON that annotation tools write (doccano, CLUENER, Label Studio), read into
``RawSpan``s: the pieces ``storage.formats.jsonl`` reads with (UTF-16 offsets: ``model.text``)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, NoReturn

from model.labels import label_reason
from model.reasons import ReasonKind
from model.reasons import ReasonKind as K
from storage.formats import ImportFormatError

SPAN_KEYS = ("label", "labels", "entities", "spans")
LS_SKIP = ("annotations", "predictions", "drafts", "data")

# (start, end, label, the text the file says the span covers or None)
RawSpan = tuple[int, int, str, str | None]


class Fail:
    def __init__(self, path: Path, line: int) -> None:
        self.path, self.line = path, line

    def __call__(self, kind: ReasonKind, **params: object) -> NoReturn:
        raise ImportFormatError.of(self.path, kind, self.line, **params)


def offset(value: Any, name: str, fail: Fail, item: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        fail(K.OFFSET_NOT_INTEGER, name=name, value=value, item=item)
    return value


def checked_label(value: Any, fail: Fail, start: int, end: int) -> str:
    """The label as the file gives it: one with whitespace around it (``"LOC\u2028"``) is refused by line,
    as any other the label rule forbids, never cut to another label without a word."""
    if not isinstance(value, str) or not value.strip():
        fail(K.SPAN_NO_LABEL, start=start, end=end)
    if (problem := label_reason(value)) is not None:
        raise ImportFormatError(fail.path, problem, fail.line)
    return value


def spacy_pair(obj: Any) -> dict[str, Any] | None:
    """spaCy's training data (v2, as its examples write it: ``["李强在北京", {"entities": [[0, 2, "PER"]]}]``,
    one a line or a JSON array of them; offsets in code points, Python's) as the object doccano writes, its
    other annotations (``cats``…) kept under ``annotations``; None for any other value."""
    if not (isinstance(obj, list) and len(obj) == 2 and isinstance(obj[0], str) and isinstance(obj[1], dict)):
        return None
    if "entities" not in obj[1]:
        return None
    rest = {k: v for k, v in obj[1].items() if k != "entities"}
    return {"text": obj[0], "entities": obj[1]["entities"], **({"annotations": rest} if rest else {})}


def doccano_span(item: Any, fail: Fail) -> RawSpan:
    if isinstance(item, list | tuple):
        if len(item) < 3:
            fail(K.SPAN_TOO_SHORT, item=item)
        start, end = offset(item[0], "start", fail, item), offset(item[1], "end", fail, item)
        return start, end, checked_label(item[2], fail, start, end), None
    if isinstance(item, dict):
        start = offset(item.get("start", item.get("start_offset")), "start", fail, item)
        end = offset(item.get("end", item.get("end_offset")), "end", fail, item)
        surface = item.get("text")
        return (
            start,
            end,
            checked_label(item.get("label"), fail, start, end),
            surface if isinstance(surface, str) else None,
        )
    fail(K.SPAN_NOT_A_LIST, item=item)


def cluener_spans(labels: dict[str, Any], fail: Fail) -> list[RawSpan]:
    spans: list[RawSpan] = []
    for label, mentions in labels.items():
        if not isinstance(mentions, dict):
            fail(K.CLUENER_LABEL, label=label, mentions=mentions)
        for mention, places in mentions.items():
            if not isinstance(places, list):
                fail(K.CLUENER_MENTION, mention=mention, places=places)
            for place in places:
                if not isinstance(place, list) or len(place) != 2:
                    fail(K.CLUENER_PLACE, mention=mention, place=place)
                start, last = offset(place[0], "start", fail, place), offset(place[1], "end", fail, place)
                if last < start:  # the end is inclusive: [3, 3] is one character, [3, 2] none
                    fail(K.CLUENER_PLACE, mention=mention, place=place)
                spans.append((start, last + 1, checked_label(label, fail, start, last + 1), str(mention)))
    return spans


def label_studio_results(results: Any, fail: Fail, ignored: Counter[ReasonKind]) -> list[RawSpan]:
    if not isinstance(results, list):
        fail(K.LS_RESULT, results=results)
    spans: list[RawSpan] = []
    for result in results:
        value = result.get("value") if isinstance(result, dict) else None
        if isinstance(value, dict) and "hypertextlabels" in value:  # a web page, its offsets in its elements
            fail(K.LS_HYPERTEXT, labels=value["hypertextlabels"])
        if not isinstance(value, dict) or "start" not in value or not isinstance(value.get("labels"), list):
            ignored[K.PART_NOT_SPANS] += 1
            continue
        spans.extend(min_spans([value], fail, ignored))
    return spans


def min_spans(items: list[Any], fail: Fail, ignored: Counter[ReasonKind] | None = None) -> list[RawSpan]:
    """Label Studio regions ``{"start", "end", "text", "labels"}``: a span per label; a region whose labels
    are empty is no span, and is counted in ``ignored``."""
    spans: list[RawSpan] = []
    for item in items:
        if not item.get("labels") and ignored is not None:
            ignored[K.PART_NOT_SPANS] += 1
        start = offset(item.get("start"), "start", fail, item)
        end = offset(item.get("end"), "end", fail, item)
        surface = item.get("text")
        labels = item.get("labels") or []
        if not isinstance(labels, list):  # "PER" would be read as the labels P, E and R
            fail(K.LS_NOT_A_LIST, key="labels", value=labels)
        for label in labels:
            spans.append(
                (
                    start,
                    end,
                    checked_label(label, fail, start, end),
                    surface if isinstance(surface, str) else None,
                )
            )
    return spans


def hypertext_labels(obj: dict[str, Any]) -> Any:
    """The ``hypertextlabels`` of the first region of a Label Studio JSON-MIN record of a HyperText project
    (its text a web page, its regions placed in the page's elements); None for any other record."""
    for value in obj.values():
        if isinstance(value, list):
            for item in value:
                if isinstance(item, dict) and "hypertextlabels" in item:
                    return item["hypertextlabels"]
    return None


def is_min_list(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, dict) and "start" in v and "labels" in v for v in value)
    )
