"""Steps the tests share, taken through the API as the users would."""

from __future__ import annotations

from typing import Any

from rest_framework.test import APIClient

from tests.alliance.conftest import API, item_payload, meeting_payload, ok


def call_meeting(secretariat: APIClient, **overrides: Any) -> dict[str, Any]:
    return ok(secretariat.post(f"{API}/meetings", meeting_payload(**overrides), format="json"), 201)


def submit(client: APIClient, meeting_id: int, **overrides: Any) -> dict[str, Any]:
    return ok(
        client.post(f"{API}/meetings/{meeting_id}/items", item_payload(**overrides), format="json"),
        201,
    )


def triage(secretariat: APIClient, item_id: int, action: str, **extra: Any) -> Any:
    return secretariat.post(
        f"{API}/items/{item_id}/triage", {"action": action, **extra}, format="json"
    )


def accept(secretariat: APIClient, item_id: int) -> dict[str, Any]:
    return ok(triage(secretariat, item_id, "accept"))


def agenda(client: APIClient, meeting_id: int) -> dict[str, Any]:
    return ok(client.get(f"{API}/meetings/{meeting_id}/agenda"))


def reorder(
    client: APIClient, meeting_id: int, version: int, order: list[tuple[int, int | None]]
) -> Any:
    return client.put(
        f"{API}/meetings/{meeting_id}/agenda/order",
        {"version": version, "order": [{"id": i, "parent_id": p} for i, p in order]},
        format="json",
    )


def transition(secretariat: APIClient, meeting_id: int, step: str) -> dict[str, Any]:
    return ok(secretariat.post(f"{API}/meetings/{meeting_id}/{step}"))


def mark_present(secretariat: APIClient, meeting_id: int, *park_ids: int) -> None:
    for park_id in park_ids:
        ok(
            secretariat.patch(
                f"{API}/meetings/{meeting_id}/attendance/{park_id}",
                {"present": True},
                format="json",
            )
        )


def live_meeting(
    secretariat: APIClient, member: APIClient, present: list[int], items: int = 2
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A meeting in progress with `items` accepted items submitted by `member`."""
    meeting = call_meeting(secretariat)
    submitted = [submit(member, meeting["id"], title=f"议题{n + 1}") for n in range(items)]
    for item in submitted:
        accept(secretariat, item["id"])
    transition(secretariat, meeting["id"], "announce")
    mark_present(secretariat, meeting["id"], *present)
    meeting = transition(secretariat, meeting["id"], "start")
    return meeting, submitted
