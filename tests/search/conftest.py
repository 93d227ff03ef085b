from __future__ import annotations

from tests.docking.conftest import network, world  # noqa: F401 - the fixtures
