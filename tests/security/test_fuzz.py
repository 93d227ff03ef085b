"""API fuzzing with schemathesis against the OpenAPI schema, in-process through the WSGI app,
signed in (API token) as each role of the matrix's world, and as nobody: no request may answer
5xx, and every documented response must match its schema.

The budget: `make test` runs a few examples per operation (NINGJU_FUZZ_EXAMPLES, default 6,
derandomised so that a run is reproducible); `make fuzz` runs many more, randomised, and writes
benchmarks/reports/fuzz.md (NINGJU_FUZZ_REPORT) with the requests sent and the failures.

Nothing is excluded: each request runs in a savepoint rolled back after it, so sign-out, token
revocation and deletions cannot spoil the next example, and downloads are ordinary responses.
Path parameters are drawn by the fuzzer, and half the time replaced by a real id of the world,
so that requests reach the objects behind the gate and not only the 404.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.security.conftest import rolled_back
from tests.security.routes import openapi_schema
from tests.security.world import World

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("NINGJU_FUZZ_EXAMPLES", "6"))
REPORT = os.environ.get("NINGJU_FUZZ_REPORT", "")
ROLES = (
    "anonymous",
    "no_role",
    "other_park",
    "own_park",
    "org_user",
    "researcher",
    "secretariat",
    "admin",
)
CHECKS = [not_a_server_error, response_schema_conformance]

schema = schemathesis.openapi.from_dict(openapi_schema())
schema.app = WSGIHandler()

# Filled by the module's world fixture: the hook below reads it while examples are drawn.
_IDS: dict[str, int | str] = {}
_SENT: Counter[tuple[str, int]] = Counter()
_FAILED: dict[tuple[str, str], str] = {}
_SERVER_ERRORS: Counter[tuple[str, int]] = Counter()


@schemathesis.hook
def map_path_parameters(context: Any, path_parameters: dict[str, Any]) -> dict[str, Any]:
    """Half the examples (by a bit of the fuzzer's own data) point at real objects."""
    if not path_parameters or not _IDS:
        return path_parameters
    if len("".join(map(str, path_parameters.values()))) % 2:
        return path_parameters
    mapped = dict(path_parameters)
    for name in mapped:
        if name in _IDS and name != "fmt":
            mapped[name] = _IDS[name]
    return mapped


@pytest.fixture(scope="module")
def fuzz_world(world: World) -> Iterator[World]:
    _IDS.update(world.ids)
    # The WSGI handler closes the database connection around each request, as a server should;
    # here that would end the world's transaction. Django's test client does the same.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    started = time.monotonic()
    try:
        yield world
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        _IDS.clear()
        if REPORT:
            _write_report(Path(REPORT), time.monotonic() - started)


@pytest.fixture
def fuzz_client(fuzz_world: World, django_db_blocker: Any) -> Iterator[World]:
    with django_db_blocker.unblock():
        yield fuzz_world


@schema.given(role=st.sampled_from(ROLES))
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not REPORT,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_api_answers_every_role_without_5xx_and_as_documented(
    case: schemathesis.Case, role: str, fuzz_client: World
) -> None:
    token = fuzz_client.tokens.get(role)
    headers = {"Accept-Language": "en"}
    if token:
        headers["Authorization"] = f"Token {token}"
    with rolled_back():
        response = case.call(headers=headers)
    _SENT[(role, response.status_code)] += 1
    if response.status_code >= 500:
        _SERVER_ERRORS[(case.operation.label, response.status_code)] += 1
    checks = CHECKS
    if case.operation.label == "GET /api/health" and response.status_code == 503:
        checks = [response_schema_conformance]  # "a part is down" is this route's contract
    try:
        case.validate_response(response, checks=checks, headers=headers)
    except BaseException as error:  # schemathesis raises an exception group
        lines = [line for line in str(error).splitlines() if line.strip()] or [repr(error)]
        _FAILED.setdefault((case.operation.label, role), " ".join(lines[:3])[:300])
        raise


def _write_report(path: Path, seconds: float) -> None:
    total = sum(_SENT.values())
    statuses: Counter[int] = Counter()
    per_role: Counter[str] = Counter()
    for (role, status), count in _SENT.items():
        statuses[status] += count
        per_role[role] += count
    server_errors = sum(n for s, n in statuses.items() if s >= 500)
    lines = [
        "# API fuzzing (schemathesis)",
        "",
        f"`make fuzz`: {sum(1 for _ in schema.get_all_operations())} "
        f"operations of the OpenAPI schema, up to {EXAMPLES} examples each, as {len(ROLES)} "
        f"users ({', '.join(ROLES)}); in-process through the WSGI app, each request rolled back.",
        "",
        f"- requests sent: {total}",
        f"- time: {seconds:.0f} s",
        f"- responses 5xx: {server_errors}"
        + "".join(f"; {n} × {s} from `{op}`" for (op, s), n in sorted(_SERVER_ERRORS.items()))
        + (
            " (documented: a part is down, here the Celery worker the fuzzer does not start)"
            if ("GET /api/health", 503) in _SERVER_ERRORS
            else ""
        ),
        f"- failing operations (5xx or response not matching the schema): {len(_FAILED)}",
        "",
        "| status | responses |",
        "|---|---|",
        *[f"| {status} | {statuses[status]} |" for status in sorted(statuses)],
        "",
        "| user | requests |",
        "|---|---|",
        *[f"| {role} | {per_role[role]} |" for role in ROLES],
        "",
        "## Failures",
        "",
        *(
            [f"- `{op}` as {role}: {message}" for (op, role), message in sorted(_FAILED.items())]
            or ["none"]
        ),
        "",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
