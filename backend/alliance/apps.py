from __future__ import annotations

from django.apps import AppConfig


class AllianceConfig(AppConfig):
    name = "backend.alliance"
    label = "alliance"
    verbose_name = "联盟与联席会议 Alliance and joint meetings"

    def ready(self) -> None:
        from backend.alliance.access import user_may_join_meeting_room
        from backend.notifications.rooms import register_room_access

        register_room_access("meeting", user_may_join_meeting_room)
