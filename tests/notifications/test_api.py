"""The notifications API as the web app uses it: own rows only, filters, read state, counts,
preferences, in both languages."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.core.lib.bilingual import Bilingual
from backend.notifications.kinds import NotificationKind
from backend.notifications.models import Notification
from backend.notifications.services import notify
from tests.notifications.conftest import notice

pytestmark = pytest.mark.django_db


def client_for(user: User, language: str = "zh-hans") -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    client.force_authenticate(user=user)
    return client


def test_the_list_holds_only_the_callers_own_notifications_newest_first(
    bob: User, alice: User
) -> None:
    older = notice(bob, title="旧的")[0]
    notice(alice, title="秘书处的")
    newer = notice(bob, title="新的", kind=NotificationKind.ACTION_ITEM_DUE, link="/actions/3")[0]

    response = client_for(bob).get("/api/notifications/")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [row["id"] for row in body["results"]] == [newer.pk, older.pk]
    first = body["results"][0]
    assert first["title"] == "新的"
    assert first["kind"] == "action_item.due"
    assert first["kind_label"] == "督办事项到期"
    assert first["urgent"] is True
    assert first["link"] == "/actions/3"
    assert first["read_at"] is None


def test_titles_and_labels_follow_accept_language(bob: User) -> None:
    notify(
        recipients=[bob],
        kind="agenda.published",
        title=Bilingual(zh="第三次联席会议议程已发布", en="Agenda of the third joint meeting"),
        body=Bilingual(zh="请查看", en="Please review"),
    )
    row = client_for(bob, "en").get("/api/notifications/").json()["results"][0]
    assert (row["title"], row["body"], row["kind_label"]) == (
        "Agenda of the third joint meeting",
        "Please review",
        "Agenda published",
    )


def test_it_filters_by_kind_and_by_unread(bob: User) -> None:
    match = notice(bob, kind=NotificationKind.MATCH_CREATED)[0]
    due = notice(bob, kind=NotificationKind.ACTION_ITEM_DUE)[0]
    client_for(bob).post(f"/api/notifications/{match.pk}/read")
    client = client_for(bob)

    def ids(query: str) -> list[int]:
        response = client.get(f"/api/notifications/{query}")
        assert response.status_code == 200, response.json()
        return [row["id"] for row in response.json()["results"]]

    assert ids("?kind=match.created") == [match.pk]
    assert ids("?unread=true") == [due.pk]
    assert ids("?unread=false") == [match.pk]
    assert ids("?kind=match.created&unread=true") == []


def test_a_filter_value_outside_the_enum_is_a_validation_error(bob: User) -> None:
    response = client_for(bob).get("/api/notifications/?kind=DROP TABLE&unread=maybe")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "validation_error"
    assert set(body["detail"]) == {"kind", "unread"}


def test_the_list_costs_the_same_queries_for_one_row_or_fifty(
    bob: User, django_assert_max_num_queries: Any
) -> None:
    client = client_for(bob)
    notice(bob)
    with django_assert_max_num_queries(2):
        assert client.get("/api/notifications/").status_code == 200
    notify(recipients=[bob], kind="match.created", title=Bilingual(zh="a", en="a"))
    for _ in range(48):
        notice(bob)
    with django_assert_max_num_queries(2):
        assert len(client.get("/api/notifications/?page_size=100").json()["results"]) == 50


def test_someone_elses_notification_is_not_found_and_stays_unread(bob: User, alice: User) -> None:
    hers = notice(alice)[0]
    client = client_for(bob)

    assert client.get(f"/api/notifications/{hers.pk}").status_code == 404
    response = client.post(f"/api/notifications/{hers.pk}/read")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    hers.refresh_from_db()
    assert hers.read_at is None


def test_marking_one_read_is_idempotent_and_lowers_the_unread_count(bob: User) -> None:
    first, second = notice(bob)[0], notice(bob)[0]
    client = client_for(bob)
    assert client.get("/api/notifications/unread-count").json() == {
        "unread": 2,
        "latest_id": second.pk,
    }

    response = client.post(f"/api/notifications/{first.pk}/read")
    assert response.status_code == 200
    read_at = response.json()["read_at"]
    assert read_at is not None
    assert client.post(f"/api/notifications/{first.pk}/read").json()["read_at"] == read_at
    assert client.get("/api/notifications/unread-count").json()["unread"] == 1


def test_mark_all_read_leaves_what_arrived_after_the_user_looked(bob: User, alice: User) -> None:
    seen = [notice(bob)[0] for _ in range(3)]
    unseen = notice(bob)[0]
    hers = notice(alice)[0]
    client = client_for(bob)

    response = client.post("/api/notifications/read-all", {"up_to_id": seen[-1].pk}, format="json")

    assert response.json() == {"marked": 3}
    assert client.get("/api/notifications/unread-count").json()["unread"] == 1
    assert client.post("/api/notifications/read-all").json() == {"marked": 1}
    unseen.refresh_from_db()
    hers.refresh_from_db()
    assert unseen.read_at is not None
    assert hers.read_at is None


def test_an_empty_inbox_counts_zero(charlie: User) -> None:
    assert client_for(charlie).get("/api/notifications/unread-count").json() == {
        "unread": 0,
        "latest_id": 0,
    }


@pytest.mark.parametrize("who", ["charlie", "rita"])
def test_users_without_write_rights_still_manage_their_own_notifications(
    who: str, request: pytest.FixtureRequest
) -> None:
    user: User = request.getfixturevalue(who)
    row = notice(user)[0]
    client = client_for(user)
    assert client.get("/api/notifications/").json()["count"] == 1
    assert client.post(f"/api/notifications/{row.pk}/read").status_code == 200


def test_anonymous_callers_are_told_to_sign_in(api_client: APIClient) -> None:
    for path in ("/api/notifications/", "/api/notifications/unread-count"):
        response = api_client.get(path)
        assert response.status_code in (401, 403)
        assert response.json()["code"] == "not_authenticated"


def test_a_browser_session_must_present_the_csrf_token_to_mark_read(
    browser_client: APIClient, bob: User
) -> None:
    notice(bob)
    browser_client.force_login(bob)
    response = browser_client.post("/api/notifications/read-all")
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
    assert Notification.objects.filter(read_at__isnull=True).count() == 1


def test_preferences_list_every_kind_with_in_app_always_on(bob: User) -> None:
    rows = client_for(bob).get("/api/notifications/preferences").json()
    assert [row["kind"] for row in rows] == list(NotificationKind.values)
    assert all(row["in_app"] is True and row["email"] is False for row in rows)
    due = next(row for row in rows if row["kind"] == "action_item.due")
    assert due == {
        "kind": "action_item.due",
        "kind_label": "督办事项到期",
        "urgent": True,
        "in_app": True,
        "email": False,
    }


def test_email_can_be_chosen_per_kind_only_with_an_address(bob: User, dana: User) -> None:
    response = client_for(bob).put(
        "/api/notifications/preferences/match.created", {"email": True}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["message"] == "您的账户没有登记邮箱，无法开启邮件通知。"

    client = client_for(dana)
    response = client.put(
        "/api/notifications/preferences/match.created", {"email": True}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["email"] is True
    rows = client.get("/api/notifications/preferences").json()
    assert [row["kind"] for row in rows if row["email"]] == ["match.created"]

    client.put("/api/notifications/preferences/match.created", {"email": False}, format="json")
    rows = client.get("/api/notifications/preferences").json()
    assert not any(row["email"] for row in rows)


def test_a_preference_for_an_unknown_kind_or_without_a_choice_is_refused(dana: User) -> None:
    client = client_for(dana)
    unknown = client.put("/api/notifications/preferences/made.up", {"email": True}, format="json")
    assert unknown.status_code == 400
    assert unknown.json()["detail"] == {"kind": "made.up"}
    empty = client.put("/api/notifications/preferences/match.created", {}, format="json")
    assert empty.status_code == 400
    assert "email" in empty.json()["detail"]
