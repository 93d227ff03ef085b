from __future__ import annotations

from django.apps import AppConfig


class DockingConfig(AppConfig):
    name = "backend.docking"
    label = "docking"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "在线对接 Online docking"

    def ready(self) -> None:
        from backend.docking.access import user_may_join_thread_room
        from backend.notifications.rooms import register_room_access

        register_room_access("thread", user_may_join_thread_room)
