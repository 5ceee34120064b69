"""one suggestion per span, and the label rule in the database

Revision ID: 0004
Revises: 0003

- ``uq_spans_suggestion``: a document holds at most one machine suggestion per (start, end, label), so two
  windows storing the same document's suggestions at once cannot double them. Duplicates already stored are
  removed first (the oldest row of each is kept).
- The label rule of ``model.labels`` (1 to 64 characters, no whitespace, no control character) is enforced by
  the database: a CHECK constraint on PostgreSQL, BEFORE INSERT/UPDATE triggers on SQLite (which cannot add a
  CHECK to a table without rebuilding it, and ``labels`` is referenced by ``spans``). Labels already stored
  that break it are renamed first (each bad character becomes ``_``), their spans following them.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

MAX_LENGTH = 64
# model.labels.FORBIDDEN_RANGES as it was when this revision was written (tests check the two agree).
FORBIDDEN = ((0x0000, 0x0020), (0x007F, 0x00A0), (0x1680, 0x1680), (0x2000, 0x200A), (0x2028, 0x2029),
             (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000))
TRIGGERS = ("labels_name_rule_insert", "labels_name_rule_update")
Ranges = tuple[tuple[int, int], ...]

# The helpers take the ranges as an argument: migration 0006 makes the same constraint again over more of them.


def _pg_check(forbidden: Ranges = FORBIDDEN) -> str:
    ranges = "".join(f"\\u{max(a, 1):04x}-\\u{b:04x}" for a, b in forbidden)
    return f"char_length(name) BETWEEN 1 AND {MAX_LENGTH} AND name !~ '[{ranges}]'"


def _sqlite_ok(column: str, forbidden: Ranges = FORBIDDEN) -> str:
    ranges = " || ".join(f"char({max(a, 1)}) || '-' || char({b})" for a, b in forbidden)
    return f"length({column}) BETWEEN 1 AND {MAX_LENGTH} AND {column} NOT GLOB '*[' || {ranges} || ']*'"


def _create_rule(forbidden: Ranges = FORBIDDEN) -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger, when in zip(TRIGGERS, ("INSERT", "UPDATE OF name"), strict=True):
            op.execute(f"CREATE TRIGGER {trigger} BEFORE {when} ON labels "
                       f"WHEN NOT ({_sqlite_ok('NEW.name', forbidden)}) "
                       "BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: ck_labels_name_rule'); END")
    else:
        op.create_check_constraint(op.f('ck_labels_name_rule'), 'labels', sa.text(_pg_check(forbidden)))


def _drop_rule() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in TRIGGERS:
            op.execute(f"DROP TRIGGER {trigger}")
    else:
        op.drop_constraint(op.f('ck_labels_name_rule'), 'labels', type_='check')


def _rename_bad_labels(forbidden: Ranges = FORBIDDEN) -> None:
    bad = re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in forbidden) + "\ud800-\udfff]")
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT name, colour, hotkey, position, description FROM labels")).all()
    taken = {r.name for r in rows}
    for row in rows:
        if 1 <= len(row.name) <= MAX_LENGTH and not bad.search(row.name):
            continue
        base = (bad.sub("_", row.name) or "LABEL")[:MAX_LENGTH]
        new, n = base, 1
        while new in taken:
            n += 1
            new = f"{base[: MAX_LENGTH - len(str(n)) - 1]}_{n}"
        taken.add(new)
        params = {"old": row.name, "new": new}
        bind.execute(sa.text("UPDATE labels SET hotkey = NULL WHERE name = :old"), params)
        bind.execute(sa.text("INSERT INTO labels (name, colour, hotkey, position, description) "
                             "VALUES (:new, :colour, :hotkey, :position, :description)"),
                     {**params, "colour": row.colour, "hotkey": row.hotkey, "position": row.position,
                      "description": row.description})
        bind.execute(sa.text("UPDATE spans SET label = :new WHERE label = :old"), params)
        bind.execute(sa.text("DELETE FROM labels WHERE name = :old"), params)


def upgrade() -> None:
    op.execute(
        "DELETE FROM spans WHERE layer = 'suggestion' AND id NOT IN ("
        "SELECT min(id) FROM spans WHERE layer = 'suggestion' GROUP BY document_id, start, \"end\", label)"
    )
    with op.batch_alter_table('spans', schema=None) as batch_op:
        batch_op.create_index('uq_spans_suggestion', ['document_id', 'start', 'end', 'label'], unique=True,
                              sqlite_where=sa.text("layer = 'suggestion'"),
                              postgresql_where=sa.text("layer = 'suggestion'"))
    _rename_bad_labels()
    _create_rule()


def downgrade() -> None:
    _drop_rule()
    with op.batch_alter_table('spans', schema=None) as batch_op:
        batch_op.drop_index('uq_spans_suggestion')
