"""`manage.py seed_alliance` makes the flagged parks members, once, with a chair."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from backend.alliance.models import AllianceMember, MemberRole
from backend.network.models import Park

pytestmark = pytest.mark.django_db


def test_seeding_the_alliance_is_idempotent_and_names_a_chair() -> None:
    first = Park.objects.create(name="南京高新区江北园", alliance_member=True)
    Park.objects.create(name="镇江高新区", alliance_member=True)
    Park.objects.create(name="非成员园区", alliance_member=False)
    call_command("seed_alliance")
    call_command("seed_alliance")
    members = AllianceMember.objects.order_by("park_id")
    assert members.count() == 2
    assert members.get(park=first).role == MemberRole.CHAIR
    assert members.filter(role=MemberRole.CHAIR).count() == 1
