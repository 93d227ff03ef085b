"""The notifications websocket: `/ws/notifications/`, one per browser tab.

Who may connect: any signed-in, active user (session cookie or API token, see
accounts/ws_auth.py; a page from another site is refused by the origin check). Anonymous
sockets are accepted and closed at once with 4401, so that clients can tell why. A socket joins
the user's room `user-<id>`, for park staff their park's room `park-<id>`, and meeting rooms on
request (rooms.py). The consumer never writes: services persist notifications and send after
commit (delivery.py); it authenticates, joins rooms and relays.

Protocol, version 1. Every frame is one JSON text frame holding an object with a string "type".

client -> server
  {"type": "hello", "last_id": n}   start (or restart) the stream after notification n; 0 means
                                    from the beginning. Send on every (re)connect; nothing is
                                    streamed before it.
  {"type": "subscribe", "room": "meeting", "id": m}    join a room the user may see
  {"type": "unsubscribe", "room": "meeting", "id": m}
  {"type": "ping"}

server -> client
  {"type": "welcome", "user_id": u}                    when the socket opens
  {"type": "notification", "id": n, "kind": k, "urgent": bool}
        one frame per notification of this user, never two for the same id, ids strictly
        increasing on a socket: first the replay from the database of everything after
        last_id, then live ones. The client refetches details over HTTP.
  {"type": "synced", "last_id": n, "replayed": r, "truncated": bool}
        the replay is complete and n is the stream position. truncated: more than
        BACKFILL_LIMIT were missed, so none were sent one by one; refetch lists over HTTP.
  {"type": "read"}                   notifications were marked read (in another tab, say)
  {"type": "event", "room": "meeting-7", "topic": "agenda.item_advanced", "ref": 12}
        something changed for a room the socket is in; not stored, not replayed
  {"type": "subscribed" | "unsubscribed", "room": "meeting-7"}
  {"type": "pong"}
  {"type": "error", "code": c, "message": text}        the socket stays open. Codes:
        malformed (not JSON, not an object with a string type, or a binary frame),
        unknown_type, invalid_last_id (not an integer >= 0), foreign_last_id (another user's
        notification), unknown_last_id (beyond every id given out), invalid_room,
        unknown_room, room_forbidden. The message is in Chinese, or English with `?lang=en`
        or an English Accept-Language.

Close codes: 4401 not signed in; 4413 a frame over MAX_FRAME_BYTES (after an error frame with
code too_large); 4400 more than MAX_BAD_FRAMES error frames on one socket.

Why each notification is sent once and none is lost. Before hello, live messages are ignored:
a notification is committed before it is sent, so the hello's replay, which reads later, holds
it. After hello the socket keeps a high-water mark, the last id it sent. Each live message
carries the recipient's previous notification id. If the socket has sent that one, it sends
this one straight away; if not, an earlier notification is still on its way from another
process, and the socket replays from the database past its mark instead, which holds both
(a user's ids grow in commit order: services._lock_streams). Anything at or below the mark has
been sent and is dropped. A consumer handles its messages one at a time, so replay and live
delivery never interleave.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeGuard, TypeVar
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncWebsocketConsumer

from backend.core.async_db import db_sync_to_async
from backend.core.lib.bilingual import Bilingual
from backend.core.metrics import websocket_closed, websocket_opened
from backend.notifications.groups import park_group, user_group
from backend.notifications.rooms import SUBSCRIBABLE_ROOMS, room_access, room_group
from backend.notifications.selectors import (
    StreamPage,
    notification_resume,
    notification_stream_after,
)

logger = logging.getLogger(__name__)
T = TypeVar("T")

PROTOCOL_VERSION = 1
CLOSE_UNAUTHENTICATED = 4401
CLOSE_TOO_MANY_BAD_FRAMES = 4400
# Daphne (autobahn) lets an application close only with 1000 or 3000-4999, so not 1009. Frames
# over Daphne's own limit (1 MiB) are closed with 1009 before they reach the consumer.
CLOSE_TOO_LARGE = 4413
MAX_FRAME_BYTES = 4096
MAX_BAD_FRAMES = 20
BACKFILL_LIMIT = 200
_MAX_ID = 2**63 - 1

ERRORS: dict[str, Bilingual] = {
    "malformed": Bilingual(
        zh="消息格式无效：请发送带有字符串 type 字段的 JSON 对象。",
        en='Malformed frame: send a JSON object with a string "type".',
    ),
    "too_large": Bilingual(
        zh=f"消息过大（上限 {MAX_FRAME_BYTES} 字节），连接将关闭。",
        en=f"Frame too large (limit {MAX_FRAME_BYTES} bytes); closing.",
    ),
    "unknown_type": Bilingual(zh="不支持的消息类型。", en="Unknown message type."),
    "invalid_last_id": Bilingual(
        zh="last_id 必须是不小于 0 的整数。", en="last_id must be an integer of 0 or more."
    ),
    "foreign_last_id": Bilingual(
        zh="last_id 不是您的通知编号。", en="last_id is not one of your notifications."
    ),
    "unknown_last_id": Bilingual(
        zh="没有编号为 last_id 的通知。", en="No notification has that last_id."
    ),
    "invalid_room": Bilingual(
        zh="room 必须是房间类型，id 必须是正整数。",
        en="room must be a room kind and id a positive integer.",
    ),
    "unknown_room": Bilingual(zh="没有可订阅的此类房间。", en="No such room can be joined."),
    "room_forbidden": Bilingual(zh="您无权加入该房间。", en="You may not join this room."),
}


def _language(scope: dict[str, Any]) -> str:
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    wanted = (query.get("lang") or [""])[0]
    if not wanted:
        for name, value in scope.get("headers", []):
            if name == b"accept-language":
                wanted = value.decode("latin-1")
                break
    return "en" if wanted.strip().lower().startswith("en") else "zh-hans"


class NotificationConsumer(AsyncWebsocketConsumer):
    user: Any
    user_id: int
    language: str
    high_water: int | None
    bad_frames: int
    own_groups: frozenset[str]
    rooms: set[str]

    async def connect(self) -> None:
        user = self.scope.get("user")
        self.own_groups, self.rooms = frozenset(), set()
        self.language = _language(self.scope)
        self.high_water, self.bad_frames = None, 0
        if user is None or not user.is_authenticated or not user.is_active:
            await self.accept()
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.user, self.user_id = user, user.pk
        groups = [user_group(user.pk)]
        if getattr(user, "park_id", None):
            groups.append(park_group(user.park_id))
        for group in groups:
            await self.channel_layer.group_add(group, self.channel_name)
        self.own_groups = frozenset(groups)
        websocket_opened()  # a socket with own_groups is counted once, here and on disconnect
        await self.accept()
        await self._send({"type": "welcome", "user_id": user.pk, "protocol": PROTOCOL_VERSION})

    async def disconnect(self, code: int) -> None:
        if self.own_groups:
            websocket_closed()
        for group in [*self.own_groups, *self.rooms]:
            try:
                await self.channel_layer.group_discard(group, self.channel_name)
            except Exception as error:  # the layer being down must not turn a close into a crash
                logger.warning("could not leave %s on disconnect: %r", group, error)

    async def dispatch(self, message: dict[str, Any]) -> None:
        # Channels closes stale database connections before every handler, a hop through the
        # one thread that runs sync code: for a fan-out to a thousand sockets, a thousand hops
        # in a row. This consumer reaches the database only through db_sync_to_async,
        # which closes stale connections itself, so it dispatches without the hop.
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"no handler for message type {message['type']}")
        await handler(message)

    # --- frames from the client ------------------------------------------------------------

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if not self.own_groups:
            return  # refused at connect; the close is on its way
        if text_data is None:
            await self._reject("malformed")
            return
        if len(text_data) > MAX_FRAME_BYTES or len(text_data.encode()) > MAX_FRAME_BYTES:
            await self._error("too_large")
            await self.close(code=CLOSE_TOO_LARGE)
            return
        try:
            content = json.loads(text_data)
        except (ValueError, RecursionError):
            await self._reject("malformed")
            return
        if not isinstance(content, dict) or not isinstance(content.get("type"), str):
            await self._reject("malformed")
            return
        handlers = {
            "hello": self._hello,
            "ping": self._ping,
            "subscribe": self._subscribe,
            "unsubscribe": self._unsubscribe,
        }
        handler = handlers.get(content["type"])
        if handler is None:
            await self._reject("unknown_type")
            return
        await handler(content)

    async def _hello(self, content: dict[str, Any]) -> None:
        last_id = content.get("last_id", 0)
        if not _is_int(last_id) or not 0 <= last_id <= _MAX_ID:
            await self._reject("invalid_last_id")
            return
        status, page = await _read(notification_resume)(
            user_id=self.user_id, cursor=last_id, limit=BACKFILL_LIMIT
        )
        if page is None:
            await self._reject(f"{status}_last_id")
            return
        self.high_water = last_id
        replayed, truncated = await self._send_page(page)
        await self._synced(replayed, truncated)

    async def _ping(self, content: dict[str, Any]) -> None:
        await self._send({"type": "pong"})

    async def _subscribe(self, content: dict[str, Any]) -> None:
        group = await self._requested_room(content)
        if group is None:
            return
        access = room_access(content["room"])
        if access is None:
            await self._reject("unknown_room")
            return
        try:
            allowed = await db_sync_to_async(access)(self.user, content["id"])
        except Exception:
            logger.exception("room access check failed for %s", group)
            allowed = False
        if not allowed:
            await self._reject("room_forbidden")
            return
        await self._join(group)

    async def _unsubscribe(self, content: dict[str, Any]) -> None:
        group = await self._requested_room(content)
        if group is not None:
            await self._leave(group)

    async def _requested_room(self, content: dict[str, Any]) -> str | None:
        kind, room_id = content.get("room"), content.get("id")
        if not isinstance(kind, str) or not _is_int(room_id) or not 0 < room_id <= _MAX_ID:
            await self._reject("invalid_room")
            return None
        if kind not in SUBSCRIBABLE_ROOMS:
            await self._reject("unknown_room")
            return None
        return room_group(kind, room_id)

    # --- messages from services (through the channel layer) -----------------------------------

    async def notify(self, message: dict[str, Any]) -> None:
        if self.high_water is None:
            return  # the hello's replay will include it
        notification_id, previous_id = int(message["id"]), int(message.get("prev", 0))
        if notification_id <= self.high_water:
            return  # already sent
        if previous_id <= self.high_water:
            await self._send_notification(notification_id, message["kind"], message["urgent"])
            return
        # An earlier notification of this user has not reached this socket yet: the database
        # has both, in order.
        replayed, truncated = await self._replay(self.high_water)
        if truncated:
            await self._synced(replayed, truncated)

    async def notify_read(self, message: dict[str, Any]) -> None:
        await self._send({"type": "read"})

    async def room_join(self, message: dict[str, Any]) -> None:
        await self._join(str(message["room"]))

    async def room_leave(self, message: dict[str, Any]) -> None:
        await self._leave(str(message["room"]))

    async def room_event(self, message: dict[str, Any]) -> None:
        await self._send(
            {
                "type": "event",
                "room": message["room"],
                "topic": message["topic"],
                "ref": message.get("ref"),
            }
        )

    # --- helpers --------------------------------------------------------------------------------

    async def _replay(self, after_id: int) -> tuple[int, bool]:
        """Send everything after `after_id` from the database; (count, truncated)."""
        page = await _read(notification_stream_after)(
            user_id=self.user_id, after_id=after_id, limit=BACKFILL_LIMIT
        )
        return await self._send_page(page)

    async def _send_page(self, page: StreamPage) -> tuple[int, bool]:
        if page.truncated:
            self.high_water = page.head
            return 0, True
        for item in page.items:
            await self._send_notification(item.id, item.kind, item.urgent)
        return len(page.items), False

    async def _send_notification(self, notification_id: int, kind: str, urgent: bool) -> None:
        await self._send(
            {"type": "notification", "id": notification_id, "kind": kind, "urgent": urgent}
        )
        self.high_water = notification_id

    async def _synced(self, replayed: int, truncated: bool) -> None:
        await self._send(
            {
                "type": "synced",
                "last_id": self.high_water,
                "replayed": replayed,
                "truncated": truncated,
            }
        )

    async def _join(self, group: str) -> None:
        if group not in self.rooms and group not in self.own_groups:
            await self.channel_layer.group_add(group, self.channel_name)
            self.rooms.add(group)
        await self._send({"type": "subscribed", "room": group})

    async def _leave(self, group: str) -> None:
        if group in self.rooms:
            await self.channel_layer.group_discard(group, self.channel_name)
            self.rooms.discard(group)
        await self._send({"type": "unsubscribed", "room": group})

    async def _error(self, code: str) -> None:
        message = ERRORS[code].resolve(self.language)
        await self._send({"type": "error", "code": code, "message": message})

    async def _reject(self, code: str) -> None:
        self.bad_frames += 1
        await self._error(code)
        if self.bad_frames >= MAX_BAD_FRAMES:
            await self.close(code=CLOSE_TOO_MANY_BAD_FRAMES)

    async def _send(self, frame: dict[str, Any]) -> None:
        await self.send(text_data=json.dumps(frame, ensure_ascii=False))


def _read(function: Callable[..., T]) -> Callable[..., Awaitable[T]]:
    """Run a read-only selector in the thread pool rather than the one thread that runs sync
    code in order: a thousand sockets saying hello at once then wait on the database in
    parallel (each pool thread has its own connection)."""
    return db_sync_to_async(function, thread_sensitive=False)


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)
