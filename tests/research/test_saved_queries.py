"""Saved queries: created by console users, checked by the guard when saved, versioned on
edit, run with typed parameters by console users and (shared ones) by park staff and
organisation users; every run records its version."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.research.models import ConsoleRun, SavedQuery
from tests.research.conftest import ResearchNetwork, client_for

pytestmark = pytest.mark.django_db

HOSTED = {
    "name": "园区承载机构",
    "description": "某园区承载的机构及其类型",
    "cypher": "MATCH (p:Park {uid: $park})-[:HOSTS]->(o:Organisation) "
    "WHERE o.employees >= $min_employees OR $min_employees = 0 "
    "RETURN o.name AS name, o.kind AS kind ORDER BY name LIMIT $limit",
    "parameters": [
        {"name": "park", "type": "uid", "label": "园区", "required": True},
        {"name": "min_employees", "type": "integer", "label": "最少员工", "default": 0},
        {"name": "limit", "type": "integer", "label": "条数", "default": 50},
    ],
}


def save(client: APIClient, **overrides: Any) -> Any:
    return client.post("/api/research/saved-queries", {**HOSTED, **overrides}, format="json")


def run_saved(client: APIClient, saved_id: int, **body: Any) -> Any:
    return client.post(f"/api/research/saved-queries/{saved_id}/run", body, format="json")


def test_a_researcher_saves_a_query_and_park_staff_run_it_with_parameters(
    research_net: ResearchNetwork, rita: User, bob: User
) -> None:
    created = save(client_for(rita))
    assert created.status_code == 201, created.json()
    saved = created.json()
    assert saved["current"]["number"] == 1 and saved["can_edit"] is True
    listed = client_for(bob).get("/api/research/saved-queries").json()
    assert [q["name"] for q in listed["results"]] == ["园区承载机构"]
    assert listed["results"][0]["can_edit"] is False
    response = run_saved(
        client_for(bob), saved["id"], parameters={"park": research_net.net.jiangning.uid}
    )
    assert response.status_code == 200, response.json()
    assert [row[0] for row in response.json()["rows"]] == ["江宁晶圆制造有限公司", "紫金山实验室"]
    run = ConsoleRun.objects.get(user=bob)
    assert run.source == "saved_query" and run.saved_query_version.number == 1
    assert run.parameters == {
        "park": research_net.net.jiangning.uid,
        "min_employees": 0,
        "limit": 50,
    }


def test_an_edit_adds_a_version_and_runs_record_which_one(
    research_net: ResearchNetwork, rita: User
) -> None:
    client = client_for(rita)
    saved = save(client).json()
    park = research_net.net.jiangning.uid
    run_saved(client, saved["id"], parameters={"park": park})
    edited = client.patch(
        f"/api/research/saved-queries/{saved['id']}",
        {"cypher": HOSTED["cypher"].replace("o.kind AS kind", "o.kind AS kind, o.uid AS uid")},
        format="json",
    )
    assert edited.status_code == 200, edited.json()
    assert edited.json()["current"]["number"] == 2
    renamed = client.patch(
        f"/api/research/saved-queries/{saved['id']}", {"name": "承载机构"}, format="json"
    )
    assert renamed.json()["current"]["number"] == 2  # a rename is not a new version
    latest = run_saved(client, saved["id"], parameters={"park": park}).json()
    assert latest["columns"] == ["name", "kind", "uid"]
    first = run_saved(client, saved["id"], parameters={"park": park}, version=1).json()
    assert first["columns"] == ["name", "kind"]
    versions = client.get(f"/api/research/saved-queries/{saved['id']}/versions").json()
    assert [v["number"] for v in versions] == [2, 1]
    numbers = [r.saved_query_version.number for r in ConsoleRun.objects.order_by("id")]
    assert numbers == [1, 2, 1]
    history = client.get("/api/research/runs", {"saved_query": saved["id"]}).json()
    assert history["count"] == 3
    assert history["results"][0]["saved_query"] == {
        "id": saved["id"],
        "name": "承载机构",
        "version": 1,
    }


def test_a_write_or_a_refused_query_cannot_be_saved(
    research_net: ResearchNetwork, rita: User
) -> None:
    client = client_for(rita)
    write = save(client, name="坏查询", cypher="MATCH (n) DETACH DELETE n", parameters=[])
    assert write.status_code == 400 and write.json()["detail"]["reason"] == "not_read_only"
    apoc = save(client, name="坏查询", cypher="CALL apoc.load.json('x')", parameters=[])
    assert apoc.status_code == 400 and apoc.json()["code"] == "query_refused"
    assert not SavedQuery.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"cypher": ""}, "cypher"),
        ({"parameters": [{"name": "park", "type": "uid"}]}, "parameters"),  # others undeclared
        ({"parameters": "park"}, "parameters"),
        (
            {"parameters": [*HOSTED["parameters"], {"name": "extra", "type": "string"}]},
            "parameters",
        ),
        (
            {
                "parameters": [
                    {**HOSTED["parameters"][0], "type": "node"},
                    *HOSTED["parameters"][1:],
                ]
            },
            "parameters",
        ),
        (
            {
                "parameters": [
                    {**HOSTED["parameters"][0], "name": "1park"},
                    *HOSTED["parameters"][1:],
                ]
            },
            "parameters",
        ),
        (
            {
                "parameters": [
                    HOSTED["parameters"][0],
                    {**HOSTED["parameters"][1], "default": "many"},
                    HOSTED["parameters"][2],
                ]
            },
            "min_employees",
        ),
    ],
)
def test_bad_saved_queries_are_400s_naming_the_field(
    research_net: ResearchNetwork, rita: User, overrides: dict[str, Any], field: str
) -> None:
    response = save(client_for(rita), **overrides)
    assert response.status_code == 400, response.json()
    assert field in response.json()["detail"]


def test_the_same_name_twice_is_a_conflict(research_net: ResearchNetwork, rita: User) -> None:
    save(client_for(rita))
    assert save(client_for(rita)).status_code == 409


@pytest.mark.parametrize(
    ("parameters", "field"),
    [
        ({}, "park"),
        ({"park": "江宁园"}, "park"),
        ({"park": "park:1", "limit": "lots"}, "limit"),
        ({"park": "park:1", "limit": True}, "limit"),
        ({"park": "park:1", "sneaky": "x"}, "parameters"),
    ],
)
def test_bad_run_parameters_are_400s(
    research_net: ResearchNetwork, rita: User, bob: User, parameters: dict[str, Any], field: str
) -> None:
    saved = save(client_for(rita)).json()
    response = run_saved(client_for(bob), saved["id"], parameters=parameters)
    assert response.status_code == 400
    assert field in response.json()["detail"]


def test_who_may_see_edit_and_run_saved_queries(
    research_net: ResearchNetwork, rita: User, alice: User, bob: User, olga: User, charlie: User
) -> None:
    shared = save(client_for(rita)).json()
    private = save(client_for(rita), name="私有查询", shared=False).json()
    park = {"park": research_net.net.jiangning.uid}
    # Park staff and organisation users: shared ones only, run but not edit or create.
    for user in (bob, olga):
        names = [
            q["name"] for q in client_for(user).get("/api/research/saved-queries").json()["results"]
        ]
        assert names == ["园区承载机构"]
        assert run_saved(client_for(user), shared["id"], parameters=park).status_code == 200
        assert run_saved(client_for(user), private["id"], parameters=park).status_code == 404
        assert (
            client_for(user)
            .patch(f"/api/research/saved-queries/{shared['id']}", {"name": "x"}, format="json")
            .status_code
            == 403
        )
        assert save(client_for(user), name="新查询").status_code == 403
    # The secretariat sees and edits everything; another researcher may not edit rita's query.
    names = [
        q["name"] for q in client_for(alice).get("/api/research/saved-queries").json()["results"]
    ]
    assert sorted(names) == ["园区承载机构", "私有查询"]
    assert (
        client_for(alice)
        .patch(f"/api/research/saved-queries/{private['id']}", {"shared": True}, format="json")
        .status_code
        == 200
    )
    other = User.objects.create_user(username="ruth", password="x", role="researcher")
    assert (
        client_for(other)
        .patch(f"/api/research/saved-queries/{shared['id']}", {"name": "x"}, format="json")
        .status_code
        == 403
    )
    # No role: nothing at all.
    assert client_for(charlie).get("/api/research/saved-queries").status_code == 403
    assert run_saved(client_for(charlie), shared["id"], parameters=park).status_code == 403


def test_an_archived_query_disappears_but_its_runs_keep_their_version(
    research_net: ResearchNetwork, rita: User
) -> None:
    client = client_for(rita)
    saved = save(client).json()
    run_saved(client, saved["id"], parameters={"park": research_net.net.jiangning.uid})
    assert client.delete(f"/api/research/saved-queries/{saved['id']}").status_code == 204
    assert client.get("/api/research/saved-queries").json()["count"] == 0
    assert client.get(f"/api/research/saved-queries/{saved['id']}").status_code == 404
    assert ConsoleRun.objects.get().saved_query_version.saved_query_id == saved["id"]
    assert save(client).status_code == 201  # the name is free again
