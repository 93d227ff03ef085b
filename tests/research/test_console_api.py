"""The research console through the API, as users act: who may run free Cypher, what a run
answers (table, graph, caps), masking of confidential fields, the audit and the history."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from neo4j import Driver
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.research.models import ConsoleRun, RunOutcome
from backend.research.services import MAX_CONCURRENT_RUNS
from tests.research.conftest import HEAVY_QUERY, ResearchNetwork, client_for, run_console
from tests.support.processes import free_port

pytestmark = pytest.mark.django_db


def test_a_researcher_gets_a_table_and_the_graph_of_a_read_query(
    research_net: ResearchNetwork, rita_client: APIClient
) -> None:
    response = run_console(
        rita_client,
        "MATCH (p:Park)-[h:HOSTS]->(o:Organisation) RETURN p, h, o, o.name AS name ORDER BY name",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["columns"] == ["p", "h", "o", "name"]
    assert [row[3] for row in body["rows"]] == [
        "宁芯设计有限公司",
        "江宁晶圆制造有限公司",
        "紫金山实验室",
    ]
    assert body["rows"][0][0]["_kind"] == "node" and body["rows"][0][1]["_kind"] == "relationship"
    uids = {n["uid"] for n in body["nodes"]}
    assert research_net.net.jiangning.uid in uids and research_net.net.chipco.uid in uids
    assert {e["type"] for e in body["edges"]} == {"HOSTS"}
    node_ids = {n["id"] for n in body["nodes"]}
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in body["edges"])
    assert body["capped"] is False and body["masked"] is False
    run = ConsoleRun.objects.get(pk=body["run"]["id"])
    assert (run.outcome, run.rows, run.source) == (RunOutcome.OK, 3, "console")
    assert run.duration_ms is not None and run.finished_at is not None


def test_parameters_are_passed_not_interpolated(
    research_net: ResearchNetwork, rita_client: APIClient, graph: Driver
) -> None:
    hostile = "江宁园' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //"
    response = run_console(
        rita_client,
        "MATCH (p:Park) WHERE p.name = $name RETURN p.name AS name",
        parameters={"name": hostile},
    )
    assert response.status_code == 200
    assert response.json()["rows"] == []
    response = run_console(rita_client, "RETURN $text AS echoed", parameters={"text": hostile})
    assert response.json()["rows"] == [[hostile]]
    assert ConsoleRun.objects.filter(parameters={"text": hostile}).exists()


def test_the_row_cap_cuts_the_table_and_says_so(
    research_net: ResearchNetwork, rita_client: APIClient
) -> None:
    response = run_console(rita_client, "UNWIND range(1, 100000) AS x RETURN x", row_cap=25)
    body = response.json()
    assert body["capped"] is True and len(body["rows"]) == 25
    assert ConsoleRun.objects.get(pk=body["run"]["id"]).capped is True


def test_a_query_past_its_timeout_is_stopped_and_audited(
    research_net: ResearchNetwork, rita_client: APIClient
) -> None:
    response = run_console(rita_client, HEAVY_QUERY, timeout_s=1)
    body = response.json()
    assert response.status_code == 400
    assert body["code"] == "query_timeout" and body["detail"]["reason"] == "query_timeout"
    assert "1 s" in body["message"]
    run = ConsoleRun.objects.get(pk=body["detail"]["run_id"])
    assert run.outcome == RunOutcome.TIMEOUT and run.message_zh.startswith("查询超过")


def test_limits_outside_their_bounds_are_400s(rita_client: APIClient, graph: Driver) -> None:
    for extra in ({"timeout_s": 31}, {"timeout_s": 0}, {"row_cap": 10001}, {"row_cap": 0}):
        response = run_console(rita_client, "RETURN 1", **extra)
        assert response.status_code == 400
        assert response.json()["code"] == "validation_error"
        assert next(iter(extra)) in response.json()["detail"]


def test_a_refusal_answers_in_chinese_by_default_and_english_on_request(
    rita: User, graph: Driver
) -> None:
    zh = run_console(client_for(rita, "zh-hans"), "MATCH (n) DETACH DELETE n").json()
    en = run_console(client_for(rita, "en"), "MATCH (n) DETACH DELETE n").json()
    assert zh["code"] == en["code"] == "query_refused"
    assert zh["detail"]["reason"] == "not_read_only"
    assert "只读" in zh["message"] and "DETACH DELETE" in zh["message"]
    assert "read-only" in en["message"]


@pytest.mark.parametrize("who", ["alice", "rita"])
def test_the_secretariat_and_researchers_use_the_console(
    who: str, request: pytest.FixtureRequest, graph: Driver
) -> None:
    user = request.getfixturevalue(who)
    assert run_console(client_for(user), "RETURN 1 AS one").json()["rows"] == [[1]]


def test_park_staff_are_refused_free_cypher_and_the_attempt_is_audited(
    bob: User, graph: Driver
) -> None:
    response = run_console(client_for(bob), "MATCH (n) RETURN n")
    assert response.status_code == 403
    assert "saved queries" in response.json()["message"]
    run = ConsoleRun.objects.get(user=bob)
    assert (run.outcome, run.cypher) == (RunOutcome.FORBIDDEN, "MATCH (n) RETURN n")


def test_organisation_users_and_users_without_a_role_get_nothing(
    olga: User, charlie: User, graph: Driver
) -> None:
    assert run_console(client_for(olga), "RETURN 1").status_code == 403
    assert run_console(client_for(charlie), "RETURN 1").status_code == 403
    assert run_console(client_for(None), "RETURN 1").status_code in (401, 403)
    assert client_for(charlie).get("/api/research/runs").status_code == 403
    assert client_for(None).get("/api/research/saved-queries").status_code in (401, 403)


def test_confidential_fields_are_masked_in_nodes_and_maps(
    confidential_project: str, rita_client: APIClient
) -> None:
    response = run_console(
        rita_client,
        "MATCH (p:Project) RETURN p, properties(p) AS props, p {.*} AS projected, p.stage AS stage",
    )
    body = response.json()
    assert response.status_code == 200
    text = response.content.decode()
    assert "123456789" not in text and "7:3" not in text
    node, props, projected, stage = body["rows"][0]
    assert node["props"]["confidential_budget"] == "***"
    assert props["confidential_terms"] == "***" and projected["confidential_budget"] == "***"
    assert stage == "docking" and props["name"] == "宁芯联合招商项目"
    assert body["masked"] is True
    assert body["nodes"][0]["props"]["confidential_terms"] == "***"


@pytest.mark.parametrize(
    ("cypher", "parameters"),
    [
        ("MATCH (p:Project) RETURN p.confidential_budget", {}),
        ("MATCH (p:Project) RETURN p.`confidential_budget`", {}),
        ("MATCH (p:Project) RETURN p['confidential_budget']", {}),
        ("MATCH (p:Project) RETURN p['\\u0063onfidential_budget']", {}),
        ("MATCH (p:Project) WHERE p.confidential_budget > 1 RETURN count(p)", {}),
        ("MATCH (p:Project) UNWIND keys(p) AS k RETURN p[k]", {}),
        ("MATCH (p:Project) RETURN [k IN keys(p) | properties(p)[k]]", {}),
        ("MATCH (p:Project) RETURN p[$key]", {"key": "confidential_budget"}),
        (
            "MATCH (p:Project) WHERE properties(p) = $guess RETURN p",
            {"guess": {"confidential_budget": 1}},
        ),
    ],
)
def test_no_query_reads_a_confidential_value(
    confidential_project: str, rita_client: APIClient, cypher: str, parameters: dict[str, object]
) -> None:
    response = run_console(rita_client, cypher, parameters=parameters)
    assert response.status_code == 400, response.json()
    assert response.json()["code"] == "query_refused"
    assert "123456789" not in response.content.decode()


def test_a_users_history_holds_their_own_runs_and_the_secretariat_sees_all(
    research_net: ResearchNetwork, rita: User, alice: User
) -> None:
    run_console(client_for(rita), "RETURN 1")
    run_console(client_for(rita), "CREATE (:X)")
    run_console(client_for(alice), "RETURN 2")
    mine = client_for(rita).get("/api/research/runs").json()
    assert [r["outcome"] for r in mine["results"]] == ["refused", "ok"]
    assert mine["results"][0]["message"].startswith("The console runs read-only")
    assert mine["results"][0]["reason"] == "not_read_only"
    assert client_for(rita).get("/api/research/runs", {"scope": "all"}).status_code == 403
    everyone = client_for(alice).get("/api/research/runs", {"scope": "all"}).json()
    assert everyone["count"] == 3
    only_rita = client_for(alice).get("/api/research/runs", {"scope": "all", "user": rita.pk})
    assert only_rita.json()["count"] == 2
    other = ConsoleRun.objects.get(user=alice)
    assert client_for(rita).get(f"/api/research/runs/{other.pk}").status_code == 404
    assert (
        client_for(alice).get(f"/api/research/runs/{mine['results'][0]['id']}").status_code == 200
    )


def test_the_history_list_takes_a_fixed_number_of_queries(
    research_net: ResearchNetwork, alice: User
) -> None:
    client = client_for(alice)
    for i in range(3):
        run_console(client, f"RETURN {i}")
    with CaptureQueriesContext(connection) as few:
        client.get("/api/research/runs", {"scope": "all"})
    for i in range(10):
        run_console(client, f"RETURN {i}")
    with CaptureQueriesContext(connection) as many:
        client.get("/api/research/runs", {"scope": "all"})
    assert len(many) == len(few)


def test_bad_history_filters_are_400s(rita_client: APIClient) -> None:
    assert rita_client.get("/api/research/runs", {"outcome": "nope"}).status_code == 400
    assert rita_client.get("/api/research/runs", {"user": "x"}).status_code == 400
    assert rita_client.get("/api/research/runs/999999").status_code == 404


def test_a_user_may_not_run_more_than_the_limit_at_once(
    rita: User, rita_client: APIClient, graph: Driver
) -> None:
    for _ in range(MAX_CONCURRENT_RUNS):
        ConsoleRun.objects.create(
            user=rita, source="console", cypher="x", timeout_s=5, row_cap=1, outcome="running"
        )
    response = run_console(rita_client, "RETURN 1")
    assert response.status_code == 429
    assert response.json()["code"] == "console_busy"
    assert ConsoleRun.objects.filter(user=rita, outcome=RunOutcome.BUSY).count() == 1


def test_the_console_answers_503_when_neo4j_is_down(
    rita_client: APIClient, settings: object
) -> None:
    settings.NEO4J_URI = f"bolt://127.0.0.1:{free_port()}"  # type: ignore[attr-defined]
    response = run_console(rita_client, "RETURN 1")
    assert response.status_code == 503
    assert response.json()["code"] == "graph_unavailable"
    assert ConsoleRun.objects.get().outcome == RunOutcome.UNAVAILABLE


def test_check_explains_without_running_and_schema_lists_hints(
    confidential_project: str, rita_client: APIClient
) -> None:
    ok = rita_client.post(
        "/api/research/console/check",
        {"cypher": "MATCH (p:Park {uid: $uid}) RETURN p"},
        format="json",
    ).json()
    assert ok["ok"] is True and ok["query_type"] == "r" and ok["parameters"] == ["uid"]
    refused = rita_client.post(
        "/api/research/console/check", {"cypher": "CREATE (:X)"}, format="json"
    )
    assert refused.status_code == 400 and refused.json()["detail"]["reason"] == "not_read_only"
    assert not ConsoleRun.objects.exists()  # a check is not a run
    schema = rita_client.get("/api/research/console/schema").json()
    assert "Park" in schema["labels"] and "HOSTS" in schema["types"]
    assert "uid" in schema["keys"] and not any(k.startswith("confidential") for k in schema["keys"])
    assert schema["limits"]["row_cap"]["max"] == 10000


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_both_finish(research_net: ResearchNetwork, rita: User) -> None:
    answers: list[int] = []

    def one() -> None:
        answers.append(run_console(client_for(rita), "MATCH (n) RETURN count(n) AS n").status_code)
        connection.close()

    threads = [threading.Thread(target=one) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert answers == [200, 200]
