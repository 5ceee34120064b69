"""The project's label set: names, colours, hotkeys and order (``project.labels``)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model.labels import check_label_name
from model.spans import DEFAULT_LABELS, Label
from storage.database import Database
from storage.label_edits import LabelEdits, label_fields
from storage.orm import LabelRow

# Colours for labels that arrive from imported files and are not in the label set yet.
EXTRA_COLOURS = ("#d9a21b", "#1b9fa8", "#c2418f", "#6b8e23", "#8b5a2b", "#4b6cb7", "#b7414b")


class Labels(LabelEdits):
    """The label set; its edits (add, edit, order, remove and merge, presets) are ``LabelEdits``'."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)

    def all(self) -> list[Label]:
        with self._db.session_factory() as s:
            rows = s.scalars(select(LabelRow).order_by(LabelRow.position, LabelRow.name))
            return [Label(r.name, r.colour, r.hotkey, r.position, r.description) for r in rows]

    def names(self) -> set[str]:
        return {label.name for label in self.all()}

    def ensure_defaults(self) -> None:
        """Give a new project the default label set."""
        with self._db.transaction() as s:
            if s.scalar(select(func.count()).select_from(LabelRow)):
                return
            s.add_all(LabelRow(name=label.name, **label_fields(label)) for label in DEFAULT_LABELS)

    def replace(self, labels: list[Label]) -> None:
        """Replace the label set's definitions (colour, hotkey, order); labels in use are kept."""
        for label in labels:
            check_label_name(label.name)
        with self._db.transaction() as s:
            existing = {r.name: r for r in s.scalars(select(LabelRow))}
            for row in existing.values():
                row.hotkey = None
            s.flush()
            for label in labels:
                row = existing.get(label.name) or LabelRow(name=label.name)
                for key, value in label_fields(label).items():
                    setattr(row, key, value)
                s.add(row)

    @staticmethod
    def ensure_in(session: Session, names: set[str]) -> list[str]:
        """Add labels met in imported data that the label set lacks (inside the importer's transaction);
        returns the names added. A name that cannot be a label (``model.labels``) raises LabelError."""
        known = set(session.scalars(select(LabelRow.name)))
        missing = sorted(names - known)
        for name in missing:
            check_label_name(name)
        position = session.scalar(select(func.coalesce(func.max(LabelRow.position), -1))) or 0
        for i, name in enumerate(missing, start=1):
            session.add(
                LabelRow(
                    name=name,
                    colour=EXTRA_COLOURS[(len(known) + i) % len(EXTRA_COLOURS)],
                    hotkey=None,
                    position=position + i,
                    description="added by import",
                )
            )
        if missing:
            session.flush()
        return missing
