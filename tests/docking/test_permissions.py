"""Who may see and do what: owners manage their postings, only the two sides and the
secretariat see a thread, researchers never write, a user without a role and an anonymous
visitor get nothing, alliance-only postings stay inside the alliance."""

from __future__ import annotations

import pytest

from tests.docking.conftest import API, World, client_for, ok, post_posting, request_docking

pytestmark = pytest.mark.django_db


def test_it_rejects_another_parks_edit(world: World) -> None:
    posting = post_posting(world.bob)
    for path, body in (
        (f"{API}/postings/{posting['id']}", {"title": "改"}),
        (f"{API}/postings/{posting['id']}/close", {}),
        (f"{API}/postings/{posting['id']}/renew", {"days": 10}),
    ):
        method = "patch" if path.endswith(str(posting["id"])) else "post"
        response = getattr(client_for(world.carol), method)(path, body, format="json")
        assert response.status_code == 403, path
        assert response.json()["message"]


def test_only_the_two_sides_and_the_secretariat_see_a_thread(world: World) -> None:
    posting = post_posting(world.bob)
    request = request_docking(world.carol, posting["id"])
    thread = request["thread_id"]
    for outsider in (world.nina, world.olga, world.rita):
        client = client_for(outsider)
        assert client.get(f"{API}/threads/{thread}").status_code == 403
        assert client.get(f"{API}/threads/{thread}/messages").status_code == 403
        assert client.get(f"{API}/requests/{request['id']}").status_code == 404
        assert ok(client.get(f"{API}/threads")) == []
    posted = client_for(world.nina).post(
        f"{API}/threads/{thread}/messages", {"body": "插话"}, format="json"
    )
    assert posted.status_code == 403
    for insider in (world.bob, world.carol, world.alice):
        ok(client_for(insider).get(f"{API}/threads/{thread}/messages"))


def test_a_researcher_reads_but_never_writes(world: World) -> None:
    posting = post_posting(world.bob)
    rita = client_for(world.rita)
    ok(rita.get(f"{API}/postings/{posting['id']}"))
    attempts = [
        rita.post(f"{API}/postings", {"kind": "space", "title": "x"}, format="json"),
        rita.post(f"{API}/postings/{posting['id']}/requests", {"message": "x"}, format="json"),
        rita.patch(f"{API}/postings/{posting['id']}", {"title": "x"}, format="json"),
    ]
    for response in attempts:
        assert response.status_code == 403
        assert response.json()["message"] == "Researcher accounts are read-only."


def test_no_role_gets_403_and_anonymous_visitors_must_sign_in(world: World) -> None:
    post_posting(world.bob)
    for path in (f"{API}/postings", f"{API}/requests", f"{API}/threads", f"{API}/vocabulary"):
        assert client_for(world.charlie).get(path).status_code == 403
        assert client_for(None).get(path).status_code in (401, 403)


def test_alliance_only_postings_stay_inside_the_alliance(world: World) -> None:
    posting = post_posting(world.bob, visibility="alliance")
    ok(client_for(world.carol).get(f"{API}/postings/{posting['id']}"))
    for outsider in (world.nina, world.olga, world.rita):
        assert client_for(outsider).get(f"{API}/postings/{posting['id']}").status_code == 404
        listed = ok(client_for(outsider).get(f"{API}/postings"))
        assert listed["count"] == 0


def test_drafts_are_the_owners_own(world: World) -> None:
    draft = post_posting(world.bob, submit=False)
    assert draft["status"] == "draft"
    assert client_for(world.carol).get(f"{API}/postings/{draft['id']}").status_code == 404
    ok(client_for(world.bob).get(f"{API}/postings/{draft['id']}"))


def test_secretariat_only_screens(world: World) -> None:
    bob = client_for(world.bob)
    assert bob.get(f"{API}/stats").status_code == 403
    assert bob.get(f"{API}/stats.csv").status_code == 403
    assert bob.get(f"{API}/stats.xlsx").status_code == 403
    assert bob.get(f"{API}/postings/review-queue").status_code == 403
    assert (
        bob.put(f"{API}/settings", {"moderation_required": True}, format="json").status_code == 403
    )


def test_saved_searches_are_private(world: World) -> None:
    saved = ok(
        client_for(world.carol).post(f"{API}/saved-searches", {"name": "芯片"}, format="json"), 201
    )
    assert client_for(world.bob).delete(f"{API}/saved-searches/{saved['id']}").status_code == 404
    assert (
        client_for(world.bob).get(f"{API}/saved-searches/{saved['id']}/results").status_code == 404
    )
    assert ok(client_for(world.bob).get(f"{API}/saved-searches")) == []


def test_only_a_party_park_turns_an_agreement_into_a_project(world: World) -> None:
    from tests.docking.conftest import move

    posting = post_posting(world.bob, industries=[world.net.ic.pk])
    request = request_docking(world.carol, posting["id"])
    for step, who in (("accepted", world.bob), ("in_talks", world.carol), ("agreed", world.carol)):
        ok(move(who, request["id"], step))
    assert (
        client_for(world.nina)
        .post(f"{API}/requests/{request['id']}/project", {}, format="json")
        .status_code
        == 404
    )
    made = ok(
        client_for(world.carol).post(f"{API}/requests/{request['id']}/project", {}, format="json"),
        201,
    )
    assert made["park"]["id"] == world.net.jiangbei.pk
