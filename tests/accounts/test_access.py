"""Who may touch what: the access helpers every later feature goes through."""

from __future__ import annotations

import pytest

from backend.accounts.access import (
    access_organisation_for_user,
    access_park_for_user,
    user_can_read,
    user_can_write,
    user_is_curator,
)
from backend.accounts.models import Role, User
from backend.accounts.services import user_create
from backend.core.errors import NotFound, PermissionDenied, ValidationFailed
from backend.network.models import Organisation, Park

pytestmark = pytest.mark.django_db


def test_staff_of_a_park_edit_their_own_park(bob: User, jiangning: Park) -> None:
    assert access_park_for_user(bob, jiangning.pk, for_write=True) == jiangning


def test_it_rejects_another_parks_edit(bob: User, jiangbei: Park) -> None:
    assert access_park_for_user(bob, jiangbei.pk) == jiangbei  # reading is fine
    with pytest.raises(PermissionDenied) as refused:
        access_park_for_user(bob, jiangbei.pk, for_write=True)
    assert refused.value.message.en == "You can only change your own park's data."


def test_the_secretariat_curates_every_park(alice: User, jiangbei: Park) -> None:
    assert user_is_curator(alice)
    assert access_park_for_user(alice, jiangbei.pk, for_write=True) == jiangbei


def test_a_researcher_reads_but_cannot_write(rita: User, jiangning: Park) -> None:
    assert user_can_read(rita) and not user_can_write(rita)
    assert access_park_for_user(rita, jiangning.pk) == jiangning
    with pytest.raises(PermissionDenied) as refused:
        access_park_for_user(rita, jiangning.pk, for_write=True)
    assert refused.value.message.zh == "研究人员账户为只读，不能修改数据。"


def test_a_user_without_a_role_reads_nothing(charlie: User, jiangning: Park) -> None:
    assert not user_can_read(charlie)
    with pytest.raises(PermissionDenied):
        access_park_for_user(charlie, jiangning.pk)


def test_an_unknown_park_is_not_found(alice: User) -> None:
    with pytest.raises(NotFound):
        access_park_for_user(alice, 987654)


def test_an_organisation_user_edits_only_their_organisation(nju: Organisation) -> None:
    other = Organisation.objects.create(name="东南大学", kind="university")
    member = user_create(
        username="olga", password="x", role=Role.ORG_USER, organisation=nju, validate=False
    )
    assert access_organisation_for_user(member, nju.pk, for_write=True) == nju
    with pytest.raises(PermissionDenied):
        access_organisation_for_user(member, other.pk, for_write=True)


def test_park_staff_must_belong_to_a_park() -> None:
    with pytest.raises(ValidationFailed):
        user_create(username="p", password="x", role=Role.PARK_STAFF, validate=False)


def test_a_researcher_cannot_belong_to_a_park(jiangning: Park) -> None:
    with pytest.raises(ValidationFailed):
        user_create(
            username="r", password="x", role=Role.RESEARCHER, park=jiangning, validate=False
        )
