"""A PostgreSQL server that stops answering in the middle of an action, and a COMMIT whose answer is lost,
played by a proxy of the test's own in front of the shared server (``tests/pg_proxy.py``). An action waited
for a frozen server for good, the window frozen with it; a lost COMMIT's answer was reported as an action
not saved, whether it had landed or not."""

from __future__ import annotations

import logging
import os
import socket
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import DBAPIError

import storage.answers
from model.commands import AddSpans, Context
from model.faults import FaultKind
from model.ops import NOT_SAVED, StoreUnavailable
from model.spans import DocumentId, Entity
from storage.pg_engine import TCP_SETTINGS, pg_engine
from storage.project import Project
from tests.conftest import snapshot
from tests.gui.conftest import add_documents
from tests.pg_proxy import BOUND, PROBE, Proxy, proxy_to

pytestmark = pytest.mark.postgres
SERVER_TCP = ("tcp_keepalives_idle", "tcp_keepalives_interval", "tcp_keepalives_count", "tcp_user_timeout")


def _accept(project: Project, doc: DocumentId) -> None:
    me = project.annotator("ann")
    AddSpans(Context(doc, me.id), [Entity(0, 2, "LOC")]).do(project.annotations)


def test_an_action_on_a_server_that_stops_answering_is_refused_after_a_bounded_wait(
    pg_project: Project, proxied: Project, proxy: Proxy
) -> None:
    (doc,) = add_documents(pg_project, ["北京欢迎你"])
    pg_project.annotator("ann")
    before = snapshot(pg_project)
    proxy.freeze_at(b"INSERT INTO spans")  # the server freezes in the middle of the action
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as caught:
        _accept(proxied, doc)
    waited = time.monotonic() - started
    assert BOUND + PROBE <= waited < BOUND + PROBE + 2, waited
    assert caught.value.kind is FaultKind.UNAVAILABLE
    said = str(caught.value)
    assert f"the database postgresql+psycopg://postgres@127.0.0.1:{proxy.port}/" in said
    assert said.endswith(
        "stopped answering (no answer from the server in 1 seconds): the server may be frozen, or the "
        "network to it down; your action was not saved"
    ), said
    proxy.thaw()
    assert snapshot(pg_project) == before
    _accept(proxied, doc)  # the server answers again: the same action is saved, the project not reopened
    assert len(snapshot(pg_project)["spans"]) == 1


def test_the_time_spent_saved_by_the_windows_timer_is_bounded_as_an_action_is(
    pg_project: Project, proxied: Project, proxy: Proxy
) -> None:
    (doc,) = add_documents(pg_project, ["北京欢迎你"])
    me = pg_project.annotator("ann")
    proxy.freeze_at(b"INSERT INTO progress")
    started = time.monotonic()
    with pytest.raises(DBAPIError, match="no answer from the server in 1 seconds"):
        proxied.annotations.add_time(doc, me.id, 12.0)
    assert time.monotonic() - started < BOUND + PROBE + 2
    proxy.thaw()
    proxied.annotations.add_time(doc, me.id, 12.0)  # the time tracker tries again: saved
    with pg_project.engine.connect() as conn:
        assert conn.execute(text("SELECT seconds_spent FROM progress")).scalars().all() == [12.0]


def test_a_commit_whose_answer_is_lost_but_landed_is_saved_once(
    pg_project: Project, proxied: Project, proxy: Proxy
) -> None:
    (doc,) = add_documents(pg_project, ["北京欢迎你"])
    pg_project.annotator("ann")
    proxy.at_commit("forward")  # the server gets the COMMIT; the line goes before its answer comes back
    me = proxied.annotator("ann")
    # asked again on a new connection: it landed, so it is done (and not sent again), with a note
    change = AddSpans(Context(doc, me.id), [Entity(0, 2, "LOC")]).do(proxied.annotations)
    assert proxy.commits_seen == 1
    assert len(change.inserted) == 1
    assert change.landed is not None and change.landed.kind is FaultKind.LANDED
    assert change.landed.render().endswith("; asked again, the server has it"), change.landed.render()
    saved = snapshot(pg_project)
    assert len(saved["spans"]) == 1 and len(saved["events"]) == 1


def test_a_commit_cut_before_it_reached_the_server_is_refused_as_not_saved(
    pg_project: Project, proxied: Project, proxy: Proxy
) -> None:
    (doc,) = add_documents(pg_project, ["北京欢迎你"])
    pg_project.annotator("ann")
    before = snapshot(pg_project)
    proxy.at_commit("drop")
    with pytest.raises(StoreUnavailable) as caught:
        _accept(proxied, doc)
    assert proxy.commits_seen == 1
    assert caught.value.kind is FaultKind.UNAVAILABLE
    said = str(caught.value)
    assert said.startswith("the connection to the database postgresql+psycopg://postgres@127.0.0.1:"), said
    assert " was lost as the action was being committed (" in said
    assert "server closed the connection unexpectedly" in said  # the driver's words
    assert said.endswith("); asked again, the server does not have it; your action was not saved"), said
    assert snapshot(pg_project) == before


def test_a_commit_whose_answer_is_lost_with_the_server_is_said_to_be_in_doubt(
    pg_project: Project, proxied: Project, proxy: Proxy
) -> None:
    (doc,) = add_documents(pg_project, ["北京欢迎你"])
    pg_project.annotator("ann")
    proxy.at_commit("freeze")  # no answer to the COMMIT, and no new connection to ask on
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as caught:
        _accept(proxied, doc)
    assert time.monotonic() - started < BOUND + PROBE + 3
    assert caught.value.kind is FaultKind.IN_DOUBT
    said = str(caught.value)
    assert "was lost as the action was being committed (no answer from the server in 1 seconds)" in said
    assert said.endswith(
        "the server cannot be asked whether it was saved: open the document again once the server answers "
        "to see whether it was"
    ), said
    assert not said.endswith(NOT_SAVED.format(""))


def test_the_tcp_bounds_apply_unless_the_url_sets_its_own(pg_database: str) -> None:
    project = Project.open(pg_database + "?keepalives_idle=7")
    try:
        with project.engine.connect() as conn:
            used = conn.connection.dbapi_connection.info.get_parameters()  # type: ignore[union-attr]
    finally:
        project.close()
    assert used["keepalives_idle"] == "7"
    for key in ("keepalives", "keepalives_interval", "keepalives_count", "tcp_user_timeout"):
        assert used[key] == str(TCP_SETTINGS[key]), key


def test_the_servers_side_of_a_connection_gives_up_a_client_the_network_no_longer_reaches(
    pg_project: Project,
) -> None:
    with pg_project.engine.connect() as conn:
        shown = {
            name: conn.execute(text(f"SHOW {name}")).scalar_one()
            for name in ("tcp_keepalives_idle", "tcp_keepalives_interval", "tcp_keepalives_count")
        }
        checked = conn.execute(text("SHOW client_connection_check_interval")).scalar_one()
    assert shown == {"tcp_keepalives_idle": "3", "tcp_keepalives_interval": "2", "tcp_keepalives_count": "3"}
    assert checked == "2s"


def test_the_servers_side_keeps_the_keepalives_between_transactions(pg_project: Project) -> None:
    # set only in each transaction (SET LOCAL), they went back to the server's between transactions: the
    # backend of a connection idle in the pool, its client gone with the network, stayed about two hours.
    # tcp_user_timeout stays the server's: set for the session, through a pooler it cut off another
    # program's slow read of a big result (tests/storage/test_pg_pooled.py)
    with pg_project.engine.connect() as conn:
        default = conn.execute(text("SELECT reset_val FROM pg_settings WHERE name = 'tcp_user_timeout'"))
        default_user_timeout = default.scalar_one()
    with pg_project.engine.connect():
        pass  # a connection of the pool, idle now
    with pg_project.engine.connect() as conn:
        idle: Any = conn.connection.dbapi_connection
        idle.commit()  # out of the transaction SQLAlchemy began: what an idle connection has
        idle.autocommit = True
        try:
            shown = {name: idle.execute(f"SHOW {name}").fetchone()[0] for name in SERVER_TCP}
        finally:
            idle.autocommit = False
    assert shown == {
        "tcp_keepalives_idle": "3",
        "tcp_keepalives_interval": "2",
        "tcp_keepalives_count": "3",
        "tcp_user_timeout": default_user_timeout,
    }
    assert default_user_timeout != "9000"  # else the test would show nothing


def test_a_server_that_refuses_a_setting_of_ours_still_lets_newstag_connect(
    pg_database: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A PostgreSQL 14+ server on Windows refuses any client_connection_check_interval but 0: every
    connection failed, the project could not be opened at all. A refused setting is logged and left out."""
    import storage.pg_engine

    monkeypatch.setitem(storage.pg_engine.SERVER_SETTINGS, "client_connection_check_interval", "'-5s'")
    with caplog.at_level(logging.WARNING, logger="storage.pg_engine"):
        project = Project.open(pg_database)
        try:
            with project.engine.connect() as conn:
                assert conn.execute(text("SHOW client_connection_check_interval")).scalar_one() == "0"
                assert conn.execute(text("SHOW tcp_keepalives_idle")).scalar_one() == "3"  # the others stay
        finally:
            project.close()
    assert "refuses SET client_connection_check_interval" in caplog.text


def _parameters(url: str) -> dict[str, str]:
    engine = pg_engine(make_url(url), connect_wait_s=5, lock_wait_ms=5000)
    try:
        with engine.connect() as conn:
            return conn.connection.dbapi_connection.info.get_parameters()  # type: ignore[union-attr]
    finally:
        engine.dispose()


def test_a_service_and_the_environment_keep_their_own_connection_settings(
    pg_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = make_url(pg_database)
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[newstag_test]\nhost={parsed.host}\nport={parsed.port or 5432}\nuser={parsed.username}\n"
        f"dbname={parsed.database}\nkeepalives_idle=9\ntcp_user_timeout=20000\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    monkeypatch.setenv("PGCONNECT_TIMEOUT", "17")
    used = _parameters("postgresql+psycopg://?service=newstag_test")
    assert used["keepalives_idle"] == "9" and used["tcp_user_timeout"] == "20000"
    assert used["connect_timeout"] == "17"
    assert used["keepalives_interval"] == str(TCP_SETTINGS["keepalives_interval"])  # the service has none
    monkeypatch.delenv("PGCONNECT_TIMEOUT")
    assert _parameters(pg_database)["connect_timeout"] == "5"


def test_a_psycopg_without_the_bounded_wait_is_logged_as_an_error(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import psycopg.errors

    storage.answers.connection_class.cache_clear()
    try:
        storage.answers.connection_class()
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR]  # the installed one has it
        monkeypatch.delattr(psycopg.errors, "_WaitTimeout")
        storage.answers.connection_class.cache_clear()
        with caplog.at_level(logging.ERROR, logger="storage.answers"):
            storage.answers.connection_class()
    finally:
        monkeypatch.undo()
        storage.answers.connection_class.cache_clear()
    assert "has no bounded wait" in caplog.text and "psycopg >= 3.3.6" in caplog.text


def test_the_proxy_leaves_no_port_open_and_no_thread_running(pg_database: str) -> None:
    with proxy_to(pg_database) as proxy:
        engine = create_engine(proxy.url(pg_database))
        with engine.connect() as conn:
            assert conn.execute(text("SELECT 1")).scalar_one() == 1
        engine.dispose()
    assert not [t for t in proxy._threads if t.is_alive()]
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", proxy.port), timeout=2)


def test_a_slow_statement_on_a_server_that_answers_is_waited_for_past_the_bound(
    pg_project: Project, proxied: Project, proxy: Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a label renamed over millions of spans takes minutes on a healthy server: it was refused after the
    # bound as a server that stopped answering. Asked on a new connection (through the proxy, as the
    # statement's), the server answers that the statement is still running: it is waited for
    monkeypatch.setattr(storage.answers, "ANSWER_WAIT_S", 2)
    accepted = proxy.accepted
    started = time.monotonic()
    with proxied.engine.connect() as conn:
        assert conn.execute(text("SELECT pg_sleep(5.5), 7")).one()[1] == 7
    assert 5.5 <= time.monotonic() - started < 9
    assert (
        proxy.accepted - accepted >= 2
    )  # a new connection at each bound, through the proxy as the statement's


def test_a_frozen_server_is_still_refused_when_a_new_connection_gets_no_answer_either(
    pg_project: Project, proxied: Project, proxy: Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage.answers, "ANSWER_WAIT_S", 2)
    with proxied.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
        accepted = proxy.accepted
        proxy.freeze_at(b"pg_sleep")  # the server freezes as the statement is sent, new connections too
        started = time.monotonic()
        with pytest.raises(DBAPIError, match="no answer from the server in 2 seconds"):
            conn.execute(text("SELECT pg_sleep(0.1)"))
        waited = time.monotonic() - started
    assert 4 <= waited < 5.5, waited  # the bound, then the new connection's wait (half a bound, 2 s at least)
    assert proxy.accepted == accepted + 1  # the new connection went through the frozen proxy


def test_a_statement_the_server_says_is_still_running_is_refused_after_the_long_bound(
    pg_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # waited for while the server says it is working, but not for good: a runaway statement, a backend stuck
    # on hung storage (pg_stat_activity still answers) froze the window for good
    monkeypatch.setattr(storage.answers, "ANSWER_WAIT_S", 1)
    monkeypatch.setattr(storage.answers, "LONG_WAIT_S", 3)
    started = time.monotonic()
    with (
        pg_project.engine.connect() as conn,
        pytest.raises(DBAPIError, match="no answer from the server in 3 s"),
    ):
        conn.execute(text("SELECT pg_sleep(20)"))
    assert 3 <= time.monotonic() - started < 8


def test_a_commit_waiting_for_a_synchronous_standby_that_is_gone_is_not_waited_for_good() -> None:
    # a COMMIT waiting for a standby (SyncRep) is `active` as long as the standby stays away: asked whether it
    # still works, the server said yes at every bound, and the window waited for good
    import threading

    from storage.answers import answering
    from tests.private_pg import private_cluster

    with private_cluster() as cluster:
        project = Project.open(cluster.url)
        try:
            with project.engine.connect() as conn:
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
                conn.execute(text("ALTER SYSTEM SET synchronous_standby_names = 'nobody'"))
                conn.execute(text("SELECT pg_reload_conf()"))
            time.sleep(0.5)
            ended: list[object] = []

            def save() -> None:
                with answering(1):
                    try:
                        project.settings.set("probe", {"x": 1})
                        ended.append("returned")
                    except Exception as exc:
                        ended.append(exc)

            started = time.monotonic()
            worker = threading.Thread(target=save, daemon=True)
            worker.start()
            worker.join(timeout=20)
            assert ended, "still waiting after 20 s for a COMMIT no standby will confirm"
            assert time.monotonic() - started < 15
        finally:
            project.close()


def test_a_project_opens_on_a_read_only_standby() -> None:
    # every unit of work took its transaction's id before COMMIT, the read-only ones too: on a standby
    # (pg_current_xact_id() "cannot be executed during recovery") no project opened any more
    import subprocess

    from tests.private_pg import _free_port, private_cluster

    with private_cluster() as cluster:
        primary = Project.open(cluster.url)
        primary.close()
        standby = cluster.folder / "standby"
        basebackup = Path(os.path.realpath(cluster.programs / "pg_ctl")).parent / "pg_basebackup"
        if not basebackup.exists():
            pytest.skip("pg_basebackup is not installed")
        copy = [
            str(basebackup),
            "-D",
            str(standby),
            "-R",
            "-h",
            "127.0.0.1",
            "-p",
            str(cluster.port),
            "-U",
            "newstag",
        ]
        subprocess.run(
            ["runuser", "-u", cluster.user, "--", *copy] if cluster.user else copy,
            check=True,
            capture_output=True,
        )
        port = _free_port()
        options = f"-p {port} -k {cluster.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(cluster.folder / "standby.log")
        cluster._run("pg_ctl", "-D", str(standby), "-o", options, "-l", log, "-w", "start")
        try:
            project = Project.open(cluster.url.replace(f":{cluster.port}/", f":{port}/"))
            try:
                assert {label.name for label in project.labels.all()} >= {"PER", "LOC", "ORG"}
            finally:
                project.close()
        finally:
            cluster._run("pg_ctl", "-D", str(standby), "-w", "-m", "fast", "stop")
            subprocess.run(["rm", "-rf", str(standby)], check=False)


def test_a_slow_statement_is_waited_for_when_the_server_refuses_a_new_connection_for_too_many_clients(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the server answered the asking connection at once ("sorry, too many clients already"): it was taken
    # for a server that does not answer, and the slow statement refused
    import psycopg

    from tests.private_pg import private_cluster

    monkeypatch.setattr(storage.answers, "ANSWER_WAIT_S", 1)
    with private_cluster() as cluster:
        with psycopg.connect(
            f"host=127.0.0.1 port={cluster.port} user=newstag dbname=postgres", autocommit=True
        ) as c:
            c.execute("ALTER SYSTEM SET max_connections = 4")
        cluster.pg_ctl("restart")
        project = Project.open(cluster.url)
        held: list[psycopg.Connection] = []
        try:
            with project.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
                while True:  # every other slot taken
                    try:
                        held.append(
                            psycopg.connect(
                                f"host=127.0.0.1 port={cluster.port} user=newstag dbname=postgres"
                            )
                        )
                    except psycopg.OperationalError as exc:
                        assert "too many clients" in str(exc)
                        break
                started = time.monotonic()
                assert conn.execute(text("SELECT pg_sleep(2.5), 7")).one()[1] == 7
                assert 2.5 <= time.monotonic() - started < 6
        finally:
            for c in held:
                c.close()
            project.close()
