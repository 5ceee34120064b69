"""``newstag train`` killed (SIGKILL) while it stores its model: the project opens afterwards, the model
that served before still serves, and there is no half model row; on SQLite and on PostgreSQL."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from storage.project import Project
from tests.conftest import ROOT
from tests.test_cli import name_place_corpus, newstag

# train, killed the moment its model row has gone to the database and before the transaction commits
KILLED_STORING = """
import os, signal, sys
from sqlalchemy import event
from sqlalchemy.orm import Session
from gui.cli import main

@event.listens_for(Session, "after_flush")
def die(session, _context):
    if any(type(row).__name__ == "TrainedModelRow" for row in session.new):
        os.kill(os.getpid(), signal.SIGKILL)

sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL here")
def test_train_killed_while_storing_its_model_leaves_the_previous_one_serving(
    project: Project, tmp_path: Path
) -> None:
    url = project.engine.url.render_as_string(hide_password=False)
    corpus = name_place_corpus(tmp_path / "base.bio", 8)
    train = ["train", "--base-corpus", str(corpus), "--iterations", "5", "--db", url, "--quiet"]
    first = newstag(*train)
    assert first.returncode == 0, first.stderr
    (stored,) = project.trained_models.stored("crf-base")
    killed = subprocess.run([sys.executable, "-c", KILLED_STORING, *train], cwd=ROOT, capture_output=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with Project.open(url) as again:  # opens (SQLite: its integrity check passes)
        assert [m.id for m in again.trained_models.stored("crf-base")] == [stored.id]
        serving = again.training.serving_model()
        assert serving is not None and serving[0] == stored.id
    following = newstag(*train)
    assert following.returncode == 0, following.stderr  # and the next training stores its model
    assert len(project.trained_models.stored("crf-base")) == 2
