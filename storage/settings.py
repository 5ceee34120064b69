"""Project-wide settings kept in the database (``project.settings``): one JSON object per key."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from storage.database import Database
from storage.orm import SettingRow

SETTINGS_KEY = "model"  # the model's settings (``storage.training.ModelSettings``)


class Settings:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: dict[str, Any] | None = None) -> dict[str, Any]:
        with self._db.session_factory() as s:
            row = s.get(SettingRow, key)
            return dict(row.value) if row else dict(default or {})

    def set(self, key: str, value: dict[str, Any]) -> None:
        with self._db.transaction() as s:
            row = s.get(SettingRow, key)
            if row is None:
                s.add(SettingRow(key=key, value=value))
            else:
                row.value = value


def merge_setting(s: Session, key: str, values: dict[str, Any]) -> None:
    """Set some fields of the setting ``key`` (the others stay) inside the caller's transaction ``s``."""
    row = s.get(SettingRow, key)
    if row is None:
        s.add(SettingRow(key=key, value=dict(values)))
    else:
        row.value = {**row.value, **values}
