"""Must hold (issue 8): every query of the hostile corpus is refused with a clear reason, in
Chinese and English, or stopped by its timeout; each attempt is audited; and the whole graph
(nodes, relationships, properties, schema) and the server's users are unchanged afterwards."""

from __future__ import annotations

import re

import pytest
from neo4j import Driver

from backend.accounts.models import User
from backend.research.models import ConsoleRun, RunOutcome
from tests.research.conftest import (
    ResearchNetwork,
    client_for,
    graph_checksum,
    run_console,
    system_users,
)
from tests.research.hostile import CORPUS

pytestmark = pytest.mark.django_db

CJK = re.compile(r"[\u4e00-\u9fff]")
STOPPED = {
    ("query_refused", None),
    ("query_timeout", "query_timeout"),
    ("query_failed", "query_memory"),
}


def test_the_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 50
    assert len({(cypher, repr(parameters)) for cypher, parameters in CORPUS}) == len(CORPUS)


def test_every_hostile_query_is_refused_or_stopped_and_the_graph_is_unchanged(
    research_net: ResearchNetwork, confidential_project: str, rita: User, graph: Driver
) -> None:
    before, users_before = graph_checksum(graph), system_users(graph)
    client = client_for(rita, "zh-hans")
    outcomes: dict[str, int] = {}
    for cypher, parameters in CORPUS:
        response = run_console(client, cypher, parameters=parameters, timeout_s=1, row_cap=10)
        body = response.json()
        label = f"{cypher[:80]!r} {str(parameters)[:60]}"
        assert response.status_code == 400, f"{label} was not stopped: {body}"
        reason = body["detail"]["reason"]
        assert (body["code"], None if body["code"] == "query_refused" else reason) in STOPPED, (
            f"{label}: {body}"
        )
        assert CJK.search(body["message"]), f"{label}: message not in Chinese: {body['message']}"
        run = ConsoleRun.objects.get(pk=body["detail"]["run_id"])
        assert run.message_en and not CJK.search(run.message_en.split(":")[0]), label
        assert run.outcome in (RunOutcome.REFUSED, RunOutcome.TIMEOUT, RunOutcome.FAILED)
        outcomes[reason] = outcomes.get(reason, 0) + 1
    assert ConsoleRun.objects.filter(user=rita).count() == len(CORPUS)
    assert graph_checksum(graph) == before
    assert system_users(graph) == users_before
    labels = {r["label"] for r in graph.execute_query("CALL db.labels()").records}
    assert "Evil" not in labels
    print("hostile corpus outcomes:", dict(sorted(outcomes.items())))
