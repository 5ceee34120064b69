"""The unit a JSON file's span offsets count, code points or UTF-16 code units (doccano's front end counts
UTF-16; Label Studio counted UTF-16 in its 2021 releases and counts code points now; spaCy counts code
points, as Python does), per document where the spans carry their text, else as ``OffsetUnit`` says, and
the spans checked against their text."""

from __future__ import annotations

from model.reasons import ReasonKind as K
from model.reasons import said
from model.spans import Entity
from model.text import ASTRAL, Utf16Offsets
from storage.formats import ReadInfo
from storage.formats.json_shapes import Fail as _Fail
from storage.formats.json_shapes import RawSpan
from storage.formats.options import OffsetUnit


class SpanUnits:
    """The offset unit of each document of one file, and the warnings it leaves."""

    def __init__(self, option: OffsetUnit, info: ReadInfo) -> None:
        self.option, self.info = option, info
        self.unsure: list[int] = []  # lines read as code points where no span text told the unit
        self.both: list[int] = []  # lines read as code points where the span texts fit both units

    def warn(self) -> None:
        """Add the file's warnings: the lines read as code points where the unit was not told."""
        for kind, numbers in ((K.WARN_OFFSET_UNIT, self.unsure), (K.WARN_OFFSET_UNIT_BOTH, self.both)):
            if numbers:
                lines = ", ".join(map(str, numbers[:5])) + (" …" if len(numbers) > 5 else "")
                self.info.warnings.append(said(kind, count=len(numbers), lines=lines))

    def surfaces_fit(self, raw: str, spans: list[RawSpan]) -> bool:
        if _fits(raw, spans, surfaces=True):
            return True
        converted = _from_utf16(Utf16Offsets(raw), spans, None)
        return converted is not None and _fits(raw, converted, surfaces=True)

    def entities(
        self, raw: str, spans: list[RawSpan], fail: _Fail, number: int, codepoints: bool = False
    ) -> list[Entity]:
        """The spans of one object in code points, their unit told where the option leaves it to the file;
        ``codepoints`` (spaCy, which counts as Python does): in code points unless ``--offsets utf16``."""
        if not spans:
            return []
        option = self.option
        if codepoints and option is not OffsetUnit.UTF16:
            if option is OffsetUnit.AUTO and not _fits(raw, spans, surfaces=False):
                _refuse_utf16(raw, spans, fail)
            return _check(raw, spans, fail)  # never guessed: a span past the end is refused
        units = Utf16Offsets(raw) if (option is OffsetUnit.UTF16 or ASTRAL.search(raw)) else None
        if (
            units is None
            or option is OffsetUnit.CODEPOINTS
            or (units.astral and all(end <= units.astral[0] for _, end, _, _ in spans))
        ):
            return _check(raw, spans, fail)  # no astral character before a span end: the units agree
        if option is OffsetUnit.UTF16:
            return _check(raw, _from_utf16(units, spans, fail), fail)
        # auto, and the units disagree: the spans' own text says which, else which one fits
        converted = _from_utf16(units, spans, None)
        if all(s is not None for _, _, _, s in spans):
            fitting = [
                (unit, candidate)
                for unit, candidate in (("codepoints", spans), ("utf16", converted))
                if candidate is not None and _fits(raw, candidate, surfaces=True)
            ]
            if (
                len(fitting) == 2 and converted != spans
            ):  # the same text at both (a ZWJ in 👨‍👩‍👧 and after it): code points, as Label Studio counts
                self.both.append(number)
            if fitting:
                self.info.offset_units[fitting[0][0]] += 1
                return _check(raw, fitting[0][1], fail)
            return _check(raw, spans, fail)  # fails naming the first span that does not match
        cp_fits = _fits(raw, spans, surfaces=False)
        u16_fits = converted is not None and _fits(raw, converted, surfaces=False)
        if u16_fits and not cp_fits and converted is not None:
            self.info.offset_units["utf16"] += 1
            return _check(raw, converted, fail)
        if cp_fits and u16_fits:
            self.unsure.append(number)
        self.info.offset_units["codepoints"] += 1
        return _check(raw, spans, fail)


def _refuse_utf16(raw: str, spans: list[RawSpan], fail: _Fail) -> None:
    """Refuse spaCy's spans, some out of range in code points, naming ``--offsets utf16`` where every one
    fits the text in UTF-16 code units (a text with an emoji or a rare hanzi)."""
    if not ASTRAL.search(raw):
        return
    converted = _from_utf16(Utf16Offsets(raw), spans, None)
    if converted is None or not _fits(raw, converted, surfaces=False):
        return
    for start, end, label, _ in spans:
        if start < end and not 0 <= start < end <= len(raw):
            fail(K.SPAN_OUT_OF_RANGE_UTF16, start=start, end=end, label=label, length=len(raw))


def _from_utf16(units: Utf16Offsets, spans: list[RawSpan], fail: _Fail | None) -> list[RawSpan] | None:
    out: list[RawSpan] = []
    for start, end, label, surface in spans:
        a, b = units.to_codepoints(start), units.to_codepoints(end)
        if a is None or b is None:
            if fail is None:
                return None
            fail(K.UTF16_SPLIT, start=start, end=end, label=label, units=units.utf16_length)
        out.append((a, b, label, surface))
    return out


def _fits(raw: str, spans: list[RawSpan], surfaces: bool) -> bool:
    return all(0 <= a < b <= len(raw) and (not surfaces or raw[a:b] == s) for a, b, _, s in spans)


def _check(raw: str, spans: list[RawSpan] | None, fail: _Fail) -> list[Entity]:
    entities: list[Entity] = []
    for start, end, label, surface in spans or []:
        if start >= end:
            fail(K.SPAN_EMPTY, start=start, end=end, label=label)
        if not (0 <= start < end <= len(raw)):
            fail(K.SPAN_OUT_OF_RANGE, start=start, end=end, label=label, length=len(raw))
        if surface is not None and raw[start:end] != surface:
            fail(K.SPAN_TEXT_DIFFERS, start=start, end=end, covered=raw[start:end], stated=surface)
        entities.append(Entity(start, end, label))
    return entities
