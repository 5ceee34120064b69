"""A PostgreSQL server that stops answering in the middle of an action (frozen, or a network gone quiet):
the wait for each answer is bounded, and an action whose COMMIT was sent but whose answer never came is
looked up again, on a new connection, before anyone is told whether it was saved.

The bound is the client's: a frozen server's kernel still acknowledges what it is sent, and answers TCP
keepalives, so only a clock on this side notices that nothing comes back. It applies where ``answering`` is
in force (an annotation action), not to an import's batches or a migration, which may legitimately take
longer than a person waits for one key."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError

from model.faults import ANSWER_WAIT_S, Fault, FaultKind
from model.ops import NOT_SAVED, StoreUnavailable

logger = logging.getLogger(__name__)

_bound: ContextVar[float | None] = ContextVar("newstag_answer_wait", default=None)

# The driver's words when the bound expires (``storage.db`` words the fault from them)
NO_ANSWER = "no answer from the server in {seconds:g} seconds"

# An action whose COMMIT was sent and whose answer was lost (``commit_lost``): asked again, the server
# does not have it (then ``model.ops.NOT_SAVED``), or it cannot be asked (no NOT_SAVED: it may have been)
LOST_NOT_SAVED = (
    "the connection to {place} was lost as the action was being committed ({detail}); asked again, the "
    "server does not have it"
)
IN_DOUBT = (
    "the connection to {place} was lost as the action was being committed ({detail}), and the server cannot "
    "be asked whether it was saved: open the document again once the server answers to see whether it was"
)


@contextmanager
def answering(seconds: float | None = None) -> Iterator[None]:
    """Within the block (this thread), a PostgreSQL statement, its COMMIT included, that gets no answer in
    ``seconds`` (``ANSWER_WAIT_S``, read as the block begins) fails with OperationalError (``NO_ANSWER``),
    its connection closed and not reused."""
    token = _bound.set(ANSWER_WAIT_S if seconds is None else seconds)
    try:
        yield
    finally:
        _bound.reset(token)


@functools.cache
def connection_class() -> Any:
    """psycopg's Connection, with the wait for an answer bounded where ``answering`` is in force."""
    import psycopg
    from psycopg import errors

    timed_out = getattr(errors, "_WaitTimeout", None)

    class AnsweringConnection(psycopg.Connection):  # type: ignore[type-arg]
        def wait(self, gen: Any, *args: Any, **kwargs: Any) -> Any:
            bound = _bound.get()
            if bound is None or timed_out is None or kwargs.get("timeout") is not None or len(args) > 1:
                return super().wait(gen, *args, **kwargs)
            try:
                return super().wait(gen, *args, **{**kwargs, "timeout": bound})
            except timed_out:
                # the protocol is halfway through a message: the connection cannot be used again
                self.close()
                raise errors.OperationalError(NO_ANSWER.format(seconds=bound)) from None

    return AnsweringConnection


def connect(_dialect: Any, _record: Any, cargs: list[Any], cparams: dict[str, Any]) -> Any:
    """``do_connect``: a new PostgreSQL connection of the class above."""
    return connection_class().connect(*cargs, **cparams)


def event_landed(engine: Engine, event_id: int) -> bool | None:
    """Whether the action that logged the event ``event_id`` was committed, asked on a new connection after
    its COMMIT's answer was lost; None when the server cannot be asked either. An event's id comes from a
    sequence, which never hands the same number out twice: a transaction that did not commit leaves none."""
    from storage.orm import EventRow

    try:
        with engine.connect() as conn:
            found = conn.execute(select(EventRow.id).where(EventRow.id == event_id)).first()
    except DBAPIError as exc:
        logger.warning("cannot find out whether event %s was saved: %s", event_id, exc)
        return None
    return found is not None


def commit_lost(where: str, detail: str, landed: bool | None) -> StoreUnavailable:
    """The refusal of an action whose COMMIT's answer was lost (``detail``: the driver's words), by what the
    server said when asked again: it does not have it (``landed`` False), or it could not be asked (None)."""
    if landed is None:
        doubt = Fault(FaultKind.IN_DOUBT, where, detail, IN_DOUBT)
        return StoreUnavailable(doubt.render(), doubt)
    refused = Fault(FaultKind.UNAVAILABLE, where, detail, LOST_NOT_SAVED)
    return StoreUnavailable(NOT_SAVED.format(refused.render()), refused)
