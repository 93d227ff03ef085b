"""A person signs in to the web app, sees who they are, and signs out."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from backend.accounts.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def csrf_token(client: APIClient) -> str:
    response = client.get("/api/auth/csrf")
    assert response.status_code == 200
    token = response.json()["csrfToken"]
    assert client.cookies["csrftoken"].value
    return str(token)


def test_a_secretariat_user_signs_in_sees_themselves_and_signs_out(
    browser_client: APIClient, alice: User
) -> None:
    token = csrf_token(browser_client)

    response = browser_client.post(
        "/api/auth/login",
        {"username": "alice", "password": PASSWORD},
        format="json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 200, response.content
    assert response.json()["username"] == "alice"

    me = browser_client.get("/api/me").json()
    assert me == {
        "id": alice.pk,
        "username": "alice",
        "display_name": "王秘书",
        "role": "secretariat",
        "role_label": "联席会议秘书处",
        "park": None,
        "organisation": None,
        "is_staff": False,
    }

    # Signing in rotates the CSRF token; the web app reads the new cookie.
    token = browser_client.cookies["csrftoken"].value
    assert browser_client.post("/api/auth/logout", HTTP_X_CSRFTOKEN=token).status_code == 204
    after = browser_client.get("/api/me")
    assert after.status_code == 403
    assert after.json()["code"] == "not_authenticated"


def test_me_names_the_park_of_park_staff_in_english_when_asked(
    browser_client: APIClient, bob: User
) -> None:
    browser_client.force_login(bob)
    me = browser_client.get("/api/me", HTTP_ACCEPT_LANGUAGE="en").json()
    assert me["role"] == "park_staff"
    assert me["role_label"] == "Park staff"
    assert me["park"] == {"id": bob.park_id, "name": "江宁园"}


def test_it_refuses_a_wrong_password_with_a_message_in_chinese(
    browser_client: APIClient, alice: User
) -> None:
    token = csrf_token(browser_client)
    response = browser_client.post(
        "/api/auth/login",
        {"username": "alice", "password": "wrong"},
        format="json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_credentials"
    assert body["message"] == "用户名或密码错误，请重新输入。"
    assert browser_client.get("/api/me").status_code == 403


def test_it_refuses_a_wrong_password_in_english_when_the_browser_asks_for_english(
    browser_client: APIClient, alice: User
) -> None:
    token = csrf_token(browser_client)
    response = browser_client.post(
        "/api/auth/login",
        {"username": "alice", "password": "wrong"},
        format="json",
        HTTP_X_CSRFTOKEN=token,
        HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9",
    )
    assert response.status_code == 400
    assert response.json()["message"] == "Wrong username or password; try again."


def test_it_refuses_a_sign_in_without_the_csrf_token(
    browser_client: APIClient, alice: User
) -> None:
    csrf_token(browser_client)
    response = browser_client.post(
        "/api/auth/login", {"username": "alice", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 403
    body = response.json()
    assert body["code"] == "csrf_failed"
    assert "CSRF" in body["message"]
    assert browser_client.get("/api/me").status_code == 403


def test_it_names_the_missing_fields_of_an_empty_sign_in(browser_client: APIClient) -> None:
    token = csrf_token(browser_client)
    response = browser_client.post(
        "/api/auth/login", {}, format="json", HTTP_X_CSRFTOKEN=token, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "validation_error"
    assert set(body["detail"]) == {"username", "password"}


def test_it_answers_a_malformed_body_with_a_parse_error(browser_client: APIClient) -> None:
    token = csrf_token(browser_client)
    response = browser_client.post(
        "/api/auth/login", "{not json", content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_an_api_client_uses_a_token_instead_of_a_session(api_client: APIClient, rita: User) -> None:
    response = api_client.post(
        "/api/auth/token", {"username": "rita", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    token = response.json()["token"]

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/me").json()["role"] == "researcher"

    assert client.delete("/api/auth/token/revoke").status_code == 204
    again = client.get("/api/me")
    assert again.status_code == 403
    assert again.json()["code"] == "authentication_failed"


def test_an_anonymous_visitor_reads_nothing_about_themselves(api_client: APIClient) -> None:
    response = api_client.get("/api/me")
    assert response.status_code == 403
    assert response.json()["message"] == "请先登录。"
