from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction

from backend.accounts.models import Role, User
from backend.core.errors import ValidationFailed
from backend.core.lib.bilingual import Bilingual
from backend.network.models import Organisation, Park

MEMBERSHIP_MISMATCH = Bilingual(
    zh="园区工作人员须且只能属于一个园区；机构用户须且只能属于一个机构；其他角色不属于园区或机构。",
    en="Park staff belong to exactly one park, organisation users to exactly one organisation, "
    "other roles to neither.",
)


def _check_membership(role: str, park: Park | None, organisation: Organisation | None) -> None:
    ok = (
        (role == Role.PARK_STAFF and park is not None and organisation is None)
        or (role == Role.ORG_USER and organisation is not None and park is None)
        or (role not in (Role.PARK_STAFF, Role.ORG_USER) and park is None and organisation is None)
    )
    if not ok:
        raise ValidationFailed(MEMBERSHIP_MISMATCH, detail={"role": role})


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    role: str = "",
    display_name: str = "",
    park: Park | None = None,
    organisation: Organisation | None = None,
    email: str = "",
    validate: bool = True,
) -> User:
    if role and role not in Role.values:
        raise ValidationFailed(detail={"role": [f"unknown role {role!r}"]})
    _check_membership(role, park, organisation)
    if User.objects.filter(username=username).exists():
        raise ValidationFailed(detail={"username": ["already taken"]})
    user = User(
        username=username,
        role=role,
        display_name=display_name,
        park=park,
        organisation=organisation,
        email=email,
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )
    if validate:
        try:
            validate_password(password, user)
        except DjangoValidationError as exc:
            raise ValidationFailed(detail={"password": list(exc.messages)}) from exc
    user.set_password(password)
    user.save()
    return user
