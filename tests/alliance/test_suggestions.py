"""Meeting preparation: stalled joint-investment projects join the suggested items."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.docking.models import DockingRequest, Posting, RequestStatus
from backend.matching.models import Project, ProjectStatus, ProjectStatusChange
from backend.network.models import Industry, Park
from tests.alliance.conftest import API, ok
from tests.alliance.flows import call_meeting

pytestmark = pytest.mark.django_db

Client = Callable[[User], APIClient]


def project(park: Park, title: str, status: str, *, changed_days_ago: int | None) -> Project:
    industry, _ = Industry.objects.get_or_create(
        code="ic-design", defaults={"name": "集成电路设计"}
    )
    row = Project.objects.create(
        park=park, title=title, industry=industry, positioning="manufacturing", status=status
    )
    Project.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(days=400))
    if changed_days_ago is not None:
        change = ProjectStatusChange.objects.create(
            project=row, from_status="open", to_status=status
        )
        ProjectStatusChange.objects.filter(pk=change.pk).update(
            at=timezone.now() - timedelta(days=changed_days_ago)
        )
    return row


def test_it_suggests_open_or_negotiating_projects_with_no_status_change_for_long(
    client_for: Client, alice: User, members: list[Park]
) -> None:
    jiangning, jiangbei, _ = members
    stalled = project(jiangning, "芯片封测基地", ProjectStatus.NEGOTIATING, changed_days_ago=90)
    never_moved = project(jiangbei, "生物医药中试平台", ProjectStatus.OPEN, changed_days_ago=None)
    project(jiangning, "刚洽谈的项目", ProjectStatus.NEGOTIATING, changed_days_ago=5)
    project(jiangning, "已签约项目", ProjectStatus.SIGNED, changed_days_ago=200)
    project(jiangning, "草稿项目", ProjectStatus.DRAFT, changed_days_ago=None)
    meeting = call_meeting(client_for(alice))

    rows = ok(client_for(alice).get(f"{API}/meetings/{meeting['id']}/suggestions"))
    found = [r for r in rows if r["source"] == "stalled_project"]
    assert [(r["ref"], r["park_id"]) for r in found] == [
        (never_moved.pk, jiangbei.pk),  # stalled longest first
        (stalled.pk, jiangning.pk),
    ]
    assert found[1]["title"] == "芯片封测基地"
    assert found[1]["detail"] == "江宁园 · 洽谈中"
    assert found[1]["days"] == 90

    shorter = ok(
        client_for(alice).get(f"{API}/meetings/{meeting['id']}/suggestions?stalled_days=3")
    )
    assert len([r for r in shorter if r["source"] == "stalled_project"]) == 3
    bad = client_for(alice).get(f"{API}/meetings/{meeting['id']}/suggestions?stalled_days=0")
    assert bad.status_code == 400


def test_member_parks_do_not_see_the_suggestions(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    project(members[0], "芯片封测基地", ProjectStatus.OPEN, changed_days_ago=90)
    meeting = call_meeting(client_for(alice))
    assert client_for(bob).get(f"{API}/meetings/{meeting['id']}/suggestions").status_code == 403


def docking(owner: Park, requester: Park, status: str, *, days_ago: int) -> DockingRequest:
    posting = Posting.objects.create(
        kind="tech_need", title=f"{owner.name}的技术需求", owner_park=owner, status="published"
    )
    row = DockingRequest.objects.create(
        posting=posting, requester_park=requester, message="希望对接", status=status
    )
    DockingRequest.objects.filter(pk=row.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return row


def test_it_suggests_docking_requests_open_for_long_with_their_parties(
    client_for: Client, alice: User, members: list[Park]
) -> None:
    jiangning, jiangbei, third = members
    waiting = docking(jiangning, jiangbei, RequestStatus.REQUESTED, days_ago=45)
    docking(jiangning, third, RequestStatus.IN_TALKS, days_ago=3)  # moving: not suggested
    docking(jiangbei, third, RequestStatus.AGREED, days_ago=90)  # done: not suggested
    meeting = call_meeting(client_for(alice))

    rows = ok(client_for(alice).get(f"{API}/meetings/{meeting['id']}/suggestions"))
    found = [r for r in rows if r["source"] == "open_docking"]
    assert [r["ref"] for r in found] == [waiting.pk]
    assert found[0]["days"] == 45
    assert found[0]["detail"] == f"{jiangbei.name} → {jiangning.name} · 已申请"
    assert found[0]["linked_uids"] == [
        f"posting:{waiting.posting_id}",
        f"park:{jiangning.pk}",
        f"park:{jiangbei.pk}",
    ]
    # The secretariat turns it into an agenda item; the links resolve.
    item = client_for(alice).post(
        f"{API}/meetings/{meeting['id']}/items",
        {
            "kind": "project_docking",
            "title": found[0]["title"],
            "text": found[0]["detail"],
            "linked_uids": found[0]["linked_uids"],
        },
        format="json",
    )
    assert item.status_code == 201, item.json()
