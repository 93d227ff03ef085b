"""One world per module, built once inside a transaction that is rolled back when the module
ends; every request of a test runs in a savepoint rolled back after it, so a deletion or a state
change by one user never changes what the next user finds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.test import override_settings
from neo4j import Driver
from pytest_django import DjangoDbBlocker

from backend.docking.models import Message
from tests.security.world import World, build_world
from tests.support.graph import clean_graph
from tests.support.processes import end_other_sessions

T = TypeVar("T")


class _Rollback(Exception):
    pass


@contextmanager
def rolled_back() -> Iterator[None]:
    """Run the body in a savepoint and undo whatever it wrote."""
    try:
        with transaction.atomic():
            yield
            raise _Rollback
    except _Rollback:
        pass


def undone(call: Callable[[], T]) -> T:
    """`call()`'s result, with its database writes undone."""
    with rolled_back():
        result = call()
    return result


@pytest.fixture(scope="module")
def world(
    django_db_setup: None,
    django_db_blocker: DjangoDbBlocker,
    graph_driver: Driver,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[World]:
    from backend.core.graph import graph_database

    files = tmp_path_factory.mktemp("security-files")
    field = Message._meta.get_field("attachment")
    before = field.storage  # type: ignore[attr-defined]
    field.storage = FileSystemStorage(location=Path(files) / "attachments")  # type: ignore[attr-defined]
    clean_graph(graph_driver, graph_database())
    try:
        with (
            override_settings(MEDIA_ROOT=files / "media", VAR_DIR=files / "var"),
            django_db_blocker.unblock(),
            rolled_back(),
        ):
            yield build_world()
    finally:
        field.storage = before  # type: ignore[attr-defined]
        clean_graph(graph_driver, graph_database())


@pytest.fixture
def in_world(world: World, django_db_blocker: DjangoDbBlocker) -> Iterator[World]:
    """The module's world, with database access for this test."""
    with django_db_blocker.unblock():
        yield world


@pytest.fixture(scope="session", autouse=True)
def _no_thread_sessions_left(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker
) -> Iterator[None]:
    """Connections opened in sync_to_async threads (the websocket tests) outlive the tests that
    opened them; the test database can only be dropped once they are gone."""
    yield
    with django_db_blocker.unblock():
        end_other_sessions()
