"""Two Daphne processes on one Redis, as several web replicas run behind a load balancer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_django import DjangoDbBlocker

from tests.support.processes import end_other_sessions, running_daphne


@pytest.fixture(scope="session")
def two_daphnes(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker, logs_dir: Path
) -> Iterator[tuple[str, str]]:
    """Base URLs of Daphne A and Daphne B: separate processes, the same database and Redis."""
    with (
        running_daphne(logs_dir, name="daphne-a") as a,
        running_daphne(logs_dir, name="daphne-b") as b,
    ):
        yield a, b
    with django_db_blocker.unblock():
        end_other_sessions()
