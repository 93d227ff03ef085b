"""A small matching world on top of the network fixture: three parks, a chain, users."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from neo4j import Driver
from rest_framework.test import APIClient

from backend.accounts.models import Role, User
from backend.accounts.services import user_create
from backend.matching import services as matching_services
from backend.matching.models import Project, ProjectStatus
from backend.network import services
from backend.network.models import Industry, Organisation, Park
from backend.network.outbox import outbox_drain
from tests.support.network import SmallNetwork, network  # noqa: F401 - the fixture


@dataclass
class World:
    net: SmallNetwork
    chuzhou_park: Park
    materials: Industry
    materials_co: Organisation
    owner: User  # staff of 江宁园 (posts projects)
    candidate: User  # staff of 江北新区
    third: User  # staff of 滁州园
    secretariat: User
    researcher: User


def client_for(user: User, language: str = "en") -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    client.force_authenticate(user)
    return client


def _staff(username: str, park: Park) -> User:
    return user_create(
        username=username, password="x", role=Role.PARK_STAFF, park=park, validate=False
    )


@pytest.fixture
def world(graph: Driver, network: SmallNetwork) -> World:  # noqa: F811 - fixture argument
    materials = services.industry_create(name="半导体材料", code="semi-materials")
    services.industry_link_create(upstream=materials, downstream=network.ic)
    chuzhou_park = services.park_create(
        name="滁州园",
        city=network.chuzhou,
        level="provincial",
        kind="manufacturing",
        latitude=32.30,
        longitude=118.31,
        alliance_member=True,
        available_land_mu=40,
        available_space_m2=5000,
        focus=[services.Focus(network.biomed, 0.9)],
    )
    materials_co = services.organisation_create(
        name="江北材料有限公司",
        kind="enterprise",
        city=network.nanjing,
        park=network.jiangbei,
        industries=[materials],
    )
    services.relation_create(kind="PARTNER_OF", source=network.jiangning, target=network.jiangbei)
    services.relation_create(kind="COOPERATES_WITH", source=network.nju, target=network.chipco)
    services.organisation_update(organisation=network.nju, industries=[network.chip_design])
    services.park_update(park=network.jiangbei, available_land_mu=200, available_space_m2=30000)
    outbox_drain()
    return World(
        net=network,
        chuzhou_park=chuzhou_park,
        materials=materials,
        materials_co=materials_co,
        owner=_staff("bob-owner", network.jiangning),
        candidate=_staff("carol-candidate", network.jiangbei),
        third=_staff("dan-third", chuzhou_park),
        secretariat=user_create(
            username="alice-sec", password="x", role=Role.SECRETARIAT, validate=False
        ),
        researcher=user_create(
            username="rita-res", password="x", role=Role.RESEARCHER, validate=False
        ),
    )


def post_project(world: World, **overrides: object) -> dict:
    body = {
        "title": "12 英寸芯片设计中心",
        "description": "机密：意向企业名单",
        "industry": world.net.chip_design.pk,
        "investment_wan": "50000",
        "land_mu": "100",
        "space_m2": "2000",
        "annual_output_wan": "120000",
        "annual_tax_wan": "8000",
        "positioning": "service",
        **overrides,
    }
    response = client_for(world.owner).post("/api/matching/projects", body, format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def open_project(world: World, project_id: int) -> None:
    response = client_for(world.owner).post(
        f"/api/matching/projects/{project_id}/transition", {"status": "open"}, format="json"
    )
    assert response.status_code == 200, response.json()


def landed_project(world: World) -> int:
    """A project of 江宁园 matched, wanted by both sides with 江北新区, signed and landed."""
    project = post_project(world, land_mu="0", space_m2="0")
    pid = int(project["id"])
    open_project(world, pid)
    owner = client_for(world.owner)
    owner.post(f"/api/matching/projects/{pid}/matches")
    url = f"/api/matching/projects/{pid}/matches/{world.net.jiangbei.pk}/feedback"
    client_for(world.candidate).post(url, {"response": "interest"}, format="json")
    owner.post(url, {"response": "interest"}, format="json")
    for status in ("signed", "landed"):
        r = owner.post(
            f"/api/matching/projects/{pid}/transition", {"status": status}, format="json"
        )
        assert r.status_code == 200, r.json()
    return pid


def open_chip_design_project(world: World) -> Project:
    """芯片设计中心, a service project of 江宁园 in chip design, open (written through the
    services, for tests that drive the browser rather than the API)."""
    project = matching_services.project_create(
        user=world.owner,
        park=world.net.jiangning,
        title="芯片设计中心",
        industry=world.net.chip_design,
        positioning="service",
    )
    return matching_services.project_transition(
        user=world.owner, project=project, to_status=ProjectStatus.OPEN
    )
