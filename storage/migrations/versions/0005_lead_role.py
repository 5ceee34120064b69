"""the lead role

Revision ID: 0005
Revises: 0004

``annotators.role`` may be ``lead`` (``model.roles``: the lead defines labels, assigns documents, gives
roles). The first person of an existing project (the lowest id) becomes its lead when it has none.

PostgreSQL: the CHECK constraint is dropped and made again. SQLite cannot alter a CHECK constraint, and
rebuilding ``annotators`` is not safe here (migrations run with foreign keys on, inside one transaction: the
DROP of the old table would cascade to every span, progress and assignment row), so the constraint's text in
the schema is rewritten in place, as SQLite documents for changing a CHECK constraint
(https://www.sqlite.org/lang_altertable.html#otheralter: ``writable_schema``, then ``schema_version`` + 1).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

OLD = "role IN ('annotator', 'reviewer')"
NEW = "role IN ('annotator', 'reviewer', 'lead')"


def _sqlite_rewrite_check(old: str, new: str) -> None:
    bind = op.get_bind()
    sql = bind.execute(sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'annotators'"))
    table_sql = sql.scalar_one()
    if old not in table_sql:
        raise RuntimeError(f"annotators has no CHECK ({old}) to change: {table_sql}")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.execute(sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = 'annotators'"),
                 {"sql": table_sql.replace(old, new)})
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_rewrite_check(OLD, NEW)
    else:
        op.drop_constraint(op.f('ck_annotators_role'), 'annotators', type_='check')
        op.create_check_constraint(op.f('ck_annotators_role'), 'annotators', sa.text(NEW))
    op.execute("UPDATE annotators SET role = 'lead' WHERE id = (SELECT min(id) FROM annotators) "
               "AND NOT EXISTS (SELECT 1 FROM annotators WHERE role = 'lead')")


def downgrade() -> None:
    op.execute("UPDATE annotators SET role = 'reviewer' WHERE role = 'lead'")
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_rewrite_check(NEW, OLD)
    else:
        op.drop_constraint(op.f('ck_annotators_role'), 'annotators', type_='check')
        op.create_check_constraint(op.f('ck_annotators_role'), 'annotators', sa.text(OLD))
