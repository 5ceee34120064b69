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

Training is ``model.crf.training``, stacking on a base model ``model.crf.stacking``, the serialised form
``model.crf.serialisation``; this module is the trained model and its predictions.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from typing import Any

import pycrfsuite

from model.crf.features import FeatureExtractor, LexiconData
from model.crf.segments import segments
from model.crf.serialisation import ModelFormatError, ModelInfo, pack, unpack
from model.crf.stacking import add_pretrained_features, shares_attributes, stacked_features
from model.crf.tokens import tokenize
from model.crf.training import ProjectIndex, fit
from model.pretrained import PretrainedTagger, without_titles
from model.spans import Entity, Origin
from model.suggest.dictionary import ProjectDictionary
from model.suggest.suggestion import Suggestion
from model.suggest.tokenizer import Token, to_half_width
from model.tagging import Scheme, tags_to_entities

logger = logging.getLogger(__name__)

DETAIL = "crf"


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
            raise ModelFormatError(
                f"this model needs the pretrained tagger {wanted.get('name')} "
                f"{wanted.get('version')}, which is not available"
            )
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
        self._index: ProjectIndex | None = None
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
        return stacked_features(
            self._features, self.base, self._share, self._light, piece, original, tokens, local
        )

    # -- prediction ---------------------------------------------------------------------------------------

    def _project_hits(self, text: str, dictionary: ProjectDictionary | None) -> list[tuple[int, int, str]]:
        if dictionary is None or not len(dictionary):
            return []
        key = (id(dictionary), dictionary.version)
        if self._index is None or self._index_of != key:
            self._index, self._index_of = ProjectIndex(dictionary), key
        return self._index.hits(text)

    def predict(self, text: str, *, project_dictionary: ProjectDictionary | None = None) -> list[Suggestion]:
        """Suggestions (origin ``Origin.MODEL``, detail ``"crf"``) sorted by start, offsets into ``text`` as
        given. ``project_dictionary`` defaults to the one the model was trained with, if any.

        A model with a pretrained tagger's features gives its persons without the title they end with
        (``model.pretrained.without_titles``, as for the tagger's own persons): the tagger reads 吴先生 as
        one person, and a model trained on a few dozen documents follows its tags there more than the
        characters (on the development set, 18 of its persons on the learning curve's second half)."""
        if not text:
            return []
        norm = to_half_width(text)
        out: list[Suggestion] = []
        for start, tags in self._tag(text, norm, project_dictionary):
            for e in tags_to_entities(tags, Scheme.BIOES):
                score = min(self._tagger.marginal(tags[i], i) for i in range(e.start, e.end))
                out.append(Suggestion(start + e.start, start + e.end, e.label, Origin.MODEL, DETAIL, score))
        return without_titles(norm, out) if self.pretrained is not None else out

    def uncertainty(self, text: str, *, project_dictionary: ProjectDictionary | None = None) -> float:
        """How unsure the model is about ``text``: the expected share of wrongly tagged characters, the mean
        over characters of one minus the marginal probability of the tag Viterbi chose (0 for no text)."""
        norm = to_half_width(text)
        doubt, count = 0.0, 0
        for _start, tags in self._tag(text, norm, project_dictionary):
            doubt += sum(1.0 - self._tagger.marginal(tag, i) for i, tag in enumerate(tags))
            count += len(tags)
        return doubt / count if count else 0.0

    def _tag(
        self, text: str, norm: str, project_dictionary: ProjectDictionary | None
    ) -> Iterator[tuple[int, list[str]]]:
        """``(segment start, Viterbi tags)`` per segment, holding the lock: the tagger's marginals refer to
        the segment just yielded."""
        dictionary = project_dictionary if project_dictionary is not None else self.project_dictionary
        pretrained = self.pretrained.analyse(text) if self.pretrained is not None else None
        with self._lock:
            hits = self._project_hits(norm, dictionary)
            for start, end in segments(norm):
                piece = norm[start:end]
                local = [(a - start, b - start, lab) for a, b, lab in hits if start <= a and b <= end]
                xseq = self._segment_features(piece, text[start:end], tokenize(piece), local)
                if pretrained is not None:
                    add_pretrained_features(xseq, pretrained.tags[start:end], pretrained.runner_up[start:end])
                yield start, list(self._tagger.tag(xseq))

    # -- training and persistence --------------------------------------------------------------------------

    @classmethod
    def train(
        cls,
        documents: Sequence[tuple[str, Sequence[Entity]]],
        *,
        project_dictionary: ProjectDictionary | None = None,
        base: CrfModel | None = None,
        pretrained: PretrainedTagger | None = None,
        **options: Any,
    ) -> CrfModel:
        """Train on ``(text, entities)`` documents (``model.crf.training.fit`` documents the options)."""
        fitted = fit(
            documents, project_dictionary=project_dictionary, base=base, pretrained=pretrained, **options
        )
        return cls(fitted.crf, fitted.info, fitted.lexicons, project_dictionary, base, pretrained)

    def to_bytes(self) -> bytes:
        return pack(self._crf, self.info, self.lexicons)

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
        crf, info, lexicons = unpack(data)
        try:
            return cls(crf, info, lexicons, project_dictionary, base, pretrained)
        except ModelFormatError:
            raise
        except (ValueError, OSError) as exc:
            raise ModelFormatError(f"unreadable CRF model: {exc}") from None
