"""Bad input answers 4xx with a message in the asker's language, never a 500."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from backend.docking.models import Posting
from tests.docking.conftest import API, World, client_for, move, ok, post_posting, request_docking

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def test_an_expired_posting_takes_no_requests(world: World) -> None:
    posting = post_posting(world.bob)
    Posting.objects.filter(pk=posting["id"]).update(expires_at=timezone.now() - timedelta(days=1))
    response = client_for(world.carol).post(
        f"{API}/postings/{posting['id']}/requests", {"message": "晚了吗"}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["message"] == "This posting has expired; it takes no requests."
    zh = client_for(world.carol, "zh-hans").post(
        f"{API}/postings/{posting['id']}/requests", {"message": "晚了吗"}, format="json"
    )
    assert zh.json()["message"] == "该信息已过期，不能申请对接。"
    # Gone from others' lists, still the owner's to renew.
    assert ok(client_for(world.carol).get(f"{API}/postings"))["count"] == 0
    renewed = ok(
        client_for(world.bob).post(
            f"{API}/postings/{posting['id']}/renew", {"days": 30}, format="json"
        )
    )
    assert renewed["is_expired"] is False
    request_docking(world.carol, posting["id"])


def test_a_request_to_ones_own_posting_is_refused(world: World) -> None:
    posting = post_posting(world.bob)
    response = client_for(world.bob).post(
        f"{API}/postings/{posting['id']}/requests", {"message": "自己"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["message"] == "You cannot request docking on your own posting."


def test_a_second_open_request_is_a_conflict(world: World) -> None:
    posting = post_posting(world.bob)
    first = request_docking(world.carol, posting["id"])
    again = client_for(world.carol).post(
        f"{API}/postings/{posting['id']}/requests", {"message": "再来"}, format="json"
    )
    assert again.status_code == 409
    ok(move(world.carol, first["id"], "closed"))
    request_docking(world.carol, posting["id"])  # a closed one no longer blocks


def test_status_jumps_and_wrong_hands_are_refused(world: World) -> None:
    posting = post_posting(world.bob)
    request = request_docking(world.carol, posting["id"])
    jump = move(world.bob, request["id"], "agreed")
    assert jump.status_code == 409
    assert "one step at a time" in jump.json()["message"]
    assert move(world.carol, request["id"], "accepted").status_code == 403
    no_reason = move(world.bob, request["id"], "declined")
    assert no_reason.status_code == 400
    declined = ok(move(world.bob, request["id"], "declined", "暂不需要"))
    assert declined["decline_reason"] == "暂不需要"
    assert move(world.bob, request["id"], "accepted").status_code == 409
    closed_thread = client_for(world.carol).post(
        f"{API}/threads/{request['thread_id']}/messages", {"body": "再考虑？"}, format="json"
    )
    assert closed_thread.status_code == 409
    unknown = move(world.bob, request["id"], "maybe")
    assert unknown.status_code == 400


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("big.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024), "too large"),
        ("run.exe", b"MZ\x90\x00" + b"\x00" * 100, "type not allowed"),
        ("page.html", b"<html><script>alert(1)</script></html>", "type not allowed"),
        ("photo.pdf", PNG, "does not match"),
        ("fake.docx", b"PK\x03\x04" + b"\x00" * 50, "type not allowed"),
    ],
)
def test_huge_or_wrongly_typed_attachments_are_refused(
    world: World, name: str, content: bytes, expected: str
) -> None:
    posting = post_posting(world.bob)
    request = request_docking(world.carol, posting["id"])
    response = client_for(world.carol).post(
        f"{API}/threads/{request['thread_id']}/messages",
        {"body": "附件", "attachment": SimpleUploadedFile(name, content)},
        format="multipart",
    )
    assert response.status_code == 400, response.content[:200]
    assert expected in response.json()["message"]


def test_allowed_attachments_are_sniffed_not_trusted(world: World) -> None:
    posting = post_posting(world.bob)
    request = request_docking(world.carol, posting["id"])
    for name, content, mime in (
        ("图.png", PNG, "image/png"),
        (
            "方案.docx",
            _docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ):
        upload = SimpleUploadedFile(name, content, content_type="text/html")
        message = ok(
            client_for(world.carol).post(
                f"{API}/threads/{request['thread_id']}/messages",
                {"attachment": upload},
                format="multipart",
            ),
            201,
        )
        assert message["attachment"]["type"] == mime


def test_html_is_stored_as_text_and_served_as_json(world: World) -> None:
    script = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    posting = post_posting(world.bob, title=script, description=script)
    detail = client_for(world.carol).get(f"{API}/postings/{posting['id']}")
    assert detail["Content-Type"].startswith("application/json")
    assert detail.json()["title"] == script and detail.json()["description"] == script
    request = request_docking(world.carol, posting["id"], message=script)
    messages = ok(client_for(world.bob).get(f"{API}/threads/{request['thread_id']}/messages"))
    assert messages[0]["body"] == script


def test_exports_quote_formula_like_text(world: World) -> None:
    post_posting(world.bob, title='=HYPERLINK("http://evil","点我")')
    csv_text = client_for(world.alice).get(f"{API}/stats.csv", {"table": "postings"}).content
    assert b"'=HYPERLINK" in csv_text


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "/postings", {"kind": "gossip", "title": "x"}),
        ("post", "/postings", {"kind": "space", "title": ""}),
        ("post", "/postings", {"kind": "space", "title": "x" * 201}),
        ("post", "/postings", {"kind": "space", "title": "x", "industries": ["abc"]}),
        ("post", "/postings", {"kind": "space", "title": "x", "industries": [999999]}),
        ("post", "/postings", {"kind": "space", "title": "x", "region": "南京"}),
        (
            "post",
            "/postings",
            {"kind": "space", "title": "x", "expires_at": "2000-01-01T00:00:00Z"},
        ),
        (
            "post",
            "/postings",
            {"kind": "space", "title": "x", "expires_at": "2999-01-01T00:00:00Z"},
        ),
        ("post", "/postings", {"kind": "space", "title": "x", "description": ["a"]}),
        ("post", "/postings", {"kind": "space", "title": "x", "owner_park": 1}),
        ("post", "/postings", ["not", "an", "object"]),
        ("get", "/postings?kind=gossip", None),
        ("get", "/postings?include_expired=perhaps", None),
        ("get", "/postings?industry=abc", None),
        ("get", "/postings?q=" + "芯" * 101, None),
        ("get", "/requests?direction=sideways", None),
        ("get", "/threads/999999", None),
        ("get", "/postings/999999", None),
        ("get", "/messages/999999/attachment", None),
        ("post", "/saved-searches", {"name": "x", "kind": "gossip"}),
        ("post", "/saved-searches", {}),
    ],
)
def test_bad_input_gets_a_bilingual_4xx(world: World, method: str, path: str, body: object) -> None:
    client = client_for(world.bob)
    response = (
        getattr(client, method)(f"{API}{path}", body, format="json")
        if body is not None
        else getattr(client, method)(f"{API}{path}")
    )
    assert 400 <= response.status_code < 500, (path, response.status_code, response.content[:200])
    assert response.json()["message"]


def test_a_malformed_body_is_a_400_not_a_500(world: World) -> None:
    response = client_for(world.bob).generic(
        "POST", f"{API}/postings", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_proposed_times_must_lie_ahead(world: World) -> None:
    posting = post_posting(world.bob)
    past = (timezone.now() - timedelta(days=1)).isoformat()
    response = client_for(world.carol).post(
        f"{API}/postings/{posting['id']}/requests",
        {"message": "见面", "proposed_times": [past]},
        format="json",
    )
    assert response.status_code == 400
    wrong = client_for(world.carol).post(
        f"{API}/postings/{posting['id']}/requests",
        {"message": "见面", "proposed_times": ["next tuesday"]},
        format="json",
    )
    assert wrong.status_code == 400


def test_renewal_is_the_owners_alone(world: World) -> None:
    posting = post_posting(world.bob)
    by_secretariat = client_for(world.alice).post(
        f"{API}/postings/{posting['id']}/renew", {"days": 10}, format="json"
    )
    assert by_secretariat.status_code == 403
    for days in (0, 366, "soon"):
        response = client_for(world.bob).post(
            f"{API}/postings/{posting['id']}/renew", {"days": days}, format="json"
        )
        assert response.status_code == 400


def test_recommendations_answer_503_when_the_graph_is_down(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from neo4j import GraphDatabase

    driver = GraphDatabase.driver("bolt://127.0.0.1:1", auth=("neo4j", "x"), connection_timeout=0.5)
    monkeypatch.setattr("backend.docking.selectors.graph_driver", lambda: driver)
    posting = post_posting(world.bob, industries=[world.net.ic.pk])
    response = client_for(world.carol).get(f"{API}/postings/{posting['id']}/recommendations")
    assert response.status_code == 503
    assert response.json()["message"]
    driver.close()
