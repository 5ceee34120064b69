"""Changing the label set (``project.labels``' edits): add, edit, reorder, remove, merge one label into
another and undo a merge. Each change is one transaction and one event-log row."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, aliased

from model.label_presets import PRESET_COLOURS, PRESET_CONVENTIONS, PRESETS
from model.labels import HOTKEYS, LabelError, check_definition
from model.reasons import Reason
from model.reasons import ReasonKind as K
from model.spans import AnnotatorId, Label, Layer
from storage.database import Database
from storage.founder import Actor, acting
from storage.orm import EventRow, LabelRow, SpanRow
from storage.settings import SETTINGS_KEY, merge_setting

_OUTER = aliased(SpanRow)  # the spans of the label merged away, beside SpanRow: those of the one kept


class LabelInUse(LabelError):
    """A label that spans use cannot simply be removed: merge it into another."""

    def __init__(self, name: str, spans: int) -> None:
        self.name, self.spans = name, spans
        super().__init__(Reason.of(K.LABEL_IN_USE, name=name, spans=spans))


@dataclass(frozen=True, slots=True)
class MergeReport:
    removed: str
    into: str
    spans: int  # spans relabelled
    dropped: int  # machine suggestions dropped because the same span was suggested as ``into`` already
    event_id: int


def row_label(r: LabelRow) -> Label:
    return Label(r.name, r.colour, r.hotkey, r.position, r.description)


def _rows(s: Session) -> dict[str, LabelRow]:
    return {r.name: r for r in s.scalars(select(LabelRow).with_for_update())}


def _free_hotkey(rows: dict[str, LabelRow], name: str, hotkey: str | None) -> None:
    holder = next((r.name for r in rows.values() if hotkey and r.hotkey == hotkey and r.name != name), None)
    if holder is not None:
        raise LabelError(Reason.of(K.LABEL_HOTKEY_TAKEN, hotkey=hotkey, holder=holder))


def _log(s: Session, by: AnnotatorId | None, action: str, payload: dict[str, Any]) -> int:
    event = EventRow(annotator_id=by, document_id=None, action=action, payload=payload)
    s.add(event)
    s.flush()
    return event.id


def label_fields(label: Label) -> dict[str, Any]:
    """A label's columns but its name, as its row and its events hold them."""
    return {
        "colour": label.colour,
        "hotkey": label.hotkey,
        "position": label.position,
        "description": label.description,
    }


class LabelEdits:
    def __init__(self, db: Database) -> None:
        self._db = db

    def usage(self) -> dict[str, int]:
        """How many spans (any layer) use each label."""
        with self._db.session_factory() as s:
            return dict(s.execute(select(SpanRow.label, func.count()).group_by(SpanRow.label)).all())

    def add(self, label: Label, by: Actor = None) -> Label:
        """Add ``label`` at the end of the label set."""
        check_definition(label.name, label.colour, label.hotkey, label.description)
        with self._db.transaction() as s:
            by = acting(s, by)  # a founder is made the lead here (storage.founder)
            rows = _rows(s)
            if label.name in rows:
                raise LabelError(Reason.of(K.LABEL_EXISTS, name=label.name))
            _free_hotkey(rows, label.name, label.hotkey)
            position = max((r.position for r in rows.values()), default=-1) + 1
            added = replace(label, position=position)
            s.add(LabelRow(name=added.name, **label_fields(added)))
            _log(s, by, "label_add", {"label": added.name, **label_fields(added)})
            return added

    def edit(
        self,
        name: str,
        *,
        new_name: str | None = None,
        colour: str | None = None,
        hotkey: str | None = "",
        description: str | None = None,
        by: Actor = None,
    ) -> Label:
        """Change a label's name, colour, hotkey (``None`` takes it away, ``""`` leaves it) or description.
        A new name follows into every span (the foreign key cascades)."""
        with self._db.transaction() as s:
            by = acting(s, by)
            rows = _rows(s)
            row = rows.get(name)
            if row is None:
                raise LabelError(Reason.of(K.LABEL_UNKNOWN, name=name))
            before = row_label(row)
            after = Label(
                new_name if new_name is not None else row.name,
                colour if colour is not None else row.colour,
                row.hotkey if hotkey == "" else hotkey,
                row.position,
                description if description is not None else row.description,
            )
            check_definition(after.name, after.colour, after.hotkey, after.description)
            if after.name != name and after.name in rows:
                raise LabelError(Reason.of(K.LABEL_EXISTS, name=after.name))
            _free_hotkey(rows, name, after.hotkey)
            if after == before:
                return after
            row.name, row.colour, row.hotkey, row.description = (
                after.name,
                after.colour,
                after.hotkey,
                after.description,
            )
            s.flush()
            changed = {
                k: [getattr(before, k), getattr(after, k)]
                for k in Label.__slots__
                if getattr(before, k) != getattr(after, k)
            }  # type: ignore[attr-defined]
            _log(s, by, "label_edit", {"label": name, "changed": changed})
            return after

    def order(self, names: list[str], by: Actor = None) -> list[str]:
        """Put the labels in the order of ``names``; labels not named follow in their present order."""
        with self._db.transaction() as s:
            by = acting(s, by)
            rows = _rows(s)
            unknown = [n for n in names if n not in rows]
            if unknown:
                raise LabelError(Reason.of(K.LABEL_UNKNOWN, name=", ".join(unknown)))
            rest = sorted(
                (r for r in rows.values() if r.name not in names), key=lambda r: (r.position, r.name)
            )
            ordered = list(dict.fromkeys(names)) + [r.name for r in rest]
            for i, n in enumerate(ordered):
                rows[n].position = i
            _log(s, by, "label_order", {"order": ordered})
            return ordered

    def remove(self, name: str, merge_into: str | None = None, by: Actor = None) -> MergeReport:
        """Remove a label. One in use is refused (LabelInUse) unless ``merge_into`` names the label its spans
        take; a merge is one transaction, logged with the spans it moved so that ``unmerge`` undoes it."""
        with self._db.transaction() as s:
            by = acting(s, by)
            rows = _rows(s)
            row = rows.get(name)
            if row is None:
                raise LabelError(Reason.of(K.LABEL_UNKNOWN, name=name))
            used = s.scalar(select(func.count()).select_from(SpanRow).where(SpanRow.label == name)) or 0
            if merge_into is None and used:
                raise LabelInUse(name, used)
            if merge_into is not None and (merge_into == name or merge_into not in rows):
                raise LabelError(Reason.of(K.LABEL_CANNOT_MERGE, name=name, into=merge_into))
            dropped: list[int] = []
            moved: list[int] = []
            if merge_into is not None:
                twins = select(SpanRow.id).where(  # the same suggestion made as both labels: one is enough
                    SpanRow.layer == str(Layer.SUGGESTION),
                    SpanRow.label == merge_into,
                    SpanRow.document_id == _OUTER.document_id,
                    SpanRow.start == _OUTER.start,
                    SpanRow.end == _OUTER.end,
                )
                dropped = list(
                    s.scalars(
                        select(_OUTER.id).where(
                            _OUTER.label == name,
                            _OUTER.layer == str(Layer.SUGGESTION),
                            twins.exists(),
                        )
                    )
                )
                if dropped:
                    s.execute(delete(SpanRow).where(SpanRow.id.in_(dropped)))
                moved = list(s.scalars(select(SpanRow.id).where(SpanRow.label == name).order_by(SpanRow.id)))
                s.execute(
                    update(SpanRow)
                    .where(SpanRow.label == name)
                    .values(label=merge_into, version=SpanRow.version + 1)
                    .execution_options(synchronize_session=False)
                )
            definition = row_label(row)
            s.delete(row)
            s.flush()
            action = "label_merge" if merge_into is not None else "label_remove"
            event = _log(
                s,
                by,
                action,
                {"label": name, "into": merge_into, "definition": label_fields(definition), "spans": moved},
            )
            return MergeReport(name, merge_into or "", len(moved), len(dropped), event)

    def preset(self, preset: str, by: Actor = None) -> list[Label]:
        """Add the labels of ``preset`` (``model.label_presets``) that the project lacks, at the end, with
        the preset's colours and descriptions. The preset's first nine take hotkeys: their own (1 to 9)
        when free, else the lowest free one. A colour some label has already gives way to the next unused
        one of ``PRESET_COLOURS``. The preset also chooses the project's suggestion conventions
        (``PRESET_CONVENTIONS``), in the same transaction."""
        labels = PRESETS.get(preset)
        if labels is None:
            raise LabelError(Reason.of(K.LABEL_NO_PRESET, preset=preset, presets=", ".join(PRESETS)))
        with self._db.transaction() as s:
            by = acting(s, by)
            rows = _rows(s)
            taken = {r.hotkey for r in rows.values() if r.hotkey}
            colours = {r.colour.upper() for r in rows.values()}
            position = max((r.position for r in rows.values()), default=-1) + 1
            added: list[Label] = []
            for label in labels:
                if label.name in rows:
                    continue
                free = [k for k in HOTKEYS if k not in taken]
                hotkey = (
                    (label.hotkey if label.hotkey not in taken else free[0])
                    if label.hotkey and free
                    else None
                )
                if hotkey:
                    taken.add(hotkey)
                colour = label.colour
                if colour.upper() in colours:
                    colour = next((c for c in PRESET_COLOURS if c.upper() not in colours), colour)
                colours.add(colour.upper())
                new = replace(label, colour=colour, hotkey=hotkey, position=position + len(added))
                s.add(LabelRow(name=new.name, **label_fields(new)))
                added.append(new)
            conventions = PRESET_CONVENTIONS[preset]
            merge_setting(s, SETTINGS_KEY, {"conventions": conventions})
            _log(
                s,
                by,
                "label_preset",
                {"preset": preset, "added": [label.name for label in added], "conventions": conventions},
            )
            return added

    def unmerge(self, name: str, by: Actor = None) -> MergeReport:
        """Undo the last merge of ``name``: the label comes back as it was, and the spans the merge moved
        that still carry the label they were merged into take ``name`` again (suggestions it dropped are
        not brought back: the engine makes them again)."""
        with self._db.transaction() as s:
            by = acting(s, by)
            rows = _rows(s)
            if name in rows:
                raise LabelError(Reason.of(K.LABEL_UNMERGE_EXISTS, name=name))
            events = s.scalars(
                select(EventRow).where(EventRow.action == "label_merge").order_by(EventRow.id.desc())
            )
            merge = next((e for e in events if e.payload.get("label") == name), None)
            if merge is None:
                raise LabelError(Reason.of(K.LABEL_NEVER_MERGED, name=name))
            into, definition = merge.payload["into"], merge.payload["definition"]
            hotkey = definition["hotkey"]
            if hotkey and any(r.hotkey == hotkey for r in rows.values()):
                hotkey = None  # taken since: the label comes back without one
            s.add(LabelRow(name=name, **{**definition, "hotkey": hotkey}))
            s.flush()
            ids = [int(i) for i in merge.payload["spans"]]
            back = (
                list(s.scalars(select(SpanRow.id).where(SpanRow.id.in_(ids), SpanRow.label == into)))
                if ids
                else []
            )
            if back:
                s.execute(
                    update(SpanRow)
                    .where(SpanRow.id.in_(back))
                    .values(label=name, version=SpanRow.version + 1)
                    .execution_options(synchronize_session=False)
                )
            event = _log(
                s, by, "label_unmerge", {"label": name, "from": into, "spans": back, "merge": merge.id}
            )
            return MergeReport(name, into, len(back), 0, event)
