"""Linked graph entities on agenda items must exist and be visible to the submitter; an unknown
one is refused with a 400 that names it, in the user's language."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.alliance import links
from backend.matching.models import Project, ProjectStatus, Visibility
from backend.network.models import Industry, Organisation, OrganisationKind, Park
from tests.alliance.conftest import API, item_payload, ok
from tests.alliance.flows import call_meeting, submit

pytestmark = pytest.mark.django_db

Client = Callable[[User], APIClient]


def project(park: Park, *, title: str = "芯片设计中心", **fields: object) -> Project:
    industry, _ = Industry.objects.get_or_create(
        code="ic-design", defaults={"name": "集成电路设计"}
    )
    values: dict[str, object] = {
        "park": park,
        "title": title,
        "industry": industry,
        "positioning": "manufacturing",
        "status": ProjectStatus.OPEN,
    }
    values.update(fields)
    return Project.objects.create(**values)


def test_it_accepts_links_to_parks_organisations_industries_and_visible_projects(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    jiangbei = members[1]
    org = Organisation.objects.create(name="南京大学", kind=OrganisationKind.UNIVERSITY)
    industry = Industry.objects.create(name="生物医药", code="biomed")
    shared = project(jiangbei)
    meeting = call_meeting(client_for(alice))
    uids = [jiangbei.uid, org.uid, industry.uid, f"project:{shared.pk}", jiangbei.uid]
    item = submit(client_for(bob), meeting["id"], linked_uids=uids)
    assert item["linked_uids"] == uids[:4]  # duplicates dropped, order kept


def test_it_refuses_an_unknown_entity_naming_it_in_the_users_language(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    jiangning = members[0]
    meeting = call_meeting(client_for(alice))
    client = client_for(bob)
    url = f"{API}/meetings/{meeting['id']}/items"
    body = item_payload(linked_uids=[jiangning.uid, "park:999999999", "org:888888888"])
    response = client.post(url, body, format="json")
    assert response.status_code == 400
    error = response.json()
    assert error["message"] == "关联对象不存在或无权查看：park:999999999、org:888888888"
    assert error["detail"] == {
        "field": "linked_uids",
        "unknown": ["park:999999999", "org:888888888"],
    }
    client.credentials(HTTP_ACCEPT_LANGUAGE="en")
    english = client.post(url, item_payload(linked_uids=["project:77777777"]), format="json")
    assert english.status_code == 400
    assert english.json()["message"] == (
        "Linked entities not found or not visible to you: project:77777777"
    )
    # Not a uid at all: the input check refuses it before anything is looked up.
    assert client.post(url, item_payload(linked_uids=["user:1"]), format="json").status_code == 400


def test_a_park_cannot_link_a_project_hidden_from_it(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    _, jiangbei, xianlin = members
    hidden = project(jiangbei, title="定向招商项目", visibility=Visibility.CHOSEN)
    hidden.visible_to.add(xianlin)
    draft = project(jiangbei, title="草稿项目", status=ProjectStatus.DRAFT)
    meeting = call_meeting(client_for(alice))
    url = f"{API}/meetings/{meeting['id']}/items"
    for secret in (hidden, draft):
        response = client_for(bob).post(
            url, item_payload(linked_uids=[f"project:{secret.pk}"]), format="json"
        )
        assert response.status_code == 400
        assert response.json()["detail"]["unknown"] == [f"project:{secret.pk}"]
    # The secretariat sees every project and may link it.
    ok(
        client_for(alice).post(
            url, item_payload(linked_uids=[f"project:{hidden.pk}"]), format="json"
        ),
        201,
    )


def test_editing_an_item_checks_its_links_too(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    meeting = call_meeting(client_for(alice))
    item = submit(client_for(bob), meeting["id"])
    refused = client_for(bob).patch(
        f"{API}/items/{item['id']}", {"linked_uids": ["zone:123456789"]}, format="json"
    )
    assert refused.status_code == 400
    assert refused.json()["detail"]["unknown"] == ["zone:123456789"]
    fine = ok(
        client_for(bob).patch(
            f"{API}/items/{item['id']}", {"linked_uids": [members[2].uid]}, format="json"
        )
    )
    assert fine["linked_uids"] == [members[2].uid]


def test_postings_are_unknown_until_the_docking_app_hooks_in(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    meeting = call_meeting(client_for(alice))
    url = f"{API}/meetings/{meeting['id']}/items"
    body = item_payload(linked_uids=["posting:5"])
    assert client_for(bob).post(url, body, format="json").status_code == 400
    previous = links._RESOLVERS["posting"]
    links.register_link_resolver("posting", lambda user, pks: {pk for pk in pks if pk == 5})
    try:
        ok(client_for(bob).post(url, body, format="json"), 201)
    finally:
        links.register_link_resolver("posting", previous)
