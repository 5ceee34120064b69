"""What newstag leaves on the disk: jieba's cache in newstag's own per-user cache folder, never the shared
temporary folder; temporaries a killed process left are swept, but only ours that no process holds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from model import temporaries
from model.temporaries import sweep
from tests.conftest import ROOT

LOAD_JIEBA = """
from model.suggest.tokenizer import JiebaTokenizer
tokenizer = JiebaTokenizer()
tokenizer.load()
print([t.word for t in tokenizer.tokens("新华社北京电")])
"""
# the two other private jiebas: the CRF's words, and the words a CoNLL export keeps whole
CRF_WORDS = """
from model.crf.tokens import tokenize
print([t.word for t in tokenize("新华社北京电")])
"""
EXPORT_WORDS = """
from storage.formats.conll_writer import word_units
text = "新华社北京电"
print([text[a:b] for a, b in word_units(text, [])])
"""


def _run(code: str, cache: Path, shared: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"XDG_CACHE_HOME": str(cache), "TMPDIR": str(shared), "HOME": str(shared.parent)}
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("code", [LOAD_JIEBA, CRF_WORDS, EXPORT_WORDS], ids=["suggest", "crf", "export"])
def test_jieba_keeps_its_cache_in_newstags_own_cache_folder(tmp_path: Path, code: str) -> None:
    """jieba's default, ``/tmp/jieba.cache``, is shared by every user: another's file there is loaded, or
    cannot be replaced. The cache goes to ``user_cache_dir("newstag")``; the temporary folder stays empty."""
    cache, shared = tmp_path / "cache", tmp_path / "tmp"
    shared.mkdir()
    done = _run(code, cache, shared)
    assert done.returncode == 0, done.stderr
    assert "新华社" in done.stdout
    assert (cache / "newstag" / "jieba.cache").is_file()
    assert list(shared.iterdir()) == []
    assert oct((cache / "newstag").stat().st_mode & 0o777) == oct(0o700)


def test_without_a_cache_folder_jieba_reads_its_dictionary_and_writes_nothing(tmp_path: Path) -> None:
    cache, shared = tmp_path / "cache", tmp_path / "tmp"
    shared.mkdir()
    cache.write_text("a file where the cache folder would be")
    done = _run(LOAD_JIEBA, cache, shared)
    assert done.returncode == 0, done.stderr
    assert "新华社" in done.stdout
    assert list(shared.iterdir()) == []


TRAIN = """
import os, signal, sys
from model.crf.training import fit
from model.spans import Entity

text = "新华社北京电李鹏会见越南外交部长。"
corpus = [(text, [Entity(0, 3, "ORG"), Entity(3, 5, "LOC"), Entity(6, 8, "PER")])] * 3
killed = sys.argv[1] == "kill"


def progress(done: int, total: int) -> None:
    if killed:
        os.kill(os.getpid(), signal.SIGKILL)


fit(corpus, iterations=5, progress=progress)
"""


def test_a_killed_training_leaves_its_temporary_in_newstags_folder_until_the_next_training(
    tmp_path: Path,
) -> None:
    """crfsuite writes its model to a temporary file; a training killed (SIGKILL) left
    ``/tmp/newstag-XXXX.crfsuite`` for good. It goes to newstag's per-user cache folder now, and the next
    training removes it, but not the temporary of a training still running (it holds a lock on it), nor any
    other file."""
    fcntl = pytest.importorskip("fcntl")
    cache, shared = tmp_path / "cache", tmp_path / "tmp"
    shared.mkdir()
    killed = _run(TRAIN, cache, shared, "kill")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert list(shared.iterdir()) == []
    folder = cache / "newstag" / "training"
    (left,) = folder.iterdir()
    assert left.name.startswith("newstag-") and left.name.endswith(".crfsuite")
    running = folder / "newstag-running_.crfsuite"
    running.write_bytes(b"a training still running")
    mine = folder / "newstag-my model.crfsuite"
    mine.write_bytes(b"the user's")
    held = os.open(running, os.O_RDONLY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)
        done = _run(TRAIN, cache, shared, "finish")
    finally:
        os.close(held)
    assert done.returncode == 0, done.stderr
    assert {p.name for p in folder.iterdir()} == {running.name, mine.name}
    assert list(shared.iterdir()) == []


def test_a_temporary_swept_before_it_is_held_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between ``mkstemp`` and the lock another process's sweep may find the new temporary unheld and remove
    it (two exports to one name at once): the one handed back is always there, and held."""
    fcntl = pytest.importorskip("fcntl")
    made = tempfile.mkstemp
    swept: list[str] = []

    def swept_at_once(**kwargs: Any) -> tuple[int, str]:
        fd, name = made(**kwargs)
        if not swept:
            swept.append(name)
            sweep(tmp_path, ".out.", ".part")  # the other process, before this one holds it
        return fd, name

    monkeypatch.setattr(temporaries.tempfile, "mkstemp", swept_at_once)
    fd, path = temporaries.held_file(tmp_path, ".out.", ".part")
    try:
        assert swept and str(path) != swept[0] and path.is_file()
        assert os.fstat(fd).st_ino == path.stat().st_ino
        sweep(tmp_path, ".out.", ".part")
        assert path.is_file()  # held: a sweep leaves it
        other = os.open(path, os.O_RDONLY)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(other)
    finally:
        os.close(fd)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
