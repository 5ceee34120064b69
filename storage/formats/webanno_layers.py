"""The header of a WebAnno TSV 3.x file: its layers and the columns they take, and the span layer whose
feature is read as the label (``--layer``/``--feature``).

Every ``#T_SP=``, ``#T_CH=`` and ``#T_RL=`` line declares one column per feature (at least one), in order,
after the id, offsets and token columns: a chain layer's ``referenceType|referenceRelation``, a relation
layer's features and its ``BT_…`` column, a span layer's slot feature (``ROLE_…``) and the link type after
it each take their column. Without ``--layer``, the named-entity layer is read if the file has one, else a
single custom span layer with a single feature (INCEpTION's ``webanno.custom.Entity|label``), said in a note.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from model.reasons import ReasonKind as K
from storage.formats import ImportFormatError
from storage.formats.options import ReadOptions

NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
CUSTOM = "webanno.custom."


@dataclass(frozen=True, slots=True)
class Layer:
    kind: str  # SP, CH or RL
    name: str  # the full type name
    features: tuple[str, ...]
    column: int  # its first column, counted after id, offsets and token
    line: int

    @property
    def short(self) -> str:
        return self.name.rsplit(".", 1)[-1]

    @property
    def labels(self) -> tuple[str, ...]:
        """The features that can hold a label: not a slot feature (``ROLE_…``) nor its link type."""
        out, skip = [], False
        for feature in self.features:
            if skip:
                skip = False
            elif feature.startswith("ROLE_"):
                skip = True
            else:
                out.append(feature)
        return tuple(out)

    def width(self) -> int:
        return max(1, len(self.features))

    def named(self, wanted: str) -> bool:
        return wanted in (self.name, self.short) or wanted.lower() == self.short.lower()


@dataclass(frozen=True, slots=True)
class Choice:
    """The label column (after id, offsets and token) and the layer and feature it belongs to."""

    column: int
    layer: Layer
    feature: str
    guessed: bool  # a custom layer read without --layer


def choose(path: Path, layers: list[Layer], options: ReadOptions, line: int) -> Choice:
    """The span layer and feature to read, or the refusal naming the layers found and the options."""
    spans = [layer for layer in layers if layer.kind == "SP"]
    listed = ", ".join(f"{s.short} ({'|'.join(s.labels) or 'no feature'})" for s in spans) or "none"
    if options.webanno_layer:
        found = [s for s in spans if s.named(options.webanno_layer)]
        exact = [s for s in found if options.webanno_layer in (s.name, s.short)]
        found = exact or found
        if len(found) != 1:
            raise ImportFormatError.of(
                path, K.WEBANNO_NO_LAYER, line, layer=options.webanno_layer, layers=listed
            )
        default = "value" if found[0].name == NAMED_ENTITY else ""
        return _feature(path, found[0], options, guessed=False, default=default)
    named_entity = next((s for s in spans if s.name == NAMED_ENTITY), None)
    if named_entity is not None:
        if not options.webanno_feature and "value" not in named_entity.features:
            raise ImportFormatError.of(path, K.WEBANNO_NO_VALUE, named_entity.line, row=named_entity.name)
        return _feature(path, named_entity, options, guessed=False, default="value")
    custom = [
        s for s in spans if s.name.startswith(CUSTOM) and s.labels
    ]  # a layer without one holds no label
    if len(custom) == 1 and (len(custom[0].labels) == 1 or options.webanno_feature):
        return _feature(path, custom[0], options, guessed=True)
    raise ImportFormatError.of(path, K.WEBANNO_NO_NE, line, layers=listed)


def _feature(path: Path, layer: Layer, options: ReadOptions, guessed: bool, default: str = "") -> Choice:
    wanted = options.webanno_feature or default
    labels = layer.labels
    if not labels:  # a layer that only marks spans (webanno.custom.Quote|)
        raise ImportFormatError.of(path, K.WEBANNO_FEATURELESS, layer.line, layer=layer.short)
    if not wanted:
        if len(labels) != 1:
            raise ImportFormatError.of(
                path,
                K.WEBANNO_WHICH_FEATURE,
                layer.line,
                layer=layer.short,
                features=", ".join(labels),
            )
        wanted = labels[0]
    if wanted not in labels:
        raise ImportFormatError.of(
            path,
            K.WEBANNO_NO_FEATURE,
            layer.line,
            layer=layer.short,
            feature=wanted,
            features=", ".join(labels) or "none",
        )
    return Choice(layer.column + layer.features.index(wanted), layer, wanted, guessed)
