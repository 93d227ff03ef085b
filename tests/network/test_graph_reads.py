"""Reading the graph: neighbours to k hops with caps, shortest paths, a park's ecosystem."""

from __future__ import annotations

import pytest
from neo4j import Driver
from rest_framework.test import APIClient

from backend.accounts.models import Role
from backend.accounts.services import user_create
from backend.network import services
from backend.network.outbox import outbox_drain
from tests.support.network import SmallNetwork

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(graph: Driver, network: SmallNetwork) -> APIClient:
    services.relation_create(kind="SUPPLIES_TO", source=network.chipco, target=network.fabco)
    services.relation_create(kind="AFFILIATED_WITH", source=network.lab, target=network.nju)
    services.relation_create(kind="PARTNER_OF", source=network.jiangning, target=network.jiangbei)
    outbox_drain()
    user = user_create(username="rita", password="x", role=Role.RESEARCHER, validate=False)
    api = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    api.force_authenticate(user)
    return api


def test_a_park_and_its_neighbours(client: APIClient, network: SmallNetwork) -> None:
    body = client.get(
        "/api/network/graph/neighbours", {"uid": network.jiangning.uid, "hops": 1}
    ).json()
    names = {n["name"] for n in body["nodes"]}
    assert {
        "江宁园",
        "南京",
        "南京高新区",
        "集成电路",
        "生物医药",
        "紫金山实验室",
        "江宁晶圆制造有限公司",
        "江北新区",
    } <= names
    assert body["capped"] is False
    lab = next(n for n in body["nodes"] if n["name"] == "紫金山实验室")
    assert lab["label"] == "Lab"
    hosts = [e for e in body["edges"] if e["type"] == "HOSTS"]
    assert {e["source"] for e in hosts} == {network.jiangning.uid}


def test_two_hops_reach_the_partners_of_hosted_organisations(
    client: APIClient, network: SmallNetwork
) -> None:
    body = client.get(
        "/api/network/graph/neighbours", {"uid": network.jiangning.uid, "hops": 2}
    ).json()
    assert "南京大学" in {n["name"] for n in body["nodes"]}  # via the lab's affiliation


def test_the_node_cap_is_applied_and_flagged(client: APIClient, network: SmallNetwork) -> None:
    body = client.get(
        "/api/network/graph/neighbours", {"uid": network.jiangning.uid, "hops": 2, "limit": 3}
    ).json()
    assert len(body["nodes"]) == 4  # the start and three more
    assert body["capped"] is True


def test_neighbours_filter_by_label(client: APIClient, network: SmallNetwork) -> None:
    body = client.get(
        "/api/network/graph/neighbours", {"uid": network.jiangning.uid, "label": "Enterprise"}
    ).json()
    assert {n["name"] for n in body["nodes"]} == {"江宁园", "江宁晶圆制造有限公司"}


def test_a_shortest_path_between_a_company_and_a_university(
    client: APIClient, network: SmallNetwork
) -> None:
    body = client.get(
        "/api/network/graph/path", {"source": network.chipco.uid, "target": network.nju.uid}
    ).json()
    assert body["found"] is True
    assert body["nodes"][0]["uid"] == network.chipco.uid
    assert body["nodes"][-1]["uid"] == network.nju.uid
    assert body["length"] == len(body["edges"]) >= 2


def test_no_path_within_the_hop_limit_is_an_answer_not_an_error(
    client: APIClient, network: SmallNetwork
) -> None:
    body = client.get(
        "/api/network/graph/path",
        {"source": network.chipco.uid, "target": network.nju.uid, "max_hops": 1},
    ).json()
    assert body == {"found": False, "length": None, "nodes": [], "edges": []}


def test_a_parks_ecosystem(client: APIClient, network: SmallNetwork) -> None:
    body = client.get(f"/api/network/parks/{network.jiangning.pk}/ecosystem").json()
    assert body["park"]["uid"] == network.jiangning.uid
    assert body["summary"] == {
        "hosted": {"lab": 1, "enterprise": 1},
        "cooperating": 2,
        "partner_parks": 1,
        "enclaves": 0,
    }
    assert "南京大学" in {n["name"] for n in body["nodes"]}


@pytest.mark.parametrize(
    "params",
    [
        {"uid": "DROP ALL"},
        {"uid": "park:1 OR 1=1"},
        {"uid": "park:1", "hops": 9},
        {"uid": "park:1", "limit": 0},
        {"uid": "park:1", "label": "User"},
    ],
)
def test_bad_graph_parameters_are_400(client: APIClient, params: dict) -> None:
    response = client.get("/api/network/graph/neighbours", params)
    assert response.status_code == 400
    assert response.json()["code"] == "validation_error"


def test_an_unknown_entity_is_404(client: APIClient) -> None:
    response = client.get("/api/network/graph/neighbours", {"uid": "park:987654"})
    assert response.status_code == 404


def test_the_graph_is_closed_to_anonymous_visitors(network: SmallNetwork) -> None:
    response = APIClient().get("/api/network/graph/neighbours", {"uid": network.jiangning.uid})
    assert response.status_code == 403
