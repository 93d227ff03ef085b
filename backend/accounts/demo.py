"""The documented demo accounts `make run` creates (listed in the README).

Never available in production: the production settings switch NINGJU_DEMO_ACCOUNTS off and the
command refuses to run there.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from backend.accounts.models import Role, User
from backend.accounts.services import user_create
from backend.network.models import Organisation, OrganisationKind, Park

DEMO_PASSWORD = "ningju-demo-2026"  # noqa: S105 - documented demo password, local only
DEMO_PARK_NAME = "江宁园"
DEMO_ORGANISATION_NAME = "南京大学"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    display_name: str
    role: Role


DEMO_ACCOUNTS = (
    DemoAccount("demo-admin", "系统管理员", Role.ADMIN),
    DemoAccount("demo-secretariat", "联席会议秘书处 王秘书", Role.SECRETARIAT),
    DemoAccount("demo-park", "江宁园 招商专员 李园", Role.PARK_STAFF),
    DemoAccount("demo-org", "南京大学 技术转移中心 赵老师", Role.ORG_USER),
    DemoAccount("demo-researcher", "都市圈研究院 陈研究员", Role.RESEARCHER),
)


@transaction.atomic
def demo_accounts_ensure() -> list[str]:
    """Create the demo accounts that do not exist yet; returns the usernames created."""
    park, _ = Park.objects.get_or_create(name=DEMO_PARK_NAME)
    organisation, _ = Organisation.objects.get_or_create(
        name=DEMO_ORGANISATION_NAME, kind=OrganisationKind.UNIVERSITY
    )
    created: list[str] = []
    for account in DEMO_ACCOUNTS:
        if User.objects.filter(username=account.username).exists():
            continue
        user_create(
            username=account.username,
            password=DEMO_PASSWORD,
            role=account.role,
            display_name=account.display_name,
            park=park if account.role == Role.PARK_STAFF else None,
            organisation=organisation if account.role == Role.ORG_USER else None,
            validate=False,
        )
        created.append(account.username)
    return created
