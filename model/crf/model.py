"""A character-level CRF for named entities (python-crfsuite, L-BFGS with elastic-net regularisation).

Tagging: BIOES over the training labels, one tag per code point of the half-width text, in segments of at
most 200 characters (``model.crf.segments``), so offsets map back exactly whatever the text holds (𠮷, emoji,
U+3000 and full-width letters are one code point each).

Scores: a suggestion's score is the **minimum** over its characters of the marginal probability of the tag
Viterbi gave that character. With BIOES the first and last tags (B…E, or S) carry the boundaries, so the
minimum is low whenever either boundary or any inside character is doubtful; it is also an upper bound of
the probability that the whole span is tagged exactly so (which no single marginal can exceed).

Project dictionary features: at prediction time every propagating entry of the project dictionary (the same
rule as ``ProjectDictionary.propagated``) is a hit. In training, each document sees the dictionary *without
its own confirmations* (its gold entities are subtracted from the counts), which is the situation the model
meets on a new document; otherwise the CRF learns that a hit is always an entity.

Pretrained tagger features: a model trained with a pretrained tagger (``model.pretrained``, say LAC) has the
tagger's tag for the character and its neighbours as features (``pt=B-PER``, ``pt-1=``, ``pt1=``, and the
pair ``pt-1pt=``), the way a base model's tags are stacked; so a project without a base model starts from
what the tagger knows about news. Such a model needs the same tagger to predict (``identity``).

Serialised form (``to_bytes``): ``b"NTCRF\\0"``, a big-endian ``uint16`` format version, a ``uint32`` header
length, the UTF-8 JSON header (training metadata and the lexicons the features used) and the crfsuite model.
"""

from __future__ import annotations

import json
import logging
import os
import struct
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

import pycrfsuite

from model.crf.features import FEATURE_VERSION, FeatureExtractor, LexiconData
from model.crf.segments import segments
from model.crf.tokens import tokenize
from model.pretrained import PretrainedTagger
from model.spans import Entity, Origin
from model.suggest.dictionary import MIN_PROPAGATION_RATE, Matcher, ProjectDictionary
from model.suggest.suggestion import Suggestion
from model.suggest.tokenizer import Token, to_half_width
from model.tagging import Scheme, entities_to_tags, tags_to_entities

logger = logging.getLogger(__name__)

MAGIC = b"NTCRF\0"
FORMAT_VERSION = 1
DETAIL = "crf"
DEFAULT_C1 = 0.05
DEFAULT_C2 = 0.01


class ModelFormatError(ValueError):
    """Bytes that are not a serialised model of a format this code reads."""


@dataclass(frozen=True, slots=True)
class ModelInfo:
    documents: int
    characters: int
    trained_at: datetime
    iterations: int
    params: dict[str, Any] = field(default_factory=dict)
    labels: tuple[str, ...] = ()
    seconds: float = 0.0  # wall time of the training run

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["trained_at"] = self.trained_at.isoformat()
        data["labels"] = list(self.labels)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ModelInfo:
        return cls(
            documents=int(data["documents"]),
            characters=int(data["characters"]),
            trained_at=datetime.fromisoformat(data["trained_at"]),
            iterations=int(data["iterations"]),
            params=dict(data.get("params", {})),
            labels=tuple(data.get("labels", ())),
            seconds=float(data.get("seconds", 0.0)),
        )


class _ProjectIndex:
    """The project dictionary's entries in one automaton, with counts, so a training document can leave its
    own confirmations out without rebuilding anything."""

    def __init__(self, dictionary: ProjectDictionary) -> None:
        self.counts: dict[tuple[str, str], tuple[int, int]] = {}
        labels: dict[str, list[str]] = {}
        for surface, label, accepted, rejected in dictionary.rows():
            if len(surface) >= 2:
                self.counts[(surface, label)] = (accepted, rejected)
                labels.setdefault(surface, []).append(label)
        self._matcher = Matcher((s, tuple(labs)) for s, labs in labels.items())
        self.version = dictionary.version

    def hits(self, text: str, own: Counter[tuple[str, str]] | None = None) -> list[tuple[int, int, str]]:
        """``(start, end, label)`` of every propagating entry in ``text``, the best-accepted label of a
        surface only; ``own`` counts are taken off the accepted counts first."""
        out = []
        for start, end, labels in self._matcher.find(text):
            surface = text[start:end]
            best, best_rate = None, MIN_PROPAGATION_RATE
            for label in labels:  # type: ignore[attr-defined]
                accepted, rejected = self.counts[(surface, label)]
                if own:
                    accepted -= own.get((surface, label), 0)
                rate = accepted / (accepted + rejected + 0.5)
                if accepted >= 1 and rate >= best_rate:
                    best, best_rate = label, rate
            if best is not None:
                out.append((start, end, best))
        return out


def add_base_features(xseq: list[list[str]], tags: Sequence[str]) -> None:
    """Stacking: a base model's tags for the character and its neighbours become features."""
    n = len(tags)
    for i, f in enumerate(xseq):
        f.append("bt=" + tags[i])
        f.append("bt-1=" + (tags[i - 1] if i > 0 else "^"))
        f.append("bt1=" + (tags[i + 1] if i + 1 < n else "$"))


def add_pretrained_features(xseq: list[list[str]], tags: Sequence[str]) -> None:
    """A pretrained tagger's tags for the character and its neighbours become features."""
    n = len(tags)
    for i, f in enumerate(xseq):
        before = tags[i - 1] if i > 0 else "^"
        f.append("pt=" + tags[i])
        f.append("pt-1=" + before)
        f.append("pt1=" + (tags[i + 1] if i + 1 < n else "$"))
        f.append("pt-1pt=" + before + "|" + tags[i])


def stacked_features(
    extractor: FeatureExtractor,
    base: CrfModel,
    share: bool,
    light: bool,
    piece: str,
    original: str,
    tokens: Sequence[Token],
    local: Sequence[tuple[int, int, str]],
) -> list[list[str]]:
    """Attribute lists of a model stacked on ``base`` for one segment: the base model's tags, and unless
    ``light`` every character feature and the project dictionary's hits. ``share``: the base model's
    attributes are this extractor's (same lexicons), so they are built once for both models."""
    full = extractor.features(piece, tokens, original, ()) if share or not light else None
    tags = base.tag_segment(piece, original, tokens, full if share else None)
    if light:
        xseq = [["b"] for _ in piece]
    else:
        xseq = cast(list[list[str]], full)
        FeatureExtractor.add_project(xseq, local)
    add_base_features(xseq, tags)
    return xseq


def shares_attributes(base: CrfModel | None, lexicons: LexiconData) -> bool:
    """Whether a model with these lexicons stacked on ``base`` can hand ``base`` its own attribute lists."""
    return base is not None and base.base is None and base.lexicons == lexicons


def _clean(entities: Iterable[Entity], length: int) -> list[Entity]:
    """In-range entities without overlaps (the longest, then the first, wins)."""
    taken = bytearray(length)
    out = []
    for e in sorted(entities, key=lambda e: (-(e.end - e.start), e.start)):
        if 0 <= e.start < e.end <= length and not any(taken[e.start : e.end]):
            taken[e.start : e.end] = b"\1" * (e.end - e.start)
            out.append(e)
    return sorted(out, key=lambda e: e.start)


class _Trainer(pycrfsuite.Trainer):  # type: ignore[misc]
    """Reports iterations to ``progress`` and crfsuite's log to the debug logger, never to stdout."""

    def __init__(self, progress: Callable[[int, int], None] | None, total: int) -> None:
        super().__init__(verbose=False)
        self._progress = progress
        self._total = total

    def message(self, message: str) -> None:
        event = self.logparser.feed(message)
        if event is None:
            return
        logger.debug("crfsuite %s: %s", event, self.logparser.last_log.strip()[-300:])
        if event == "iteration" and self._progress is not None:
            self._progress(int(self.logparser.last_iteration.get("num", 0)), self._total)


class CrfModel:
    """A trained CRF and the lexicons its features used. Thread-safe for ``predict``."""

    def __init__(
        self,
        crf: bytes,
        info: ModelInfo,
        lexicons: LexiconData,
        project_dictionary: ProjectDictionary | None = None,
        base: CrfModel | None = None,
        pretrained: PretrainedTagger | None = None,
    ) -> None:
        if info.params.get("base") and (base is None or base.identity != info.params["base"]):
            raise ModelFormatError("this model stacks on a base model that was not given (or is another one)")
        wanted = info.params.get("pretrained")
        if wanted and (pretrained is None or pretrained.identity != wanted):
            raise ModelFormatError(f"this model needs the pretrained tagger {wanted.get('name')} "
                                   f"{wanted.get('version')}, which is not available")
        self.pretrained = pretrained if wanted else None
        self.info = info
        self.base = base
        self.lexicons = lexicons
        self.project_dictionary = project_dictionary  # used by predict() unless one is passed; not serialised
        self._crf = crf
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(crf)
        self._features = FeatureExtractor(lexicons)
        self._lock = threading.Lock()
        self._index: _ProjectIndex | None = None
        self._index_of: tuple[int, int] | None = None
        self._share = shares_attributes(base, lexicons)
        self._light = info.params.get("stacking") == "light"

    @property
    def identity(self) -> dict[str, Any]:
        """What names this model for a model stacked on it."""
        return {"trained_at": self.info.trained_at.isoformat(), "characters": self.info.characters}

    def tag_segment(
        self,
        piece: str,
        original: str,
        tokens: Sequence[Token] | None = None,
        xseq: list[list[str]] | None = None,
    ) -> list[str]:
        """Viterbi tags of one segment (half-width ``piece``), without project dictionary hits. ``xseq``:
        this model's attribute lists for the segment, if the caller already has them."""
        tokens = tokenize(piece) if tokens is None else tokens
        if xseq is None:
            xseq = self._segment_features(piece, original, tokens, ())
        with self._lock:
            return list(self._tagger.tag(xseq))

    def _segment_features(
        self, piece: str, original: str, tokens: Sequence[Token], local: Sequence[tuple[int, int, str]]
    ) -> list[list[str]]:
        if self.base is None:
            return self._features.features(piece, tokens, original, local)
        return stacked_features(self._features, self.base, self._share, self._light, piece, original, tokens,
                                local)

    # -- training -----------------------------------------------------------------------------------------

    @classmethod
    def train(
        cls,
        documents: Sequence[tuple[str, Sequence[Entity]]],
        *,
        gazetteer: Mapping[str, str] | None = None,
        project_dictionary: ProjectDictionary | None = None,
        iterations: int = 100,
        c1: float = DEFAULT_C1,
        c2: float = DEFAULT_C2,
        minfreq: float = 0.0,
        algorithm: str = "lbfgs",
        base: CrfModel | None = None,
        stacking: str = "auto",
        pretrained: PretrainedTagger | None = None,
        progress: Callable[[int, int], None] | None = None,
        reading: Callable[[int, int], None] | None = None,
    ) -> CrfModel:
        """Train on ``(text, entities)`` documents. ``gazetteer`` (surface → label) defaults to the bundled
        one; ``project_dictionary`` adds its hits as features (see the module docstring). ``reading`` is
        called as ``(documents read, documents)`` while the features are built, then ``progress`` as
        ``(iteration, iterations)``, both from the training thread. ``base``: a model trained on other
        data (say, the public MSRA corpus) whose tags become features (stacking); predicting runs both.
        ``stacking``: ``light`` (the base model's tags only: the project model learns how far to trust them,
        tag by tag and in sequence), ``full`` (every character feature and the project dictionary's hits as
        well) or ``auto``: light unless the documents hold labels the base model does not know. Why light: on
        MSRA's test set in documents of 20 sentences, retrained every 10 documents, the second half scores
        F1 0.837 with full stacking, 0.845 with the base tags and dictionary hits, 0.852 with the base tags
        alone (``bench_crf.py curve --base``, minfreq 0); what a few dozen documents teach about characters,
        words and confirmed strings mostly fits those documents. The project's confirmed strings still reach
        the suggestions through the rule engine's dictionary and the combiner. ``pretrained``: a pretrained
tagger whose tags become features too (module docstring), with or without a base model."""
        if algorithm not in ("lbfgs", "l2sgd"):
            raise ValueError(f"unknown training algorithm {algorithm!r} (lbfgs or l2sgd)")
        if not any(text for text, _ in documents):
            raise ValueError("no text to train on")
        t0 = time.perf_counter()
        lexicons = LexiconData.bundled(gazetteer)
        extractor = FeatureExtractor(lexicons)
        index = (
            _ProjectIndex(project_dictionary)
            if project_dictionary is not None and len(project_dictionary)
            else None
        )
        trainer = _Trainer(progress, iterations)
        share = shares_attributes(base, lexicons)
        if stacking not in ("auto", "light", "full"):
            raise ValueError(f"unknown stacking {stacking!r} (auto, light or full)")
        if stacking == "auto" and base is not None:
            # light unless the project has labels the base model never learnt (then only characters tell)
            found = {e.label for _, entities in documents for e in entities}
            stacking = "light" if found <= set(base.info.labels) else "full"
        light = base is not None and stacking == "light"
        characters = 0
        labels: set[str] = set()
        analyses: list[Any] = []
        for number, (text, entities) in enumerate(documents, start=1):
            if pretrained is not None and number > len(analyses):  # the tagger runs 64 documents at a time
                analyses.extend(pretrained.analyse_many([t for t, _ in documents[number - 1 : number + 63]]))
            if reading is not None and (number % 100 == 0 or number == len(documents)):
                reading(number, len(documents))
            norm = to_half_width(text)
            gold = _clean(entities, len(text))
            labels.update(e.label for e in gold)
            characters += len(text)
            own = Counter((norm[e.start : e.end], e.label) for e in gold)
            hits = index.hits(norm, own) if index is not None else []
            for start, end in segments(norm, gold):
                piece = norm[start:end]
                inside = [Entity(e.start - start, e.end - start, e.label) for e in gold
                          if start <= e.start and e.end <= end]  # fmt: skip
                local = [(a - start, b - start, lab) for a, b, lab in hits if start <= a and b <= end]
                tokens = tokenize(piece)
                if base is None:
                    xseq = extractor.features(piece, tokens, text[start:end], local)
                else:
                    xseq = stacked_features(extractor, base, share, light, piece, text[start:end], tokens,
                                            local)
                if pretrained is not None:
                    add_pretrained_features(xseq, analyses[number - 1].tags[start:end])
                trainer.append(xseq, entities_to_tags(len(piece), inside, Scheme.BIOES))
        params: dict[str, Any] = {"c1": c1} if algorithm == "lbfgs" else {}
        params |= {
            "c2": c2,
            "max_iterations": iterations,
            "feature.minfreq": minfreq,
            "feature.possible_transitions": True,
            "feature.possible_states": False,
        }
        trainer.select(algorithm, "crf1d")
        trainer.set_params(params)
        fd, path = tempfile.mkstemp(suffix=".crfsuite", prefix="newstag-")
        os.close(fd)
        try:
            trainer.train(path)
            with open(path, "rb") as f:
                crf = f.read()
        finally:
            os.unlink(path)
        info = ModelInfo(
            documents=len(documents),
            characters=characters,
            trained_at=datetime.now(UTC),
            iterations=iterations,
            params={
                **params,
                "algorithm": algorithm,
                "scheme": "bioes",
                "feature_version": FEATURE_VERSION,
                "project_features": index is not None,
                "base": base.identity if base is not None else None,
                "stacking": ("light" if light else "full") if base is not None else None,
                "pretrained": pretrained.identity if pretrained is not None else None,
            },
            labels=tuple(sorted(labels)),
            seconds=round(time.perf_counter() - t0, 3),
        )
        logger.info(
            "CRF trained on %d documents (%d chars) in %.1f s", len(documents), characters, info.seconds
        )
        return cls(crf, info, lexicons, project_dictionary, base, pretrained)

    # -- prediction ---------------------------------------------------------------------------------------

    def _project_hits(self, text: str, dictionary: ProjectDictionary | None) -> list[tuple[int, int, str]]:
        if dictionary is None or not len(dictionary):
            return []
        key = (id(dictionary), dictionary.version)
        if self._index is None or self._index_of != key:
            self._index, self._index_of = _ProjectIndex(dictionary), key
        return self._index.hits(text)

    def predict(self, text: str, *, project_dictionary: ProjectDictionary | None = None) -> list[Suggestion]:
        """Suggestions (origin ``Origin.MODEL``, detail ``"crf"``) sorted by start, offsets into ``text`` as
        given. ``project_dictionary`` defaults to the one the model was trained with, if any."""
        if not text:
            return []
        norm = to_half_width(text)
        out: list[Suggestion] = []
        for start, tags in self._tag(text, norm, project_dictionary):
            for e in tags_to_entities(tags, Scheme.BIOES):
                score = min(self._tagger.marginal(tags[i], i) for i in range(e.start, e.end))
                out.append(Suggestion(start + e.start, start + e.end, e.label, Origin.MODEL, DETAIL, score))
        return out

    def uncertainty(self, text: str, *, project_dictionary: ProjectDictionary | None = None) -> float:
        """How unsure the model is about ``text``: the expected share of wrongly tagged characters, the mean
        over characters of one minus the marginal probability of the tag Viterbi chose (0 for no text)."""
        norm = to_half_width(text)
        doubt, count = 0.0, 0
        for _start, tags in self._tag(text, norm, project_dictionary):
            doubt += sum(1.0 - self._tagger.marginal(tag, i) for i, tag in enumerate(tags))
            count += len(tags)
        return doubt / count if count else 0.0

    def _tag(self, text: str, norm: str,
             project_dictionary: ProjectDictionary | None) -> Iterator[tuple[int, list[str]]]:
        """``(segment start, Viterbi tags)`` per segment, holding the lock: the tagger's marginals refer to
        the segment just yielded."""
        dictionary = project_dictionary if project_dictionary is not None else self.project_dictionary
        pretrained = self.pretrained.analyse(text).tags if self.pretrained is not None else None
        with self._lock:
            hits = self._project_hits(norm, dictionary)
            for start, end in segments(norm):
                piece = norm[start:end]
                local = [(a - start, b - start, lab) for a, b, lab in hits if start <= a and b <= end]
                xseq = self._segment_features(piece, text[start:end], tokenize(piece), local)
                if pretrained is not None:
                    add_pretrained_features(xseq, pretrained[start:end])
                yield start, list(self._tagger.tag(xseq))

    # -- persistence --------------------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        header = json.dumps(
            {
                "feature_version": FEATURE_VERSION,
                "info": self.info.to_json(),
                "lexicons": self.lexicons.to_json(),
            },
            ensure_ascii=False,
        ).encode("utf-8")
        return MAGIC + struct.pack(">HI", FORMAT_VERSION, len(header)) + header + self._crf

    @classmethod
    def from_bytes(
        cls,
        data: bytes,
        project_dictionary: ProjectDictionary | None = None,
        base: CrfModel | None = None,
        pretrained: PretrainedTagger | None = None,
    ) -> CrfModel:
        """The model ``to_bytes`` wrote. A model stacked on a base model needs that same ``base``; one trained
        with a pretrained tagger's features needs that tagger (else ``ModelFormatError``)."""
        prefix = len(MAGIC) + struct.calcsize(">HI")
        if len(data) < prefix or not data.startswith(MAGIC):
            raise ModelFormatError("not a newstag CRF model")
        version, length = struct.unpack(">HI", data[len(MAGIC) : prefix])
        if version != FORMAT_VERSION:
            raise ModelFormatError(
                f"model format {version} is not supported (this version reads {FORMAT_VERSION})"
            )
        if len(data) < prefix + length:
            raise ModelFormatError("truncated model")
        try:
            header = json.loads(data[prefix : prefix + length].decode("utf-8"))
            info = ModelInfo.from_json(header["info"])
            lexicons = LexiconData.from_json(header["lexicons"])
        except (ValueError, KeyError, TypeError) as exc:
            raise ModelFormatError(f"unreadable model header: {exc}") from None
        if header.get("feature_version") != FEATURE_VERSION:
            raise ModelFormatError(
                f"model features v{header.get('feature_version')} differ from v{FEATURE_VERSION}"
            )
        try:
            return cls(data[prefix + length :], info, lexicons, project_dictionary, base, pretrained)
        except ModelFormatError:
            raise
        except (ValueError, OSError) as exc:
            raise ModelFormatError(f"unreadable CRF model: {exc}") from None
