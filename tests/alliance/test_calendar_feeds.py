"""Secret iCal URLs for calendar apps that cannot sign in: one per user, one per member park;
regenerating kills the old URL; a wrong token is a 404; another park cannot touch yours."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.alliance.models import AllianceMember
from backend.network.models import Park
from tests.alliance.conftest import API, later, ok
from tests.alliance.flows import call_meeting, transition

pytestmark = pytest.mark.django_db

Client = Callable[[User], APIClient]


def feed_path(url: str) -> str:
    return url[url.index("/api/") :]


def test_a_user_subscribes_without_signing_in_and_regenerating_kills_the_old_url(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    sec = client_for(alice)
    meeting = call_meeting(sec, title="2027年第一次联席会议")
    transition(sec, meeting["id"], "announce")
    call_meeting(sec, title="尚未发布的会议", starts_at=later(20).isoformat())

    mine = ok(client_for(bob).get(f"{API}/calendar/subscription"))
    assert mine["scope"] == "user"
    assert mine["url"].startswith("http://testserver/api/alliance/calendar/feeds/")
    assert ok(client_for(bob).get(f"{API}/calendar/subscription"))["url"] == mine["url"]

    anonymous = APIClient()
    feed = anonymous.get(feed_path(mine["url"]))
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("text/calendar")
    body = feed.content.decode()
    assert "SUMMARY:2027年第一次联席会议" in body
    assert "尚未发布的会议" not in body

    fresh = ok(client_for(bob).post(f"{API}/calendar/subscription", {}, format="json"), 201)
    assert fresh["url"] != mine["url"]
    assert anonymous.get(feed_path(mine["url"])).status_code == 404
    assert anonymous.get(feed_path(fresh["url"])).status_code == 200


def test_a_wrong_token_is_not_found_and_says_nothing_more(
    client_for: Client, bob: User, members: list[Park]
) -> None:
    anonymous = APIClient()
    for token in ("not-a-real-token-at-all", "x" * 43):
        response = anonymous.get(f"{API}/calendar/feeds/{token}.ics")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


def test_park_feeds_are_managed_by_the_parks_own_staff_and_the_secretariat_only(
    client_for: Client, alice: User, bob: User, dana: User, members: list[Park]
) -> None:
    jiangning, jiangbei, _ = members
    sec = client_for(alice)
    meeting = call_meeting(sec)
    transition(sec, meeting["id"], "announce")
    ours = ok(client_for(bob).get(f"{API}/calendar/subscription?scope=park"))
    assert ours["scope"] == "park" and ours["park_id"] == jiangning.pk
    # The secretariat sees the same park feed when it names the park.
    assert ok(sec.get(f"{API}/calendar/subscription?scope=park&park={jiangning.pk}")) == ours
    assert APIClient().get(feed_path(ours["url"])).status_code == 200

    d = client_for(dana)
    d.credentials(HTTP_ACCEPT_LANGUAGE="en")
    peek = d.get(f"{API}/calendar/subscription?scope=park&park={jiangning.pk}")
    assert peek.status_code == 403
    assert peek.json()["message"] == "You can only manage your own park's calendar feed."
    reset = d.post(
        f"{API}/calendar/subscription", {"scope": "park", "park_id": jiangning.pk}, format="json"
    )
    assert reset.status_code == 403
    assert APIClient().get(feed_path(ours["url"])).status_code == 200  # untouched
    # dana's own park feed is a different URL.
    theirs = ok(d.get(f"{API}/calendar/subscription?scope=park"))
    assert theirs["park_id"] == jiangbei.pk and theirs["url"] != ours["url"]
    # The secretariat must name a member park.
    assert sec.get(f"{API}/calendar/subscription?scope=park").status_code == 400


@pytest.mark.parametrize("who", ["olga", "charlie", "rita"])
def test_outsiders_researchers_and_roleless_accounts_get_no_feed(
    request: pytest.FixtureRequest, client_for: Client, members: list[Park], who: str
) -> None:
    client = client_for(request.getfixturevalue(who))
    assert client.get(f"{API}/calendar/subscription").status_code == 403
    assert client.post(f"{API}/calendar/subscription", {}, format="json").status_code == 403


def test_a_feed_stops_when_its_park_leaves_the_alliance(
    client_for: Client, alice: User, bob: User, members: list[Park]
) -> None:
    mine = ok(client_for(bob).get(f"{API}/calendar/subscription"))
    park_feed = ok(client_for(bob).get(f"{API}/calendar/subscription?scope=park"))
    AllianceMember.objects.filter(park=members[0]).delete()
    assert APIClient().get(feed_path(mine["url"])).status_code == 404
    assert APIClient().get(feed_path(park_feed["url"])).status_code == 404


def test_the_secretariats_feed_lists_every_announced_meeting(
    client_for: Client, alice: User, members: list[Park]
) -> None:
    sec = client_for(alice)
    for n in range(2):
        meeting = call_meeting(sec, title=f"会议{n}", starts_at=later(5 + n).isoformat())
        transition(sec, meeting["id"], "announce")
    feed = APIClient().get(feed_path(ok(sec.get(f"{API}/calendar/subscription"))["url"]))
    assert feed.content.decode().count("BEGIN:VEVENT") == 2
