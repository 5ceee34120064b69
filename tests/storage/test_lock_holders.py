"""How a session holding locks is named (``storage.lock_holders``): when its transaction began was the time
of day only, so a peer frozen since yesterday read as if it had been since this morning."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

import pytest

import storage.answers
from storage.lock_holders import holding, since


class _Probe:
    """A connection the lock-holders query is asked on, answering ``rows``."""

    rows: ClassVar[list[tuple[Any, ...]]] = []

    @classmethod
    def connect(cls, *_args: Any, **_kwargs: Any) -> _Probe:
        return cls()

    def execute(self, *_args: Any, **_kwargs: Any) -> _Probe:
        return self

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self.rows

    def close(self) -> None:
        pass


def test_a_holder_since_another_day_is_named_with_the_date(monkeypatch: pytest.MonkeyPatch) -> None:
    now = datetime.now(UTC)
    yesterday = now - timedelta(days=1, minutes=5)
    _Probe.rows = [
        (4242, "newstag bob@desk-3", "bob", "10.0.0.7", "idle in transaction", yesterday),
        (4343, "psql", "lead", None, "idle in transaction", now - timedelta(seconds=30)),
    ]
    monkeypatch.setattr(storage.answers, "connection_class", lambda: _Probe)
    said = holding(([], {}), 1)
    local = yesterday.astimezone()
    assert f"4242 (newstag bob@desk-3, bob@10.0.0.7, idle in transaction, {local:%Y-%m-%d %H:%M:%S})" in said
    today = (now - timedelta(seconds=30)).astimezone()
    if today.date() == datetime.now().astimezone().date():  # not just past midnight
        assert f"4343 (psql, lead@local, idle in transaction, {today:%H:%M:%S})" in said


def test_since_compares_local_days(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "CST-8")  # Beijing's time, UTC+8
    time.tzset()
    try:
        now = datetime(2026, 12, 2, 1, 0, tzinfo=UTC)  # 09:00 on 2 December in Beijing
        assert since(datetime(2026, 12, 1, 23, 50, tzinfo=UTC), now) == "07:50:00"  # same day there
        assert since(datetime(2026, 12, 1, 15, 50, tzinfo=UTC), now) == "2026-12-01 23:50:00"
    finally:
        monkeypatch.undo()
        time.tzset()
