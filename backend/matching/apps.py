from __future__ import annotations

from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "backend.matching"
    label = "matching"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "联合招商 Joint-investment matching"
