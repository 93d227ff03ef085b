"""A real websocket client (the `websockets` package) for the platform served by Daphne."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from websockets.asyncio.client import ClientConnection, connect


def ws_url(live_url: str, path: str = "/ws/notifications/") -> str:
    return live_url.replace("http://", "ws://", 1) + path


class LiveSocket:
    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection

    @classmethod
    async def open(
        cls, live_url: str, *, token: str | None = None, headers: dict[str, str] | None = None
    ) -> LiveSocket:
        extra = dict(headers or {})
        if token:
            extra["Authorization"] = f"Token {token}"
        connection = await connect(
            ws_url(live_url),
            additional_headers=extra,
            proxy=None,
            compression=None,
            open_timeout=10,
        )
        return cls(connection)

    async def next(self, timeout: float = 10) -> dict[str, Any]:
        message = await asyncio.wait_for(self.connection.recv(), timeout)
        frame: dict[str, Any] = json.loads(message)
        return frame

    async def send(self, frame: dict[str, Any] | str) -> None:
        await self.connection.send(frame if isinstance(frame, str) else json.dumps(frame))

    async def welcome(self) -> dict[str, Any]:
        frame = await self.next()
        assert frame["type"] == "welcome", frame
        return frame

    async def hello(self, last_id: int = 0) -> list[dict[str, Any]]:
        """Send hello; every frame up to and including `synced`."""
        await self.send({"type": "hello", "last_id": last_id})
        frames = []
        while True:
            frames.append(await self.next())
            if frames[-1]["type"] in ("synced", "error"):
                return frames

    async def close(self) -> None:
        await self.connection.close()
