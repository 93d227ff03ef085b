"""The graph's system of record.

The foundation needs parks and organisations only as what a user belongs to; the graph issue
gives them their full shape (city, zone, level, industries, flags, relations, outbox).
"""

from __future__ import annotations

from django.db import models


class OrganisationKind(models.TextChoices):
    UNIVERSITY = "university", "高校 University"
    LAB = "lab", "实验室/创新中心/新型研发机构 Lab or institute"
    ENTERPRISE = "enterprise", "企业 Enterprise"
    INCUBATOR = "incubator", "孵化器/加速器/众创空间 Incubator"
    FINANCIER = "financier", "基金/银行 Fund or bank"


class Park(models.Model):
    name = models.CharField(max_length=128, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="organisation_unique_kind_name")
        ]

    def __str__(self) -> str:
        return self.name
