from __future__ import annotations

from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "backend.matching"
    label = "matching"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "联合招商 Joint-investment matching"

    def ready(self) -> None:
        from backend.matching.tasks import queue_rematch_after_graph_change
        from backend.network.signals import graph_changed

        graph_changed.connect(
            queue_rematch_after_graph_change, dispatch_uid="matching.rematch_on_graph_change"
        )
