"""Live progress of export jobs: a small `{type, id}`-style event to the user's own room.

The notifications socket (backend/notifications) relays "room.event" layer messages as
`{"type": "event", "room": "user-<id>", "topic": "research.export", "ref": <job id>}`; the
web app refetches the job over HTTP. Nothing is stored: the exports list is the record.
"""

from __future__ import annotations

from functools import partial

from django.db import transaction

from backend.notifications.delivery import send_to_groups
from backend.notifications.groups import user_group

EXPORT_TOPIC = "research.export"


def export_changed(*, user_id: int, job_id: int) -> None:
    """After commit (at once outside a transaction), tell the user's sockets a job moved."""
    group = user_group(user_id)
    message = {"type": "room.event", "room": group, "topic": EXPORT_TOPIC, "ref": job_id}
    transaction.on_commit(partial(send_to_groups, [(group, message)]), robust=True)
