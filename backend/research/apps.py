from __future__ import annotations

from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "backend.research"
    label = "research"
    verbose_name = "研究 Research"
