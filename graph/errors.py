"""Errors raised by the graph layer; callers never see raw driver exceptions.

`retryable` tells a task whether trying again later can help (Neo4j down: yes; a bad query or
a broken constraint: no).
"""

from __future__ import annotations


class GraphError(Exception):
    retryable = False


class GraphUnavailable(GraphError):
    """Neo4j did not answer (down, unreachable, wrong address, credentials refused)."""

    retryable = True


class GraphMigrationError(GraphError):
    """A migration file is malformed or was changed after it was applied."""
