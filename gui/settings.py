"""What newstag remembers between runs (the annotator's name, the view settings, keys, recent projects): a
small JSON file in the user's config folder (``$NEWSTAG_CONFIG_DIR`` overrides it, which the tests use).

The file is the user's: one newstag cannot read (not JSON, a folder, no permission) or that holds a value
newstag cannot use is never overwritten. It is renamed aside (``settings.json.unreadable``) before newstag
writes its own, and the window says so (``problem``). Writing goes through a temporary sibling, flushed and
renamed into place, and through a symbolic link to the file it points at. This module loads no Qt: the
command line reads the remembered annotator too.
"""

from __future__ import annotations

import contextlib
import copy
import json
import logging
import math
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

logger = logging.getLogger(__name__)

FILE_NAME = "settings.json"
ASIDE = ".unreadable"  # the suffix of a file kept aside


def config_dir() -> Path:
    return Path(os.environ.get("NEWSTAG_CONFIG_DIR") or user_config_dir("newstag", appauthor=False))


def settings_path() -> Path:
    """The settings file, through a symbolic link to the file it names (a dotfiles repository's)."""
    return Path(os.path.realpath(config_dir() / FILE_NAME))


class Trouble(Enum):
    UNREADABLE = "unreadable"  # cannot be read: a folder, no permission, an I/O error
    NOT_SETTINGS = "not-settings"  # not UTF-8 JSON holding an object
    BAD_VALUES = "bad-values"  # values newstag cannot use (their names in ``detail``)


@dataclass(frozen=True)
class Problem:
    """What is wrong with the settings file; ``kept``: where it was put aside (None: not yet, or it could
    not be, and then newstag does not write the settings at all)."""

    path: Path
    trouble: Trouble
    detail: str
    kept: Path | None = None


def _text(value: object) -> bool:
    return isinstance(value, str)


def _texts(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _number(low: float, high: float) -> Callable[[object], bool]:
    def fits(value: object) -> bool:
        number = isinstance(value, int | float) and not isinstance(value, bool)
        return number and math.isfinite(value) and low <= value <= high  # type: ignore[operator,arg-type]

    return fits


def _text_map(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _shortcuts(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(scope, dict) and all(_texts(keys) for keys in scope.values()) for scope in value.values()
    )


# What each remembered value must be for newstag to use it; a key not named here (a newer version's) is
# kept as it is.
FITS: dict[str, Callable[[object], bool]] = {
    "annotator": _text,
    "language": _text,
    "safe_colours": lambda v: isinstance(v, bool),
    "article_points": _number(4, 200),
    "line_spacing": _number(0.5, 10),
    "underlines": _text_map,
    "shortcuts": _shortcuts,
    "recent_projects": _texts,
    "entity_panel_hidden_columns": _texts,
    "window_place": _text,  # Qt's saveGeometry, base64 (gui.screen_fit)
    "review_window_place": _text,
}


def _read(path: Path) -> tuple[dict[str, Any], Problem | None]:
    """The usable settings in ``path`` and what is wrong with the file, if anything."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, None
    except OSError as exc:
        return {}, Problem(path, Trouble.UNREADABLE, exc.strerror or type(exc).__name__)
    if not raw.strip():
        return {}, None  # empty: nothing to lose
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return {}, Problem(path, Trouble.NOT_SETTINGS, str(exc))
    if not isinstance(data, dict):
        return {}, Problem(path, Trouble.NOT_SETTINGS, f"a JSON {type(data).__name__}, not an object")
    bad = sorted(key for key, fits in FITS.items() if key in data and not fits(data[key]))
    usable = {key: value for key, value in data.items() if key not in bad}
    return usable, Problem(path, Trouble.BAD_VALUES, ", ".join(bad)) if bad else None


# The last file read and what it held, while its stat says it is the same file: the window asks for its
# settings many times as it comes up (keys, view, columns, places), and another window's save is still seen.
_last: tuple[tuple[object, ...], dict[str, Any], Problem | None] | None = None
_SETTLED_NS = 2_000_000_000  # a file changed this recently may change again within its timestamp's tick


def _read_once(path: Path) -> tuple[dict[str, Any], Problem | None]:
    """``_read``, not again while the file's stat (inode, size, change times) stays as it was; a file
    modified in the last two seconds is read each time, as two writes in one timestamp tick look alike."""
    global _last
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return {}, None
    except OSError:
        return _read(path)  # _read says what is wrong
    key = (str(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    if _last is None or _last[0] != key:
        data, found = _read(path)
        if found is not None:
            logger.warning("settings %s: %s (%s)", path, found.trouble.value, found.detail)
        settled = time.time_ns() - st.st_mtime_ns > _SETTLED_NS
        _last = (key, copy.deepcopy(data), found) if settled else None
        return data, found
    return copy.deepcopy(_last[1]), _last[2]


def load() -> dict[str, Any]:
    """The remembered settings newstag can use (none from a file it cannot read)."""
    return _read_once(settings_path())[0]


def problem() -> Problem | None:
    """What is wrong with the settings file now, or None."""
    return _read_once(settings_path())[1]


def _aside_name(path: Path) -> Path:
    for n in range(1, 1000):
        candidate = path.with_name(path.name + ASIDE + (f"-{n}" if n > 1 else ""))
        if not os.path.lexists(candidate):
            return candidate
    raise FileExistsError(path.with_name(path.name + ASIDE))


def keep_aside() -> Problem | None:
    """If the settings file cannot be used as it is, rename it aside (never over another file) so newstag
    may write its own; the problem, with where the file went (``kept`` None: it could not be moved)."""
    found = problem()
    return None if found is None else _put_aside(found)


def _put_aside(found: Problem) -> Problem:
    try:
        kept = _aside_name(found.path)
        found.path.rename(kept)
    except OSError as exc:
        logger.warning("cannot move the settings file %s aside: %s", found.path, exc)
        return found
    logger.warning("settings %s (%s) kept as %s", found.path, found.detail, kept)
    _said.append(moved := Problem(found.path, found.trouble, found.detail, kept))
    return moved


_said: list[Problem] = []  # files moved aside in this run that no window has told of yet


def take_notice() -> Problem | None:
    """For a window coming up: what was wrong with the settings file (moved aside now, or earlier in this
    run without a window to say so), once."""
    found = keep_aside()
    earlier = [said for said in _said if said.path == settings_path()]
    _said.clear()
    return found if found is not None else (earlier[0] if earlier else None)


def save(**values: Any) -> None:
    """Remember ``values`` beside the other settings. Never raises: a setting that cannot be written (a full
    disk, a read-only folder, a file that cannot be moved aside) is logged and not remembered."""
    path = settings_path()
    usable, found = _read(path)  # what can be used of a file about to be moved aside is kept
    data = usable | values
    if found is not None and _put_aside(found).kept is None:
        return  # the user's file stays as it is
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(json.dumps(data, ensure_ascii=False, indent=2))
                f.flush()
                os.fsync(f.fileno())
            os.replace(name, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(name)
            raise
    except OSError as exc:
        logger.warning("cannot save the settings to %s: %s", path, exc)
