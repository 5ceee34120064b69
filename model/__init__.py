"""The pure-Python core of newstag: documents, spans, labels, suggestions, metrics, undoable commands.

Nothing in this package imports Qt or SQLAlchemy; ``tests/test_layering.py`` holds it to that.
"""
