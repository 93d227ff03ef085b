"""Fixtures shared by the whole suite.

The services are real: `make test` starts PostgreSQL, Redis and Neo4j (scripts/with-services.sh)
and the test settings refuse to load without them. Named users follow healthchecks.io: alice
runs the secretariat, bob is staff of 江宁园, charlie has no role, rita is a researcher.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver
from pytest_django import DjangoDbBlocker
from rest_framework.test import APIClient

from backend.accounts.models import Role, User
from backend.accounts.services import user_create
from backend.network.models import Organisation, OrganisationKind, Park
from tests.support.graph import clean_graph
from tests.support.processes import end_other_sessions, running_celery_worker, running_daphne

PASSWORD = "correct horse battery staple"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser journeys run last: Playwright's event loop must not overlap async tests."""
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)


@pytest.fixture(scope="session")
def graph_driver() -> Iterator[Driver]:
    from backend.core.graph import graph_database
    from backend.core.graph import graph_driver as make_driver
    from graph.migrate import apply_migrations

    driver = make_driver()
    apply_migrations(driver, graph_database())
    yield driver


@pytest.fixture
def graph(graph_driver: Driver) -> Iterator[Driver]:
    """A clean graph (schema kept) for one test."""
    from backend.core.graph import graph_database

    clean_graph(graph_driver, graph_database())
    yield graph_driver


@pytest.fixture(scope="session")
def logs_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("logs")


@pytest.fixture(scope="session")
def celery_worker(
    django_db_setup: None, django_db_blocker: object, logs_dir: Path
) -> Iterator[None]:
    with running_celery_worker(logs_dir):
        yield


@pytest.fixture(scope="session")
def live_url(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker, logs_dir: Path
) -> Iterator[str]:
    """The platform served by Daphne (HTTP + websockets) against the test database."""
    with running_daphne(logs_dir) as url:
        yield url
    with django_db_blocker.unblock():
        end_other_sessions()


@pytest.fixture
def jiangning(db: None) -> Park:
    return Park.objects.create(name="江宁园")


@pytest.fixture
def jiangbei(db: None) -> Park:
    return Park.objects.create(name="江北新区")


@pytest.fixture
def nju(db: None) -> Organisation:
    return Organisation.objects.create(name="南京大学", kind=OrganisationKind.UNIVERSITY)


@pytest.fixture
def alice(db: None) -> User:
    return user_create(
        username="alice",
        password=PASSWORD,
        role=Role.SECRETARIAT,
        display_name="王秘书",
        validate=False,
    )


@pytest.fixture
def bob(jiangning: Park) -> User:
    return user_create(
        username="bob",
        password=PASSWORD,
        role=Role.PARK_STAFF,
        park=jiangning,
        display_name="李园",
        validate=False,
    )


@pytest.fixture
def charlie(db: None) -> User:
    return user_create(username="charlie", password=PASSWORD, validate=False)


@pytest.fixture
def rita(db: None) -> User:
    return user_create(
        username="rita",
        password=PASSWORD,
        role=Role.RESEARCHER,
        display_name="陈研究员",
        validate=False,
    )


@pytest.fixture
def browser_client() -> APIClient:
    """A client that, like a browser, must present the CSRF token on unsafe requests."""
    return APIClient(enforce_csrf_checks=True)


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()
