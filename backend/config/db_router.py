"""Heavy reads to a PostgreSQL read replica, everything else to the primary.

Active only when DATABASE_REPLICA_URL is set (settings/base.py then adds the `replica` alias,
this router and the middleware below). A read goes to the replica only when all hold:

- it runs inside `replica_reads()` (or a view under DATABASE_REPLICA_PATHS, a GET or HEAD);
- no transaction is open on the primary: a read inside `transaction.atomic()` belongs with
  the writes around it (and may hold locks that the replica knows nothing of);
- it is not of sessions, users or tokens: who is signed in is always read from the primary,
  so that a sign-in is never lost to replication lag.

Writes, migrations and everything else use `default`. A replica lags its primary by a little
(streaming replication: usually well under a second), so only reads that can bear that belong
here: exports, statistics, dashboards, reports. Never the read that follows a user's own write
to show it back to them.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
PRIMARY = "default"
PRIMARY_ONLY_APPS = frozenset({"sessions", "auth", "accounts", "authtoken", "contenttypes"})

P = ParamSpec("P")
R = TypeVar("R")

_replica_wanted: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "ningju_replica_wanted", default=False
)


@contextmanager
def replica_reads() -> Iterator[None]:
    """Reads in this block may be served by the replica (when one is configured)."""
    token = _replica_wanted.set(True)
    try:
        yield
    finally:
        _replica_wanted.reset(token)


def reads_from_replica(function: Callable[P, R]) -> Callable[P, R]:
    """Decorator for a heavy selector: its reads may be served by the replica."""

    @wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with replica_reads():
            return function(*args, **kwargs)

    return wrapper


def read_alias() -> str:
    """The alias a read made here and now would use."""
    if not _replica_wanted.get() or REPLICA not in settings.DATABASES:
        return PRIMARY
    if connections[PRIMARY].in_atomic_block:
        return PRIMARY
    return REPLICA


class ReplicaRouter:
    """Django database router (settings.DATABASE_ROUTERS)."""

    def db_for_read(self, model: type[Any], **hints: Any) -> str:
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return PRIMARY
        return read_alias()

    def db_for_write(self, model: type[Any], **hints: Any) -> str:
        return PRIMARY

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        # The replica holds the same rows as the primary: objects read from either relate.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == PRIMARY


class ReplicaReadsMiddleware:
    """GET and HEAD requests under settings.DATABASE_REPLICA_PATHS read from the replica."""

    sync_capable = True
    async_capable = False

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.prefixes = tuple(settings.DATABASE_REPLICA_PATHS)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in ("GET", "HEAD") and request.path.startswith(self.prefixes):
            with replica_reads():
                return self.get_response(request)
        return self.get_response(request)
