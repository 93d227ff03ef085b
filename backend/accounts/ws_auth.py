"""Websocket authentication: the browser's session cookie, or an API token.

API clients send `Authorization: Token <key>` in the handshake (or `?token=<key>` where their
websocket library cannot set headers). Consumers refuse anonymous users themselves.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from channels.auth import AuthMiddlewareStack
from rest_framework.authtoken.models import Token

from backend.core.async_db import db_sync_to_async


@db_sync_to_async
def _user_for_token(key: str) -> Any:
    token = Token.objects.select_related("user").filter(key=key).first()
    if token is None or not token.user.is_active:
        return None
    return token.user


def _token_from_scope(scope: dict[str, Any]) -> str | None:
    for name, value in scope.get("headers", []):
        if name == b"authorization":
            kind, _, key = value.decode("latin-1").partition(" ")
            if kind.lower() == "token" and key:
                return key.strip()
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    keys = query.get("token")
    return keys[0] if keys else None


class _TokenAuthMiddleware:
    def __init__(self, inner: Any) -> None:
        self.inner = inner

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        user = scope.get("user")
        if user is None or not user.is_authenticated:
            key = _token_from_scope(scope)
            if key:
                token_user = await _user_for_token(key)
                if token_user is not None:
                    scope = dict(scope, user=token_user)
        return await self.inner(scope, receive, send)


def SessionOrTokenAuthMiddleware(inner: Any) -> Any:
    return AuthMiddlewareStack(_TokenAuthMiddleware(inner))
