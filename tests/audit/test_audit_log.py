"""The secretariat can see who changed curated data and when, with each field before and
after; nobody else can read the log."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from backend.accounts.models import User
from tests.support.network import (  # noqa: F401 - fixtures
    SmallNetwork,
    client_for,
    jiangning_staff,
    network,
    no_role,
    researcher,
    secretariat,
)

pytestmark = pytest.mark.django_db


def test_a_park_edit_is_logged_with_who_and_before_after(
    network: SmallNetwork,  # noqa: F811
    jiangning_staff: User,  # noqa: F811
    secretariat: User,  # noqa: F811
) -> None:
    park = network.jiangning
    response = client_for(jiangning_staff).patch(
        f"/api/network/parks/{park.pk}", {"available_land_mu": "321"}, format="json"
    )
    assert response.status_code == 200

    log = client_for(secretariat).get(
        "/api/audit", {"model": "network.park", "object_id": str(park.pk)}
    )
    assert log.status_code == 200
    latest = log.json()["results"][0]
    assert latest["action"] == "update"
    assert latest["actor"] == {"id": jiangning_staff.pk, "username": "bob"}
    before, after = latest["changes"]["available_land_mu"]
    assert after == "321.00" and before != after
    assert "search_key" not in latest["changes"]  # derived fields are not noise in the log
    created = log.json()["results"][-1]
    assert created["action"] == "create" and created["object_repr"]


def test_a_refused_edit_leaves_no_entry(
    network: SmallNetwork,  # noqa: F811
    jiangning_staff: User,  # noqa: F811
    secretariat: User,  # noqa: F811
) -> None:
    other = network.jiangbei
    before = client_for(secretariat).get("/api/audit", {"model": "network.park"}).json()["count"]
    refused = client_for(jiangning_staff).patch(
        f"/api/network/parks/{other.pk}", {"name": "改名"}, format="json"
    )
    assert refused.status_code == 403
    after = client_for(secretariat).get("/api/audit", {"model": "network.park"}).json()["count"]
    assert after == before


def test_only_the_secretariat_reads_the_log(
    jiangning_staff: User,  # noqa: F811
    researcher: User,  # noqa: F811
    no_role: User,  # noqa: F811
) -> None:
    for user in (jiangning_staff, researcher, no_role):
        assert client_for(user).get("/api/audit").status_code == 403
    anonymous = APIClient().get("/api/audit")
    assert anonymous.status_code in (401, 403)


def test_a_bad_filter_gets_a_clear_error(secretariat: User) -> None:  # noqa: F811
    response = client_for(secretariat).get("/api/audit", {"model": "Park; DROP"})
    assert response.status_code == 400
    assert "model" in response.json()["detail"]
