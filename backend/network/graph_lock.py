"""One writer of the graph at a time where it matters: a rebuild empties Neo4j and recreates
it by element id, so no outbox drain may write while it runs. Drains take the lock shared
(they exclude each other by row locks already), a rebuild exclusively; a drain that comes
during a rebuild waits for it, then finds its events delivered or drains them.

PostgreSQL advisory locks; other databases (SQLite for `make run`, one process) go without.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

# pg_advisory locks take (int4, int4): a namespace for the platform, a key for this lock.
_NAMESPACE = 0x4E4A  # "NJ"
_GRAPH_WRITES = 1


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def drain_lock_shared() -> None:
    """Within the drain's transaction: wait while a rebuild holds the graph."""
    if _postgres():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock_shared(%s, %s)", [_NAMESPACE, _GRAPH_WRITES]
            )


@contextmanager
def graph_writes_exclusive() -> Iterator[None]:
    """For a rebuild: drains wait until it is done (session lock, released even on error)."""
    if not _postgres():
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s, %s)", [_NAMESPACE, _GRAPH_WRITES])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [_NAMESPACE, _GRAPH_WRITES])
