"""Matching opens a docking thread between the posting park and the candidate park when both
are interested; both parks (and the secretariat) talk there."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backend.matching import services as matching_services
from backend.matching.models import MatchResult, MatchRun, ProjectStatus
from tests.docking.conftest import API, World, client_for, ok

pytestmark = pytest.mark.django_db


def test_mutual_interest_opens_a_thread_between_the_two_parks(world: World) -> None:
    project = matching_services.project_create(
        user=world.bob,
        park=world.net.jiangning,
        title="12 英寸芯片设计中心",
        industry=world.net.chip_design,
        positioning="service",
    )
    matching_services.project_transition(user=world.bob, project=project, to_status="open")
    run = MatchRun.objects.create(project=project)
    MatchResult.objects.create(
        run=run, project=project, park=world.net.jiangbei, rank=1, score=Decimal("80")
    )
    for user in (world.bob, world.carol):
        ok(
            client_for(user).post(
                f"/api/matching/projects/{project.pk}/matches/{world.net.jiangbei.pk}/feedback",
                {"response": "interest"},
                format="json",
            ),
            201,
        )
    project.refresh_from_db()
    assert project.status == ProjectStatus.NEGOTIATING

    threads = ok(client_for(world.carol).get(f"{API}/threads"))
    assert len(threads) == 1
    thread = threads[0]
    assert thread["project_id"] == project.pk and thread["request_id"] is None
    assert thread["side_a"]["id"] == world.net.jiangning.pk
    assert thread["side_b"]["id"] == world.net.jiangbei.pk
    ok(
        client_for(world.carol).post(
            f"{API}/threads/{thread['id']}/messages", {"body": "何时考察？"}, format="json"
        ),
        201,
    )
    assert [
        m["body"] for m in ok(client_for(world.bob).get(f"{API}/threads/{thread['id']}/messages"))
    ] == ["何时考察？"]
    assert client_for(world.nina).get(f"{API}/threads/{thread['id']}").status_code == 403
