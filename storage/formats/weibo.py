"""Weibo NER's two kinds of mention (Peng and Dredze 2015, the corpus as released): its tags name a type
and a kind, ``B-PER.NAM`` a name (张三) and ``B-PER.NOM`` a nominal mention (老师, 记者, 老板), which is no
name. Both are read as the file means them, each kind a label of its own (``PER.NAM``, ``PER.NOM``); where
the file holds nominal mentions, a warning says so, counts them by label and names the command that merges
a label into another, so that nobody takes 老师 for a name the project's annotators missed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from model.reasons import ReasonKind as K
from model.reasons import said
from storage.formats import ParsedDocument, ReadInfo

NAME, NOMINAL = ".NAM", ".NOM"


def _counted(counts: Counter[str]) -> str:
    return ", ".join(f"{label} {count}" for label, count in sorted(counts.items()))


def nominal_mentions_said(documents: Iterable[ParsedDocument], info: ReadInfo) -> Iterator[ParsedDocument]:
    """``documents`` as they come; once they are all read, a warning where some span is a Weibo NER
    nominal mention (a label ending ``.NOM``)."""
    nominal: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for document in documents:
        for entity in document.entities:
            if entity.label.endswith(NOMINAL):
                nominal[entity.label] += 1
            elif entity.label.endswith(NAME):
                names[entity.label] += 1
        yield document
    if nominal:
        example = min(nominal)
        info.warnings.append(
            said(
                K.WARN_WEIBO_NOMINAL,
                count=sum(nominal.values()),
                nominal=_counted(nominal),
                names=_counted(names) or "none",
                example=example,
                into=example.removesuffix(NOMINAL) + NAME,
            )
        )
