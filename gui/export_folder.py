"""Where a folder chosen with Browse… puts a folder export: a folder picker chooses where the export goes,
not what it may replace. An empty folder takes the export itself; a folder with anything in it (the user's
Documents, a project folder) gets a new folder inside it, ``newstag-FORMAT`` (``-2``, ``-3``… beside earlier
ones), so that answering Yes to "Replace it?" never deletes what the user keeps there. Typing a path that
exists still replaces it, after asking, as ``newstag export --overwrite`` does."""

from __future__ import annotations

from pathlib import Path


def folder_export_target(picked: Path, format_name: str) -> Path:
    """The export folder for a folder ``picked`` in the file chooser."""
    try:
        empty = picked.is_dir() and not picked.is_symlink() and not any(picked.iterdir())
    except OSError:  # unreadable: the export will say why it cannot write there
        empty = False
    if empty:
        return picked
    stem = f"newstag-{format_name}"
    candidate, n = picked / stem, 1
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = picked / f"{stem}-{n}"
    return candidate
