"""The notifications websocket: `/ws/notifications/`.

Who may connect: any signed-in user (session or token); anonymous sockets are closed with
code 4401. A user joins their own room and their park's room; the consumer only relays what
services send after commit (`{"type": "notify", "event": {...}}`) and never writes.
"""

from __future__ import annotations

from typing import Any

from channels.generic.websocket import AsyncJsonWebsocketConsumer

from backend.notifications.groups import park_group, user_group

CLOSE_UNAUTHENTICATED = 4401


class NotificationConsumer(AsyncJsonWebsocketConsumer):
    groups_joined: list[str]

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or not user.is_active:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.groups_joined = [user_group(user.pk)]
        if getattr(user, "park_id", None):
            self.groups_joined.append(park_group(user.park_id))
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        await self.send_json({"type": "welcome", "user_id": user.pk})

    async def disconnect(self, code: int) -> None:
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if isinstance(content, dict) and content.get("type") == "ping":
            await self.send_json({"type": "pong"})

    async def notify(self, message: dict[str, Any]) -> None:
        await self.send_json({"type": "notification", "event": message.get("event", {})})
