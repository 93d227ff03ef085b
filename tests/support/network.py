from __future__ import annotations

from dataclasses import dataclass

import pytest
from rest_framework.test import APIClient

from backend.accounts.models import Role, User
from backend.accounts.services import user_create
from backend.network import services
from backend.network.models import City, Industry, Organisation, Park, Zone


@dataclass
class SmallNetwork:
    nanjing: City
    chuzhou: City
    zone: Zone
    ic: Industry
    chip_design: Industry
    biomed: Industry
    jiangning: Park
    jiangbei: Park
    nju: Organisation
    lab: Organisation
    chipco: Organisation
    fabco: Organisation


@pytest.fixture
def network(db: None) -> SmallNetwork:
    """A small slice of the circle, written through the services (so the outbox fills)."""
    nanjing = services.city_create(
        name="南京", province="江苏", name_en="Nanjing", is_metro_core=True
    )
    chuzhou = services.city_create(name="滁州", province="安徽", name_en="Chuzhou")
    zone = services.zone_create(name="南京高新区", city=nanjing, level="national")
    ic = services.industry_create(name="集成电路", code="ic")
    chip_design = services.industry_create(name="集成电路芯片设计", code="ic-design", parent=ic)
    biomed = services.industry_create(name="生物医药", code="biomed")
    jiangning = services.park_create(
        name="江宁园",
        city=nanjing,
        zone=zone,
        level="national",
        kind="manufacturing",
        latitude=31.95,
        longitude=118.84,
        alliance_member=True,
        available_land_mu=1200,
        focus=[services.Focus(ic, 0.6), services.Focus(biomed, 0.4)],
    )
    jiangbei = services.park_create(
        name="江北新区",
        city=nanjing,
        zone=zone,
        level="national",
        kind="service",
        latitude=32.16,
        longitude=118.7,
        alliance_member=True,
        focus=[services.Focus(chip_design, 0.8)],
    )
    nju = services.organisation_create(name="南京大学", kind="university", city=nanjing)
    lab = services.organisation_create(
        name="紫金山实验室",
        kind="lab",
        subkind="provincial_lab",
        city=nanjing,
        park=jiangning,
        industries=[ic],
    )
    chipco = services.organisation_create(
        name="宁芯设计有限公司",
        kind="enterprise",
        city=nanjing,
        park=jiangbei,
        is_high_tech=True,
        is_specialised=True,
        industries=[chip_design],
    )
    fabco = services.organisation_create(
        name="江宁晶圆制造有限公司",
        kind="enterprise",
        city=nanjing,
        park=jiangning,
        industries=[ic],
    )
    return SmallNetwork(
        nanjing,
        chuzhou,
        zone,
        ic,
        chip_design,
        biomed,
        jiangning,
        jiangbei,
        nju,
        lab,
        chipco,
        fabco,
    )


def client_for(user: User) -> APIClient:
    """An API client acting as this user, asking for English messages."""
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.force_authenticate(user)
    return client


@pytest.fixture
def secretariat(network: SmallNetwork) -> User:
    return user_create(username="alice", password="x", role=Role.SECRETARIAT, validate=False)


@pytest.fixture
def jiangning_staff(network: SmallNetwork) -> User:
    return user_create(
        username="bob", password="x", role=Role.PARK_STAFF, park=network.jiangning, validate=False
    )


@pytest.fixture
def researcher(network: SmallNetwork) -> User:
    return user_create(username="rita", password="x", role=Role.RESEARCHER, validate=False)


@pytest.fixture
def no_role(network: SmallNetwork) -> User:
    return user_create(username="charlie", password="x", validate=False)
