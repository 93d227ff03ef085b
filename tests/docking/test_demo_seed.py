"""`make run`'s docking demo: postings, a request in progress, and one docking agreed between
two parks, which ties them in the graph. Seeding twice changes nothing.

(Both requests were once skipped silently: the seed checked the draft instance, not the
published row, for being published.)"""

from __future__ import annotations

import pytest
from django.core.management import call_command

from backend.accounts.models import Role
from backend.accounts.services import user_create
from backend.docking.demo import docking_demo_seed
from backend.docking.models import DockingRequest, Posting, RequestStatus
from backend.network.models import Park, Relation, RelationKind

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_agreed_docking_that_ties_two_parks() -> None:
    call_command("seed_demo", verbosity=0)
    user_create(username="demo-sec", password="x", role=Role.SECRETARIAT, validate=False)

    assert docking_demo_seed() > 0
    jiangbei = Park.objects.get(name="江北新区")
    agreed = DockingRequest.objects.get(requester_park=jiangbei, status=RequestStatus.AGREED)
    owner = agreed.posting.owner_park
    assert owner is not None and owner.name == "江宁国家高新园"
    [tie] = Relation.objects.filter(kind=RelationKind.DOCKED_WITH)
    assert {tie.source_park_id, tie.target_park_id} == {owner.pk, jiangbei.pk}
    lab_request = DockingRequest.objects.get(requester_organisation__name="紫金山实验室")
    assert lab_request.status == RequestStatus.ACCEPTED  # a docking still in progress

    before = (Posting.objects.count(), DockingRequest.objects.count(), Relation.objects.count())
    assert docking_demo_seed() == 0
    after = (Posting.objects.count(), DockingRequest.objects.count(), Relation.objects.count())
    assert after == before
