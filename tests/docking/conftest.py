"""A small docking world on the network fixture. Named users: alice runs the secretariat, bob
is staff of 江宁园 (alliance member, posts), carol staff of 江北新区 (alliance member,
requests), nina staff of a park outside the alliance, olga acts for 南京大学, rita researches,
charlie has no role."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import FileSystemStorage
from rest_framework.test import APIClient

from backend.accounts.models import Role, User
from backend.accounts.services import user_create
from backend.config.celery import app as celery_app
from backend.docking.models import Message
from backend.network import services as network_services
from backend.network.models import Park
from tests.support.network import SmallNetwork, network  # noqa: F401 - the fixture

API = "/api/docking"


@dataclass
class World:
    net: SmallNetwork
    outside: Park
    alice: User
    bob: User
    carol: User
    nina: User
    olga: User
    rita: User
    charlie: User


def client_for(user: User | None, language: str = "en") -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    if user is not None:
        client.force_authenticate(user)
    return client


def _user(username: str, role: str = "", **extra: Any) -> User:
    return user_create(username=username, password="x", role=role, validate=False, **extra)


@pytest.fixture
def world(network: SmallNetwork) -> World:  # noqa: F811 - fixture argument
    outside = network_services.park_create(
        name="滁州园外园区", city=network.chuzhou, level="provincial", alliance_member=False
    )
    return World(
        net=network,
        outside=outside,
        alice=_user("alice", Role.SECRETARIAT, display_name="王秘书"),
        bob=_user("bob", Role.PARK_STAFF, park=network.jiangning, display_name="李园长"),
        carol=_user("carol", Role.PARK_STAFF, park=network.jiangbei, display_name="赵招商"),
        nina=_user("nina", Role.PARK_STAFF, park=outside, display_name="钱园"),
        olga=_user("olga", Role.ORG_USER, organisation=network.nju, display_name="孙老师"),
        rita=_user("rita", Role.RESEARCHER, display_name="陈研究员"),
        charlie=_user("charlie"),
    )


@pytest.fixture(autouse=True)
def attachment_dir(tmp_path: Path) -> Iterator[Path]:
    """Attachments go to a throw-away folder."""
    field = Message._meta.get_field("attachment")
    before = field.storage  # type: ignore[attr-defined]
    field.storage = FileSystemStorage(location=tmp_path / "attachments")  # type: ignore[attr-defined]
    yield tmp_path
    field.storage = before  # type: ignore[attr-defined]


@pytest.fixture
def eager_celery() -> Iterator[None]:
    celery_app.conf.task_always_eager = True
    try:
        yield
    finally:
        celery_app.conf.task_always_eager = False


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, (response.status_code, response.content[:500])
    return response.json() if response.content else None


def post_posting(user: User, *, submit: bool = True, **overrides: Any) -> dict[str, Any]:
    body = {
        "kind": "tech_need",
        "title": "车规级AI芯片低功耗验证",
        "description": "需要芯片功能安全测试能力，寻求高校联合攻关。",
        "visibility": "public",
        "submit": submit,
        **overrides,
    }
    return ok(client_for(user).post(f"{API}/postings", body, format="json"), 201)


def request_docking(user: User, posting_id: int, **overrides: Any) -> dict[str, Any]:
    body = {"message": "我们有测试平台，希望对接。", **overrides}
    return ok(
        client_for(user).post(f"{API}/postings/{posting_id}/requests", body, format="json"), 201
    )


def move(user: User, request_id: int, status: str, reason: str = "") -> Any:
    return client_for(user).post(
        f"{API}/requests/{request_id}/transition",
        {"status": status, "reason": reason},
        format="json",
    )
