"""Random reorders through the service, some from stale versions, some malformed: the stored
agenda is always a valid order (positions 0..n-1, one level of nesting) and equals the last
accepted request; every refused request leaves it untouched."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.accounts.models import User
from backend.alliance import services
from backend.alliance.models import AgendaItem, ItemStatus, Meeting
from backend.core.errors import Conflict, ValidationFailed
from backend.network.models import Park

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda_meeting(alice: User, bob: User, members: list[Park]) -> tuple[Meeting, list[int]]:
    meeting = services.meeting_create(
        user=alice, title="排序测试会议", starts_at=timezone.now() + timedelta(days=3)
    )
    ids = []
    for n in range(6):
        item = services.item_submit(
            user=bob, meeting=meeting, kind="major_matter", title=f"议题{n}"
        )
        services.item_triage(user=alice, item=item, action="accept")
        ids.append(item.pk)
    return meeting, ids


def _stored(meeting: Meeting) -> list[tuple[int, int | None, int]]:
    return list(
        AgendaItem.objects.filter(meeting=meeting, status=ItemStatus.ACCEPTED)
        .order_by("position")
        .values_list("pk", "parent_id", "position")
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_reorders_never_leave_a_corrupted_agenda(
    alice: User, agenda_meeting: tuple[Meeting, list[int]], data: st.DataObject
) -> None:
    meeting, ids = agenda_meeting
    meeting.refresh_from_db()
    before = _stored(meeting)
    stale = data.draw(st.booleans())
    version = meeting.agenda_version - (1 if stale and meeting.agenda_version > 1 else 0)
    order_ids = data.draw(st.permutations(ids))
    if data.draw(st.booleans()):
        order_ids = order_ids[:-1]  # malformed: one missing
    tops = data.draw(st.lists(st.sampled_from(order_ids), min_size=1, unique=True))
    order = [(i, None if i in tops else data.draw(st.sampled_from(tops))) for i in order_ids]
    try:
        services.agenda_reorder(user=alice, meeting=meeting, version=version, order=order)
    except (Conflict, ValidationFailed):
        assert _stored(meeting) == before
        return
    after = _stored(meeting)
    assert sorted(i for i, _, _ in after) == sorted(ids)
    assert [pos for _, _, pos in after] == list(range(len(ids)))
    parents = {i: p for i, p, _ in after}
    assert all(p is None or parents[p] is None for p in parents.values())
    assert parents == dict(order)
