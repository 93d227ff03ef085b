"""Rooms beyond the user's own: the park a staff member belongs to (joined on connect) and
meetings (joined on request, once the feature that owns meetings says the user may).

Meetings do not exist yet. The feature that adds them registers who may join a meeting room:

    # alliance/apps.py, in ready()
    register_room_access("meeting", lambda user, meeting_id: user_attends(user, meeting_id))

Then a socket may send `{"type": "subscribe", "room": "meeting", "id": 12}`, and a service may
put all of a user's open sockets in or out of the room with `room_join` / `room_leave`
(services.py). An access check is a synchronous function (it may query the database) that
returns True only for users allowed to see everything sent to that room.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from backend.notifications.groups import meeting_group, park_group, thread_group

RoomAccess = Callable[[Any, int], bool]

# Room kinds and their group names. Parks are joined from the user's membership, never on
# request; meetings only through a registered access check.
ROOM_GROUPS: dict[str, Callable[[int], str]] = {
    "park": park_group,
    "meeting": meeting_group,
    "thread": thread_group,  # docking conversations (backend.docking registers the access check)
}
SUBSCRIBABLE_ROOMS = frozenset({"meeting", "thread"})

_access_checks: dict[str, RoomAccess] = {}


def register_room_access(kind: str, access: RoomAccess) -> None:
    if kind not in SUBSCRIBABLE_ROOMS:
        raise ValueError(f"{kind!r} rooms cannot be joined on request")
    _access_checks[kind] = access


def unregister_room_access(kind: str) -> None:
    _access_checks.pop(kind, None)


def room_access(kind: str) -> RoomAccess | None:
    return _access_checks.get(kind)


def room_group(kind: str, room_id: int) -> str:
    try:
        return ROOM_GROUPS[kind](room_id)
    except KeyError:
        raise ValueError(f"unknown room kind {kind!r}") from None
