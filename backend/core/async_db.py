"""Database calls from async code (websocket consumers) that give their connection back.

Django keeps connections in asgiref `Local` storage, which follows the async task, not the
thread. asgiref runs a sync function inside a copy of the caller's context and copies that
storage back afterwards, so a connection opened there ends up owned by the calling task: a
websocket's. Channels' `database_sync_to_async` closes old connections around the call, but
outside that copied context, where it cannot see them; every socket then held a connection for
its whole life and dropped it unreturned when it closed (with the connection pool: the pool ran
dry after a dozen sockets; without it: one PostgreSQL session per open socket).

Here the release runs inside the call, where the connection is visible; and `ReleaseConnections`
does the same for what middleware (session and user lookups) opened before the consumer runs.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar

from asgiref.sync import sync_to_async
from django.db import connections

P = ParamSpec("P")
R = TypeVar("R")


def release_connections() -> None:
    """Hand back (to the pool) or close this context's connections, unless one is inside a
    transaction (a test's atomic block, or a caller's): that one must stay."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


def db_sync_to_async(
    function: Callable[P, R], *, thread_sensitive: bool = True
) -> Callable[P, Awaitable[R]]:
    """sync_to_async for a function that uses the database; its connection is released when
    it returns. Usable as a decorator."""

    @functools.wraps(function)
    def run_then_release(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        finally:
            release_connections()

    return sync_to_async(run_then_release, thread_sensitive=thread_sensitive)


class ReleaseConnections:
    """ASGI middleware: before the inner application runs (a socket's life) and after it ends,
    release the connections the outer middleware opened in this task's context."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        await sync_to_async(release_connections)()
        try:
            return await self.inner(scope, receive, send)
        finally:
            await sync_to_async(release_connections)()
