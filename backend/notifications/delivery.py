"""Sending to Channels groups after commit, and the messages that travel through the layer.

Everything here runs from `transaction.on_commit` callbacks: a rolled-back change sends nothing.
A channel layer that is down loses only the push, never the notification: the row is committed
and the client receives it on its next hello (or list refetch). Messages are small; the web
app refetches what they point at.

Layer messages (server side only; the consumer turns them into client frames):
    {"type": "notify", "id", "prev", "kind", "urgent"}   to user-<id>
    {"type": "notify.read"}                              to user-<id>
    {"type": "room.join" | "room.leave", "room"}         to user-<id>
    {"type": "room.event", "room", "topic", "ref"}       to park-<id> / meeting-<id>
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import InMemoryChannelLayer, get_channel_layer

from backend.notifications.groups import user_group
from backend.notifications.kinds import is_urgent

logger = logging.getLogger(__name__)

# Parallel group sends per delivery: enough to fan out to a park or a meeting quickly without
# opening a Redis connection per recipient.
SEND_CONCURRENCY = 64

GroupMessage = tuple[str, dict[str, Any]]


@dataclass(frozen=True)
class Delivery:
    recipient_id: int
    notification_id: int
    # The recipient's notification just before this one (0 if none). A socket that has already
    # delivered `previous_id` can send this one straight away; otherwise it has missed one
    # still in flight and replays from the database instead (consumers.py).
    previous_id: int
    kind: str


def notify_message(delivery: Delivery) -> dict[str, Any]:
    return {
        "type": "notify",
        "id": delivery.notification_id,
        "prev": delivery.previous_id,
        "kind": delivery.kind,
        "urgent": is_urgent(delivery.kind),
    }


def deliver_notifications(deliveries: Sequence[Delivery]) -> None:
    ordered = sorted(deliveries, key=lambda d: d.notification_id)
    send_to_groups([(user_group(d.recipient_id), notify_message(d)) for d in ordered])


def send_to_groups(messages: Sequence[GroupMessage]) -> None:
    """Send each message to its group; failures are logged, never raised (we are after commit)."""
    if not messages:
        return
    layer = get_channel_layer()
    if layer is None:
        return
    send = layer.group_send

    async def send_all() -> None:
        gate = asyncio.Semaphore(SEND_CONCURRENCY)

        async def one(group: str, message: dict[str, Any]) -> None:
            async with gate:
                await send(group, message)

        results = await asyncio.gather(
            *(one(group, message) for group, message in messages), return_exceptions=True
        )
        failures = [r for r in results if isinstance(r, BaseException)]
        if failures:
            logger.warning(
                "%d of %d realtime messages were not pushed (%s); clients catch up on reconnect",
                len(failures),
                len(messages),
                failures[0],
            )

    _run(send_all)


# How long a caller waits for its pushes; a layer that does not answer in time costs the push,
# never the caller (the rows are committed and are replayed on the next hello).
PUSH_TIMEOUT_S = 10.0


class _DeliveryLoop:
    """One event loop thread per process for pushes from sync code (requests, tasks).

    Channel layers keep their Redis connections per event loop; async_to_sync in a thread
    without a loop would make a fresh loop, and fresh connections, for every push.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._pid = 0

    def run(self, coroutine_function: Callable[[], Coroutine[Any, Any, None]]) -> None:
        future = asyncio.run_coroutine_threadsafe(coroutine_function(), self._running_loop())
        try:
            future.result(timeout=PUSH_TIMEOUT_S)
        except TimeoutError:
            future.cancel()
            logger.warning("realtime push took over %ss; abandoned", PUSH_TIMEOUT_S)

    def _running_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            # A forked worker (Celery prefork) inherits the loop object but not its thread.
            alive = self._thread is not None and self._thread.is_alive()
            if self._loop is None or not alive or self._pid != os.getpid():
                self._loop = asyncio.new_event_loop()
                self._thread = threading.Thread(
                    target=self._loop.run_forever, name="notifications-push", daemon=True
                )
                self._thread.start()
                self._pid = os.getpid()
            return self._loop


_delivery_loop = _DeliveryLoop()


def _run(coroutine_function: Callable[[], Coroutine[Any, Any, None]]) -> None:
    if not isinstance(get_channel_layer(), InMemoryChannelLayer):
        _delivery_loop.run(coroutine_function)
        return
    # The in-process layer (make run) hands messages to consumers on the server's own loop,
    # which async_to_sync returns to from a request thread.
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        async_to_sync(coroutine_function)()
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(async_to_sync(coroutine_function)).result()
