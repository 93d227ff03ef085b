"""The alliance's cast: alice (secretariat), bob (江宁园, member), dana (江北新区, member),
xena (仙林园, member), olga (镇江园, a park outside the alliance), charlie (no role) and rita
(researcher). Three member parks: a two-thirds quorum is two of them present."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone
from pytest_django import DjangoDbBlocker
from rest_framework.test import APIClient

from backend.accounts.models import Role, User
from backend.accounts.services import user_create
from backend.alliance.models import AllianceMember, MemberRole
from backend.alliance.services import alliance_default
from backend.network.models import Park
from tests.conftest import PASSWORD
from tests.support.processes import end_other_sessions

API = "/api/alliance"


@pytest.fixture
def xianlin(db: None) -> Park:
    return Park.objects.create(name="仙林园")


@pytest.fixture
def zhenjiang(db: None) -> Park:
    return Park.objects.create(name="镇江园")


@pytest.fixture
def members(jiangning: Park, jiangbei: Park, xianlin: Park) -> list[Park]:
    alliance = alliance_default()
    AllianceMember.objects.create(alliance=alliance, park=jiangning, role=MemberRole.CHAIR)
    AllianceMember.objects.create(alliance=alliance, park=jiangbei, role=MemberRole.VICE_CHAIR)
    AllianceMember.objects.create(alliance=alliance, park=xianlin)
    return [jiangning, jiangbei, xianlin]


def _staff(username: str, park: Park, name: str) -> User:
    return user_create(
        username=username,
        password=PASSWORD,
        role=Role.PARK_STAFF,
        park=park,
        display_name=name,
        validate=False,
    )


@pytest.fixture
def dana(jiangbei: Park) -> User:
    return _staff("dana", jiangbei, "赵园")


@pytest.fixture
def xena(xianlin: Park) -> User:
    return _staff("xena", xianlin, "钱园")


@pytest.fixture
def olga(zhenjiang: Park) -> User:
    return _staff("olga", zhenjiang, "孙园")


@pytest.fixture
def media(settings: Any, tmp_path: Any) -> Any:
    """Uploaded files go to a directory of this test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def client_for() -> Callable[[User], APIClient]:
    def make(user: User) -> APIClient:
        client = APIClient()
        client.force_authenticate(user)
        return client

    return make


def later(days: int = 7, hours: int = 0) -> datetime:
    return timezone.now() + timedelta(days=days, hours=hours)


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, (response.status_code, response.content[:2000])
    return response.json() if response.content else None


def meeting_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "title": "2027年第一次联席会议",
        "kind": "regular",
        "starts_at": later(7).isoformat(),
        "place": "南京高新区管委会 3 楼会议室",
    }
    payload.update(overrides)
    return payload


def item_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "kind": "major_problem",
        "title": "跨园区产业转移的经济指标分算",
        "text": "建议明确转出园区与承接园区的指标分算比例。",
        "requested_minutes": 20,
        "linked_uids": [],
    }
    payload.update(overrides)
    return payload


@pytest.fixture(scope="session", autouse=True)
def _no_thread_sessions_left(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Any:
    """Connections opened in sync_to_async threads outlive the tests that opened them; the test
    database can only be dropped once they are gone."""
    yield
    with django_db_blocker.unblock():
        end_other_sessions()
