"""Stop and start the PostgreSQL and Redis servers the test command started (same ports and
data), through scripts/service-ctl.sh."""

from __future__ import annotations

import json
import os
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.support.processes import ROOT

CTL = ROOT / "scripts" / "service-ctl.sh"
MANAGED = bool(os.environ.get("NINGJU_SERVICES_DIR"))


def service(name: str, action: str) -> None:
    subprocess.run([str(CTL), name, action], check=True, capture_output=True, timeout=120)


@contextmanager
def stopped(name: str) -> Iterator[None]:
    service(name, "stop")
    try:
        yield
    finally:
        service(name, "start")


def call(
    live_url: str, token: str | None, method: str, path: str, body: Any = None
) -> tuple[int, Any]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Token {token}"
    request = urllib.request.Request(  # noqa: S310 - our own server
        live_url + path,
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers=headers,
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - our server
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")
