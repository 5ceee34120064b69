"""Persistence for newstag: SQLAlchemy 2.0 models, Alembic migrations, import and export formats.

ORM rows stay inside this package; callers see the value objects of ``model.spans``.
"""
