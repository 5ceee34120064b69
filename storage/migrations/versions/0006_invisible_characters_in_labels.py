"""no invisible character in a label

Revision ID: 0006
Revises: 0005

The label rule of ``model.labels`` now also refuses the invisible format characters (a zero-width space, a
joiner, a direction mark, a byte-order mark...): ``PER`` and ``PER`` + U+200B look the same in the window and
in every exported file, yet were two labels. Labels already stored that hold one are renamed first (each such
character becomes ``_``, as migration 0004 renamed whitespace), their spans following them; then the database's
rule (SQLite triggers, PostgreSQL's CHECK constraint) is made again over the wider ranges.
"""

from __future__ import annotations

import importlib

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# model.labels.FORBIDDEN_RANGES as it was when this revision was written (tests check the two agree).
FORBIDDEN = ((0x0000, 0x0020), (0x007F, 0x00A0), (0x00AD, 0x00AD), (0x061C, 0x061C), (0x1680, 0x1680),
             (0x180E, 0x180E), (0x2000, 0x200F), (0x2028, 0x202F), (0x205F, 0x2064), (0x2066, 0x206F),
             (0x3000, 0x3000), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB))

# The rule's helpers are 0004's, over other ranges: one way of building the constraint on each database.
_RULE = importlib.import_module(f"{__package__ or 'storage.migrations.versions'}."
                                "0004_one_suggestion_per_span_label_rule")


def upgrade() -> None:
    _RULE._drop_rule()
    _RULE._rename_bad_labels(FORBIDDEN)
    _RULE._create_rule(FORBIDDEN)


def downgrade() -> None:
    _RULE._drop_rule()
    _RULE._create_rule()
