"""A network that goes silent under an idle pooled connection (a laptop's Wi-Fi, a VPN, a cable): played in
a network namespace of the test's own (``unshare --net``, its loopback taken down: every packet dropped,
no reset either way), with a PostgreSQL cluster of its own in it (``tests/dead_network.py``); the shared
server is not touched. libpq's keepalives (idle 5 s, then 3 probes 2 s apart) and its 10 s user timeout gave
the connection up after 11 s, beyond the 10 s answer bound; now within it. The network back, the next
action is saved at once: the pool's pre-ping finds the dead connection and makes a new one; and the server
has ended the idle connection's backend (it kept it for two hours, a connection slot) and that of an action
cut off in its transaction (its row lock held)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from model.faults import ANSWER_WAIT_S
from tests.conftest import ROOT

pytestmark = pytest.mark.postgres


def _namespaces() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None or shutil.which("ip") is None:
        return False
    return subprocess.run(["unshare", "--net", "true"], capture_output=True).returncode == 0


def test_an_idle_pooled_connection_whose_network_goes_silent_is_found_dead_within_the_answer_bound() -> None:
    if not _namespaces():
        pytest.skip("needs root, unshare and ip: a network namespace of the test's own")
    done = subprocess.run(
        ["unshare", "--net", sys.executable, "-m", "tests.dead_network"],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    skipped = re.search(r"Skipped: (.+)", done.stderr) if done.returncode else None
    if skipped:  # the child's private cluster cannot be made (no initdb; root with no postgres user)
        pytest.skip(skipped.group(1))
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["two_backends"] is True, found  # the idle connection is not the action's
    assert found["found_dead"] is not None and found["found_dead"] < ANSWER_WAIT_S, found
    assert found["saved"] is True and found["spans"] == 2, found
    assert found["next_action"] < 2, found  # no wait: the dead connection is known dead
    # the server gave up the idle connection's backend too, before the network came back: its keepalives
    # were newstag's only inside a transaction (SET LOCAL), and between transactions the server's default
    # kept it for about two hours; and the backend of an action cut off mid-transaction, holding its row
    # lock, whose answer was never acknowledged (keepalives wait while data is unacknowledged: the server's
    # retransmissions went on for about 15 minutes; ``tcp_user_timeout`` ends them)
    assert found["backend_left"] == 0 and found["busy_backend_left"] == 0, found
