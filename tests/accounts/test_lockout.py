"""Someone guessing a colleague's password is stopped after a few tries: the account is locked
on that device for a while (django-axes), with a message saying so; others are not affected,
and the right password afterwards does not get through until the lock is lifted."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.management import call_command
from rest_framework.test import APIClient

from backend.accounts.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _sign_in(username: str, password: str, language: str = "zh-hans") -> tuple[int, dict]:
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    response = client.post(
        "/api/auth/token", {"username": username, "password": password}, format="json"
    )
    return response.status_code, response.json()


def test_too_many_wrong_passwords_lock_the_account_on_that_device(alice: User, bob: User) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _sign_in("alice", "guess")[0] == 400
    status, body = _sign_in("alice", "guess")
    assert status == 429
    assert body["code"] == "sign_in_locked"
    assert "锁定" in body["message"]

    status, body = _sign_in("alice", PASSWORD, language="en")
    assert status == 429
    assert "locked" in body["message"] and body["detail"]["retry_after_s"] > 0

    assert _sign_in("bob", PASSWORD)[0] == 200  # another account is not affected

    call_command("axes_reset_username", "alice")  # the secretariat lifts the lock
    assert _sign_in("alice", PASSWORD)[0] == 200


def test_a_successful_sign_in_clears_earlier_failures(alice: User) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _sign_in("alice", "guess")[0] == 400
    assert _sign_in("alice", PASSWORD)[0] == 200
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _sign_in("alice", "guess")[0] == 400
    assert _sign_in("alice", PASSWORD)[0] == 200
