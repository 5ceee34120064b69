"""What newstag remembers between runs (the annotator's name, window geometry): a small JSON file in the
user's config folder (``$NEWSTAG_CONFIG_DIR`` overrides it, which the tests use)."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

logger = logging.getLogger(__name__)


def config_dir() -> Path:
    return Path(os.environ.get("NEWSTAG_CONFIG_DIR") or user_config_dir("newstag", appauthor=False))


def load() -> dict[str, Any]:
    path = config_dir() / "settings.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        logger.warning("ignoring unreadable settings %s: %s", path, exc)
        return {}


def save(**values: Any) -> None:
    data = load() | values
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / "settings.json.tmp"
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(folder / "settings.json")
