from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q


class Role(models.TextChoices):
    ADMIN = "admin", "系统管理员 Administrator"
    SECRETARIAT = "secretariat", "联席会议秘书处 Secretariat"
    PARK_STAFF = "park_staff", "园区工作人员 Park staff"
    ORG_USER = "org_user", "机构用户 Organisation user"
    RESEARCHER = "researcher", "研究人员 Researcher"


class User(AbstractUser):
    """A person signed in to the platform: one role, and for park staff and organisation
    users the one park or organisation they act for. An empty role means no access beyond
    signing in (a new account waiting for the secretariat)."""

    display_name = models.CharField(max_length=64, blank=True)
    role = models.CharField(max_length=20, choices=Role.choices, blank=True, default="")
    park = models.ForeignKey(
        "network.Park", null=True, blank=True, on_delete=models.PROTECT, related_name="staff"
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="user_membership_matches_role",
                condition=(
                    (Q(role=Role.PARK_STAFF) & Q(park__isnull=False) & Q(organisation__isnull=True))
                    | (Q(role=Role.ORG_USER) & Q(organisation__isnull=False) & Q(park__isnull=True))
                    | (
                        ~Q(role__in=[Role.PARK_STAFF, Role.ORG_USER])
                        & Q(park__isnull=True)
                        & Q(organisation__isnull=True)
                    )
                ),
            )
        ]

    @property
    def name_for_display(self) -> str:
        return self.display_name or self.get_full_name() or self.username
