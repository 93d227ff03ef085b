"""One Neo4j driver per process and per configuration, plus the health check.

The driver is thread-safe and pools connections; sessions are short and always name their
database. Callers pass the driver into repository functions rather than reaching for a global.

Clusters and Aura. Any URI scheme works: `neo4j://` / `neo4j+s://` give the routing driver
(writes to the leader, `execute_read` / READ sessions to followers and read replicas),
`bolt://` a direct connection to one server. So that a read never misses this process's own
earlier write (a follower may lag the leader by a few milliseconds), every session and every
`execute_query` of a driver share one causal chain: the driver's own bookmark manager
(`driver.execute_query_bookmark_manager`), which sessions get by default here. A read session
opened after a projection therefore starts from the projection's bookmark, and the follower
that serves it waits until it has applied that write.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

import neo4j
import neo4j.exceptions
from neo4j import Driver, GraphDatabase, Session
from neo4j.api import BookmarkManager

from graph.errors import GraphUnavailable
from graph.queries.health import PING_QUERY

# Errors that mean "the graph is not reachable or not usable right now".
UNAVAILABLE_ERRORS: tuple[type[Exception], ...] = (
    neo4j.exceptions.ServiceUnavailable,
    neo4j.exceptions.SessionExpired,
    neo4j.exceptions.AuthError,
    neo4j.exceptions.DatabaseUnavailable,
    OSError,
)


@dataclass(frozen=True)
class GraphSettings:
    uri: str
    user: str
    password: str
    database: str = "neo4j"
    connection_timeout: float = 3.0
    max_pool_size: int = 50


_drivers: dict[GraphSettings, Driver] = {}
_lock = threading.Lock()


def get_driver(settings: GraphSettings) -> Driver:
    """The process-wide driver for these settings, created on first use."""
    with _lock:
        driver = _drivers.get(settings)
        if driver is None:
            driver = GraphDatabase.driver(
                settings.uri,
                auth=(settings.user, settings.password),
                connection_timeout=settings.connection_timeout,
                connection_acquisition_timeout=settings.connection_timeout * 2,
                max_connection_pool_size=settings.max_pool_size,
                # Bounded retries: a down graph should surface as a 503 in seconds, not minutes.
                max_transaction_retry_time=5.0,
                # Schema hints ("property key does not exist" on an empty graph) are noise in
                # logs; real errors still raise.
                notifications_min_severity="OFF",
            )
            _share_bookmarks(driver, driver.execute_query_bookmark_manager)
            _drivers[settings] = driver
        return driver


def _share_bookmarks(driver: Driver, manager: BookmarkManager) -> None:
    """Sessions of `driver` use `manager` unless their caller passes one (or None) itself.

    The driver only offers a bookmark manager per session; wrapping `session` here gives every
    caller (projection, repositories, console, analytics) read-your-writes without each of
    them having to know about clusters.
    """
    open_session = driver.session

    def session(**config: Any) -> Session:
        config.setdefault("bookmark_manager", manager)
        return open_session(**config)

    driver.session = session  # type: ignore[method-assign]


def shared_bookmark_manager(driver: Driver) -> BookmarkManager:
    """The bookmark manager every session and query of this driver shares (see above)."""
    return driver.execute_query_bookmark_manager


def close_drivers() -> None:
    with _lock:
        for driver in _drivers.values():
            driver.close()
        _drivers.clear()


def ping(driver: Driver, database: str) -> float:
    """Round-trip one trivial query; returns latency in ms or raises GraphUnavailable.

    An auto-commit query rather than a transaction function: the health check must not sit
    in the driver's retry loop while the graph is down.
    """
    started = time.perf_counter()
    try:
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
            session.run(PING_QUERY).consume()
    except UNAVAILABLE_ERRORS as exc:
        raise GraphUnavailable(f"Neo4j did not answer: {exc}") from exc
    return (time.perf_counter() - started) * 1000
